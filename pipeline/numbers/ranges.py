"""Two neighbouring mentions joined into one range: `between 2 and 3 percent`, `$5-10 billion`,
`from 2021 to 2024`, `2019-20`, `20–30%`. The low end takes the high end's unit and scale when it
has none of its own ("2 to 3 million" is 2,000,000 to 3,000,000)."""

from __future__ import annotations

import re

from pipeline.numbers.mention import Mention

_GAP = re.compile(r"[ \t\u00a0]*(?:(?P<dash>[-–—~‐])|(?P<word>to|through|thru|and))[ \t\u00a0]*$", re.IGNORECASE)
_OPENER = re.compile(r"(?<![\w])(?P<w>from|between)[ \t\u00a0]+$", re.IGNORECASE)
# "greater than 100 and smaller than 300", "above 1000 and below 1500": two bounds make a range
_LOWER_BOUND = re.compile(r"(?<![\w])(?P<w>(?:more|greater|higher|larger|bigger) than|above|over|exceeding|at least"
                          r"|no less than|not less than)[ \t\u00a0]+$", re.IGNORECASE)
_UPPER_GAP = re.compile(r"[ \t\u00a0]+(?:and|but)[ \t\u00a0]+(?:(?:less|smaller|lower|fewer) than(?: or equal to)?"
                        r"|below|under|at most|no more than|not more than)[ \t\u00a0]+$", re.IGNORECASE)
_ENDS = {"cardinal", "money", "percent", "quantity", "year"}


def _joined(text: str, a: Mention, b: Mention) -> Mention | None:
    if a.kind not in _ENDS or b.kind not in _ENDS or b.start - a.end > 40 or a.value is None or b.value is None:
        return None
    gap = _GAP.match(text, a.end, b.start)
    if not gap or gap.end() != b.start:
        # the anchored gap test first: it rules out most pairs before the search over 20 starts
        if (_UPPER_GAP.match(text, a.end, b.start) and a.kind == b.kind and a.value < b.value
                and (lower := _LOWER_BOUND.search(text, max(0, a.start - 20), a.start))):
            return Mention(lower.start("w"), b.end, "range", a.value, b.value, b.unit or a.unit, scale=b.scale, bare=False)
        return None
    if gap.group("dash") and (text[b.start].isalpha() or not any(ch.isdigit() for ch in text[a.start:a.end])):
        return None  # "three-nought-four" is three numbers; dash ranges are written in digits
    opener = _OPENER.search(text, max(0, a.start - 10), a.start)
    word = (gap.group("word") or "").lower()
    if word == "and" and not (opener and opener.group("w").lower() == "between"):
        return None
    start = opener.start("w") if opener and (word != "" or opener.group("w").lower() == "from") else a.start
    if a.kind == "year":
        high = b.value
        if b.kind == "cardinal" and b.bare and b.value < 100 and gap.group("dash"):
            high = a.value // 100 * 100 + b.value  # "2019-20"
            high += 100 if high <= a.value else 0
        elif b.kind != "year":
            return None
        if not a.value < high <= a.value + 100:
            return None
        return Mention(start, b.end, "range", a.value, high, date=f"{int(a.value)}/{int(high)}", bare=False)
    if b.kind == "year":
        return None
    if a.kind == b.kind:
        if a.unit != b.unit:
            return None
    elif not (a.bare and a.kind == "cardinal") and not (b.bare and b.kind == "cardinal"):
        return None
    low = a.value
    if not a.scale and b.scale >= 1000 and low * b.scale <= b.value:
        low *= b.scale
    if not low < b.value:
        return None
    unit = b.unit if b.unit is not None else a.unit
    return Mention(start, b.end, "range", low, b.value, unit, scale=b.scale, bare=False)


def join_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions sorted by start, with every joinable neighbour pair replaced by one range."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        joined = _joined(text, mentions[i], mentions[i + 1]) if i + 1 < len(mentions) else None
        if joined:
            out.append(joined)
            i += 2
        else:
            out.append(mentions[i])
            i += 1
    return out
