"""Footnote areas: runs of smaller type at the bottom of a column, opened by a note number.

Numbers must follow on (1, 2, 3 ...), so a table row or a year at the start of a small line is not
taken for a note. A note runs on into the next column when its text stops mid-sentence (Federal
Register), and onto the next page when the page says "(continued...)" (CRS reports).
"""

from __future__ import annotations

import re

from pipeline.pdf.config import LAYOUT
from pipeline.pdf.glyphs import Line
from pipeline.pdf.text import lead_number

CONTINUED = re.compile(r"^\(?continued\W*\)?$", re.IGNORECASE)
_ENDS = (".", ")", "”", '"', "’", "]", ";")
_MAX_SKIP = 20  # a note number may skip a few (a note lost in a figure), never jump far


class NoteTracker:
    def __init__(self) -> None:
        self.last = 0
        self.current: int | None = None
        self.open = False  # the current note goes on in the next footnote area

    def end_page(self, lines: list[Line]) -> None:
        """Across a page break a note goes on only where the page says so."""
        self.open = self.current is not None and any(ln.reason == "footnote_continued_marker" for ln in lines)
        if not self.open:
            self.current = None

    def take(self, run: list[Line]) -> None:
        started_here = False
        for ln in run:
            number, small = lead_number(ln)
            if number is not None and self.last < number <= self.last + _MAX_SKIP and (small or number == self.last + 1):
                ln.label, ln.reason, ln.note = "footnote", "footnote", number
                self.last = self.current = number
                self.open, started_here = not ln.raw.endswith(_ENDS), True
            elif CONTINUED.match(ln.raw):
                ln.label, ln.reason = "chrome", "footnote_continued_marker"
                self.open = True
            elif self.current is not None and (started_here or self.open):
                ln.label, ln.reason = "footnote", "footnote_continued"
                self.open, started_here = not ln.raw.endswith(_ENDS), True


def mark(pages: list[list[Line]], body: float) -> None:
    """Label footnote lines in place; `pages` holds each page's lines in reading order."""
    tracker = NoteTracker()
    for lines in pages:
        content = [ln for ln in lines if ln.label is None]
        run: list[Line] = []
        for i, ln in enumerate(content):
            if ln.display < LAYOUT.small_ratio * body:
                run.append(ln)
            else:
                run = []
                continue
            after = content[i + 1] if i + 1 < len(content) else None
            bottom = after is None or (after.col, after.band) != (ln.col, ln.band)
            if bottom:
                tracker.take(run)
                run = []
        tracker.end_page(lines)
