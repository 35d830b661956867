"""Train the segment line model on ../shared/bench/boilerplate-train (never on the test pages).

    .venv/bin/python -m bench.train_segment [--folds 5] [--quick] [--threshold T] [--segment-cv]

The committed model.json was made with `--threshold 0.45` (grouped 5-fold CV on the articles:
line-level sh4 F1 0.924 at 0.4 and 0.5, 0.923-0.924 between; 0.45 splits the plateau).

Labels come from the gold: a line is body when most of its tokens sit in a 4-token shingle of
the gold (the same unit the sh4 metric counts). Grouped K-fold by site (manifest `domain`) gives
out-of-fold stage-1 scores for stage 2 and the validation F1 that picks the threshold; the final
model is then fitted on every page. Fixed seed: the same data gives the same model.json.

`--segment-cv` also runs the whole segment stage (the model, then the rules) on every held-out
article with the models of its fold and prints its sh4: the test set's metric on training pages,
a dev score for comparing features or model sizes without looking at the test pages.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import sys
from pathlib import Path

import numpy as np

from bench.quality_segment import as_ingested, scores, segmented
from bench.sh4 import corpus_f1
from pipeline.segment.features import NAMES, page_features
from pipeline.segment.lines import split_lines
from pipeline.segment.model import MODEL_PATH, LineModel, Mlp, stacked_features

SEED = 20240611
EPOCHS = 10  # the committed model's; bench/train_title.py trains its fold models the same way
_TOKEN = re.compile(r"\w+")
OTHER_TYPE_WEIGHT = 0.3  # non-article pages teach chrome vs text too, but the test set is articles


def bench_dir() -> Path:
    return Path(os.environ.get("BENCH_DIR", Path(__file__).resolve().parents[1] / ".." / "shared" / "bench"))


def line_labels(lines: list, gold: str) -> np.ndarray:
    """Share of each non-blank line's tokens covered by a gold 4-shingle, in page token order."""
    gold_tokens = _TOKEN.findall(gold)
    gold_sh = {tuple(gold_tokens[i : i + 4]) for i in range(len(gold_tokens) - 3)}
    rows = [ln for ln in lines if ln.text]
    stream = [t for ln in rows for t in ln.tokens]
    covered = np.zeros(len(stream), dtype=bool)
    for i in range(len(stream) - 3):
        if tuple(stream[i : i + 4]) in gold_sh:
            covered[i : i + 4] = True
    out = np.zeros(len(rows))
    pos = 0
    for k, ln in enumerate(rows):
        n = len(ln.tokens)
        out[k] = covered[pos : pos + n].mean() if n else 0.0
        pos += n
    return out


def load_pages(root: Path) -> list[dict]:
    pages = []
    with open(root / "manifest.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            txt = (root / f"{row['id']}.txt").read_text(encoding="utf-8")
            gold = (root / f"{row['id']}.gold.txt").read_text(encoding="utf-8")
            lines = split_lines(txt)
            rows = [ln for ln in lines if ln.text]
            if not rows:
                continue
            x = page_features(lines)
            y = line_labels(lines, gold)
            ntok = np.array([len(ln.tokens) for ln in rows], dtype=float)
            # Each page weighs the same (the metric averages pages); long lines weigh more within it.
            w = (ntok + 2) / (ntok + 2).sum()
            if row["page_type"] != "article":
                w = w * OTHER_TYPE_WEIGHT
            pages.append({"id": row["id"], "domain": row["domain"] or row["id"], "article": row["page_type"] == "article",
                          "x": x, "y": y, "w": w, "groups": np.array([ln.group for ln in rows]),
                          "texts": [ln.text for ln in rows], "gold": gold, "page": txt, "title": row["title"].strip()})
    return pages


def fold_of(domain: str, folds: int) -> int:
    return int(hashlib.sha256(domain.encode()).hexdigest(), 16) % folds


def train_mlp(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: int, epochs: int, seed: int) -> Mlp:
    """Weighted binary cross-entropy, Adam, mini-batches; deterministic for a given seed."""
    rng = np.random.default_rng(seed)
    mean = x.mean(0)
    scale = x.std(0) + 1e-6
    z = (x - mean) / scale
    n, d = z.shape
    w1 = rng.normal(0, 1 / np.sqrt(d), (d, hidden))
    b1 = np.zeros(hidden)
    w2 = rng.normal(0, 1 / np.sqrt(hidden), hidden)
    b2 = np.zeros(1)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    wn = w / w.mean()
    lr, beta1, beta2, l2, step = 6e-3, 0.9, 0.999, 1e-4, 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, 2048):
            idx = order[s : s + 2048]
            zb, yb, wb = z[idx], y[idx], wn[idx]
            h = np.tanh(zb @ w1 + b1)
            p = 1 / (1 + np.exp(-(h @ w2 + b2)))
            g = (p - yb) * wb / len(idx)
            gw2 = h.T @ g + l2 * w2
            gb2 = np.array([g.sum()])
            gh = np.outer(g, w2) * (1 - h * h)
            gw1 = zb.T @ gh + l2 * w1
            gb1 = gh.sum(0)
            step += 1
            for k, grad in enumerate((gw1, gb1, gw2, gb2)):
                m[k] = beta1 * m[k] + (1 - beta1) * grad
                v[k] = beta2 * v[k] + (1 - beta2) * grad * grad
                mh = m[k] / (1 - beta1**step)
                vh = v[k] / (1 - beta2**step)
                params[k] -= lr * mh / (np.sqrt(vh) + 1e-8)
    return Mlp(mean, scale, w1, b1, w2, float(b2[0]))


def stack(pages: list[dict], key: str) -> np.ndarray:
    return np.concatenate([p[key] for p in pages])


def fit(pages: list[dict], hidden: int, epochs: int, seed: int) -> Mlp:
    return train_mlp(stack(pages, "x"), stack(pages, "y"), stack(pages, "w"), hidden, epochs, seed)


def fit_stage2(pages: list[dict], hidden: int, epochs: int, seed: int) -> Mlp:
    x2 = np.concatenate([stacked_features(p["x"], p["p1"], p["groups"]) for p in pages])
    return train_mlp(x2, stack(pages, "y"), stack(pages, "w"), hidden, epochs, seed)


def page_f1(pages: list[dict], threshold: float) -> dict[str, float]:
    pairs = []
    for p in pages:
        keep = p["p2"] >= threshold
        pairs.append(("\n".join(t for t, k in zip(p["texts"], keep) if k), p["gold"]))
    return corpus_f1(pairs)


def segment_scores(pages: list[dict], models: dict[int, tuple[Mlp, Mlp]], threshold: float) -> dict[str, float]:
    """sh4 of the whole segment stage (model, then rules) on each page with the models of its fold,
    which never saw it: the test set's metrics (sh4, and titles against the manifest's), measured on
    training pages (a dev score for choosing features or sizes without looking at ../shared/bench/boilerplate)."""
    docs = [segmented(as_ingested(p["page"]), "txt", line_model=LineModel(*models[p["fold"]], threshold)) for p in pages]
    return scores(docs, [p["gold"] for p in pages], [p["title"] for p in pages])


def fold_models(pages: list[dict], folds: int, hidden: int, epochs: int, stage2: bool = True) -> dict[int, tuple[Mlp, Mlp]]:
    """The stage-1 and stage-2 models of each fold (fitted on the other folds' pages), setting each
    page's out-of-fold scores `p1` (and `p2`): stage 2 must learn from stage-1 scores like those it
    will see on new pages. Sets `fold` on every page. Without `stage2`, only the `p1` scores."""
    stage1_by_fold: dict[int, Mlp] = {}
    for p in pages:
        p["fold"] = fold_of(p["domain"], folds)
    for f in range(folds):
        train = [p for p in pages if p["fold"] != f]
        stage1_by_fold[f] = model = fit(train, hidden, epochs, SEED + f)
        for p in pages:
            if p["fold"] == f:
                p["p1"] = model.predict(p["x"])
    out: dict[int, tuple[Mlp, Mlp]] = {}
    for f in range(folds if stage2 else 0):
        train = [p for p in pages if p["fold"] != f]
        model2 = fit_stage2(train, hidden, epochs, SEED + 100 + f)
        out[f] = (stage1_by_fold[f], model2)
        for p in pages:
            if p["fold"] == f:
                p["p2"] = model2.predict(stacked_features(p["x"], p["p1"], p["groups"]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--hidden", type=int, default=24)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--quick", action="store_true", help="cross-validate only, do not write model.json")
    ap.add_argument("--dump", default=None, help="write out-of-fold scores of articles here (pickle), for tuning rules")
    ap.add_argument("--threshold", type=float, default=None, help="skip the stage-2 validation, use this threshold")
    ap.add_argument("--segment-cv", action="store_true", help="also score the whole segment stage (rules too) on held-out pages")
    args = ap.parse_args(argv)
    pages = load_pages(bench_dir() / "boilerplate-train")
    print(f"{len(pages)} pages, {sum(len(p['y']) for p in pages)} lines", file=sys.stderr)
    folds = fold_models(pages, args.folds, args.hidden, args.epochs, stage2=args.threshold is None or args.segment_cv)
    articles = [p for p in pages if p["article"]]
    cv: dict = {}
    if args.threshold is None:
        best = max((page_f1(articles, t)["f1"], t) for t in np.arange(0.2, 0.8, 0.05))
        threshold = round(float(best[1]), 2)
        for t in (0.3, 0.4, 0.5, 0.6):
            print(f"cv articles t={t}: {page_f1(articles, t)}", file=sys.stderr)
        cv = page_f1(articles, threshold)
        print(f"cv best threshold {threshold}: {cv}", file=sys.stderr)
    else:
        threshold = args.threshold
    if args.segment_cv:
        print(f"cv whole segment stage, articles, threshold {threshold}: {segment_scores(articles, folds, threshold)}", file=sys.stderr)
    if args.dump:
        import pickle

        with open(args.dump, "wb") as fh:
            pickle.dump({p["id"]: p["p2"] for p in articles if "p2" in p}, fh)
    if args.quick:
        return 0
    stage1 = fit(pages, args.hidden, args.epochs, SEED)
    stage2 = fit_stage2(pages, args.hidden, args.epochs, SEED + 100)
    MODEL_PATH.write_text(json.dumps({
        "trained_on": "boilerplate-train (WCXB dev split)", "seed": SEED, "features": list(NAMES),
        "threshold": threshold, "cv": cv,
        "stage1": stage1.to_json(), "stage2": stage2.to_json(),
    }, indent=None) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
