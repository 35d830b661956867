"""Sentence spans of a text, for `Number.sentence` and for telling sentence-initial words from names.

Rule based: a sentence ends at . ! or ? (after closing quotes/brackets or a glued note number)
followed by space and a capital, digit or opening quote, or at a line break; not after common
abbreviations (Mr., U.S., No.) or a single initial (John P. Ruehl).
"""

from __future__ import annotations

import bisect
import re

# Searched within one line (line breaks end sentences by construction). Starting with a character
# class lets `re` skip to the next . ! ? in C instead of trying the pattern at every position.
_END = re.compile(
    r"[.!?](?:[\"”’')\]\ufffc¹²³⁴⁵⁶⁷⁸⁹⁰]|(?<=[^\W\d]\.)\d{1,3})*[ \t\u00a0]+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = set("""mr mrs ms dr prof st jr sr no nos vol vols pp p vs etc e.g i.e u.s u.n u.k e.u inc ltd co
corp gen col lt sgt capt gov sen rep jan feb mar apr jun jul aug sep sept oct nov dec fig al approx est
dept univ ft mt""".split())
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


class Sentences:
    """Sentence spans of one text, found line by line on demand (a sentence never spans a line
    break, and most lines hold no number); `at(pos)` gives the span holding pos."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, list[int]] = {}
        self._spans: dict[int, tuple[int, int]] = {}  # `at` is asked twice per mention (rule, then output)
        self._line = (0, -1, [0])  # start, end (its "\n") and sentence starts of the last line asked for

    def _line_at(self, pos: int) -> tuple[int, int, list[int]]:
        text = self.text
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        starts = self._lines.get(line_start)
        if starts is None:
            starts = [line_start]
            for m in _END.finditer(text, line_start, line_end):
                if m.group()[0] == ".":
                    w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
                    word = w.group(1).lower() if w else ""
                    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                        continue
                starts.append(m.end())
            self._lines[line_start] = starts
        return line_start, line_end, starts

    def at(self, pos: int) -> tuple[int, int]:
        span = self._spans.get(pos)
        if span is None:
            span = self._spans[pos] = self._at(pos)
        return span

    def _at(self, pos: int) -> tuple[int, int]:
        line_start, line_end, starts = self._line
        if not line_start <= pos <= line_end:  # mentions come in order: most share the previous one's line
            self._line = line_start, line_end, starts = self._line_at(pos)
        i = bisect.bisect_right(starts, pos) - 1
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else line_end
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def first_word_start(self, pos: int) -> int:
        """Offset of the first letter or digit of the sentence holding pos."""
        start, end = self.at(pos)
        while start < end and not self.text[start].isalnum():
            start += 1
        return start
