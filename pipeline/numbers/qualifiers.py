"""Approximation and bound words around a number: `about $5bn` (approx), `more than 20` (more_than),
`up to 60%` (up_to), `at least 90` (at_least), `under 170` (less_than), `500 or more` (at_least).

The words stay outside the mention's span (as in the benchmark's money and number annotations);
the qualifier column carries them.
"""

from __future__ import annotations

import re

from pipeline.numbers.lexicon import fold, trie_regex

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
# A trie picks the same phrase as the longest-first alternation (it tries longer phrases first) with far
# fewer attempts per position; searched before every mention. "\\$750": markdown-escaped dollar.
_PREFIX = re.compile(
    r"(?:^|(?<=[^\w]))(" + trie_regex([p for p, _ in _ALTS]) + r")[ \t\u00a0]*\\?$", re.IGNORECASE)
# Last words of the phrases: an ASCII text can only match a phrase if it ends with one of them.
_LAST_WORDS = tuple({p.split(" ")[-1] for p, _ in _ALTS})
_LONGEST_LAST = max(map(len, _LAST_WORDS))
_SUFFIX = re.compile(r"(?:[ \t]+(or more|or above|and above|and more|or less|or fewer|or below)\b|(\+)(?!\d)"
                     r"|-?(plus)\b)", re.IGNORECASE)
_SUFFIX_Q = {"or more": "at_least", "or above": "at_least", "and above": "at_least", "and more": "at_least",
             "+": "at_least", "plus": "at_least", "or less": "up_to", "or fewer": "up_to", "or below": "up_to"}


def qualifier(text: str, start: int, end: int, unit: str | None) -> str | None:
    """The qualifier of the mention text[start:end], from the words just before or after it."""
    m = _PREFIX.search(text, max(0, start - 24), start) if _may_end_phrase(text, start) else None
    if m:
        word = m.group(1).lower()
        if word == "over" and unit in ("year", "month", "week", "day", "hour", "decade", "century"):
            return None  # "over 3 years": a period, not a bound
        if word in ("over", "under", "above", "below") and text[start].isalpha():
            return None  # "under two interpretations": a preposition before spelled-out numbers
        return _LOOKUP[word]
    m = _SUFFIX.match(text, end)
    if m:
        return _SUFFIX_Q[fold(m.group(1) or m.group(2) or m.group(3))]
    return None


def _may_end_phrase(text: str, start: int) -> bool:
    """Necessary for `_PREFIX` to match before start: the text before the blanks (and an optional
    backslash, and a final newline `$` matches before) ends with a phrase's last word. Most numbers
    follow other words, and this costs less than the search over 24 starts."""
    end = start - 1 if start and text[start - 1] == "\n" else start
    if end and text[end - 1] == "\\":
        end -= 1
    while end and text[end - 1] in " \t\u00a0":
        end -= 1
    tail = text[max(0, end - _LONGEST_LAST):end]
    # case-insensitive matching folds a few non-ASCII letters (ſ, K, İ) to ASCII ones: search those
    return not tail.isascii() or tail.lower().endswith(_LAST_WORDS)
