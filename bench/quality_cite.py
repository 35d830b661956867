"""Quality of the reference parser: k-fold cross-validated field micro P/R/F1 on anystyle_core.

    .venv/bin/python -m bench.quality_cite [--check] [--folds K]

Each fold trains a CRF on the other folds (same features and settings as the shipped model) and
parses its held-out references, so no score comes from data the model saw. Folds run on two
worker processes. Writes outputs/quality/cite.json; `--check` exits 1 naming every metric under
its floor in bench/floors.yaml (section `cite`).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

from bench.cite_metric import CORE_FIELDS, gold_fields, score
from pipeline.cite.parser import parse_reference
from pipeline.cite.train import TrainConfig, folds, load_rows, train

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "outputs" / "quality" / "cite.json"
FLOORS = ROOT / "bench" / "floors.yaml"


def data_file() -> Path:
    return Path(os.environ.get("BENCH_DIR", ROOT / ".." / "shared" / "bench")) / "citations" / "anystyle_core.jsonl"


def _fold(rows: list[dict[str, Any]], train_idx: list[int], test_idx: list[int], config: TrainConfig) -> list[dict]:
    """Predicted fields of the held-out rows of one fold."""
    with tempfile.TemporaryDirectory() as tmp:
        model = str(train([rows[i] for i in train_idx], Path(tmp) / "fold.crfsuite", config))
        return [parse_reference(rows[i]["raw"], model) for i in test_idx]


def evaluate(rows: list[dict[str, Any]], config: TrainConfig, workers: int = 2) -> dict[str, Any]:
    """Cross-validated scores, with the gold as published (`strict`) and with its pages repaired."""
    splits = folds(rows, config)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_fold, [rows] * len(splits), *zip(*splits, strict=True), [config] * len(splits)))
    order = [i for _, test in splits for i in test]
    predicted = [p for fold in results for p in fold]
    fields = score((gold_fields(rows[i]), p) for i, p in zip(order, predicted, strict=True))
    strict = score((gold_fields(rows[i], repair=False), p) for i, p in zip(order, predicted, strict=True))
    return {
        "references": len(rows),
        "folds": config.folds,
        "core": fields["core"],
        "core_strict": strict["core"],
        "fields": {name: fields[name] for name in CORE_FIELDS},
        "config": dataclasses.asdict(config),
    }


def below_floors(result: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    problems = []
    for key, floor in floors.items():
        value: Any = result
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if not isinstance(value, int | float) or value < floor:
            problems.append(f"cite.{key} = {value} is below its floor {floor}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality_cite", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when a score is under its floor")
    parser.add_argument("--folds", type=int, default=TrainConfig().folds)
    args = parser.parse_args(argv)
    path = data_file()
    if not path.is_file():
        print(f"quality_cite: benchmark data not found: {path}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = evaluate(load_rows(path), TrainConfig(folds=args.folds))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for name, prf in [*result["fields"].items(), ("CORE", result["core"]), ("core strict", result["core_strict"])]:
        print(f"{name:>12}  P {prf['precision']:.3f}  R {prf['recall']:.3f}  F1 {prf['f1']:.3f}  (n={prf['support']})")
    print(f"quality_cite: {args.folds}-fold CV in {time.perf_counter() - started:.0f} s -> {OUT.relative_to(ROOT)}")
    floors = (yaml.safe_load(FLOORS.read_text(encoding="utf-8")) or {}).get("cite", {}) if FLOORS.is_file() else {}
    problems = below_floors(result, _flat(floors))
    for problem in problems:
        print(f"quality_cite: {problem}", file=sys.stderr)
    return 1 if problems and args.check else 0


def _flat(section: dict[str, Any], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in section.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = float(value)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
