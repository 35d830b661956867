"""Footnote and endnote lines: `¹ John P Ruehl, "..."`, `^{14 "..."`, `[3] ...`, and `12 Author, Title` in a notes run.

A line that starts a note carries its number; a following paragraph that is the rest of the
previous note (split by a page break) is a continuation. Plain `12 Text` lines count as notes only
next to other notes or after a "Notes"/"References" heading, because numbered lists look the same.
"""

from __future__ import annotations

import re

from pipeline.segment.lines import Line

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPER_START = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*(?=\S)")
_CARET_START = re.compile(r"^\^\{?(\d{1,3})\}?\s+(?=\S)")
_BRACKET_START = re.compile(r"^\[(\d{1,3})\]\s*(?=\S)")
_PLAIN_START = re.compile(r"^(\d{1,3})[.)]?\s+(?=\S)")
_NOTES_HEADING = re.compile(r"^(?:end\s*)?notes?:?$|^references:?$|^footnotes:?$|^sources:?$|^endnotes:?$", re.I)
# What a reference looks like: a year, a URL, quotes around a title, Ibid./op. cit., page refs.
_CITATION_LIKE = re.compile(r"\b(?:19|20)\d\d\b|https?://|www\.|[\"“”]|\bibid\b|\bop\. cit\b|\bpp?\.\s*\d", re.I)
# First characters a note start or a notes heading can have: other lines skip those regexes.
# `\d` is any Unicode decimal digit (str.isdecimal); re.IGNORECASE also matches "ſ" to "s".
_NOTE_FIRST = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹^[")
_HEADING_FIRST = frozenset("eEnNrRfFsSſ")


def note_number(text: str, in_notes: bool) -> int | None:
    """The number of the note `text` starts, or None when it does not start one."""
    for pattern in (_SUPER_START, _CARET_START, _BRACKET_START):
        m = pattern.match(text)
        if m:
            rest = text[m.end():]
            if pattern is _BRACKET_START and not (in_notes or _CITATION_LIKE.search(rest)):
                return None
            return int(m.group(1).translate(_SUPERSCRIPT))
    if in_notes:
        m = _PLAIN_START.match(text)
        if m and _CITATION_LIKE.search(text[m.end():]):
            return int(m.group(1))
    return None


def find_notes(lines: list[Line], rows: list[Line] | None = None) -> dict[int, tuple[int | None, str]]:
    """{line index: (note number or None, reason)} for footnote lines of the page.
    `rows`: the non-blank lines of `lines`, when the caller has them (blank lines play no part)."""
    found: dict[int, tuple[int | None, str]] = {}
    in_notes = False  # after a notes heading, or right after another note
    last_note_line = -10
    last_group = -1
    for ln in [ln for ln in lines if ln.text] if rows is None else rows:
        first = ln.text[0]
        if first in _HEADING_FIRST and _NOTES_HEADING.match(ln.text):
            in_notes = True
            continue
        number = None
        if first in _NOTE_FIRST or first.isdecimal():
            near = ln.index - last_note_line <= 3
            number = note_number(ln.text, in_notes or near)
        if number is not None:
            found[ln.index] = (number, "footnote_marker")
            last_note_line, last_group = ln.index, ln.group
            continue
        if ln.group == last_group and ln.index - last_note_line == 1:
            # the next line of the same paragraph as a note: the note goes on
            found[ln.index] = (None, "footnote_continued")
            last_note_line = ln.index
            continue
        if not in_notes or ln.ntok > 80:
            in_notes = False
    return found
