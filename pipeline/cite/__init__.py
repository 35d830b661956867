"""Citations: footnotes parsed into fields, linked to their in-text markers, `Ibid.` resolved."""

from pipeline.cite.citations import extract_citations, split_works
from pipeline.cite.markers import find_markers
from pipeline.cite.parser import parse_reference

__all__ = ["extract_citations", "find_markers", "parse_reference", "split_works"]
