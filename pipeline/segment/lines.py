"""The page as lines with offsets, grouped into paragraphs (runs of non-blank lines between blank lines).

Rendered pages put block elements between blank lines and list items / `<br>` on their own line,
so a paragraph group is the natural unit of layout, and a line the unit we label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Line:
    index: int  # position in page.split("\n")
    start: int  # offset of the first character in the page
    end: int  # offset just past the last character (the "\n" excluded)
    text: str  # stripped text; "" for a blank line
    group: int  # paragraph number, -1 for blank lines
    tokens: list[str]


def split_lines(page: str) -> list[Line]:
    """Every line of `page` (blank ones included), so that labels can cover the page exactly."""
    lines: list[Line] = []
    offset = 0
    group = -1
    previous_blank = True
    for index, raw in enumerate(page.split("\n")):
        text = raw.strip()
        if text:
            if previous_blank:
                group += 1
            lines.append(Line(index, offset, offset + len(raw), text, group, _WORD.findall(text)))
        else:
            lines.append(Line(index, offset, offset + len(raw), "", -1, []))
        previous_blank = not text
        offset += len(raw) + 1
    return lines
