"""Layout thresholds for PDF reading, in one place, each with the reason it has its value.

Ratios are relative to the document's body font size (the most common glyph size), so the same
rules serve 9 pt Federal Register columns and 12 pt memoranda.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    body_share: float = 0.3  # a size with this share of the commonest size's glyphs can be the body size
    tiny_ratio: float = 0.55  # glyphs under half the body size are margin stamps, not text (FR's vertical slug)
    small_ratio: float = 0.96  # notes are set 1-3 pt smaller: 11/12 pt in a memo, 7/9 pt in the FR
    quote_ratio: float = 0.88  # block quotes are set one point smaller (10/11 pt); figure notes and tables smaller still
    body_tolerance: float = 0.08  # body lines vary a little (mixed fonts); more than this is another role
    heading_ratio: float = 1.12  # section titles are set at least one step larger than the body
    sup_ratio: float = 0.85  # superscript markers are 60-80 % of the size of the text they sit in
    sup_rise: float = 0.2  # a marker's baseline rises 30-45 % of the body size; subscripts sink instead
    bold_share: float = 0.85  # a line is "bold" when nearly all its glyphs are (small caps mix sizes, not weights)
    wide_share: float = 0.6  # lines wider than this share of the text width cannot be inside one column
    gutter_min: float = 3.0  # FR gutters are ~7 pt wide; a gap narrower than this is a word space
    gutter_cross: float = 0.1  # share of column lines allowed to cross a gutter (titles, affiliation blocks)
    column_share: float = 0.2  # a column's text lines are at least a fifth of the text width (FR: 0.32)
    gutter_support: int = 3  # a column needs a few lines on each side, or a lone page number makes a "gutter"
    merge_gap: float = 2.5  # same-baseline fragments closer than this many ems are one line (wide justification)
    baseline_tol: float = 0.35  # fragments whose baselines differ by less than this many ems share a line
    margin_share: float = 0.06  # text in the outer 6 % of the page height is a slug, foot or stamp
    zone_share: float = 0.15  # running heads/feet live in the outer 15 % of the page
    running_drift: float = 8.0  # pt a running head may move between pages (DMCA: 4.5 pt)
    repeat_pages: float = 0.2  # a line on at least a fifth of the pages (and 2+) repeats as a running head
    para_gap: float = 1.4  # baseline distance above this many leadings starts a new paragraph
    indent_em: float = 0.5  # a first-line indent is at least half an em
    short_line: float = 0.85  # a line ending before this share of the column width ends its paragraph
    title_max_chars: int = 250  # longer "large" text is a pull quote or banner, not a title
    heading_max_chars: int = 150  # bold runs longer than this are emphasised body text


LAYOUT = Layout()
