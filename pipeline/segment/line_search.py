"""Per-line answers from page-wide text searches, for the line features (shape.py): which lines
hold a cue, how many matches of a pattern or a chrome phrase each line has.

A page's lines (no "\\n" inside) are joined by "\\n" and searched once; hits are mapped back to
lines by their offsets with `searchsorted`. The patterns never match across a "\\n", so a hit belongs
to exactly one line, as if each line were searched alone.
"""

from __future__ import annotations

import re

import numpy as np

from pipeline.segment.scan import lines_with
from pipeline.segment.words import BOILER_PHRASES


def count_matches(pattern: re.Pattern, texts: list[str], keep: np.ndarray) -> np.ndarray:
    """Matches of `pattern` in each line, searching only the lines where `keep` is true (the slow
    patterns need a cheap cue first: digit runs for dates, short lines for menu phrases)."""
    n = len(texts)
    index = np.flatnonzero(keep)
    if not len(index):
        return np.zeros(n)
    chosen = [texts[k] for k in index]
    positions = [m.start() for m in pattern.finditer("\n".join(chosen))]
    found = index[np.searchsorted(line_starts(chosen), positions, side="right") - 1]
    return np.bincount(found, minlength=n).astype(float)


def lines_holding(text: str, starts: np.ndarray, cues: tuple[str, ...]) -> np.ndarray:
    """Whether each line of `text` (lines at `starts`) contains one of `cues` (scan.lines_with)."""
    out = np.zeros(len(starts), dtype=bool)
    out[lines_with(text, [*starts.tolist(), len(text) + 1], cues)] = True
    return out


def phrase_counts(lowered: str, starts: np.ndarray, phrases: tuple[str, ...]) -> np.ndarray:
    """Phrases per line, counted as a regex alternation would: left to right, a phrase that
    overlaps one found before it does not count ("all rights reserved" is one). `str.find` per
    phrase: Python's `re` tries every alternative at every letter, 10x slower on a page."""
    hits: list[tuple[int, int]] = []
    for phrase in phrases:
        at = lowered.find(phrase)
        while at >= 0:
            hits.append((at, at + len(phrase)))
            at = lowered.find(phrase, at + 1)
    kept: list[int] = []
    free_from = 0
    for start, end in sorted(hits):
        if start >= free_from:
            kept.append(start)
            free_from = end
    return np.bincount(np.searchsorted(starts, kept, side="right") - 1, minlength=len(starts)).astype(float)


def short_line_cues(texts: list[str], short: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per line: boilerplate phrases, whether it says "copyright"/"rights reserved", whether it says
    "ago" (any case); on short lines only, the only ones where these count (a date needs fewer
    tokens than shape.SHORT_TOKENS too), so only their text is lower-cased and searched: most of a
    page's characters are in long lines of prose."""
    n = len(texts)
    chosen = np.flatnonzero(short)
    out = np.zeros((3, n))
    if len(chosen):
        lowered = "\n".join([texts[k] for k in chosen.tolist()]).lower()
        # str.lower is context-free across "\n", so these are each line's lower(); it may lengthen a line
        low_starts = line_starts(lowered.split("\n"))
        out[0, chosen] = phrase_counts(lowered, low_starts, BOILER_PHRASES)
        out[1, chosen] = lines_holding(lowered, low_starts, ("copyright", "rights reserved"))
        out[2, chosen] = lines_holding(lowered, low_starts, ("ago",))
    return out[0], out[1], out[2] > 0


def line_starts(texts: list[str]) -> np.ndarray:
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    return np.cumsum(lengths) - lengths
