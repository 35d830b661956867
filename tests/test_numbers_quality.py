"""The numbers quality gate: the scorer on the benchmark must stay at or above the pinned floors,
and the scorer itself must count what the bench README says."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from pipeline.doc import Number

ROOT = Path(__file__).resolve().parents[1]
q = importlib.import_module("bench.quality_numbers")


def test_scores_stay_above_pinned_floors() -> None:
    if not q.DATA.is_file():
        pytest.skip(f"benchmark data not found at {q.DATA}")
    report = q.score(q.load())
    assert q.check(report) == []


def _num(start: int, end: int, kind: str, value: float, unit: str | None = None) -> Number:
    return Number(start, end, "", kind, value, unit=unit)


def test_scope_limits_false_positives_and_units_map_to_iso() -> None:
    case = {"scope": ["money"], "expected": [
        {"start": 0, "end": 8, "kind": "money", "value": 50.0, "unit": "Cent", "span": "50 cents"}]}
    preds = [_num(0, 8, "money", 0.5, "USD"), _num(12, 13, "cardinal", 3.0)]  # the cardinal is out of scope
    got = q.score_case(case, preds)
    assert got["exact"] == (1, 0, 0) and got["value"] == (1, 1) and got["unit"] == (1, 1)
    got = q.score_case({**case, "scope": ["money", "cardinal"]}, preds)
    assert got["exact"] == (1, 1, 0)


def test_ranges_compare_both_ends() -> None:
    gold = {"start": 0, "end": 17, "kind": "range", "value": None, "unit": None, "resolution": {"value": "[20,30)"}}
    ok = Number(0, 17, "", "range", 20.0, 30.0)
    bad = Number(0, 17, "", "range", 20.0, 40.0)
    assert q.score_case({"scope": ["range"], "expected": [gold]}, [ok])["value"] == (1, 1)
    assert q.score_case({"scope": ["range"], "expected": [gold]}, [bad])["value"] == (0, 1)
