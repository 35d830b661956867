"""Segment's site pre-pass keeps each page's line keys between runs (pipeline/segment/site_kept.py):
a re-run reads and hashes only the pages whose Doc key is new, and answers exactly as a run that
reads every page."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from pipeline.doc import Doc
from pipeline.io import doc_from_record, doc_to_record
from pipeline.kept import KeptTable
from pipeline.params import Params
from pipeline.segment import site_kept
from pipeline.stages import segment

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "boilerplate"
FIELDS = ["source_path", "key", "error"]  # what the runner reads for the pre-pass (runner.prepare_fields)


def _docs() -> list[Doc]:
    pages = sorted(p for p in BENCH.glob("*.txt") if not p.name.endswith(".gold.txt"))[:60]
    return [Doc(doc_id=p.stem, source_path=p.name, format="txt", page=p.read_text(encoding="utf-8"), key=f"k-{p.stem}") for p in pages]


class Source:
    """The runner's reader over Docs in batches of 20: the declared fields, or the asked ones of some batches."""

    def __init__(self, docs: list[Doc]) -> None:
        self.batches = [docs[i : i + 20] for i in range(0, len(docs), 20)]
        self.asked: list[set[int]] = []

    def __call__(self, fields: list[str] | None = None, only: set[int] | None = None) -> Iterator[list[Doc]]:
        if only is not None:
            self.asked.append(set(only))
        for number, batch in enumerate(self.batches):
            if only is None or number in only:
                # as read_docs gives them: the fields read, the others at their defaults
                yield [doc_from_record({k: v for k, v in doc_to_record(d).items() if k in (fields or FIELDS)}) for d in batch]


def _in_memory(docs: list[Doc]) -> dict:
    """The pre-pass as the step commands run it: whole Docs without keys, nothing kept."""
    return segment.prepare(lambda *_: iter([[dataclasses.replace(d, key="") for d in docs]]), Params())


def test_a_rerun_reads_only_new_pages_and_answers_as_a_full_read(tmp_path: Path) -> None:
    docs = _docs()
    expected = _in_memory(docs)
    assert expected  # these pages share templates

    first = Source(docs)
    assert segment.prepare(first, Params(), tmp_path) == expected
    assert first.asked == [{0, 1, 2}]  # nothing kept yet: every page read

    again = Source(docs)
    assert segment.prepare(again, Params(), tmp_path) == expected
    assert again.asked == []  # every page's keys kept: no page read

    # one page of the second batch edited (a new key), one page gone
    edited = docs[25].page.replace("\n", "\nSubscribe to our newsletter\n", 1)
    docs[25] = dataclasses.replace(docs[25], page=edited, key="k-edited")
    del docs[50]
    third = Source(docs)
    assert segment.prepare(third, Params(), tmp_path) == _in_memory(docs)
    assert third.asked == [{1}]
    kept = KeptTable(tmp_path / "interim" / "site" / site_kept.FILE, "").path
    with pa.OSFile(str(kept)) as source:
        stored = pa.ipc.open_file(source).read_all().column("key").to_pylist()
    assert stored == [d.key for d in docs]  # this run's entries, in its order: the old page's and the gone one's dropped


def test_kept_keys_of_other_code_are_no_answer(tmp_path: Path) -> None:
    table = KeptTable(tmp_path / "keys.arrow", "code A")
    table.write(pa.table({"key": ["x"]}))
    assert table.read().column("key").to_pylist() == ["x"]
    assert KeptTable(tmp_path / "keys.arrow", "code B").read() is None
    (tmp_path / "keys.arrow").write_bytes(b"half a file")
    assert table.read() is None


def test_positions_name_the_repeated_lines_of_the_page() -> None:
    """What `process` makes of the context: the lines themselves, by position among the distinct short lines."""
    menu = "Home\nWorld\nPolitics\nSubscribe\nContact us"
    docs = [Doc(doc_id=str(i), source_path=f"p{i}", format="txt", page=f"Story {i} title\n\n{menu}\n\nBody of story {i}.\nHome") for i in range(3)]
    context = segment.prepare(lambda *_: iter([docs]), Params())
    assert context["p0"] == (1, 2, 3, 4, 5)  # after the title line; the second "Home" is the same line
    doc = segment.process(docs[0], Params(), context)
    repeated = {line for b in doc.blocks if b.reason == "site_repeat" for line in b.text.split("\n") if line}
    assert repeated == set(menu.split("\n"))
