"""Input listing, Doc <-> Arrow rows, and Parquet read/write with explicit schemas."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.doc import Block, Citation, Doc, Hint, Number

# Fixed writer options: the same rows always give the same bytes.
WRITE_OPTIONS = dict(compression="zstd", use_dictionary=True, write_statistics=True, version="2.6")


def list_inputs(folder: Path, extensions: Iterable[str]) -> list[Path]:
    """Every file under `folder` with a wanted suffix, sorted by POSIX path; symlink loops are not followed."""
    wanted = {e.lower() for e in extensions}
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        found.extend(Path(root) / f for f in files if Path(f).suffix.lower() in wanted)
    return sorted(found, key=lambda p: p.as_posix())


def doc_to_record(doc: Doc) -> dict:
    """The Doc as an Arrow row. Shallow on purpose: dataclasses.asdict deep-copies every block and
    number, which cost more than the stages' own work on large pages."""
    record = dict(vars(doc))
    record["hints"] = [vars(h) for h in doc.hints]
    record["blocks"] = [vars(b) for b in doc.blocks]
    record["citations"] = [vars(c) for c in doc.citations]
    record["numbers"] = [vars(n) for n in doc.numbers]
    record["fixes"] = sorted(doc.fixes.items())
    return record


def doc_from_record(record: dict) -> Doc:
    record = dict(record)
    record["hints"] = [Hint(**h) for h in record["hints"] or []]
    record["blocks"] = [Block(**b) for b in record["blocks"] or []]
    record["citations"] = [Citation(**c) for c in record["citations"] or []]
    record["numbers"] = [Number(**n) for n in record["numbers"] or []]
    record["fixes"] = dict(record["fixes"] or [])
    record["flags"] = list(record["flags"] or [])
    record["authors"] = list(record["authors"] or [])
    return Doc(**record)


def write_table(rows: list[dict], table_schema: pa.Schema, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=table_schema)
    pq.write_table(table, path, **WRITE_OPTIONS)


class PartWriter:
    """Writes a dataset as a folder of numbered part files, one per batch, replacing what was there."""

    def __init__(self, folder: Path, table_schema: pa.Schema) -> None:
        self.folder = folder
        self.schema = table_schema
        self.count = 0
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("part-*.parquet"):
            old.unlink()

    def write(self, rows: list[dict]) -> None:
        write_table(rows, self.schema, self.folder / f"part-{self.count:05d}.parquet")
        self.count += 1


def read_part(part: Path, columns: list[str] | None = None) -> pa.Table:
    """One interim part file, or some of its columns. ParquetFile, not read_table: read_table imports
    pyarrow.dataset (~1 s)."""
    table = pq.ParquetFile(part).read(columns=columns)
    expected = schema.DOC if columns is None else pa.schema([schema.DOC.field(name) for name in columns])
    if not table.schema.equals(expected):
        raise ValueError(f"{part}: schema differs from the interim Doc schema")
    return table


def read_docs(folder: Path) -> Iterator[list[Doc]]:
    """Batches of Docs from a stage's part files, in order."""
    for part in sorted(folder.glob("part-*.parquet")):
        yield [doc_from_record(r) for r in read_part(part).to_pylist()]
