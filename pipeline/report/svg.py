"""Horizontal bar charts as inline SVG: the report must open offline, so no plotting library or CDN script.

Hand-written because a bar chart is a few rectangles; matplotlib or altair would add a heavy
dependency (or JavaScript) for what fits in forty lines.
"""

from __future__ import annotations

from markupsafe import Markup, escape

ROW = 22  # px per bar: room for one line of 12 px text
LABEL_W = 260  # px for the bar names (metric paths such as `per_field.container.f1`)
BAR_W = 320
VALUE_W = 90
BELOW = "#d62728"  # a score under its pinned floor: CI is failing on it


def _fmt(value: float, ratio: bool) -> str:
    if ratio:
        return f"{value:.3f}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.3g}"


def bar_chart(
    items: list[tuple[str, float]], title: str, maximum: float | None = None, colours: dict[str, str] | None = None, floors: dict[str, float] | None = None
) -> Markup:
    """One bar per (name, value); `maximum=1.0` draws scores on a fixed 0-1 scale with a full-width guide.

    A name with a pinned floor gets a black tick there, and a red bar when it is below it.
    """
    ratio = maximum == 1.0
    top = maximum if maximum is not None else max((v for _, v in items), default=0.0)
    width = LABEL_W + BAR_W + VALUE_W
    height = ROW * max(1, len(items)) + 4
    parts = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    for row, (name, value) in enumerate(items):
        y = row * ROW + 2
        length = 0.0 if top <= 0 else max(0.0, min(1.0, value / top)) * BAR_W
        floor = (floors or {}).get(name)
        fill = BELOW if floor is not None and value < floor else (colours or {}).get(name, "#4169e1")
        tip = f"{name}: {_fmt(value, ratio)}" + (f" (floor {_fmt(floor, ratio)})" if floor is not None else "")
        parts.append(f'<text x="{LABEL_W - 6}" y="{y + 15}" text-anchor="end">{escape(name)}</text>')
        if ratio:
            parts.append(f'<rect x="{LABEL_W}" y="{y + 3}" width="{BAR_W}" height="{ROW - 6}" fill="#eee"/>')
        parts.append(
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" fill="{escape(fill)}">'
            f"<title>{escape(tip)}</title></rect>"
        )
        if floor is not None and top > 0:
            x = LABEL_W + max(0.0, min(1.0, floor / top)) * BAR_W
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y}" y2="{y + ROW - 2}" stroke="#000" stroke-width="2"><title>floor {_fmt(floor, ratio)}</title></line>')
        parts.append(f'<text x="{LABEL_W + BAR_W + 6}" y="{y + 15}">{_fmt(value, ratio)}</text>')
    if not items:
        parts.append(f'<text x="{LABEL_W}" y="16" fill="#888">nothing to show</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
