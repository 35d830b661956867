"""Title, date and authors from the first page (largest type, a date line, the byline row) and
from an "Author Information" block; the lines used are labelled title/dateline/byline."""

from __future__ import annotations

import re

from pipeline.pdf.config import LAYOUT
from pipeline.pdf.glyphs import Line

MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1)}
_DATE = re.compile(
    r"^(?:(?:updated|published|revised|issued|dated?|as of)\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(?P<m1>[a-z]+)\.?\s+(?:(?P<d1>\d{1,2}),?\s+)?|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]+)\.?,?\s+)(?P<y>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Z][a-zA-Z’'\-]*\.?(?: (?:[A-Z][a-zA-Z’'\-]*\.?|de|van|von|der|da|al-[A-Z][a-z]+)){1,3}$")
_NOT_NAME = re.compile(r"\b(University|Institute|College|School|Department|Office|Service|Center|Centre|Research|Congress|Policy|Affairs|Street|Avenue|Press|Foundation|Council|Committee|Ministry|Agency|Laboratory|Report|Summary|Information)\b")
_ROLE = re.compile(r"^(?P<name>.+?),\s*(?:Coordinator|Specialist|Analyst|Senior|Director|Fellow|Professor|Research|Legislative|Section|Associate|Assistant|Editor|Chair)\b")


def parse_date(text: str) -> str | None:
    match = _DATE.match(text.strip())
    if not match:
        return None
    month = MONTHS.get((match["m1"] or match["m2"] or "").lower())
    if month is None:
        return None
    day = match["d1"] or match["d2"]
    return f"{match['y']}-{month:02d}-{int(day):02d}" if day else f"{match['y']}-{month:02d}"


def name_of(text: str) -> str | None:
    """A person's name as printed, without a trailing role (`Clayton Thomas, Coordinator`)."""
    text = text.strip()
    role = _ROLE.match(text)
    if role:
        text = role["name"]
    return text if _NAME.match(text) and not _NOT_NAME.search(text) else None


def title_lines(first: list[Line], body: float) -> list[Line]:
    """The title on page 1: its largest type, or failing that its longest bold block."""
    cands = [ln for ln in first if ln.label is None]
    if not cands:
        return []
    top = max(_display_size(ln) for ln in cands)
    if top >= LAYOUT.heading_ratio * body:
        run = _run(cands, lambda ln: abs(_display_size(ln) - top) < 0.5)
    else:
        run = _bold_block(cands, body)
    return run if sum(len(ln.raw) for ln in run) <= LAYOUT.title_max_chars else []


def _display_size(ln: Line) -> float:
    return ln.display


def _run(lines: list[Line], keep: object, spread: float = 2.5) -> list[Line]:
    """Consecutive lines that pass `keep`, no further apart than `spread` times their size."""
    start = next(i for i, ln in enumerate(lines) if keep(ln))  # type: ignore[operator]
    out = [lines[start]]
    for ln in lines[start + 1 :]:
        if not keep(ln) or ln.page != out[-1].page or out[-1].base - ln.base > spread * ln.size:  # type: ignore[operator]
            break
        out.append(ln)
    return out


def _bold_block(lines: list[Line], body: float) -> list[Line]:
    """FR rules print the title in body-size bold: take the longest mixed-case bold run."""
    best: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].bold >= LAYOUT.bold_share and lines[i].size >= LAYOUT.small_ratio * body:
            run = _run(lines[i:], lambda ln: ln.bold >= LAYOUT.bold_share and abs(ln.size - lines[i].size) < 0.5, 1.5)
            text = " ".join(ln.raw for ln in run)
            if not text.isupper() and len(text.split()) >= 3 and len(text) > sum(len(b.raw) for b in best):
                best = run
            i += len(run)
        else:
            i += 1
    return best


def join_title(lines: list[Line]) -> str:
    text = ""
    for ln in lines:
        part = re.sub(r"\s+", " ", ln.raw)
        text = text + part if text.endswith(("-", "–")) or not text else f"{text} {part}"
    return smart_case(text) if text.isupper() else text


_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "nor", "of", "on", "or", "the", "to", "with"}


def smart_case(text: str) -> str:
    """Title case for a title printed in capitals; short function words stay lower case."""
    words = text.lower().split(" ")
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))
