"""The report re-renders only the pages whose document changed, and its files equal a run from scratch."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT
from jinja2 import Environment
from report_data import build_outputs, make_doc

from pipeline import parts
from pipeline.report import published, write_report
from pipeline.report.html import MANIFEST, page_name
from pipeline.report.page import css, lines_html, number_rows
from pipeline.report.views import page_lines, value_range

# The Jinja loops page.py replaced, as doc.html had them: the Python versions must give their bytes.
_LOOPS = """{% for line in lines %}
<div class="line l-{{ (line.label or 'unlabelled') | css }}{% if line.first %} first{% endif %}" id="L{{ line.number }}" title="{{ line.label or 'no block covers this line' }}: {{ line.reason or '' }}"><span class="ln">{{ line.number }}</span><span class="lab">{{ line.label or "UNLABELLED" }}</span><span class="txt">{% if line.first and line.note in notes %}<a href="#note-{{ line.note }}">{{ line.text }}</a>{% else %}{{ line.text }}{% endif %}</span>{% if line.first %}<span class="why">{{ line.reason }}</span>{% endif %}</div>
{% endfor %}
|{% for i, n in numbers %}<tr><td><a href="#n{{ i }}"><mark class="num k-{{ n.kind | css }}">{{ n.surface }}</mark></a></td><td>{{ n.kind }}</td><td class="n">{{ value_range(n) }}</td><td>{{ n.unit or "" }}</td><td>{{ n.date or "" }}</td><td>{{ n.qualifier or "" }}</td><td class="sentence">{{ n.sentence }}</td></tr>
{% endfor %}"""


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_python_lines_and_number_rows_give_the_template_loops_bytes() -> None:
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]  # the seed with footnotes
    hostile = seed.read_text(encoding="utf-8") + "\n<b>&amp;</b> \"quoted\" 'single'\0nul " + "word " * 40 + "\n"
    doc = make_doc(seed, hostile)
    doc.blocks[0].reason = 'a <reason> with "quotes" & more'
    doc.numbers[0] = dataclasses.replace(doc.numbers[0], unit="<u>", qualifier="'approx'", sentence='a "<sentence>"')
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["css"] = css
    lines = page_lines(doc)
    notes = {c.note for c in doc.citations}
    numbers = sorted(enumerate(doc.numbers), key=lambda iv: (iv[1].start, iv[1].end))
    assert notes and any(line.first and line.note in notes for line in lines) and numbers
    expected = env.from_string(_LOOPS).render(lines=lines, notes=notes, numbers=numbers, value_range=value_range)
    assert f"{lines_html(lines, notes)}|{number_rows(numbers)}" == expected


def test_rerun_renders_changed_pages_only_and_equals_a_fresh_report(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    docs = build_outputs(tmp_path, [make_doc(p) for p in seeds])
    report = tmp_path / "report"
    assert write_report(tmp_path, report)["rendered"] == len(docs)
    assert write_report(tmp_path, report)["rendered"] == 0  # nothing changed: every page kept

    edited = make_doc(seeds[1], seeds[1].read_text(encoding="utf-8") + "\nEdited after the first report, " + "word " * 40 + "\n")
    renumbered = dataclasses.replace(docs[4], numbers=[dataclasses.replace(docs[4].numbers[0], value=12345.0), *docs[4].numbers[1:]])
    kept = [docs[0], edited, docs[3], renumbered]  # docs[2] deleted: its neighbours' links change
    build_outputs(tmp_path, kept)
    stale = report / "docs" / page_name(docs[2].doc_id)
    assert stale.is_file()
    written = write_report(tmp_path, report)

    # edited (its text), docs[3] (its previous neighbour is now docs[1]) and renumbered (one number's
    # value); docs[0] keeps its rows and its neighbour's page name, so its page is kept
    assert written["rendered"] == 3
    assert not stale.exists()
    fresh = tmp_path / "fresh"
    write_report(tmp_path, fresh)
    assert _files(report) == _files(fresh)
    assert sorted(json.loads((report / MANIFEST).read_text(encoding="utf-8"))) == sorted(page_name(d.doc_id) for d in kept)


def test_a_missing_page_or_manifest_is_rendered_again(tmp_path: Path) -> None:
    docs = build_outputs(tmp_path, [make_doc(p) for p in sorted((ROOT / "seeds").glob("*.txt"))[:3]])
    report = tmp_path / "report"
    write_report(tmp_path, report)
    before = _files(report)
    (report / "docs" / page_name(docs[1].doc_id)).unlink()
    assert write_report(tmp_path, report)["rendered"] == 1
    (report / MANIFEST).write_text("{half a manif", encoding="utf-8")
    assert write_report(tmp_path, report)["rendered"] == len(docs)
    assert _files(report) == before


def test_pages_rendered_part_by_part_and_by_workers_equal_one_whole_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows are read two documents at a time here (parts of PART_DOCS), and `run.jobs` workers take
    every other part: same files and manifest as a report that reads every dataset whole, and a re-run
    after one edit renders that page only, whichever worker holds it."""
    monkeypatch.setattr(published, "PART_DOCS", 2)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    docs = build_outputs(tmp_path, [make_doc(p) for p in seeds])
    assert published.Published(tmp_path).whole is None and published.Published(tmp_path).part_count() == 3
    one, two, whole = tmp_path / "one", tmp_path / "two", tmp_path / "whole"
    assert write_report(tmp_path, one)["rendered"] == write_report(tmp_path, two, jobs=2)["rendered"] == len(docs)
    with monkeypatch.context() as m:
        m.setattr(parts, "bounds", lambda *_: None)  # as when a file is not grouped by document: read whole
        assert published.Published(tmp_path).whole is not None
        write_report(tmp_path, whole, jobs=2)
    assert _files(one) == _files(two) == _files(whole)
    build_outputs(tmp_path, [*docs[:2], make_doc(seeds[2], seeds[2].read_text(encoding="utf-8") + "\nEdited, " + "word " * 40 + "\n"), *docs[3:]])
    assert write_report(tmp_path, two, jobs=2)["rendered"] == 1
    write_report(tmp_path, one)
    assert _files(one) == _files(two)


def test_datasets_not_grouped_by_document_are_read_whole_with_the_same_pages(tmp_path: Path) -> None:
    """A blocks file whose rows are not grouped by document (reversed here, as a hand edit might leave
    it) cannot be read part by part: the report reads it whole and shows the same pages."""
    docs = build_outputs(tmp_path, [make_doc(p) for p in sorted((ROOT / "seeds").glob("*.txt"))])
    write_report(tmp_path, tmp_path / "grouped")
    blocks = tmp_path / "blocks.parquet"
    table = pq.read_table(blocks)
    pq.write_table(table.take(pa.array(range(table.num_rows - 1, -1, -1), pa.int64())), blocks)
    assert published.Published(tmp_path).whole is not None
    write_report(tmp_path, tmp_path / "reversed")
    grouped, reversed_ = _files(tmp_path / "grouped"), _files(tmp_path / "reversed")
    assert len(docs) > 1 and grouped.keys() == reversed_.keys()
    assert {k: v for k, v in grouped.items() if k != MANIFEST} == {k: v for k, v in reversed_.items() if k != MANIFEST}
