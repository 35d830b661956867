"""Quality of `segment`: sh4 F1 of doc.text against the gold main content of ../shared/bench/boilerplate.

    .venv/bin/python -m bench.quality_segment [--check]

Scores the flattened `.txt` pages (our hardest input) and the `.html` pages rendered by ingest's
`render_html` (with its soft hints). Writes outputs/quality/segment.json; `--check` exits 1 naming
every metric below its floor in bench/floors.yaml (section `segment`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from bench.sh4 import corpus_f1
from pipeline.doc import Doc, Hint
from pipeline.params import Params
from pipeline.stages import segment

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "outputs" / "quality" / "segment.json"
FLOORS = ROOT / "bench" / "floors.yaml"


def bench_dir() -> Path:
    return Path(os.environ.get("BENCH_DIR", ROOT / ".." / "shared" / "bench"))


def body_of(page: str, fmt: str, hints: list[Hint] | None = None, params: Params | None = None) -> str:
    doc = Doc(doc_id="bench", source_path="bench", format=fmt, raw=page, page=page, hints=hints or [])
    return segment.process(doc, params or Params(), {}).text


def _render() -> Callable[[str], tuple[str, list[Hint]]] | None:
    try:
        from pipeline.stages.ingest import render_html  # written by the ingest helper
    except ImportError:
        return None
    return render_html


def score(folder: Path) -> dict[str, dict | None]:
    ids = sorted(p.name[: -len(".gold.txt")] for p in folder.glob("*.gold.txt"))
    golds = {i: (folder / f"{i}.gold.txt").read_text(encoding="utf-8") for i in ids}
    txt_pairs = []
    for i in ids:
        page = (folder / f"{i}.txt").read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        txt_pairs.append((body_of(page, "txt"), golds[i]))
    result: dict[str, dict | None] = {"txt": corpus_f1(txt_pairs), "html": None}
    render = _render()
    if render is not None:
        html_pairs = []
        for i in ids:
            page, hints = render((folder / f"{i}.html").read_text(encoding="utf-8"))
            html_pairs.append((body_of(page, "html", hints), golds[i]))
        result["html"] = corpus_f1(html_pairs)
    return result


def check(result: dict[str, dict | None]) -> list[str]:
    floors = (yaml.safe_load(FLOORS.read_text(encoding="utf-8")) or {}).get("segment") or {}
    failures = []
    for key, floor in floors.items():
        fmt, metric = key.split("_", 1)  # e.g. txt_f1, html_precision
        got = (result.get(fmt) or {}).get(metric)
        if got is None:
            failures.append(f"segment.{key}: no score (floor {floor})")
        elif got < floor:
            failures.append(f"segment.{key} dropped: {got} < floor {floor}")
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="sh4 quality of the segment stage")
    ap.add_argument("--check", action="store_true", help="exit 1 when a score is below its floor")
    args = ap.parse_args(argv)
    result = score(bench_dir() / "boilerplate")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"metric": "sh4", "set": "boilerplate", **result}, indent=2) + "\n", encoding="utf-8")
    for fmt, scores in result.items():
        print(f"segment {fmt}: {scores if scores else 'not scored (render_html not available)'}")
    if args.check:
        failures = check(result)
        for f in failures:
            print(f"FAIL {f}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
