"""Article metadata from the labelled page: title, authors, date and site.

Everything is looked for in the article's own header (the lines just above the body and right
after the title), never in teasers, related-article lists or comments further down: a date or
name there belongs to another article.
"""

from __future__ import annotations

import re

from pipeline.segment.dates import find_date
from pipeline.segment.lines import Line
from pipeline.segment.scan import Scan
from pipeline.segment.words import BOILER_WORDS

_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|al|bin|el)){1,3}"
_BY = re.compile(r"^(?:by|written by|author:?|authors:?|posted by|words by)\s+(" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*)", re.I)
_NAME_ONLY = re.compile(r"^" + _NAME + r"$")
_ROLES = ("researcher", "analyst", "fellow", "professor", "lecturer", "expert", "journalist", "editor", "correspondent",
          "director", "writer", "contributor")
_NAME_ROLE = re.compile(r"(?:^|[.!?]\s+)(" + _NAME + r")\s+[-–—,]\s+(?:a\s+|an\s+|the\s+)?(?:senior\s+|chief\s+|lead\s+|former\s+)?(?:"
                        + "|".join(_ROLES) + r")\b")
# "This article was republished with permission by James Dorsey." at the end of a piece
_CREDIT = re.compile(r"\b(?:written|republished|reprinted|reproduced)(?: here)? with (?:the )?(?:kind )?permission (?:by|of|from) (" + _NAME + r")\.?$")
# words of units, outlets and labels that a name-shaped line may hold but a person's name does not
_NOT_NAME = frozenset(
    "The Unit Center Centre Institute University Department Studies Organization Organisation Council Foundation "
    "Agency Group Team News Press Media Staff Editors Editorial Desk Office Ministry Program Programme Series "
    "Analysis Report Interview Exclusive Opinion Review Policy Research".split()
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&)\s*")
_DATE_CUE = re.compile(r"\b(?:published|posted|updated|date|on)\b:?", re.I)
_COPYRIGHT_OWNER = re.compile(r"(?:©|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:by\s+)?([A-Z][^.|,;©]{2,80}?)(?:\.|,|\||;|all rights|$)", re.I)
_SOCIAL = re.compile(r"^(.{3,60}?) on (?:facebook|twitter|x|linkedin|instagram|youtube|telegram)\b", re.I)
_SOCIAL_CUE = re.compile(r" on (?:facebook|twitter|x|linkedin|instagram|youtube|telegram)")  # in folded text
_INTERVIEW = re.compile(r"\binterview with ((?:[A-Z][\w'’-]+\s?){1,4})")
_SPEAKER = re.compile(r"^([A-Z][A-Z .'’-]{1,40}):\s")
_NOT_SITE = re.compile(r"\b(?:all rights|reserved|copyright|privacy|terms)\b", re.I)
_SOURCE = re.compile(r"^((?:[A-Z][\w'’]+\s?){1,5})\s*(?:[-–—:]|$)")


def title_shaped(ln: Line) -> bool:
    """A headline: a few words, not a sentence run, not a menu item, no date, no pipe."""
    n = ln.ntok
    if not 3 <= n <= 30 or " | " in ln.text or ln.text.endswith((".", ":", ",")) or ln.text[0].islower():
        return False
    if ln.text.isupper() and n <= 3:  # (pure tests: the cheap one before the token and date regexes)
        return False
    return BOILER_WORDS.isdisjoint(ln.tokens[:2]) and not find_date(ln.text)


def first_headline(rows: list[Line], front_end: int) -> int | None:
    """Line index of a report's title: the first headline-shaped line before its table of contents."""
    for ln in rows:
        if ln.index >= front_end:
            break
        if title_shaped(ln):
            return ln.index
    return None


def date_of(ln: Line) -> str | None:
    """The date of a dateline: a short line that is mostly a date (or says published/updated)."""
    if ln.ntok > 20:
        return None
    found = find_date(ln.text)
    if not found:
        return None
    iso, start, end = found
    date_share = (end - start) / max(len(ln.text), 1)
    if date_share >= 0.3 or " | " in ln.text or _DATE_CUE.search(ln.text[:start]):
        return iso
    return None


def authors_of(ln: Line, near_title: bool) -> list[str]:
    m = _BY.match(ln.text)
    if m:
        return [a for a in _SPLIT_NAMES.split(m.group(1)) if a]
    if near_title and _NAME_ONLY.match(ln.text) and not ln.text.isupper() and not any(
            t in BOILER_WORDS or t in _NOT_NAME for t in ln.tokens):
        return [ln.text]
    # each regex only where its fixed words are: searching long body lines is slow
    m = _NAME_ROLE.search(ln.text) if any(map(ln.text.__contains__, _ROLES)) else None
    m = m or (_CREDIT.search(ln.text) if "permission" in ln.text else None)
    return [m.group(1).rstrip(".")] if m else []


def find_site(lines: list[Line], scan: Scan | None = None) -> str | None:
    """The outlet as the page names it: copyright owner, "<Site> on Facebook", interview-with + speaker label.
    Each pattern runs only on the lines holding a word all its matches need (`scan`), in page order."""
    scan = Scan([ln for ln in lines if ln.text]) if scan is None else scan
    texts = scan.texts
    for k in scan.rows_matching(_SOCIAL_CUE, fold=True):
        m = _SOCIAL.match(texts[k])
        if m and not _NOT_SITE.search(m.group(1)):
            return m.group(1).strip()
    interviews = scan.rows_with(("interview with",))
    speakers = {m.group(1).strip() for t in texts if (m := _SPEAKER.match(t))} if interviews else set()
    for k in interviews:
        for m in _INTERVIEW.finditer(texts[k]):
            name = m.group(1).strip()
            if name.upper() in speakers:
                return name
    for k in scan.rows_with(("©", "copyright"), fold=True):
        if len(texts[k]) < 300:
            m = _COPYRIGHT_OWNER.search(texts[k])
            if m and len(m.group(1).split()) <= 10 and not _NOT_SITE.search(m.group(1)):
                return m.group(1).strip().removeprefix("The ").strip()
    return _dateline_source(texts)


def _dateline_source(texts: list[str]) -> str | None:
    """An outlet name that opens several paragraphs as `Name - ...` / `Name—Opinion:` (agency style)."""
    counts: dict[str, int] = {}
    for text in texts:
        m = _SOURCE.match(text[:60]) if len(text) > 80 else None
        if m:
            counts[m.group(1).strip()] = counts.get(m.group(1).strip(), 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best and best[1] >= 2 and len(best[0].split()) >= 2 else None
