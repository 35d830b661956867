"""`extract_numbers`: every numeric mention of a text, with kind, value, unit, date, qualifier and
sentence. Offsets index the given text: `text[n.start:n.end] == n.surface`."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.doc import Number
from pipeline.numbers.build import mentions_at
from pipeline.numbers.dates import date_at
from pipeline.numbers.filters import TokenMemo, blocked_end
from pipeline.numbers.mention import Mention
from pipeline.numbers.qualifiers import qualifier
from pipeline.numbers.ranges import join_ranges
from pipeline.numbers.sentences import Sentences
from pipeline.numbers.triggers import Triggers

_MASK = "\ufffc"  # stands in for excluded characters: same length, so offsets stay valid


def _mask(text: str, exclude: Sequence[tuple[int, int]]) -> str:
    if not exclude:
        return text
    chars = list(text)
    for start, end in exclude:
        for i in range(max(0, start), min(end, len(chars))):
            chars[i] = _MASK
    return "".join(chars)


def _round(value: float | None) -> float | None:
    """12 significant digits: 1.45 * 1e9 gives 1450000000.0, not 1449999999.9999998."""
    if isinstance(value, float) and value.is_integer() and -1e12 < value < 1e12:
        return value  # already exact in 12 digits (most values): skip the string round trip
    return None if value is None else float(f"{value:.12g}")


def find_mentions(text: str, sents: Sentences) -> list[Mention]:
    mentions: list[Mention] = []
    triggers = Triggers(text)
    pos = taken = 0
    memo: TokenMemo = {}
    while (p := triggers.next(pos)) >= 0:
        stop = blocked_end(text, p, memo)
        if stop >= 0:
            pos = max(stop, p + 1)
            continue
        if text[p].isdigit() and (date := date_at(text, p)) is not None:
            mentions.append(Mention(date.start, date.end, "date", None, date=date.iso, bare=False))
            pos = date.end
            continue
        found, pos = mentions_at(text, p, taken, sents)
        for m in found:
            mentions.append(m)
            if m.end > taken:
                taken = m.end
    mentions.sort(key=lambda m: (m.start, m.end))
    mentions = join_ranges(text, mentions)
    for m in mentions:
        if m.kind not in ("date", "ordinal", "decade"):
            m.qualifier = qualifier(text, m.start, m.end, m.unit)
    return mentions


def extract_numbers(text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[Number]:
    """Numeric mentions of `text`; `exclude` spans (footnote markers) are never part of one."""
    scan = _mask(text, exclude)
    sents = Sentences(scan)
    out = []
    for m in find_mentions(scan, sents):
        s_start, s_end = sents.at(m.start)
        out.append(Number(start=m.start, end=m.end, surface=text[m.start:m.end], kind=m.kind,
                          value=_round(m.value), value_high=_round(m.value_high), unit=m.unit, date=m.date,
                          qualifier=m.qualifier, sentence=text[s_start:s_end]))
    return out
