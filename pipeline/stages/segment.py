"""Stage `segment`: label every line of the cleaned page, build the article body and its metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from pipeline.doc import Doc
from pipeline.io import Source
from pipeline.params import Params
from pipeline.segment import body, language, meta, model, site
from pipeline.segment.dates import years_in
from pipeline.segment.label import label_lines
from pipeline.segment.lines import split_lines
from pipeline.segment.scan import Scan
from pipeline.segment.site_kept import KeptLineKeys

NAME = "segment"
CODE = ("stages/segment.py", "segment")  # package files this stage runs besides cache.SHARED_CODE; dvc.yaml deps match
INPUT = "clean"
# the Doc fields `process` reads and sets: workers get and give back only these (mapper.fields)
READS = ("doc_id", "source_path", "page", "hints", "flags", "title", "authors", "published", "site")
WRITES = ("blocks", "text", "title", "authors", "published", "site", "language", "flags")
PREPARE_READS = ("source_path", "key")  # what `prepare` reads of every Doc (runner.prepare_fields); pages it reads only when new
PAGE_READS = ["source_path", "key", "page", "error"]


def prepare(source: Source, params: Params, outputs: Path | None = None) -> dict[str, tuple[int, ...]]:
    """Site-level pre-pass: {source_path: positions of the page's lines that other pages of the same
    template repeat}, among its distinct short lines (site.py). Line keys of pages seen by the last
    run are read from `outputs` (site_kept.py); only new pages are read and hashed."""
    kept = KeptLineKeys(None if outputs is None else outputs / "interim" / "site")
    names: list[str] = []
    keys: list[str] = []
    unkeyed: dict[int, np.ndarray] = {}  # Docs held in memory whole by the step commands have no key ("")
    new_in: set[int] = set()  # batches with a page not seen before
    for number, batch in enumerate(source()):
        for doc in batch:
            if doc.ok:
                if not doc.key:
                    unkeyed[len(names)] = site.page_keys(doc.page)
                elif doc.key not in kept:
                    new_in.add(number)
                names.append(doc.source_path)
                keys.append(doc.key)
    if new_in:
        for batch in source(PAGE_READS, new_in):
            for doc in batch:
                if doc.ok and doc.key and doc.key not in kept:
                    kept.add(doc.key, doc.page)
    pages = ((name, kept[key] if key else unkeyed[i]) for i, (name, key) in enumerate(zip(names, keys)))
    context = site.repeated_positions(pages, params.segment.site_min_shared)
    kept.save(list(filter(None, keys)))
    return context


def process(doc: Doc, params: Params, context: object, line_model: model.LineModel | None = None) -> Doc:
    """`line_model`: the committed model unless given (bench/train_segment.py scores held-out pages with fold models)."""
    lines = split_lines(doc.page)
    repeated = site.lines_at((ln.text for ln in lines), _positions(doc, context))
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
    """Only where this page's site-repeated lines are matters to it: other sites' pages do not invalidate it."""
    return hashlib.sha256(",".join(map(str, _positions(doc, context))).encode()).hexdigest()


def _positions(doc: Doc, context: object) -> tuple[int, ...]:
    """The page's site-repeated lines in `prepare`'s answer (none without one: a page alone)."""
    return context.get(doc.source_path, ()) if isinstance(context, dict) else ()
