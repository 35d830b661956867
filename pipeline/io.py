"""Input listing, Doc <-> Arrow rows, Parquet read/write with explicit schemas, and numpy <-> Arrow numbers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.doc import Block, Citation, Doc, Hint, Number

# Fixed writer options: the same rows always give the same bytes.
WRITE_OPTIONS = dict(compression="zstd", use_dictionary=True, write_statistics=True, version="2.6")



def numbers_of(arr: pa.Array) -> np.ndarray:
    """A fixed-width number array without nulls as numpy, read from its buffer. `to_numpy`, like
    `pa.array` on numpy or Python values, asks for pandas: a second of start-up in the processes that
    keep it out (lean.py, the report)."""
    t = arr.type
    dtype = np.dtype(f"{'f' if pa.types.is_floating(t) else 'u' if pa.types.is_unsigned_integer(t) else 'i'}{t.bit_width // 8}")
    if not len(arr):
        return np.zeros(0, dtype=dtype)
    return np.frombuffer(arr.buffers()[1], dtype=dtype, count=len(arr), offset=arr.offset * dtype.itemsize)


def array_of(values: np.ndarray, type_: pa.DataType) -> pa.Array:
    """Numbers (numpy, no nulls, of `type_`'s width) as an Arrow array on their own buffer (see `numbers_of`)."""
    values = np.ascontiguousarray(values)
    return pa.Array.from_buffers(type_, len(values), [None, pa.py_buffer(values)])


def list_inputs(folder: Path, extensions: Iterable[str]) -> list[Path]:
    """Every file under `folder` with a wanted suffix, sorted by POSIX path; symlink loops are not followed."""
    wanted = {e.lower() for e in extensions}
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        found.extend(Path(root) / f for f in files if Path(f).suffix.lower() in wanted)
    return sorted(found, key=lambda p: p.as_posix())


# Fields whose Arrow row form differs from the Doc's: lists of dataclasses and the fixes map.
# vars(), not dataclasses.asdict: asdict deep-copies every block and number, which cost more than the
# stages' own work on large pages.
_TO_ROW = {
    "hints": lambda v: [vars(h) for h in v],
    "blocks": lambda v: [vars(b) for b in v],
    "citations": lambda v: [vars(c) for c in v],
    "numbers": lambda v: [vars(n) for n in v],
    "fixes": lambda v: sorted(v.items()),
}
_FROM_ROW = {
    "hints": lambda v: [Hint(**h) for h in v or []],
    "blocks": lambda v: [Block(**b) for b in v or []],
    "citations": lambda v: [Citation(**c) for c in v or []],
    "numbers": lambda v: [Number(**n) for n in v or []],
    "fixes": lambda v: dict(v or []),
    "flags": lambda v: list(v or []),
    "authors": lambda v: list(v or []),
}
FIELDS = tuple(schema.DOC.names)


def doc_to_record(doc: Doc, fields: Iterable[str] = FIELDS) -> dict:
    """The Doc's `fields` (all by default) as an Arrow row. Shallow: lists are shared, not copied."""
    return {name: _TO_ROW[name](getattr(doc, name)) if name in _TO_ROW else getattr(doc, name) for name in fields}


def doc_from_record(record: dict) -> Doc:
    """A Doc from an Arrow row, or from some of its fields: the others keep their defaults."""
    doc = Doc(doc_id=record.get("doc_id", ""), source_path=record.get("source_path", ""), format=record.get("format", ""))
    for name, value in record.items():
        setattr(doc, name, _FROM_ROW[name](value) if name in _FROM_ROW else value)
    return doc


def write_table(rows: list[dict], table_schema: pa.Schema, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=table_schema)
    pq.write_table(table, path, **WRITE_OPTIONS)


class PartWriter:
    """Writes a dataset as a folder of numbered part files, one per batch, replacing what was there.

    With `background`, a part is compressed and written by a thread while the caller goes on with
    the next batch (Parquet writing releases the GIL, so it takes an idle core); at most one part is
    in flight, and `close()` waits for it and raises its error.
    """

    def __init__(self, folder: Path, table_schema: pa.Schema, background: bool = False) -> None:
        self.folder = folder
        self.schema = table_schema
        self.count = 0
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="parts") if background else None
        self.pending: Future | None = None
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("part-*.parquet"):
            old.unlink()

    def write(self, rows: list[dict] | pa.Table) -> None:
        """The next part, from rows or from an Arrow table of this schema (same values, same bytes)."""
        path = self.folder / f"part-{self.count:05d}.parquet"
        table = rows.combine_chunks() if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows, schema=self.schema)
        if not table.schema.equals(self.schema):
            raise ValueError(f"{path}: table schema differs from the dataset's")
        self.count += 1
        if self.thread is None:
            pq.write_table(table, path, **WRITE_OPTIONS)
            return
        self.wait()
        self.pending = self.thread.submit(pq.write_table, table, path, **WRITE_OPTIONS)

    def wait(self) -> None:
        """Until the part in flight is written."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()

    def close(self) -> None:
        if self.thread is not None:
            try:
                self.wait()
            finally:
                self.thread.shutdown()


def read_part(part: Path, columns: list[str] | None = None) -> pa.Table:
    """One interim part file, or some of its columns. ParquetFile, not read_table: read_table imports
    pyarrow.dataset (~1 s)."""
    table = pq.ParquetFile(part).read(columns=columns)
    expected = schema.DOC if columns is None else schema.doc_fields(columns)
    if not table.schema.equals(expected):
        raise ValueError(f"{part}: schema differs from the interim Doc schema")
    # Parquet names list items "element", the schema "item": equal types, but a table written back
    # would store the other name in its footer. A view renames them without copying any data.
    columns = [pa.chunked_array([c.view(f.type) for c in col.chunks], f.type) for col, f in zip(table.columns, expected)]
    return pa.Table.from_arrays(columns, schema=expected)


# a stage's input for its corpus pre-pass (runner.py): `()` the batches with the fields the stage
# declares, `(fields, only)` other fields, of the batches numbered in `only`
Source = Callable[..., Iterator[list[Doc]]]


def read_docs(folder: Path, columns: list[str] | None = None, only: set[int] | None = None) -> Iterator[list[Doc]]:
    """Batches of Docs from a stage's part files, in order; with `columns`, Docs of those fields only;
    with `only`, the batches of those numbers (counted among all parts, from 0) only."""
    for number, part in enumerate(sorted(folder.glob("part-*.parquet"))):
        if only is None or number in only:
            yield [doc_from_record(r) for r in read_part(part, columns).to_pylist()]
