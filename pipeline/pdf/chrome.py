"""Running heads and feet, page numbers, slugs and margin stamps: labelled `chrome`, never deleted.

A line is a running head/foot when its text (digits folded, so "Page 3" = "Page 17") recurs on
several pages inside the outer zone of the page; position alone marks slugs and stamps.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.pdf.config import LAYOUT
from pipeline.pdf.glyphs import Line

_TOKENS = re.compile(r"[^\W_]{2,}")  # running heads have 2+ words or numbers: one-word table cells repeat by chance
_PAGE_NUMBER = re.compile(r"^(page\s+)?(\d{1,6}|[ivxlc]{1,6})(\s+of\s+\d+)?$", re.IGNORECASE)


def key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d", "#", text.lower())).strip()


def mark(lines: list[Line], heights: dict[int, float], body: float) -> set[str]:
    """Label chrome lines in place; return the keys of the running heads/feet found."""
    pages = len(heights)
    seen: dict[str, list[Line]] = defaultdict(list)
    for ln in lines:
        if _zone(ln, heights[ln.page], LAYOUT.zone_share) and len(_TOKENS.findall(ln.raw)) >= 2:
            seen[key(ln.raw)].append(ln)
    need = max(2, round(LAYOUT.repeat_pages * pages))
    running = {k for k, group in seen.items() if len(k) <= 160 and _steady(group) >= need}
    typical = {k: _median([ln.display for ln in seen[k]]) for k in running}
    for ln in lines:
        height = heights[ln.page]
        top = ln.base > height / 2
        if ln.size < LAYOUT.tiny_ratio * body:
            _set(ln, "tiny_type")
        elif _zone(ln, height, LAYOUT.zone_share) and key(ln.raw) in running and ln.display <= 1.1 * typical[key(ln.raw)]:
            _set(ln, "running_head" if top else "running_foot")
        elif _zone(ln, height, LAYOUT.zone_share) and _PAGE_NUMBER.match(ln.raw):
            _set(ln, "page_number")
        elif _zone(ln, height, LAYOUT.margin_share):
            _set(ln, "page_margin")
    return running


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _steady(group: list[Line]) -> int:
    """Pages on which the line sits at the same height (table cells repeat words, not positions)."""
    middle = _median([ln.base for ln in group])
    return len({ln.page for ln in group if abs(ln.base - middle) <= LAYOUT.running_drift})


def part_of_running(ln: Line, running: set[str], height: float) -> bool:
    """A line at the page edge that is a piece of a running head (FR page 1 prints 'Proposed Rules')."""
    if not _zone(ln, height, LAYOUT.zone_share):
        return False
    k = key(ln.raw)
    return len(k.split()) >= 2 and any(k in r and k != r for r in running)


def _zone(ln: Line, height: float, share: float) -> bool:
    return ln.y1 <= share * height or ln.y0 >= (1 - share) * height


def _set(ln: Line, reason: str) -> None:
    ln.label, ln.reason = "chrome", reason
