"""bom: a byte-order mark (U+FEFF) at the start of the page or of a line, left by concatenated files.

Hand-written because we count it apart from other invisible characters; ftfy's remove_bom only
looks at the start of the whole text. A U+FEFF inside a line is a zero-width no-break space and
belongs to the zero_width step.
"""

from __future__ import annotations

import re

from pipeline.clean.step import Step
from pipeline.params import CleanParams

TRIGGER = re.compile("^\ufeff")
_LEADING = re.compile("^\ufeff+")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    match = _LEADING.match(line)
    if not match:
        return line, 0
    return line[match.end() :], match.end()


STEP = Step("bom", TRIGGER, fix, hint=r"\ufeff")
