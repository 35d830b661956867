"""One document's page (`docs/<doc_id>.html`): the labelled page lines beside the marked-up body.

The line list is built here in Python rather than in a Jinja loop: a report has a few hundred
thousand lines, and the template's per-line attribute lookups and escapes were most of its time.
The bytes are those the template loop gave (tests/test_report_incremental.py pins them).
"""

from __future__ import annotations

import re

from jinja2 import Environment
from markupsafe import Markup

from pipeline.doc import Doc, Number
from pipeline.report.views import Line, describe, marker_marks, number_marks, page_lines, segments, value_range

_UNSAFE = re.compile(r"[^0-9A-Za-z_-]")


def page_name(doc_id: str) -> str:
    return f"{_UNSAFE.sub('_', doc_id)}.html"


def css(value: object) -> str:
    return _UNSAFE.sub("_", str(value))


def _escape(value: object) -> str:
    # markupsafe.escape's replacements on a plain str: a Markup object per call cost more than the escaping
    text = str(value)
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")


def _escape_all(texts: list[str]) -> list[str]:
    """`_escape` of each text, in one call for the lot when a separator occurs in none of them."""
    joined = "\0".join(texts)
    if joined.count("\0") != max(0, len(texts) - 1):
        return [_escape(t) for t in texts]
    return _escape(joined).split("\0") if texts else []


def lines_html(lines: list[Line], notes: set[int]) -> Markup:
    """Each page line as a `<div>` with its label, and the reason on the first line of its block."""
    out: list[str] = []
    heads: dict[tuple[str | None, str | None], tuple[str, str, str, str]] = {}  # per (label, reason): built once
    for (n, _, label, reason, _, first, note), text in zip(lines, _escape_all([line.text for line in lines])):
        head = heads.get((label, reason))
        if head is None:
            title = f"{_escape(label or 'no block covers this line')}: {_escape(reason or '')}"
            head = heads[(label, reason)] = (css(label or "unlabelled"), title, _escape(label or "UNLABELLED"), _escape(reason))
        klass, title, shown, why = head
        if first and note in notes:
            text = f'<a href="#note-{note}">{text}</a>'
        tail = f'<span class="why">{why}</span>' if first else ""
        out.append(
            f'<div class="line l-{klass}{" first" if first else ""}" id="L{n}" title="{title}"><span class="ln">{n}</span>'
            f'<span class="lab">{shown}</span><span class="txt">{text}</span>{tail}</div>\n'
        )
    return Markup("".join(out))


def number_rows(numbers: list[tuple[int, Number]]) -> Markup:
    """The numbers table's rows, (row index, number) in page order."""
    out = []
    cells = _escape_all([c for _, n in numbers for c in (n.surface, n.kind, value_range(n), n.unit or "", n.date or "", n.qualifier or "", n.sentence)])
    for k, (i, n) in enumerate(numbers):
        surface, kind, value, unit, date, qualifier, sentence = cells[7 * k : 7 * k + 7]
        out.append(
            f'<tr><td><a href="#n{i}"><mark class="num k-{css(n.kind)}">{surface}</mark></a></td><td>{kind}</td><td class="n">{value}</td>'
            f'<td>{unit}</td><td>{date}</td><td>{qualifier}</td><td class="sentence">{sentence}</td></tr>\n'
        )
    return Markup("".join(out))


def body_html(doc: Doc) -> Markup:
    """The body with each citation marker linked to its note and each number marked with its value."""
    raw = {c.note: c.raw for c in doc.citations}
    out: list[str] = []
    for text, mark in segments(doc.text, marker_marks(doc.text, doc.citations) + number_marks(doc.numbers)):
        if mark is None:
            out.append(_escape(text))
        elif mark.kind == "marker":
            tip = f"note {mark.note}: {raw.get(mark.note, '')[:300]}"
            out.append(f'<a class="marker" id="m{mark.note}-{mark.index}" href="#note-{mark.note}" title="{_escape(tip)}">{_escape(text)}</a>')
        else:
            out.append(f'<mark class="num k-{css(mark.number.kind)}" id="n{mark.index}" title="{_escape(describe(mark.number))}">{_escape(text)}</mark>')
    return Markup("".join(out))


def render_page(env: Environment, doc: Doc, prev: str | None, next_: str | None) -> str:
    lines = page_lines(doc)
    notes = {c.note for c in doc.citations}
    markers = {c.note: [m.index for m in marker_marks(doc.text, [c])] for c in doc.citations}
    labels: dict[str, int] = {}
    for line in lines:
        labels[line.label or "unlabelled"] = labels.get(line.label or "unlabelled", 0) + 1
    return env.get_template("doc.html").render(
        doc=doc, line_count=len(lines), lines=lines_html(lines, notes), labels=sorted(labels.items()), body=body_html(doc), markers=markers,
        number_rows=number_rows(sorted(enumerate(doc.numbers), key=lambda iv: (iv[1].start, iv[1].end))), numbers=len(doc.numbers),
        citations=sorted(doc.citations, key=lambda c: c.note), notes=notes, prev=prev, next=next_,
    )
