"""In-text note markers: `¹³`, `^{14}`, `[12]`, `consensus.7`, `mines¹⁰`, and the weaker `purpose. 6 In`.

Strong forms (superscripts, `^{n}`, `[n]`, digits glued after punctuation) are markers on their own.
Weak forms (a number standing alone after a sentence end, digits glued after a year's period) are
only taken when they fit the numbering of the strong markers around them: a note number rises
through a text, so a weak `6` between markers 5 and 7 is a marker, a `6` after marker 30 is not.
Years, decimals, page references (`p.5`) and model names (`TB-2`, `9/11`) never match.
"""

from __future__ import annotations

import re
from collections.abc import Collection

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_CARET = re.compile(r"\^\{(\d{1,3})\}|\^(\d{1,3})(?!\d)")
_BRACKET = re.compile(r"\[(\d{1,3})\]")
# digits glued after sentence punctuation, maybe behind a closing quote or bracket: `consensus.7`.
# The punctuation is matched, not looked behind at: a pattern opening with a character class lets
# `re` skip to the next candidate in C (a look-behind is tried at every position, 4x slower). Matches
# are the same: the digit run is whole (no digit after it), so a next match starts after it.
_GLUED = re.compile(r"[.,;:!?\"”’)\]](\d{1,3})(?![\d])(?![.,]\d)(?![^\W\d_])")
# a lone number between a sentence end and a capitalised word: `purpose. 6 In terms`. The regex
# finds the number; what must come before it (a letter, a stop, maybe a closing quote) is tested
# in `_weak`: a look-behind tried at every space of the text cost more than all the rest here.
_SPACED = re.compile(r" (\d{1,3})(?= [A-Z\"“])")
_STOPS = ".!?"
_CLOSERS = "\"”’)"
# abbreviations after which a glued number is a page, issue or figure, never a note
_REF_WORDS = re.compile(r"(?:\b(?:p|pp|no|nos|vol|fig|art|ch|sec|para|n|v)[.:]|\d[.,:])$", re.I)
_YEAR_DOT = re.compile(r"(?:1[5-9]\d\d|20\d\d)\.$")
_AFTER_DOT = re.compile(r"\.(\d{1,3})(?= [A-Z])")  # the period matched, not looked behind at: see _GLUED
# a superscript after a unit or a digit is a power (`km²`, `10⁶`), not a note
_POWER = re.compile(r"(?:\d|\b(?:k?m|cm|mm|ft|in|mi|sq|yd))$")


def _strong(text: str) -> list[tuple[int, int, int]]:
    found = []
    # most texts hold no superscript digit: a substring test per digit is far cheaper than the search
    first = min((i for i in map(text.find, SUPERSCRIPT_DIGITS) if i >= 0), default=-1)
    for m in _SUPERSCRIPT.finditer(text, first) if first >= 0 else ():
        if not _POWER.search(text[max(0, m.start() - 3) : m.start()]):
            found.append((m.start(), m.end(), int(m.group().translate(FROM_SUPERSCRIPT))))
    for m in _CARET.finditer(text):
        found.append((m.start(), m.end(), int(m.group(1) or m.group(2))))
    for m in _BRACKET.finditer(text):
        found.append((m.start(), m.end(), int(m.group(1))))
    for m in _GLUED.finditer(text):
        start = m.start(1)
        before = text[max(0, start - 6) : start].rstrip("\"”’)]")
        if before[-2:-1].isalpha() or before[-2:-1] in (")", "]"):
            if not _REF_WORDS.search(before):
                found.append((start, m.end(), int(m.group(1))))
    return found


def _is_letter(ch: str) -> bool:
    return ch.isalnum() and not ch.isdecimal()  # re's [^\W\d_]: a word character, not a digit or "_"


def _weak(text: str) -> list[tuple[int, int, int]]:
    found = []
    for m in _SPACED.finditer(text):
        at = m.start()
        if at >= 1 and text[at - 1] in _CLOSERS:
            at -= 1  # `purpose.” 6 In`
        if at >= 2 and text[at - 1] in _STOPS and _is_letter(text[at - 2]):
            found.append((m.start(1), m.end(), int(m.group(1))))
    for m in _AFTER_DOT.finditer(text):
        start = m.start(1)
        if _YEAR_DOT.search(text[max(0, start - 5) : start]):
            found.append((start, m.end(), int(m.group(1))))  # `since 2014.8 Further`
    return found


def find_markers(text: str, notes: Collection[int] | None = None, max_gap: int = 10) -> list[tuple[int, int, int]]:
    """(start, end, note) of every in-text marker of `text`, in text order.

    `notes`, when given, are the note numbers the document has: anything else is not a marker.
    `max_gap` bounds how far a weak marker's number may jump past the previous marker's.
    """
    known = set(notes) if notes is not None else None
    if known is not None and not known:
        return []  # a document without notes has no markers: no need to scan its text
    strong = sorted(s for s in _strong(text) if s[2] > 0 and (known is None or s[2] in known))
    taken = {s[0] for s in strong}
    weak = sorted(w for w in _weak(text) if w[0] not in taken and w[2] > 0 and (known is None or w[2] in known))
    accepted = list(strong)
    if not strong and known is None:
        return accepted  # with no numbering to fit, a lone `. 6 In` is more likely a number
    for start, end, note in weak:
        prev = max((s[2] for s in accepted if s[0] < start), default=0)
        nxt = min((s[2] for s in strong if s[0] > start), default=prev + max_gap + 1)
        if prev < note < nxt and note - prev <= max_gap:
            accepted.append((start, end, note))
    return sorted(accepted)
