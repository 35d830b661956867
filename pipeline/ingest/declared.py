"""What an HTML page declares about itself: title, authors, publication date and site name from its
`<meta>` tags (Open Graph, article:*, Dublin Core, citation_*) and its JSON-LD (schema.org Article).

Publishers write these for search engines and social cards, so they are the article's own values
and never a teaser's; trafilatura and htmldate read them first for the same reason. Only the
`<head>` is parsed (lxml), and JSON-LD blocks are found with one regex over the markup. Values that
do not parse (a date that is no date, an author that is a URL) are left out, not guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from pipeline.segment.dates import find_date  # the same date reading as the page text gets

_JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_HEAD_END = re.compile(r"</head\s*>", re.I)
_ISO = re.compile(r"^(?:19|20)\d\d-\d\d-\d\d")
_ARTICLE_TYPES = frozenset(("Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle",
                            "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "Blog", "WebPage"))
_TITLE_KEYS = ("og:title", "twitter:title", "citation_title", "dc.title")
_SITE_KEYS = ("og:site_name", "application-name", "citation_publisher", "dc.publisher")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "citation_publication_date", "citation_date",
              "dc.date.issued", "dc.date", "date", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
              "sailthru.date")
_AUTHOR_KEYS = ("citation_author", "author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
_NAMES = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
MAX_HEAD = 500_000  # characters searched for </head>: a page without one is parsed no further than this


@dataclass
class Declared:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    site: str | None = None


def declared(markup: str) -> Declared:
    meta, title = _head(markup)
    ld = _json_ld(markup)
    out = Declared()
    out.site = _first(meta, _SITE_KEYS) or ld.get("site")
    out.title = _strip_site(_first(meta, _TITLE_KEYS) or ld.get("title") or title, out.site)
    out.published = _date(ld.get("published")) or next((d for k in _DATE_KEYS for v in meta.get(k, []) if (d := _date(v))), None)
    names = ld.get("authors") or [n for k in _AUTHOR_KEYS for v in meta.get(k, []) for n in _NAMES.split(v)]
    out.authors = list(dict.fromkeys(n.strip() for n in names if _is_name(n.strip())))
    return out


def _head(markup: str) -> tuple[dict[str, list[str]], str | None]:
    """{meta name or property (lower case): its contents in order} and the <title> text."""
    end = _HEAD_END.search(markup, 0, MAX_HEAD)
    if end is None:
        return {}, None
    try:
        root = lxml_html.fromstring(markup[: end.end()] + "</html>")
    except (etree.ParserError, ValueError):
        return {}, None
    found: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = " ".join((el.get("content") or "").split())
        if key and value:
            found.setdefault(key, []).append(value)
    title = next((" ".join(el.text_content().split()) for el in root.iter("title")), None)
    return found, title or None


def _json_ld(markup: str) -> dict:
    """Headline, date, author names and publisher of the page's article in its JSON-LD: the first
    Article-like object, else the first WebPage object."""
    found: list[tuple[bool, dict]] = []
    for block in _JSON_LD.findall(markup):
        try:
            data = json.loads(block.strip())
        except (ValueError, RecursionError):  # RecursionError: arrays nested deeper than the parser goes
            continue
        for obj in _objects(data):
            kinds = obj.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & _ARTICLE_TYPES and (obj.get("headline") or obj.get("datePublished") or obj.get("author")):
                found.append(("WebPage" in kinds and not kinds & (_ARTICLE_TYPES - {"WebPage"}), obj))
    if not found:
        return {}
    obj = min(found, key=lambda f: f[0])[1]  # an article before a web page, each in page order
    publisher = obj.get("publisher")
    return {"title": _text(obj.get("headline")), "published": _text(obj.get("datePublished")),
            "authors": _person_names(obj.get("author")),
            "site": _text(publisher.get("name")) if isinstance(publisher, dict) else None}


def _objects(data: object) -> list[dict]:
    """The dicts of a JSON-LD value in document order: itself, list items and @graph members, iteratively
    (a hostile page may nest them deeper than Python's recursion limit)."""
    out: list[dict] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list | dict):
                stack.append(graph)
    return out


def _person_names(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = [_text(i.get("name")) if isinstance(i, dict) else _text(i) for i in items]
    return [n for n in names if n]


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    return next((meta[k][0] for k in keys if k in meta), None)


def _date(value: str | None) -> str | None:
    """An ISO date (from an ISO timestamp) or a date as printed; None when it is neither."""
    if not value:
        return None
    # a timestamp's date alone: the "T" after it would hide it from find_date's word boundary
    m = _ISO.match(value.strip())
    found = find_date(m.group() if m else value)
    return found[0] if found else None


def _is_name(name: str) -> bool:
    return 1 < len(name) <= 80 and not name.startswith(("http", "www.", "@")) and "/" not in name


def _strip_site(title: str | None, site: str | None) -> str | None:
    """A title without the site's name around it ("Headline | Site", "Site - Headline"): <title> has it, og:title often."""
    if not title or not site:
        return title
    for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
        if title.endswith(sep + site):
            return title[: -len(sep + site)].strip() or title
        if title.startswith(site + sep):
            return title[len(site + sep) :].strip() or title
    return title
