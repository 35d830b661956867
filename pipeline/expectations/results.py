"""GX results made deterministic (no run ids, timestamps, uuids or row-index queries) and readable.

What is kept per check: its name, severity, GX expectation type and our kwargs, success, the counts,
the observed value and up to `examples` failing rows named by the suite's key columns.
"""

from __future__ import annotations

import math
from typing import Any

from pipeline.expectations import Check

_COUNTS = ("element_count", "missing_count", "unexpected_count", "unexpected_percent")
_LONGEST = 160  # failing values are shown, not stored: a whole body text would drown the report


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _LONGEST:
        return value[: _LONGEST - 1] + "…"
    if isinstance(value, dict):
        return {k: _short(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_short(v) for v in value]
    return value


def plain(value: Any) -> Any:
    """JSON-safe and stable: numpy scalars/arrays to Python, NaN to None, floats rounded."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    return value


def _key_first(item: Any, key: tuple[str, ...]) -> Any:
    """A failing row reads key columns first: (doc_id=..., start=..., value=...)."""
    if not isinstance(item, dict):
        return item
    return {**{k: item[k] for k in key if k in item}, **{k: v for k, v in item.items() if k not in key}}


def check_result(check: Check, raw: dict[str, Any] | None, key: tuple[str, ...], examples: int) -> dict[str, Any]:
    out: dict[str, Any] = {"name": check.name, "severity": check.severity, "expectation": check.expectation, "kwargs": plain(check.kwargs)}
    if check.where:
        out["where"] = plain(list(check.where))
    if raw is None:  # GX dropped the check: count it as failed rather than silently passing
        return {**out, "success": False, "exception": "GX returned no result for this check"}
    out["success"] = bool(raw["success"])
    result = raw.get("result") or {}
    out.update({k: plain(result[k]) for k in _COUNTS if k in result})
    if "observed_value" in result:
        out["observed_value"] = plain(result["observed_value"])
    failing = result.get("partial_unexpected_index_list") or result.get("partial_unexpected_list") or []
    if failing and not out["success"]:
        out["failing"] = _short(plain([_key_first(f, key) for f in failing[:examples]]))
    info = raw.get("exception_info") or {}
    if info.get("raised_exception"):
        out["success"] = False
        out["exception"] = str(info.get("exception_message") or "exception").splitlines()[0]
    return out


def suite_result(
    name: str, checks: list[Check], raw: dict[str, dict[str, Any]], key: tuple[str, ...], rows: int, examples: int
) -> dict[str, Any]:
    results = [check_result(c, raw.get(c.name), key, examples) for c in checks]
    passed = sum(r["success"] for r in results)
    failed = [r for r in results if not r["success"]]
    return {
        "suite": name,
        "rows": rows,
        "success": not any(r["severity"] == "error" for r in failed),
        "statistics": {
            "evaluated": len(results),
            "passed": passed,
            "pass_rate": round(passed / len(results), 6) if results else 1.0,
            "errors_failed": sum(r["severity"] == "error" for r in failed),
            "warnings_failed": sum(r["severity"] == "warning" for r in failed),
        },
        "results": results,
    }


def describe_failing(failing: list[Any]) -> str:
    parts = []
    for item in failing:
        if isinstance(item, dict):
            parts.append("(" + ", ".join(f"{k}={v!r}" for k, v in item.items()) + ")")
        else:
            parts.append(repr(item))
    return ", ".join(parts)


def message(suite: str, r: dict[str, Any]) -> str:
    """One line naming the suite, the check, the GX expectation and what failed."""
    head = f"{r['severity'].upper()} {suite}.{r['name']} ({r['expectation']})"
    if "exception" in r:
        return f"{head}: could not be evaluated: {r['exception']}"
    detail = []
    if "unexpected_count" in r:
        detail.append(f"{r['unexpected_count']} of {r.get('element_count', '?')} rows fail")
    if "observed_value" in r:
        detail.append(f"observed {r['observed_value']!r}")
    bounds = {k: v for k, v in r["kwargs"].items() if k in ("min_value", "max_value", "value_set", "regex") and not (isinstance(v, list) and len(v) > 12)}
    if bounds:
        detail.append("expected " + ", ".join(f"{k}={v!r}" for k, v in bounds.items()))
    if r.get("failing"):
        detail.append("failing: " + describe_failing(r["failing"]))
    return f"{head}: " + "; ".join(detail)
