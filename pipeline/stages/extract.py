"""extract: citations (notes, markers, Ibid.) and numeric mentions from the article body."""

from __future__ import annotations

from pipeline.cite import extract_citations, find_markers
from pipeline.doc import Doc
from pipeline.numbers import extract_numbers
from pipeline.params import Params

NAME = "extract"
CODE = ("stages/extract.py", "cite", "numbers")  # package files this stage runs besides cache.SHARED_CODE; dvc.yaml deps match
INPUT = "segment"
# the Doc fields `process` reads and sets: workers get and give back only these (mapper.fields)
READS = ("text", "blocks", "flags")
WRITES = ("citations", "numbers", "flags")


def process(doc: Doc, params: Params, context: object) -> Doc:
    notes: set[int] = set()
    if params.extract.citations:
        doc.citations, flags = extract_citations(doc, params.extract)
        for flag in flags:
            doc.flag(flag)
        notes = {c.note for c in doc.citations}
    if params.extract.numbers:
        # footnote markers (`consensus.7`, `¹³`) are not numeric mentions: numbers skips their spans
        markers = find_markers(doc.text, notes, params.extract.cite_marker_max_gap) if notes else []
        doc.numbers = extract_numbers(doc.text, exclude=[(start, end) for start, end, _ in markers])
    return doc
