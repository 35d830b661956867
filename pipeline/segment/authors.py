"""Who wrote the article: bylines ("By A, Role & B"), bare name lines next to the title, names on a
dateline, author boxes and biographies; and whether a capitalised phrase reads as a person's name
at all (buttons, labels and job titles look like names on flattened pages).
"""

from __future__ import annotations

import re

from pipeline.segment.lines import Line
from pipeline.segment.words import BOILER_WORDS, common_words

# a name's words stop at the words that follow bylines ("By Jane Doe Last Updated: ...", "... Dec 30");
# months that are also given names (April, May, June, August) are left out
_AFTER_NAME = (r"(?!(?i:last|updated|published|posted|reviewed|edited|comments?|follow|read|share|feb|mar|apr|jun|jul|aug|sep|"
               r"sept|oct|nov|dec|january|february|march|july|september|october|november|december)\b)")
_NAME = (_AFTER_NAME + r"[A-Z][\w'’.-]+(?:\s+(?:" + _AFTER_NAME + r"[A-Z][\w'’.-]+|(?:de|da|van|von|der|den|al|bin|el)\b)){1,4}")
# the cue in any case, the names capitalised ("Written by adopting cloud services, ..." is no byline);
# flattened pages glue the cue to the name ("ByRhonda Krause"): "By" then a capitalised word counts too
_CUE_GAP = r"(?::\s*|\s+|(?<=By)(?=[A-Z][a-z]))"
_BY = re.compile(r"^(?i:by|written by|author|authors|posted by|words by)" + _CUE_GAP + r"(" + _NAME
                 + r"(?:\s*(?:,\s*(?:and|&)?|and|&)\s*" + _NAME + r")*)")  # "A, B, and C": the serial comma too
_BY_ONE = re.compile(r"^(?i:by|written by|author|posted by|words by)" + _CUE_GAP + r"(" + _AFTER_NAME + r"[A-Z][\w'’.-]+)$")
# a dateline's word glued to the name or to the date after it ("Rebecca NorrisPublished: Jun 25, 2025",
# "Rhonda Krause UpdatedJanuary 25, 2026")
_GLUED_CUE = re.compile(r"(?:(?<=[a-z])|\s+)(?:Published|Updated|Posted|Reviewed|Edited|Follow|Last)(?![a-z]).*$")
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
# an outlet's team as the byline next to the title ("Everfit Team", "The Upwork Team", "EcoCult Staff"):
# the words before Team/Staff must name someone, not say "Our Team" or "Meet the Team"
_TEAM = re.compile(r"^(?:The\s+)?((?:[A-Z][\w'’.&-]*\s+){1,3})(?:Editorial\s+)?(?:Team|Staff)$")
# the parts of a header line set apart by a dot or bar, often without spaces ("Guides·10 min read·By ...")
_PARTS = re.compile(r"\s*[|·•]\s*|\s+[—–-]\s+")
_PART_CUE = re.compile(r"[|·•]")
PARTS_MAX_TOKENS = 20  # a header line of category, reading time and byline; longer lines are prose or menus
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _byline_part(text: str) -> list[str]:
    """The byline among a header line's parts ("Guides·10 min read·By Anatolia Editorial Team", "Anatolia
    Team | 5 min read"): a part that is a byline or a team, its first name a person or a team (a part
    "By Category" of a menu is neither)."""
    for part in _PARTS.split(text):
        names = by_names(part) or ([part] if team_line(part) else [])
        if names and credited(names[0]):
            return names
    return []


def authors_beside_date(text: str, start: int, end: int) -> list[str]:
    """Names on a dateline whose date spans text[start:end]; its parts are set apart by the date and
    by separators: a byline part ("May 3, 2017 By Erin Spain", "Reviewed by X — Written by Jillian
    Kubala — Updated on ...") or a bare name right before the date ("Dakota Hebert July 3, 2025")."""
    before = _SEPARATOR.split(text[:start])
    for part in (*before, *_SEPARATOR.split(text[end:])):
        names = by_names(part.strip())
        if names:
            return names
    last = before[-1].strip(" ,")
    return [last] if name_line(last) else []


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


def team_line(text: str) -> bool:
    """A line that is only an outlet's team or staff, credited as the author ("DianaHR Team")."""
    m = _TEAM.match(text)
    first = _WORDS.match(m.group(1)) if m else None
    return first is not None and first.group().lower() not in common_words()


def credited(name: str) -> bool:
    """A byline's name that credits someone: a person, or an outlet's team or staff."""
    return person_like(name) or team_line(name)


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
    parts = [_GLUED_CUE.sub("", a) for a in _SPLIT_NAMES.split(m.group(1)) if a]
    return parts[:1] + [a for a in parts[1:] if person_like(a)]


def authors_of(ln: Line, near_title: bool) -> list[str]:
    names = by_names(ln.text)
    if names:
        return names
    if near_title and (name_line(ln.text) or team_line(ln.text)) and BOILER_WORDS.isdisjoint(ln.tokens):
        return [ln.text]
    if near_title and ln.ntok <= PARTS_MAX_TOKENS and _PART_CUE.search(ln.text):
        names = _byline_part(ln.text)
        if names:
            return names
    # each regex only where its fixed words are: searching long body lines is slow
    m = _NAME_ROLE.search(ln.text) if any(map(ln.text.__contains__, _ROLES)) else None
    m = m or (_CREDIT.search(ln.text) if "permission" in ln.text else None)
    return [m.group(1).rstrip(".")] if m else []
