"""The CONTRACT.md step commands: one process for many inputs, UTF-8 in and out, order and ids kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SHARED, seed_text


def pipeline(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300)


def test_body_writes_one_text_per_input(tmp_path: Path) -> None:
    seeds = sorted(str(p) for p in (ROOT / "seeds").iterdir())
    html = sorted((SHARED / "bench" / "boilerplate").glob("*.html"))[:1]
    result = pipeline(["body", "--out", str(tmp_path), *seeds, *map(str, html)])
    assert result.returncode == 0, result.stderr
    body = (tmp_path / f"{Path(seeds[2]).stem}.txt").read_text(encoding="utf-8")
    assert "The Taliban takeover of Afghanistan may help Iran reduce its international isolation." in body
    assert "Follow us on social" not in body
    assert len(list(tmp_path.iterdir())) == len(seeds) + len(html)


def test_body_on_a_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = pipeline(["body", "--out", str(tmp_path), "no/such/page.txt"])
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "no/such/page.txt" in result.stderr


def test_refs_parses_each_line_in_order() -> None:
    notes = [line for line in seed_text("000").splitlines() if line.startswith(("¹ ", "³ "))]
    stdin = "".join(json.dumps({"id": f"n{i}", "raw": raw[2:]}) + "\n" for i, raw in enumerate(notes))
    result = pipeline(["refs"], stdin)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["n0", "n1"]
    assert rows[0]["fields"]["author"] == ["John P Ruehl"]
    assert rows[0]["fields"]["date"] == "2022-10-08"
    assert rows[1]["fields"]["volume"] == "20"


def test_numbers_keeps_ids_and_spans() -> None:
    texts = ["Iran became the ninth member of the SCO in 2023.", "The deal is worth $400 billion over 25 years."]
    stdin = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    result = pipeline(["numbers"], stdin)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [0, 1]
    for row, text in zip(rows, texts):
        for n in row["numbers"]:
            assert text[n["start"] : n["end"]] == n["surface"]
    money = [n for n in rows[1]["numbers"] if n["kind"] == "money"]
    assert money and money[0]["value"] == 400e9 and money[0]["unit"] == "USD"


def test_body_refuses_inputs_that_would_overwrite_each_other(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(f"Page from {folder}.\n", encoding="utf-8")
    result = pipeline(["body", "--out", str(tmp_path / "out"), str(tmp_path / "a" / "page.txt"), str(tmp_path / "b" / "page.txt")])
    assert result.returncode != 0
    assert "page.txt" in result.stderr and result.stderr.strip().count("\n") == 0
    assert not (tmp_path / "out" / "page.txt").exists()


def test_same_named_files_in_sibling_folders_stay_apart(tmp_path: Path) -> None:
    from pipeline.params import load
    from pipeline.steps import process_files

    texts = {"a": seed_text("002"), "b": seed_text("003")}
    for folder, text in texts.items():
        (tmp_path / folder / "x").mkdir(parents=True)
        (tmp_path / folder / "x" / "page.txt").write_text(text, encoding="utf-8")
    paths = [tmp_path / folder / "x" / "page.txt" for folder in texts]
    docs = process_files(paths, load(str(ROOT / "params.yaml")), upto="clean")
    assert len({d.source_path for d in docs}) == 2
    assert [d.raw for d in docs] == [texts["a"], texts["b"]]
