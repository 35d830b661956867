"""Body paragraphs: lines grouped across columns, page breaks and footnote areas, then labelled
heading / caption / body. A paragraph goes on after an interruption unless the next line is
indented, starts a list item, or the last line ended short with a full stop."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from pipeline.pdf.config import LAYOUT
from pipeline.pdf.glyphs import Line

CAPTION = re.compile(r"^(figure|fig\.|table|chart|map|exhibit|source|sources|notes?)\s*[0-9ivx]*[.:]", re.IGNORECASE)
_ABBREV = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc|Jr|Sr|Inc|Co|Gen|Gov|Sen|Rep)\.$")


@dataclass
class Paragraph:
    lines: list[Line]
    texts: list[str]
    label: str = "body"
    reason: str = "body"


class Geometry:
    """Per column: left edge, right edge; per document: leading and whether paragraphs indent."""

    def __init__(self, lines: list[Line], body: float) -> None:
        groups: dict[tuple[int, int, int], list[Line]] = defaultdict(list)
        for ln in lines:
            groups[(ln.page, ln.col, ln.band if ln.col == -1 else 0)].append(ln)
        self.edges = {k: (_pct([ln.x0 for ln in g], 0.1), _pct([ln.x1 for ln in g], 0.9)) for k, g in groups.items()}
        steps = Counter()
        for a, b in zip(lines, lines[1:], strict=False):
            step = round(a.base - b.base, 1)
            if a.page == b.page and a.col == b.col and 0.9 * body <= step <= 2 * body:
                steps[step] += 1
        self.leading = steps.most_common(1)[0][0] if steps else 1.2 * body
        indented = sum(1 for ln in lines if 0 < ln.x0 - self.left(ln) - LAYOUT.indent_em * ln.size <= 3.5 * ln.size)
        self.indents = indented >= 0.04 * max(len(lines), 1)

    def left(self, ln: Line) -> float:
        return self.edges[(ln.page, ln.col, ln.band if ln.col == -1 else 0)][0]

    def short(self, ln: Line) -> bool:
        left, right = self.edges[(ln.page, ln.col, ln.band if ln.col == -1 else 0)]
        return ln.x1 < left + LAYOUT.short_line * (right - left)


def _pct(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))]


def ends_sentence(text: str) -> bool:
    text = text.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹")
    return text.endswith((".", "?", "!", ":", "”", '"', ".)")) and not _ABBREV.search(text)


def continues(a: Line, at: str, b: Line, bt: str, first: bool, interrupted: bool, geo: Geometry) -> bool:
    """Does line b (text bt) go on the paragraph whose last line is a (text at)?"""
    if abs(a.size - b.size) > 0.1 * max(a.size, b.size):
        return False
    if (a.bold >= LAYOUT.bold_share) != (b.bold >= LAYOUT.bold_share) and min(a.bold, b.bold) < 0.15:
        return False
    done = ends_sentence(at)
    if bt.startswith("• "):  # a list item, unless a page break split one and left its bullet behind
        return (interrupted or a.page != b.page) and bt[2:3].islower() and not done
    same = not interrupted and (a.page, a.col, a.band) == (b.page, b.col, b.band)
    if same:
        gap = a.base - b.base
        if gap <= 0 or gap > LAYOUT.para_gap * geo.leading:
            return False
        if not first and b.text_x0 > a.text_x0 + LAYOUT.indent_em * b.size:
            return False
        return not (done and geo.short(a))
    if b.text_x0 > geo.left(b) + LAYOUT.indent_em * b.size and not bt.startswith("• "):
        return False
    if done and (geo.short(a) or (bt[:1].isupper() and not geo.indents)):
        return False
    return True


def group(lines: list[Line], body: float) -> list[Paragraph]:
    """Paragraphs from the still unlabelled lines, in reading order (labelled lines interrupt)."""
    geo = Geometry([ln for ln in lines if ln.label is None], body)
    out: list[Paragraph] = []
    cur: Paragraph | None = None
    interrupted = False
    for ln in lines:
        if ln.label is not None:
            interrupted = interrupted or cur is not None
            continue
        text = ln.text
        if cur and continues(cur.lines[-1], cur.texts[-1], ln, text, len(cur.lines) == 1, interrupted, geo):
            cur.lines.append(ln)
            cur.texts.append(text[2:] if text.startswith("• ") else text)  # the bullet a page break repeated
        else:
            cur = Paragraph([ln], [text])
            out.append(cur)
        interrupted = False
    for para in out:
        classify(para, body)
    return out


def classify(para: Paragraph, body: float) -> None:
    chars = sum(len(t) for t in para.texts)
    if all(ln.bold >= LAYOUT.bold_share for ln in para.lines) and chars <= LAYOUT.heading_max_chars:
        para.label, para.reason = "heading", "bold"
    elif para.lines[0].size >= LAYOUT.heading_ratio * body and chars <= LAYOUT.title_max_chars:
        para.label, para.reason = "heading", "large_type"
    elif CAPTION.match(para.texts[0]):
        para.label, para.reason = "caption", "caption"
