"""Which tokens of a page are function words or chrome words, without making a string per token.

Why: `re.findall(r"\\w+")` per line was a tenth of the stage's time, and even cutting the tokens
out of the code points and looking each up in a dict costs a Python string and a hash per token.
The listed words are written in fewer than 255 letters, so each character of the page is given
one byte (its letter's number among the letters of the lists, `_OTHER` for any other character):
a token of up to 8 characters is then exactly the 8 bytes from its start with those past its
end masked off, read for all tokens at once as one uint64 each (a sliding window viewed as
uint64) and looked up with `searchsorted`. The few longer tokens, up to the longest word, are cut
from the text and looked up in the dict.
"""

from __future__ import annotations

import re
from itertools import repeat

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from pipeline.segment.words import BOILER_WORDS, STOPWORDS_CASED

# one look-up per token gives both counts: bit 1 a function word, bit 2 a chrome word
WORD_CODE: dict[str, int] = {w: (w in STOPWORDS_CASED) + 2 * (w in BOILER_WORDS) for w in STOPWORDS_CASED | BOILER_WORDS}
# only words made of word characters can be a `\w+` token ("e-mail" cannot)
_WORDS = [w for w in WORD_CODE if re.fullmatch(r"\w+", w)]
_LETTERS = sorted(set("".join(_WORDS)))
_OTHER = 255  # the byte of every character in no listed word: a token holding one matches no key
if len(_LETTERS) >= _OTHER:
    raise ValueError("word lists: too many letters for one byte each")
PACKED = 8  # characters in one key: a byte each in an uint64
LONGEST = max(map(len, _WORDS))
_BYTE = np.full(ord(_LETTERS[-1]) + 2, _OTHER, dtype=np.uint8)  # by code point; later ones read the last
_BYTE[[ord(c) for c in _LETTERS]] = np.arange(1, len(_LETTERS) + 1)
_MASK = np.array([(1 << 8 * k) - 1 for k in range(PACKED)] + [2**64 - 1], dtype=np.uint64)  # the first k bytes


def _key(word: str) -> int:
    return sum(int(_BYTE[ord(c)]) << 8 * k for k, c in enumerate(word))  # little-endian, as '<u8' reads


_SHORT = sorted((_key(w), WORD_CODE[w]) for w in _WORDS if len(w) <= PACKED)
_KEYS = np.array([k for k, _ in _SHORT], dtype=np.uint64)
_CODES = np.array([c for _, c in _SHORT] + [0], dtype=np.int64)  # one more: "not found" reads 0


def token_codes(text: str, cp: np.ndarray, tok_start: np.ndarray, tok_end: np.ndarray) -> np.ndarray:
    """WORD_CODE of each token (a run of word characters, re's `\\w+`) of `text`, 0 for other words;
    `cp`: its code points (padded or not), tokens at `tok_start` to `tok_end` in text order."""
    lengths = tok_end - tok_start
    letters = np.zeros(len(cp) + PACKED, dtype=np.uint8)  # zeros after the text: every window is whole
    _BYTE.take(cp, out=letters[: len(cp)], mode="clip")
    keys = sliding_window_view(letters, PACKED).view("<u8")[tok_start, 0] & _MASK.take(lengths, mode="clip")
    at = np.searchsorted(_KEYS, keys)
    at[(_KEYS.take(at, mode="clip") != keys) | (lengths > PACKED)] = len(_KEYS)
    codes = _CODES[at]
    longer = np.flatnonzero((lengths > PACKED) & (lengths <= LONGEST))
    if len(longer):
        cut = map(text.__getitem__, map(slice, tok_start[longer].tolist(), tok_end[longer].tolist()))
        codes[longer] = np.fromiter(map(WORD_CODE.get, cut, repeat(0)), dtype=np.int64, count=len(longer))
    return codes
