"""zero_width: invisible characters with no meaning in the text (U+200B, U+2060, U+FEFF, U+180E).

Hand-written: ftfy removes U+FEFF only, and not the others. Kept, because they carry meaning:
- U+200C ZWNJ and U+200D ZWJ between two visible characters (Persian "می‌خواهم" needs ZWNJ; emoji
  sequences need ZWJ). Only a ZWNJ/ZWJ next to a space or at a line edge is a leftover spacer.
- U+200B between two letters of Thai, Lao, Tibetan, Myanmar or Khmer, which mark word breaks with it.
- Bidi marks (U+200E/U+200F, U+202A-U+202E, U+2066-U+2069): they order Persian and Arabic text.
"""

from __future__ import annotations

import re

from pipeline.clean.step import Step
from pipeline.params import CleanParams

_BREAKING_SCRIPTS = "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
_JUNK = re.compile(
    rf"(?<![{_BREAKING_SCRIPTS}])\u200b|\u200b(?![{_BREAKING_SCRIPTS}])"  # ZWSP outside those scripts
    r"|[\u2060\ufeff\u180e]"  # word joiner, mid-line ZWNBSP/BOM, old Mongolian vowel separator
    r"|(?:(?<=\s)|^)[\u200c\u200d]+|[\u200c\u200d]+(?=\s|$)"  # ZWNJ/ZWJ at a line edge or by a space
)
TRIGGER = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u180e]")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    return _JUNK.subn("", line)


STEP = Step("zero_width", TRIGGER, fix, hint=TRIGGER.pattern[1:-1])
