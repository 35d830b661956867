"""extract: citations (notes, markers, Ibid.) and numeric mentions from the article body."""

from __future__ import annotations

from pipeline.cite import extract_citations, find_markers
from pipeline.doc import Doc
from pipeline.numbers import extract_numbers
from pipeline.params import Params

NAME = "extract"
INPUT = "segment"


def process(doc: Doc, params: Params, context: object) -> Doc:
    if params.extract.citations:
        doc.citations = extract_citations(doc)
    if params.extract.numbers:
        markers = [(start, end) for start, end, _ in find_markers(doc.text)]
        doc.numbers = extract_numbers(doc.text, exclude=markers)
    return doc
