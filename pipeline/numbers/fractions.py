"""Fractions and decimals in words: "two thirds", "a hundred trillionths", "one one hundred fifth",
mixed numbers ("one hundred and three quarters"), scaled fractions ("half a million"), "point zero three"."""

from __future__ import annotations

from pipeline.numbers.cardinals import Parsed, cardinal, ordinal_value
from pipeline.numbers.tokens import Tok


def fraction_term(toks: list[Tok]) -> float | None:
    """numerator + denominator: "two thirds", "a hundred trillionths", "one one hundred fifth"."""
    last = toks[-1]
    head = toks[:-1]
    if last.kind in ("HALF", "QTR"):
        if not head or [t.kind for t in head] == ["A"]:
            return 1.0 / last.value
        got = cardinal(head)
        return got[0] / last.value if got else None
    for k in range(1, len(toks)):  # the longest denominator that leaves a numerator
        if toks[k].kind in ("H", "S", "AND", "A") or toks[k - 1].kind == "AND":
            continue
        den = ordinal_value(toks[k:])
        if not den:
            continue
        num_toks = toks[:k]
        num = 1.0 if [t.kind for t in num_toks] == ["A"] else (cardinal(num_toks) or (None,))[0]
        if num is None or (not last.plural and num != 1):
            continue
        return num / den
    return None


def is_fraction_word(toks: list[Tok], i: int) -> bool:
    t = toks[i]
    if t.kind in ("HALF", "QTR") or (t.kind == "O" and t.plural):
        return True
    return t.kind == "O" and i > 0 and (toks[i - 1].kind == "A" or (toks[i - 1].kind == "U" and toks[i - 1].value == 1))


def with_fraction(toks: list[Tok], f: int) -> Parsed | None:
    head, tail = toks[: f + 1], [t.kind for t in toks[f + 1:]]
    if tail == ["S"] and "a" not in toks[-1].flags:
        mult = toks[-1].value
    elif tail == ["OF", "A", "S"]:
        mult = toks[-1].value
    elif tail == ["A", "Z"] and len(head) == 1 and head[0].kind == "HALF":
        mult = 12.0
    elif tail:
        return None
    else:
        mult = 1.0
    if f >= 2 and toks[f - 2].kind == "AND" and toks[f - 1].kind in ("A", "U"):
        got = cardinal(toks[: f - 2])  # a mixed number: "one hundred and three quarters"
        frac = fraction_term(toks[f - 1: f + 1])
        if got is None or frac is None:
            return None
        whole, scale = got
        if mult > 1:
            value = whole + frac * mult if scale > mult else (whole + frac) * mult
        else:
            value = whole + frac * scale if scale >= 1e6 else whole + frac
        big = max(scale, mult if mult > 1 else 0.0)
        return Parsed(value, "cardinal" if big else "fraction", big)
    if len(head) == 1 and head[0].kind == "QTR" and mult == 1:
        return None  # a bare "quarter" is a period of time, not 0.25
    frac = fraction_term(head)
    if frac is None:
        return None
    return Parsed(frac * mult, "cardinal" if mult > 1 else "fraction", mult if mult > 1 else 0.0)


def point_decimal(toks: list[Tok], i: int) -> Parsed | None:
    """"two hundred point zero three": digits after `point` are read one word at a time."""
    whole = cardinal(toks[:i]) if i else (0.0, 0.0)
    digits = ""
    for t in toks[i + 1:]:
        if t.kind not in ("U", "T", "Y") and not (t.kind == "D" and "p" in t.flags):
            return None
        digits += str(int(t.value))
    if whole is None or not digits:
        return None
    return Parsed(whole[0] + float("0." + digits), "cardinal")
