"""The same pipeline on a Dask LocalCluster gives byte-identical outputs; re-runs reuse unchanged Docs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

from pipeline import schema


def _run(params: dict, folder: Path, out: Path, tmp: Path) -> subprocess.CompletedProcess:
    path = tmp / f"params-{out.name}.yaml"
    path.write_text(yaml.safe_dump(params))
    args = [sys.executable, "-m", "pipeline", "--params", str(path), "run", "--input", str(folder), "--out", str(out), "--no-validate"]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_dask_engine_matches_local_engine_byte_for_byte(tmp_path: Path) -> None:
    params = yaml.safe_load((ROOT / "params.yaml").read_text())
    params["run"]["batch_size"] = 2  # several batches, so order across batches is exercised too
    _run(params, ROOT / "seeds", tmp_path / "local", tmp_path)
    params["run"].update(engine="dask", jobs=2)
    _run(params, ROOT / "seeds", tmp_path / "dask", tmp_path)
    for name in schema.DATASETS:
        assert (tmp_path / "dask" / f"{name}.parquet").read_bytes() == (tmp_path / "local" / f"{name}.parquet").read_bytes(), name


def test_rerun_after_one_edit_processes_only_that_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", folder)
    params = yaml.safe_load((ROOT / "params.yaml").read_text())
    params["run"]["batch_size"] = 2  # three parts: the edited document's part is converted by publish again, not the others
    _run(params, folder, tmp_path / "out", tmp_path)
    edited = sorted(folder.iterdir())[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEdited after the first run.\n", encoding="utf-8")
    second = _run(params, folder, tmp_path / "out", tmp_path)
    n = len(list(folder.iterdir()))
    for stage in ("ingest", "clean", "extract"):
        assert f"{stage}: {n} documents ({n - 1} unchanged, reused)" in second.stderr, second.stderr
    assert "(2 parts' rows kept from the last run)" in second.stderr, second.stderr
    # a fresh run on the edited folder gives the same bytes as the incremental one
    _run(params, folder, tmp_path / "fresh", tmp_path)
    for name in schema.DATASETS:
        assert (tmp_path / "fresh" / f"{name}.parquet").read_bytes() == (tmp_path / "out" / f"{name}.parquet").read_bytes(), name


def test_bench_scale_ratios_compare_per_document_cost_memory_and_jobs() -> None:
    from bench.speed import scale_rows

    whole = {(1000, 1): {"seconds": 40.0, "docs": 1000, "peak_mb": 300},
             (1000, 2): {"seconds": 25.0, "docs": 1000, "peak_mb": 320},
             (10000, 1): {"seconds": 480.0, "docs": 10000, "peak_mb": 330}}
    got = {r["name"]: r["value"] for r in scale_rows(whole)}
    assert got == {"cost per document 10000 vs 1000": 1.2, "peak RSS 10000 vs 1000": 1.1,
                   "speed-up of jobs: 2 over jobs: 1 (1000 docs)": 1.6}
