"""Front matter of reports: a table of contents, and what comes before it (title-page repeats,
author blurbs, copyright and publisher notices).

A contents list is the one reliable sign that a page is a report with a front part: when one is
found, every line up to its end that is not the title/byline/dateline is front matter. Copyright
notices before the body are front matter in any case.
"""

from __future__ import annotations

import re

from pipeline.segment.lines import Line
from pipeline.segment.scan import Scan

_TOC_HEADING = re.compile(r"^(?:table of )?contents:?$", re.I)
# "Introduction\t. 1", "What does ... ?  3", "Chapter 2 .......... 14"
_TOC_ENTRY = re.compile(r"(?:\.{2,}|\t|\s{2,}|\s\.\s?)\s*\d{1,3}$|\s\d{1,3}$")
_COPYRIGHT = re.compile(r"©|\bcopyright\b|all rights reserved", re.I)
COPYRIGHT_CUES = ("©", "copyright", "all rights reserved")  # any case: lines without one are not copyright lines


def toc_end(lines: list[Line], limit: int, scan: Scan) -> int | None:
    """Index of the last line of a table of contents that starts within the first `limit` lines."""
    for k in scan.rows_with(("contents",), fold=True):  # a contents heading holds the word
        ln = scan.rows[k]
        if ln.index >= limit:
            break
        if _TOC_HEADING.match(ln.text):
            end = None
            misses = 0
            for nxt in lines[ln.index + 1 :]:
                if not nxt.text:
                    continue
                if _TOC_ENTRY.search(nxt.text) and nxt.ntok <= 25:
                    end = nxt.index
                    misses = 0
                else:
                    misses += 1
                    if misses > 1 or end is not None:
                        break
            if end is not None:
                return end
    return None


def is_copyright(text: str) -> bool:
    return len(text) < 300 and _COPYRIGHT.search(text) is not None
