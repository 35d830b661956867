"""Give every non-blank line of a page one label and a reason.

Order of evidence, strongest last (each step may overwrite the previous one):
model score -> prose in scripts without spaces (unspaced.py) -> HTML soft hints (links in chrome containers only, soft_hints.py) -> lines the
site repeats on other pages -> headings (headings.py) -> teasers, comment forms, the main run of
body text (regions.py) -> footnotes -> captions -> front matter, then the header: title, byline,
dateline, lede (header.py) -> firm hints from PDF layout, used as they are.
"""

from __future__ import annotations

import numpy as np

from pipeline.doc import Hint
from pipeline.segment import notes, soft_hints, unspaced
from pipeline.segment.captions import captions
from pipeline.segment.features import page_features
from pipeline.segment.header import front_matter, header
from pipeline.segment.headings import headings
from pipeline.segment.labelled import KEEP, Labelled
from pipeline.segment.lines import Line
from pipeline.segment.model import LineModel
from pipeline.segment.regions import after_comment_form, main_region, teasers
from pipeline.segment.scan import Scan

__all__ = ["KEEP", "Labelled", "label_lines"]


def label_lines(lines: list[Line], hints: list[Hint], model: LineModel, repeated: frozenset[str], soft_weight: float,
                scan: Scan | None = None) -> Labelled:
    """`scan`: the page's non-blank lines joined once (process shares it with find_site)."""
    scan = Scan([ln for ln in lines if ln.text]) if scan is None else scan
    rows = scan.rows
    out = Labelled()
    if not rows:
        return out
    out.scores = model.score(page_features(lines, scan.counts), np.array(scan.groups)).tolist()
    _model_labels(rows, out.scores, model.threshold, soft_hints.chrome_links(hints), soft_weight, out)
    unspaced.relabel(rows, out)
    if repeated:
        for ln in rows:
            if ln.text in repeated and ln.ntok < 60:
                out.set(ln.index, "chrome", "site_repeat")
    headings(rows, out, scan)
    teasers(rows, out, scan)
    after_comment_form(rows, out, scan)
    main_start = main_region(rows, out, scan)
    for index, (number, reason) in notes.find_notes(lines, rows).items():
        out.set(index, "footnote", reason, number)
    captions(rows, out, scan)
    front_end = front_matter(lines, rows, out, scan)
    h1 = [h.line for h in hints if h.reason == "html:h1" and h.line < len(lines)]
    header(lines, rows, out, front_end, main_start, scan, h1[0] if len(h1) == 1 else None)
    for h in hints:
        if not h.reason.startswith("html:") and h.line < len(lines) and lines[h.line].text:
            out.set(h.line, h.label, h.reason, h.note)
    return out


def _model_labels(rows: list[Line], scores: list[float], threshold: float, demote: dict[int, str], soft_weight: float,
                  out: Labelled) -> None:
    """Body or chrome by the model score, lowered for link lines in HTML chrome containers.
    Scores come as Python floats (a numpy scalar formats the same digits, via a float, but slower),
    and the label dicts are written directly: no footnotes yet, so `Labelled.set`'s note bookkeeping
    has nothing to do."""
    labels, reasons = out.labels, out.reasons
    if not demote:  # plain text: all reasons formatted by one `%` (as f"{score:.2f}" formats them)
        indices = [ln.index for ln in rows]
        labels.update(zip(indices, ["body" if score >= threshold else "chrome" for score in scores]))
        reasons.update(zip(indices, ("model %.2f\0" * len(scores) % tuple(scores)).split("\0")))
        return
    for ln, score in zip(rows, scores):
        container = demote.get(ln.index) if demote else None
        if container is not None:
            score = (1 - soft_weight) * score  # towards chrome by `soft_weight`
        labels[ln.index] = "body" if score >= threshold else "chrome"
        reasons[ln.index] = f"model {score:.2f}" if score >= threshold or not container else container
