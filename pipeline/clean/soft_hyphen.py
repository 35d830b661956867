"""soft_hyphen: U+00AD inside a line ("Guar\\u00adan\\u00adtee" -> "Guarantee").

Hand-written: ftfy leaves soft hyphens alone. A soft hyphen is an invisible hyphenation hint, so
removing it never changes a word. One is kept on purpose: at the very end of a line it marks a word
split across lines (a PDF line break), which segment needs to join the word back.
"""

from __future__ import annotations

import re

from pipeline.clean.step import Step
from pipeline.params import CleanParams

TRIGGER = re.compile("\u00ad(?!$)")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    return TRIGGER.subn("", line)


STEP = Step("soft_hyphen", TRIGGER, fix, hint=r"\u00ad")
