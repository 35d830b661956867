"""Labelled token spans -> contract fields: names split, punctuation trimmed, date ISO, pages `57-58`."""

from __future__ import annotations

import re

from pipeline.cite.features import MONTHS
from pipeline.cite.names import split_names
from pipeline.cite.repair import quote_bounds

FIELDS = ("author", "title", "container", "publisher", "volume", "issue", "pages", "date", "url")
_TRIM = " \t,;:.([{<*_\"“”„«»‘’'`"
_TRIM_END = " \t,;:.)]}>*_\"“”„«»‘’'`"
_IN = re.compile(r"^(?:in|in:|dans|en)\s+", re.I)
_VOLUME = re.compile(
    r"^[(\[]?(?:vol(?:ume)?s?\.?|v\.|bd\.?|band|t\.|tome)?\s*(\d+[A-Za-z]?)[\])]?"  # volume number
    r"(?:\s*\(([^)]+)\)|\s*[,.:]?\s*(?:no|nr|n°|nº|num|number|issue|iss|heft|h)\.?\s*(\d+(?:\s*[-–/]\s*\d+)?|[IVXLC]+\b))?",
    re.I,
)
_ISSUE = re.compile(r"(?:no|nr|n°|nº|num|number|issue|iss|heft)\.?\s*(\d+(?:[-–/]\d+)?)|^\(?(\d+(?:[-–/]\d+)?)\)?$", re.I)
_DASH = "-–—‐‑"  # U+2011 (non-breaking hyphen) too: `658‑677` in PDF text
# an article number's capital stays (`A237`, `S12`) and so does an eLocator's `e` (`e0165139`); a
# glued cue does not (`p17`, `S.10`), and a number never starts mid-word (`p17` is not page 7)
_PAGE = rf"(?:[A-Z]?\d+|e\d{{4,}})(?:\s*[{_DASH}]+\s*[A-Z]?\d+)?"
_PAGES = re.compile(rf"(?<![A-Za-z\d])(?:pp?\.?|S\.)?({_PAGE})")
_ROMAN_PAGES = re.compile(rf"\b([ivxlc]+)\b(?:\s*[{_DASH}]+\s*([ivxlc]+)\b)?", re.I)  # front matter: `pp. xi-xv`
# a page COUNT, not a page: `368 pp.`, `218 p.`, `248p`, `634 s.` (Slavic); `143 f.` is "143 and following"
_EXTENT = re.compile(r"^\d+\s*(?:pp?|s|ff?)\.?$")
# what may stand between the ranges of one page list (`28, 29`, `27-39, 171-172`, `323-332 et 404-413`)
_LIST_GLUE = re.compile(r"^(?:\s|[,;&]|and|et|und|pp?\.|pages?)*$", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S+|doi\.org/\S+", re.I)
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_NUMERIC = {"volume", "issue", "pages"}
_NUMBER = re.compile(r"\d|\b[IVXLCivxlc]+\b")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[.,]?$")


def _clean(text: str) -> str | None:
    """Strip the punctuation a citation style wraps a field in; keep a closing bracket that closes."""
    text = text.strip().lstrip(_TRIM)
    while text and text[-1] in _TRIM_END:
        if text[-1] in ")]" and text.count("(") + text.count("[") >= text.count(")") + text.count("]"):
            break
        text = text[:-1]
    return text.strip() or None


def clean_title(text: str) -> str | None:
    # a title keeps its own ? and ! but loses the quotes and commas the citation style adds
    return _clean(re.sub(r"^[\"“„«‘'*_]+|[\"”»’'*_]+(?=[,.;:]*$)", "", text.strip()).strip())


def clean_container(text: str) -> str | None:
    return _clean(_IN.sub("", text.strip()))


def split_volume(text: str) -> tuple[str | None, str | None]:
    """`Vol. 20, No. 112` -> (20, 112); `6(1)` -> (6, 1); unrecognised text is kept as the volume."""
    found = _VOLUME.match(text.strip().lstrip(",;:. "))  # `2005 ;59 (5):` leaves `;59 (5):`
    if not found:
        return _clean(text), None
    issue = found.group(2) or found.group(3)
    return found.group(1), (issue.replace(" ", "") if issue else None)


def clean_issue(text: str) -> str | None:
    found = _ISSUE.search(text.strip(" ,.;:"))
    return found.group(1) or found.group(2) if found else _clean(text)


def clean_pages(text: str) -> str | None:
    """`pp. 57–58` -> `57-58`; a page list keeps every range (`28, 29`); a page count keeps its
    unit as printed (`368 pp.`), since `368` alone would read as a page cited."""
    text = text.strip(" ,;:()[]")
    if _EXTENT.match(text):
        return text
    found = list(_PAGES.finditer(text))
    if not found:
        roman = _ROMAN_PAGES.search(text)
        return "-".join(part for part in roman.groups() if part) if roman else None
    ranges = [re.sub(rf"\s*[{_DASH}]+\s*", "-", m.group(1)) for m in found]
    while len(ranges) > 1 and _YEAR.fullmatch(ranges[-1]):  # `pp. 111-120, 1993`: a date the CRF ran on
        ranges.pop()
        found.pop()
    gaps = [text[a.end():b.start()] for a, b in zip(found, found[1:])]
    if len(ranges) > 1 and all(_LIST_GLUE.match(gap) for gap in gaps):
        return ", ".join(ranges)
    return ranges[0]


def clean_url(text: str) -> str | None:
    """The URL as printed (a PDF line break may leave a space in it), without `URL:`, `<>` or a final `.`."""
    found = _URL.search(text)
    url = text[found.start():] if found else text
    return url.strip().strip("<>").rstrip(".,;:)>]'\"”’ ") or None


def iso_date(text: str) -> str | None:
    """ISO 8601 partial from free date text: `October 8, 2022` -> 2022-10-08, `(2023)` -> 2023."""
    year = _YEAR.search(text)
    if not year:
        return None
    words = re.findall(r"[^\s,()\[\]]+", text)
    for i, word in enumerate(words):
        month = MONTHS.get(word.lower().rstrip("."))
        if month is None:
            continue
        for j in (i + 1, i - 1):
            day = _DAY.match(words[j]) if 0 <= j < len(words) else None
            if day and 1 <= int(day.group(1)) <= 31:
                return f"{year.group(1)}-{month:02d}-{int(day.group(1)):02d}"
        return f"{year.group(1)}-{month:02d}"
    return year.group(1)


def spans(tokens: list[str], labels: list[str]) -> list[tuple[str, str]]:
    """Consecutive tokens with the same label joined into (label, text) spans.

    A numeric field's span with no number in it (`Policy` tagged volume) is a tagging slip: it
    goes back to the span before it.
    """
    out: list[tuple[str, str]] = []
    for word, label in zip(tokens, labels, strict=True):
        if out and out[-1][0] == label:
            out[-1] = (label, f"{out[-1][1]} {word}")
        else:
            out.append((label, word))
    merged: list[tuple[str, str]] = []
    for label, text in out:
        if label in _NUMERIC and merged and not _NUMBER.search(text):
            label = merged[-1][0]
        if merged and merged[-1][0] == label:
            merged[-1] = (label, f"{merged[-1][1]} {text}")
        else:
            merged.append((label, text))
    return merged


def build_fields(tokens: list[str], labels: list[str]) -> dict[str, object]:
    """The contract's fields from a labelled token sequence; absent fields are None."""
    labels = quote_bounds(tokens, labels)
    fields: dict[str, object] = dict.fromkeys(FIELDS)
    fields["author"] = []
    parts = spans(tokens, labels)
    first: dict[str, str] = {}
    for label, text in parts:
        first.setdefault(label, text)
    fields["author"] = [name for label, text in parts if label == "author" for name in split_names(text)]
    fields["title"] = clean_title(first["title"]) if "title" in first else None
    fields["container"] = clean_container(first["container"]) if "container" in first else None
    fields["publisher"] = _clean(first["publisher"]) if "publisher" in first else None
    if "volume" in first:
        fields["volume"], fields["issue"] = split_volume(first["volume"])
    if "issue" in first:
        fields["issue"] = clean_issue(first["issue"])
    fields["pages"] = clean_pages(first["pages"]) if "pages" in first else None
    dates = " ".join(text for label, text in parts if label == "date")
    fields["date"] = iso_date(dates) if dates else None
    fields["url"] = clean_url(first["url"]) if "url" in first else None
    return fields
