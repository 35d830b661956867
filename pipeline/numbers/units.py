"""What may stand before or after a number: currencies (ISO 4217), percent signs and words, units.

Money values are given in the currency's main unit: `50 cents` is 0.5 USD and `10 tomans` is
100 IRR (a toman is ten rials), so amounts add up without knowing the surface form.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.numbers.currencies import (
    ADJECTIVE_ISO,
    CODES,
    LOWER_CODES,
    NAMES,
    NEEDS_ADJECTIVE,
    PREFIX_SYMBOLS,
    SUFFIX_SYMBOLS,
)
from pipeline.numbers.lexicon import fold, trie_regex


class Affix(NamedTuple):
    kind: str  # money | percent | quantity
    unit: str | None
    factor: float  # money: major units per written unit; scale: multiplier for "m" after a currency
    start: int
    end: int


# Units of measure and time spans -> the symbol or name we report (CONTRACT: `km`, `t`, `bbl/d`).
UNIT_WORDS: dict[str, str] = {}
for _unit, _forms in {
    "km": "km|kilometre|kilometres|kilometer|kilometers", "m": "metre|metres|meter|meters",
    "cm": "centimetre|centimetres|centimeter|centimeters", "mm": "millimetre|millimetres|millimeter|millimeters",
    "mi": "mile|miles", "nmi": "nautical mile|nautical miles", "ft": "foot|feet", "in": "inch|inches",
    "km2": "square kilometre|square kilometres|square kilometer|square kilometers|sq km",
    "m2": "square metre|square metres|square meter|square meters", "ha": "hectare|hectares", "acre": "acre|acres",
    "kg": "kilogram|kilograms|kilogramme|kilogrammes|kilo|kilos", "g": "gram|grams|gramme|grammes",
    "t": "tonne|tonnes|ton|tons|metric ton|metric tons", "lb": "lb|lbs", "oz": "ounce|ounces",
    "l": "litre|litres|liter|liters", "bbl": "barrel|barrels|bbl", "gal": "gallon|gallons",
    "m3": "cubic metre|cubic metres|cubic meter|cubic meters", "bcm": "bcm", "tcf": "tcf",
    "bbl/d": "bpd|barrels per day|barrels a day|barrel per day|b/d", "MW": "megawatt|megawatts",
    "GW": "gigawatt|gigawatts", "kW": "kilowatt|kilowatts", "MWh": "megawatt-hours|megawatt hours",
    "kWh": "kilowatt-hours|kilowatt hours", "km/h": "kilometres per hour|kilometers per hour|kph",
    "mph": "miles per hour|mph", "kn": "knot|knots", "°C": "degrees Celsius|degree Celsius",
    "year": "year|years|yr|yrs", "month": "month|months", "week": "week|weeks", "day": "day|days",
    "hour": "hour|hours|hr|hrs", "minute": "minute|minutes|min|mins", "second": "second|seconds|sec|secs",
    "decade": "decade|decades", "century": "century|centuries", "pp": "percentage point|percentage points",
}.items():
    for _form in _forms.split("|"):
        UNIT_WORDS[_form.lower()] = _unit
# Symbols are case-sensitive (`MW` megawatt, `mW` would be milliwatt; `m` metre but `M` million).
UNIT_SYMBOLS: dict[str, str] = {
    "km": "km", "m": "m", "cm": "cm", "mm": "mm", "km2": "km2", "km²": "km2", "m2": "m2", "m²": "m2",
    "kg": "kg", "t": "t", "g": "g", "l": "l", "L": "l", "ml": "ml", "mL": "ml", "m3": "m3", "m³": "m3",
    "MW": "MW", "GW": "GW", "kW": "kW", "TW": "TW", "MWh": "MWh", "GWh": "GWh", "kWh": "kWh", "TWh": "TWh",
    "bcm": "bcm", "bpd": "bbl/d", "mb/d": "Mbbl/d", "kb/d": "kbbl/d", "b/d": "bbl/d", "°C": "°C", "°F": "°F",
    "km/h": "km/h", "mph": "mph", "ha": "ha", "kt": "kt", "Mt": "Mt",
}
# Letters allowed right after digits: "10km", "5bn", "115USD"; anything else glued makes a name.
GLUED_UNIT_OK = set(UNIT_SYMBOLS) | set(CODES) | set(SUFFIX_SYMBOLS) | {"MUSD", "MEUR", "MGBP", "bpd", "yr", "yrs", "hr", "hrs", "pct"}

_HSPACE = r"[ \t\u00a0\u202f]"
_HSPACE_CHARS = " \t\u00a0\u202f"
_PERCENT = re.compile(
    _HSPACE + r"?(?:%|(?:per[ -]?cent|percent)(?:s|age)?\b(?![ -]points?)|pct\b)", re.IGNORECASE)
_UNIT_WORD = re.compile(
    rf"(?:{_HSPACE}+|{_HSPACE}*-)(?P<w>{trie_regex(sorted(UNIT_WORDS, key=len, reverse=True))})\b", re.IGNORECASE)
_UNIT_SYMBOL = re.compile(rf"{_HSPACE}?(?P<w>{trie_regex(sorted(UNIT_SYMBOLS))})(?![\w/])")
_RATE = re.compile(rf"{_HSPACE}*(?:/|per{_HSPACE}+|a{_HSPACE}+)(?P<w>day|d|year|yr|annum|month|week|hour|h)\b")
_RATE_UNIT = {"day": "d", "d": "d", "year": "y", "yr": "y", "annum": "y", "month": "month", "week": "week",
              "hour": "h", "h": "h"}
_CODE = re.compile(rf"{_HSPACE}?(?P<m>M)?(?P<w>{trie_regex(sorted(CODES))})(?![\w$])"
                   rf"(?:{_HSPACE}+(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?")  # "75 USD million"
_CODE_SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_LOWER_CODE = re.compile(rf"{_HSPACE}(?P<w>{trie_regex(sorted(LOWER_CODES))})\b")
_SYMBOL_AFTER = re.compile(rf"{_HSPACE}?(?P<w>{trie_regex(sorted(SUFFIX_SYMBOLS))})(?![\w$])")
_ADJ = trie_regex(sorted({a for a, _ in ADJECTIVE_ISO}))
_NAME = re.compile(
    rf"(?:{_HSPACE}+|{_HSPACE}*-)(?:(?P<adj>{_ADJ}){_HSPACE}+)?(?P<w>{trie_regex(sorted(NAMES))})\b(?![-‐][A-Z])", re.IGNORECASE)
_PREFIX = re.compile(
    rf"(?<![\w$])(?:(?P<m>M)?(?P<code>{trie_regex(sorted(CODES))})|(?P<sym>{trie_regex(sorted(PREFIX_SYMBOLS))})"
    rf"|(?P<low>{trie_regex(sorted(LOWER_CODES))})){_HSPACE}?$")
_MILLION_AFTER_MONEY = re.compile(r"(?:m|mn|mln)\b")
# Every character a prefix currency can end with: a cheap test that skips most `_PREFIX` searches.
_PREFIX_LAST = frozenset(w[-1] for w in [*CODES, *PREFIX_SYMBOLS, *LOWER_CODES])


def _union(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern matching where any of `patterns` matches (group names dropped, flags kept per part)."""
    parts = []
    for rx in patterns:
        body = re.sub(r"\(\?P<\w+>", "(?:", rx.pattern)
        parts.append(f"(?i:{body})" if rx.flags & re.IGNORECASE else f"(?:{body})")
    return re.compile("|".join(parts))


_ANY_SUFFIX = _union(_PERCENT, _NAME, _CODE, _SYMBOL_AFTER, _LOWER_CODE, _UNIT_WORD, _UNIT_SYMBOL)


def money_name(adj: str | None, name: str) -> tuple[str | None, float]:
    root, iso, factor = NAMES[fold(name)]
    if adj:
        iso = ADJECTIVE_ISO.get((adj.lower(), root), iso)
    return iso, factor


def suffix(text: str, pos: int) -> Affix | None:
    """Percent, currency or unit right after a number ending at pos."""
    if not _ANY_SUFFIX.match(text, pos):  # most numbers: one failed match instead of seven
        return None
    m = _PERCENT.match(text, pos)
    if m:
        return Affix("percent", "%", 1.0, pos, m.end())
    m = _NAME.match(text, pos)
    if m:
        name = m.group("w").lower()
        mass = name.startswith("pound") and text.startswith(" of", m.end())  # "500 pounds of uranium"
        if not mass and (m.group("adj") or name not in NEEDS_ADJECTIVE):
            iso, factor = money_name(m.group("adj"), m.group("w"))
            return Affix("money", iso, factor, pos, m.end())
    m = _CODE.match(text, pos) or _SYMBOL_AFTER.match(text, pos) or _LOWER_CODE.match(text, pos)
    if m:
        iso = CODES.get(m.group("w")) or SUFFIX_SYMBOLS.get(m.group("w")) or LOWER_CODES[m.group("w")]
        factor = 1e6 if m.groupdict().get("m") else 1.0
        factor *= _CODE_SCALES.get(m.groupdict().get("scale") or "", 1.0)
        return Affix("money", iso, factor, pos, m.end())
    m = _UNIT_WORD.match(text, pos)
    unit = UNIT_WORDS[fold(m.group("w"))] if m else None
    if m is None:
        m = _UNIT_SYMBOL.match(text, pos)
        unit = UNIT_SYMBOLS[m.group("w")] if m else None
    if m is None:
        return None
    end = m.end()
    rate = _RATE.match(text, end) if unit not in ("year", "month", "week", "day", "hour", "decade", "century") else None
    if rate and "/" not in unit:
        unit += "/" + _RATE_UNIT[fold(rate.group("w"))]
        end = rate.end()
    return Affix("quantity", unit, 1.0, pos, end)


def prefix(text: str, pos: int, floor: int = 0) -> Affix | None:
    """A currency written before the number starting at pos (and not before `floor`, the end of the
    previous mention: in `10 $ 30 $` the first `$` belongs to 10): `$`, `US$`, `€`, `USD `, `Rs.`."""
    if not _may_end_currency(text, pos):
        return None
    m = _PREFIX.search(text, max(0, floor, pos - 8), pos)
    if not m:
        return None
    start = m.start()
    if m.group("code"):
        return Affix("money", CODES[m.group("code")], 1e6 if m.group("m") else 1.0, start, pos)
    if m.group("low"):
        return Affix("money", LOWER_CODES[m.group("low")], 1.0, start, pos)
    return Affix("money", PREFIX_SYMBOLS[m.group("sym")], 1.0, start, pos)


def _may_end_currency(text: str, pos: int) -> bool:
    """Necessary for `_PREFIX` to match before pos: a currency's last character, then at most one
    space, then pos (or a final newline: `$` matches before one)."""
    if pos and text[pos - 1] == "\n":
        pos -= 1
    if pos and text[pos - 1] in _HSPACE_CHARS:
        pos -= 1
    return pos > 0 and text[pos - 1] in _PREFIX_LAST


def million_after_money(text: str, pos: int) -> int:
    """`$5m`, `£2.5mn`: after a currency `m` means million, not metre. Returns the new end or -1."""
    m = _MILLION_AFTER_MONEY.match(text, pos)
    return m.end() if m else -1
