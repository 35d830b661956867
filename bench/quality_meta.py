"""Quality of segment's metadata on web pages (authors, published date, site), against values
read off the pages by hand.

    .venv/bin/python -m bench.quality_meta [--show]

The benchmark has no gold for these, so for random article pages we wrote down, by reading each
page: the article's own authors (its byline, names as printed, without reviewers, quoted people,
teaser or comment authors; [] when it names none), its published date (and updated date) as the
page states them (ISO, as precise as stated; null when only teasers, comments or copyright lines
carry dates) and the outlet's name as the page prints it.
- bench/meta_dev.json: 160 training pages (../shared/bench/boilerplate-train): 80 the metadata
  rules were first tuned on, and 80 more article pages (sorted ids not yet labelled, evenly spread,
  sites without a test page) labelled before the code's output on them was looked at. A development
  score.
- bench/meta_test.json: 60 test pages (../shared/bench/boilerplate), labelled after the rules were
  written and never used to change them: the honest score, from the `.txt` and the `.html`.
Names and sites match when their tokens overlap with F1 >= 0.8 ("Dylan Bailey" = "Dylan Bailey MS"),
names one to one; dates must be equal. Writes outputs/quality/meta.json; `make bench-quality` holds it
to bench/floors.yaml (section `meta`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.quality_segment import bench_dir, page_docs, token_match
from pipeline.doc import Doc

ROOT = Path(__file__).resolve().parents[1]
SETS = {  # name: (gold, benchmark folder, formats scored)
    "dev": (ROOT / "bench" / "meta_dev.json", "boilerplate-train", ("txt",)),
    "test": (ROOT / "bench" / "meta_test.json", "boilerplate", ("txt", "html")),
}
OUT = ROOT / "outputs" / "quality" / "meta.json"


def matched(got: list[str], want: list[str]) -> int:
    """How many of `got` match a distinct name of `want` (greedy, in order)."""
    left = list(want)
    hits = 0
    for name in got:
        k = next((i for i, w in enumerate(left) if token_match(name, w)), None)
        if k is not None:
            hits += 1
            del left[k]
    return hits


def _prf(hits: int, found: int, gold: int) -> dict[str, float]:
    p, r = hits / found if found else 0.0, hits / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def author_scores(pairs: list[tuple[list[str], list[str]]]) -> dict[str, float]:
    """(found, gold) author lists per page: micro P/R/F1 over names, the share of pages whose list is
    right as a whole, and of pages without an author where none was found."""
    hits = sum(matched(got, want) for got, want in pairs)
    empty = [got for got, want in pairs if not want]
    return {**_prf(hits, sum(len(g) for g, _ in pairs), sum(len(w) for _, w in pairs)),
            "page_accuracy": round(sum(matched(g, w) == len(g) == len(w) for g, w in pairs) / max(len(pairs), 1), 4),
            "none_when_none": round(sum(not g for g in empty) / max(len(empty), 1), 4)}


def date_scores(pairs: list[tuple[str | None, dict]]) -> dict[str, float]:
    """(found date, gold row): right when equal to the published date, or to the updated date of a
    page that states no published date; pages with neither should get none."""
    def right(got: str | None, want: dict) -> bool:
        return got is not None and got == (want.get("published") or want.get("updated"))

    dated = [(g, w) for g, w in pairs if w.get("published") or w.get("updated")]
    undated = [g for g, w in pairs if not (w.get("published") or w.get("updated"))]
    found = sum(g is not None for g, _ in pairs)
    return {**_prf(sum(right(g, w) for g, w in dated), found, len(dated)),
            "none_when_none": round(sum(g is None for g in undated) / max(len(undated), 1), 4)}


def site_scores(pairs: list[tuple[str | None, str | None]]) -> dict[str, float]:
    hits = sum(bool(g and w and token_match(g, w)) for g, w in pairs)
    return _prf(hits, sum(g is not None for g, _ in pairs), sum(w is not None for _, w in pairs))


def scores(docs: list[Doc], gold: list[dict]) -> dict[str, dict[str, float]]:
    return {"authors": author_scores([(d.authors, g["authors"]) for d, g in zip(docs, gold)]),
            "published": date_scores([(d.published, g) for d, g in zip(docs, gold)]),
            "site": site_scores([(d.site, g.get("site")) for d, g in zip(docs, gold)])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="accepted for make bench-quality, which checks the floors")
    ap.add_argument("--show", action="store_true", help="print every page with a wrong value")
    args = ap.parse_args(argv)
    result: dict[str, dict] = {}
    for name, (gold_path, folder, formats) in SETS.items():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ids = sorted(gold)
        for fmt in formats:
            docs = page_docs(bench_dir() / folder, ids, fmt)
            result[f"{name}_{fmt}"] = scores(docs, [gold[i] for i in ids])
            print(f"meta {name} {fmt} ({len(ids)} {folder} pages): {result[f'{name}_{fmt}']}")
            for i, d in zip(ids, docs) if args.show else []:
                g = gold[i]
                print(f"  {i}: authors {d.authors} / {g['authors']}; published {d.published} / {g.get('published')} "
                      f"(updated {g.get('updated')}); site {d.site!r} / {g.get('site')!r}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"set": "hand-labelled article pages", **result}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
