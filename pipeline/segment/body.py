"""Blocks over the whole page and the article body text.

Blocks are runs of lines of one paragraph with one label (a label change or a blank line starts a
new block; a footnote line that starts a note starts a block too). Blank lines belong to the
block before them, so blocks tile the page: nothing is lost and offsets stay exact.

The body text joins kept paragraphs with one blank line, and glues back a paragraph that a page
break, a footnote block or a figure cut in two: the first part ends mid-sentence and the second
goes on (lower-case start, or the first part is running prose without a final stop).
"""

from __future__ import annotations

import re
from operator import attrgetter

from pipeline.doc import Block
from pipeline.segment.labelled import KEEP, Labelled
from pipeline.segment.lines import Line

# a final stop, possibly inside quotes/brackets/emphasis or before a footnote marker ("consensus.7")
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’)\]*]*(?:\s*[⁰¹²³⁴⁵⁶⁷⁸⁹\d]{1,3})?$")
_SPEAKER = re.compile(r"^[A-Z][\w .'’-]{1,40}:$")
_SPEAKER_CHARS = 43  # the longest _SPEAKER match, a final "\n" included: longer paragraphs skip the regex
_TAIL = 16  # characters of a paragraph's end that hold its final stop, but for odd endings
# what may follow the stop in an _ENDS_SENTENCE match, besides spaces (\s) and digits (\d)
_AFTER_STOP = frozenset("\"”’)]*⁰¹²³⁴⁵⁶⁷⁸⁹")
_START = attrgetter("start")
PROSE_TOKENS = 20  # a paragraph this long that ends without a stop was cut, not finished


def build_blocks(page: str, lines: list[Line], lab: Labelled, rows: list[Line] | None = None) -> list[Block]:
    """`rows`: the non-blank lines of `lines`, when the caller has them."""
    rows = [ln for ln in lines if ln.text] if rows is None else rows
    labels = lab.labels
    starts: list[int] = []  # line index of each block's first line
    prev_group, prev_label = -2, ""
    for ln in rows:
        label = labels[ln.index]
        if label != prev_label or ln.group != prev_group or label == "footnote" and _starts_note(lab, ln.index):
            starts.append(ln.index)
            prev_group, prev_label = ln.group, label
    if not starts:
        return [Block(0, len(page), "chrome", "blank_page", page)] if page else []
    # built column by column with C-level maps: a page has ~170 blocks
    begins = [0, *map(_START, map(lines.__getitem__, starts[1:]))]
    ends = [*begins[1:], len(page)]
    notes = list(map(lab.notes.get, starts))
    blocks = list(map(Block, begins, ends, map(labels.__getitem__, starts), map(lab.reasons.__getitem__, starts),
                      map(page.__getitem__, map(slice, begins, ends)), notes))
    for block in blocks:
        if block.label == "footnote":
            if block.note is None and block.reason != "footnote_continued":
                block.reason = "footnote_continued"
        elif block.note is not None:
            block.note = None  # only footnote blocks carry a note number
    return blocks


def _starts_note(lab: Labelled, index: int) -> bool:
    """A footnote line that opens a numbered note (not the rest of the previous one)."""
    return lab.reasons[index] != "footnote_continued" and lab.notes.get(index) is not None


def body_paragraphs(lines: list[Line], lab: Labelled, rows: list[Line] | None = None) -> list[tuple[str, str]]:
    """(label, text) of kept paragraphs, lines of one paragraph joined by a newline.
    `rows`: the non-blank lines of `lines`, when the caller has them."""
    rows = [ln for ln in lines if ln.text] if rows is None else rows
    paras: list[tuple[str, list[str]]] = []
    last_group = None
    for ln in rows:
        label = lab.labels[ln.index]
        if label not in KEEP:
            last_group = None
            continue
        if paras and ln.group == last_group and paras[-1][0] == label:
            paras[-1][1].append(ln.text)
        else:
            paras.append((label, [ln.text]))
        last_group = ln.group
    return [(label, "\n".join(texts)) for label, texts in paras]


def join_text(paras: list[tuple[str, str]]) -> str:
    out: list[tuple[str, str]] = []
    for label, text in paras:
        if out and _continues(out[-1], (label, text)):
            prev_label, prev = out[-1]
            out[-1] = (prev_label, prev + (" " if not prev.endswith("-") else "") + text)
        else:
            out.append((label, text))
    return "\n\n".join(text for _, text in out)


def _continues(first: tuple[str, str], second: tuple[str, str]) -> bool:
    (label1, a), (label2, b) = first, second
    # cheap tests before the regexes and splits
    if label2 == "body" and len(a) <= _SPEAKER_CHARS and _SPEAKER.match(a):
        return True  # interview: the speaker's name on its own line, the answer below
    if label1 != "body" or label2 != "body" or _ends_sentence(a):
        return False
    if b[0].islower():
        return True
    return a[-1].isalpha() and len(a.split()) >= PROSE_TOKENS and len(b.split()) >= 3


def _ends_sentence(text: str) -> bool:
    """`_ENDS_SENTENCE.search(text)`, looking at the tail only: a match is a stop followed by
    closing marks, spaces and digits up to the end, so it can start before the last
    `_TAIL` characters only when all of those are such characters; then the whole text is searched."""
    if text[-1] in ".!?…:;":
        return True  # the stop alone is a match: the usual case, without the regex
    tail = text[-_TAIL:]
    if _ENDS_SENTENCE.search(tail):
        return True
    # no match in the tail: one further back would need every tail character to be one it may hold
    if len(text) <= _TAIL or not all(c in _AFTER_STOP or c.isspace() or c.isdecimal() for c in tail):
        return False
    return _ENDS_SENTENCE.search(text) is not None
