"""Train the reference CRF from labelled rows (anystyle_core.jsonl format): same rows, same bytes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from pipeline.cite.features import sequence_features
from pipeline.cite.labels import token_labels


@dataclass(frozen=True)
class TrainConfig:
    c1: float = 0.05  # L1 weight: prunes rare features, keeping the model file under 1 MB
    c2: float = 0.05  # L2 weight: smooths the weights that survive (best of a small CV sweep)
    max_iterations: int = 100  # more L-BFGS passes change CV F1 by < 0.002 and cost CI time
    possible_transitions: bool = True  # weights for label pairs unseen in training too (CRFsuite option)
    folds: int = 5  # cross-validation folds for the quality score
    seed: int = 13  # fixes the fold shuffle; L-BFGS itself has no randomness


def load_rows(path: str | Path) -> list[dict[str, Any]]:
    """Labelled references, one JSON object per line."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def train(rows: Iterable[dict[str, Any]], model_path: str | Path, config: TrainConfig = TrainConfig()) -> Path:
    """Fit the CRF on `rows` and write it to `model_path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for row in rows:
        words, labels = token_labels(row)
        if words:
            trainer.append(sequence_features(words), labels)
    trainer.set_params({
        "c1": config.c1,
        "c2": config.c2,
        "max_iterations": config.max_iterations,
        "feature.possible_transitions": config.possible_transitions,
    })
    model_path = Path(model_path)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return model_path


def folds(rows: Sequence[dict[str, Any]], config: TrainConfig) -> list[tuple[list[int], list[int]]]:
    """(train indices, test indices) per fold, from a seeded shuffle."""
    import random

    order = list(range(len(rows)))
    random.Random(config.seed).shuffle(order)
    out = []
    for k in range(config.folds):
        test = sorted(order[k :: config.folds])
        held = set(test)
        out.append(([i for i in range(len(rows)) if i not in held], test))
    return out


def describe(config: TrainConfig) -> dict[str, Any]:
    return asdict(config)
