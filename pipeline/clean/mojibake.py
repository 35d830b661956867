"""mojibake: UTF-8 text that was decoded with a single-byte code page ("Iranâ€™s" -> "Iran’s").

ftfy does the repair (config in ftfy_config.py); lone_mojibake.py handles what ftfy's badness
score lets through. Hand-written here only the trigger: ftfy's own
badness regex runs at ~2-5 MB/s, too slow to run on every line, so we first look for what every
such mojibake must contain: a UTF-8 lead byte (0xC2-0xF4) followed by a continuation byte
(0x80-0xBF), both read through one of the code pages ftfy knows, or a C1 control character.
"""

from __future__ import annotations

import re

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs used below)
from ftfy import chardata, fix_encoding
from ftfy.fixes import fix_surrogates

from pipeline.clean.ftfy_config import FTFY
from pipeline.clean.lone_mojibake import decode_lone_mojibake
from pipeline.clean.step import Step
from pipeline.params import CleanParams


def _chars(byte_range: range) -> str:
    """Every character that one of ftfy's code pages decodes a byte of `byte_range` into."""
    seen: set[str] = set()
    for encoding in chardata.CHARMAP_ENCODINGS:
        seen |= set(bytes(byte_range).decode(encoding, errors="ignore"))
    return "".join(re.escape(c) for c in sorted(seen))


_LEAD = _chars(range(0xC2, 0xF5))
_CONT = _chars(range(0x80, 0xC0))
# the pair, a C1 control, a lone surrogate, or (as ftfy's ALTERED_UTF8_RE) a latin-1 lead byte
# whose 0xA0 partner became a plain space: "voilÃ le" is "voilà le"
DAMAGE = re.compile(f"[{_LEAD}][{_CONT}]|[\x80-\x9f]|[\ud800-\udfff]|[\xc2\xc3\xc5\xce\xd0\xd9] ")
_SURROGATE = re.compile("[\ud800-\udfff]")


def fix(line: str, params: CleanParams) -> tuple[str, int]:
    """Repair with ftfy; the count is the number of damaged sequences the line showed."""
    fixed = fix_surrogates(line) if _SURROGATE.search(line) else line
    fixed = decode_lone_mojibake(fix_encoding(fixed, FTFY))
    if fixed == line:
        return line, 0
    return fixed, max(1, len(DAMAGE.findall(line)))


STEP = Step("mojibake", DAMAGE, fix)
