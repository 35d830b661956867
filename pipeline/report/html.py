"""The static HTML report: `index.html` (corpus summary) and `docs/<doc_id>.html` (one page per document).

Jinja2 templates with autoescaping (page text is untrusted HTML-ish input); no script and no
network asset anywhere, so the report opens offline and from a CI artifact. Same outputs, same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from pipeline.doc import Doc
from pipeline.report.data import load_docs
from pipeline.report.labels import COLOURS, UNLABELLED, colour
from pipeline.report.summary import summarise
from pipeline.report.svg import bar_chart
from pipeline.report.views import describe, marker_marks, number_marks, page_lines, segments, value_range

_UNSAFE = re.compile(r"[^0-9A-Za-z_-]")
DROPPED = ("chrome", "front_matter")  # labels whose lines stay out of documents.text and carry no notes
_WORD = re.compile(r"\w+")  # publish's definition of documents.words


def page_name(doc_id: str) -> str:
    return f"{_UNSAFE.sub('_', doc_id)}.html"


def body_html(doc: Doc) -> Markup:
    """The body with each citation marker linked to its note and each number marked with its value."""
    raw = {c.note: c.raw for c in doc.citations}
    out: list[str] = []
    for text, mark in segments(doc.text, marker_marks(doc.text, doc.citations) + number_marks(doc.numbers)):
        if mark is None:
            out.append(escape(text))
        elif mark.kind == "marker":
            tip = f"note {mark.note}: {raw.get(mark.note, '')[:300]}"
            out.append(f'<a class="marker" id="m{mark.note}-{mark.index}" href="#note-{mark.note}" title="{escape(tip)}">{escape(text)}</a>')
        else:
            kind = _UNSAFE.sub("_", mark.number.kind)
            out.append(f'<mark class="num k-{kind}" id="n{mark.index}" title="{escape(describe(mark.number))}">{escape(text)}</mark>')
    return Markup("".join(out))


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.report"), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(colour=colour, describe=describe, value_range=value_range, page_name=page_name, colours=COLOURS, unlabelled=UNLABELLED)
    env.filters["css"] = lambda value: _UNSAFE.sub("_", str(value))
    return env


def _doc_page(env: Environment, doc: Doc, prev: str | None, next_: str | None) -> str:
    lines = page_lines(doc)
    markers = {c.note: [m.index for m in marker_marks(doc.text, [c])] for c in doc.citations}
    labels: dict[str, int] = {}
    for line in lines:
        labels[line.label or "unlabelled"] = labels.get(line.label or "unlabelled", 0) + 1
    return env.get_template("doc.html").render(
        doc=doc, lines=lines, labels=sorted(labels.items()), body=body_html(doc), markers=markers,
        numbers=sorted(enumerate(doc.numbers), key=lambda iv: (iv[1].start, iv[1].end)),
        citations=sorted(doc.citations, key=lambda c: c.note), notes={c.note for c in doc.citations}, prev=prev, next=next_,
    )


def _quality_charts(area: str, scores: list[tuple[str, float]], floors: dict[str, float]) -> tuple[Markup, Markup | None]:
    """The pinned metrics (those with a floor) up front, every score behind a disclosure; all of them if none is pinned."""
    pinned = [(k, v) for k, v in scores if k in floors]
    if not pinned:
        return bar_chart(scores, f"quality: {area}", maximum=1.0), None
    return bar_chart(pinned, f"quality: {area} (pinned)", maximum=1.0, floors=floors), bar_chart(scores, f"quality: {area} (all)", maximum=1.0, floors=floors)


def write_report(outputs: Path, out: Path | None = None, floors: Path = Path("bench/floors.yaml")) -> dict[str, int]:
    """Write the report under `out` (default `outputs/report`); returns what was written, for the summary line.

    `floors` (quality floors pinned for CI) marks the quality charts when the file exists.
    """
    out = out or outputs / "report"
    env = _environment()
    summary = summarise(outputs, floors)
    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for stale in docs_dir.glob("*.html"):  # only our own pages: `out` may be a folder the user also uses
        stale.unlink()
    index: list[dict] = []
    docs = list(load_docs(outputs))
    for i, doc in enumerate(docs):
        prev = page_name(docs[i - 1].doc_id) if i else None
        next_ = page_name(docs[i + 1].doc_id) if i + 1 < len(docs) else None
        (docs_dir / page_name(doc.doc_id)).write_text(_doc_page(env, doc, prev, next_), encoding="utf-8")
        index.append({"doc": doc, "href": f"docs/{page_name(doc.doc_id)}", "dropped": sum(1 for b in doc.blocks if b.label in DROPPED), "words": len(_WORD.findall(doc.text))})
    charts = {
        "blocks": bar_chart(summary.blocks_by_label, "blocks by label", colours=COLOURS),
        "numbers": bar_chart(summary.numbers_by_kind, "numbers by kind"),
        "validation": bar_chart(summary.validation, "validation pass rates", maximum=1.0) if summary.validation else None,
        "quality": {area: _quality_charts(area, scores, summary.floors.get(area, {})) for area, scores in summary.quality.items()},
    }
    (out / "index.html").write_text(env.get_template("index.html").render(summary=summary, docs=index, charts=charts), encoding="utf-8")
    (out / "style.css").write_text(env.get_template("style.css").render(), encoding="utf-8")
    return {"documents": len(docs), "errors": len(summary.errors)}
