"""publish: the final datasets of CONTRACT.md, one Parquet file each, plus the counts for metrics."""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.doc import Doc
from pipeline.io import WRITE_OPTIONS, read_docs
from pipeline.params import Params
from pipeline.runner import interim

NAME = "publish"
INPUT = "extract"
_WORD = re.compile(r"\w+")


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def document_row(doc: Doc) -> dict:
    return {
        "doc_id": doc.doc_id, "source_path": doc.source_path, "format": doc.format, "encoding": doc.encoding or "",
        "title": doc.title, "authors": doc.authors, "published": doc.published, "site": doc.site,
        "language": doc.language, "text": doc.text, "flags": sorted(doc.flags), "fixes": sorted(doc.fixes.items()),
        "pages": doc.pages, "chars": len(doc.text), "words": len(_WORD.findall(doc.text)),
    }


def block_rows(doc: Doc) -> list[dict]:
    return [
        {"doc_id": doc.doc_id, "block": i, "text": b.text, "label": b.label, "reason": b.reason, "start": b.start, "end": b.end, "note": b.note}
        for i, b in enumerate(doc.blocks)
    ]


def citation_rows(doc: Doc) -> list[dict]:
    rows = [{"doc_id": doc.doc_id, **vars(c), "marker_offsets": sorted(c.marker_offsets)} for c in doc.citations]
    return sorted(rows, key=lambda r: r["note"])


def number_rows(doc: Doc, digits: int) -> list[dict]:
    rows = []
    for n in sorted(doc.numbers, key=lambda n: (n.start, n.end)):
        row = {"doc_id": doc.doc_id, **vars(n)}
        row["value"], row["value_high"] = _round(n.value, digits), _round(n.value_high, digits)
        rows.append(row)
    return rows


class Writers:
    """One ParquetWriter per dataset: a row group per batch keeps memory flat, one file keeps reading simple."""

    def __init__(self, outputs: Path) -> None:
        outputs.mkdir(parents=True, exist_ok=True)
        self.writers = {name: pq.ParquetWriter(outputs / f"{name}.parquet", s, **WRITE_OPTIONS) for name, s in schema.DATASETS.items()}

    def write(self, name: str, rows: list[dict]) -> None:
        if rows:
            self.writers[name].write_table(pa.Table.from_pylist(rows, schema=schema.DATASETS[name]))

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def run(params: Params, outputs: Path) -> dict:
    started = time.perf_counter()
    writers = Writers(outputs)
    counts: Counter[str] = Counter()
    seen: dict[str, str] = {}
    try:
        for batch in read_docs(interim(outputs, INPUT)):
            rows: dict[str, list[dict]] = {name: [] for name in schema.DATASETS}
            for doc in batch:
                if doc.ok and doc.doc_id in seen:
                    doc.error, doc.error_stage = f"same bytes as {seen[doc.doc_id]} (duplicate doc_id {doc.doc_id})", NAME
                if not doc.ok:
                    rows["errors"].append({"source_path": doc.source_path, "stage": doc.error_stage, "error": doc.error})
                    counts[f"errors.{doc.error_stage}"] += 1
                    continue
                seen[doc.doc_id] = doc.source_path
                rows["documents"].append(document_row(doc))
                rows["blocks"] += block_rows(doc)
                rows["citations"] += citation_rows(doc)
                rows["numbers"] += number_rows(doc, params.publish.float_digits)
                counts.update(f"blocks.{b.label}" for b in doc.blocks)
                counts.update(f"numbers.{n.kind}" for n in doc.numbers)
                counts.update({f"fixes.{k}": v for k, v in doc.fixes.items()})
                counts.update(f"flags.{f}" for f in doc.flags)
            for name, dataset_rows in rows.items():
                writers.write(name, dataset_rows)
                counts[name] += len(dataset_rows)
    finally:
        writers.close()
    summary = {"counts": dict(sorted(counts.items()))}
    (interim(outputs, NAME)).mkdir(parents=True, exist_ok=True)
    (interim(outputs, NAME) / "counts.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    seconds = time.perf_counter() - started
    print(f"publish: {counts['documents']} documents, {counts['errors']} errors, {seconds:.2f} s", file=sys.stderr)
    return summary
