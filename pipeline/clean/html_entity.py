"""html_entity: character references left by an HTML-to-text converter ("&quot;", "&amp;", "&#8217;").

The decoding table is ftfy's (`unescape_html`, which also knows all-caps names like "&EACUTE;");
hand-written here only the counting, and one guard: a reference that decodes to a line break
("&#10;") becomes a space, because clean must never change the number of lines.
Only references closed by ";" are decoded: "R&D", "AT&T" or "&para" inside a word stay as they are.
A double-escaped "&amp;quot;" is decoded in two passes of the chain (see chain.py).
"""

from __future__ import annotations

import re

from ftfy.chardata import HTML_ENTITY_RE
from ftfy.fixes import unescape_html

from pipeline.clean.step import Step
from pipeline.params import CleanParams

# characters str.splitlines() would break on: never let an entity create one
_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    count = 0

    def decode(match: re.Match[str]) -> str:
        nonlocal count
        ref = match.group(0)
        text = unescape_html(ref)
        if text == ref:
            return ref  # unknown name ("&foo;"): not an entity, leave it
        count += 1
        return _BREAKS.sub(" ", text)

    return HTML_ENTITY_RE.sub(decode, line), count


STEP = Step("html_entity", HTML_ENTITY_RE, fix, hint="&")
