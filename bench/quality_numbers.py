"""Numeric mentions vs ../shared/bench/numbers/recognizers_en.jsonl (metric of the bench README).

Span P/R/F1, exact (same start and end) and lenient (overlap, one-to-one); value, kind and unit
accuracy on exactly matched spans. A case's `scope` names the kinds it annotates exhaustively: a
prediction that matches no gold span is a false positive only when its kind belongs to the scope.
Reported on all cases and on `python_supported` ones.

Conventions mapped between the benchmark and CONTRACT.md (documented, not tuned per case):
- kinds: the benchmark's `cardinal` covers our cardinal, fraction, year and decade (its Number
  model has no years); our quantity and date kinds lie outside every scope.
- money units: benchmark names become ISO 4217 with their minor-unit factor (`Cent` = 0.01 USD,
  `Pence` = 0.01 GBP); a bare `Dollar` is USD, as `$` is in our corpus.
- ranges: the benchmark resolution `[20,30)` gives value and value_high.

`python -m bench.quality_numbers` prints scores and writes outputs/quality/numbers.json;
`--check` exits 1 naming each metric below its floor in bench/floors.yaml (section `numbers`);
`--errors` lists the misses for debugging.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from pipeline.doc import Number
from pipeline.numbers import extract_numbers

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(os.environ.get("BENCH_DIR", ROOT.parent / "shared" / "bench"))
DATA = BENCH / "numbers" / "recognizers_en.jsonl"
FLOORS = ROOT / "bench" / "floors.yaml"
OUT = ROOT / "outputs" / "quality" / "numbers.json"

FAMILY = {"cardinal": "cardinal", "fraction": "cardinal", "year": "cardinal", "decade": "cardinal",
          "ordinal": "ordinal", "percent": "percent", "money": "money", "range": "range"}
MONEY_UNITS: dict[str, tuple[set[str], float]] = {
    "Dollar": ({"USD"}, 1.0), "Cent": ({"USD"}, 0.01), "Pound": ({"GBP"}, 1.0), "Pence": ({"GBP"}, 0.01),
    "Penny": ({"GBP"}, 0.01), "Franc": ({"CHF", "FRF", "BEF", "XOF", "XAF"}, 1.0),
    "Rupee": ({"INR", "PKR", "LKR", "NPR"}, 1.0), "Peseta": ({"ESP"}, 1.0), "Netherlands guilder": ({"NLG"}, 1.0),
    "Finnish markka": ({"FIM"}, 1.0), "Bitcoin": ({"XBT"}, 1.0), "Satoshi": ({"XBT"}, 1e-8),
    "Sen": ({"JPY", "MYR", "IDR", "KHR"}, 0.01),
}
_INTERVAL = re.compile(r"^[\[(]([^,]*),([^\])]*)[\])]$")


def load(path: Path = DATA) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b)) or abs(a - b) < 1e-9


def _value_ok(gold: dict[str, Any], pred: Number) -> bool | None:
    """True/False, or None when the gold has no value to compare ("dollar" without an amount)."""
    if gold["kind"] == "range":
        m = _INTERVAL.match(str((gold.get("resolution") or {}).get("value", "")))
        if not m:
            return None
        low, high = (float(x) if x.strip() else None for x in m.groups())
        if low is not None and high is not None:
            return _close(pred.value, low) and _close(pred.value_high, high)
        return _close(pred.value, low if low is not None else high)
    if gold["value"] is None:
        return None
    factor = MONEY_UNITS.get(gold["unit"], (set(), 1.0))[1] if gold["kind"] == "money" else 1.0
    return _close(pred.value, gold["value"] * factor)


def _kind_ok(gold: dict[str, Any], pred: Number) -> bool:
    if gold["kind"] == "cardinal":
        if gold.get("subtype") == "fraction":
            return pred.kind == "fraction" or (abs(gold["value"]) >= 1 and pred.kind == "cardinal")
        return pred.kind in ("cardinal", "year")
    return pred.kind == gold["kind"]


def _unit_ok(gold: dict[str, Any], pred: Number) -> bool:
    if gold["kind"] == "money":
        return pred.unit in MONEY_UNITS.get(gold["unit"], ({gold["unit"]}, 1.0))[0]
    return pred.unit == gold["unit"]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score_case(case: dict[str, Any], preds: list[Number]) -> dict[str, Any]:
    """Counts for one case: exact/lenient tp, fp, fn and the accuracy tallies on exact matches."""
    gold = case["expected"]
    scope = set(case["scope"])
    by_span = {(p.start, p.end): p for p in preds}
    exact = {i: by_span[(g["start"], g["end"])] for i, g in enumerate(gold) if (g["start"], g["end"]) in by_span}
    used: set[int] = set()
    lenient = 0
    for g in gold:
        best = max((k for k, p in enumerate(preds) if k not in used and p.start < g["end"] and g["start"] < p.end),
                   key=lambda k: min(preds[k].end, g["end"]) - max(preds[k].start, g["start"]), default=None)
        if best is not None:
            used.add(best)
            lenient += 1
    matched_exact = {id(p) for p in exact.values()}
    fp_exact = sum(1 for p in preds if id(p) not in matched_exact and FAMILY.get(p.kind) in scope)
    fp_lenient = sum(1 for k, p in enumerate(preds) if k not in used and FAMILY.get(p.kind) in scope)
    values = [v for i, p in exact.items() if (v := _value_ok(gold[i], p)) is not None]
    return {
        "exact": (len(exact), fp_exact, len(gold) - len(exact)),
        "lenient": (lenient, fp_lenient, len(gold) - lenient),
        "value": (sum(values), len(values)),
        "kind": (sum(_kind_ok(gold[i], p) for i, p in exact.items()), len(exact)),
        "unit": (sum(_unit_ok(gold[i], p) for i, p in exact.items()), len(exact)),
    }


def summarize(results: Iterable[dict[str, Any]]) -> dict[str, Any]:
    totals: dict[str, list[int]] = {}
    n = 0
    for r in results:
        n += 1
        for key, counts in r.items():
            acc = totals.setdefault(key, [0] * len(counts))
            for i, c in enumerate(counts):
                acc[i] += c
    out: dict[str, Any] = {"cases": n}
    out["exact"] = _prf(*totals.get("exact", [0, 0, 0]))
    out["lenient"] = _prf(*totals.get("lenient", [0, 0, 0]))
    for key in ("value", "kind", "unit"):
        ok, total = totals.get(key, [0, 0])
        out[f"{key}_accuracy"] = round(ok / total, 4) if total else 0.0
    return out


def score(cases: list[dict[str, Any]]) -> dict[str, Any]:
    per_case = [(c, score_case(c, extract_numbers(c["text"]))) for c in cases]
    report = {"all": summarize(r for _, r in per_case),
              "python_supported": summarize(r for c, r in per_case if c["python_supported"])}
    for scope in sorted({c["scope"][0] for c in cases}):
        report[f"scope_{scope}"] = summarize(r for c, r in per_case if c["scope"][0] == scope)
    return report


def _flat(d: dict[str, Any], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


def check(report: dict[str, Any], floors_path: Path = FLOORS) -> list[str]:
    """Messages naming each metric below its pinned floor."""
    floors = (yaml.safe_load(floors_path.read_text(encoding="utf-8")) or {}).get("numbers") or {}
    got = _flat(report)
    return [f"numbers: {name} = {got.get(name)} is below its floor {floor}"
            for name, floor in _flat(floors).items() if got.get(name, 0.0) < floor]


def _print_errors(cases: list[dict[str, Any]]) -> None:
    for c in cases:
        preds = extract_numbers(c["text"])
        got = {(p.start, p.end): p for p in preds}
        want = {(g["start"], g["end"]): g for g in c["expected"]}
        bad = [f"  miss {g['span']!r} {g['kind']} {g['value']}" for k, g in want.items() if k not in got]
        bad += [f"  extra {p.surface!r} {p.kind} {p.value}" for k, p in got.items()
                if k not in want and FAMILY.get(p.kind) in c["scope"]]
        bad += [f"  value {p.surface!r} {p.kind} {p.value} {p.unit} vs {want[k]['value']} {want[k]['unit']}"
                for k, p in got.items() if k in want and _value_ok(want[k], p) is False]
        if bad:
            print(f"{c['id']} sup={c['python_supported']} {c['text'][:100]!r}")
            print("\n".join(bad))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a score is below its floor")
    parser.add_argument("--errors", action="store_true", help="print the misses of every case")
    args = parser.parse_args(argv)
    cases = load()
    if args.errors:
        _print_errors(cases)
    report = score(cases)
    for name, part in report.items():
        if isinstance(part, dict):
            e, le = part["exact"], part["lenient"]
            print(f"{name:<26} cases {part['cases']:>4}  exact P {e['precision']:.3f} R {e['recall']:.3f} "
                  f"F1 {e['f1']:.3f}  lenient F1 {le['f1']:.3f}  value {part['value_accuracy']:.3f} "
                  f"kind {part['kind_accuracy']:.3f} unit {part['unit_accuracy']:.3f}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.check:
        problems = check(report)
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
