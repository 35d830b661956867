"""Lay the labelled lines out as text + hints: one output line per paragraph, note or other line,
a blank line between them, and lines that interrupt a paragraph (notes, running heads, figures)
placed right after the paragraph they interrupted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.doc import Hint
from pipeline.pdf.glyphs import Line
from pipeline.pdf.hyphens import Vocabulary, join
from pipeline.pdf.paragraphs import Paragraph
from pipeline.pdf.text import PLAIN, note_text

_MARKERS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


@dataclass
class Unit:
    text: str
    label: str
    reason: str
    note: int | None = None


def units(lines: list[Line], paragraphs: list[Paragraph], vocab: Vocabulary) -> list[Unit]:
    para_of = {id(ln): p for p in paragraphs for ln in p.lines}
    position = {id(ln): i for i, ln in enumerate(lines)}
    out: list[Unit] = []
    pending: list[Unit] = []
    open_until = -1
    for i, ln in enumerate(lines):
        para = para_of.get(id(ln))
        if para is None:
            (pending if i < open_until else out).append(_line_unit(ln))
        elif ln is para.lines[0]:
            text = ""
            for part in para.texts:
                text = join(text, part, vocab)
            out.append(Unit(text, para.label, para.reason))
            open_until = position[id(para.lines[-1])]
        if i == open_until:
            out.extend(pending)
            pending.clear()
    out.extend(pending)
    return _notes(out, vocab)


def _line_unit(ln: Line) -> Unit:
    text = note_text(ln) if ln.note is not None else ln.text
    return Unit(text, ln.label or "body", ln.reason, ln.note)


def _notes(seq: list[Unit], vocab: Vocabulary) -> list[Unit]:
    """One unit per note, or per piece of a note that a page or column break split; one per stamp."""
    out: list[Unit] = []
    for unit in seq:
        last = out[-1] if out else None
        if unit.label == "footnote" and unit.note is None and last is not None and last.label == "footnote":
            last.text = join(last.text, unit.text, vocab)
        elif unit.label == "footnote" and unit.note is None:
            out.append(Unit(unit.text, "footnote", "footnote_continued"))
        elif unit.reason == "tiny_type" and last is not None and last.reason == "tiny_type":
            last.text += unit.text  # a vertical margin stamp comes out one letter per line
        else:
            out.append(unit)
    return out


def layout(seq: list[Unit]) -> tuple[str, list[Hint]]:
    """Text with a blank line between units; a hint for every non-blank line."""
    hints = [Hint(line=2 * i, label=u.label, reason=u.reason, note=u.note) for i, u in enumerate(seq)]
    return "\n\n".join(u.text.replace("\n", " ") for u in seq), hints


def marker_numbers(seq: list[Unit]) -> set[int]:
    found: set[int] = set()
    for u in seq:
        if u.label in ("body", "heading", "caption"):
            found.update(int(m.translate(PLAIN)) for m in _MARKERS.findall(u.text))
    return found
