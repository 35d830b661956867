"""Per-line records kept from the one pdfminer pass: glyphs with size, position and weight.

A `Line` is what the rest of the package works on: one visual text line of one column, with its
glyphs (so superscripts and bold runs stay visible) and its geometry (page, column, baseline).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pdfminer.layout import LTAnno, LTChar, LTPage, LTTextBox, LTTextLine

BOLD = 1
SYMBOL = 2
SUP = 4

_WEIGHTS = ("bold", "black", "heavy", "semibold", "demi", "medi")  # fontname fragments that mean a heavy face
_SYMBOL_FONTS = ("symbol", "dingbat", "wingding", "typographic")  # bullets drawn with these come out as "!" etc.
_font_flags: dict[str, int] = {}


def font_flags(fontname: str) -> int:
    """BOLD/SYMBOL bits from a font name (cached: a document uses a handful of fonts)."""
    flags = _font_flags.get(fontname)
    if flags is None:
        low = fontname.lower()
        flags = (BOLD if any(w in low for w in _WEIGHTS) else 0) | (SYMBOL if any(s in low for s in _SYMBOL_FONTS) else 0)
        _font_flags[fontname] = flags
    return flags


class Glyph:
    """One character; `size` 0 marks a space that pdfminer inferred from a gap."""

    __slots__ = ("text", "size", "x0", "x1", "y0", "flags")

    def __init__(self, text: str, size: float, x0: float, x1: float, y0: float, flags: int) -> None:
        self.text, self.size, self.x0, self.x1, self.y0, self.flags = text, size, x0, x1, y0, flags


@dataclass
class Line:
    page: int
    glyphs: list[Glyph]
    x0: float
    y0: float
    x1: float
    y1: float
    size: float = 0.0  # most common glyph size: the line's type size
    base: float = 0.0  # bottom of the main-size glyphs: a baseline that superscripts do not move
    bold: float = 0.0  # share of bold glyphs
    display: float = 0.0  # largest letter: small caps and drop initials count at their full size
    raw: str = ""  # the glyphs' text as pdfminer gives it
    text: str = ""  # rendered text: markers as superscripts, bullets normalised (set once ordered)
    col: int = 0  # column on its page (-1: spans a gutter)
    band: int = 0  # horizontal band between spanning lines
    order: int = 0  # reading order in the document
    label: str | None = None
    reason: str = ""
    note: int | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def measure(self) -> None:
        """Recompute size, baseline, weight and raw text after glyphs were added (one pass)."""
        counts: dict[float, int] = {}
        inked = [g for g in self.glyphs if g.size and not g.text.isspace()]
        for g in inked:
            key = round(g.size, 1)
            counts[key] = counts.get(key, 0) + 1
        self.raw = "".join(g.text for g in self.glyphs).strip()
        if not counts:
            return
        self.size = max(counts, key=counts.__getitem__)
        self.base = min(g.y0 for g in inked if abs(g.size - self.size) < 0.3 * self.size)
        self.bold = sum(1 for g in inked if g.flags & BOLD) / len(inked)
        self.display = max((g.size for g in inked if g.text.isalpha()), default=self.size)

    @property
    def text_x0(self) -> float:
        """Where the words start: a list bullet hanging to the left does not count."""
        inked = [g for g in self.glyphs if g.size and not g.text.isspace()]
        if len(inked) > 1 and (inked[0].flags & SYMBOL or inked[0].text in "•●▪■◦‣∙·▸►") and inked[1].x0 - inked[0].x1 > 0.2 * self.size:
            return inked[1].x0
        return self.x0

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def _line(obj: LTTextLine, page: int) -> Line:
    glyphs: list[Glyph] = []
    for item in obj:
        if isinstance(item, LTChar):
            glyphs.append(Glyph(item.get_text(), item.size, item.x0, item.x1, item.y0, font_flags(item.fontname)))
        elif isinstance(item, LTAnno) and item.get_text() == " " and glyphs:
            last = glyphs[-1]
            glyphs.append(Glyph(" ", 0.0, last.x1, last.x1, last.y0, 0))
    line = Line(page, glyphs, obj.x0, obj.y0, obj.x1, obj.y1)
    line.measure()
    return line


def page_lines(layout: LTPage, page: int) -> list[Line]:
    """Every non-empty text line of a page (text inside figures is left out: it is artwork)."""
    out: list[Line] = []
    for box in layout:
        if isinstance(box, LTTextBox):
            for obj in box:
                if isinstance(obj, LTTextLine):
                    line = _line(obj, page)
                    if line.size and line.raw:
                        out.append(line)
    return out
