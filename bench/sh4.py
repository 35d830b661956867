"""The sh4 metric of the article-extraction benchmark (scrapinghub), as bench/README.md describes it.

Tokens are `\\w+`, shingles are 4 consecutive tokens with case kept; per page precision and recall
of the predicted vs gold shingle sets; P = mean precision over pages with non-empty output,
R = mean recall over all pages, F1 = 2PR/(P+R).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < n:
        # A text shorter than one shingle still counts as one (the whole token run).
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def page_pr(predicted: str, gold: str) -> tuple[float | None, float]:
    """(precision or None when the output is empty, recall) of one page."""
    pred, ref = shingles(predicted), shingles(gold)
    hit = len(pred & ref)
    precision = hit / len(pred) if pred else None
    recall = hit / len(ref) if ref else 1.0
    return precision, recall


def corpus_f1(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """{'precision','recall','f1','pages'} over (predicted, gold) pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    for predicted, gold in pairs:
        p, r = page_pr(predicted, gold)
        if p is not None:
            precisions.append(p)
        recalls.append(r)
    p_mean = sum(precisions) / len(precisions) if precisions else 0.0
    r_mean = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p_mean * r_mean / (p_mean + r_mean) if p_mean + r_mean else 0.0
    return {"precision": round(p_mean, 4), "recall": round(r_mean, 4), "f1": round(f1, 4), "pages": len(recalls)}
