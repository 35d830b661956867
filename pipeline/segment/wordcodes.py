"""Which tokens of a page are listed words (function words, chrome words), without making a string per token.

Why: `re.findall(r"\\w+")` per line was a tenth of the stage's time, and even cutting the tokens
out of the code points and looking each up in a dict costs a Python string and a hash per token.
Listed words are written in fewer than 255 letters, so each character of the page is given one
byte (its letter's number among the letters of the list, `_OTHER` for any other character): a
token of up to 8 characters is then exactly the 8 bytes from its start with those past its end
masked off, read for all tokens at once as one uint64 each (a sliding window viewed as uint64)
and looked up with `searchsorted`. The few longer tokens, up to the longest word, are cut from
the text and looked up in the dict.
"""

from __future__ import annotations

import re
from itertools import repeat

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from pipeline.segment.words import BOILER_WORDS, STOPWORDS_CASED

_OTHER = 255  # the byte of every character in no listed word: a token holding one matches no key
PACKED = 8  # characters in one key: a byte each in an uint64
_MASK = np.array([(1 << 8 * k) - 1 for k in range(PACKED)] + [2**64 - 1], dtype=np.uint64)  # the first k bytes


class PackedWords:
    """A dict of words to codes (ints > 0), looked up for all tokens of a text at once."""

    def __init__(self, codes: dict[str, int]) -> None:
        self.codes = codes
        words = [w for w in codes if re.fullmatch(r"\w+", w)]  # only these can be a token ("e-mail" cannot)
        letters = sorted(set("".join(words)))
        if len(letters) >= _OTHER:
            raise ValueError("word list: too many letters for one byte each")
        self.longest = max(map(len, words))
        self.byte = np.full(ord(letters[-1]) + 2, _OTHER, dtype=np.uint8)  # by code point; later ones read the last
        self.byte[[ord(c) for c in letters]] = np.arange(1, len(letters) + 1)
        short = sorted((self._key(w), codes[w]) for w in words if len(w) <= PACKED)
        self.keys = np.array([k for k, _ in short], dtype=np.uint64)
        self.values = np.array([c for _, c in short] + [0], dtype=np.int64)  # one more: "not found" reads 0

    def _key(self, word: str) -> int:
        return sum(int(self.byte[ord(c)]) << 8 * k for k, c in enumerate(word))  # little-endian, as '<u8' reads

    def lookup(self, text: str, cp: np.ndarray, tok_start: np.ndarray, tok_end: np.ndarray) -> np.ndarray:
        """The code of each token of `text` (tokens at `tok_start` to `tok_end`, runs of word
        characters), 0 for unlisted words; `cp`: the text's code points (padded or not)."""
        lengths = tok_end - tok_start
        letters = np.zeros(len(cp) + PACKED, dtype=np.uint8)  # zeros after the text: every window is whole
        self.byte.take(cp, out=letters[: len(cp)], mode="clip")
        keys = sliding_window_view(letters, PACKED).view("<u8")[tok_start, 0] & _MASK.take(lengths, mode="clip")
        at = np.searchsorted(self.keys, keys)
        at[(self.keys.take(at, mode="clip") != keys) | (lengths > PACKED)] = len(self.keys)
        codes = self.values[at]
        longer = np.flatnonzero((lengths > PACKED) & (lengths <= self.longest))
        if len(longer):
            cut = map(text.__getitem__, map(slice, tok_start[longer].tolist(), tok_end[longer].tolist()))
            codes[longer] = np.fromiter(map(self.codes.get, cut, repeat(0)), dtype=np.int64, count=len(longer))
        return codes


# one look-up per token gives both counts: bit 1 a function word, bit 2 a chrome word
WORD_CODE: dict[str, int] = {w: (w in STOPWORDS_CASED) + 2 * (w in BOILER_WORDS) for w in STOPWORDS_CASED | BOILER_WORDS}
_PAGE_WORDS = PackedWords(WORD_CODE)


def token_codes(text: str, cp: np.ndarray, tok_start: np.ndarray, tok_end: np.ndarray) -> np.ndarray:
    """WORD_CODE of each `\\w+` token of `text` in text order, 0 for other words (PackedWords.lookup)."""
    return _PAGE_WORDS.lookup(text, cp, tok_start, tok_end)
