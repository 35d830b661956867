"""The article's own headings: short lines standing alone between or inside body paragraphs."""

from __future__ import annotations

import re

from pipeline.segment.labelled import Labelled
from pipeline.segment.lines import Line
from pipeline.segment.scan import Scan
from pipeline.segment.words import BOILER_WORDS

_SPEAKER_ONLY = re.compile(r"^[A-Z][\w .'’-]{1,40}:$")
HEADING_MAX_TOKENS = 15  # an in-article heading is short; longer unpunctuated lines are teasers or captions


def headings(rows: list[Line], out: Labelled, scan: Scan) -> None:
    """Short lines standing alone between body paragraphs are the article's own headings."""
    labels, reasons = out.labels, out.reasons
    # Only a line alone in its paragraph may be a heading (a list item is not); its neighbours are
    # then of other paragraphs. The tests are pure, so the cheap ones (dict look-ups) run first and
    # the token regex only on the few lines left.
    alone = scan.alone
    last = len(rows) - 1
    for k in alone:
        ln = rows[k]
        if labels[ln.index] != "chrome" or k == 0 or k == last or not 0 < ln.ntok <= HEADING_MAX_TOKENS:
            continue
        after = rows[k + 1]
        if labels[after.index] != "body" or after.ntok < 12 or labels[rows[k - 1].index] not in ("body", "heading"):
            continue
        if reasons[ln.index] == "site_repeat" or ln.text.endswith((".", ",", ";")) or " | " in ln.text \
                or not BOILER_WORDS.isdisjoint(ln.tokens):
            continue
        out.set(ln.index, "heading", "between_body")
    for k in alone:
        ln = rows[k]
        if labels[ln.index] != "body" or not 1 <= ln.ntok <= HEADING_MAX_TOKENS:
            continue
        if " | " not in ln.text and not ln.text.endswith((".", "!", "”", '"', ",", ";")) and ln.text[0].isupper() \
                and _SPEAKER_ONLY.match(ln.text) is None:
            out.set(ln.index, "heading", "short_in_body")
