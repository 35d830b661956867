"""The article's own headings: short lines standing alone between or inside body paragraphs."""

from __future__ import annotations

import re

from pipeline.segment.labelled import Labelled
from pipeline.segment.lines import Line
from pipeline.segment.words import BOILER_WORDS

_SPEAKER_ONLY = re.compile(r"^[A-Z][\w .'’-]{1,40}:$")
HEADING_MAX_TOKENS = 15  # an in-article heading is short; longer unpunctuated lines are teasers or captions


def headings(rows: list[Line], out: Labelled) -> None:
    """Short lines standing alone between body paragraphs are the article's own headings."""
    for k, ln in enumerate(rows):
        if out.labels[ln.index] != "chrome" or out.reasons[ln.index] == "site_repeat":
            continue
        if len(ln.tokens) > HEADING_MAX_TOKENS or not ln.tokens or ln.text.endswith((".", ",", ";")):
            continue
        if any(t in BOILER_WORDS for t in ln.tokens) or " | " in ln.text:
            continue
        before = rows[k - 1] if k else None
        after = rows[k + 1] if k + 1 < len(rows) else None
        if before is None or after is None or before.group == ln.group or after.group == ln.group:
            continue
        if out.labels[before.index] in ("body", "heading") and out.labels[after.index] == "body" and len(after.tokens) >= 12:
            out.set(ln.index, "heading", "between_body")
    sizes: dict[int, int] = {}  # a line alone in its paragraph may be a heading; a list item is not
    for ln in rows:
        sizes[ln.group] = sizes.get(ln.group, 0) + 1
    for ln in rows:
        if out.labels[ln.index] == "body" and _SPEAKER_ONLY.match(ln.text) is None and len(ln.tokens) <= HEADING_MAX_TOKENS \
                and " | " not in ln.text and sizes[ln.group] == 1 \
                and not ln.text.endswith((".", "!", "”", '"', ",", ";")) and ln.text[0].isupper() and len(ln.tokens) >= 1:
            out.set(ln.index, "heading", "short_in_body")
