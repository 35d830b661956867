"""Photo captions and the credit line under them: kept out of the body text."""

from __future__ import annotations

import heapq
import re

from pipeline.segment.labelled import Labelled
from pipeline.segment.lines import Line
from pipeline.segment.scan import Scan, fold

# A caption's alternatives, each with the words (lower case) every one of its matches holds in the
# folded line (scan.fold). Searched one by one behind their words: the alternation has no common
# first character, so `re` tries each alternative at every position (~200 ns a character).
_CAPTION_PARTS = (
    (("(",), r"\((?:\d+(?:st|nd|rd|th)\s)?(?:L|R|C|left|right|centre|center)\)"),
    (("photo",), r"\bphoto(?:graph)?s?\b(?: credit)?:"),
    (("image",), r"\bimage(?: credit)?:"),
    (("getty images", "shutterstock", "reuters", "afp", "ap photo", "xinhua", "wikimedia"),
     r"\b(?:getty images|shutterstock|reuters|afp|ap photo|xinhua|wikimedia)\b"),
    (("credit:",), r"credit:"),
)
_CAPTION = re.compile("|".join(part for _, part in _CAPTION_PARTS), re.I)  # the whole test as one regex
_CAPTION_SEARCHES = tuple((cues, re.compile(part, re.I)) for cues, part in _CAPTION_PARTS)
# every _CAPTION match holds one of these words (any case): only lines with one are searched
_CAPTION_CUES = ("(", "photo", "image", "shutterstock", "reuters", "afp", "xinhua", "wikimedia", "credit:")
_CREDIT = re.compile(r"\b[\w-]+\.(?:com|org|net|ir|gov|edu|int|info|io|co)\b|^[●©]")  # a photo credit under a caption


def is_caption(text: str) -> bool:
    """Whether `_CAPTION` matches `text`: it does when one of its alternatives does."""
    folded = text.lower() if text.isascii() else fold(text)  # the same for ASCII text, quicker
    for cues, pattern in _CAPTION_SEARCHES:  # plain loops: generators cost more than the searches here
        for cue in cues:
            if cue in folded:
                if pattern.search(text) is not None:
                    return True
                break
    return False


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
    # the regex last: it is the slow test, and the others (all pure) reject most cue lines
    if out.labels[ln.index] in ("body", "chrome", "heading") and ln.ntok <= 40 and not ln.text.endswith(("?",)) \
            and ln.text.count(". ") <= 1 and is_caption(ln.text):
        out.set(ln.index, "caption", "photo_caption")
        return True
    return False
