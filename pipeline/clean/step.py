"""What every clean step is: a reason name, a cheap trigger and a line-level fix.

A step works on one line of the page at a time and never sees or adds a "\\n", so the line count of
the page (which `doc.hints` index) cannot change. `trigger` is a cheap regex that matches wherever
the step might act; lines it does not match skip the step (the fast path).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.params import CleanParams

Fix = Callable[[str, CleanParams], tuple[str, int]]
Gate = Callable[[str], bool]


@dataclass(frozen=True)
class Step:
    name: str  # the reason name: key of doc.fixes (and of the flag, for detectors)
    trigger: re.Pattern[str]  # cheap over-approximation of where `fix` may change something
    fix: Fix  # (line, params) -> (new line, number of repairs, or findings for a detector)
    detector: bool = False  # True: never changes text, only counts findings and raises a flag
    gate: Gate | None = None  # page-level condition (page text -> run this step on it at all?)
    # regex class body of characters every trigger match contains; one class search over a line is
    # ~10x faster than the trigger. Empty: the trigger itself runs on every non-ASCII line.
    hint: str = ""
