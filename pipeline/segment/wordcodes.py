"""Which tokens of a page are function words or chrome words, without a regex pass over the page.

Why: `re.findall(r"\\w+")` per line was a tenth of the stage's time (the regex engine tests every
character in Python's `re`). The page's character classes are already known (page_chars.py), so
every character that is not a word character (re's `\\w`) is made a space in the code-point
array and the text decoded back: its `str.split()` is then exactly the `\\w+` tokens in page order
(no word character is whitespace), one C call. The tokens' lines come from the code points too.
"""

from __future__ import annotations

from itertools import repeat

import numpy as np

from pipeline.segment import chars
from pipeline.segment.words import BOILER_WORDS, STOPWORDS_CASED

# one look-up per token gives both counts: bit 1 a function word, bit 2 a chrome word
WORD_CODE: dict[str, int] = {w: (w in STOPWORDS_CASED) + 2 * (w in BOILER_WORDS) for w in STOPWORDS_CASED | BOILER_WORDS}


def token_codes(cp: np.ndarray, word: np.ndarray) -> np.ndarray:
    """WORD_CODE of each `\\w+` token of the text with code points `cp` (`word`: its word
    characters), in text order; 0 for other words."""
    tokens = chars.tokens(cp, word)  # lone surrogates are no word characters: gone
    return np.fromiter(map(WORD_CODE.get, tokens, repeat(0)), dtype=np.int64, count=len(tokens))
