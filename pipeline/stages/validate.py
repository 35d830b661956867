"""validate: run every GX suite of pipeline/expectations over the published datasets.

Writes outputs/validation/<suite>.json (deterministic), outputs/validation/index.html (offline Data
Docs), outputs/plots/stages.json (per-stage counts, a DVC plot) and outputs/metrics.json (counts,
pass rate per suite, corpus figures: a DVC metric). Returns 1 when an `error` check fails, so
`dvc repro` and CI stop; `warning` checks are only reported.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from pipeline.expectations import SUITES
from pipeline.expectations import corpus as corpus_suite
from pipeline.expectations.data import Data, load
from pipeline.expectations.docs import render
from pipeline.expectations.errors import RECORDING
from pipeline.expectations.results import message, suite_result
from pipeline.params import Params

NAME = "validate"
INPUT = "publish"


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def validate_suite(name: str, data: Data, params: Params) -> dict[str, Any]:
    from pipeline.expectations import gx  # imports Great Expectations: seconds, so only here

    module = importlib.import_module(f"pipeline.expectations.{name}")
    frame, checks = module.frame(data, params), module.checks(params)
    raw = gx.run_suite(module.NAME, frame, checks, module.KEY, params.validate.examples)
    return suite_result(module.NAME, checks, raw, module.KEY, len(frame), params.validate.examples)


def stage_counts(data: Data) -> list[dict[str, Any]]:
    """Documents still alive after each stage and the errors it recorded: one plot row per stage."""
    alive = len(data.inputs)
    rows = []
    for stage in RECORDING:
        failed = int(data.counts.get(f"errors.{stage}", 0))
        alive -= failed
        rows.append({"stage": stage, "documents": alive, "errors": failed})
    return rows


def metrics(data: Data, suites: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts, corpus figures, pass rate per suite and failed checks per suite and severity."""
    return {
        "counts": dict(sorted(data.counts.items())),
        "corpus": corpus_suite.figures(data),
        "validation": {s["suite"]: {"pass_rate": s["statistics"]["pass_rate"]} for s in suites},
        "checks_failed": {s["suite"]: {"error": s["statistics"]["errors_failed"], "warning": s["statistics"]["warnings_failed"]} for s in suites},
    }


def write(outputs: Path, data: Data, suites: list[dict[str, Any]]) -> None:
    folder = outputs / "validation"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):  # a suite that was removed must not linger
        old.unlink()
    for suite in suites:
        (folder / f"{suite['suite']}.json").write_text(_dump(suite), encoding="utf-8")
    (folder / "index.html").write_text(render(suites, corpus_suite.figures(data)), encoding="utf-8")
    (outputs / "plots").mkdir(exist_ok=True)
    (outputs / "plots" / "stages.json").write_text(_dump(stage_counts(data)), encoding="utf-8")
    (outputs / "metrics.json").write_text(_dump(metrics(data, suites)), encoding="utf-8")


def run(params: Params, outputs: Path) -> int:
    started = time.perf_counter()
    data = load(outputs, params)
    suites = [validate_suite(name, data, params) for name in SUITES]
    write(outputs, data, suites)
    errors = warnings = 0
    for suite in suites:
        for result in suite["results"]:
            if not result["success"]:
                errors += result["severity"] == "error"
                warnings += result["severity"] == "warning"
                print(f"validate: {message(suite['suite'], result)}", file=sys.stderr)
    checks = sum(s["statistics"]["evaluated"] for s in suites)
    print(
        f"validate: {len(suites)} suites, {checks} checks, {errors} errors, {warnings} warnings "
        f"in {time.perf_counter() - started:.1f} s; Data Docs: {outputs / 'validation' / 'index.html'}",
        file=sys.stderr,
    )
    return 1 if errors and params.validate.fail_on_error else 0
