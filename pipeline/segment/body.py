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

from pipeline.doc import Block
from pipeline.segment.labelled import KEEP, Labelled
from pipeline.segment.lines import Line

# a final stop, possibly inside quotes/brackets/emphasis or before a footnote marker ("consensus.7")
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’)\]*]*(?:\s*[⁰¹²³⁴⁵⁶⁷⁸⁹\d]{1,3})?$")
_SPEAKER = re.compile(r"^[A-Z][\w .'’-]{1,40}:$")
PROSE_TOKENS = 20  # a paragraph this long that ends without a stop was cut, not finished


def build_blocks(page: str, lines: list[Line], lab: Labelled) -> list[Block]:
    starts: list[tuple[int, str, str, int | None]] = []  # (line index, label, reason, note)
    prev_key: tuple | None = None
    for ln in lines:
        if not ln.text:
            continue
        label = lab.labels[ln.index]
        note = lab.notes.get(ln.index)
        key = (ln.group, label)
        starts_note = label == "footnote" and lab.reasons[ln.index] != "footnote_continued" and note is not None
        if key != prev_key or starts_note:
            starts.append((ln.index, label, lab.reasons[ln.index], note))
        prev_key = key
    if not starts:
        return [Block(0, len(page), "chrome", "blank_page", page)] if page else []
    blocks: list[Block] = []
    for k, (index, label, reason, note) in enumerate(starts):
        begin = 0 if k == 0 else lines[index].start
        end = lines[starts[k + 1][0]].start if k + 1 < len(starts) else len(page)
        if label == "footnote" and note is None and reason != "footnote_continued":
            reason = "footnote_continued"
        blocks.append(Block(begin, end, label, reason, page[begin:end], note if label == "footnote" else None))
    return blocks


def body_paragraphs(lines: list[Line], lab: Labelled) -> list[tuple[str, str]]:
    """(label, text) of kept paragraphs, lines of one paragraph joined by a newline."""
    paras: list[tuple[str, list[str]]] = []
    last_group = None
    for ln in lines:
        if not ln.text:
            continue
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
    if _SPEAKER.match(a) and label2 == "body":
        return True  # interview: the speaker's name on its own line, the answer below
    if label1 != "body" or label2 != "body" or _ENDS_SENTENCE.search(a):
        return False
    if b[0].islower():
        return True
    return len(a.split()) >= PROSE_TOKENS and a[-1].isalpha() and len(b.split()) >= 3
