"""The learned line scorer: two small MLPs stacked (line features -> p1; p1 in context -> p2).

Hand-written in numpy rather than scikit-learn: inference is two matrix products, the model file
is plain JSON in the repo (reviewable, no pickle), and no new dependency is needed. Trained by
`python -m bench.train_segment` on ../shared/bench/boilerplate-train only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline.segment.features import NAMES, _shift, window_means

MODEL_PATH = Path(__file__).with_name("model.json")
# 96 lines x ~82 inputs x 24 hidden stays under OpenBLAS's single-thread size (65536 * 4 multiply-adds)
CHUNK_ROWS = 96


@dataclass
class Mlp:
    """Standardise, one tanh hidden layer, sigmoid output."""

    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        # Only the matrix products go in slices of CHUNK_ROWS lines: OpenBLAS hands larger products
        # to its thread pool, whose start-up and spinning cost more than these tiny products (half
        # the stage's time on a busy 2-core machine), and pipeline workers already use one process
        # per core. The element-wise steps run once over the page (same values: element-wise).
        h = _products((x - self.mean) / self.scale, self.w1)
        h += self.b1
        np.tanh(h, out=h)
        z = _products(h, self.w2)
        z += self.b2
        np.negative(z, out=z)
        np.exp(z, out=z)
        z += 1.0
        return np.divide(1.0, z, out=z)

    def to_json(self) -> dict:
        def r(a: np.ndarray) -> list:
            return np.round(a, 5).tolist()

        return {"mean": r(self.mean), "scale": r(self.scale), "w1": r(self.w1), "b1": r(self.b1),
                "w2": r(self.w2), "b2": round(float(self.b2), 5)}

    @classmethod
    def from_json(cls, d: dict) -> Mlp:
        return cls(np.array(d["mean"]), np.array(d["scale"]), np.array(d["w1"]), np.array(d["b1"]),
                   np.array(d["w2"]), float(d["b2"]))


def _products(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """a @ w, CHUNK_ROWS rows at a time (see Mlp.predict)."""
    if len(a) <= CHUNK_ROWS:
        return a @ w
    return np.concatenate([a[k : k + CHUNK_ROWS] @ w for k in range(0, len(a), CHUNK_ROWS)])


def stacked_features(x: np.ndarray, p1: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Stage-2 input: the line features plus the stage-1 scores around the line and in its paragraph.
    `groups`: paragraph numbers in page order without gaps (lines.py), so a row's paragraph is its
    number minus the first one. Filled column by column into one matrix."""
    n = len(p1)
    width = x.shape[1]
    out = np.empty((n, width + 12))
    if n == 0:
        return out
    out[:, :width] = x
    inverse = groups - groups[0]
    out[:, width] = p1
    out[:, width + 1] = np.bincount(inverse, weights=p1)[inverse] / np.bincount(inverse)[inverse]
    for k, means in enumerate(window_means(p1, (1, 3, 10, 30)), start=width + 2):
        out[:, k] = means
    for k, by in enumerate((-1, 1, -2, 2), start=width + 6):
        out[:, k] = _shift(p1, by)
    total = np.cumsum(p1)
    idx = np.arange(n)
    out[:, width + 10] = (total - p1) / np.maximum(idx, 1)
    out[:, width + 11] = (total[-1] - total) / np.maximum(n - 1 - idx, 1)
    return out


@dataclass
class LineModel:
    stage1: Mlp
    stage2: Mlp
    threshold: float

    def score(self, x: np.ndarray, groups: np.ndarray) -> np.ndarray:
        if len(x) == 0:
            return np.zeros(0)
        p1 = self.stage1.predict(x)
        return self.stage2.predict(stacked_features(x, p1, groups))


@lru_cache(maxsize=1)
def load(path: str = str(MODEL_PATH)) -> LineModel:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != NAMES:
        raise ValueError(f"{path}: trained on other features; run python -m bench.train_segment")
    return LineModel(Mlp.from_json(data["stage1"]), Mlp.from_json(data["stage2"]), float(data["threshold"]))
