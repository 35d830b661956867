"""markdown_escape: backslash escapes written by an HTML-to-Markdown converter ("\\$651 billion").

Hand-written: ftfy knows nothing of Markdown. Only escapes a converter writes are undone:
- anywhere: a backslash before one of `params.markdown_escape_chars` (default `*_[]#<>|~);
- "\\$" before a digit (a converter's guard against LaTeX math in "\\$651");
- at the start of a line only: "\\-" / "\\+" (list bullets) and "12\\." (ordered-list numbers).
Legitimate backslashes are kept. A converter escapes every literal backslash, so a page that shows
a backslash before a letter or digit (regex "\\b", "C:\\Users", LaTeX "\\text") or a doubled one is
not Markdown-escaped and the step skips the whole page; so it does for shell lines ("$ cmd \\*",
"curl ... \\" continued), where "\\*" and "\\$VAR" are the shell's own escapes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.clean.step import Step
from pipeline.params import CleanParams

TRIGGER = re.compile(r"\\[^\w\s]")
_LITERAL_BACKSLASH = re.compile(r"\\[A-Za-z0-9]|\\\\")
_SHELL = re.compile(r"^\s*[$#>] |\s\\$")
_CURRENCY = re.compile(r"\\(\$)(?=\d)")
_LINE_START = re.compile(r"^(\s*)\\([-+])|^(\s*\d{1,3})\\(\.)")


def not_escaped_page(page: str) -> bool:
    return _LITERAL_BACKSLASH.search(page) is None


@lru_cache(maxsize=8)
def _anywhere(chars: str) -> re.Pattern[str]:
    return re.compile(r"\\([" + re.escape(chars) + "])")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    if _SHELL.search(line):
        return line, 0
    text, count = _anywhere(params.markdown_escape_chars).subn(r"\1", line)
    text, money = _CURRENCY.subn(r"\1", text)
    text, starts = _LINE_START.subn(lambda m: (m.group(1) or m.group(3) or "") + (m.group(2) or m.group(4)), text)
    return text, count + money + starts


STEP = Step("markdown_escape", TRIGGER, fix, gate=not_escaped_page, hint=r"\\")
