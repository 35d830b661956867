"""Published datasets for the report and inspect tests, built from the real seeds without the other stages.

A deliberately simple stand-in for segment and extract (long lines are body, notes start with a
superscript number, years and plain numbers are numbers) so these tests do not depend on how well
those stages do; the rows go through the reference row builders (publish_rows.py) and the contract schemas.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import publish_rows
from conftest import ROOT

from pipeline import schema
from pipeline.doc import Block, Citation, Doc, Number, doc_id_of
from pipeline.io import write_table

SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
NOTE_START = re.compile(r"^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\^\{(\d+))")
MARKER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\{\d+\}?|(?<=[a-z][.,])\d{1,2}\b")
NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
BODY_CHARS = 150  # the stand-in's only rule: a long line is article prose


def _blocks(page: str) -> list[Block]:
    """Runs of one non-blank line and the blank lines after it, labelled by the stand-in rules."""
    blocks: list[Block] = []
    offset = 0
    for line in page.split("\n"):
        end = offset + len(line)
        note_start = NOTE_START.match(line.strip())
        if not line.strip() and blocks:
            pass  # a blank line belongs to the block above it
        elif note_start:
            note = int((note_start.group(1) or "").translate(SUPERSCRIPT) or note_start.group(2))
            blocks.append(Block(offset, end, "footnote", "starts with a note number", line, note))
        elif len(line) >= BODY_CHARS:
            blocks.append(Block(offset, end, "body", "long prose line", line))
        else:
            blocks.append(Block(offset, end, "chrome", "short line", line))
        offset = end + 1
    # like segment: blocks tile the page, each taking the "\n"s up to the next one
    for block, following in zip(blocks, [*blocks[1:], None]):
        block.end = following.start if following else len(page)
        block.text = page[block.start : block.end]
    return blocks


def make_doc(path: Path, page: str | None = None) -> Doc:
    page = path.read_text(encoding="utf-8") if page is None else page
    doc = Doc(doc_id=doc_id_of(path.read_bytes()), source_path=path.relative_to(ROOT).as_posix(), format="txt", encoding="utf-8", raw=page, page=page)
    doc.blocks = _blocks(page)
    doc.text = "\n\n".join(b.text.strip() for b in doc.blocks if b.label == "body")
    doc.title = next((b.text.strip() for b in doc.blocks if b.label == "chrome" and b.text.strip()), None)
    doc.language = "en"
    markers: dict[int, list[int]] = {}
    for m in MARKER.finditer(doc.text):
        markers.setdefault(int(m.group().strip("^{}").translate(SUPERSCRIPT)), []).append(m.start())
    for b in doc.blocks:
        if b.note is not None:
            url = re.search(r"https?://\S+[^.,\s]", b.text)
            doc.citations.append(Citation(b.note, b.text.strip(), url=url and url.group(), marker_offsets=markers.get(b.note, [])))
    taken = {o for c in doc.citations for o in c.marker_offsets}
    for m in NUMBER.finditer(doc.text):
        if m.start() in taken:
            continue
        value = float(m.group().replace(",", ""))
        kind = "year" if m.group().isdigit() and 1900 <= value <= 2099 else "cardinal"
        doc.numbers.append(Number(m.start(), m.end(), m.group(), kind, value, date=m.group() if kind == "year" else None, sentence=m.group()))
    return doc


def build_outputs(outputs: Path, docs: list[Doc] | None = None) -> list[Doc]:
    """Write documents/blocks/citations/numbers/errors.parquet, metrics.json and a quality file; return the Docs."""
    docs = [make_doc(p) for p in sorted((ROOT / "seeds").iterdir())] if docs is None else docs
    rows: dict[str, list[dict]] = {name: [] for name in schema.DATASETS}
    for doc in docs:
        rows["documents"].append(publish_rows.document_row(doc))
        rows["blocks"] += publish_rows.block_rows(doc)
        rows["citations"] += publish_rows.citation_rows(doc)
        rows["numbers"] += publish_rows.number_rows(doc, 6)
    rows["errors"].append({"source_path": "seeds/empty.txt", "stage": "ingest", "error": "empty file (0 bytes)"})
    for name, table_rows in rows.items():
        write_table(table_rows, schema.DATASETS[name], outputs / f"{name}.parquet")
    metrics = {
        "documents": len(docs),
        "validation": {"documents": {"success_percent": 100.0}, "numbers": {"pass_rate": 0.75}},
        "checks_failed": {"documents": {"error": 0}, "numbers": {"error": 2, "warning": 0}},
    }
    (outputs / "metrics.json").write_text(json.dumps(metrics), encoding="utf-8")
    (outputs / "quality").mkdir(exist_ok=True)
    (outputs / "quality" / "segment.json").write_text(json.dumps({"sh4": {"f1": 0.9, "precision": 0.93}, "pages": 256}), encoding="utf-8")
    return docs
