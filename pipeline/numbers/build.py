"""From one trigger (a digit or number word) to mentions: read the phrase, cut it into numbers,
attach currency / percent / unit, tell years and decades, and drop what is a name or a marker."""

from __future__ import annotations

import re

from pipeline.numbers import dates, filters, units
from pipeline.numbers.cardinals import Parsed, ordinal_value
from pipeline.numbers.grammar import evaluate, segment
from pipeline.numbers.lexicon import WORDS
from pipeline.numbers.mention import Mention
from pipeline.numbers.sentences import Sentences
from pipeline.numbers.tokens import SPACE, WORD, Tok, alnum_end, read_phrase

# A hyphenated word before digits makes a name (`TB-2`, `Ababil-2`, `COVID-19`) unless it is one
# of these prefixes (`pre-2015`, `mid-1990s`).
_HYPHEN_PREFIXES = {"pre", "post", "mid", "early", "late", "non", "circa", "c", "ca", "anti", "over", "under",
                    "sub", "top", "around", "about", "up", "by", "since", "in"}
_HYPHEN_WORD = re.compile(r"(?<!\w)([^\W\d_]+)[-\u2010\u2011]$")
_HYPHENS_NL = "-\u2010\u2011\n"
_LEFT_WORD = re.compile(r"(?<![^\W\d_])(an?|minus|negative)[ \t\u00a0]+$", re.IGNORECASE)
_PREV_TAIL = " \t\u00a0(-–\"“'"  # what may stand between the previous word and the number
_NEXT_WORD = re.compile(r"[ \t\u00a0]*([^\W\d_]+)")
_YEAR_MARKER = re.compile(r"(1\d\d\d|20\d\d)\.\d{1,3}(?=[ \t]+[\"“]?[A-Z]|[ \t]*(?:\n|$))")
_SPACE_AFTER = re.compile(r"\s")
_LIST_ITEM = re.compile(r"[.)][ \t]")  # "1. Start with a plan", "2) Coda": list numbering at a line start
_CENTS = re.compile(r"[ \t\u00a0]+(cents?|pence|p)\b")
# "the one you mentioned", "one another": the pronoun, not the number
_DETERMINERS = {"the", "this", "that", "which", "each", "every", "any", "no", "whichever", "whatever", "next",
                "last", "previous", "current", "same", "right", "wrong", "other", "little", "only", "new", "old"}
# "one another", "One could posit": generic pronoun "one"
_AFTER_PRONOUN = {"another", "could", "can", "cannot", "should", "would", "must", "may", "might", "will",
                  "shall", "needs", "has"}
_FRACTION_FOLLOWERS = {"of", "and", "or", "in", "is", "are", "was", "were", "to", "than", "for", "from", "at",
                       "by", "as", "that", "which", "million", "billion", "trillion", "thousand"}
_AFTER_A = {"H", "S", "Z", "HALF", "QTR", "O", "Y"}  # "a hundred", "a dozen", "a half", "a twenty-first"
_WORD_KINDS = {"U", "T", "Y", "H", "O", "HALF", "QTR", "Z", "A", "NEG"}


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _prev_word(text: str, pos: int) -> str:
    r"""The word before pos across `_PREV_TAIL` characters, within the 24 characters before pos: what
    searching `([^\W\d_]+)[ \t\u00a0(\-–"“']*$` there gives (`$` also matches before a final newline),
    scanned back by hand because the search tries all 24 starts and runs before most mentions."""
    lo = max(0, pos - 24)
    end = pos - 1 if pos > lo and text[pos - 1] == "\n" else pos
    while end > lo and text[end - 1] in _PREV_TAIL:
        end -= 1
    start = end
    while start > lo and _is_letter(text[start - 1]):
        start -= 1
    return text[start:end]


def _is_letter(ch: str) -> bool:
    r"""`[^\W\d_]` of `re`: a word character (alphanumeric or _) that is not a decimal digit or _."""
    return ch.isalnum() and not ch.isdecimal()


def _left_word(text: str, p: int) -> re.Match[str] | None:
    """`a`, `an`, `minus` or `negative` and blanks right before p (`_LEFT_WORD`). Searched only when the
    character before the blanks can end one of them: most numbers follow other words."""
    end = p - 1 if p and text[p - 1] == "\n" else p
    blanks = end
    while blanks > 0 and text[blanks - 1] in " \t\u00a0":
        blanks -= 1
    if blanks == end or blanks == 0 or text[blanks - 1] not in "aAnNsSſeE":  # ſ: re.IGNORECASE folds it to s
        return None
    return _LEFT_WORD.search(text, max(0, p - 12), p)


def _digit_start(text: str, p: int) -> tuple[int, int]:
    """Start of a digit mention at p (sign, leading '.'), or (-1, skip_to) when it is part of a name."""
    if p and text[p - 1] == "." and (p < 2 or not text[p - 2].isalnum()):
        return p - 1, 0
    if p and (text[p - 1].isalpha() or text[p - 1] == "_"):
        if units.prefix(text, p) is None:  # "USD115" is money, "G20" a name
            return -1, alnum_end(text, p)
        return p, 0
    # `$` also matches before a final "\n", so the match ends with a hyphen or a newline
    hyph = _HYPHEN_WORD.search(text, max(0, p - 24), p) if p and text[p - 1] in _HYPHENS_NL else None
    if hyph and hyph.group(1).lower() not in _HYPHEN_PREFIXES:
        return -1, alnum_end(text, p)
    if p and text[p - 1] in "-−" and (p == 1 or text[p - 2] in " \t([") or p == 2 and text[:2] == "- ":
        return p - (1 if text[p - 1] in "-−" else 2), 0
    return p, 0


def mentions_at(text: str, p: int, floor: int, sents: Sentences) -> tuple[list[Mention], int]:
    """Mentions of the phrase whose trigger is at p (text before `floor` is taken), and where scanning goes on."""
    limit = len(text)
    start, sign = p, 1.0
    if text[p].isdigit():
        start, skip = _digit_start(text, p)
        if start < 0:
            return [], max(skip, p + 1)
        if text[start] in "-−":
            sign = -1.0
        elif (left := _left_word(text, p)) and left.group(1).lower() in ("minus", "negative"):
            start, sign = left.start(1), -1.0
        ym = _YEAR_MARKER.match(text, p)
        if ym and start == p:  # "since 2014.8 Further": a year and its note number
            return _year_with_marker(text, p, ym, sents), ym.end()
    else:
        left = _left_word(text, p)
        word = WORD.match(text, p)
        info = WORDS.get(word.group().lower()) if word else None
        if left and info is not None and (left.group(1).lower() in ("minus", "negative") or info.kind in _AFTER_A):
            start = left.start(1)
    phrase = read_phrase(text, start if sign > 0 else p, limit)
    if not phrase.toks and start != p and sign > 0:  # "a" that does not belong to the number
        phrase = read_phrase(text, p, limit)
    if phrase.name_end >= 0:
        return [], max(phrase.name_end, p + 1)
    toks = phrase.toks
    if not toks:  # digits the reader refused ("9/11", "4.4/5"): skip the whole token
        if text[p].isdigit():
            ws = _SPACE_AFTER.search(text, p)
            return [], ws.start() if ws else len(text)
        return [], p + 1
    pre = units.prefix(text, toks[0].start, floor) if toks[0].kind == "D" else None
    after = units.suffix(text, phrase.end)
    out: list[Mention] = []
    end = phrase.end
    for i, j, parsed in segment(toks, allow_ratio=pre is None and after is None):
        m = _mention(text, toks, i, j, parsed, pre if i == 0 else None, after if j == len(toks) else None, sents)
        if m is None:
            continue
        if i == 0 and sign < 0 and toks[0].kind == "D" and m.value is not None:
            m.start, m.value = start, -m.value
        out.append(m)
        end = max(end, m.end)
    return out, max(end, p + 1)


def _mention(text: str, toks: list[Tok], i: int, j: int, parsed: Parsed, pre: units.Affix | None,
             after: units.Affix | None, sents: Sentences) -> Mention | None:
    seg = toks[i:j]
    m = Mention(seg[0].start, seg[-1].end, parsed.kind, parsed.value, scale=parsed.scale)
    # most mentions are one token: test it alone rather than build a generator for `any`
    words = seg[0].kind in _WORD_KINDS if j - i == 1 else any(t.kind in _WORD_KINDS for t in seg)
    if words:
        first_word = sents.first_word_start(m.start)
        if seg[0].text[0].isupper() and m.start > first_word:
            return None  # "the Shanghai Five", "the Second Nagorno-Karabakh War": part of a name
        if parsed.kind == "ordinal" and m.start == first_word and text.startswith(",", m.end):
            return None  # "First, Tehran will ...": a discourse marker, not a rank
        if _pronoun_one(text, seg):
            return None
        nxt = _next_word(text, m.end)
        if seg[-1].kind in ("HALF", "QTR") and text.startswith(("-", "‐"), m.end):
            return None  # "half-hearted"
        if parsed.kind == "fraction" and seg[-1].kind == "O" and not seg[-1].plural and nxt and (
                nxt.lower() not in _FRACTION_FOLLOWERS):
            return _as_ordinal(seg, m)  # "a third country", "the one hundredth anniversary"
    if parsed.kind in ("cardinal", "fraction"):
        if pre is not None:
            m.kind, m.unit, m.start, m.bare = "money", pre.unit, pre.start, False
            m.value = parsed.value * pre.factor
            if not parsed.scale and (mil := units.million_after_money(text, m.end)) > 0:
                m.value, m.end, m.scale = m.value * 1e6, mil, 1e6
        elif m.start and text[m.start - 1] == "%" and (m.start < 2 or not text[m.start - 2].isalnum()):
            m.kind, m.unit, m.start, m.bare = "percent", "%", m.start - 1, False  # Turkish style "%20"
        elif after is not None:
            m.kind, m.unit, m.end, m.bare = after.kind, after.unit, after.end, False
            m.value = parsed.value * after.factor
            if after.kind == "money" and after.factor == 1.0:
                _add_cents(text, m)
    elif parsed.kind == "decade":
        iso = dates.decade(parsed.value, text[m.start - 1:m.start] in ("'", "’"), _prev_word(text, m.start))
        if iso is None:
            return None
        if text[m.start - 1:m.start] in ("'", "’"):
            m.start -= 1
        m.date, m.value = iso, float(int(iso) * 10)
    plain = j - i == 1 and seg[0].kind == "D" and seg[0].flags == "p"
    if plain and m.bare and m.kind == "cardinal":
        # the words around it only matter for a value in the years' range: most numbers skip reading them
        if dates.may_be_year(m.value) and dates.is_year(m.value, _prev_word(text, m.start), _next_word(text, m.end)):
            m.kind, m.date = "year", str(int(m.value))
        elif filters.is_name_before(text, m.start):
            return None
        if filters.is_marker(text, m.start, m.end) or filters.page_number(text, m.start, m.end):
            return None
        if _LIST_ITEM.match(text, m.end) and not text[text.rfind("\n", 0, m.start) + 1:m.start].strip():
            return None
    return m


def _pronoun_one(text: str, seg: list[Tok]) -> bool:
    if len(seg) != 1 or seg[0].text.lower() != "one":
        return False
    prev = _prev_word(text, seg[0].start).lower()
    nxt = _next_word(text, seg[0].end).lower()
    return prev in _DETERMINERS or nxt in _AFTER_PRONOUN


def _as_ordinal(seg: list[Tok], m: Mention) -> Mention | None:
    if seg[0].kind == "A":
        seg = seg[1:]
    value = ordinal_value(seg)
    if not value:
        return None
    return Mention(seg[0].start, seg[-1].end, "ordinal", value)


def _add_cents(text: str, m: Mention) -> None:
    """`3 dollars 50 cents`, `thirteen dollars and forty-five cents`: the minor unit joins the amount."""
    pos = SPACE.match(text, m.end).end()
    has_and = text.startswith("and", pos) and not text[pos + 3:pos + 4].isalpha()
    if has_and:
        pos = SPACE.match(text, pos + 3).end()
    if pos >= len(text) or not (text[pos].isalnum()):
        return
    phrase = read_phrase(text, pos, len(text))
    if not phrase.toks:
        return
    got = evaluate(phrase.toks)
    if got is None or got.kind != "cardinal" or not 0 < got.value < 100 or got.value != int(got.value):
        return
    cents = _CENTS.match(text, phrase.end)
    if cents:
        m.value, m.end = m.value + got.value / 100, cents.end()
    elif not has_and and re.match(r"[ \t]*(?:[.,;!?)]|$)", text[phrase.end:phrase.end + 3]):
        m.value, m.end = m.value + got.value / 100, phrase.end


def _year_with_marker(text: str, p: int, ym: re.Match[str], sents: Sentences) -> list[Mention]:
    value = float(ym.group(1))
    if not dates.is_year(value, _prev_word(text, p), ""):
        return []
    return [Mention(p, p + 4, "year", value, date=ym.group(1))]
