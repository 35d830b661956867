"""The published datasets a document page shows, read once and indexed by doc_id.

A page is rendered from its document's rows only, so a re-run needs the `Doc`s of the changed
documents alone: the others are known by a digest of their rows, computed without turning them
into Python objects (that conversion cost more than rendering the page did).
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import numpy as np
import pyarrow as pa

from pipeline.doc import Block, Citation, Doc, Number
from pipeline.report.data import doc_from_rows, read, rebuild_page

DATASETS = ("documents", "blocks", "citations", "numbers")


def codes(column: pa.ChunkedArray) -> tuple[list, np.ndarray]:
    """The column's distinct values in order of first appearance, and each row's number among them
    (Arrow's dictionary encoding). The numbers are read from the Arrow buffer: `to_numpy`, like
    pa.array() on Python values, imports pandas, a second of start-up the report has no use for."""
    encoded = column.combine_chunks().dictionary_encode()
    indices = encoded.indices
    width = indices.type.bit_width // 8
    return encoded.dictionary.to_pylist(), np.frombuffer(indices.buffers()[1], dtype=f"int{8 * width}", count=len(indices), offset=indices.offset * width)


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
        order = np.argsort(self.codes, kind="stable").astype(np.int64)
        self.order = pa.Array.from_buffers(pa.int64(), len(order), [None, pa.py_buffer(order)])

    def count(self, doc_id: str) -> int:
        return self.spans.get(doc_id, (0, 0))[1]

    def take(self, table: pa.Table, doc_id: str) -> pa.Table:
        start, length = self.spans.get(doc_id, (0, 0))
        return table.take(self.order.slice(start, length))


class Published:
    def __init__(self, outputs: Path) -> None:
        self.tables = {name: read(outputs, name).combine_chunks() for name in DATASETS}
        self.doc_ids: list[str] = self.tables["documents"].column("doc_id").to_pylist()
        self.index = {name: _Index(table.column("doc_id")) for name, table in self.tables.items()}

    def rows(self, doc_id: str) -> dict[str, pa.Table]:
        """The document's rows of each dataset, copied by `take` into buffers of their own.

        A copy, not a slice: a slice's Arrow IPC bytes depend on where its rows sat in the file
        (bitmap bits past its end), so an edit elsewhere would change every digest after it.
        """
        return {name: self.index[name].take(table, doc_id) for name, table in self.tables.items()}

    def counts(self, name: str, doc_id: str) -> int:
        return self.index[name].count(doc_id)


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
