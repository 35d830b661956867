"""Read one phrase of number tokens (digits, number words, connectors) from a trigger position.

The reader only cuts the text into tokens; which tokens form one number is the grammar's job.
It also says when digits are glued to letters (`G20`, `3tiy4if`): those are names, not numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.numbers.lexicon import ABBREVIATIONS, CONNECTORS, GLUED_ONLY, ORDINAL_SUFFIXES, WORDS
from pipeline.numbers.units import GLUED_UNIT_OK

# Thousands groups must have exactly three digits ("1,234", "1 234 567"); a lone ",5" or ",50" after
# at most three digits is a decimal comma ("1,3"), unless it continues a list ("22,24,26").
DIGITS = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?!\d|,\d)"
    r"|(?<!\d,)(?P<dcomma>\d{1,3},\d{1,2})(?![\d,])"
    r"|\d+(?:\.\d+)?|\.\d+)"
    r"(?:/(?P<den>\d+)(?![\d/]))?"
    r"(?P<exp>[eE][+-]?\d+(?![\w.])|\^[+-]*\d+)?"
)
WORD = re.compile(r"[^\W\d_]+")
SPACE = re.compile(r"[ \t\u00a0]*(?:\n[ \t\u00a0]*)?")
HYPHENS = "-\u2010\u2011"
# Proper fractions written with digits use these denominators; `9/11` or `7/7` read as names or dates.
FRACTION_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100}
_NO_GROUP_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")  # thousands-group spaces, dropped in C


@dataclass(slots=True)  # slots: faster to build and read, one per token or mention
class Tok:
    kind: str
    value: float
    start: int
    end: int
    text: str
    plural: bool = False
    as_kind: str = ""  # ordinal words: the cardinal kind they stand in for
    glued: bool = False  # no space before this token
    flags: str = ""  # D tokens: p plain integer, s separators, f fraction, e power, c decade; S: a abbreviation


def _number_text(raw: str, dcomma: bool) -> str:
    """The digits as Python reads them: decimal comma to point, thousands separators dropped.
    `float` of it is what `float(Decimal(...))` gives (both round the exact decimal correctly), so
    only a power of ten needs the exact `Decimal`."""
    text = raw.replace(",", ".") if dcomma else raw.replace(",", "")
    return text.translate(_NO_GROUP_SPACES) or "0"


def read_digits(text: str, pos: int) -> tuple[Tok, int] | None:
    """One digit token at pos (pos is the first digit, or '.' of '.08')."""
    m = DIGITS.match(text, pos)
    if not m:
        return None
    end = m.end()
    dcomma, den_digits, exp = m.group("dcomma", "den", "exp")
    if den_digits is None and exp is None:
        raw = text[pos:end]
        if raw.isdecimal():  # only `\d` characters: a plain integer (most tokens), no separator to drop
            return Tok("D", float(raw), pos, end, raw, flags="p"), end
        main_end = end
    else:
        main_end = m.start("den") - 1 if den_digits else (m.start("exp") if exp else end)
        raw = text[pos:main_end]
    digits = _number_text(raw, bool(dcomma))
    value = float(digits)
    flags = "s" if ("," in raw or " " in raw or "\u202f" in raw or "\u00a0" in raw) else ""
    if den_digits:
        num, den = value, int(den_digits)
        if flags or "." in raw or den == 0 or num >= den or den not in FRACTION_DENOMINATORS:
            return None
        return Tok("D", num / den, pos, end, text[pos:end], flags="f"), end
    if exp:
        if exp[0] == "^":
            power = int(exp.lstrip("^+-")) * (-1 if exp.count("-") % 2 else 1)
            try:
                number = value ** power
            except (OverflowError, ZeroDivisionError):  # `1000^300`, `0^-1`: no number, not a crash
                return None
        else:
            number = float(Decimal(digits) * Decimal(10) ** int(exp[1:]))
        if not math.isfinite(number):  # `1e999`: beyond a float, so not a value we can publish
            return None
        return Tok("D", number, pos, end, text[pos:end], flags="e"), end
    if not flags and "." not in raw:
        flags = "p"
    return Tok("D", value, pos, end, raw, flags=flags), end


@dataclass(slots=True)  # slots: faster to build and read, one per token or mention
class Phrase:
    toks: list[Tok]
    end: int  # where reading stopped
    name_end: int = -1  # >= 0: the digits at the start are part of a name ending here


def _number_follows(text: str, pos: int) -> bool:
    pos = SPACE.match(text, pos).end()
    if pos < len(text) and text[pos].isdigit():
        return True
    w = WORD.match(text, pos)
    if w and w.group().lower() in ("a", "an"):  # "one and a half"
        w = WORD.match(text, SPACE.match(text, w.end()).end())
    return bool(w) and w.group().lower() in WORDS


def _connector_ok(kind: str, text: str, pos: int, prev: Tok | None) -> bool:
    """Connectors join numbers only: `a` before hundred/dozen/half..., `of` only in `of a million`."""
    after = SPACE.match(text, pos).end()
    w = WORD.match(text, after)
    nxt = w.group().lower() if w else ""
    if kind == "A":
        if nxt in WORDS and WORDS[nxt].kind == "Y":  # "a twenty-first"
            o = WORD.match(text, SPACE.match(text, w.end() + 1).end()) if text[w.end():w.end() + 1] in HYPHENS else None
            return bool(o) and o.group().lower() in WORDS and WORDS[o.group().lower()].kind == "O"
        return nxt in WORDS and WORDS[nxt].kind in ("H", "S", "Z", "HALF", "QTR", "O")
    if kind == "OF":
        if nxt not in ("a", "an"):
            return False
        w2 = WORD.match(text, SPACE.match(text, w.end()).end())
        info = WORDS.get(w2.group().lower()) if w2 else None
        return info is not None and info.kind == "S"
    if kind == "OUT":
        return nxt == "of"
    if prev is None and kind != "NEG":
        return False
    return _number_follows(text, pos)


def read_phrase(text: str, pos: int, limit: int) -> Phrase:
    """Tokens from pos until something that is not part of a number (or `limit`, a date or URL)."""
    toks: list[Tok] = []
    cur = pos
    while cur < limit:
        at = SPACE.match(text, cur).end() if toks else cur
        glued = at == cur
        hyphen = False
        if toks and at < limit and text[at] in HYPHENS:
            hyphen = True
            at = SPACE.match(text, at + 1).end()
        if at >= limit:
            break
        ch = text[at]
        if ch.isdigit() or (ch == "." and at + 1 < len(text) and text[at + 1].isdigit() and not toks):
            if hyphen or (toks and toks[-1].kind == "D" and "f" not in toks[-1].flags and glued):
                break  # "4-5" is a range, decided later
            got = read_digits(text, at)
            if got is None:
                break
            tok, end = got
            glued_to = WORD.match(text, end)  # letters right after the digits
            if glued_to:
                suffix = glued_to.group()
                if suffix in ORDINAL_SUFFIXES and "p" in tok.flags:
                    tok = Tok("OD", tok.value, at, end + len(suffix), text[at:end + len(suffix)])
                    end += len(suffix)
                elif suffix == "s" and "p" in tok.flags:
                    tok.flags += "c"
                    tok.end = end = end + 1
                    tok.text = text[at:end]
                elif suffix not in ABBREVIATIONS and suffix not in GLUED_UNIT_OK:
                    if not toks:
                        return Phrase([], at, alnum_end(text, end))
                    break
            elif text.startswith(("'s", "’s"), end) and "p" in tok.flags:
                tok.flags += "c"
                tok.end = end = end + 2
                tok.text = text[at:end]
            tok.glued = glued
            toks.append(tok)
            cur = end
            continue
        w = WORD.match(text, at)
        if not w or w.end() > limit:
            break
        word = w.group()
        low = word.lower()
        prev = toks[-1] if toks else None
        if word in ABBREVIATIONS and prev is not None and prev.kind == "D" and not hyphen:
            if word in GLUED_ONLY and not glued:
                break
            toks.append(Tok("S", ABBREVIATIONS[word], at, w.end(), word, glued=glued, flags="a"))
            cur = w.end()
            continue
        info = WORDS.get(low)
        if info is None:
            kind = CONNECTORS.get(low)
            if kind is None or hyphen or not _connector_ok(kind, text, w.end(), prev):
                break
            if kind == "OUT":  # "out of" is one connector
                of = WORD.match(text, SPACE.match(text, w.end()).end())
                toks.append(Tok("OUTOF", 0, at, of.end(), text[at:of.end()]))
                cur = of.end()
                continue
            toks.append(Tok(kind, 0, at, w.end(), word))
            cur = w.end()
            continue
        if low == "second" and prev is not None and prev.kind in ("D", "U", "T", "Y", "H", "S"):
            break  # "5 second delay": a time unit after a number
        tok = Tok(info.kind, info.value, at, w.end(), word, info.plural, info.as_kind)
        if hyphen and prev is not None and prev.kind == "Y" and prev.value % 10 == 0 and info.kind in ("U", "O"):
            if info.kind == "U" or info.as_kind == "U":
                # "twenty-five", "twenty-first": one word for the grammar
                toks[-1] = Tok("Y" if info.kind == "U" else "O", prev.value + info.value, prev.start, w.end(),
                               text[prev.start:w.end()],
                               info.plural, "Y" if info.kind == "O" else "", prev.glued)
                cur = w.end()
                continue
        if hyphen and prev is not None and prev.kind not in ("U", "T", "Y", "H", "D", "S", "A"):
            break
        toks.append(tok)
        cur = w.end()
    return Phrase(toks, cur)


def alnum_end(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isalnum() or text[pos] in "+-/_" and pos + 1 < len(text) and text[pos + 1].isalnum()):
        pos += 1
    return pos
