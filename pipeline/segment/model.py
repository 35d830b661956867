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

from pipeline.segment.features import NAMES, _shift, _window_mean

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
        # In slices of CHUNK_ROWS lines: OpenBLAS hands larger products to its thread pool, whose
        # start-up and spinning cost more than these tiny products (half the stage's time on a
        # busy 2-core machine), and pipeline workers already use one process per core.
        if len(x) > CHUNK_ROWS:
            return np.concatenate([self.predict(x[k : k + CHUNK_ROWS]) for k in range(0, len(x), CHUNK_ROWS)])
        h = np.tanh(((x - self.mean) / self.scale) @ self.w1 + self.b1)
        return 1.0 / (1.0 + np.exp(-(h @ self.w2 + self.b2)))

    def to_json(self) -> dict:
        def r(a: np.ndarray) -> list:
            return np.round(a, 5).tolist()

        return {"mean": r(self.mean), "scale": r(self.scale), "w1": r(self.w1), "b1": r(self.b1),
                "w2": r(self.w2), "b2": round(float(self.b2), 5)}

    @classmethod
    def from_json(cls, d: dict) -> Mlp:
        return cls(np.array(d["mean"]), np.array(d["scale"]), np.array(d["w1"]), np.array(d["b1"]),
                   np.array(d["w2"]), float(d["b2"]))


def stacked_features(x: np.ndarray, p1: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Stage-2 input: the line features plus the stage-1 scores around the line and in its paragraph."""
    n = len(p1)
    if n == 0:
        return np.zeros((0, x.shape[1] + 12))
    _, inverse = np.unique(groups, return_inverse=True)
    group_mean = np.bincount(inverse, weights=p1)[inverse] / np.bincount(inverse)[inverse]
    csum = np.cumsum(p1)
    before = (csum - p1) / np.maximum(np.arange(n), 1)
    after = (csum[-1] - csum) / np.maximum(n - 1 - np.arange(n), 1)
    ctx = [p1, group_mean, _window_mean(p1, 1), _window_mean(p1, 3), _window_mean(p1, 10),
           _window_mean(p1, 30), _shift(p1, -1), _shift(p1, 1), _shift(p1, -2), _shift(p1, 2),
           before, after]
    return np.column_stack([x, *ctx])


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
