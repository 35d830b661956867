"""ligature: single-character Latin ligatures from PDF fonts ("ﬁnancial" -> "financial").

ftfy's `fix_latin_ligatures` does the work; this step only gives it a trigger and a count.
Its table (U+FB00-U+FB06, ĳ, ǆ, ...) holds Latin ligatures only: Armenian and Arabic
presentation forms are left as they are.
"""

from __future__ import annotations

import re

from ftfy.chardata import LIGATURES
from ftfy.fixes import fix_latin_ligatures

from pipeline.clean.step import Step
from pipeline.params import CleanParams

TRIGGER = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(LIGATURES)) + "]")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    return fix_latin_ligatures(line), len(TRIGGER.findall(line))


STEP = Step("ligature", TRIGGER, fix, hint=TRIGGER.pattern[1:-1])
