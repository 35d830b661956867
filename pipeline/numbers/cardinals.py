"""Well-formed English cardinals and ordinals over number tokens: "two hundred and two thousand",
"three lakh crore", "one hundred twenty-fifth". Returns None for what is not one number."""

from __future__ import annotations

import math
from typing import NamedTuple

from pipeline.numbers.tokens import Tok


class Parsed(NamedTuple):  # immutable; a NamedTuple is built several times faster than a frozen dataclass
    value: float
    kind: str  # cardinal | ordinal | fraction | decade
    scale: float = 0.0  # largest scale word used (range ends share it: "2 to 3 million")
    ratio: bool = False  # "1 over 3", "one out of five": needs a bare context


def cardinal(toks: list[Tok]) -> tuple[float, float] | None:
    """Value and last scale of a well-formed cardinal, or None ("twenty twenty", "hundred")."""
    total, cur, small, last_scale, top = 0.0, 0.0, 0.0, math.inf, 0.0
    has_h = False
    prev = ""
    n = len(toks)
    for i, t in enumerate(toks):
        k = t.kind
        if k == "A":
            if i != 0 or n == 1 or toks[1].kind not in ("H", "S", "Z"):
                return None
        elif k == "D":
            if "f" in t.flags or "c" in t.flags or prev not in ("", "S", "AND", "H"):
                return None
            if (prev == "H" and t.value >= 100) or (prev == "S" and t.value >= last_scale):
                return None
            if ("e" in t.flags or "p" not in t.flags) and i + 1 < n and toks[i + 1].kind in ("D", "U", "T", "Y"):
                return None
            cur += t.value
            small = t.value
        elif k in ("U", "T", "Y"):
            if prev == "Y" and k == "U" and toks[i - 1].value % 10 == 0:
                small += t.value
            elif prev in ("", "H", "AND", "S"):
                small = t.value
            else:
                return None
            cur += t.value
        elif k == "H":
            if t.plural and prev == "A" or has_h or prev not in ("A", "U", "T", "Y", "D"):
                return None
            cur = 100.0 if prev == "A" else cur * 100
            has_h, small = True, 0.0
        elif k == "S":
            if t.plural and prev == "A" or "a" in t.flags and prev != "D":
                return None
            if prev == "S" and cur == 0 and t.value > top:  # "three lakh crore", "a thousand million"
                total *= t.value
                top = t.value
            elif prev in ("A", "U", "T", "Y", "D", "H", "Z") and t.value < last_scale:
                total += (cur or 1.0) * t.value
                cur, has_h, last_scale, top = 0.0, False, t.value, max(top, t.value)
            else:
                return None
        elif k == "Z":
            if prev == "A":
                cur, small = cur + 12, 12.0
            elif prev in ("U", "T", "Y", "D"):
                cur, small = cur + small * 11, small * 12
            else:
                return None
        elif k == "AND":
            if prev not in ("H", "S") or i == n - 1:
                return None
            small = 0.0
        else:
            return None
        prev = k
    if prev in ("", "A", "AND"):
        return None
    return total + cur, (0.0 if last_scale == math.inf else last_scale)


def ordinal_value(toks: list[Tok]) -> float | None:
    """Value of a well-formed ordinal whose last token is an ordinal word ("one hundred twenty-fifth")."""
    last = toks[-1]
    if len(toks) == 1:
        return last.value
    if any(t.kind == "D" for t in toks):
        return None  # "280 million first preferred notes": nobody writes "3 hundred twenty-fifth"
    stand_in = Tok(last.as_kind, last.value, last.start, last.end, last.text)
    got = cardinal(toks[:-1] + [stand_in])
    return got[0] if got else None
