"""Speed of the clean step: MB/s on the seeds + benchmark pages, next to ftfy.fix_text alone on the
same text in the same run (the issue's goal: >= 2x ftfy and >= 5 MB/s on one core).

Run alone: .venv/bin/python -m bench.speed_clean
"""

from __future__ import annotations

import time
from collections.abc import Callable

import ftfy

from bench.corpus import base_texts
from pipeline.clean import clean_text
from pipeline.params import CleanParams

REPEATS = 3  # best of 3: the figure is the machine's speed, not a scheduler hiccup


def _best_seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def rows() -> list[dict]:
    texts = [p.read_text(encoding="utf-8") for p in base_texts()]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    params = CleanParams()
    ours = _best_seconds(lambda: [clean_text(t, params) for t in texts])
    theirs = _best_seconds(lambda: [ftfy.fix_text(t) for t in texts])
    corpus = f"seeds + boilerplate, {len(texts)} docs, {megabytes:.1f} MB"
    return [
        {"name": "clean clean_text", "value": round(megabytes / ours, 2), "unit": f"MB/s ({corpus})"},
        {"name": "clean ftfy.fix_text alone", "value": round(megabytes / theirs, 2), "unit": "MB/s (same text, same run)"},
        {"name": "clean speed-up over ftfy", "value": round(theirs / ours, 2), "unit": "x (goal >= 2)"},
    ]


if __name__ == "__main__":
    for row in rows():
        print(f"{row['name']:<28} {row['value']:>8}  {row['unit']}")
