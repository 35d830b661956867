"""read_pdf: one pdfminer pass, then layout rules, then text + hints + metadata."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.doc import Hint
from pipeline.errors import DocError
from pipeline.pdf import chrome, columns, compiled, emit, matter, notes, paragraphs, source
from pipeline.pdf.config import LAYOUT
from pipeline.pdf.glyphs import Line, page_lines
from pipeline.pdf.hyphens import Vocabulary
from pipeline.pdf.text import mark_superscripts, render


@dataclass
class PdfResult:
    text: str
    hints: list[Hint]
    pages: int
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    flags: list[str] = field(default_factory=list)


def read_pdf(data: bytes, max_pages: int, min_text_chars: int) -> PdfResult:
    doc = source.open_document(data)
    count = source.page_count(doc)
    if count > max_pages:
        raise DocError(f"too many pages: {count} pages, over the limit ingest.max_pages={max_pages}")
    raw: list[list[Line]] = []
    heights: dict[int, float] = {}
    for number, page in enumerate(source.layouts(doc, max_pages), 1):
        heights[number] = page.height
        raw.append(page_lines(page, number))
    if not raw:
        raise DocError("empty PDF: it has no pages")
    sizes = Counter(round(g.size, 1) for lines in raw for ln in lines for g in ln.glyphs if g.size and not g.text.isspace())
    if sum(sizes.values()) < max(min_text_chars, 1):
        raise DocError(f"no text layer: {len(raw)} image-only page(s), OCR is not supported")
    body = body_size(sizes)
    pages = [_order(lines, body) for lines in raw]
    flat = [ln for lines in pages for ln in lines]
    running = chrome.mark(flat, heights, body)
    for ln in pages[0]:
        if ln.label is None and chrome.part_of_running(ln, running, heights[1]):
            ln.label, ln.reason = "chrome", "running_head"
    notes.mark(pages, body)
    found = matter.label(pages, body)
    quotes = _block_quotes(flat, body)
    for ln in flat:
        if ln.label is None and ln.display < LAYOUT.small_ratio * body and id(ln) not in quotes:
            ln.label, ln.reason = "caption", "small_type"
    vocab = Vocabulary([ln.text for ln in flat])
    seq = emit.units(flat, paragraphs.group(flat, body), vocab)
    compiled.mark(seq)
    text, hints = emit.layout(seq)
    return PdfResult(text, hints, len(raw), found.title, found.authors, found.published, _flags(seq))


def body_size(sizes: Counter[float]) -> float:
    """The running-text size: the largest size that is common, since footnotes can outnumber the
    body (263 notes in a 39-page CRS report) but are always set smaller than it."""
    top = sizes.most_common(1)[0][1]
    return max(size for size, count in sizes.items() if count >= LAYOUT.body_share * top)


def _order(lines: list[Line], body: float) -> list[Line]:
    """One page's lines rebuilt and put in reading order."""
    usable = [ln for ln in lines if ln.size >= LAYOUT.tiny_ratio * body]
    columns.assign(lines, columns.gutters(usable))
    lines = columns.attach_markers(columns.merge_baselines(lines))
    for ln in lines:
        mark_superscripts(ln)
        ln.text = render(ln)
    return sorted(lines, key=columns.order_key)


def _block_quotes(flat: list[Line], body: float) -> set[int]:
    """Indented runs of slightly smaller full lines are quotations, part of the body."""
    found: set[int] = set()
    run: list[Line] = []
    for ln in [*flat, None]:
        small = ln is not None and ln.label is None and LAYOUT.quote_ratio * body <= ln.display < LAYOUT.small_ratio * body
        if small and (not run or (run[-1].page, run[-1].col) == (ln.page, ln.col)):  # type: ignore[union-attr]
            run.append(ln)  # type: ignore[arg-type]
            continue
        if len(run) >= 2 and _quote_shape(run, flat):
            found.update(id(q) for q in run)
        run = [ln] if small else []  # type: ignore[list-item]
    return found


def _quote_shape(run: list[Line], flat: list[Line]) -> bool:
    page = [ln for ln in flat if ln.page == run[0].page and ln.col == run[0].col and ln.label is None]
    left, right = min(ln.x0 for ln in page), max(ln.x1 for ln in page)
    wide = sum(1 for ln in run if ln.width >= 0.6 * (right - left)) >= len(run) - 1
    return wide and all(ln.x0 >= left + ln.size for ln in run)


def _flags(seq: list[emit.Unit]) -> list[str]:
    numbers = {u.note for u in seq if u.note is not None}
    flags = []
    if numbers - emit.marker_numbers(seq):
        flags.append("footnote_without_marker")
    return flags
