"""English number words: what each word contributes to the grammar (pipeline/numbers/grammar.py).

Token kinds: U units 0-9, T teens, Y tens, H hundred, S scales, Z dozen, O ordinals (fraction
denominators when plural), HALF/QTR fraction words, and connectors (AND, A, POINT, OVER, OUT, OF,
IN, NEG) that only count when a number follows them.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Word(NamedTuple):
    kind: str
    value: float
    as_kind: str = ""  # for ordinals: the cardinal kind the ordinal stands in for (U T Y H S)
    plural: bool = False


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
              "seventeenth", "eighteenth", "nineteenth"]
_ORD_TENS = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}

WORDS: dict[str, Word] = {}
for _i, _w in enumerate(_UNITS):
    WORDS[_w] = Word("U", _i)
WORDS["nought"] = WORDS["naught"] = Word("U", 0)
for _i, _w in enumerate(_TEENS):
    WORDS[_w] = Word("T", 10 + _i)
for _i, _w in enumerate(_TENS):
    WORDS[_w] = Word("Y", 20 + 10 * _i)
WORDS["hundred"] = Word("H", 100)
WORDS["hundreds"] = Word("H", 100, plural=True)
for _w, _v in _SCALES.items():
    WORDS[_w] = Word("S", _v)
    WORDS[_w + "s"] = Word("S", _v, plural=True)
for _w in ("dozen", "dozens", "dz", "dzs", "doz", "dozs"):
    WORDS[_w] = Word("Z", 12, plural=_w.endswith("s"))


def _ordinal(word: str, value: float, as_kind: str) -> None:
    WORDS[word] = Word("O", value, as_kind)
    # "seconds" is a time unit, never "two seconds" = 2/2: only the singular is an ordinal
    if word != "second":
        WORDS[word + "s"] = Word("O", value, as_kind, plural=True)


for _i, _w in enumerate(_ORD_UNITS[1:], start=1):
    _ordinal(_w, _i, "U")
_ordinal("nineth", 9, "U")  # a frequent misspelling of "ninth"
for _i, _w in enumerate(_ORD_TEENS):
    _ordinal(_w, 10 + _i, "T")
for _i, _w in enumerate(_ORD_TENS):
    _ordinal(_w, 20 + 10 * _i, "Y")
_ordinal("hundredth", 100, "H")
for _w, _v in _SCALES.items():
    _ordinal(_w + "th", _v, "S")

WORDS["half"] = Word("HALF", 2)
WORDS["halves"] = Word("HALF", 2, plural=True)
WORDS["quarter"] = Word("QTR", 4)
WORDS["quarters"] = Word("QTR", 4, plural=True)

CONNECTORS: dict[str, str] = {
    "and": "AND", "a": "A", "an": "A", "point": "POINT", "over": "OVER", "out": "OUT", "of": "OF",
    "in": "IN", "minus": "NEG", "negative": "NEG",
}

# Scale abbreviations, valid only right after digits; case matters ("10M" million, "10m" metres).
# GLUED_ONLY ones are too ambiguous with a space before them ("Plan B", "5 t").
ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mn": 1e6, "Mn": 1e6, "mln": 1e6, "mil": 1e6,
    "bn": 1e9, "Bn": 1e9, "BN": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12,
}
GLUED_ONLY = {"b", "B", "tn", "trn"}

ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}


def trie_regex(words: list[str]) -> str:
    """One regex alternation shaped as a trie: Python's `re` tries alternatives one by one, and a
    trie keeps the number of attempts per position small (the scanner runs over every character)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


# Words that can start a numeric mention: every number word except connectors.
TRIGGER_WORDS = sorted(WORDS)

# re.IGNORECASE also matches these to ASCII letters, where str.lower() leaves them apart: a word
# the case-blind patterns accept must be looked up under the same folding ("dayſ" is "days").
_FOLD = str.maketrans({"ſ": "s", "\u212a": "k", "ı": "i", "İ": "i"})


def fold(word: str) -> str:
    """The look-up key of a word matched case-insensitively."""
    return word.translate(_FOLD).lower()
