"""Split an author span (`Romero, C., Paunesku, D., & Dweck, C.`) into one string per person.

Hand-written because name-parsing libraries (nameparser, probablepeople) parse ONE name; the hard
part here is where one name ends in a comma-separated list, which they do not decide.
"""

from __future__ import annotations

import re

_DROP = re.compile(r"\bet\s+al\b\.?|\(eds?\.?\)|\beds?\.(?=\s|$)|^\s*by\s+", re.I)
_SPLIT = re.compile(r"\s*;\s*|\s*&\s*|,?\s+(?:and|und|et|y)\s+", re.I)
# a piece that is only initials or a suffix belongs to the surname before it: `Romero, C.`
_GIVEN = re.compile(r"^(?:(?:[A-Z]\.?\s?-?){1,4}|Jr\.?|Sr\.?|II|III|IV)$")
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")
_GIVEN_WORDS = re.compile(r"^[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.?|[A-Z][a-z'’-]+))*\.?$")
_EDGE = " ,;:\"'“”*_"
_PARTICLES = {"de", "di", "da", "del", "della", "van", "von", "der", "den", "le", "la", "du", "dos", "ten", "ter", "al", "el", "bin"}


def _surname_only(piece: str) -> bool:
    words = piece.split()
    return len(words) == 1 or (len(words) <= 3 and words[0].lower() in _PARTICLES)


def _tidy(name: str) -> str:
    name = name.strip(_EDGE)
    # keep the period of a final initial (`Dweck, C.`), drop the one the citation style added
    if name.endswith(".") and not re.search(r"(?:\b[A-Z]|Jr|Sr)\.$", name):
        name = name[:-1]
    return name.strip(_EDGE)


def split_names(span: str) -> list[str]:
    """Personal or corporate names in reading order; `et al.` and editor marks are dropped."""
    text = _DROP.sub(" ", span).strip(_EDGE)
    names: list[str] = []
    parts = [p for p in _SPLIT.split(text) if p and p.strip(_EDGE + ".")]
    for part in parts:
        pieces = [p for p in (p.strip(_EDGE) for p in part.split(",")) if p.strip(".")]
        if len(pieces) > 1 and all(not _surname_only(p) for p in pieces):
            names.extend(pieces)  # `John Smith, Jane Doe`: commas separate whole names
            continue
        i = 0
        while i < len(pieces):
            if _SUFFIX.match(pieces[i]) and names:
                names[-1] = f"{names[-1]}, {pieces[i]}"  # `Ferren, W. R., Jr.` is one person
                i += 1
                continue
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            given = nxt is not None and _surname_only(pieces[i]) and (
                _GIVEN.match(nxt) or _GIVEN_WORDS.match(nxt)
            )
            names.append(f"{pieces[i]}, {nxt}" if given else pieces[i])
            i += 2 if given else 1
    return [n for n in map(_tidy, names) if n]
