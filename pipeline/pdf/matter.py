"""Front and back matter: title page, summary and contents pages, the masthead above the first
paragraph, author and disclaimer blocks, and the document's title/date/authors found on the way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.pdf import meta
from pipeline.pdf.config import LAYOUT
from pipeline.pdf.glyphs import Line

TOC = re.compile(r"(?:\.\s?){4,}\s*(?:\d+|[ivxlc]+)$|\.{6,}", re.IGNORECASE)
BACK = re.compile(r"^(author information|author contact information|about the authors?|authors?|disclaimer|acknowledge?ments?|references|bibliography|works cited)$", re.IGNORECASE)


@dataclass
class Meta:
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)


def body_size(ln: Line, body: float) -> bool:
    return abs(ln.size - body) <= LAYOUT.body_tolerance * body


def headingish(ln: Line, body: float) -> bool:
    return len(ln.raw) <= LAYOUT.heading_max_chars and (ln.size >= LAYOUT.heading_ratio * body or ln.bold >= LAYOUT.bold_share)


def prose(lines: list[Line], i: int, body: float) -> bool:
    """Line i opens running text: body size, not bold, and the next line is the same."""
    def ok(ln: Line) -> bool:
        return ln.label is None and body_size(ln, body) and ln.bold < 0.5 and len(ln.raw) >= 20 and not TOC.search(ln.raw)
    return ok(lines[i]) and i + 1 < len(lines) and ok(lines[i + 1])


def label(pages: list[list[Line]], body: float) -> Meta:
    found = Meta()
    first = pages[0]
    titles = meta.title_lines(first, body)
    for ln in titles:
        ln.label, ln.reason = "title", "largest_type"
    if titles:
        found.title = meta.join_title(titles)
        _subtitle(first, titles, found, body)
        _title_repeats(pages, {ln.raw for ln in titles}, body)
    for ln in first:
        date = meta.parse_date(ln.raw) if len(ln.raw) <= 60 else None
        if date:
            found.published = found.published or date
            if ln.label is None:
                ln.label, ln.reason = "dateline", "date_line"
    fronts = _front_pages(pages, body)
    _masthead(first if not fronts else [], titles, found, body)
    for number, lines in enumerate(pages[:fronts]):
        for ln in lines:
            if ln.label is None:
                ln.label, ln.reason = "front_matter", "toc" if TOC.search(ln.raw) else ("title_page" if number == 0 else "front_page")
    for lines in pages:
        for ln in lines:
            if ln.label is None and TOC.search(ln.raw):
                ln.label, ln.reason = "front_matter", "toc"
    _back_matter([ln for lines in pages for ln in lines], body, found)
    return found


def _subtitle(first: list[Line], titles: list[Line], found: Meta, body: float) -> None:
    after = first[first.index(titles[-1]) + 1 :]
    sub = [ln for ln in after[:2] if ln.label is None and ln.size >= 1.05 * body and meta.parse_date(ln.raw) is None]
    if sub and titles[-1].base - sub[0].y1 < 0.35 * titles[-1].size:  # a subtitle hangs right under the title
        sub[0].label, sub[0].reason = "title", "subtitle"
        found.title = f"{found.title}{'' if found.title.endswith(':') else ':'} {meta.join_title([sub[0]])}"


def _title_repeats(pages: list[list[Line]], texts: set[str], body: float) -> None:
    for lines in pages:
        for ln in lines:
            if ln.label is None and ln.raw in texts and ln.size > body:
                ln.label, ln.reason = "title", "title_repeat"


def _front_pages(pages: list[list[Line]], body: float) -> int:
    """How many leading pages carry no running text (title page, summary box, contents)."""
    count = 0
    for lines in pages:
        if any(prose(lines, i, body) for i in range(len(lines))):
            break
        count += 1
    return count if count < len(pages) else 0


def _masthead(first: list[Line], titles: list[Line], found: Meta, body: float) -> None:
    """Page 1 before its first paragraph: banners above the title, bylines and affiliations below."""
    start = next((i for i in range(len(first)) if prose(first, i, body)), len(first))
    below, names = False, True
    for ln in first[:start]:
        if ln in titles:
            below = True
            continue
        if ln.label is not None:
            continue
        if below and names and _byline(ln, found):
            continue
        names = names and not found.authors  # byline rows end at the first line that is not a name
        if not below or not headingish(ln, body):
            ln.label, ln.reason = "front_matter", "masthead"


def _byline(ln: Line, found: Meta) -> bool:
    name = meta.name_of(ln.raw)
    if name is None:
        return False
    ln.label, ln.reason = "byline", "byline"
    found.authors.append(name)
    return True


def _back_matter(lines: list[Line], body: float, found: Meta) -> None:
    """After an 'Author Information' or 'Disclaimer' heading, everything until a bigger heading."""
    size, collecting = 0.0, False
    authors: list[Line] = []
    for ln in lines:
        if ln.label not in (None, "front_matter") and not (size and ln.label == "dateline"):
            continue
        if headingish(ln, body) and BACK.match(ln.raw.strip()):
            size, ln.label, ln.reason = ln.size, "front_matter", "back_matter"
            collecting = ln.raw.lower().startswith(("author", "about"))
        elif size and headingish(ln, body) and ln.size >= size:
            size = 0.0
        elif size:
            ln.label, ln.reason = "front_matter", "back_matter"
            if collecting and meta.name_of(ln.raw):
                ln.label, ln.reason = "byline", "author_information"
                authors.append(ln)
        elif ln.label is None and body_size(ln, body) and meta.name_of(ln.raw) and "," in ln.raw:
            ln.label, ln.reason = "byline", "byline"  # "Paul K. Kerr, Specialist in Nonproliferation"
            found.authors.append(meta.name_of(ln.raw) or "")
    if authors and not found.authors:
        authors.sort(key=lambda a: (a.page, -round(a.y1 / 4), a.x0))  # rows, then left to right
        found.authors = [meta.name_of(a.raw) or "" for a in authors]
