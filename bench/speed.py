"""`make bench`: speed and memory of each stage, the whole pipeline at 1k and 10k documents, and each
step's own figures (bench/speed_<area>.py `rows()`). Prints a table; writes outputs/bench/speed.json."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench.corpus import ROOT, make_corpus
from bench.hostile import hostile_corpus

_STAGE_LINE = re.compile(r"^(\w+): .*?([\d.]+) s\b")
NOOP_RUNS = 5
STAGES = ("ingest", "clean", "segment", "extract", "publish", "validate")


def _run(args: list[str], cwd: Path, log: list[str] | None = None) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one child process; its stderr lines go to `log` when given."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"pipeline {' '.join(args)} failed: {proc.stderr.read().decode()[-2000:]}")
    if log is not None:
        log.extend(proc.stderr.read().decode().splitlines())
    return elapsed, usage.ru_maxrss / 1024


def _params(folder: Path, jobs: int, work: Path) -> Path:
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    raw["ingest"]["input_dir"] = str(folder)
    raw["run"]["jobs"] = jobs
    path = work / f"params-{jobs}.yaml"
    path.write_text(yaml.safe_dump(raw))
    return path


def stage_rows(folder: Path, work: Path, jobs: int = 1) -> list[dict]:
    """Each stage alone, in its own process, on the corpus in `folder`."""
    params = _params(folder, jobs, work)
    out = work / f"out-{folder.name}-{jobs}"
    mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    docs = len(list(folder.iterdir()))
    rows = []
    total = 0.0
    peak = 0.0
    for stage in STAGES:
        seconds, rss = _run(["--params", str(params), "stage", stage, "--outputs", str(out)], ROOT)
        total += seconds
        peak = max(peak, rss)
        rows.append({"name": f"{folder.name} {stage}", "value": round(docs / seconds, 1), "unit": f"docs/s ({mb / seconds:.2f} MB/s, peak {rss:.0f} MB)"})
    whole = {"name": f"{folder.name} whole pipeline jobs={jobs}", "value": round(mb / total, 2), "unit": f"MB/s ({docs / total:.1f} docs/s, {total:.1f} s, peak {peak:.0f} MB)",
             "seconds": round(total, 2), "docs": docs, "peak_mb": round(peak)}
    # the HTML report after the pipeline (ingest..validate), outside its total
    seconds, rss = _run(["--params", str(params), "stage", "report", "--outputs", str(out)], ROOT)
    report = {"name": f"{folder.name} report jobs={jobs} (not in the whole pipeline)", "value": round(docs / seconds, 1), "unit": f"docs/s ({seconds:.1f} s, peak {rss:.0f} MB)", "seconds": round(seconds, 2)}
    return [*rows, report, whole]


def scale_rows(whole: dict[tuple[int, int], dict]) -> list[dict]:
    """The issue's three ratios from the whole-pipeline rows {(docs, jobs): row}: cost per document
    and peak memory of the largest corpus against 1k, and jobs 2 against jobs 1 at 1k."""
    rows = []
    base = whole.get((1000, 1))
    for (size, jobs), row in sorted(whole.items()):
        if base is None or jobs != 1 or size == 1000:
            continue
        per_doc = (row["seconds"] / row["docs"]) / (base["seconds"] / base["docs"])
        # below 1: each stage's start-up (imports, GX) is paid once per run, a smaller share of a larger one
        rows.append({"name": f"cost per document {size} vs 1000", "value": round(per_doc, 2), "unit": "x (goal: no more than 1.2; below 1, start-up shared by more documents)"})
        rows.append({"name": f"peak RSS {size} vs 1000", "value": round(row["peak_mb"] / base["peak_mb"], 2), "unit": f"x ({row['peak_mb']} MB vs {base['peak_mb']} MB; goal: flat within 20 %)"})
    if base is not None and (1000, 2) in whole:
        rows.append({"name": "speed-up of jobs: 2 over jobs: 1 (1000 docs)", "value": round(base["seconds"] / whole[(1000, 2)]["seconds"], 2), "unit": "x on 2 cores"})
    return rows


def incremental_rows(folder: Path, work: Path, done: tuple[Path, float] | None = None) -> list[dict]:
    """Full run on the corpus, then one document edited: the re-run reuses the other Docs.
    `done`: outputs of a run of every stage on this corpus, and its seconds, instead of running the whole
    pipeline again."""
    params = _params(folder, 1, work)
    if done is None:
        out = work / f"incr-{folder.name}"
        full, _ = _run(["--params", str(params), "run", "--out", str(out)], ROOT)
    else:
        out, full = done
    first = sorted(folder.iterdir())[0]
    first.write_bytes(first.read_bytes() + b"\nEdited.\n")
    log: list[str] = []
    again, _ = _run(["--params", str(params), "run", "--out", str(out)], ROOT, log)
    # where the re-run's time goes: the per-document stages reuse 999 Docs, the corpus-wide ones do not
    per_stage = {m.group(1): float(m.group(2)) for m in map(_STAGE_LINE.match, log) if m}
    docs_part = sum(v for k, v in per_stage.items() if k in ("ingest", "clean", "segment", "extract"))
    split = ", ".join(f"{k} {v:.1f}" for k, v in per_stage.items())
    return [
        {"name": f"re-run after editing 1 of {len(list(folder.iterdir()))}", "value": round(again, 2), "unit": f"s ({100 * again / full:.1f} % of the full run, {full:.1f} s; stages s: {split})"},
        {"name": "  of which per-document stages", "value": round(docs_part, 2), "unit": f"s ({100 * docs_part / full:.1f} % of the full run)"},
    ]


def hostile_rows(work: Path) -> list[dict]:
    """The robustness corpus (50 MB text, 5,000-page PDF, 10,000-deep HTML...): time and peak memory."""
    folder = work / "hostile"
    count = hostile_corpus(folder)
    seconds, rss = _run(["run", "--input", str(folder), "--out", str(work / "hostile-out"), "--no-validate"], ROOT)
    return [{"name": f"hostile corpus ({count} inputs)", "value": round(seconds, 1), "unit": f"s wall, peak {rss:.0f} MB (limits: 120 s, 1536 MB)"}]


def noop_repro_rows() -> list[dict]:
    dvc = str(Path(sys.executable).with_name("dvc"))
    # dvc.yaml calls `python`: the venv's, as `make repro` arranges
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    first = subprocess.run([dvc, "repro", "-q"], cwd=ROOT, capture_output=True, text=True, env=env)
    if first.returncode != 0:
        return [{"name": "no-op dvc repro", "value": float("nan"), "unit": f"(dvc repro failed: {first.stderr.strip()[-200:]})"}]
    seconds = []
    for _ in range(NOOP_RUNS):  # one run is at the mercy of whatever else the machine does that second
        started = time.perf_counter()
        subprocess.run([dvc, "repro", "-q"], cwd=ROOT, check=True, capture_output=True, env=env)
        seconds.append(time.perf_counter() - started)
    return [{"name": "no-op dvc repro", "value": round(statistics.median(seconds), 2),
             "unit": f"s (median of {NOOP_RUNS}: {', '.join(f'{s:.2f}' for s in seconds)}; goal: at most 1.5)"}]


def step_rows() -> list[dict]:
    rows = []
    for info in pkgutil.iter_modules([str(ROOT / "bench")]):
        if info.name.startswith("speed_"):
            rows += importlib.import_module(f"bench.{info.name}").rows()
    return rows


class Rows(list):
    """Rows printed as soon as they are measured: a long run shows its figures as it goes."""

    def __iadd__(self, new: list[dict]) -> "Rows":
        for r in new:
            print(f"{r['name']:<44}  {r['value']:>10}  {r['unit']}", flush=True)
        self.extend(new)
        return self


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes for the scale runs")
    parser.add_argument("--quick", action="store_true", help="seeds + benchmark pages only")
    args = parser.parse_args(argv)
    rows = Rows()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = make_corpus(len(list((ROOT / "seeds").glob("*.txt"))) + 256, work / "corpus")
        rows += stage_rows(base, work)
        rows += hostile_rows(work)
        if not args.quick:
            whole: dict[tuple[int, int], dict] = {}
            for size in (int(s) for s in args.sizes.split(",")):
                folder = make_corpus(size, work / f"n{size}")
                for jobs in (1, 2) if size == 1000 else (1,):
                    measured = stage_rows(folder, work, jobs=jobs)
                    whole[(size, jobs)] = measured[-1]
                    rows += measured
                if size == 1000:
                    rows += incremental_rows(folder, work)
                else:  # the re-run at this size, on the outputs of the run just measured
                    rows += incremental_rows(folder, work, (work / f"out-{folder.name}-1", measured[-1]["seconds"] + measured[-2]["seconds"]))
                shutil.rmtree(folder)
            rows += scale_rows(whole)
            rows += noop_repro_rows()
        rows += step_rows()
    out = ROOT / "outputs" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "speed.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
