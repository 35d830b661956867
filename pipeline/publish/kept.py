"""Published rows of unchanged interim parts, kept between runs: publish converts only what changed.

Why: after one document of 10,000 was edited, publish read and converted every part again (9 s of
its 16 s; writing the files is the rest). A part's published rows are a function of the Docs it
publishes, which their keys name (a hash chain of input, params and code of every stage, see
pipeline/cache.py), and of publish's params and code: an entry is stored under a hash of those, as
Arrow IPC files (read back without conversion), in `outputs/interim/publish/parts/` (kept by DVC:
`persist: true`). Which Docs of a part are published (not failed, not a doc_id seen in an earlier
part) is decided every run from a few columns, so an entry never depends on other parts.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from collections import Counter
from pathlib import Path

import pyarrow as pa

from pipeline.cache import code_version
from pipeline.params import Params

# lz4: a third of the size of plain IPC, and read back much faster than Parquet is decoded
_COMPRESSED = pa.ipc.IpcWriteOptions(compression="lz4")


class KeptParts:
    """`code`: the package files publish runs (its dvc.yaml deps), whose change empties the folder's use."""

    def __init__(self, folder: Path, params: Params, code: tuple[str, ...]) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        section = json.dumps(dataclasses.asdict(params.publish), sort_keys=True)
        self.salt = f"{section}\0{code_version(code)}\0{pa.__version__}"
        self.used: set[str] = set()
        self.hits = 0

    def key(self, doc_keys: list[str]) -> str:
        return hashlib.sha256("\0".join([self.salt, *doc_keys]).encode()).hexdigest()[:40]

    def get(self, key: str) -> tuple[dict[str, pa.Table], Counter[str]] | None:
        entry = self.folder / key
        if not (entry / "counts.json").is_file():  # written last: a half-written entry is not used
            return None
        tables = {}
        for path in sorted(entry.glob("*.arrow")):
            with pa.OSFile(str(path)) as source:
                tables[path.stem] = pa.ipc.open_file(source).read_all()
        self.used.add(key)
        self.hits += 1
        return tables, Counter(json.loads((entry / "counts.json").read_text(encoding="utf-8")))

    def put(self, key: str, tables: dict[str, pa.Table], counts: Counter[str]) -> None:
        entry = self.folder / key
        shutil.rmtree(entry, ignore_errors=True)
        entry.mkdir()
        for name, table in tables.items():
            with pa.OSFile(str(entry / f"{name}.arrow"), "wb") as sink, pa.ipc.new_file(sink, table.schema, options=_COMPRESSED) as writer:
                writer.write_table(table)
        (entry / "counts.json").write_text(json.dumps(dict(sorted(counts.items()))), encoding="utf-8")
        self.used.add(key)

    def prune(self) -> None:
        """Remove the entries this run did not use: the folder holds one run's parts."""
        for entry in self.folder.iterdir():
            if entry.name not in self.used:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
