"""The whole chain on real seeds and on a folder of bad inputs, as a user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, SHARED

from bench.pdfmake import make_pdf
from pipeline import schema


def run(args: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds_out")
    result = run(["run", "--input", "seeds", "--out", str(out), "--no-validate"])
    assert result.returncode == 0, result.stderr
    return out


def test_documents_have_contract_schema(seeds_run: Path) -> None:
    table = pd.read_parquet(seeds_run / "documents.parquet")
    assert len(table) == len(list((ROOT / "seeds").iterdir()))
    for name, dataset in schema.DATASETS.items():
        import pyarrow.parquet as pq

        assert pq.read_schema(seeds_run / f"{name}.parquet").equals(dataset), name
    assert table["source_path"].str.startswith("seeds/").all()
    assert (table["doc_id"].str.len() == 16).all()
    assert len(pd.read_parquet(seeds_run / "errors.parquet")) == 0


def test_two_runs_give_identical_bytes(seeds_run: Path, tmp_path: Path) -> None:
    result = run(["run", "--input", "seeds", "--out", str(tmp_path), "--no-validate", "--jobs", "2"])
    assert result.returncode == 0, result.stderr
    for name in schema.DATASETS:
        assert (tmp_path / f"{name}.parquet").read_bytes() == (seeds_run / f"{name}.parquet").read_bytes(), name


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Each kind of bad input, written here, with the words its error must contain."""
    folder.mkdir()
    pdf = make_pdf(["Iran joined the Shanghai Cooperation Organization in 2023."])
    (folder / "good.txt").write_text("Iran joined the Shanghai Cooperation Organization in 2023.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 12)
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (folder / "blank.pdf").write_bytes(make_pdf(["", ""]))
    (folder / "huge.txt").write_bytes(b"Iran and the SCO. " * 10000)
    unreadable = folder / "locked.txt"
    unreadable.write_text("secret", encoding="utf-8")
    unreadable.chmod(0)
    expected = {
        "empty.txt": "empty",
        "image.txt": "PNG",
        "noise.txt": "binary",
        "truncated.pdf": "pdf",
        "blank.pdf": "text layer",
        "huge.txt": "max_bytes",
    }
    if os.geteuid() != 0:  # root reads any file, so the permission case only exists for other users
        expected["locked.txt"] = "cannot read"
    encrypted = SHARED / "pdfs" / "bad-encrypted-backup4all.pdf"
    if encrypted.exists():
        shutil.copy(encrypted, folder / "encrypted.pdf")
        expected["encrypted.pdf"] = "encrypt"
    return expected


def test_bad_inputs_become_error_rows_and_the_good_one_a_document(tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path / "in")
    params = tmp_path / "params.yaml"
    params.write_text((ROOT / "params.yaml").read_text().replace("max_bytes: 20000000", "max_bytes: 100000"))
    result = run(["--params", str(params), "run", "--input", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-validate"])
    assert result.returncode == 0, result.stderr
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet").set_index("source_path")
    assert set(docs["source_path"]) >= {"in/good.txt"}
    assert "Shanghai Cooperation Organization" in docs.set_index("source_path").loc["in/good.txt", "text"]
    for name, words in expected.items():
        error = errors.loc[f"in/{name}", "error"]
        assert words.lower() in error.lower(), (name, error)
        assert "\n" not in error
    assert len(docs) + len(errors) == len(list((tmp_path / "in").iterdir()))


def test_bad_configuration_fails_loudly_naming_it(tmp_path: Path) -> None:
    result = run(["run", "--input", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert result.returncode != 0
    assert "missing" in result.stderr and "Traceback" not in result.stderr
    params = tmp_path / "params.yaml"
    params.write_text((ROOT / "params.yaml").read_text() + "\nsegment_typo:\n  x: 1\n")
    result = run(["--params", str(params), "run", "--out", str(tmp_path / "out")])
    assert result.returncode != 0
    assert "segment_typo" in result.stderr and "Traceback" not in result.stderr
