"""combining_mark: a Latin, Greek or Cyrillic letter followed by separate accents ("u\\u0308") is
composed into the one character readers search for ("ü").

Hand-written because ftfy can only normalise the whole text, and whole-text NFC would rewrite
correct text of other scripts (CJK compatibility ideographs, the order of Arabic marks). Here NFC
is applied only to a letter plus U+0300-U+036F marks, which is where PDF text extraction splits
accents off. NFKC is never used: it would turn superscript footnote markers into plain digits.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.clean.step import Step
from pipeline.params import CleanParams

TRIGGER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff][\u0300-\u036f]+")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    count = 0

    def compose(match: re.Match[str]) -> str:
        nonlocal count
        composed = unicodedata.normalize("NFC", match.group(0))
        count += composed != match.group(0)
        return composed

    return TRIGGER.sub(compose, line), count


STEP = Step("combining_mark", TRIGGER, fix, hint=r"\u0300-\u036f")
