"""Footnote blocks -> one clean raw string per note (continuations after page breaks joined)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from pipeline.cite.markers import FROM_SUPERSCRIPT
from pipeline.doc import Block

# the note's own number at its start: `¹³ `, `^{14} `, `^{14 ` (brace lost), `14. `, `[14] `, `(14) `
_PREFIX = re.compile(r"^\s*(?:\^\{?\s*(\d{1,3})\s*\}?|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)]?(?=\s))\s*")
# a converter that escaped `"` then broke the brace of `^{14 "` leaves `&}quot;`
_BROKEN_ENTITY = re.compile(r"&\}(\w+;)")
_EMPHASIS = re.compile(r"(?<!\w)([*_]{1,2})(\S(?:.*?\S)?)\1(?!\w)")
_HYPHENATED = re.compile(r"(?<=\w-)\s*\n\s*(?=\w)")


def prefix_number(line: str) -> int | None:
    """The note number a line starts with, or None."""
    found = _PREFIX.match(line)
    if not found:
        return None
    digits = next(g for g in found.groups() if g)
    return int(digits.translate(FROM_SUPERSCRIPT))


def clean_note(text: str, note: int | None) -> str:
    """The note's text without its number, markup emphasis, escaped quotes or line breaks."""
    found = _PREFIX.match(text)
    if found and prefix_number(text) == note:
        text = text[found.end() :]
    text = _BROKEN_ENTITY.sub(r"&\1", text)
    if "&" in text:
        text = html.unescape(text)
    # each pattern is only tried on text holding its one required character: both open with a
    # look-behind, which `re` tries at every position
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(r"\2", text)
    if "\n" in text:
        text = _HYPHENATED.sub("", text)  # a word hyphenated across lines keeps its hyphen
    return re.sub(r"\s+", " ", text).strip()


def _split_block(block: Block, note: int) -> list[tuple[int, str]]:
    """A block that holds several notes (one per line start, numbered in sequence) split apart."""
    parts: list[tuple[int, str]] = [(note, "")]
    for line in block.text.split("\n"):
        number = prefix_number(line) if parts[-1][1] else None
        if number == parts[-1][0] + 1:
            parts.append((number, line))
        else:
            parts[-1] = (parts[-1][0], f"{parts[-1][1]}\n{line}" if parts[-1][1] else line)
    return parts


def collect_notes(blocks: Iterable[Block]) -> list[tuple[int, str]]:
    """(note number, clean text) for every note, in page order; continued notes joined."""
    notes: list[list] = []
    for block in blocks:
        if block.label != "footnote":
            continue
        if block.note is not None:
            notes.extend([number, text] for number, text in _split_block(block, block.note))
        elif notes:
            # a footnote block without a number continues the previous note (after a page break)
            notes[-1][1] = f"{notes[-1][1]}\n{block.text}"
    return [(number, clean_note(text, number)) for number, text in notes]
