"""The published datasets a document page shows, some documents at a time.

A page is rendered from its document's rows only, so a re-run needs the `Doc`s of the changed
documents alone: the others are known by a digest of their rows, computed without turning them
into Python objects (that conversion cost more than rendering the page did). The rows are read
PART_DOCS documents at a time (pipeline/parts.py, shared with validate): holding every dataset
whole took 870 MB at 10,000 documents, and grew with the corpus. Only the documents' short columns
and each document's row counts are kept for the whole corpus (the index page lists them all).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import parts, schema
from pipeline.doc import Block, Citation, Doc, Number
from pipeline.io import array_of, numbers_of
from pipeline.report.data import dataset, doc_from_rows, read, rebuild_page

DATASETS = ("documents", "blocks", "citations", "numbers")
INFO = ["doc_id", "title", "source_path", "format", "published", "words", "flags"]  # what the index page lists
DROPPED = ("chrome", "front_matter")  # labels whose lines stay out of documents.text and carry no notes
PART_DOCS = 200  # documents whose rows are held at once; pages do not depend on it


def codes(column: pa.ChunkedArray | pa.Array) -> tuple[list, np.ndarray]:
    """The column's distinct values in order of first appearance, and each row's number among them
    (Arrow's dictionary encoding), read without pandas (io.numbers_of)."""
    encoded = (column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column).dictionary_encode()
    return encoded.dictionary.to_pylist(), numbers_of(encoded.indices)


class _Index:
    """Row numbers of a table grouped by doc_id, as one Arrow array: a document's rows are a slice of it."""

    def __init__(self, doc_ids: pa.ChunkedArray) -> None:
        # grouped in numpy, not a Python loop per row (seconds for the blocks of 10,000 documents): a
        # stable sort of the ids' codes lists each document's rows together, in file order, documents
        # in order of first appearance
        self.ids, self.codes = codes(doc_ids)
        counts = np.bincount(self.codes, minlength=len(self.ids))
        starts = np.cumsum(counts) - counts
        self.spans: dict[str, tuple[int, int]] = dict(zip(self.ids, zip(starts.tolist(), counts.tolist())))
        self.order = array_of(np.argsort(self.codes, kind="stable").astype(np.int64), pa.int64())

    def count(self, doc_id: str) -> int:
        return self.spans.get(doc_id, (0, 0))[1]

    def take(self, table: pa.Table, doc_id: str) -> pa.Table:
        start, length = self.spans.get(doc_id, (0, 0))
        return table.take(self.order.slice(start, length))


class Part:
    """Some documents' rows of every dataset, indexed by doc_id."""

    def __init__(self, tables: dict[str, pa.Table]) -> None:
        self.tables = {name: table.combine_chunks() for name, table in tables.items()}
        self.index = {name: _Index(table.column("doc_id")) for name, table in self.tables.items()}

    def rows(self, doc_id: str) -> dict[str, pa.Table]:
        """The document's rows of each dataset, copied by `take` into buffers of their own.

        A copy, not a slice: a slice's Arrow IPC bytes depend on where its rows sat in the file
        (bitmap bits past its end), so an edit elsewhere would change every digest after it.
        """
        return {name: self.index[name].take(table, doc_id) for name, table in self.tables.items()}


class Published:
    """The documents' short columns (`info`), each document's row counts, and the rows themselves a
    part at a time (`parts`). Datasets that are not as publish writes them (another schema, not grouped
    by document, a missing one) are read whole, as one part."""

    def __init__(self, outputs: Path) -> None:
        self.info = read(outputs, "documents", columns=INFO)
        self.doc_ids: list[str] = self.info.column("doc_id").to_pylist()
        self.paths = {name: dataset(outputs, name) for name in DATASETS}
        sizes = {name: _contract_rows(path, name) for name, path in self.paths.items()}
        streamed = all(n is not None for n in sizes.values())
        self.bounds = parts.bounds(self.paths, sizes) if streamed else None  # type: ignore[arg-type]
        self.whole = None if self.bounds is not None else Part({name: read(outputs, name) for name in DATASETS})
        self.counts, self.dropped = self._counts()

    def _counts(self) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
        """Rows per doc_id in blocks, citations and numbers, and blocks of a DROPPED label per doc_id."""
        if self.whole is not None:
            index = self.whole.index
            labels, label_codes = codes(self.whole.tables["blocks"]["label"])
            dropped = np.bincount(index["blocks"].codes[np.isin(label_codes, [i for i, label in enumerate(labels) if label in DROPPED])],
                                  minlength=len(index["blocks"].ids))
            counts = {name: {d: n for d, (_, n) in index[name].spans.items()} for name in parts.PER_DOC}
            return counts, dict(zip(index["blocks"].ids, dropped.tolist()))
        # grouped: every document's rows are one run, so a count is a difference of bounds
        ids = self.doc_ids
        counts = {name: dict(zip(ids, np.diff(self.bounds[name]).tolist())) for name in parts.PER_DOC}
        dropped = np.zeros(len(ids), dtype=np.int64)
        row = 0
        for batch in parts.batches(self.paths["blocks"], ["label"]):
            labels, label_codes = codes(batch.column(0))
            at = row + np.flatnonzero(np.isin(label_codes, [i for i, label in enumerate(labels) if label in DROPPED]))
            # the document of each dropped row: the last whose first row is at or before it
            np.add.at(dropped, np.searchsorted(self.bounds["blocks"], at, side="right") - 1, 1)
            row += batch.num_rows
        return counts, dict(zip(ids, dropped.tolist()))

    def part_count(self) -> int:
        return 1 if self.whole is not None else max(1, -(-len(self.doc_ids) // PART_DOCS))

    def count(self, name: str, doc_id: str) -> int:
        return self.counts[name].get(doc_id, 0)

    def parts(self) -> Iterator[tuple[int, Part]]:
        """(number of the part's first document, the part), in document order."""
        if self.whole is not None:
            yield 0, self.whole
            return
        cursors = {name: parts.Cursor(self.paths[name], schema.DATASETS[name]) for name in DATASETS}
        total = len(self.doc_ids)
        for lo in range(0, total, PART_DOCS):
            hi = min(lo + PART_DOCS, total)
            take = {"documents": hi - lo, **{n: int(self.bounds[n][hi] - self.bounds[n][lo]) for n in parts.PER_DOC}}
            yield lo, Part({name: cursors[name].take(n) for name, n in take.items()})


def column_batches(outputs: Path, name: str, column: str) -> Iterator[pa.Array]:
    """One column of a dataset, a batch at a time when its files are in the contract schema (memory
    stays flat); else read whole through `read`, which also casts other schemas and reads a missing
    optional dataset as empty."""
    path = dataset(outputs, name)
    if _contract_rows(path, name) is not None:
        for batch in parts.batches(path, [column]):
            yield batch.column(0)
        return
    yield read(outputs, name, columns=[column]).column(column).combine_chunks()


def _contract_rows(path: Path, name: str) -> int | None:
    """A dataset's row count, from its Parquet footers, when every file of it holds exactly the
    contract schema (then it is read as it is); None when it is missing, unreadable or of another schema."""
    found = parts.files(path) if path.exists() else []
    try:
        footers = [pq.ParquetFile(part) for part in found]
    except (pa.ArrowInvalid, OSError):
        return None
    if not footers or not all(f.schema_arrow.equals(schema.DATASETS[name]) for f in footers):
        return None
    return sum(f.metadata.num_rows for f in footers)


def digest(rows: dict[str, pa.Table]) -> str:
    """A hash of every row a page shows: same rows, same digest."""
    hashed = hashlib.sha256()
    for name, table in rows.items():
        hashed.update(f"{name}\0{table.num_rows}\0".encode())
        for batch in table.to_batches():
            hashed.update(batch.serialize())
    return hashed.hexdigest()


def _objects(table: pa.Table, kind: type) -> list:
    """The rows as `kind` dataclasses, built column-wise: a dict per row first cost more than the page."""
    columns = table.to_pydict()
    names = [f.name for f in dataclasses.fields(kind)]
    return [kind(*values) for values in zip(*(columns[n] for n in names))]


def to_doc(rows: dict[str, pa.Table]) -> Doc:
    """The Doc of `doc_from_rows` (pipeline/report/data.py), from one document's rows."""
    blocks = rows["blocks"]
    if blocks.column("block").to_pylist() != list(range(blocks.num_rows)):  # publish writes them in order; others may not
        blocks = blocks.take(pa.array(sorted(range(blocks.num_rows), key=blocks.column("block").to_pylist().__getitem__), pa.int64()))
    doc = doc_from_rows(rows["documents"].to_pylist()[0], [], [], [])
    doc.blocks = _objects(blocks, Block)
    doc.page = rebuild_page(doc.blocks)
    doc.citations = _objects(rows["citations"], Citation)
    doc.numbers = _objects(rows["numbers"], Number)
    return doc
