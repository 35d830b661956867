"""publish copies the interim columns in Arrow: its files must be byte for byte those of the row builders."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import publish_rows
import pyarrow.parquet as pq
from conftest import ROOT
from report_data import make_doc

from pipeline import params as params_mod
from pipeline import schema
from pipeline.doc import Citation, Doc, Number
from pipeline.io import PartWriter, doc_to_record, read_docs
from pipeline.stages import publish

PARAMS = params_mod.load(str(ROOT / "params.yaml"))
DIGITS = PARAMS.publish.float_digits


def _awkward(doc: Doc) -> Doc:
    """What the Arrow path must normalise as the Doc round trip did: unsorted lists, unrounded values, Unicode words."""
    doc.flags = ["zeta", "alpha", "mid"]
    doc.fixes = {"mojibake": 3, "dehyphen": 1}
    doc.authors = ["Ş. Özdemir", "A. Rahimi"]
    doc.text += " Naïve café ２０２４ e\u0301t\u00e9 ٣٤ x²y ½ under_score — “quoted” 中文字"
    doc.citations = [Citation(7, "Later note.", marker_offsets=[40, 3, 12]), Citation(2, "Earlier note.", authors=["Ayşe"], refers_to=7)]
    doc.numbers = [
        Number(30, 34, "2.5%", "percent", 2.123456789, None, "%", sentence="s1"),
        Number(5, 9, "10-20", "range", 10.0000004, 20.00000049, sentence="s2"),
        Number(5, 8, "10-", "cardinal", None, None, sentence="s3"),
    ]
    return doc


def _reference(parts: Path, outputs: Path) -> Counter[str]:
    """The row-by-row publish: every part read back into Docs, then the row builders, batch by batch."""
    writers, counts, seen = publish.Writers(outputs), Counter(), {}
    for batch in read_docs(parts):
        rows: dict[str, list[dict]] = {name: [] for name in schema.DATASETS}
        for doc in batch:
            if doc.ok and doc.doc_id in seen:
                doc = dataclasses.replace(doc, error=f"same bytes as {seen[doc.doc_id]} (duplicate doc_id {doc.doc_id})", error_stage="publish")
            if not doc.ok:
                rows["errors"].append({"source_path": doc.source_path, "stage": doc.error_stage, "error": doc.error})
                continue
            seen[doc.doc_id] = doc.source_path
            rows["documents"].append(publish_rows.document_row(doc))
            rows["blocks"] += publish_rows.block_rows(doc)
            rows["citations"] += publish_rows.citation_rows(doc)
            rows["numbers"] += publish_rows.number_rows(doc, DIGITS)
            counts.update(f"blocks.{b.label}" for b in doc.blocks)
        for name, dataset_rows in rows.items():
            writers.write(name, dataset_rows)
            counts[name] += len(dataset_rows)
    writers.close()
    return counts


def test_arrow_publish_writes_the_row_builders_bytes(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:4]
    docs = [make_doc(p) for p in seeds]
    docs[1] = _awkward(docs[1])
    docs[2].error, docs[2].error_stage = "could not decode", "ingest"
    docs.append(dataclasses.replace(docs[0], source_path="copy/of/first.txt"))  # same bytes: a duplicate doc_id
    docs[3].authors, docs[3].flags = None, None  # null lists in a part: published as empty ones
    parts = PartWriter(tmp_path / "new" / "interim" / "extract", schema.DOC)
    parts.write([doc_to_record(d) for d in docs[:3]])
    parts.write([doc_to_record(d) for d in docs[3:]])

    summary = publish.run(PARAMS, tmp_path / "new")
    counts = _reference(tmp_path / "new" / "interim" / "extract", tmp_path / "ref")

    for name in schema.DATASETS:
        assert (tmp_path / "new" / f"{name}.parquet").read_bytes() == (tmp_path / "ref" / f"{name}.parquet").read_bytes(), name
    assert pq.read_table(tmp_path / "new" / "errors.parquet").column("stage").to_pylist() == ["ingest", "publish"]
    words = pq.read_table(tmp_path / "new" / "documents.parquet").column("words").to_pylist()
    assert words[1] == len(re.findall(r"\w+", docs[1].text)) > 0
    on_disk = json.loads((tmp_path / "new" / "interim" / "publish" / "counts.json").read_text())
    assert on_disk == summary
    for key in ("documents", "blocks", "citations", "numbers", "errors", *(k for k in counts if k.startswith("blocks."))):
        assert summary["counts"][key] == counts[key], key
    assert summary["counts"]["flags.alpha"] == 1 and summary["counts"]["fixes.mojibake"] == 3
