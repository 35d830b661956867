"""odd_space: no-break, fixed-width and narrow spaces become a plain space ("hopes\\u00a0when").

Hand-written: ftfy has no such fix (NFKC would do it, but NFKC also flattens superscript footnote
markers). Left alone on purpose: tabs; U+3000 IDEOGRAPHIC SPACE, which is correct CJK text; and a
U+202F next to Mongolian script, where it is a letter joiner, not a space.
"""

from __future__ import annotations

import re

from pipeline.clean.step import Step
from pipeline.params import CleanParams

_MONGOLIAN = "\u1800-\u18af"
TRIGGER = re.compile(
    rf"[\u00a0\u2000-\u200a\u205f]|(?<![{_MONGOLIAN}])\u202f(?![{_MONGOLIAN}])"
)


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    return TRIGGER.subn(" ", line)


STEP = Step("odd_space", TRIGGER, fix, hint=r"\u00a0\u2000-\u200a\u202f\u205f")
