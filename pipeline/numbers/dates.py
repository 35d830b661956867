"""Calendar dates (`14 November 2021`, `November 17, 2025`, `March 2021`, `2021/01/16`) and the rules
telling a year (`in 2021`) or a decade (`the 1990s`) from a plain number (`2000 troops`).

Dates are ISO 8601 partial strings: `2021-11-14`, `2021-03`, `--05-04` (no year), day ranges as
intervals `2021-11-14/2021-11-16`, decades as the three-digit ISO decade `199`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.numbers.lexicon import fold

_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"]
MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
MONTHS.update({name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
MONTHS["sept"] = 9
_M = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
      r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[0-9]\d\d|20\d\d)"
_DATE = re.compile(
    rf"(?<![\w.,/-])(?:"
    rf"(?P<a_d>{_D})(?:\s*[-–]\s*(?P<a_d2>{_D}))?(?:\s+of)?\s+(?P<a_m>{_M})(?:,?\s+(?P<a_y>{_Y}))?"
    rf"|(?P<b_m>{_M})\s+(?P<b_d>{_D})(?:\s*[-–]\s*(?P<b_d2>{_D}))?(?:,?\s+(?P<b_y>{_Y}))?"
    rf"|(?P<c_m>{_M}),?\s+(?:of\s+)?(?P<c_y>{_Y})"
    rf"|(?P<i_y>{_Y})[-/](?P<i_m>0?[1-9]|1[0-2])[-/](?P<i_d>{_D})"
    rf"|(?P<n_a>\d{{1,2}})[/.](?P<n_b>\d{{1,2}})[/.](?P<n_y>{_Y})"
    rf"|(?P<m_y>{_Y})-(?P<m_m>0[1-9]|1[0-2])(?!-?\d)"
    rf")(?![\w/]|[.,]\d)"
)
_MONTH_BEFORE = re.compile(rf"(?<![\w.])({_M})[ \t\u00a0]+(?:of[ \t]+)?$")
_MONTH_INITIAL = re.compile(r"[JFMASOND]")
# Necessary for `_DATE` to match at the digits at p: a day or month of one or two digits before a
# space, dash, ordinal suffix, slash or dot (`14 November`, `4/5/2021`), or a year before a dash or
# slash (`2021-01`). Rules out most numbers ("2021,", "2021 ", "1,234") before the long pattern, in
# one match (a loop over the digits in Python cost as much as the date search it saves).
_MAY_START_DATE = re.compile(r"\d\d?[\s\-–snrt/.]|\d{4}[-/]")


class Found(NamedTuple):
    start: int
    end: int
    iso: str


def _day(raw: str | None) -> int | None:
    return int(re.sub(r"\D", "", raw)) if raw else None


def _iso(year: str | None, month: int, day: int | None) -> str:
    head = year if year else "-"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day else "")


def _resolve(g: dict[str, str | None]) -> str | None:
    if g["a_m"] or g["b_m"]:
        p = "a" if g["a_m"] else "b"
        month = MONTHS[fold(str(g[f"{p}_m"]).rstrip("."))]
        year, d1, d2 = g[f"{p}_y"], _day(g[f"{p}_d"]), _day(g[f"{p}_d2"])
        if p == "b" and not year and g["b_m"] == "May":
            return None  # "May 4" without a year is too often the verb
        return _iso(year, month, d1) + (f"/{_iso(year, month, d2)}" if d2 and d1 and d2 > d1 else "")
    if g["c_m"]:
        return _iso(g["c_y"], MONTHS[fold(str(g["c_m"]).rstrip("."))], None)
    if g["i_y"]:
        return _iso(g["i_y"], int(str(g["i_m"])), _day(g["i_d"]))
    if g["m_y"]:
        year, month = str(g["m_y"]), str(g["m_m"])
        # "2008-09" is a fiscal year (two years), "1995-01" January 1995
        return None if int(month) == (int(year) + 1) % 100 else f"{year}-{month}"
    a, b, year = int(str(g["n_a"])), int(str(g["n_b"])), g["n_y"]
    if a > 12 >= b:
        return _iso(year, b, a)
    if b > 12 >= a:
        return _iso(year, a, b)
    return year  # 04/05/2021: day and month order unknown, the year is certain


def date_at(text: str, p: int) -> Found | None:
    """The date written with the digits at p: `14 November 2021`, `November 17, 2025`, `2021/01/16`."""
    lo = max(0, p - 16)
    # the month must start with one of its capitals: a scan in C rules most digits out before the search
    before = _MONTH_BEFORE.search(text, lo, p) if _MONTH_INITIAL.search(text, lo, p) else None
    m = _DATE.match(text, before.start(1)) if before else None
    if (m is None or m.end() <= p) and _MAY_START_DATE.match(text, p):
        m = _DATE.match(text, p)
    if m is None:
        return None
    iso = _resolve(m.groupdict())
    return Found(m.start(), m.end(), iso) if iso else None


# After these words a four-digit number is a year even before a plural noun ("in 2000 troops" is rare).
_STRONG_CUES = {"in", "since", "by", "from", "until", "till", "through", "during", "before", "after", "early",
                "late", "mid", "pre", "post", "circa", "c", "ca", "spring", "summer", "autumn", "fall", "winter",
                "year", "fiscal", "fy", "between", "of"}
_WEAK_CUES = {"the", "to", "and", "or", "around", "about", "in"}
# Verbs that often follow a year at the start of a sentence ("2021 marks the ...").
_YEAR_VERBS = {"marks", "sees", "saw", "brings", "brought", "was", "is", "will", "has", "had", "witnessed",
               "began", "ended", "proved", "became"}
_COUNTED = {"people", "men", "women", "children", "police", "personnel", "staff", "troops", "soldiers"}


def may_be_year(value: float) -> bool:
    """Necessary for `is_year`: an integer in the years' range (its words need not be read otherwise)."""
    return 1000 <= value <= 2100 and value == int(value)


def is_year(value: float, prev_word: str, next_word: str) -> bool:
    """Plain four-digit integer: a year unless a counted noun follows (`2000 troops`)."""
    if not may_be_year(value):
        return False
    prev_word = prev_word.lower()
    if prev_word in _STRONG_CUES:
        return True
    if next_word[:1].islower() and next_word not in _YEAR_VERBS:
        counted = next_word in _COUNTED or (
            len(next_word) > 3 and next_word.endswith("s") and not next_word.endswith(("ss", "us", "is")))
        if counted:
            return False
    return value >= 1800 or prev_word in _WEAK_CUES


def decade(value: float, apostrophe: bool, prev_word: str) -> str | None:
    """ISO decade of `1990s`, `'90s` (`the 90s` too); None when `90s` is an age ("in their 90s")."""
    v = int(value)
    if value != v or v % 10:
        return None
    if v >= 1000:
        return str(v)[:3]
    if v < 100 and (apostrophe or prev_word.lower() in ("the", "early", "mid", "late")):
        return str(1900 + v)[:3]
    return None
