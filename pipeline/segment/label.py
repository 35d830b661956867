"""Give every non-blank line of a page one label and a reason.

Order of evidence, strongest last (each step may overwrite the previous one):
model score -> HTML soft hints (links in chrome containers only, soft_hints.py) -> lines the
site repeats on other pages -> headings (headings.py) -> teasers, comment forms, the main run of
body text (regions.py) -> footnotes -> captions -> front matter, then the header: title, byline,
dateline, lede (header.py) -> firm hints from PDF layout, used as they are.
"""

from __future__ import annotations

import numpy as np

from pipeline.doc import Hint
from pipeline.segment import notes, soft_hints
from pipeline.segment.captions import captions
from pipeline.segment.features import page_features
from pipeline.segment.header import front_matter, header
from pipeline.segment.headings import headings
from pipeline.segment.labelled import KEEP, Labelled
from pipeline.segment.lines import Line
from pipeline.segment.model import LineModel
from pipeline.segment.regions import after_comment_form, main_region, teasers

__all__ = ["KEEP", "Labelled", "label_lines"]


def label_lines(lines: list[Line], hints: list[Hint], model: LineModel, repeated: frozenset[str], soft_weight: float) -> Labelled:
    rows = [ln for ln in lines if ln.text]
    out = Labelled()
    if not rows:
        return out
    x = page_features(lines)
    p = model.score(x, np.array([ln.group for ln in rows]))
    demote = soft_hints.chrome_links(hints)
    for ln, score in zip(rows, p):
        container = demote.get(ln.index)
        if container is not None:
            score = (1 - soft_weight) * score  # towards chrome by `soft_weight`
        if score >= model.threshold:
            out.set(ln.index, "body", f"model {score:.2f}")
        else:
            out.set(ln.index, "chrome", container or f"model {score:.2f}")
        if ln.text in repeated and len(ln.tokens) < 60:
            out.set(ln.index, "chrome", "site_repeat")
    headings(rows, out)
    teasers(rows, out)
    after_comment_form(rows, out)
    main_start = main_region(rows, out)
    for index, (number, reason) in notes.find_notes(lines).items():
        out.set(index, "footnote", reason, number)
    captions(rows, out)
    front_end = front_matter(lines, rows, out)
    header(lines, rows, out, front_end, main_start)
    for h in hints:
        if not h.reason.startswith("html:") and h.line < len(lines) and lines[h.line].text:
            out.set(h.line, h.label, h.reason, h.note)
    return out
