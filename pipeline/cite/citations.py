"""`extract_citations`: a segmented Doc's footnotes -> Citation rows, resolved and linked to markers.

Several works in one note: the note stays ONE row (its number is what the markers point at); its
`raw` keeps every work, its fields describe the FIRST work, and the document gets the flag
`multi_work_note`. Notes with no marker in `doc.text` give the flag `footnote_without_marker`.
"""

from __future__ import annotations

import re

from pipeline.cite.markers import find_markers
from pipeline.cite.notes import collect_notes
from pipeline.cite.parser import parse_reference
from pipeline.cite.resolve import IBID, OPCIT, Full, fold_words, match, pages_of, short_form
from pipeline.doc import Citation, Doc
from pipeline.params import ExtractParams

_YEAR_OR_URL = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|https?://|www\.")


_NESTING = re.compile(r"[()\[\];]")  # the characters `split_works` acts on


def split_works(raw: str) -> list[str]:
    """A note's works: parts between top-level `;` that each carry a year or a URL of their own."""
    if ";" not in raw:
        return [raw]  # most notes: one part, whatever the brackets
    parts, depth, start = [], 0, 0
    # visit only brackets and semicolons: a Python loop over every character of every note cost more
    for m in _NESTING.finditer(raw):
        i, ch = m.start(), m.group()
        depth += ch in "([" and 1 or -(ch in ")]" and depth > 0)
        if ch == ";" and depth == 0:
            parts.append(raw[start:i])
            start = i + 1
    parts.append(raw[start:])
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) > 1 and all(_YEAR_OR_URL.search(p) for p in parts):
        return parts
    return [raw]


def _fields(raw: str, fulls: list[Full], previous: Citation | None, params: ExtractParams) -> tuple[dict, int | None]:
    """Parsed fields of one note and the note it refers to (None for a full reference)."""
    ibid = IBID.match(raw)
    if ibid and previous is not None:
        return {"author": [], "pages": pages_of(ibid.group("rest"))}, previous.refers_to or previous.note
    opcit = OPCIT.match(raw)
    if opcit and fulls:
        fields = {"author": [w for w in [opcit.group("who").strip(" ,")] if w], "pages": pages_of(opcit.group("rest"))}
        return fields, match(fulls, fields["author"], None, params.cite_short_title_overlap) or fulls[-1].note
    short = short_form(raw)
    if short is not None:
        target = match(fulls, short["author"], short["title"], params.cite_short_title_overlap)
        if target is not None:
            return short, target
    fields = parse_reference(raw)
    is_short = not any(fields.get(k) for k in ("date", "url", "container", "publisher", "volume"))
    if is_short and len(raw) <= params.cite_short_form_chars and fulls:
        target = match(fulls, fields["author"], fields.get("title"), params.cite_short_title_overlap)
        if target is not None:
            return fields, target
    return fields, None


def extract_citations(doc: Doc, params: ExtractParams = ExtractParams()) -> tuple[list[Citation], list[str]]:
    """Citation rows of `doc` (one per note, in page order) and the flags they raise for the doc."""
    citations, flags, _ = citations_and_markers(doc, params)
    return citations, flags


def citations_and_markers(doc: Doc, params: ExtractParams = ExtractParams()
                          ) -> tuple[list[Citation], list[str], list[tuple[int, int, int]]]:
    """`extract_citations` and the in-text markers (start, end, note) linked to the notes: the extract
    stage keeps numbers off those spans, and would otherwise scan the text for them a second time."""
    citations: list[Citation] = []
    fulls: list[Full] = []
    flags: list[str] = []
    for note, raw in collect_notes(doc.blocks):
        works = split_works(raw)
        if len(works) > 1 and "multi_work_note" not in flags:
            flags.append("multi_work_note")
        fields, refers_to = _fields(works[0], fulls, citations[-1] if citations else None, params)
        known = {k: fields.get(k) for k in ("title", "container", "publisher", "date", "volume", "issue", "pages", "url")}
        citation = Citation(note=note, raw=raw, authors=list(fields.get("author") or []), refers_to=refers_to, **known)
        citations.append(citation)
        if refers_to is None and (citation.authors or citation.title):
            names = {w for name in citation.authors for w in fold_words(name)}
            fulls.append(Full(note, names, set(fold_words(citation.title or ""))))
    by_note = {c.note: c for c in citations}
    markers = find_markers(doc.text, by_note, params.cite_marker_max_gap)
    for start, _, note in markers:
        by_note[note].marker_offsets.append(start)
    if any(not c.marker_offsets for c in citations):
        flags.append("footnote_without_marker")
    return citations, flags, markers
