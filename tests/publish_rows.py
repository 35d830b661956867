"""Each published dataset's rows from a Doc, one Python dict per row: the reference definition
that publish's Arrow copy must equal byte for byte (tests/test_publish.py), and a quick way to
build datasets for the report tests."""

from __future__ import annotations

import re

from pipeline.doc import Doc

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
