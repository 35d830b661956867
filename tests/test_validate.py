"""validate stage and quality gate: broken data fails with a message naming suite, check and values;
the unbroken data passes; results are byte-identical on rerun; Data Docs load nothing from the network.

The datasets come from the real seed texts through the real publish stage (tests/validate_data.py).
One GX context serves the whole module (GX takes seconds to import).
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import shutil
import socket
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from validate_data import build

from pipeline import params as params_mod
from pipeline import schema
from pipeline.expectations import SEVERITIES, SUITES
from pipeline.params import Params
from pipeline.stages import validate

ROOT = Path(__file__).resolve().parents[1]
quality = importlib.import_module("bench.quality")


@pytest.fixture(scope="module")
def params() -> Params:
    loaded = params_mod.load(ROOT / "params.yaml")
    return dataclasses.replace(loaded, ingest=dataclasses.replace(loaded.ingest, input_dir=str(ROOT / "seeds")))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, params: Params) -> Path:
    out = tmp_path_factory.mktemp("published")
    build(ROOT / "seeds", out, params)
    return out


def broken(base: Path, tmp_path: Path, dataset: str, edit: Callable[[list[dict]], None]) -> Path:
    """A copy of the published outputs with one dataset's rows edited in place."""
    out = tmp_path / "out"
    shutil.copytree(base, out)
    rows = pq.read_table(out / f"{dataset}.parquet").to_pylist()
    edit(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema.DATASETS[dataset]), out / f"{dataset}.parquet")
    return out


def run(params: Params, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = validate.run(params, out)
    return code, capsys.readouterr().err


def _no_network(*args: object) -> None:
    raise AssertionError(f"validate opened a network connection: {args}")


def test_unbroken_data_passes_and_writes_every_result(
    base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    shutil.copytree(base, out)
    monkeypatch.setattr(socket.socket, "connect", _no_network)  # offline: GX import, context and run
    code, err = run(params, out, capsys)
    from pipeline.expectations import gx

    assert gx.context().config.analytics_enabled is False
    assert code == 0, err
    assert "ERROR" not in err
    metrics = json.loads((out / "metrics.json").read_text())
    assert sorted(metrics["validation"]) == sorted(SUITES)
    assert metrics["counts"]["documents"] == len(list((ROOT / "seeds").iterdir()))
    assert metrics["corpus"]["inputs"] == metrics["corpus"]["outputs"]
    for suite in SUITES:
        result = json.loads((out / "validation" / f"{suite}.json").read_text())
        assert result["success"] and result["statistics"]["errors_failed"] == 0
    first = {p.name: p.read_bytes() for p in [*sorted((out / "validation").iterdir()), out / "metrics.json"]}
    assert validate.run(params, out) == 0
    again = {p.name: p.read_bytes() for p in [*sorted((out / "validation").iterdir()), out / "metrics.json"]}
    assert first == again  # no run ids or timestamps: reruns are byte-identical


def test_suites_name_each_check_once_with_a_severity(params: Params) -> None:
    for name in SUITES:
        checks = importlib.import_module(f"pipeline.expectations.{name}").checks(params)
        names = [c.name for c in checks]
        assert len(names) == len(set(names)), name
        assert {c.severity for c in checks} <= set(SEVERITIES)


def test_duplicated_doc_id_fails_naming_the_id(base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str]) -> None:
    def duplicate(rows: list[dict]) -> None:
        rows[1]["doc_id"] = rows[0]["doc_id"]

    out = broken(base, tmp_path, "documents", duplicate)
    code, err = run(params, out, capsys)
    doc_id = pq.read_table(out / "documents.parquet").column("doc_id")[0].as_py()
    assert code == 1
    line = next(x for x in err.splitlines() if "documents.doc_id_unique" in x)
    assert line.startswith("validate: ERROR") and doc_id in line
    report = json.loads((out / "validation" / "documents.json").read_text())
    assert not report["success"]
    # the same failure with fail_on_error off is reported but does not stop the stage
    relaxed = dataclasses.replace(params, validate=dataclasses.replace(params.validate, fail_on_error=False))
    code, err = run(relaxed, out, capsys)
    assert code == 0 and "documents.doc_id_unique" in err


def test_offset_off_by_one_fails_naming_the_span(base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str]) -> None:
    def shift(rows: list[dict]) -> None:
        rows[0]["start"] += 1
        rows[0]["end"] += 1

    out = broken(base, tmp_path, "numbers", shift)
    first = pq.read_table(out / "numbers.parquet").slice(0, 1).to_pylist()[0]
    code, err = run(params, out, capsys)
    assert code == 1
    line = next(x for x in err.splitlines() if "numbers.text_slice_is_surface" in x)
    assert "ERROR" in line and f"doc_id={first['doc_id']!r}, start={first['start']}" in line


def test_chrome_line_in_body_fails_naming_the_line(base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = pq.read_table(base / "blocks.parquet").to_pylist()
    kept = {(b["doc_id"], ln.strip()) for b in blocks if b["label"] != "chrome" for ln in b["text"].split("\n")}
    chrome, line = next(
        (b, ln.strip())
        for b in blocks if b["label"] == "chrome"
        for ln in b["text"].split("\n")
        if len(ln.strip()) >= params.validate.min_line_chars and (b["doc_id"], ln.strip()) not in kept
    )

    def leak(rows: list[dict]) -> None:
        doc = next(r for r in rows if r["doc_id"] == chrome["doc_id"])
        doc["text"] += "\n\n" + line

    out = broken(base, tmp_path, "documents", leak)
    code, err = run(params, out, capsys)
    assert code == 1
    message = next(x for x in err.splitlines() if "documents.no_chrome_in_text" in x)
    assert "ERROR" in message and chrome["doc_id"] in message and line[:40] in message


def test_lost_input_lost_block_and_schema_drift_fail(base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str]) -> None:
    out = broken(base, tmp_path, "documents", lambda rows: rows.pop())
    lost = max(p.name for p in (ROOT / "seeds").iterdir())  # publish writes rows in input order
    table = pq.read_table(out / "numbers.parquet")
    table = table.set_column(1, "start", table.column("start").cast(pa.int64())).drop_columns(["sentence"])
    pq.write_table(table, out / "numbers.parquet")
    blocks = pq.read_table(out / "blocks.parquet")
    dropped = blocks.slice(3, 1).to_pylist()[0]  # a block silently lost: the page is no longer tiled
    pq.write_table(pa.concat_tables([blocks.slice(0, 3), blocks.slice(4)]), out / "blocks.parquet")
    code, err = run(params, out, capsys)
    assert code == 1
    assert lost in next(x for x in err.splitlines() if "inputs.in_documents_or_errors" in x)
    types = next(x for x in err.splitlines() if "schema.types_match" in x)
    assert "column='start'" in types and "column='sentence', expected='string', actual='missing'" in types
    assert f"(doc_id={dropped['doc_id']!r}, block={dropped['block'] + 1}" in next(x for x in err.splitlines() if "blocks.blocks_tile_page" in x)


def test_warning_is_reported_but_does_not_fail(base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str]) -> None:
    def untitled(rows: list[dict]) -> None:
        for row in rows:
            row["title"] = None

    out = broken(base, tmp_path, "documents", untitled)
    code, err = run(params, out, capsys)
    assert code == 0
    assert "validate: WARNING documents.title_present" in err


class _Assets(HTMLParser):
    """Every URL the page would load or link to, and the section ids it shows."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: list[str] = []
        self.tags: set[str] = set()
        self.styles = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href", "srcset", "data", "poster", "action") and value:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.append(value)

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles += data


def test_data_docs_open_offline_and_show_every_suite(base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    shutil.copytree(base, out)
    run(params, out, capsys)
    page = _Assets()
    page.feed((out / "validation" / "index.html").read_text(encoding="utf-8"))
    assert all(u.startswith("#") for u in page.urls), page.urls  # in-page anchors only
    assert not page.tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert "url(" not in page.styles and "@import" not in page.styles
    assert set(SUITES) <= set(page.ids)


def test_gate_fails_when_a_floor_is_raised_above_the_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = tmp_path / "quality"
    scores.mkdir()
    (scores / "demo.json").write_text(json.dumps({"metric": "sh4", "txt": {"f1": 0.81, "precision": 0.9}}))
    floors = tmp_path / "floors.yaml"
    args = ["--check", "--no-run", "--floors", str(floors), "--scores", str(scores), "--plot", str(tmp_path / "plot.json")]
    floors.write_text(yaml.safe_dump({"demo": {"txt_f1": 0.8, "txt": {"precision": 0.85}}}))
    assert quality.main(args) == 0
    floors.write_text(yaml.safe_dump({"demo": {"txt_f1": 0.82, "txt": {"precision": 0.85}}}))
    assert quality.main(args) == 1
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if "dropped below" in line]
    assert problems == ["bench gate: demo.txt_f1 = 0.8100 dropped below its floor 0.82"]  # precision still holds
    plot = json.loads((tmp_path / "plot.json").read_text())
    assert {"metric": "demo.txt.f1", "score": 0.81, "floor": 0.82} in plot
