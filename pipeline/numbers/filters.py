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


def blocked_end(text: str, p: int) -> int:
    """If the trigger at p lies in an address, identifier or reference, where that stretch ends; else -1.

    Checked per trigger on its whitespace-delimited token (a pass per pattern over the whole text
    would cost more than the whole extraction)."""
    ts = max(text.rfind(" ", max(0, p - 300), p), text.rfind("\n", max(0, p - 300), p)) + 1
    ws = _WS.search(text, p)
    te = ws.start() if ws else len(text)
    token = text[ts:te]
    if text[p].isdigit():
        ref = _REF_BEFORE.search(text, max(0, p - 40), p)
        if ref:
            return _RUN.match(text, p).end()
        if token[0] in "+(" or token.count("-") + token.count(".") >= 2:
            m = _PHONE.match(text, ts + (token[0] == "(" and token[1:2] == "+"))
            if m and m.end() > p:
                return m.end()
    if token.isalnum():
        return -1
    for rx in (_URL, _DOI, _IP, _TIME, _NOTE):
        m = rx.search(token)
        if m:
            return te if rx is _URL or rx is _DOI else max(ts + m.end(), p + 1)
    return -1


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
