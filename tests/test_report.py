"""The HTML report: one page per document, working links, no network assets, no script, same bytes twice."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT
from report_data import build_outputs, make_doc

from pipeline.cli import main
from pipeline.doc import Doc
from pipeline.report import write_report
from pipeline.report.html import page_name


class Tags(HTMLParser):
    """Every start tag with its attributes, and the ids defined, of one HTML file."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}

    def with_class(self, name: str) -> list[tuple[str, dict[str, str]]]:
        return [(t, a) for t, a in self.tags if name in a.get("class", "").split()]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Doc]]:
    outputs = tmp_path_factory.mktemp("outputs")
    docs = build_outputs(outputs)
    floors = outputs / "floors.yaml"
    floors.write_text("segment:\n  sh4: {f1: 0.95, precision: 0.9}\n", encoding="utf-8")
    write_report(outputs, floors=floors)
    return outputs, docs


def test_every_document_has_a_linked_page(report: tuple[Path, list[Doc]]) -> None:
    outputs, docs = report
    index = Tags(outputs / "report" / "index.html")
    links = {a["href"] for t, a in index.tags if t == "a"}
    published = pd.read_parquet(outputs / "documents.parquet")["doc_id"]
    assert len(published) == len(docs) > 0
    for doc_id in published:
        assert (outputs / "report" / "docs" / page_name(doc_id)).is_file()
        assert f"docs/{page_name(doc_id)}" in links
    assert sorted(p.name for p in (outputs / "report" / "docs").iterdir()) == sorted(page_name(d) for d in published)


def test_document_page_shows_every_line_labelled_beside_the_body(report: tuple[Path, list[Doc]]) -> None:
    outputs, docs = report
    for doc in docs:
        page = Tags(outputs / "report" / "docs" / page_name(doc.doc_id))
        lines = page.with_class("line")
        assert len(lines) == doc.page.count("\n") + 1
        labels = [next(c[2:] for c in a["class"].split() if c.startswith("l-")) for _, a in lines]
        assert "unlabelled" not in labels
        assert set(labels) == {b.label for b in doc.blocks}
        assert {"page", "body", "citations", "numbers"} <= page.ids()
        assert len(page.with_class("num")) == 2 * len(doc.numbers)  # one in the body, one in the table


def test_markers_numbers_and_notes_are_linked(report: tuple[Path, list[Doc]]) -> None:
    outputs, docs = report
    doc = next(d for d in docs if any(c.marker_offsets for c in d.citations))
    page = Tags(outputs / "report" / "docs" / page_name(doc.doc_id))
    ids = page.ids()
    markers = page.with_class("marker")
    assert len(markers) == sum(len(c.marker_offsets) for c in doc.citations)
    for _, attrs in markers:
        assert attrs["href"].lstrip("#") in ids and attrs["href"].startswith("#note-")
        assert attrs["title"].startswith("note ")
    for _, attrs in page.tags:
        if attrs.get("href", "").startswith("#"):
            assert attrs["href"][1:] in ids, attrs["href"]
    tips = [a["title"] for t, a in page.with_class("num") if t == "mark" and "title" in a]
    assert len(tips) == len(doc.numbers)
    assert all(re.match(r"(year|cardinal) [\d,.]+", tip) for tip in tips)


def test_no_network_assets_no_script_and_links_resolve(report: tuple[Path, list[Doc]]) -> None:
    outputs, docs = report
    urls = {c.url for d in docs for c in d.citations if c.url}
    external = 0
    for path in sorted((outputs / "report").rglob("*.html")):
        for tag, attrs in Tags(path).tags:
            assert tag not in ("script", "iframe", "object", "embed"), (path.name, tag)
            for name in ("src", "href", "srcset", "action", "data", "poster"):
                value = attrs.get(name)
                if value is None or value.startswith("#"):
                    continue
                if re.match(r"(?i)([a-z][a-z0-9+.-]*:|//)", value):
                    # the only outward links: a citation's own URL, as a plain link to follow, never loaded
                    assert tag == "a" and "ext" in attrs.get("class", "") and value in urls, (path.name, tag, value)
                    external += 1
                else:
                    assert (path.parent / value.split("#")[0]).is_file(), (path.name, value)
            assert not any(k.startswith("on") for k in attrs), (path.name, tag)
    assert external == len([1 for d in docs for c in d.citations if c.url])
    css = (outputs / "report" / "style.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css


def test_summary_charts_from_metrics_and_quality(report: tuple[Path, list[Doc]]) -> None:
    outputs, _ = report
    index = Tags(outputs / "report" / "index.html")
    text = (outputs / "report" / "index.html").read_text(encoding="utf-8")
    charts = [t for t, _ in index.tags if t == "svg"]
    assert len(charts) == 5  # blocks, numbers, validation, one quality area: pinned metrics and all scores
    floor_ticks = [t for t, _ in index.tags if t == "line"]
    assert len(floor_ticks) == 4  # two pinned metrics, in both charts
    assert "sh4.f1: 0.900 (floor 0.950)" in text and 'fill="#d62728"' in text  # under its floor: red
    assert "numbers.pass_rate" in text and "sh4.f1" in text
    assert "<code>numbers.error</code> 2" in text  # failed checks named with their count
    errors = pd.read_parquet(outputs / "errors.parquet")
    assert all(e in text for e in errors["source_path"])


def test_same_bytes_twice_and_hostile_text_is_escaped(tmp_path: Path) -> None:
    seed = sorted((ROOT / "seeds").iterdir())[1]
    hostile = seed.read_text(encoding="utf-8") + '\n<script>alert("x")</script> <img src="http://example.com/x.png"> ' + "word " * 40 + "\n"
    build_outputs(tmp_path, [make_doc(seed, hostile)])
    write_report(tmp_path, tmp_path / "a")
    write_report(tmp_path, tmp_path / "b")
    for path in sorted((tmp_path / "a").rglob("*.*")):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes(), path.name
        if path.suffix == ".html":
            assert {t for t, _ in Tags(path).tags}.isdisjoint({"script", "img"})
    assert "&lt;script&gt;" in (tmp_path / "a" / "docs").joinpath(next(p.name for p in (tmp_path / "a" / "docs").iterdir())).read_text(encoding="utf-8")


def test_report_stage_writes_under_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_outputs(tmp_path, [make_doc(sorted((ROOT / "seeds").iterdir())[3])])
    assert main(["stage", "report", "--outputs", str(tmp_path)]) == 0
    assert (tmp_path / "report" / "index.html").is_file()
    assert "report: 1 documents, 1 errors" in capsys.readouterr().err
    # the command with its own worker count writes the same files
    assert main(["report", "--outputs", str(tmp_path), "--out", str(tmp_path / "two"), "--jobs", "2"]) == 0
    for path in sorted((tmp_path / "report").rglob("*.*")):
        assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "report")).read_bytes(), path.name
