"""Glyphs to text: superscript markers become Unicode superscript digits glued to their word
(`mines¹⁰`), leading note numbers become `N ` and symbol-font bullets become `•`."""

from __future__ import annotations

import re

from pipeline.pdf.config import LAYOUT
from pipeline.pdf.glyphs import SUP, SYMBOL, Line

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
PLAIN = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
BULLETS = set("•●▪■◦‣∙·▸►")
_SPACES = re.compile(r"\s+")
_LEAD = re.compile(r"([0-9⁰¹²³⁴-⁹]{1,4})\s*")


def mark_superscripts(line: Line) -> None:
    """Flag small raised digits (and the commas between them) as markers."""
    limit, rise = LAYOUT.sup_ratio * line.size, line.base + LAYOUT.sup_rise * line.size
    for g in line.glyphs:
        if g.size and g.size <= limit and g.text.isdigit() and g.y0 >= rise:
            g.flags |= SUP
    glyphs = line.glyphs
    for i in range(1, len(glyphs) - 1):  # "12,13": the comma between two markers is part of them
        if glyphs[i].text == "," and glyphs[i - 1].flags & SUP and glyphs[i + 1].flags & SUP:
            glyphs[i].flags |= SUP


def render(line: Line) -> str:
    """The line's text with markers as superscripts glued to the preceding word."""
    out: list[str] = []
    for g in line.glyphs:
        if g.flags & SUP:
            while out and out[-1].isspace():  # "Reports 1 from" -> "Reports¹ from"
                out.pop()
            out.append(g.text.translate(SUPERSCRIPT))
        else:
            out.append(g.text)
    text = _SPACES.sub(" ", "".join(out)).strip()
    return _bullet(line, text)


def _bullet(line: Line, text: str) -> str:
    first = next((g for g in line.glyphs if not g.text.isspace()), None)
    if first is None or len(text) < 2:
        return text
    if (first.flags & SYMBOL or first.text in BULLETS) and text[1] == " ":
        return "• " + text[2:]
    return text


def lead_number(line: Line) -> tuple[int | None, bool]:
    """A number opening the line: (value, set smaller than the line) or (None, False)."""
    digits, small = [], True
    for g in line.glyphs:
        if g.text.isspace() and not digits:
            continue
        if not g.text.isdigit():
            break
        digits.append(g.text)
        small = small and bool(g.flags & SUP or (g.size and g.size <= LAYOUT.sup_ratio * line.size))
    if not digits or len(digits) > 4:
        return None, False
    return int("".join(digits)), small


def note_text(line: Line) -> str:
    """A note's first line as printed, with its number set off by one space (`1The` -> `1 The`)."""
    text = render(line)
    match = _LEAD.match(text)
    if match is None:
        return text
    return f"{match.group(1).translate(PLAIN)} {text[match.end():]}"
