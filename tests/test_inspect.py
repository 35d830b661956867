"""`inspect`: every page line with its label and reason, piped and on a terminal; bad arguments in one line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from report_data import build_outputs, make_doc
from rich.console import Console

from pipeline.cli import main
from pipeline.doc import Doc
from pipeline.inspect import show

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def _no_forced_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """A CI that sets FORCE_COLOR would make rich colour piped output; these tests decide colour themselves."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Doc]]:
    outputs = tmp_path_factory.mktemp("outputs")
    return outputs, build_outputs(outputs)


def assert_every_line_labelled(doc: Doc, output: str) -> None:
    """Each page line appears, in order, as `number label [reason] text` with its own block's label."""
    printed = output.splitlines()
    position = 0
    offset = 0
    for number, text in enumerate(doc.page.split("\n"), start=1):
        # the block holding the line's first character (for a blank line, its "\n"; the last one, the "\n" before)
        at = min(offset, len(doc.page) - 1)
        block = next(b for b in doc.blocks if b.start <= at < b.end)
        offset += len(text) + 1
        expected = f"{number:>4} {block.label:<12} [{block.reason}] {text.replace(chr(9), '⇥')}".rstrip()
        while printed[position].rstrip() != expected:
            position += 1  # raises IndexError, failing the test, when a line is missing or mislabelled
        position += 1


def test_piped_output_is_plain_and_labels_every_line(published: tuple[Path, list[Doc]], capsys: pytest.CaptureFixture[str]) -> None:
    outputs, docs = published
    for doc in docs:
        assert main(["inspect", doc.doc_id, "--outputs", str(outputs)]) == 0
        out = capsys.readouterr().out
        assert not ANSI.search(out)
        assert_every_line_labelled(doc, out)
        for n in doc.numbers:
            assert f"{n.start:>6}-{n.end:<6} {n.surface}  = {n.kind}" in out


def test_terminal_output_is_coloured_and_labels_every_line(published: tuple[Path, list[Doc]]) -> None:
    _, docs = published
    doc = max(docs, key=lambda d: len(d.citations))
    buffer = io.StringIO()
    show(doc, Console(file=buffer, force_terminal=True, color_system="truecolor", width=120, highlight=False))
    raw = buffer.getvalue()
    assert len(ANSI.findall(raw)) > len(doc.blocks)
    plain = ANSI.sub("", raw)
    assert_every_line_labelled(doc, plain)
    notes = {int(m.group(1)): m.group(2) for m in re.finditer(r"^\[(\d+)\] markers: (.*)$", plain, re.M)}
    assert sorted(notes) == sorted(c.note for c in doc.citations)
    for c in doc.citations:
        assert all(f"@{offset}" in notes[c.note] for offset in c.marker_offsets)
        assert ("no marker in the body" in notes[c.note]) == (not c.marker_offsets)


def test_doc_found_by_path_source_path_and_prefix(published: tuple[Path, list[Doc]], capsys: pytest.CaptureFixture[str]) -> None:
    outputs, docs = published
    doc = docs[2]
    for key in (doc.source_path, str(ROOT / doc.source_path), doc.doc_id[:8]):
        assert main(["inspect", key, "--outputs", str(outputs)]) == 0, key
        assert capsys.readouterr().out.startswith(f"{doc.doc_id}  {doc.source_path}")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["inspect", "no/such/file.txt"], "no such file"),
        (["inspect", "0123456789abcdef"], "unknown doc_id"),
        (["inspect", "seeds/empty.txt"], "failed at stage ingest"),
        (["inspect", "0"], "unknown doc_id"),
        (["inspect"], "required: DOC"),
        (["inspect", "x", "--color", "pink"], "invalid choice"),
        (["nosuch"], "invalid choice: 'nosuch'"),
        (["report", "--outputs", "no/such/dir"], "not found"),
    ],
)
def test_bad_arguments_give_one_line_and_non_zero_exit(
    published: tuple[Path, list[Doc]], capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    outputs, _ = published
    if args[0] == "inspect":
        args = [*args, "--outputs", str(outputs)]
    assert main(args) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and captured.err.startswith("error: "), captured.err
    assert words in captured.err


def test_process_exit_has_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "inspect", "missing.pdf", "--outputs", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: no such file: missing.pdf"


def test_control_characters_in_a_document_are_shown_not_sent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = sorted((ROOT / "seeds").iterdir())[3]
    page = seed.read_text(encoding="utf-8") + "\n\x1b[2J\x1b[31mstill readable\x07\tafter a tab " + "word " * 40 + "\n"
    doc = make_doc(seed, page)
    build_outputs(tmp_path, [doc])
    assert main(["inspect", doc.doc_id, "--outputs", str(tmp_path), "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[2J" not in out and "\x07" not in out and "\t" not in out
    assert "␛[2J␛[31mstill readable␇⇥after a tab" in ANSI.sub("", out)


def test_input_file_not_yet_published_is_processed_now(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.params import load
    from pipeline.steps import process_files

    seed = sorted((ROOT / "seeds").iterdir())[3]
    doc = process_files([seed], load("params.yaml"), upto="extract")[0]
    assert doc.ok, doc.error
    assert main(["inspect", str(seed), "--outputs", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("processed now, not in the outputs)")
    assert_every_line_labelled(doc, out)
