"""Stage `segment`: label every line of the cleaned page, build the article body and its metadata."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from pipeline.doc import Doc
from pipeline.params import Params
from pipeline.segment import body, language, meta, model, site
from pipeline.segment.dates import years_in
from pipeline.segment.label import label_lines
from pipeline.segment.lines import split_lines
from pipeline.segment.scan import Scan

NAME = "segment"
CODE = ("stages/segment.py", "segment")  # package files this stage runs besides cache.SHARED_CODE; dvc.yaml deps match
INPUT = "clean"
# the Doc fields `process` reads and sets: workers get and give back only these (mapper.fields)
READS = ("doc_id", "page", "hints", "flags", "title", "authors", "published", "site")
WRITES = ("blocks", "text", "title", "authors", "published", "site", "language", "flags")
PREPARE_READS = ("doc_id", "page")  # what `prepare` reads of a Doc (runner.prepare_fields)


def prepare(batches: Callable[[], Iterator[list[Doc]]], params: Params) -> dict[str, frozenset[str]]:
    """Site-level pre-pass: {doc_id: lines that other pages of the same template repeat}."""

    def pages() -> Iterator[tuple[str, str]]:  # read twice by repeated_lines: the corpus is never held
        return ((doc.doc_id, doc.page) for batch in batches() for doc in batch if doc.ok)

    return site.repeated_lines(pages, params.segment.site_min_shared)


def process(doc: Doc, params: Params, context: object, line_model: model.LineModel | None = None) -> Doc:
    """`line_model`: the committed model unless given (bench/train_segment.py scores held-out pages with fold models)."""
    repeated = context.get(doc.doc_id, frozenset()) if isinstance(context, dict) else frozenset()
    lines = split_lines(doc.page)
    scan = Scan([ln for ln in lines if ln.text])
    lab = label_lines(lines, doc.hints, line_model or model.load(), repeated, params.segment.soft_hint_weight, scan)
    doc.blocks = body.build_blocks(doc.page, lines, lab, scan.rows)
    doc.text = body.join_text(body.body_paragraphs(lines, lab, scan.rows))
    # metadata with odd spaces (NBSP, tabs) collapsed: they are values, not layout
    # what ingest read from a PDF's layout or an HTML page's <meta> and JSON-LD is the document's own
    # statement: the labelled lines only fill what it leaves open
    found_title = " ".join(lines[lab.title].text.split()) if lab.title is not None else None
    doc.title = doc.title or found_title
    doc.authors = doc.authors or [" ".join(a.split()) for a in lab.authors]
    doc.published = doc.published or lab.published
    doc.site = doc.site or meta.find_site(lines, scan)
    doc.language = language.detect(doc.text or doc.page)
    if doc.published is None:
        doc.flag("no_article_date")
    else:
        cited = [y for b in doc.blocks if b.label == "footnote" for y in years_in(b.text)]
        if cited and max(cited) > int(doc.published[:4]):
            doc.flag("published_before_cited_work")
    if len(doc.text) < params.segment.min_body_chars:
        doc.flag("short_body")
    return doc


def context_key(doc: Doc, context: object) -> str:
    """Only this page's site-repeated lines matter to it: other sites' pages do not invalidate it."""
    repeated = context.get(doc.doc_id, frozenset()) if isinstance(context, dict) else frozenset()
    return hashlib.sha256("\n".join(sorted(repeated)).encode()).hexdigest()
