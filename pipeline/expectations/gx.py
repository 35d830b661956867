"""Runs our `Check`s with Great Expectations 1.x: an ephemeral, in-memory context, offline, no analytics.

GX is imported here only (it takes seconds), and one context serves every suite of a process.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from typing import Any

import pandas as pd

from pipeline.expectations import Check
from pipeline.expectations.store import ResultStore, frame_digest

# GX reads this when it is imported; set before, and analytics_enabled=False in the config as well.
os.environ["GX_ANALYTICS_ENABLED"] = "false"

_GX_SEVERITY = {"error": "critical", "warning": "warning"}
_CONTEXT: Any = None
# GX imports these at load time only for expectations we do not use (KL-divergence charts, KS tests);
# deferring them cuts ~40 % (about 1.3 s of CPU here) off `import great_expectations`.
_DEFERRED = ("altair", "scipy.stats")


class _Deferred(types.ModuleType):
    """Stands in for a module until an attribute is first read, then imports the real one and hands over."""

    def __getattr__(self, attr: str) -> Any:
        real = sys.modules.get(self.__name__)
        if real is self:
            del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
        return getattr(real, attr)


def _defer_heavy_imports() -> None:
    for name in _DEFERRED:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)  # locates without executing; keeps find_spec() answers right
        if spec is not None:
            stub = _Deferred(name)
            stub.__spec__ = spec
            sys.modules[name] = stub


def context() -> Any:
    """The process-wide ephemeral context: in-memory stores, no Data Docs site, no progress bars."""
    global _CONTEXT
    if _CONTEXT is None:
        _defer_heavy_imports()
        import great_expectations as gx
        from great_expectations.data_context.types.base import DataContextConfig, InMemoryStoreBackendDefaults, ProgressBarsConfig

        config = DataContextConfig(
            analytics_enabled=False,
            progress_bars=ProgressBarsConfig(globally=False),
            store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        )
        _CONTEXT = gx.get_context(mode="ephemeral", project_config=config)
        _CONTEXT.data_sources.add_pandas("outputs")
    return _CONTEXT


def _condition(where: tuple[str, str, Any]) -> Any:
    from great_expectations.expectations.row_conditions import Column

    column, op, value = where
    if op == "==":
        return Column(column) == value
    if op == "in":
        return Column(column).is_in(list(value))
    if op == "not_null":
        return Column(column).is_not_null()
    raise ValueError(f"unknown row condition operator {op!r} in {where}")


def expectation(check: Check) -> Any:
    import great_expectations.expectations as gxe

    cls = getattr(gxe, check.expectation, None)
    if cls is None:
        raise ValueError(f"check {check.name}: no GX expectation named {check.expectation}")
    extra = {"row_condition": _condition(check.where)} if check.where else {}
    return cls(**check.kwargs, **extra, severity=_GX_SEVERITY[check.severity], meta={"name": check.name, "severity": check.severity})


def columns_read(checks: list[Check], key: tuple[str, ...]) -> list[str]:
    """The columns some checks read, their row conditions included, after the key columns."""
    found = dict.fromkeys(key)
    for check in checks:
        kw = check.kwargs
        named = [kw.get("column"), kw.get("column_A"), kw.get("column_B"), *kw.get("column_list", []), check.where[0] if check.where else None]
        found.update(dict.fromkeys(c for c in named if c))
    return list(found)


def _for_gx(frame: pd.DataFrame, checks: list[Check], key: tuple[str, ...]) -> pd.DataFrame:
    """The frame as GX gets it: only the columns the checks read (GX hashes every column of a batch to
    name it, the page texts included), and integers widened to int64 (GX's range checks take a
    vectorised path only for the default int and float dtypes; int32 went through a Python call per row)."""
    wanted = [c for c in columns_read(checks, key) if c in frame.columns]
    frame = frame[wanted]
    narrow = {c: "int64" for c, t in frame.dtypes.items() if pd.api.types.is_integer_dtype(t) and t != "int64" and not pd.api.types.is_extension_array_dtype(t)}
    return frame.astype(narrow) if narrow else frame


def run_suite(name: str, frame: pd.DataFrame, checks: list[Check], key: tuple[str, ...], examples: int, detailed: bool = False,
              store: ResultStore | None = None) -> dict[str, Any]:
    """GX's raw results of one suite over one DataFrame, by check name; from `store` when it holds them.

    Two passes: every check with BOOLEAN_ONLY results, then the failed ones again with counts and
    failing rows named by `key`. Detailed results cost GX twice the time, and most checks pass.
    `detailed`: one pass with counts for every check (a part of a dataset: the parts' counts are summed).
    """
    if not checks:
        return {}
    frame = _for_gx(frame, checks, key)
    if store is None:
        return _validate(name, frame, checks, key, examples, detailed)
    kept = store.suite_key(name, frame_digest(frame), checks, key, {"examples": examples, "detailed": detailed})
    return store.fetch(kept, lambda: _validate(name, frame, checks, key, examples, detailed))  # GX is imported only when some suite has to run


def _validate(name: str, frame: pd.DataFrame, checks: list[Check], key: tuple[str, ...], examples: int, detailed: bool) -> dict[str, Any]:
    source = context().data_sources.get("outputs")
    import great_expectations as gx

    try:
        asset = source.get_asset(name)
    except LookupError:
        asset = source.add_dataframe_asset(name)
    batch_definition = next(iter(asset.batch_definitions), None) or asset.add_batch_definition_whole_dataframe("all")
    batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
    summary = {"result_format": "SUMMARY", "partial_unexpected_count": examples, "unexpected_index_column_names": list(key)}

    def validate(some: list[Check], result_format: Any) -> dict[str, Any]:
        done = batch.validate(gx.ExpectationSuite(name=name, expectations=[expectation(c) for c in some]), result_format=result_format)
        return {r.expectation_config.meta["name"]: r.to_json_dict() for r in done.results}

    if detailed:
        return validate(checks, summary)
    found = validate(checks, "BOOLEAN_ONLY")
    failed = [c for c in checks if not found.get(c.name, {}).get("success")]
    if failed:
        found.update(validate(failed, summary))
    return found


def forget_batches() -> None:
    """Drop what GX's execution engine keeps after a validation: the last DataFrame of each asset and
    the metrics computed on it. Validating a dataset part by part, the previous part would otherwise
    stay in memory while the next one is read."""
    if _CONTEXT is None:
        return
    engine = _CONTEXT.data_sources.get("outputs").get_execution_engine()
    engine.batch_manager.reset_batch_cache()
    engine.batch_manager.batch_data_cache.clear()
    cache = getattr(engine, "_metric_cache", None)  # private, hence looked up with care
    if isinstance(cache, dict):
        cache.clear()
