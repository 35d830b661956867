"""What both the HTML report and `inspect` show of one Doc: labelled page lines and marked-up body spans."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.doc import Citation, Doc, Number

# In-text note markers as the body prints them (see brief: `¹³`, `^{14}`, `consensus.7`, `[3]`):
# the published marker offset says where one starts, this says where it ends.
_MARKER = re.compile(r"\^\{\d+\}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\]|\d+")


class Line(NamedTuple):  # a tuple, not a frozen dataclass: a report builds hundreds of thousands of them
    number: int  # 1-based line number in the cleaned page
    text: str
    label: str | None  # None only when no block covers the line (a contract breach, shown loudly)
    reason: str | None
    block: int | None
    first: bool  # the first line of its block: where the reason is worth repeating
    note: int | None


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "marker" or "number"
    index: int  # citation marker: its position among the note's markers; number: its row index
    note: int | None = None
    number: Number | None = None


def page_lines(doc: Doc) -> list[Line]:
    """Every line of the cleaned page with the label and reason of the block that holds it."""
    blocks = sorted(enumerate(doc.blocks), key=lambda ib: ib[1].start)
    starts = [b.start for _, b in blocks]
    lines: list[Line] = []
    offset = 0
    for number, text in enumerate(doc.page.split("\n"), start=1):
        # the last block starting on or before this line's end holds the line if it reaches into it
        at = bisect.bisect_right(starts, offset + len(text)) - 1
        index, block = blocks[at] if at >= 0 else (None, None)
        # a blank line right at a block's end is inside it when the block's text ends with its "\n"
        at_end = not text and offset == block.end and (block.start == block.end or block.text.endswith("\n")) if block else False
        if block is None or not (offset < block.end or block.start >= offset or at_end):
            lines.append(Line(number, text, None, None, None, False, None))
        else:
            lines.append(Line(number, text, block.label, block.reason, index, block.start >= offset, block.note))
        offset += len(text) + 1
    return lines


def marker_marks(text: str, citations: list[Citation]) -> list[Mark]:
    marks = []
    for citation in citations:
        for k, start in enumerate(sorted(citation.marker_offsets)):
            if not 0 <= start < len(text):
                continue
            found = _MARKER.match(text, start)
            end = found.end() if found else start + 1
            marks.append(Mark(start, end, "marker", k, note=citation.note))
    return marks


def number_marks(numbers: list[Number]) -> list[Mark]:
    return [Mark(n.start, n.end, "number", i, number=n) for i, n in enumerate(numbers)]


def segments(text: str, marks: list[Mark]) -> Iterator[tuple[str, Mark | None]]:
    """The text cut into plain runs and marked spans, in order; a mark overlapping an earlier one is dropped."""
    position = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < position or mark.end > len(text) or mark.end <= mark.start:
            continue
        if mark.start > position:
            yield text[position : mark.start], None
        yield text[mark.start : mark.end], mark
        position = mark.end
    if position < len(text):
        yield text[position:], None


# Control characters shown, never sent: a tab would be expanded by the terminal and an ESC in a
# hostile document could restyle it. Tab becomes ⇥, the others their Unicode "control picture".
_VISIBLE = {**{c: 0x2400 + c for c in range(32)}, 9: ord("⇥"), 127: 0x2421}


def visible(text: str) -> str:
    return text.translate(_VISIBLE)


def value_text(value: float | None, grouping: bool = True) -> str:
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}" if grouping else str(int(value))
    return f"{value:,.6g}" if grouping else f"{value:.6g}"


def value_range(number: Number) -> str:
    """`651,000,000,000`, or `10–20` for a range."""
    grouping = number.kind not in ("year", "decade", "date")  # 2,022 would be a count, not a year
    value = value_text(number.value, grouping)
    return f"{value}–{value_text(number.value_high, grouping)}" if number.value_high is not None else value


def describe(number: Number) -> str:
    """`money 651,000,000,000 USD (approx)`: what a number was read as, for tooltips and listings."""
    # a date-like mention is best read as its ISO date; its numeric value (the year) adds nothing
    parts = [number.kind, number.date] if number.date else [number.kind, value_range(number), number.unit or ""]
    text = " ".join(p for p in parts if p)
    return f"{text} ({number.qualifier})" if number.qualifier else text
