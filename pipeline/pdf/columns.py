"""Reading order on one page: find column gutters, cut the page into bands at lines that span a
gutter, read each band column by column, and rebuild lines that pdfminer split or detached.

pdfminer's own ordering (boxes_flow) interleaves columns on the Federal Register's 7 pt gutters and
splits widely justified lines into one line per word; both are repaired here from positions.
"""

from __future__ import annotations

from pipeline.pdf.config import LAYOUT
from pipeline.pdf.glyphs import SUP, Glyph, Line

_MARKER_CHARS = set("0123456789,*†‡-–")


def gutters(lines: list[Line]) -> list[tuple[float, float]]:
    """x-intervals that no column line covers, with enough lines on both sides to be real columns."""
    if not lines:
        return []
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    narrow = [ln for ln in lines if ln.width < LAYOUT.wide_share * (right - left)]
    if len(narrow) < 2 * LAYOUT.gutter_support:
        return []
    lo = int(left)
    cover = [0] * (int(right) - lo + 2)
    for ln in narrow:  # difference array: +1 where a line starts, -1 past its end
        cover[int(ln.x0) - lo] += 1
        cover[int(ln.x1) - lo + 1] -= 1
    allowed = max(1, int(LAYOUT.gutter_cross * len(narrow)))  # a title or affiliation may cross the gutter
    running, found, start = 0, [], None
    for i, step in enumerate(cover):
        running += step
        if running <= allowed and start is None:
            start = i
        elif running > allowed and start is not None:
            if i - start >= LAYOUT.gutter_min and start > 0:
                found.append((start + lo, i + lo - 0.5))
            start = None
    text_lines = [ln for ln in narrow if ln.width >= LAYOUT.column_share * (right - left)]
    return [g for g in found if _supported(g, text_lines)]


def _supported(gap: tuple[float, float], text_lines: list[Line]) -> bool:
    """Real columns hold lines of text on both sides (bullets and page numbers do not count)."""
    lefts = sum(1 for ln in text_lines if ln.x1 <= gap[0] + 1)
    rights = sum(1 for ln in text_lines if ln.x0 >= gap[1] - 1)
    return lefts >= LAYOUT.gutter_support and rights >= LAYOUT.gutter_support


def assign(lines: list[Line], gaps: list[tuple[float, float]]) -> None:
    """Set `col` (-1 for lines crossing a gutter) and `band` (spanning lines seen above)."""
    for ln in lines:
        ln.col = 0
        for lo, hi in gaps:
            if ln.x0 < lo - 1 and ln.x1 > hi + 1:
                ln.col = -1
                break
            if ln.x0 >= hi - 1:
                ln.col += 1
    spans = sorted((ln.base for ln in lines if ln.col == -1), reverse=True)
    for ln in lines:
        ln.band = sum(1 for b in spans if b > ln.base + 0.1) if ln.col != -1 else spans.index(ln.base)


def order_key(ln: Line) -> tuple[float, ...]:
    """Bands top to bottom; inside a band, columns left to right, then lines top to bottom; the
    spanning line that closes band k comes after band k's columns."""
    if ln.col == -1:
        return (ln.band, 2, 0, -ln.base, ln.x0)
    return (ln.band, 1, ln.col, -ln.base, ln.x0)


def merge_baselines(lines: list[Line]) -> list[Line]:
    """Join fragments of one visual line (same column, same baseline, close, same size)."""
    lines = sorted(lines, key=lambda ln: (ln.band, ln.col, -ln.base, ln.x0))
    out: list[Line] = []
    for ln in lines:
        host = next((h for h in reversed(out[-6:]) if _same_line(h, ln)), None)
        if host is None:
            out.append(ln)
            continue
        left, right = (host, ln) if host.x0 <= ln.x0 else (ln, host)
        pad = Glyph(" ", 0.0, left.x1, left.x1, host.base, 0)
        if right.x0 >= left.x1 - 0.5:
            host.glyphs = [*left.glyphs, pad, *right.glyphs]
        else:  # interleaved fragments: order the glyphs themselves
            host.glyphs = sorted([*left.glyphs, pad, *right.glyphs], key=_glyph_x)
        host.x0, host.x1 = min(host.x0, ln.x0), max(host.x1, ln.x1)
        host.y0, host.y1 = min(host.y0, ln.y0), max(host.y1, ln.y1)
        host.measure()
    return out


def _glyph_x(g: Glyph) -> float:
    return g.x0


def _same_line(a: Line, b: Line) -> bool:
    if a.col != b.col or a.band != b.band or _is_marker(a) or _is_marker(b):
        return False
    size = max(a.size, b.size)
    if abs(a.base - b.base) > LAYOUT.baseline_tol * size or size > 1.25 * min(a.size, b.size):
        return False
    gap = max(a.x0, b.x0) - min(a.x1, b.x1)
    return gap <= LAYOUT.merge_gap * size


def _is_marker(ln: Line) -> bool:
    text = ln.raw
    return len(text) <= 4 and all(c in _MARKER_CHARS for c in text) and any(c.isdigit() for c in text)


def attach_markers(lines: list[Line]) -> list[Line]:
    """Put detached superscript lines (a small digit set above a body line) into that line."""
    markers = [ln for ln in lines if _is_marker(ln)]
    if not markers:
        return lines
    keep = [ln for ln in lines if not _is_marker(ln)]
    for mk in markers:
        host = _host(mk, keep)
        if host is None:
            keep.append(mk)
            continue
        for g in mk.glyphs:
            g.flags |= SUP
        at = next((i for i, g in enumerate(host.glyphs) if g.size and g.x0 >= mk.x0 - 0.5), len(host.glyphs))
        host.glyphs[at:at] = [g for g in mk.glyphs if not g.text.isspace()]
        host.x0, host.x1, host.y1 = min(host.x0, mk.x0), max(host.x1, mk.x1), max(host.y1, mk.y1)
        host.measure()
    return keep


def _host(mk: Line, lines: list[Line]) -> Line | None:
    best, rise = None, 1e9
    for ln in lines:
        if ln.page != mk.page or mk.size > LAYOUT.sup_ratio * ln.size:
            continue
        up = mk.y0 - ln.base
        if LAYOUT.sup_rise * ln.size <= up <= ln.size and ln.x0 - ln.size <= mk.x0 and mk.x1 <= ln.x1 + ln.size and up < rise:
            best, rise = ln, up
    return best
