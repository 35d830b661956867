"""DVC drives the stages: a no-op repro does nothing, a param re-runs only the stages that read it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

DVC = Path(sys.executable).with_name("dvc")


def dvc(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "DVC_NO_ANALYTICS": "1"}
    return subprocess.run([str(DVC), *args], cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repo with two seeds, reproduced once."""
    work = tmp_path_factory.mktemp("dvcproj")
    for name in ("pipeline", ".dvc"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__", "tmp", "cache"))
    shutil.copytree(ROOT / "outputs" / "quality", work / "outputs" / "quality")  # tracked: the report reads it
    for name in ("dvc.yaml", "params.yaml", ".dvcignore"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, work / name)
    (work / "seeds").mkdir()
    for seed in sorted((ROOT / "seeds").iterdir())[1:3]:
        shutil.copy(seed, work / "seeds" / seed.name)
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    result = dvc(["repro"], work)
    assert result.returncode == 0, result.stdout + result.stderr
    return work


def test_noop_repro_does_nothing_quickly(project: Path) -> None:
    started = time.perf_counter()
    result = dvc(["repro"], project)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0
    assert "Running stage" not in result.stdout
    assert elapsed < 15  # about a second on an idle machine; loose so a busy CI box does not flake


def test_changing_a_param_reruns_only_its_stages(project: Path) -> None:
    params = project / "params.yaml"
    params.write_text(params.read_text().replace("numbers: true", "numbers: false"))
    status = dvc(["status"], project).stdout
    assert "extract:" in status
    for upstream in ("ingest:", "clean:", "segment:"):
        assert upstream not in status, status


def test_each_per_document_stage_keys_its_cache_on_exactly_its_dvc_code_deps() -> None:
    # DVC re-runs a stage when its listed code changes, and the stage's cache keys change with the
    # same files: a change elsewhere (the report, another stage) invalidates neither
    import yaml

    from pipeline.cache import stage_code
    from pipeline.runner import MAP_STAGES, stage_module

    stages = yaml.safe_load((ROOT / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    for name in MAP_STAGES:
        deps = {d for d in stages[name]["deps"] if d.startswith("pipeline/")}
        assert deps == {f"pipeline/{p}" for p in stage_code(stage_module(name))}, name
    # publish keys the rows it keeps (pipeline/publish/kept.py) on its own CODE in the same way
    assert {d for d in stages["publish"]["deps"] if d.startswith("pipeline/")} == {f"pipeline/{p}" for p in stage_module("publish").CODE}
