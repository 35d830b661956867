"""publish: the final datasets of CONTRACT.md, one Parquet file each, plus the counts for metrics.

`run` copies the interim parts' columns in Arrow (pipeline/publish/tables.py); tests/publish_rows.py
defines each dataset's rows from a Doc, and tests compare both, byte for byte. The rows of a part
whose published Docs did not change are read back from the last run (pipeline/publish/kept.py).
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import io, schema
from pipeline.io import WRITE_OPTIONS
from pipeline.params import Params
from pipeline.publish import tables
from pipeline.publish.arrays import numbers
from pipeline.publish.kept import KeptParts
from pipeline.runner import interim

NAME = "publish"
INPUT = "extract"
CODE = ("stages/publish.py", "publish", "kept.py", "segment/chars.py", "schema.py", "io.py")  # package files publish runs; dvc.yaml deps match
IDENTITY = ["doc_id", "source_path", "error", "error_stage", "key"]  # what decides which rows a part publishes


class Writers:
    """One ParquetWriter per dataset: a row group per batch keeps memory flat, one file keeps reading simple."""

    def __init__(self, outputs: Path) -> None:
        outputs.mkdir(parents=True, exist_ok=True)
        self.writers = {name: pq.ParquetWriter(outputs / f"{name}.parquet", s, **WRITE_OPTIONS) for name, s in schema.DATASETS.items()}

    def write(self, name: str, rows: list[dict]) -> None:
        if rows:
            self.write_table(name, pa.Table.from_pylist(rows, schema=schema.DATASETS[name]))

    def write_table(self, name: str, table: pa.Table) -> None:
        if table.num_rows:
            self.writers[name].write_table(table.combine_chunks())

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def _errors(batch: pa.Table, seen: dict[str, str], counts: Counter[str]) -> tuple[list[dict], list[int]]:
    """The batch's failed Docs as error rows (a doc_id met before is a duplicate), and the rows of the others."""
    errors: list[dict] = []
    kept: list[int] = []
    ids, paths = batch.column("doc_id").to_pylist(), batch.column("source_path").to_pylist()
    for i, (doc_id, source, error, stage) in enumerate(zip(ids, paths, batch.column("error").to_pylist(), batch.column("error_stage").to_pylist())):
        if error is None and doc_id in seen:
            error, stage = f"same bytes as {seen[doc_id]} (duplicate doc_id {doc_id})", NAME
        if error is not None:
            errors.append({"source_path": source, "stage": stage, "error": error})
            counts[f"errors.{stage}"] += 1
            continue
        seen[doc_id] = source
        kept.append(i)
    return errors, kept


def _convert(part: Path, kept: list[int], params: Params) -> tuple[dict[str, pa.Table], Counter[str]]:
    """The published rows of a part's Docs `kept`, and their label, kind, fix and flag counts."""
    batch = tables.read_part(part)
    docs = batch if len(kept) == batch.num_rows else batch.take(numbers(kept, pa.int64()))
    out = {
        "documents": tables.documents(docs),
        "blocks": tables.children(docs, "blocks", schema.BLOCKS)[0],
        "citations": tables.citations(docs),
        "numbers": tables.number_rows(docs, params.publish.float_digits),
    }
    return out, tables.counts(out["documents"], out["blocks"], out["numbers"])


def run(params: Params, outputs: Path) -> dict:
    started = time.perf_counter()
    writers = Writers(outputs)
    counts: Counter[str] = Counter()
    seen: dict[str, str] = {}
    store = KeptParts(interim(outputs, NAME) / "parts", params, CODE)
    try:
        for part in sorted(interim(outputs, INPUT).glob("part-*.parquet")):
            ids = io.read_part(part, IDENTITY)
            errors, kept = _errors(ids, seen, counts)
            key = store.key(*ids.column("key").take(numbers(kept, pa.int64())).to_pylist())
            out, found_counts = store.fetch(key, functools.partial(_convert, part, kept, params))
            for name, table in out.items():
                writers.write_table(name, table)
                counts[name] += table.num_rows
            writers.write("errors", errors)
            counts["errors"] += len(errors)
            counts.update(found_counts)
        store.prune()
    finally:
        writers.close()
    summary = {"counts": dict(sorted(counts.items()))}
    (interim(outputs, NAME) / "counts.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    seconds = time.perf_counter() - started
    kept_parts = f" ({len(store.kept)} parts' rows kept from the last run)" if store.kept else ""
    print(f"publish: {counts['documents']} documents, {counts['errors']} errors, {seconds:.2f} s{kept_parts}", file=sys.stderr)
    return summary
