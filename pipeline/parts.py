"""The published datasets read some documents at a time, by validate and by the report.

Both go through every document with its rows in every per-document dataset, and neither may hold the
corpus: memory must not grow with it. Publish writes every dataset grouped by document in the order
of documents.parquet; `bounds` finds where each document's rows start in each dataset (None when a
file is not so grouped, edited by hand: the caller then reads it whole), and a `Cursor` reads a
dataset front to back, so many rows at a time. Arrow only: the report's process never imports pandas.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.io import numbers_of

PER_DOC = ("blocks", "citations", "numbers")  # datasets with a doc_id, read along with documents
BATCH_BYTES = 4_000_000  # read at once from a dataset: small against a part


def files(path: Path) -> list[Path]:
    """A dataset is one Parquet file or a folder of part files (CONTRACT.md allows both)."""
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def batches(path: Path, columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
    """Record batches of about BATCH_BYTES each (a documents row holds a whole body text, a blocks row
    a line or two), read without pre-buffering (which reads whole files ahead)."""
    for part in files(path):
        file = pq.ParquetFile(part, pre_buffer=False)
        meta = file.metadata
        size = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        rows = max(16, min(65536, BATCH_BYTES * meta.num_rows // max(size, 1)))
        yield from file.iter_batches(batch_size=rows, columns=columns)


class Cursor:
    """Reads a dataset front to back, so many rows at a time."""

    def __init__(self, path: Path, table_schema: pa.Schema) -> None:
        self.schema = table_schema
        self.batches = batches(path)
        self.buffer: list[pa.RecordBatch] = []
        self.held = 0

    def take(self, n: int) -> pa.Table:
        while self.held < n:
            batch = next(self.batches)
            self.buffer.append(batch)
            self.held += batch.num_rows
        table = pa.Table.from_batches(self.buffer, schema=self.schema)
        self.buffer, self.held = table.slice(n).to_batches(), self.held - n
        return table.slice(0, n)


def doc_ids(path: Path) -> Iterator[pa.Array]:
    for batch in batches(path, ["doc_id"]):
        yield batch.column(0)


def bounds(paths: dict[str, Path], rows: dict[str, int]) -> dict[str, np.ndarray] | None:
    """Per dataset of PER_DOC, bound[i] = its first row that belongs to documents row i or later; None
    when a dataset's rows are not grouped by document in the order of documents.parquet, or doc ids
    repeat in documents. `rows`: each dataset's row count."""
    order: dict[str, int] = {}
    for ids in doc_ids(paths["documents"]):
        for doc_id in ids.to_pylist():
            order.setdefault(doc_id, len(order))
    total = rows["documents"]
    if len(order) != total:  # duplicated doc ids: the per-document joins need them all at once
        return None
    found = {}
    for name in PER_DOC:
        first = np.full(total + 1, rows[name], dtype=np.int64)
        row, last = 0, -1
        for ids in doc_ids(paths[name]):
            if not len(ids):
                continue
            runs = pc.run_end_encode(ids)
            ends = numbers_of(runs.run_ends)
            for start, doc_id in zip(np.r_[0, ends[:-1]].tolist(), runs.values.to_pylist()):
                i = order.get(doc_id, -1)
                if i < last or i < 0:
                    return None
                if i > last:  # (i == last: the same document, split between two batches)
                    first[i], last = row + start, i
            row += len(ids)
        found[name] = np.minimum.accumulate(first[::-1])[::-1]  # documents without rows start where the next does
    return found
