"""Train the title ranker (pipeline/segment/title_model.json) on ../shared/bench/boilerplate-train.

    .venv/bin/python -m bench.train_title [--quick] [--models FILE]

Each training article is labelled by the line models of its fold (bench.train_segment's grouped
K-fold by site), so the candidates and their line-model scores look like those of a page the
committed model never saw. A candidate is right when it matches the manifest's title (the title
metric of bench.quality_segment). The ranker is a conditional logit: a softmax over each page's
candidates, maximising the probability of its right ones, with an L2 penalty picked by grouped CV.
Full-batch Adam from zero weights: the same data gives the same title_model.json.
`--models FILE`: keep the fold line models in FILE (pickle) to skip their training on the next run.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

from bench.quality_segment import as_ingested, token_match
from bench.train_segment import EPOCHS, bench_dir, fold_models, fold_of, load_pages
from pipeline.segment import title
from pipeline.segment.label import label_lines
from pipeline.segment.lines import split_lines
from pipeline.segment.model import LineModel, load
from pipeline.segment.scan import Scan

FOLDS = 5
PENALTIES = (0.001, 0.01, 0.1)
STEPS = 600


def candidate_sets(pages: list[dict], models: dict, threshold: float) -> list[dict]:
    """For each article with a manifest title: its candidates' features and which of them match."""
    out = []
    for p in pages:
        if not p["article"] or not p["title"]:
            continue
        lines = split_lines(as_ingested(p["page"]))
        scan = Scan([ln for ln in lines if ln.text])
        lab = label_lines(lines, [], LineModel(*models[p["fold"]], threshold), frozenset(), 0.0, scan)
        right = np.array([token_match(scan.rows[k].text, p["title"]) for k in lab.title_rows], dtype=bool)
        x = lab.title_features if lab.title_rows else np.zeros((0, len(title.NAMES)))
        out.append({"fold": p["fold"], "x": x, "y": right, "id": p["id"]})
    return out


def fit(sets: list[dict], penalty: float) -> title.Ranker:
    """Conditional logit over each page's candidates (pages without a right candidate teach nothing)."""
    sets = [s for s in sets if s["y"].any()]
    x = np.concatenate([s["x"] for s in sets])
    y = np.concatenate([s["y"] for s in sets]).astype(np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    starts = np.cumsum([0] + [len(s["y"]) for s in sets])[:-1]
    page = np.repeat(np.arange(len(sets)), [len(s["y"]) for s in sets])
    w = np.zeros(x.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, STEPS + 1):
        s = z @ w
        e = np.exp(s - np.maximum.reduceat(s, starts)[page])
        prob = e / np.add.reduceat(e, starts)[page]
        right = prob * y
        share = right / np.add.reduceat(right, starts)[page]  # the right candidates' share of their page's right mass
        grad = z.T @ (prob - share) / len(sets) + penalty * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return title.Ranker(mean, scale, w)


def match_rate(sets: list[dict], ranker: title.Ranker) -> float:
    """Share of the pages whose best-scoring candidate is right (a page without candidates is wrong)."""
    hits = sum(bool(s["y"][int(np.argmax(ranker.scores(s["x"])))]) for s in sets if len(s["y"]))
    return round(hits / max(len(sets), 1), 4)


def cross_validate(sets: list[dict], penalty: float) -> float:
    hits = 0.0
    for f in range(FOLDS):
        held = [s for s in sets if s["fold"] == f]
        hits += match_rate(held, fit([s for s in sets if s["fold"] != f], penalty)) * len(held)
    return round(hits / len(sets), 4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="cross-validate only, do not write title_model.json")
    ap.add_argument("--models", default=None, help="pickle of the fold line models: read if there, else written")
    args = ap.parse_args(argv)
    pages = load_pages(bench_dir() / "boilerplate-train")
    line = load()
    cached = Path(args.models) if args.models else None
    if cached and cached.exists():
        models = pickle.loads(cached.read_bytes())
        for p in pages:
            p["fold"] = fold_of(p["domain"], FOLDS)
    else:
        models = fold_models(pages, FOLDS, line.stage1.w1.shape[1], EPOCHS)
        if cached:
            cached.write_bytes(pickle.dumps(models))
    sets = candidate_sets(pages, models, line.threshold)
    reachable = sum(bool(s["y"].any()) for s in sets) / len(sets)
    print(f"{len(sets)} articles with a title; a right candidate on {reachable:.4f}", file=sys.stderr)
    cv = {str(c): cross_validate(sets, c) for c in PENALTIES}
    print(f"cv title match by L2 penalty: {cv}", file=sys.stderr)
    if args.quick:
        return 0
    penalty = max(PENALTIES, key=lambda c: cv[str(c)])
    ranker = fit(sets, penalty)
    title.MODEL_PATH.write_text(json.dumps({
        "trained_on": "boilerplate-train (WCXB dev split)", "features": list(title.NAMES), "penalty": penalty,
        "cv_title_match": cv[str(penalty)], "mean": ranker.mean.round(6).tolist(), "scale": ranker.scale.round(6).tolist(),
        "weights": ranker.weights.round(6).tolist(),
    }, indent=None) + "\n", encoding="utf-8")
    print(f"wrote {title.MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
