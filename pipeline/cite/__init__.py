"""Citations: footnotes parsed into fields, linked to their in-text markers, `Ibid.` resolved."""

from pipeline.cite.citations import citations_and_markers, extract_citations, split_works
from pipeline.cite.markers import find_markers
from pipeline.cite.parser import parse_reference

__all__ = ["citations_and_markers", "extract_citations", "find_markers", "parse_reference", "split_works"]
