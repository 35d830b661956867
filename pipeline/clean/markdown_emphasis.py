"""markdown_emphasis: emphasis marks left by an HTML-to-Markdown converter ("**Veep**" -> "Veep").

Hand-written: ftfy knows nothing of Markdown. A pair is removed only when it wraps text the way
prose emphasis does: the opening run (*, **, ***, _ or __) starts the line or follows a space or an
opening bracket/quote, and is followed by a non-space; the closing run follows a non-space and is
followed by a space, the line end or closing punctuation (not by ".ext"); both are on one line.
So "5 * 3 * 2", "fn(*args, **kwargs)", "ports[*]", "(.*)", "*.example.com,*.org", a "* bullet"
and a footnote "policy.*" keep their characters. Underscores also build names ("__init__",
"_ga_<id>", "snake_case"), so a double-underscore pair must hold a space to count as emphasis.
Nested pairs ("**a *b* c**") come out in the chain's next pass.
"""

from __future__ import annotations

import re

from pipeline.clean.step import Step
from pipeline.params import CleanParams

_BEFORE = r"(?:(?<=[\s(\"'“‘])|^)"  # what may precede an opening run
_AFTER = r"(?=[\s.,;:!?)\"'’”]|$)(?!\.\w)"  # what may follow a closing run
# emphasised text starts with a letter/digit (or an opening bracket, quote, currency) and ends with
# a letter/digit or closing punctuation: "'*', '*'" and "'*/*'" hold no emphasis
_FIRST = r"(?=[^\W_]|[(“‘\[$€£¿¡])"
_LAST = r"(?:(?<=[^\W_])|(?<=[)”’.\"'!?%:\]]))"
_STAR = re.compile(rf"{_BEFORE}(\*{{1,3}}){_FIRST}(.+?){_LAST}\1{_AFTER}")
_UNDERSCORE = re.compile(
    rf"{_BEFORE}(?:_{_FIRST}([^_]+?){_LAST}_|__{_FIRST}([^_]*?\s[^_]*?){_LAST}__){_AFTER}"
)
TRIGGER = re.compile(rf"{_BEFORE}(?:\*{{1,3}}(?=[^\s*])|_{{1,2}}(?=[^\s_]))")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    text, count = _STAR.subn(r"\2", line)
    if params.emphasis_underscore:
        text, more = _UNDERSCORE.subn(lambda m: m.group(1) or m.group(2), text)
        count += more
    return text, count


STEP = Step("markdown_emphasis", TRIGGER, fix, hint="*_")
