"""Photo captions and the credit line under them: kept out of the body text."""

from __future__ import annotations

import re

from pipeline.segment.labelled import Labelled
from pipeline.segment.lines import Line

_CAPTION = re.compile(r"\((?:\d+(?:st|nd|rd|th)\s)?(?:L|R|C|left|right|centre|center)\)|\bphoto(?:graph)?s?\b(?: credit)?:|\bimage(?: credit)?:|"
                      r"\b(?:getty images|shutterstock|reuters|afp|ap photo|xinhua|wikimedia)\b|credit:", re.I)
_CREDIT = re.compile(r"\b[\w-]+\.(?:com|org|net|ir|gov|edu|int|info|io|co)\b|^[●©]")  # a photo credit under a caption


def is_caption(text: str) -> bool:
    return _CAPTION.search(text) is not None


def captions(rows: list[Line], out: Labelled) -> None:
    for k, ln in enumerate(rows):
        if k and out.labels[rows[k - 1].index] == "caption" and len(ln.tokens) <= 4 and _CREDIT.search(ln.text):
            out.set(ln.index, "caption", "photo_credit")
            continue
        if out.labels[ln.index] in ("body", "chrome", "heading") and len(ln.tokens) <= 40 and _CAPTION.search(ln.text) \
                and not ln.text.endswith(("?",)) and ln.text.count(". ") <= 1:
            out.set(ln.index, "caption", "photo_caption")
