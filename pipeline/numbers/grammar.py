"""English number grammar over the tokens of one phrase: cardinals, ordinals, fractions, decimals.

`segment` cuts a phrase into numbers ("4000 3 hundred and 21" is two, "three-nought-four" three),
choosing the cut that leaves the fewest number tokens unused, then the fewest numbers.
"""

from __future__ import annotations

from pipeline.numbers.cardinals import Parsed, cardinal, ordinal_value
from pipeline.numbers.fractions import fraction_term, is_fraction_word, point_decimal, with_fraction
from pipeline.numbers.tokens import Tok

_NUMERAL = {"D", "U", "T", "Y", "H", "S", "Z", "O", "OD", "HALF", "QTR"}
_FIRST = _NUMERAL | {"A", "NEG"}  # kinds a number may start with
_MAX_TOKENS = 16  # no English number needs more words; bounds the quadratic search


def evaluate(toks: list[Tok]) -> Parsed | None:
    """The one number these tokens spell, or None."""
    if len(toks) == 1 and toks[0].kind == "D":  # most numbers: one digit token, decided before the kinds list
        return _digits(toks[0])
    if not toks or toks[0].kind not in _FIRST or toks[-1].kind not in _NUMERAL:
        return None
    if toks[0].kind == "NEG":
        inner = evaluate(toks[1:])
        return Parsed(-inner.value, inner.kind, inner.scale, inner.ratio) if inner and inner.kind != "ordinal" else None
    kinds = [t.kind for t in toks]
    for sep in ("OVER", "OUTOF", "IN"):
        if sep in kinds:
            i = kinds.index(sep)
            a, b = cardinal(toks[:i]), cardinal(toks[i + 1:])
            if a is None or b is None or b[0] == 0 or (sep != "OVER" and a[0] >= b[0]):
                return None
            if sep == "IN" and (b[0] > 1000 or toks[-1].kind == "D" and 1000 <= b[0]):
                return None
            return Parsed(a[0] / b[0], "fraction", ratio=sep != "OUTOF")
    if "POINT" in kinds:
        return point_decimal(toks, kinds.index("POINT"))
    if kinds == ["OD"]:
        return Parsed(toks[0].value, "ordinal")
    if kinds == ["D", "D"] and toks[0].flags == "p" and "f" in toks[1].flags:
        return Parsed(toks[0].value + toks[1].value, "fraction")  # "2 1/4"
    fractions = [i for i in range(len(toks)) if is_fraction_word(toks, i)]
    if len(fractions) == 1:
        return with_fraction(toks, fractions[0])
    if fractions:
        return None
    if kinds[-1] == "O":
        value = ordinal_value(toks)
        if value:
            return Parsed(value, "ordinal")
        if len(toks) > 2 and (kinds[0] == "A" or (kinds[0] == "U" and toks[0].value == 1)):
            frac = fraction_term(toks)  # "one one hundred fifth" = 1/105
            return Parsed(frac, "fraction") if frac else None
        return None
    got = cardinal(toks)
    return Parsed(got[0], "cardinal", _largest_scale(toks)) if got else None


def _digits(t: Tok) -> Parsed:
    return Parsed(t.value, "fraction" if "f" in t.flags else "decade" if "c" in t.flags else "cardinal")


def _largest_scale(toks: list[Tok]) -> float:
    return max((t.value for t in toks if t.kind == "S"), default=0.0)


def segment(toks: list[Tok], allow_ratio: bool = True) -> list[tuple[int, int, Parsed]]:
    """Cut tokens into numbers: fewest unused number tokens, then fewest numbers (dynamic programming)."""
    n = len(toks)
    if n == 1:  # the common case; what the search below gives for one token (a lone connector never parses)
        parsed = evaluate(toks)
        return [] if parsed is None or (parsed.ratio and not allow_ratio) else [(0, 1, parsed)]
    # cost: (number tokens left out, numbers, connectors left out): "a third" beats "third"
    best: list[tuple[tuple[int, int, int], list[tuple[int, int, Parsed]]]] = [((0, 0, 0), [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        numeral = toks[i].kind in _NUMERAL
        cost, segs = best[i + 1]
        choice = ((cost[0] + numeral, cost[1], cost[2] + (not numeral)), segs)
        for j in range(i + 1, min(n, i + _MAX_TOKENS) + 1):
            parsed = evaluate(toks[i:j])
            if parsed is None or (parsed.ratio and not allow_ratio):
                continue
            c, s = best[j]
            cand = ((c[0], c[1] + 1, c[2]), [(i, j, parsed)] + s)
            if cand[0] < choice[0]:
                choice = cand
        best[i] = choice
    return best[0][1]
