"""Where a numeric mention may start: a digit, or a number word standing as a whole word.

Same positions as searching `[0-9]|\\b(?:number words)\\b`, found by searches that each start
with a character or a class. `re` then skips in C to the next candidate (a digit; a non-word character
before a number word) instead of trying the whole pattern at every position, which made that one
search the costliest line of the extraction. Number words after a space (most of them) have their
own search: a pattern opening with one literal character is scanned for fastest, and the other
search's class leaves out the space, where most of its failed tries were (together 1.7x faster).
"""

from __future__ import annotations

import re

from pipeline.numbers.lexicon import TRIGGER_WORDS, trie_regex

_WORDS = trie_regex(TRIGGER_WORDS)
_DIGIT = re.compile(r"[0-9]")
# The non-word character just before a number word: a space, or any other (an ASCII class that
# `re` tests by bitmap, the look-behind then rules out the non-ASCII word characters it lets in).
_WORD_AFTER_SPACE = re.compile(rf" (?={_WORDS}\b)")
_WORD_AFTER_OTHER = re.compile(rf"[^0-9A-Za-z_ ](?<=\W)(?={_WORDS}\b)")
_WORD_AT = re.compile(rf"{_WORDS}\b")  # a number word opening the text (no character before it)
_WORD_AFTER_SPACE_ANY_CASE = re.compile(_WORD_AFTER_SPACE.pattern, re.IGNORECASE)
_WORD_AFTER_OTHER_ANY_CASE = re.compile(_WORD_AFTER_OTHER.pattern, re.IGNORECASE)
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
        self._after_space = _WORD_AFTER_SPACE_ANY_CASE if any_case else _WORD_AFTER_SPACE
        self._after_other = _WORD_AFTER_OTHER_ANY_CASE if any_case else _WORD_AFTER_OTHER
        self._at = _WORD_AT_ANY_CASE if any_case else _WORD_AT
        self._digit = self._space = self._other = -1

    def next(self, pos: int) -> int:
        if self._digit < pos:
            m = _DIGIT.search(self._hay, pos)
            self._digit = m.start() if m else _NONE
        if pos == 0 and self._at.match(self._hay):
            return 0
        # a word starting at pos has its non-word character at pos - 1
        if self._space < pos:
            m = self._after_space.search(self._hay, pos - 1 if pos else 0)
            self._space = m.start() + 1 if m else _NONE
        if self._other < pos:
            m = self._after_other.search(self._hay, pos - 1 if pos else 0)
            self._other = m.start() + 1 if m else _NONE
        first = min(self._digit, self._space, self._other)
        return -1 if first == _NONE else first
