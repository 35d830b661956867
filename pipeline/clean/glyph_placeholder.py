"""glyph_placeholder (detector): a letter the font or the encoding lost, shown as a box ("T⊠KA").

Hand-written: ftfy cannot know which letter was lost, and neither can we, so the text is left as
it is and the document is flagged: never a guess. A box counts only inside or next to a word (a
lone "□" is a check box); U+FFFD REPLACEMENT CHARACTER counts anywhere, since it always means
lost bytes.
"""

from __future__ import annotations

import re

from pipeline.clean.step import Step
from pipeline.params import CleanParams

# boxes fonts draw for a missing glyph, and private-use code points a PDF font maps letters to
_BOX = "[\u22a0\u25a1\u25af\ue000-\uf8ff]"
TRIGGER = re.compile(f"\ufffd|{_BOX}")
_LOST = re.compile(rf"\ufffd|(?<=\w){_BOX}|{_BOX}(?=\w)")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    return line, len(_LOST.findall(line))


STEP = Step("glyph_placeholder", TRIGGER, fix, detector=True, hint=r"\ufffd" + _BOX[1:-1])
