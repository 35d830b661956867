"""Photo captions and the credit line under them: kept out of the body text."""

from __future__ import annotations

import heapq
import re

from pipeline.segment.labelled import Labelled
from pipeline.segment.lines import Line
from pipeline.segment.scan import Scan

_CAPTION = re.compile(r"\((?:\d+(?:st|nd|rd|th)\s)?(?:L|R|C|left|right|centre|center)\)|\bphoto(?:graph)?s?\b(?: credit)?:|\bimage(?: credit)?:|"
                      r"\b(?:getty images|shutterstock|reuters|afp|ap photo|xinhua|wikimedia)\b|credit:", re.I)
# every _CAPTION match holds one of these words (any case): only lines with one are searched
_CAPTION_CUES = ("(", "photo", "image", "shutterstock", "reuters", "afp", "xinhua", "wikimedia", "credit:")
_CREDIT = re.compile(r"\b[\w-]+\.(?:com|org|net|ir|gov|edu|int|info|io|co)\b|^[●©]")  # a photo credit under a caption


def is_caption(text: str) -> bool:
    return _CAPTION.search(text) is not None


def captions(rows: list[Line], out: Labelled, scan: Scan) -> None:
    """Lines with a caption cue, and the line under each caption (its credit), in page order.
    No other line can change: a caption needs a cue word, a credit a caption just above it."""
    todo = scan.rows_with(_CAPTION_CUES, fold=True)  # ascending: already a heap
    done = -1
    while todo:
        k = heapq.heappop(todo)
        if k <= done:
            continue  # a cue line that was also queued as the line under a caption
        done = k
        if _caption_at(rows, k, out) and k + 1 < len(rows):
            heapq.heappush(todo, k + 1)


def _caption_at(rows: list[Line], k: int, out: Labelled) -> bool:
    """Label row k a caption or photo credit when it is one; True when it was."""
    ln = rows[k]
    if k and out.labels[rows[k - 1].index] == "caption" and ln.ntok <= 4 and _CREDIT.search(ln.text):
        out.set(ln.index, "caption", "photo_credit")
        return True
    if out.labels[ln.index] in ("body", "chrome", "heading") and ln.ntok <= 40 and _CAPTION.search(ln.text) \
            and not ln.text.endswith(("?",)) and ln.text.count(". ") <= 1:
        out.set(ln.index, "caption", "photo_caption")
        return True
    return False
