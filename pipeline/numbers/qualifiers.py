"""Approximation and bound words around a number: `about $5bn` (approx), `more than 20` (more_than),
`up to 60%` (up_to), `at least 90` (at_least), `under 170` (less_than), `500 or more` (at_least).

The words stay outside the mention's span (as in the benchmark's money and number annotations);
the qualifier column carries them.
"""

from __future__ import annotations

import re

_BEFORE = {
    "approx": "about|around|approximately|approx.|roughly|some|nearly|almost|close to|circa|c.|ca.|"
              "an estimated|estimated|an approximate|~|≈|just about|more or less",
    "more_than": "more than|over|above|exceeding|in excess of|greater than|higher than|upwards of|"
                 "well over|just over|>|north of",
    "less_than": "less than|fewer than|under|below|lower than|just under|<|shy of|short of",
    "up_to": "up to|as many as|as much as|at most|no more than|not more than|a maximum of|≤|<=",
    "at_least": "at least|no less than|no fewer than|not less than|a minimum of|≥|>=",
}
_ALTS = sorted(((phrase, q) for q, phrases in _BEFORE.items() for phrase in phrases.split("|")),
               key=lambda pair: -len(pair[0]))
_LOOKUP = {phrase: q for phrase, q in _ALTS}
_PREFIX = re.compile(
    r"(?:^|(?<=[^\w]))(" + "|".join(re.escape(p) for p, _ in _ALTS) + r")[ \t\u00a0]*\\?$", re.IGNORECASE)  # "\\$750": markdown-escaped dollar
_SUFFIX = re.compile(r"(?:[ \t]+(or more|or above|and above|and more|or less|or fewer|or below)\b|(\+)(?!\d)"
                     r"|-?(plus)\b)", re.IGNORECASE)
_SUFFIX_Q = {"or more": "at_least", "or above": "at_least", "and above": "at_least", "and more": "at_least",
             "+": "at_least", "plus": "at_least", "or less": "up_to", "or fewer": "up_to", "or below": "up_to"}


def qualifier(text: str, start: int, end: int, unit: str | None) -> str | None:
    """The qualifier of the mention text[start:end], from the words just before or after it."""
    m = _PREFIX.search(text, max(0, start - 24), start)
    if m:
        word = m.group(1).lower()
        if word == "over" and unit in ("year", "month", "week", "day", "hour", "decade", "century"):
            return None  # "over 3 years": a period, not a bound
        if word in ("over", "under", "above", "below") and text[start].isalpha():
            return None  # "under two interpretations": a preposition before spelled-out numbers
        return _LOOKUP[word]
    m = _SUFFIX.match(text, end)
    if m:
        return _SUFFIX_Q[(m.group(1) or m.group(2) or m.group(3)).lower()]
    return None
