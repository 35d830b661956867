"""A page as an array of code points, with the character classes the line features need.

Why by hand: the line features count digits, word characters, cased letters... per line, and a
Python loop or a `map` per line costs microseconds each on every line of every page. One
`encode` turns the page into a numpy array, a table look-up classifies every character at once,
and `bincount` sums per line. The classes are exactly Python's own (`re`'s `\\w`, `\\d`, `\\s` and
`str.istitle`/`islower`/`upper`), so features match what the per-line code computed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

WORD, DIGIT, SPACE, UPPER, LOWER, CHANGES_UP = 1, 2, 4, 8, 16, 32
_TABLE_SIZE = 0x10000  # the Basic Multilingual Plane by table; rarer code points one by one


def _classify(ch: str) -> int:
    # For one character: istitle() is "upper or title case", islower() "lower case" (str.istitle's
    # own test), isalnum() or "_" is re's \w, isdecimal() its \d, isspace() its \s.
    return ((WORD if ch.isalnum() or ch == "_" else 0) | (DIGIT if ch.isdecimal() else 0)
            | (SPACE if ch.isspace() else 0) | (UPPER if ch.istitle() else 0)
            | (LOWER if ch.islower() else 0) | (CHANGES_UP if ch.upper() != ch else 0))


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """`_classify` of every BMP character, one C-level `map` per class (3x faster than calling it)."""
    plane = "".join(map(chr, range(_TABLE_SIZE)))

    def has(test: Callable[[str], bool]) -> np.ndarray:
        return np.fromiter(map(test, plane), dtype=bool, count=_TABLE_SIZE)

    changes_up = np.fromiter(map(str.__ne__, map(str.upper, plane), plane), dtype=bool, count=_TABLE_SIZE)
    word = has(str.isalnum)
    word[ord("_")] = True
    bits = [(word, WORD), (has(str.isdecimal), DIGIT), (has(str.isspace), SPACE), (has(str.istitle), UPPER),
            (has(str.islower), LOWER), (changes_up, CHANGES_UP)]
    return sum((mask.astype(np.uint8) * bit for mask, bit in bits), np.zeros(_TABLE_SIZE, dtype=np.uint8))


def code_points(text: str) -> np.ndarray:
    # surrogatepass: a lone surrogate is kept as its own code point instead of failing the page
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def classes(cp: np.ndarray) -> np.ndarray:
    """Bit set of WORD/DIGIT/... per code point."""
    # take(mode="clip") reads the table's last entry for code points past it (set right below):
    # half the time of indexing with np.minimum(cp, ...)
    out = _table().take(cp, mode="clip")
    astral = np.flatnonzero(cp >= _TABLE_SIZE)
    if len(astral):
        out[astral] = [_classify(chr(c)) for c in cp[astral].tolist()]
    return out


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (exclusive) of each run of True in `mask`: where the value changes, with False
    before and after, alternately a start and an end (bools throughout: a diff of integers is 3x slower)."""
    padded = np.zeros(len(mask) + 2, dtype=bool)
    padded[1:-1] = mask
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return edges[0::2], edges[1::2]
