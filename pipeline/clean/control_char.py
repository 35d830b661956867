"""control_char: control characters and terminal escapes that are not text.

ftfy does most of it (`remove_terminal_escapes`, `remove_control_chars`, which also drops the
deprecated format characters U+206A-U+206F and interlinear annotations U+FFF9-U+FFFB). Hand-written
only what ftfy does differently from us:
- characters that str.splitlines() treats as line breaks (\\r, \\v, \\f, U+001C-U+001E, U+0085,
  U+2028, U+2029) become a space, not a line break (ftfy's fix_line_breaks would add lines and
  shift every line hint) and not nothing (they separated words);
- C1 controls that the mojibake step could not map to a cp1252 character are removed.
Tabs stay: they align tables of contents and table cells.
"""

from __future__ import annotations

import re

from ftfy.fixes import ANSI_RE, remove_control_chars

from pipeline.clean.step import Step
from pipeline.params import CleanParams

_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_C1 = re.compile("[\x80-\x9f]")
TRIGGER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u206a-\u206f\ufff9-\ufffb]")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    text, spaced = _LINE_BREAKS.subn(" ", line)
    text, escapes = ANSI_RE.subn("", text)  # ftfy's remove_terminal_escapes, counted per escape
    kept = len(text)
    text = _C1.sub("", remove_control_chars(text))
    return text, spaced + escapes + kept - len(text)  # the last two only delete characters
STEP = Step("control_char", TRIGGER, fix, hint=TRIGGER.pattern[1:-1])
