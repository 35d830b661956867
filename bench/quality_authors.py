"""Quality of segment's `authors` on web pages, against bylines labelled by hand.

    .venv/bin/python -m bench.quality_authors [--show]

The benchmark has no author gold, so the article authors of random article pages were written down
by reading each page: the article's own byline, names as printed, without reviewers, quoted people,
teaser or comment authors; [] when the page names none.
- bench/authors_dev.json: 80 training pages (../shared/bench/boilerplate-train). The author rules
  were tuned on these: a development score.
- bench/authors_test.json: 60 test pages (../shared/bench/boilerplate), labelled after the rules were
  written and never used to change them: the honest score.
Names match when their tokens overlap with F1 >= 0.8 (so "Dylan Bailey" matches "Dylan Bailey MS"),
one to one. Writes outputs/quality/authors.json; `make bench-quality` holds it to bench/floors.yaml.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections import Counter
from pathlib import Path

from bench.quality_segment import _TOKEN, as_ingested, bench_dir, segmented

ROOT = Path(__file__).resolve().parents[1]
SETS = {"dev": (ROOT / "bench" / "authors_dev.json", "boilerplate-train"), "test": (ROOT / "bench" / "authors_test.json", "boilerplate")}
OUT = ROOT / "outputs" / "quality" / "authors.json"
NAME_MATCH_F1 = 0.8


def _tokens(name: str) -> Counter[str]:
    return Counter(_TOKEN.findall(unicodedata.normalize("NFKC", name).casefold()))


def same_name(a: str, b: str) -> bool:
    ta, tb = _tokens(a), _tokens(b)
    common = sum((ta & tb).values())
    return bool(common) and 2 * common / (sum(ta.values()) + sum(tb.values())) >= NAME_MATCH_F1


def matched(got: list[str], want: list[str]) -> int:
    """How many of `got` match a distinct name of `want` (greedy, in order)."""
    left = list(want)
    hits = 0
    for name in got:
        k = next((i for i, w in enumerate(left) if same_name(name, w)), None)
        if k is not None:
            hits += 1
            del left[k]
    return hits


def score(pairs: list[tuple[list[str], list[str]]]) -> dict[str, float]:
    """(found, gold) author lists per page: micro precision/recall/F1 over names, the share of pages
    whose list is right as a whole, and of pages without an author where none was found."""
    tp = sum(matched(got, want) for got, want in pairs)
    found, gold = sum(len(got) for got, _ in pairs), sum(len(want) for _, want in pairs)
    p, r = tp / found if found else 0.0, tp / gold if gold else 0.0
    whole = sum(matched(got, want) == len(got) == len(want) for got, want in pairs)
    empty = [got for got, want in pairs if not want]
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "page_accuracy": round(whole / len(pairs), 4), "none_when_none": round(sum(not g for g in empty) / max(len(empty), 1), 4),
            "pages": len(pairs), "gold_names": gold}


def run(gold_path: Path, folder: Path) -> tuple[dict[str, float], list[tuple[str, list[str], list[str]]]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = []
    for page_id in sorted(gold):
        doc = segmented(as_ingested((folder / f"{page_id}.txt").read_text(encoding="utf-8")), "txt")
        rows.append((page_id, doc.authors, gold[page_id]["authors"]))
    return score([(got, want) for _, got, want in rows]), rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="accepted for make bench-quality, which checks the floors")
    ap.add_argument("--show", action="store_true", help="print every page whose authors are wrong")
    args = ap.parse_args(argv)
    result = {}
    for name, (gold_path, folder) in SETS.items():
        result[name], rows = run(gold_path, bench_dir() / folder)
        print(f"authors {name} ({result[name]['pages']} {folder} pages, txt): {result[name]}")
        for page_id, got, want in rows if args.show else []:
            if not matched(got, want) == len(got) == len(want):
                print(f"  {page_id}: found {got}, gold {want}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"set": "hand-labelled bylines", **result}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
