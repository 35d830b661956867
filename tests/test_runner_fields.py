"""Workers get only the Doc fields a stage declares (READS/WRITES) and give back only those it sets:
the result must equal running the stage on the whole Doc, for every per-document stage."""

from __future__ import annotations

import copy
import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest
from conftest import ROOT, SHARED

from pipeline import mapper, runner, schema
from pipeline import params as params_mod
from pipeline.doc import Doc
from pipeline.io import doc_from_record, doc_to_record
from pipeline.stages.ingest import unread


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds (txt), two saved web pages (html, soft hints), a PDF (firm hints) and two that fail."""
    folder = tmp_path_factory.mktemp("fields")
    for path in sorted((ROOT / "seeds").iterdir())[:3] + sorted((SHARED / "bench" / "boilerplate").glob("*.html"))[:2]:
        shutil.copy(path, folder / path.name)
    for name in ("usco-dmca-summary-1998.pdf", "bad-encrypted-backup4all.pdf"):
        if (SHARED / "pdfs" / name).exists():
            shutil.copy(SHARED / "pdfs" / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")  # fails in ingest after setting doc_id: a partial write
    return folder


def _context(stage: str, docs: list[Doc], params: params_mod.Params, folder: Path) -> object:
    module = mapper.stage_module(stage)
    if stage == "ingest":
        return {d.source_path: str(folder / Path(d.source_path).name) for d in docs}
    return module.prepare(lambda *_: iter([docs]), params) if hasattr(module, "prepare") else None


def _by_fields(stage: str, params: params_mod.Params, context: object, docs: list[Doc]) -> list[dict]:
    """The runner's way: the sent fields as Arrow rows through map_rows, returned fields merged back."""
    sent, _ = mapper.fields(mapper.stage_module(stage))
    records = [doc_to_record(d) for d in docs]
    todo = [i for i, d in enumerate(docs) if d.ok]  # the runner passes failed Docs through unmapped
    rows = pa.Table.from_pylist([records[i] for i in todo], schema=schema.DOC).select(list(sent))
    for i, back in zip(todo, mapper.map_rows(stage, params, context, rows).to_pylist()):
        records[i] = {**records[i], **back}
    return records


def _only(docs: list[Doc], names: list[str]) -> list[Doc]:
    """The Docs with only the given fields, the others at their defaults (as read_docs gives them)."""
    return [doc_from_record({k: v for k, v in doc_to_record(d).items() if k in names}) for d in docs]


def _compare_all_stages(folder: Path) -> list[str]:
    """Stages whose field-limited result differs from the whole-Doc one (none when declarations are
    right): the pre-pass on the fields the runner reads for it, and `process` on the fields it sends."""
    params = params_mod.load(ROOT / "params.yaml")
    docs = [unread(f"in/{p.name}") for p in sorted(folder.iterdir())]
    differ = []
    for stage in runner.MAP_STAGES:
        context = _context(stage, docs, params, folder)
        module = mapper.stage_module(stage)
        if hasattr(module, "prepare") and _context(stage, _only(docs, runner.prepare_fields(module)), params, folder) != context:
            differ.append(f"{stage}.prepare")
        whole = [mapper.apply(stage, params, context, copy.deepcopy(d)) for d in docs]
        expected = [doc_to_record(d) for d in whole]
        if _by_fields(stage, params, context, docs) != expected:
            differ.append(stage)
        docs = whole
    return differ


def test_declared_fields_give_the_whole_doc_result_in_every_stage(inputs: Path) -> None:
    assert _compare_all_stages(inputs) == []


def test_a_missing_read_declaration_is_caught(inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the check above has teeth: segment without its hints (which html and pdf pages carry) differs
    segment = mapper.stage_module("segment")
    monkeypatch.setattr(segment, "READS", tuple(f for f in segment.READS if f != "hints"))
    assert _compare_all_stages(inputs) == ["segment"]


def test_site_pass_on_the_fields_it_declares_gives_the_whole_doc_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """On pages that share templates (the seeds above share none), read as the runner reads them: the
    declared fields of every Doc, then the fields the pass asks for of the batches it names. With
    teeth: a declaration without the pages' names is caught."""
    params = params_mod.load(ROOT / "params.yaml")
    pages = sorted(p for p in (SHARED / "bench" / "boilerplate").glob("*.txt") if not p.name.endswith(".gold.txt"))[:60]
    docs = [Doc(doc_id=p.stem, source_path=p.name, format="txt", page=p.read_text(encoding="utf-8"), title="t", flags=["x"], key=f"k{i}")
            for i, p in enumerate(pages)]
    segment = mapper.stage_module("segment")

    def read(fields: list[str] | None = None, only: set[int] | None = None) -> Iterator[list[Doc]]:
        return iter([_only(docs, fields or runner.prepare_fields(segment))])

    whole = segment.prepare(lambda *_: iter([[dataclasses.replace(d, key="") for d in docs]]), params)
    assert whole and segment.prepare(read, params) == whole
    monkeypatch.setattr(segment, "PREPARE_READS", ("doc_id", "key"))
    assert segment.prepare(read, params) != whole


def test_undeclared_stage_gets_and_returns_the_whole_doc() -> None:
    class Bare:  # a stage module without READS/WRITES
        pass

    sent, returned = mapper.fields(Bare)  # type: ignore[arg-type]
    assert set(sent) == set(returned) == set(schema.DOC.names) - {"key"}
