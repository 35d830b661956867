"""Mojibake ftfy leaves alone, for the mojibake step (a helper, not a step of its own).

Hand-written because ftfy decodes only when its badness score says so, and a lone symbol
("ReloSourceâ„¢"), a short word ("CNÂ¥", "LÃ¥ngban") or a script it does not score (Armenian
"Õ€Õ¡ÕµÕ¥Ö€Õ¥Õ¶") scores 0. We look at runs of characters cp1252 can encode above 0x7F:
- a run of 3+ bytes that is valid UTF-8 is decoded whole: real text almost never holds a 3-byte
  lead (à-ï, ð-ô) followed only by continuation characters;
- shorter runs only in the safe two-byte cases: "Â" or "Ã" before a continuation character (a
  Latin-1 letter or sign, or a C1 control ("weÂ’re") then read as cp1252, as ftfy does; not "Ã" before a curly quote, which an all-caps Portuguese word "IRMÃ”"
  may end with), or a lead before a cp1252 sign ("Ä€" is "Ā"). Never a capital before a quote,
  dash, ellipsis, ™ or bullet: "KÖPRÜ’YE" and "CAFÉ—" are correct text.
"""

from __future__ import annotations

import re

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252: cp1252 as browsers read it)
from ftfy.fixes import fix_c1_controls

_CONT = bytes(range(0x80, 0xC0)).decode("sloppy-windows-1252")
_HIGH = "".join(re.escape(c) for c in bytes(range(0x80, 0x100)).decode("sloppy-windows-1252"))
_RUN = re.compile(f"[{_HIGH}]{{2,}}")
_NO_QUOTE = "".join(re.escape(c) for c in _CONT if c not in "‘’“”")
_SIGN = "".join(re.escape(c) for c in _CONT[:0x20] if c not in "‘’“”–—…™•" and not "\x80" <= c <= "\x9f")
_ANY = "".join(re.escape(c) for c in _CONT)
_PAIR = re.compile(f"\xc2[{_ANY}]|\xc3[{_NO_QUOTE}]|[\xc2-\xdf][{_SIGN}]")


def _utf8(text: str) -> str | None:
    try:
        return text.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeDecodeError:
        return None


def _pair(match: re.Match[str]) -> str:
    decoded = _utf8(match.group(0))
    return match.group(0) if decoded is None else fix_c1_controls(decoded)  # "Â’" -> U+0092 -> "’"


def _run(match: re.Match[str]) -> str:
    run = match.group(0)
    whole = _utf8(run) if len(run) >= 3 else None
    if whole is not None:
        return whole
    return _PAIR.sub(_pair, run)


def decode_lone_mojibake(text: str) -> str:
    return _RUN.sub(_run, text)
