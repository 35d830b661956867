"""GX results of one check over consecutive parts of a dataset, merged into what GX gives for the whole.

Row checks (a verdict per row) add up: counts are summed, failing rows are the first `examples` of
the parts' lists in part order (each part lists its first ones in row order), and success is GX's
own rule on the sums (ColumnMapExpectation._validate: vacuously true without rows, else the share
of passing rows against `mostly`). A check that passes keeps only its verdict, as with GX's
BOOLEAN_ONLY results, so the results JSON does not depend on how many parts there were.
"""

from __future__ import annotations

from typing import Any

from pipeline.expectations import Check

# checks over a whole column at once: each runs once on the whole dataset's columns, not per part
_TABLE_WIDE = frozenset({"ExpectColumnValuesToBeUnique", "ExpectCompoundColumnsToBeUnique", "ExpectTableRowCountToBeBetween", "ExpectColumnDistinctValuesToEqualSet"})
_LISTS = ("partial_unexpected_index_list", "partial_unexpected_list")


def whole_only(check: Check) -> bool:
    """A check that parts cannot answer. A key unique within each document is the exception: a part
    holds all rows of its documents, so duplicates never straddle two parts."""
    per_doc = check.expectation == "ExpectCompoundColumnsToBeUnique" and "doc_id" in check.kwargs.get("column_list", [])
    return check.expectation in _TABLE_WIDE and not per_doc


def _success(check: Check, element: int, missing: int | None, unexpected: int) -> bool:
    considered = element - missing if missing is not None else element
    if element == 0 or considered == 0:
        return True
    return (float(considered) - float(unexpected)) / float(considered) >= check.kwargs.get("mostly", 1.0)


def merge(check: Check, parts: list[dict[str, Any]], examples: int) -> dict[str, Any] | None:
    """One raw GX result from the parts' SUMMARY results of `check` (None when GX dropped it)."""
    if any(p is None for p in parts):
        return None
    if len(parts) == 1:
        return parts[0]
    for part in parts:
        if (part.get("exception_info") or {}).get("raised_exception"):
            return part
    results = [p.get("result") or {} for p in parts]
    element = sum(r.get("element_count", 0) for r in results)
    missing = sum(r["missing_count"] for r in results) if all("missing_count" in r for r in results) else None
    unexpected = sum(r.get("unexpected_count", 0) for r in results)
    success = _success(check, element, missing, unexpected)
    if success:
        return {"success": True, "result": {}}
    considered = element - missing if missing is not None else element
    merged: dict[str, Any] = {"element_count": element, "unexpected_count": unexpected}
    if missing is not None:
        merged["missing_count"] = missing
    merged["unexpected_percent"] = unexpected / considered * 100 if element > 0 and considered > 0 else None
    for name in _LISTS:
        found = [item for r in results for item in (r.get(name) or [])]
        if found:
            merged[name] = found[:examples]
    return {"success": False, "result": merged}
