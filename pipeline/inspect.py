"""`python -m pipeline inspect DOC`: why each line was kept or dropped, and what was extracted.

Prints the cleaned page line by line with its label and the reason, then the body with citation
markers and numbers picked out, then the citations and numbers found. rich's Console colours the
output on a terminal and writes plain text when piped, so `inspect DOC | grep` works.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.text import Text

from pipeline.doc import Doc
from pipeline.errors import FatalError
from pipeline.params import Params
from pipeline.report.data import find_doc
from pipeline.report.labels import colour
from pipeline.report.views import describe, marker_marks, number_marks, page_lines, segments, visible

LABEL_WIDTH = 12  # the longest label, front_matter, fits
MARK_STYLES = {"marker": "bold magenta", "number": "bold black on yellow"}


def load(key: str, outputs: Path, params: Callable[[], Params]) -> tuple[Doc, bool]:
    """The document `key` names, from the outputs; an input file not yet published is processed now (True).

    `params` is called only then: reading published outputs needs no params.yaml.
    """
    doc = find_doc(outputs, key)
    if doc is not None:
        return doc, False
    from pipeline.steps import process_files  # the stage chain, only when the outputs do not have it

    doc = process_files([Path(key)], params(), upto="extract")[0]
    if not doc.ok:
        raise FatalError(f"{key}: failed at stage {doc.error_stage}: {doc.error}")
    return doc, True


def _header(doc: Doc, console: Console, live: bool) -> None:
    where = "processed now, not in the outputs" if live else "from the outputs"
    console.print(Text(f"{doc.doc_id}  {doc.source_path}  ({doc.format}, {doc.encoding or '?'}; {where})", style="bold"), soft_wrap=True)
    fields = {"title": doc.title, "authors": "; ".join(doc.authors), "published": doc.published, "site": doc.site,
              "language": doc.language, "flags": ", ".join(doc.flags), "fixes": ", ".join(f"{k}={v}" for k, v in sorted(doc.fixes.items()))}
    for name, value in fields.items():
        if value:
            console.print(Text.assemble((f"{name:>10}: ", "dim"), visible(str(value))), soft_wrap=True)


def show_page(doc: Doc, console: Console) -> None:
    lines = page_lines(doc)
    console.rule(Text(f"page: {len(lines)} lines in {len(doc.blocks)} blocks (label, [reason], text)"), style="dim")
    for line in lines:
        label = line.label or "UNLABELLED"
        line_style = colour(line.label)
        reason_style = "italic" if line.first else "italic dim"
        console.print(
            Text.assemble(
                (f"{line.number:>4} ", "dim"),
                (f"{label:<{LABEL_WIDTH}} ", f"bold {line_style}"),
                (f"[{line.reason or 'no block covers this line'}] ", reason_style),
                (visible(line.text), line_style if line.label else f"bold {line_style}"),
            ),
            soft_wrap=True,
        )


def show_body(doc: Doc, console: Console) -> None:
    console.rule(Text(f"body: {len(doc.text)} characters (markers magenta, numbers yellow)"), style="dim")
    body = Text()
    for text, mark in segments(doc.text, marker_marks(doc.text, doc.citations) + number_marks(doc.numbers)):
        body.append(visible(text).replace("␊", "\n"), MARK_STYLES[mark.kind] if mark else None)
    console.print(body, soft_wrap=True)


def show_citations(doc: Doc, console: Console) -> None:
    console.rule(Text(f"citations: {len(doc.citations)}"), style="dim")
    for c in sorted(doc.citations, key=lambda c: c.note):
        markers = ", ".join(f"{doc.text[m.start:m.end]!r}@{m.start}" for m in marker_marks(doc.text, [c])) or "no marker in the body"
        console.print(Text.assemble((f"[{c.note}] ", "bold magenta"), (f"markers: {markers}", "magenta"), "  ", visible(c.raw)), soft_wrap=True)
        parsed = {"authors": "; ".join(c.authors), "title": c.title, "container": c.container, "publisher": c.publisher, "date": c.date,
                  "volume": c.volume, "issue": c.issue, "pages": c.pages, "url": c.url, "refers_to": c.refers_to}
        found = "  ".join(f"{k}={v}" for k, v in parsed.items() if v not in (None, ""))
        console.print(Text(visible(f"      {found or '(no fields parsed)'}"), style="dim"), soft_wrap=True)


def show_numbers(doc: Doc, console: Console) -> None:
    console.rule(Text(f"numbers: {len(doc.numbers)}"), style="dim")
    for n in sorted(doc.numbers, key=lambda n: (n.start, n.end)):
        console.print(Text.assemble((f"{n.start:>6}-{n.end:<6} ", "dim"), (visible(n.surface), MARK_STYLES["number"]), f"  = {describe(n)}"), soft_wrap=True)


def show(doc: Doc, console: Console, live: bool = False) -> None:
    """Everything about one document, in reading order: header, page, body, citations, numbers."""
    _header(doc, console, live)
    show_page(doc, console)
    show_body(doc, console)
    show_citations(doc, console)
    show_numbers(doc, console)
