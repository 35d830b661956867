"""Labelled token spans -> contract fields: names split, punctuation trimmed, date ISO, pages `57-58`."""

from __future__ import annotations

import re

from pipeline.cite.features import MONTHS
from pipeline.cite.names import split_names

FIELDS = ("author", "title", "container", "publisher", "volume", "issue", "pages", "date", "url")
_TRIM = " \t,;:.([{<*_\"“”„«»‘’'`"
_TRIM_END = " \t,;:.)]}>*_\"“”„«»‘’'`"
_IN = re.compile(r"^(?:in|in:|dans|en)\s+", re.I)
_VOLUME = re.compile(
    r"^[(\[]?(?:vol(?:ume)?s?\.?|v\.|bd\.?|band|t\.|tome)?\s*(\d+[A-Za-z]?)[\])]?"  # volume number
    r"(?:\s*\(([^)]+)\)|\s*[,.:]?\s*(?:no|nr|num|number|issue|iss|heft|h)\.?\s*(\d+(?:\s*[-–/]\s*\d+)?|[IVXLC]+\b))?",
    re.I,
)
_ISSUE = re.compile(r"(?:no|nr|num|number|issue|iss|heft)\.?\s*(\d+(?:[-–/]\d+)?)|^\(?(\d+(?:[-–/]\d+)?)\)?$", re.I)
# an article number's capital stays (`A237`, `S12`): it is part of the page, unlike `p` in `p18`
_PAGES = re.compile(r"(?<![A-Za-z])([A-Z]?\d+)(?:\s*[-–—‐]+\s*([A-Z]?\d+))?")
_ROMAN_PAGES = re.compile(r"\b([ivxlc]+)\b(?:\s*[-–—‐]+\s*([ivxlc]+)\b)?", re.I)  # front matter: `pp. xi-xv`
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
    found = _VOLUME.match(text.strip())
    if not found:
        return _clean(text), None
    issue = found.group(2) or found.group(3)
    return found.group(1), (issue.replace(" ", "") if issue else None)


def clean_issue(text: str) -> str | None:
    found = _ISSUE.search(text.strip(" ,.;:"))
    return found.group(1) or found.group(2) if found else _clean(text)


def clean_pages(text: str) -> str | None:
    found = _PAGES.search(text) or _ROMAN_PAGES.search(text)
    if not found:
        return None
    first, last = found.groups()
    return f"{first}-{last}" if last else first


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
