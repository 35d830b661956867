"""extract: citations (notes, markers, Ibid.) and numeric mentions from the article body."""

from __future__ import annotations

from pipeline.cite import citations_and_markers
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
    markers: list[tuple[int, int, int]] = []
    if params.extract.citations:
        doc.citations, flags, markers = citations_and_markers(doc, params.extract)
        for flag in flags:
            doc.flag(flag)
    if params.extract.numbers:
        # footnote markers (`consensus.7`, `¹³`) are not numeric mentions: numbers skips their spans
        doc.numbers = extract_numbers(doc.text, exclude=[(start, end) for start, end, _ in markers])
    return doc
