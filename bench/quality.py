"""`make bench-quality`: run every bench/quality_<area>.py, then hold each score to bench/floors.yaml.

    python -m bench.quality [--check] [--only AREA] [--no-run]

Each quality module writes outputs/quality/<area>.json; floors.yaml has one section per area whose
keys are (dotted) paths into that JSON. With --check, a module that fails its own check, a score under
its floor, or a floored score that is missing makes the gate exit 1, naming what dropped. The scores
are also gathered into outputs/plots/quality.json, the table `dvc plots` draws.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
_SCORE = re.compile(r"(f1|precision|recall|accuracy)$")


def modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(ROOT / "bench")]) if m.name.startswith("quality_"))


def run_module(name: str, check: bool) -> str | None:
    """Run one quality module; None when it passed, else why it failed."""
    argv = ["--check"] if check else []
    try:
        module = importlib.import_module(f"bench.{name}")
        if hasattr(module, "main"):
            code = module.main(argv)
        else:  # a script with only a __main__ block: run it as `make bench-quality` would
            code = subprocess.run([sys.executable, "-m", f"bench.{name}", *argv], cwd=ROOT, check=False).returncode
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except Exception:  # noqa: BLE001 - the gate reports a crashing module and goes on to the others
        traceback.print_exc()
        return f"{name} crashed (traceback above)"
    return None if not code else f"{name} --check exited {code}"


def flatten(value: Any, prefix: str = "") -> dict[str, float]:
    """Numeric leaves of nested JSON/YAML as dotted paths: {"per_source": {"a": 0.9}} -> {"per_source.a": 0.9}."""
    if isinstance(value, dict):
        out: dict[str, float] = {}
        for key, inner in value.items():
            out.update(flatten(inner, f"{prefix}{key}."))
        return out
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {prefix.rstrip("."): value}  # ints stay ints: they are counts, not scores
    return {}


def read_scores(folder: Path) -> dict[str, dict[str, float]]:
    return {p.stem: flatten(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))}


def _same(key: str) -> str:
    """Floor keys may spell a JSON path with dots or underscores (`txt.f1` or `txt_f1`)."""
    return key.replace(".", "_")


def lookup(scores: dict[str, float], metric: str) -> float | None:
    if metric in scores:
        return scores[metric]
    return next((v for k, v in scores.items() if _same(k) == _same(metric)), None)


def below_floors(floors: dict[str, Any], scores: dict[str, dict[str, float]]) -> list[str]:
    """One message per floored metric that is missing or under its floor."""
    problems = []
    for area, section in sorted(floors.items()):
        for metric, floor in sorted(flatten(section).items()):
            score = lookup(scores.get(area, {}), metric)
            if score is None:
                problems.append(f"{area}.{metric}: no score in outputs/quality/{area}.json (floor {floor:g})")
            elif score < floor:
                problems.append(f"{area}.{metric} = {score:.4f} dropped below its floor {floor:g}")
    return problems


def plot_rows(floors: dict[str, Any], scores: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    pinned = {_same(f"{area}.{m}"): f for area, section in floors.items() for m, f in flatten(section).items()}
    rows = [
        {"metric": f"{a}.{m}", "score": round(s, 6), "floor": pinned.get(_same(f"{a}.{m}"))}
        for a, ms in scores.items() for m, s in ms.items()
        # scores only: counts (cases, pages, n) and settings would swamp the bars
        if isinstance(s, float) and 0.0 <= s <= 1.0 and (_SCORE.search(m) or _same(f"{a}.{m}") in pinned)
    ]
    return sorted(rows, key=lambda r: r["metric"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 when a module fails or a score is under its floor")
    parser.add_argument("--only", action="append", help="run only bench/quality_<AREA>.py (repeatable)")
    parser.add_argument("--no-run", action="store_true", help="check the scores already in --scores, run nothing")
    parser.add_argument("--floors", type=Path, default=ROOT / "bench" / "floors.yaml")
    parser.add_argument("--scores", type=Path, default=ROOT / "outputs" / "quality")
    parser.add_argument("--plot", type=Path, default=ROOT / "outputs" / "plots" / "quality.json")
    args = parser.parse_args(argv)
    names = [n for n in modules() if not args.only or n.removeprefix("quality_") in args.only]
    problems = [] if args.no_run else [p for n in names if (p := run_module(n, args.check))]
    all_floors = (yaml.safe_load(args.floors.read_text(encoding="utf-8")) or {}) if args.floors.is_file() else {}
    floors = {area: section for area, section in all_floors.items() if not args.only or area in args.only}
    scores = read_scores(args.scores)
    problems += below_floors(floors, scores)
    args.plot.parent.mkdir(parents=True, exist_ok=True)
    # the plot shows every area's scores with its floors, also after a run of --only some areas
    args.plot.write_text(json.dumps(plot_rows(all_floors, scores), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for problem in problems:
        print(f"bench gate: {problem}", file=sys.stderr)
    ran = "no module run" if args.no_run else f"{len(names)} modules run ({', '.join(names) or 'none found'})"
    print(f"bench gate: {ran}; {sum(len(flatten(s)) for s in floors.values())} floors checked; {len(problems)} problems", file=sys.stderr)
    return 1 if problems and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
