"""validate: run every GX suite of pipeline/expectations over the published datasets.

Writes outputs/validation/<suite>.json (deterministic), outputs/validation/index.html (offline Data
Docs), outputs/plots/stages.json (per-stage counts, a DVC plot) and outputs/metrics.json (counts,
pass rate per suite, corpus figures: a DVC metric). Returns 1 when an `error` check fails, so
`dvc repro` and CI stop; `warning` checks are only reported.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import gc
import importlib
import json
import multiprocessing
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline import schema
from pipeline.expectations import SUITES, Check
from pipeline.expectations import corpus as corpus_suite
from pipeline.expectations.data import Data, Part, load
from pipeline.expectations.docs import render
from pipeline.expectations.errors import RECORDING
from pipeline.expectations.merge import merge, whole_only
from pipeline.expectations.results import message, suite_result
from pipeline.expectations.store import ResultStore
from pipeline.params import Params

NAME = "validate"
INPUT = "publish"
PER_PART = ("documents", "blocks", "citations", "numbers")  # suites over the per-document datasets


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _release() -> None:
    """Hand a finished part's memory back: without this, RSS creeps up part after part (Arrow's
    allocator keeps freed pages; glibc's too, for the part's many small Python strings)."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _part_checks(checks: list[Check], count: int) -> list[Check]:
    """The checks a part answers: all of them when the corpus is one part; else those that parts
    can answer (uniqueness and row counts run once, on the whole dataset's columns)."""
    return [c for c in checks if count == 1 or not whole_only(c)]


# (parts, rows per suite, each part's raw results per suite, the store's keys kept and run)
ByPart = tuple[int, dict[str, int], dict[str, list[dict[str, Any]]], set[str], set[str]]


def _suites_by_part(data: Data, params: Params, names: tuple[str, ...], store: ResultStore | None = None) -> ByPart:
    """Suites `names` over every part of the per-document datasets; results of unchanged parts from `store`."""
    from pipeline.expectations import gx

    count, parts = data.parts()
    modules = {name: importlib.import_module(f"pipeline.expectations.{name}") for name in names}
    checks = {name: _part_checks(m.checks(params), count) for name, m in modules.items()}
    rows = dict.fromkeys(names, 0)
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    options = {"examples": params.validate.examples, "detailed": count > 1, "params": dataclasses.asdict(params.validate)}

    def results(part: Part, loaded: list[Data], name: str) -> dict[str, Any]:
        """GX over the part: its DataFrames are made when a suite first has to run, once for all (`loaded`)."""
        if not loaded:
            loaded.append(part.load())
        m = modules[name]
        frame = m.frame(loaded[0], params)
        return {"rows": len(frame), "found": gx.run_suite(m.NAME, frame, checks[name], m.KEY, params.validate.examples, detailed=count > 1)}

    for part in parts:
        loaded: list[Data] = []
        for name, m in modules.items():
            make = functools.partial(results, part, loaded, name)
            entry = store.fetch(store.suite_key(name, part.digest, checks[name], m.KEY, options), make) if store is not None else make()
            rows[name] += entry["rows"]
            found[name].append(entry["found"])
        if loaded:
            loaded.clear()
            gx.forget_batches()
            _release()
    return count, rows, found, store.kept if store else set(), store.ran if store else set()


def _start_by_part(data: Data, params: Params, store: ResultStore | None) -> Callable[[], ByPart]:
    """Start the per-document suites; the returned call waits for their results.

    With `run.jobs` > 1 the suites are shared out among that many forked workers, each reading the
    parts itself (a part is read in a fraction of the time its suites take); GX is imported and its
    context built before the fork, so workers do not pay that again.
    """
    jobs = min(params.run.jobs, len(PER_PART)) if params.run.engine == "local" else 1
    if jobs <= 1:
        done = _suites_by_part(data, params, PER_PART, store)
        return lambda: done
    from pipeline.expectations import gx

    gx.context()
    pool = multiprocessing.get_context("fork").Pool(jobs)
    pending = pool.starmap_async(_suites_by_part, [(data, params, PER_PART[i::jobs], store) for i in range(jobs)])

    def wait() -> ByPart:
        try:
            results = pending.get()
        finally:
            pool.close()
            pool.join()
        rows = {name: n for _, r, *_ in results for name, n in r.items()}
        found = {name: f for _, _, r, *_ in results for name, f in r.items()}
        return results[0][0], rows, found, set().union(*(r[3] for r in results)), set().union(*(r[4] for r in results))

    return wait


def validate_suites(data: Data, params: Params, store: ResultStore | None = None) -> list[dict[str, Any]]:
    """Every suite; the per-document datasets part by part (bounded memory), their results merged.
    With `store`: GX runs only on DataFrames it has no results for, and the store keeps only this run's."""
    from pipeline.expectations import gx  # imports Great Expectations: seconds, so only here

    examples = params.validate.examples
    modules = {name: importlib.import_module(f"pipeline.expectations.{name}") for name in SUITES}
    checks = {name: m.checks(params) for name, m in modules.items()}
    raw: dict[str, dict[str, Any]] = {name: {} for name in SUITES}
    rows = dict.fromkeys(SUITES, 0)
    by_part = _start_by_part(data, params, store)
    small = data.with_frames({"errors": data.columns("errors", [f.name for f in schema.ERRORS]), "documents": data.columns("documents", ["source_path"])})
    for name in SUITES:
        m = modules[name]
        if name not in PER_PART:
            frame = m.frame(small, params)
            rows[name] = len(frame)
            raw[name] = gx.run_suite(m.NAME, frame, checks[name], m.KEY, examples, store=store)
    count, part_rows, found, kept, ran = by_part()
    rows.update(part_rows)
    for name in PER_PART:
        m = modules[name]
        raw[name] = {c.name: merge(c, [f.get(c.name) for f in found[name]], examples) for c in _part_checks(checks[name], count)}
        wide = [c for c in checks[name] if whole_only(c)]
        if count > 1 and wide:  # uniqueness and row counts: once, on the whole dataset's few columns they need
            raw[name].update(gx.run_suite(m.NAME, data.columns(m.NAME, gx.columns_read(wide, m.KEY)), wide, m.KEY, examples, store=store))
    if store is not None:
        store.add(kept, ran)
        store.prune()
    return [suite_result(modules[n].NAME, checks[n], raw[n], modules[n].KEY, rows[n], examples) for n in SUITES]


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
    store = ResultStore(outputs)
    suites = validate_suites(data, params, store)
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
        f"in {time.perf_counter() - started:.1f} s ({len(store.ran)} suite runs by GX, {len(store.kept)} kept from the last run); "
        f"Data Docs: {outputs / 'validation' / 'index.html'}",
        file=sys.stderr,
    )
    return 1 if errors and params.validate.fail_on_error else 0
