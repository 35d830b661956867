"""Article metadata from the labelled page: title, date and site (authors: authors.py).

Everything is looked for in the article's own header (the lines just above the body and right
after the title), never in teasers, related-article lists or comments further down: a date or
name there belongs to another article.
"""

from __future__ import annotations

import re

from pipeline.segment.authors import authors_beside_date
from pipeline.segment.dates import find_date, short_year_date
from pipeline.segment.lines import Line
from pipeline.segment.scan import Scan
from pipeline.segment.words import BOILER_WORDS, STOPWORDS_BY_LANG, common_words

_DATE_CUE = re.compile(r"\b(?:published|posted|updated|date|on)\b:?", re.I)
# the owner after the cue and year must start with a capital: "copyright infringement ..." and
# "Copyright notification and credit line:" are running text, not a notice
_COPYRIGHT_OWNER = re.compile(r"(?i:©|\(c\)|copyright)(?![-‐][A-Za-z])\s*(?:(?:©|(?i:copyright))\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,·•∙-]?\s*(?:(?i:by)\s+)?"
                              r"([A-Z](?:[^.|,;©·•∙]|\.(?=[a-z]{2,}\b)){2,80}?)(?:\.(?![a-z]{2,}\b)|,|\||;|·|•|∙|\s[-–]\s|(?i:all rights)|$)")
# the owner before the cue, then only years and "All rights reserved" ("Anatolia Review © All rights reserved.",
# "Anatolia Review Copyright 2019 all rights reserved."); without those words a name before © is a photo credit
_OWNER_FIRST = re.compile(r"^([A-Z][\w.&'’ -]{1,50}?)\s+(?:©|(?i:copyright))\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?"
                          r"\s*[.,|]?\s*(?i:all rights reserved)(?:[.|]|\s[-–]\s|$)")
# first words of what a line says is copyrighted, not who owns it ("All content © ...", "Photos © ...")
_NOT_OWNER = STOPWORDS_BY_LANG["en"] | frozenset("content text images photos photographs material site website page design".split())
# what follows a name in a copyright line or sign-off: years, legal forms, marks
_OWNER_TAIL = re.compile(r"(?:[\s,]+(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?|(?i:inc|llc|ltd|limited|corp|corporation|plc|gmbh))\.?|[®™])+$")
# a share or follow button: "Follow Us on Facebook", "Click to share on X", "Find Levine Music on Facebook"
_CALL = re.compile(r"^(?i:find|follow|like|visit|join|connect with|share|click to share|click|tweet|pin|subscribe to|read)\b\s*(?i:us\b)?\s*")
_ABOUT = re.compile(r"^About ((?:[A-Z][\w.&'’@-]*|the|of|and|for)(?:\s+(?:[A-Z][\w.&'’@-]*|the|of|and|for)){0,5})$")
_SOCIAL = re.compile(r"^(.{3,60}?) on (?:facebook|twitter|x|linkedin|instagram|youtube|telegram)\b", re.I)
_SOCIAL_CUE = re.compile(r" on (?:facebook|twitter|x|linkedin|instagram|youtube|telegram)")  # in folded text
_INTERVIEW = re.compile(r"\binterview with ((?:[A-Z][\w'’-]+\s?){1,4})")
_SPEAKER = re.compile(r"^([A-Z][A-Z .'’-]{1,40}):\s")
_NOT_SITE = re.compile(r"\b(?:all rights|reserved|copyright|privacy|terms|notice|accessibility)\b", re.I)
# the brand a legal owner trades as: "Black Sky Thinking Limited (trading as The Quietus)", "Timescale, Inc., d/b/a Tiger Data"
_TRADING_AS = re.compile(r"\b(?:trading as|d/b/a|doing business as)\s+([A-Z][^.,;()|©]{1,60}?)\s*(?:[.,;()|]|$)")
# words a company appends to its brand in the legal name ("Healthline Media", "Veranda Publications")
_OWNER_FORM = re.compile(r"(?:\s+(?:Media|Digital|Group|Publications|Publishing|Systems|Technologies|Company|International|Holdings))+$")
_REGISTRATION = re.compile(r"\s+(?:[A-Z]{2,4}\s+)?\d[\d\s]{5,}$")  # "APNIC ABN 42 081 528 010"
# the group that owns the brand, after it: "Anatolia Review a Bosphorus Media Company"
_PARENT = re.compile(r"\s+an?\s+[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*\s+(?i:company|brand|publication)$")
_DOMAIN = re.compile(r"\.[a-z]{2,}(?:\.[a-z]{2})?$")  # the top-level domain of an owner named by its web address
_POWERED = re.compile(r"\s+(?i:powered by|built with|hosted by)\s.*$")  # "SoloWorkStudio Powered by Shopify": the shop software
LOGO_ROWS = 10  # the header: a page's first lines, where the logo's text stands
FOOTER_ROWS = 25  # the footer: a page's last lines, where the site's name is printed again
LOGO_WORDS = 4  # an outlet's name is short; longer top lines are taglines and headlines
# words of header links that are not names: the reader addressed, a language switch
_MENU_WORDS = frozenset("us me we you your our english español français deutsch italiano português".split())
_LOGO = re.compile(r"^(.{2,40}?)\s*(?:[-–|:]\s*)?(?i:logo)$")  # a logo image's alt text: "Anatolia Review - Logo"
# words run together: two joints make a flattened menu ("About UsContact UsCareersPrivacy Policy"), one a brand ("FunnelStory")
_GLUED_WORDS = re.compile(r"[a-z]{3}[A-Z]")
_NOT_ABOUT = frozenset(("", "us", "me", "the author", "the authors", "this site", "the site"))
_SOURCE = re.compile(r"^((?:[A-Z][\w'’]+\s?){1,5})\s*[-–—:]")


def headline_shape(ln: Line) -> bool:
    """Shaped like a headline: a few words, not a sentence run, no pipe, not a short all-capitals label."""
    text, n = ln.text, ln.ntok
    return (3 <= n <= 30 and " | " not in text and not text.endswith((".", ":", ",")) and not text[0].islower()
            and not (text.isupper() and n <= 3))


def title_shaped(ln: Line) -> bool:
    """A headline: its shape, then no chrome word first and no date (the pure tests before the token and date regexes)."""
    return headline_shape(ln) and BOILER_WORDS.isdisjoint(ln.tokens[:2]) and not find_date(ln.text)


def first_headline(rows: list[Line], front_end: int) -> int | None:
    """Line index of a report's title: the first headline-shaped line before its table of contents."""
    for ln in rows:
        if ln.index >= front_end:
            break
        if title_shaped(ln):
            return ln.index
    return None


def wire_date(text: str) -> str | None:
    """The date of a news-wire dateline opening the first paragraph: "WASHINGTON (January 24, 2017) — ..."."""
    found = find_date(text[:80])
    if not found:
        return None
    iso, start, end = found
    place, rest = text[:start].rstrip(" (,"), text[end:].lstrip(") ")
    return iso if len(place) >= 3 and place.isupper() and rest[:1] in ("—", "–", "-") else None


def dateline(ln: Line) -> tuple[str, list[str]] | None:
    """The date of a dateline and the names beside it: a short line that is mostly a date, says
    published/updated, or holds the byline too ("May 3, 2017 By Leyla Demir 4 Comments")."""
    if ln.ntok > 20:
        return None
    found = find_date(ln.text)
    if not found:
        short = short_year_date(ln.text) if ln.ntok == 3 else None
        return (short, []) if short else None
    iso, start, end = found
    names = authors_beside_date(ln.text, start, end)
    date_share = (end - start) / max(len(ln.text), 1)
    if date_share >= 0.3 or " | " in ln.text or _DATE_CUE.search(ln.text[:start]) or names:
        return iso, names
    return None


def find_site(lines: list[Line], scan: Scan | None = None) -> str | None:
    """The outlet as the page names it: copyright owner, "<Site> on Facebook", interview-with + speaker label;
    failing those an agency source, an "About <Site>" link, the logo's line in the header (`_logo`).
    Each pattern runs only on the lines holding a word all its matches need (`scan`), in page order."""
    scan = Scan([ln for ln in lines if ln.text]) if scan is None else scan
    texts = scan.texts
    for k in scan.rows_matching(_SOCIAL_CUE, fold=True):
        # a link's text, not a sentence that mentions the platform
        m = _SOCIAL.match(texts[k]) if len(texts[k]) <= 80 else None
        name = _CALL.sub("", m.group(1)).strip() if m else ""
        if name[:1].isupper() and not _NOT_SITE.search(name) and _names_something(name):
            return name
    interviews = scan.rows_with(("interview with",))
    speakers = {m.group(1).strip() for t in texts if (m := _SPEAKER.match(t))} if interviews else set()
    for k in interviews:
        for m in _INTERVIEW.finditer(texts[k]):
            name = m.group(1).strip()
            if name.upper() in speakers:
                return name
    for k in scan.rows_with(("©", "copyright", "(c)"), fold=True):
        owner = _copyright_owner(texts[k]) if len(texts[k]) < 300 else None
        if owner:
            return _brand(owner, scan.joined)
    return _dateline_source(texts) or _about(scan) or _logo(scan)


def _names_something(name: str) -> bool:
    """A social link's words that can be an outlet's name, not "How to Multistream" or "View this post"
    (on Instagram): a first word in capitals, or not a common lower-case English word; one word alone
    ("Sweat") may be common, but not a pronoun ("Follow Me")."""
    words = name.split()
    first = words[0]
    if first.isupper():
        return True
    if len(words) == 1:
        return first.lower() not in ("me", "us", "this", "here")
    return first.lower() not in common_words()


def _copyright_owner(text: str) -> str | None:
    """The owner a copyright line names: the name it trades as, else the owner without years, legal
    forms, registration numbers and shop software (`_brand` then drops what a legal name appends)."""
    trading = _TRADING_AS.search(text)
    first = None if trading else _OWNER_FIRST.match(text)
    m = trading or first or _COPYRIGHT_OWNER.search(text)
    owner = _POWERED.sub("", m.group(1).split("®")[0].split("™")[0]).strip() if m else ""
    owner = _OWNER_TAIL.sub("", _REGISTRATION.sub("", _PARENT.sub("", owner)))
    if not owner or len(owner.split()) > 10 or _NOT_SITE.search(owner) or (first and owner.split()[0].lower() in _NOT_OWNER):
        return None
    return owner if trading else owner.removeprefix("The ").strip()  # a trading name as printed


def _brand(owner: str, joined: str) -> str:
    """The owner without the words a legal name appends to the brand ("Healthline Media" -> "Healthline"),
    when the page (`joined`: its lines, Scan.joined) also prints the brand alone, outside the full name, or
    without its web domain; otherwise the name stays whole. Names hold no "\n", so a count in the joined
    page is the sum of the lines' counts."""
    short = _OWNER_FORM.sub("", owner).strip()
    if short and short != owner:
        alone = joined.count(short) - joined.count(owner)
        return short if alone > 0 else owner
    # a domain ("Anatolia.com") is the brand when the page prints the bare name more often, and that name
    # is no common word ("Security.org" is not "Security")
    short = _DOMAIN.sub("", owner)
    if short == owner or short.lower() in common_words():
        return owner
    whole = joined.count(owner)
    return short if joined.count(short) - whole > whole else owner


def _about(scan: Scan) -> str | None:
    """The name in the site's own "About <Site>" link, the most frequent one when there are several."""
    counts: dict[str, int] = {}
    for k in scan.rows_with(("about ",), fold=True):
        m = _ABOUT.match(scan.texts[k])
        name = m.group(1) if m else ""
        # not the reader's or author's page, nor a flattened menu ("About UsContact UsCareers")
        if name.lower() not in _NOT_ABOUT and len(_GLUED_WORDS.findall(name)) < 2:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def _logo(scan: Scan) -> str | None:
    """The name in the page's header, where the logo stands: its first line that is not chrome ("Skip to
    content", "Search", "Facebook"), when it reads as a name and the page's footer repeats it, alone or as
    "<Name> is a ..."; or a logo's alt text near the top ("Anatolia Review - Logo")."""
    rows = scan.rows
    for k, ln in enumerate(rows[:LOGO_ROWS]):
        m = _LOGO.match(ln.text)
        if m:  # the alt text names the site by itself: "Site Logo" does not
            name = m.group(1)
            named = name[:1].isupper() and not _NOT_SITE.search(name) and BOILER_WORDS.isdisjoint(name.split())
            return name if named and (" " in name or name.lower() not in common_words()) else None
        if not BOILER_WORDS.isdisjoint(ln.tokens):
            continue
        if not _logo_name(ln):
            return None
        # the footer: the last rows, the second half of a short page
        tail = {t.lower() for t in scan.texts[max(k + 1, len(rows) // 2, len(rows) - FOOTER_ROWS):]}
        low = ln.text.lower()
        return ln.text if low in tail or any(t.startswith((low + " is a ", low + " is an ")) for t in tail) else None
    return None


def _logo_name(ln: Line) -> bool:
    """A logo's text: a few words, capitalised, no digits or address; one word is no common word ("Services"),
    several do not start with one ("Make a Gift"), unless in capitals."""
    text = ln.text
    if not 1 <= ln.ntok <= LOGO_WORDS or len(text) > 40 or not text[0].isupper() or any(map(str.isdigit, text)):
        return False
    # an address, a place ("Parkville, MO"), a choice ("Country/Region"), a link to the reader ("Work With Us")
    if any(c in text for c in "@,/") or _NOT_SITE.search(text) or not _MENU_WORDS.isdisjoint(w.lower() for w in ln.tokens):
        return False
    if ln.ntok == 1:
        return text.lower() not in common_words()
    return _names_something(text)


def _dateline_source(texts: list[str]) -> str | None:
    """An outlet name that opens several paragraphs as `Name - ...` / `Name—Opinion:` (agency style)."""
    counts: dict[str, int] = {}
    for text in texts:
        m = _SOURCE.match(text[:60]) if len(text) > 80 else None
        if m:
            counts[m.group(1).strip()] = counts.get(m.group(1).strip(), 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best and best[1] >= 2 and len(best[0].split()) >= 2 else None
