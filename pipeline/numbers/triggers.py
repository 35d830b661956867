"""Where a numeric mention may start: a digit, or a number word standing as a whole word.

Same positions as searching `[0-9]|\\b(?:number words)\\b`, found by two searches that each start
with a character class. `re` then skips in C to the next candidate (a digit; a non-word character
before a number word) instead of trying the whole pattern at every position, which made that one
search the costliest line of the extraction.
"""

from __future__ import annotations

import re

from pipeline.numbers.lexicon import TRIGGER_WORDS, trie_regex

_WORDS = trie_regex(TRIGGER_WORDS)
_DIGIT = re.compile(r"[0-9]")
_WORD_AFTER = re.compile(rf"\W(?={_WORDS}\b)")  # the non-word character just before a number word
_WORD_AT = re.compile(rf"{_WORDS}\b")  # a number word opening the text (no character before it)
_WORD_AFTER_ANY_CASE = re.compile(_WORD_AFTER.pattern, re.IGNORECASE)
_WORD_AT_ANY_CASE = re.compile(_WORD_AT.pattern, re.IGNORECASE)
_NONE = 1 << 62  # "no further trigger": beyond any offset


class Triggers:
    """`next(pos)`: start of the first trigger at or after pos, or -1. Each search's last answer is
    kept: the loop asks for increasing positions, and an answer at or after pos is still the first."""

    def __init__(self, text: str) -> None:
        # A case-insensitive pattern is twice as slow, so search lower-cased text when lower-casing
        # keeps every offset ("İ" is the one letter that grows).
        low = text.replace("İ", "I").lower()
        any_case = len(low) != len(text)
        self._hay = text if any_case else low
        self._after = _WORD_AFTER_ANY_CASE if any_case else _WORD_AFTER
        self._at = _WORD_AT_ANY_CASE if any_case else _WORD_AT
        self._digit = self._word = -1

    def next(self, pos: int) -> int:
        if self._digit < pos:
            m = _DIGIT.search(self._hay, pos)
            self._digit = m.start() if m else _NONE
        if self._word < pos:
            self._word = self._next_word(pos)
        first = min(self._digit, self._word)
        return -1 if first == _NONE else first

    def _next_word(self, pos: int) -> int:
        if pos == 0 and self._at.match(self._hay):
            return 0
        # a word starting at pos has its non-word character at pos - 1
        m = self._after.search(self._hay, max(pos - 1, 0))
        return m.start() + 1 if m else _NONE
