"""Incremental runs: a Doc whose inputs, stage params and code are unchanged is not processed again.

Each stage gives every Doc a `key` = hash(previous key, stage name, params section, code version,
context key). The stage's previous output folder (kept by DVC with `persist: true`) is the cache: a
new Doc whose key is found there is copied from it instead of being processed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.doc import Doc
from pipeline.io import read_part
from pipeline.params import Params

PACKAGE = Path(__file__).resolve().parent


# Code every per-document stage runs besides its own (`CODE` in its module). dvc.yaml lists the same
# files as the stage's deps (tested), so DVC and the per-document cache agree on what changed.
SHARED_CODE = ("doc.py", "io.py", "runner.py", "mapper.py", "cache.py", "schema.py", "params.py")


@lru_cache(maxsize=8)
def code_version(paths: tuple[str, ...]) -> str:
    """Hash of the given package files and folders (code and model files): a change there
    invalidates the stage's cache, a change elsewhere in the package does not."""
    digest = hashlib.sha256()
    for rel in paths:
        root = PACKAGE / rel
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def stage_code(module: ModuleType) -> tuple[str, ...]:
    """The package files a stage's output depends on; the whole package for a module without `CODE`."""
    return (*SHARED_CODE, *module.CODE) if hasattr(module, "CODE") else (".",)


def stage_salt(name: str, params: Params, module: ModuleType, context: Any) -> str:
    section = dataclasses.asdict(getattr(params, name)) if hasattr(params, name) else {}
    if name == "ingest":
        section.pop("input_dir", None)  # where the folder is does not change what a file becomes
    parts = [name, json.dumps(section, sort_keys=True, default=str), code_version(stage_code(module))]
    if context is not None and not hasattr(module, "context_key"):
        parts.append(hashlib.sha256(pickle.dumps(context)).hexdigest())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def doc_key(doc: Doc, salt: str, module: ModuleType, context: Any) -> str:
    extra = module.context_key(doc, context) if hasattr(module, "context_key") else ""
    return key_of(doc.key, salt, extra)


def key_of(previous_key: str | None, salt: str, extra: str = "") -> str:
    """A Doc's key at this stage from its key at the previous one: no Doc is needed without a context key."""
    return hashlib.sha256(f"{previous_key}\0{salt}\0{extra}".encode()).hexdigest()[:32]


class Previous:
    """The stage's previous output, indexed by key; reads a part only when one of its rows is reused."""

    def __init__(self, folder: Path) -> None:
        self.where: dict[str, tuple[Path, int]] = {}
        self.sizes: dict[Path, int] = {}
        for part in sorted(folder.glob("part-*.parquet")):
            try:
                keys = pq.ParquetFile(part).read(columns=["key", "error"]).to_pylist()
            except (OSError, ValueError, KeyError):
                continue  # an unreadable or old-schema part is simply not reused
            self.sizes[part] = len(keys)
            for row, record in enumerate(keys):
                if record["key"] and record["error"] is None:
                    self.where.setdefault(record["key"], (part, row))

    def __contains__(self, key: str) -> bool:
        return key in self.where

    def whole_part(self, keys: list[str]) -> Path | None:
        """The previous part holding exactly `keys`, in this order and nothing else: it can be kept as it is."""
        found = [self.where.get(key) for key in keys]
        if not found or found[0] is None or self.sizes[found[0][0]] != len(keys):
            return None
        part = found[0][0]
        return part if all(f == (part, row) for row, f in enumerate(found)) else None

    def rows(self, keys: list[str]) -> pa.Table:
        """The previous rows of `keys` (all found here), in the order of `keys`, as Arrow: never as Python objects."""
        by_part: dict[Path, list[int]] = {}
        order: list[tuple[Path, int]] = []
        for key in keys:
            part, row = self.where[key]
            rows = by_part.setdefault(part, [])
            order.append((part, len(rows)))
            rows.append(row)
        tables = {part: read_part(part).take(pa.array(rows, pa.int64())) for part, rows in by_part.items()}
        start, offset = {}, 0
        for part, table in tables.items():
            start[part] = offset
            offset += table.num_rows
        found = pa.concat_tables(tables.values()) if tables else pa.Table.from_pylist([], schema=schema.DOC)
        return found.take(pa.array([start[part] + i for part, i in order], pa.int64()))
