"""Numeric mentions in article text: a rule grammar of English numbers, currencies, units and dates.

Modules: lexicon (number words), tokens (phrase reader), cardinals + fractions + grammar (one
phrase -> numbers), units + currencies (ISO 4217, percent, units), dates (dates, years, decades),
qualifiers, ranges, filters (URLs, phones, names, note markers), sentences, build (one trigger ->
mentions), extract (`extract_numbers`), cli (`python -m pipeline numbers`).
"""

from pipeline.numbers.extract import extract_numbers

__all__ = ["extract_numbers"]
