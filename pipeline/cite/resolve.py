"""`refers_to` for `Ibid.`, `Op. cit.` and short forms (`Kaleji, "Iran's SCO Membership".`).

A short form names an author and a shortened title; it refers to the latest earlier note holding a
full reference whose authors share its surnames and whose title holds most of the short title's
words. `Ibid.` refers to what the previous note refers to (or to the previous note itself).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.cite.fields import clean_pages, clean_title
from pipeline.cite.names import split_names

IBID = re.compile(r"^\s*(?:ibid|ibidem|id)\b\.?,?\s*(?P<rest>.*)$", re.I | re.S)
OPCIT = re.compile(r"^(?P<who>.{0,80}?)[,\s]*\b(?:op|loc)\.?\s*cit\b\.?,?\s*(?P<rest>.*)$", re.I | re.S)
SHORT = re.compile(r"^(?P<who>[^\"“”]{1,80}?)[,.]?\s+[\"“](?P<title>[^\"“”]{2,200})[\"”][.,]?(?P<rest>.*)$", re.S)
# what may follow a short title: nothing but a page reference
_REST = re.compile(r"^[\s,.;:]*(?:(?:pp?\.|pages?|at)\s*)?[\dxivlc\s,–—-]*[.\s]*$", re.I)
_NON_WORD = re.compile(r"[\W_]+")


def fold_words(text: str) -> list[str]:
    """Accent-, case- and punctuation-free words, so `Turkish–Iranian` matches `Turkish-Iranian`."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.casefold()).split()


def surnames(authors: list[str]) -> set[str]:
    """Folded surname words: the part before a comma, else the last word of each name."""
    out: set[str] = set()
    for name in authors:
        head = name.split(",")[0] if "," in name else (name.split() or [""])[-1]
        out.update(fold_words(head))
    return out


@dataclass
class Full:
    """A note that holds a full reference, as a short form would be matched against it."""

    note: int
    names: set[str] = field(default_factory=set)  # every folded word of every author name
    title: set[str] = field(default_factory=set)


def match(fulls: list[Full], authors: list[str], title: str | None, min_overlap: float) -> int | None:
    """The latest full note whose authors hold the short form's surnames and whose title holds
    at least `min_overlap` of the short title's words."""
    wanted = surnames(authors)
    words = set(fold_words(title or ""))
    for full in reversed(fulls):
        if wanted and not wanted <= full.names:
            continue
        if words and len(words & full.title) / len(words) < min_overlap:
            continue
        if wanted or words:
            return full.note
    return None


def short_form(raw: str) -> dict[str, object] | None:
    """Fields of a quoted short form (`Aras and Fidan, "Turkey and Eurasia," p. 201.`), or None."""
    found = SHORT.match(raw.strip())
    if not found or not _REST.match(found.group("rest")):
        return None
    rest = found.group("rest")
    return {
        "author": split_names(found.group("who")),
        "title": clean_title(found.group("title")),
        "pages": clean_pages(rest) if re.search(r"\d", rest) else None,
    }


def pages_of(rest: str) -> str | None:
    """Pages of an `Ibid., p. 4` remainder."""
    return clean_pages(rest) if re.search(r"\d", rest) else None
