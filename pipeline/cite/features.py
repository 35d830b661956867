"""Tokens of a reference string and the CRF features of each token (in the spirit of AnyStyle's).

Tokens are whitespace-separated words, as AnyStyle labels them, so a label covers whole words and
the punctuation glued to them. Features describe the word itself, its punctuation, simple
dictionaries (months, name particles, publisher and container words), its place in the reference,
whether it stands inside quotes or parentheses, and the same for its neighbours.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"\S+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_YEAR = re.compile(r"^\(?\[?(1[5-9]\d\d|20\d\d)[a-z]?[\])]?[.,;:]?\)?[.,;:]?$")
_RANGE = re.compile(r"\d+\s*[-–—‐]+\s*\d+")
_INITIALS = re.compile(r"^(?:[A-Z]\.-?){1,3}[,;:]?$|^[A-Z][,;]?$")
_URLISH = re.compile(r"^<?(?:https?://|www\.|doi:|urn:)|\.(?:com|org|net|edu|gov|html?|pdf)\b", re.I)
_OPEN_QUOTES = "\"“„«"
_CLOSE_QUOTES = "\"”»"
_OPEN_SINGLE = "‘'"
_CLOSE_SINGLE = "’'"

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# Word lists stand in for AnyStyle's dictionaries: cue words that mark a field's start or kind.
_CUES = {
    "vol": "volume", "vols": "volume", "volume": "volume", "v": "volume", "bd": "volume", "band": "volume",
    "no": "issue", "nr": "issue", "num": "issue", "number": "issue", "issue": "issue", "heft": "issue",
    "pp": "pages", "p": "pages", "pages": "pages", "page": "pages", "s": "pages",
    "ed": "editor", "eds": "editor", "edited": "editor", "editor": "editor", "editors": "editor", "hrsg": "editor",
    "trans": "translator", "translated": "translator", "in": "in", "et": "etal", "al": "etal",
    "press": "publisher", "university": "publisher", "verlag": "publisher", "publishers": "publisher",
    "publishing": "publisher", "books": "publisher", "inc": "publisher", "ltd": "publisher", "co": "publisher",
    "journal": "journal", "proceedings": "journal", "proc": "journal", "review": "journal", "quarterly": "journal",
    "conference": "journal", "symposium": "journal", "transactions": "journal", "bulletin": "journal",
    "retrieved": "note", "accessed": "note", "available": "note", "doi": "doi", "isbn": "isbn",
    "thesis": "genre", "dissertation": "genre", "report": "genre", "phd": "genre",
    "edition": "edition", "edn": "edition", "n.d": "date", "nd": "date",
}


def tokenize(raw: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every whitespace-separated word of `raw`."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(raw)]


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _shape(word: str) -> str:
    """Compressed character classes: `Smith,` -> `Xx,`, `1999).` -> `d).`."""
    out: list[str] = []
    for ch in word:
        cls = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)[:8]


@lru_cache(maxsize=1 << 16)
def word_features(word: str) -> dict[str, str | float]:
    """Features of one word alone (no context)."""
    core = _EDGE_PUNCT.sub("", word)
    low = _strip_accents(core).lower()
    feats: dict[str, str | float] = {
        "w": low[:20],
        "shape": _shape(word),
        "p1": low[:1], "p3": low[:3], "s2": low[-2:], "s3": low[-3:],
        "last": word[-1:] if not word[-1:].isalnum() else "_",
        "first": word[:1] if not word[:1].isalnum() else "_",
        "len": str(min(len(core), 12)),
    }
    feats["cap"] = "A" if core.isupper() and len(core) > 1 else "C" if core[:1].isupper() else "n" if core[:1].isdigit() else "l"
    if _YEAR.match(word):
        feats["year"] = 1.0
    if core.isdigit():
        feats["digits"] = str(min(len(core), 5))
    elif any(c.isdigit() for c in core):
        feats["hasdigit"] = 1.0
    if _RANGE.search(word):
        feats["range"] = 1.0
    if _INITIALS.match(word):
        feats["initial"] = 1.0
    if _URLISH.search(word):
        feats["url"] = 1.0
    if low in MONTHS or low.rstrip(".") in MONTHS:
        feats["month"] = 1.0
    cue = _CUES.get(low) or _CUES.get(low.rstrip("."))
    if cue:
        feats["cue"] = cue
    if word[:1] in _OPEN_QUOTES:
        feats["oq"] = 1.0
    if word.rstrip(".,;:")[-1:] in _CLOSE_QUOTES or word[-1:] in _CLOSE_QUOTES:
        feats["cq"] = 1.0
    if word[:1] in _OPEN_SINGLE:
        feats["osq"] = 1.0
    if word.rstrip(".,;:?!")[-1:] in _CLOSE_SINGLE:
        feats["csq"] = 1.0
    if "(" in word or "[" in word:
        feats["op"] = 1.0
    if ")" in word or "]" in word:
        feats["cp"] = 1.0
    return feats


def _ends_segment(word: str, feats: dict[str, str | float]) -> bool:
    """A word closing one of the style's period-separated parts (not an initial like `J.`)."""
    return word.endswith((".", "?", "!", ".\"", ".”")) and "initial" not in feats and len(word) > 3


def _ends_part(word: str) -> bool:
    """A word closing a comma, semicolon or colon part (or a period-separated one)."""
    return word[-1:] in ",;:." or word[-2:] in (",\"", ",”", ".\"", ".”")


def _attr(key: str, value: str | float) -> bytes:
    """A feature as a crfsuite attribute: `key=value` for a string, the bare key for a flag. In UTF-8
    bytes, as crfsuite keeps them: it takes bytes as they are, where it encodes every str it is given."""
    return (f"{key}={value}" if isinstance(value, str) else key).encode()


def _summary(part: list[int], base: list[dict[str, str | float]], tag: str) -> dict[str, str | float]:
    """Make-up of one part: share of capitalised words, year, digits, size and cue words."""
    alpha = [j for j in part if base[j]["cap"] in ("C", "l", "A")]
    caps = sum(base[j]["cap"] != "l" for j in alpha) / max(len(alpha), 1)
    summary: dict[str, str | float] = {
        f"{tag}cap": str(round(caps * 4)),
        f"{tag}len": str(min(len(part), 8) // 2),
        f"{tag}year": str(any("year" in base[j] for j in part)),
        f"{tag}dig": str(any("digits" in base[j] for j in part)),
        f"{tag}in": str(base[part[0]].get("cue") == "in"),
    }
    # a cue word anywhere in the part (`Press`, `Journal`) speaks for all of its words
    for j in part:
        if "cue" in base[j]:
            summary[f"{tag}cue={base[j]['cue']}"] = 1.0
    return summary


def _segment_features(words: list[str], base: list[dict[str, str | float]], ends: list[bool]) -> list[list[bytes]]:
    """Per word, the attributes summing up its period-separated part (one list shared by the part;
    `ends[i]`: word i closes a part, `_ends_segment`).

    Journal names are Title Case, APA titles sentence case: the part's make-up tells them apart.
    """
    out: list[list[bytes]] = []
    parts: list[list[int]] = [[]]
    for i in range(len(words)):
        parts[-1].append(i)
        if ends[i] and i < len(words) - 1:
            parts.append([])
    for k, part in enumerate(parts):
        summary = _summary(part, base, "seg")
        # counted from the end too: publisher and date close a book reference, pages an article's
        summary["rseg"] = str(min(len(parts) - 1 - k, 4))
        attrs = [_attr(key, value) for key, value in summary.items()]
        out.extend(attrs for _ in part)
    return out


_NEIGHBOUR_VALUES = ("w", "shape", "last", "cap", "cue")
_NEIGHBOUR_FLAGS = ("year", "month", "initial", "oq", "cq", "osq", "csq", "url")
_OFFSETS = (-2, -1, 1, 2)
_EDGES = tuple(f"{off}:edge".encode() for off in _OFFSETS)
_AFTER_CUES = ("in", "editor", "pages", "volume")
# attributes of small counters, made once
_SEG = tuple(f"seg={k}".encode() for k in range(7))
_POS = tuple(f"pos={k}".encode() for k in range(10))
_IDX = tuple(f"idx={k}".encode() for k in range(7))
_RIDX = tuple(f"ridx={k}".encode() for k in range(7))
_CPART = tuple(f"cpart={k}".encode() for k in range(5))


class _Word(NamedTuple):
    """What `sequence_features` needs of one word, built once per distinct word (references repeat
    their words) instead of once per word and per neighbour."""
    feats: dict[str, str | float]
    bigram: bytes  # its `w` value, as the half of a `bi=` attribute
    own: list[bytes]  # its own attributes
    shown: tuple[list[bytes], ...]  # its attributes as the neighbour at each of `_OFFSETS`
    ends_segment: bool
    ends_part: bool
    marks: frozenset[str]  # what it adds to the `after_` marks of the words that follow it


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> _Word:
    feats = word_features(word)
    shown = tuple([_attr(f"{off}:{key}", feats[key]) for key in _NEIGHBOUR_VALUES if key in feats]
                  + [f"{off}:{key}".encode() for key in _NEIGHBOUR_FLAGS if key in feats] for off in _OFFSETS)
    marks = {mark for mark in ("year", "cq", "url", "month") if mark in feats}
    if feats.get("cue") in _AFTER_CUES:
        marks.add(str(feats["cue"]))
    return _Word(feats, str(feats["w"]).encode(), [_attr(key, value) for key, value in feats.items()], shown,
                 _ends_segment(word, feats), _ends_part(word), frozenset(marks))


def sequence_features(words: list[str]) -> list[list[bytes]]:
    """Features of every word with its place in the reference and its neighbours' features,
    as crfsuite attributes (`w=press`, `year`, in UTF-8): they cross into C faster than dicts or str.
    Attributes come in a fixed order (own, part, place, neighbours, comma part, bigram): crfsuite
    sums weights in that order, so the same order keeps its scores bit for bit."""
    infos = [_word(w) for w in words]
    segs = _segment_features(words, [w.feats for w in infos], [w.ends_segment for w in infos])
    n = len(words)
    out: list[list[bytes]] = []
    in_quote = in_single = in_paren = False
    segment, cpart = 0, 0
    seen: frozenset[str] = frozenset()
    after: list[bytes] = []
    previous: _Word | None = None
    for i, info in enumerate(infos):
        feats = info.feats
        item = info.own + segs[i]
        # where the word stands in the style's period-separated sequence (author. title. container.)
        item.append(_SEG[min(segment, 6)])
        item += after
        item += (_POS[min(9, 10 * i // n)], _IDX[min(i, 6)], _RIDX[min(n - 1 - i, 6)])
        opens = "oq" in feats and not in_quote
        if in_quote or opens:
            item.append(b"inq")
        in_quote = (in_quote or opens) and "cq" not in feats
        sopens = "osq" in feats and not in_single
        if in_single or sopens:
            item.append(b"insq")
        in_single = (in_single or sopens) and "csq" not in feats
        if in_paren or "op" in feats:
            item.append(b"inp")
        in_paren = (in_paren or "op" in feats) and "cp" not in feats
        for k, off in enumerate(_OFFSETS):
            j = i + off
            if 0 <= j < n:
                item += infos[j].shown[k]
            else:
                item.append(_EDGES[k])
        # comma-separated parts inside the period-separated one: `Paris: Seuil, 2007` vs a title's commas
        item.append(_CPART[min(cpart, 4)])
        if previous is None or previous.ends_part:
            item.append(b"pstart")
        if info.ends_part:
            item.append(b"pend")
        if previous is not None:
            item.append(b"bi=" + previous.bigram + b"|" + info.bigram)
        out.append(item)
        if info.ends_segment:
            segment += 1
            cpart = 0
        elif info.ends_part:
            cpart += 1
        if not info.marks <= seen:  # sorted: set order varies per process and would reorder the model file
            seen |= info.marks
            after = [f"after_{mark}".encode() for mark in sorted(seen)]
        previous = info
    return out
