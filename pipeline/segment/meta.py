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
from pipeline.segment.words import BOILER_WORDS, common_words

# a name's words stop at the words that follow bylines ("By Jane Doe Last Updated: ...", "... Dec 30");
# months that are also given names (April, May, June, August) are left out
_AFTER_NAME = (r"(?!(?i:last|updated|published|posted|reviewed|edited|comments?|follow|read|share|feb|mar|apr|jun|jul|aug|sep|"
               r"sept|oct|nov|dec|january|february|march|july|september|october|november|december)\b)")
_NAME = (_AFTER_NAME + r"[A-Z][\w'’.-]+(?:\s+(?:" + _AFTER_NAME + r"[A-Z][\w'’.-]+|(?:de|da|van|von|der|den|al|bin|el)\b)){1,4}")
# the cue in any case, the names capitalised ("Written by adopting cloud services, ..." is no byline)
_BY = re.compile(r"^(?i:by|written by|author|authors|posted by|words by)(?::\s*|\s+)(" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*)")
_BY_ONE = re.compile(r"^(?i:by|written by|author|posted by|words by)(?::\s*|\s+)(" + _AFTER_NAME + r"[A-Z][\w'’.-]+)$")
_HONORIFIC = frozenset("dr dr. mr mr. mrs mrs. ms ms. prof prof. sir".split())
_WORDS = re.compile(r"\w+")
# a line that announces the author box: the names follow on the next lines
AUTHOR_CUE = re.compile(r"^(?:about the authors?|the authors?|authors?|written by|posted by|meet the authors?)\s*:?$", re.I)
_SEPARATOR = re.compile(r"\s+[|·•—–-]\s+|\s*\|\s*")  # between the parts of a dateline
_GLUED = re.compile(r"[a-z]{3}[A-Z]")  # "ElectricalTechnician": words run together, not "McIntyre"
_NAME_ONLY = re.compile(r"^" + _NAME + r"$")
_ROLES = ("researcher", "analyst", "fellow", "professor", "lecturer", "expert", "journalist", "editor", "correspondent",
          "director", "writer", "contributor")
_BIO = re.compile(r"^(" + _NAME + r") is (?:a|an|the)\b[^.]{0,60}?\b(?i:" + "|".join(_ROLES) + r"|author|founder|reporter|blogger|designer|"
                  r"freelancer|specialist|consultant|columnist)")
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
# the owner after the cue and year must start with a capital: "copyright infringement ..." and
# "Copyright notification and credit line:" are running text, not a notice
_COPYRIGHT_OWNER = re.compile(r"(?i:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,·•∙-]?\s*(?:(?i:by)\s+)?"
                              r"([A-Z][^.|,;©·•∙]{2,80}?)(?:\.|,|\||;|·|•|∙|\s[-–]\s|(?i:all rights)|$)")
# what follows a name in a copyright line or sign-off: years, legal forms, marks
_OWNER_TAIL = re.compile(r"(?:[\s,]+(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?|(?i:inc|llc|ltd|limited|corp|corporation|plc|gmbh))\.?|[®™])+$")
# a share or follow button: "Follow Us on Facebook", "Click to share on X", "Find Levine Music on Facebook"
_CALL = re.compile(r"^(?i:find|follow|like|visit|join|connect with|share|click to share|click|tweet|pin|subscribe to|read)\b\s*(?i:us\b)?\s*")
_ABOUT = re.compile(r"^About ((?:[A-Z][\w.&'’@-]*|the|of|and|for)(?:\s+(?:[A-Z][\w.&'’@-]*|the|of|and|for)){0,5})$")
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


def authors_beside_date(ln: Line) -> list[str]:
    """Names on a dateline, whose parts are set apart by the date and by separators: a byline part
    ("May 3, 2017 By Erin Spain", "Reviewed by X — Written by Jillian Kubala — Updated on ...") or a
    bare name right before the date ("Dakota Hebert July 3, 2025")."""
    found = find_date(ln.text)
    if not found:
        return []
    _, start, end = found
    before, after = ln.text[:start], ln.text[end:]
    for part in (*_SEPARATOR.split(before), *_SEPARATOR.split(after)):
        names = by_names(part.strip())
        if names:
            return names
    last = _SEPARATOR.split(before)[-1].strip(" ,")
    return [last] if name_line(last) else []


def wire_date(text: str) -> str | None:
    """The date of a news-wire dateline opening the first paragraph: "WASHINGTON (January 24, 2017) — ..."."""
    found = find_date(text[:80])
    if not found:
        return None
    iso, start, end = found
    place, rest = text[:start].rstrip(" (,"), text[end:].lstrip(") ")
    return iso if len(place) >= 3 and place.isupper() and rest[:1] in ("—", "–", "-") else None


def date_of(ln: Line) -> str | None:
    """The date of a dateline: a short line that is mostly a date, says published/updated, or holds
    the byline too ("May 3, 2017 By Leyla Demir 4 Comments")."""
    if ln.ntok > 20:
        return None
    found = find_date(ln.text)
    if not found:
        return None
    iso, start, end = found
    date_share = (end - start) / max(len(ln.text), 1)
    if date_share >= 0.3 or " | " in ln.text or _DATE_CUE.search(ln.text[:start]) or authors_beside_date(ln):
        return iso
    return None


def person_like(name: str) -> bool:
    """A person's name rather than a button, label or job title: its first word (after Dr, Mr...) is
    not one English text writes in lower case ("Copy Link", "Senior Director", "Posted By"), and no word
    is two run together ("ElectricalTechnician") or names a unit or outlet (_NOT_NAME); a word in
    capitals ("MBA Rankings", "Pre-MBA Classes") makes a label."""
    words = name.split()
    first = next((w for w in words if w.lower() not in _HONORIFIC), "")
    lead = _WORDS.match(first)  # its first \w+ run, as common_words counts words: "What's" -> "What"
    return (lead is not None and lead.group().lower() not in common_words()
            and not any(len(t) > 1 and t.isupper() for t in _WORDS.findall(name))
            and not _GLUED.search(name) and _NOT_NAME.isdisjoint(words))


def name_line(text: str) -> bool:
    """A line that is only a person's name."""
    return bool(_NAME_ONLY.match(text)) and not text.isupper() and person_like(text)


def bio_name(text: str) -> str | None:
    """The person a short biography is about: "<Name> is a writer ...", "<Name> is the founding editor of ..."."""
    m = _BIO.match(text)
    return m.group(1) if m and person_like(m.group(1)) else None


def by_names(text: str) -> list[str]:
    """Names after a byline cue ("By A, Senior Editor & B"): the first as given, the others only when
    they read as persons (the parts between commas are often roles)."""
    m = _BY.match(text)
    if not m:
        one = _BY_ONE.match(text)  # "Written by Kristin": a first name alone, when it reads as one
        return [one.group(1)] if one and person_like(one.group(1)) else []
    parts = [a for a in _SPLIT_NAMES.split(m.group(1)) if a]
    return parts[:1] + [a for a in parts[1:] if person_like(a)]


def authors_of(ln: Line, near_title: bool) -> list[str]:
    names = by_names(ln.text)
    if names:
        return names
    if near_title and _NAME_ONLY.match(ln.text) and not ln.text.isupper() and not any(
            t in BOILER_WORDS or t in _NOT_NAME for t in ln.tokens) and person_like(ln.text):
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
        # a link's text, not a sentence that mentions the platform
        m = _SOCIAL.match(texts[k]) if len(texts[k]) <= 80 else None
        name = _CALL.sub("", m.group(1)).strip() if m else ""
        if name[:1].isupper() and not _NOT_SITE.search(name):
            return name
    interviews = scan.rows_with(("interview with",))
    speakers = {m.group(1).strip() for t in texts if (m := _SPEAKER.match(t))} if interviews else set()
    for k in interviews:
        for m in _INTERVIEW.finditer(texts[k]):
            name = m.group(1).strip()
            if name.upper() in speakers:
                return name
    for k in scan.rows_with(("©", "copyright", "(c)"), fold=True):
        if len(texts[k]) < 300:
            m = _COPYRIGHT_OWNER.search(texts[k])
            owner = _OWNER_TAIL.sub("", m.group(1).split("®")[0].split("™")[0].strip()) if m else ""
            if owner and len(owner.split()) <= 10 and not _NOT_SITE.search(owner):
                return owner.removeprefix("The ").strip()
    return _dateline_source(texts) or _about(scan)


def _about(scan: Scan) -> str | None:
    """The name in the site's own "About <Site>" link, the most frequent one when there are several."""
    counts: dict[str, int] = {}
    for k in scan.rows_with(("about ",), fold=True):
        m = _ABOUT.match(scan.texts[k])
        if m and m.group(1).lower() not in ("us", "me", "the author", "the authors", "this site", "the site"):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def _dateline_source(texts: list[str]) -> str | None:
    """An outlet name that opens several paragraphs as `Name - ...` / `Name—Opinion:` (agency style)."""
    counts: dict[str, int] = {}
    for text in texts:
        m = _SOURCE.match(text[:60]) if len(text) > 80 else None
        if m:
            counts[m.group(1).strip()] = counts.get(m.group(1).strip(), 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best and best[1] >= 2 and len(best[0].split()) >= 2 else None
