"""GX results kept between runs under a hash of exactly what decides them: validate re-checks only what changed.

Why: GX costs milliseconds per document, so after one document of 10,000 was edited, checking the
other 9,999 again took half of the re-run (55 s of 107 s). A suite's results are a pure function of
what it reads, its expectations, the result options, our expectations code and the GX version, so
the key is a hash of those and a hit is the result GX would give:
- a suite over a part of the corpus (validate.docs_per_part documents) reads the part's rows of
  every dataset, which of its documents are among the inputs, and the `validate:` params (its
  DataFrame is derived from them): the part's digest (data.Part) and the params are keyed, and an
  unchanged part is neither converted to pandas nor checked;
- the other suites (small: schema, errors, inputs, corpus, and uniqueness over whole columns) are
  keyed by the DataFrame GX gets (only the columns the checks read, see gx._for_gx).
The folder is kept like publish's (pipeline/kept.py): a DVC `persist` output holding one run's entries.

Tables are hashed through Arrow, value by value (`_array`): Arrow's IPC and Parquet bytes depend on
how the rows were chunked when read, which changes when another part of the file changes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.cache import code_version
from pipeline.kept import KeptFolder

FOLDER = Path("interim") / "validate"  # under the outputs folder


def _plain(value: Any) -> Any:
    """JSON for check kwargs: sets sorted, so that the key does not depend on hash order."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    return str(value)


def _array(digest: Any, arr: pa.Array) -> None:
    """Feed one column's values to `digest`: its type, which rows are null, and the values. Strings and
    fixed-width numbers are read from their buffers (offsets rebased to the slice); other types (lists,
    maps: short columns) go through Python values."""
    t = arr.type
    digest.update(f"{t}\0{len(arr)}\0{arr.null_count}\0".encode())
    if arr.null_count:
        digest.update(np.packbits(arr.is_valid().to_numpy(zero_copy_only=False)).tobytes())
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_binary(t) or pa.types.is_large_binary(t):
        width = np.int64 if pa.types.is_large_string(t) or pa.types.is_large_binary(t) else np.int32
        _, offsets_buf, data_buf = arr.buffers()
        offsets = np.frombuffer(offsets_buf, dtype=width, count=len(arr) + 1, offset=arr.offset * np.dtype(width).itemsize)
        lo, hi = int(offsets[0]), int(offsets[-1])
        digest.update((offsets - offsets[0]).astype(np.int64).tobytes())
        digest.update(memoryview(data_buf)[lo:hi] if data_buf is not None and hi > lo else b"")
    elif pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t):
        filled = pc.fill_null(arr, False if pa.types.is_boolean(t) else 0) if arr.null_count else arr
        digest.update(np.ascontiguousarray(filled.to_numpy(zero_copy_only=False)).tobytes())
    else:
        digest.update(json.dumps(arr.to_pylist(), default=str, sort_keys=True).encode())


def table_digest(tables: dict[str, pa.Table | pa.Array]) -> str:
    """Hash of named tables (their column names, types and values) and arrays."""
    digest = hashlib.sha256()
    for label, table in tables.items():
        digest.update(f"{label}\0".encode())
        if isinstance(table, pa.Array):
            _array(digest, table)
            continue
        digest.update(f"{table.num_rows}\0".encode())
        for name, column in zip(table.column_names, table.columns):
            digest.update(f"{name}\0".encode())
            _array(digest, column.combine_chunks())
    return digest.hexdigest()


def frame_digest(frame: pd.DataFrame) -> str:
    """Hash of a DataFrame's column names, types and values (not of its index, which GX does not read)."""
    return table_digest({"frame": pa.Table.from_pandas(frame, preserve_index=False)})


class ResultStore(KeptFolder[dict[str, Any]]):
    """Raw GX results by key, one JSON file each under `outputs/interim/validate`."""

    suffix = ".json"

    def __init__(self, outputs: Path) -> None:
        # what the results depend on besides the data and the checks: GX itself and our code around it
        super().__init__(outputs / FOLDER, f"{version('great_expectations')}\0{code_version(('expectations', 'kept.py', 'parts.py', 'io.py'))}")

    def suite_key(self, suite: str, data: str, checks: Iterable[Any], columns: tuple[str, ...], options: dict[str, Any]) -> str:
        """`data`: the digest of what the suite reads; `checks`: the Check dataclasses run; `columns`: the
        key naming failing rows; `options`: result options and anything else the results depend on."""
        spec = json.dumps([suite, [dataclasses.asdict(c) for c in checks], list(columns), options], sort_keys=True, default=_plain)
        return self.key(spec, data)

    def _read(self, path: Path) -> dict[str, Any]:
        return json.loads(path.read_text(encoding="utf-8"))

    def _write(self, path: Path, found: dict[str, Any]) -> dict[str, Any]:
        text = json.dumps(found, ensure_ascii=False)  # GX's key order kept: messages list failing rows in it
        path.write_text(text, encoding="utf-8")
        return json.loads(text)
