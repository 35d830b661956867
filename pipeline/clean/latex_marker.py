"""latex_marker: footnote markers written as LaTeX superscripts ("^{14}") become Unicode ones ("¹⁴").

Hand-written: ftfy knows nothing of LaTeX. PDF ingest already emits markers as superscript digits,
so one form reaches segment and extract. A converter that mis-nested a brace around an entity
("^{14 &}quot;Security ...") is repaired by moving the brace back: "¹⁴ &quot;Security", whose
entity the html_entity step then decodes. Only digits are converted (a marker is a note number);
anything else inside the braces (math, "^{n+1}") is left as printed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.clean.step import Step
from pipeline.params import CleanParams

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
TRIGGER = re.compile(r"\^\{")


@lru_cache(maxsize=8)
def _pattern(max_digits: int) -> re.Pattern[str]:
    # optional "$...$" math wrapper; digits; optional space + "&" swallowed from a following entity
    return re.compile(
        rf"(?P<math>\$)?\^\{{(?P<num>\d{{1,{max_digits}}})(?:(?P<space>\s*)(?P<amp>&))?\}}(?(math)\$|)"
    )


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    count = 0

    def convert(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        marker = match.group("num").translate(_SUPERSCRIPT)
        if match.group("amp"):
            return marker + (match.group("space") or "") + "&"
        return marker

    return _pattern(params.marker_max_digits).sub(convert, line), count


STEP = Step("latex_marker", TRIGGER, fix, hint=r"\^")
