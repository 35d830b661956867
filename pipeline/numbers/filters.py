"""Digits that are not numeric mentions: addresses, identifiers, references, markers and names.

`blocked_end` tells whether a trigger lies in a stretch to skip (URLs, e-mails, DOIs, ISBNs, phone
numbers, IP addresses, clock times, page references, bracketed or ^{} note markers). `is_name_before` and
`is_marker` judge one number by its neighbours (`Resolution 2231`, `consensus.7`, `purpose. 6 In`).
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s")
_URL = re.compile(r"(?:https?://|ftp://|www\.)|[\w.+-]+@[\w-]+\.\w"
                  r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|int|ir|tr|ru|cn|uk|io|ly|gy|me|info|co)\b", re.IGNORECASE)
_DOI = re.compile(r"\b10\.\d{4,9}/")
_IP = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|\b\d{1,2}\s?[ap]\.m\.", re.IGNORECASE)
_NOTE = re.compile(r"(?<![\d.])\^\{?\d+\}?|\[\d{1,3}(?:[-–,]\d{1,3})*\]")
# phones: +country code and groups, or North American (555) 123-4567 / 555-123-4567
_PHONE = re.compile(r"\+\d{1,3}(?:[ .\-/]?\(?\d{1,5}\)?){2,5}(?![\w])|\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b"
                    r"|\d{3}[-.]\d{3}[-.]\d{4}\b")
# page references, numbered designators and ISBNs: p. 38, pp. 57 - 58, page 8, No. 112, Vol. 20
_REF_BEFORE = re.compile(
    r"(?:\b(?:pp?|pg|pgs|No|Nos|Vol|Vols|Art|Arts|Sec|Ch|Fig|Figs|Para|Paras|Nr)\.|\b[Pp]ages?|\bISBN(?:-1[03])?:?)"
    r"[ \t]*(?:\d+[ \t]*[-–,][ \t]*)*$")
_RUN = re.compile(r"[\d\- X]*")
# A URL's domain needs a dot before a letter of its top-level domain (`www.` may come before a digit).
_URL_HINT = re.compile(r"\.[^\W\d_]|www\.", re.IGNORECASE)


# Token memo of one text: (token start, token end) -> `_token_match` of that token.
TokenMemo = dict[tuple[int, int], "tuple[bool, int] | None"]


def blocked_end(text: str, p: int, memo: TokenMemo | None = None) -> int:
    """If the trigger at p lies in an address, identifier or reference, where that stretch ends; else -1.

    Checked per trigger on its whitespace-delimited token (a pass per pattern over the whole text
    would cost more than the whole extraction). `memo` (one per text) remembers each token's search:
    with no space in the 300 characters before p the token starts at 0, so every trigger of a long
    stretch without spaces (inline JSON) would search the same long token again."""
    lo = max(0, p - 300)
    space = text.rfind(" ", lo, p)
    # a newline only matters after the last space: no need to scan the whole window for one (nor
    # anything, for most triggers: those right after a space)
    ts = p if space == p - 1 else max(space, text.rfind("\n", max(lo, space + 1), p)) + 1
    ws = _WS.search(text, p)
    te = ws.start() if ws else len(text)
    if text[p].isdigit():
        if _may_end_reference(text, p) and _REF_BEFORE.search(text, max(0, p - 40), p):
            return _RUN.match(text, p).end()
        first = text[ts]
        if first in "+(" or text.count("-", ts, te) + text.count(".", ts, te) >= 2:
            m = _PHONE.match(text, ts + (first == "(" and text[ts + 1:ts + 2] == "+"))
            if m and m.end() > p:
                return m.end()
    if memo is None:
        found = _token_match(text[ts:te])
    elif (found := memo.get((ts, te), False)) is False:  # False: not searched yet (None is a result)
        found = memo[ts, te] = _token_match(text[ts:te])
    if found is None:
        return -1
    whole, end = found
    return te if whole else max(ts + end, p + 1)


def _token_match(token: str) -> tuple[bool, int] | None:
    """The first skip pattern found in a token: (skip the whole token, match end), or None.

    Each pattern needs a character that most number tokens ("2021," "(5%)" "3.") lack, and an `in`
    test costs far less than a regex search, so a pattern is only searched when its character is there."""
    if token.isalnum():
        return None
    if "@" in token or "://" in token or _URL_HINT.search(token):
        if m := _URL.search(token):
            return True, m.end()
    if "/" in token and (m := _DOI.search(token)):
        return True, m.end()
    if token.count(".") >= 3 and (m := _IP.search(token)):
        return False, m.end()
    if (":" in token or ".m." in token or ".M." in token) and (m := _TIME.search(token)):
        return False, m.end()
    if ("^" in token or "[" in token) and (m := _NOTE.search(token)):
        return False, m.end()
    return None


def _may_end_reference(text: str, p: int) -> bool:
    """Cheap necessary test for `_REF_BEFORE` ending at p: its keyword ("p.", "Vol.", "page", "ISBN:")
    ends in one of `.seN:` just before the run of spaces, digits and dashes that reaches p (plus a
    newline: `$` also matches before a final one)."""
    i = p
    while i > 0 and (text[i - 1] in " \t\n-–," or text[i - 1].isdecimal()):
        i -= 1
    c = text[i - 1] if i else ""
    if c == "e":
        return text.startswith(("page", "Page"), i - 4)
    if c == "s":
        return text.startswith(("pages", "Pages"), i - 5)
    return c in (".", "N", ":")


# Capitalised words that are not names when a number follows them ("In 2021", "About 300", "All 70").
_NOT_NAMES = set("""
A About Above After Against Ahead All Almost Also Among An And Another Around As At Before Below Between
Beyond But By Circa Close During Each Earlier Early Every Exactly For From Half However If In Into Just Last
Late Less More Mid Minus Nearly Next Nor Of On Once Only Or Over Past Per Plus Roughly Since Some Than That
The These This Those Through Till To Top Total Under Until Up Upon Via Was Were When While With Within
Without Yet Approximately Estimated Fewer Just Nearly Another Almost Around Barely Merely Only Overall
Fully Perhaps Maybe Possibly Precisely Still Even Here There Today Now Then Another Some Several Over
""".split())
_MONTHS = set("""January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
_CAP_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“‘']))([A-Z][\w’']*)[ \u00a0]$")


def is_name_before(text: str, start: int) -> bool:
    """A capitalised designator right before the number: `Resolution 2231`, `Article 5`, `Boeing 747`."""
    if not start or text[start - 1] not in " \u00a0\n":  # the pattern ends in a space (or before a final "\n")
        return False
    m = _CAP_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    word = m.group(1)
    if word in _NOT_NAMES or word in _MONTHS or word.rstrip("’'s") in _MONTHS:
        return False
    return True


# A footnote number glued after a word and its punctuation: "consensus.7", "threats,9", 'ends".12'
_GLUED_MARKER = re.compile(r"[^\W\d_][)\]\"”’']?[.,;:!?][\"”’')]?$")
# A bare note number between sentences: "security purpose. 6 In terms", "countries. 18 Compared to".
# Edited prose spells out a number that opens a sentence, so digits there are PDF note markers.
_SENTENCE_END = re.compile(r"[^\W\d][.!?][\"”’')]?[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+[A-Z][a-z]")


def is_marker(text: str, start: int, end: int) -> bool:
    """A note marker printed as a plain number (the citation step may not have listed it)."""
    if _GLUED_MARKER.search(text, max(0, start - 4), start):
        return True
    if end - start <= 3 and _SENTENCE_END.search(text, max(0, start - 6), start):
        return bool(_NEXT_WORD.match(text, end))
    return False


_LEADER = re.compile(r"(?:\t|\.[ \t]?\.|…)[ .\t]*$")  # "Introduction\t. 1": a contents line


def page_number(text: str, start: int, end: int) -> bool:
    """A number alone on its line inside a longer text, or ending a contents line: a page number."""
    if end < len(text) and text[end] not in " \t-–—|•·<>\n":
        return False  # most numbers: text follows on their line (what the test below finds, without the slices)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[end:line_end].strip(" \t-–—|•·<>"):
        return False
    if _LEADER.search(text, line_start, start):
        return True
    if text[line_start:start].strip(" \t-–—|•·>"):
        return False
    return line_start > 0 or line_end < len(text)
