"""Dates as printed -> ISO 8601 partial dates, exactly as precise as the text (`2021`, `2021-09`, `2021-11-14`)."""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# A year may run into the next word ("April 26, 2024Updated on: ..."): flattened pages glue
# elements together, so the month-name patterns end at a non-digit rather than a word boundary.
# a month name glued to the word before it ("UpdatedJanuary 25, 2026", "EditorialNovember 22, 2018"):
# only a capitalised month after a lower-case letter, never "dismay 3, 2024"
_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_PATTERNS = [
    # 2021-11-14, 2021/01/16, 2021.01.16
    re.compile(r"\b(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b"),
    # 14 November 2021, 14th Nov. 2021
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
    # November 14, 2021 / Nov 14 2021
    re.compile(_START + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
    # 14/11/2021 (day first: the European and Middle-Eastern order; ambiguous US order is rejected below)
    re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b"),
    # November 2021
    re.compile(r"\b" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
]
_DOTTED_SHORT = re.compile(r"(?P<d>\d\d)\.(?P<m>\d\d)\.(?P<y>\d\d)")  # zero-padded: "2.10.24" is a version
_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")
# Every pattern above holds a year: text without this skips the five case-insensitive scans.
_YEAR_CUE = re.compile(r"(?:19|20)\d\d")


def short_year_date(text: str) -> str | None:
    """A line that is only a day-first date with a two-digit year ("14.11.24", "08.12.25": the European dotted form):
    the year is this century's. Only a whole line: inside text such numbers are versions and scores."""
    m = _DOTTED_SHORT.fullmatch(text)
    if not m:
        return None
    day, month = int(m.group("d")), int(m.group("m"))
    return f"20{m.group('y')}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else None


def find_date(text: str, allow_year: bool = False) -> tuple[str, int, int] | None:
    """The first date in `text` as (iso, start, end), most precise pattern first; None when none."""
    if _YEAR_CUE.search(text) is None:
        return None
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            iso = _iso(m)
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break
        if best:
            return best
    if allow_year:
        m = _YEAR.search(text)
        if m:
            return (m.group("y"), m.start(), m.end())
    return None


def _iso(m: re.Match) -> str | None:
    groups = m.groupdict()
    year = int(groups["y"])
    if groups.get("mon"):
        month = MONTHS[groups["mon"][:3].lower()]
    elif groups.get("m"):
        month = int(groups["m"])
    else:
        return str(year)
    if not 1 <= month <= 12:
        return None
    if not groups.get("d"):
        return f"{year:04d}-{month:02d}"
    day = int(groups["d"])
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def years_in(text: str) -> list[int]:
    return [int(m.group("y")) for m in _YEAR.finditer(text)]
