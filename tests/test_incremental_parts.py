"""A re-run keeps the previous part files whose documents are all unchanged, and equals a fresh run byte for byte."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT


def _run(params: Path, folder: Path, out: Path) -> str:
    args = [sys.executable, "-m", "pipeline", "--params", str(params), "run", "--input", str(folder), "--out", str(out), "--no-validate"]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_unchanged_parts_are_kept_and_the_rerun_equals_a_fresh_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", folder)
    params = yaml.safe_load((ROOT / "params.yaml").read_text())
    params["run"]["batch_size"] = 2  # parts of 2 documents: the edited one's part is redone, the others kept
    path = tmp_path / "params.yaml"
    path.write_text(yaml.safe_dump(params))
    _run(path, folder, tmp_path / "out")
    edited = sorted(folder.iterdir())[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEdited after the first run.\n", encoding="utf-8")
    second = _run(path, folder, tmp_path / "out")
    n = len(list(folder.iterdir()))
    parts = (n + 1) // 2
    # every per-document stage keeps the parts whose keys are all unchanged (segment's keys also hold
    # the page's site-repeated lines, which the edit leaves alone on the other pages)
    for stage in ("ingest", "clean", "segment", "extract"):
        line = re.search(rf"^{stage}: .*$", second, re.M)
        assert line and f"{n} documents ({n - 1} unchanged, reused)" in line.group() and f"({parts - 1} of {parts} parts kept as they were)" in line.group(), second
    _run(path, folder, tmp_path / "fresh")
    assert _files(tmp_path / "out") == _files(tmp_path / "fresh")
