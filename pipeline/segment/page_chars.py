"""The non-blank lines of a page as arrays: code points, character classes, tokens (re's `\\w+`).

Computed once per page and shared: `split_lines` needs each line's token count and the line
features (shape.py) need the same arrays, so `analyse` keeps the last page's result (the
`"\\n".join` of the lines is the key: both callers join the same lines). Long pages are done in
slices of lines (`slices`) so that the per-character arrays stay bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from pipeline.segment import chars

SLICE_CHARS = 1 << 20  # characters of lines handled at once (bounds the per-character arrays)
PAD = 4  # NULs after the text, so that "the k-th character of a line" (k < PAD) is always an index


@dataclass(frozen=True, slots=True)
class PageChars:
    cp: np.ndarray  # code points of the joined lines, then PAD NULs (NUL is in no class)
    cls: np.ndarray  # chars.classes(cp)
    word: np.ndarray  # bool: a word character (re's \w)
    starts: np.ndarray  # int64 offset of each line in the joined text
    tok_start: np.ndarray  # int64 offset of each token (a run of word characters)
    tok_end: np.ndarray  # int64 offset just past it
    owner: np.ndarray  # int64 line of each token
    n_tok: np.ndarray  # int64 tokens per line


@lru_cache(maxsize=1)
def analyse(joined: str) -> PageChars:
    """Arrays of `joined`, lines separated by "\\n" (lines hold no "\\n" themselves)."""
    cp = chars.code_points(joined + "\0" * PAD)
    cls = chars.classes(cp)
    starts = np.flatnonzero(cp == 10)
    starts += 1
    starts = np.concatenate((np.zeros(1, dtype=np.int64), starts))
    word = (cls & chars.WORD) > 0
    tok_start, tok_end = chars.runs(word)  # "\n" is no word character: a token never spans lines
    owner = np.searchsorted(starts, tok_start, side="right") - 1
    return PageChars(cp, cls, word, starts, tok_start, tok_end, owner, np.bincount(owner, minlength=len(starts)))


def slices(texts: list[str], limit: int = SLICE_CHARS) -> list[tuple[int, int]]:
    """(lo, hi) ranges of `texts` of about `limit` characters each (one at least)."""
    if sum(map(len, texts)) + len(texts) <= limit:
        return [(0, len(texts))]  # the usual page: one slice, without the loop
    out: list[tuple[int, int]] = []
    lo = size = 0
    for k, text in enumerate(texts):
        size += len(text) + 1
        if size > limit:
            out.append((lo, k + 1))
            lo, size = k + 1, 0
    if lo < len(texts) or not out:
        out.append((lo, len(texts)))
    return out


def token_counts(texts: list[str]) -> list[int]:
    """`len(re.findall(r"\\w+", text))` of each of `texts` (non-blank lines without "\\n")."""
    if not texts:
        return []
    return [c for lo, hi in slices(texts) for c in analyse("\n".join(texts[lo:hi])).n_tok.tolist()]
