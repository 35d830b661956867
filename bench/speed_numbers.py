"""Speed of `extract_numbers` in MB/s of UTF-8 text over the seed texts and the benchmark pages
(the `.txt` renderings and gold bodies of ../shared/bench/boilerplate). Collected by `make bench`."""

from __future__ import annotations

import time

from bench.corpus import BENCH, ROOT
from pipeline.numbers import extract_numbers


def _texts() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((BENCH / "boilerplate").glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def rows() -> list[dict]:
    texts = _texts()
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract_numbers(texts[0])  # compile and warm up outside the timing
    best = float("inf")
    found = 0
    for _ in range(3):  # best of three, in CPU time: the figure should not depend on busy neighbours
        started = time.process_time()
        found = sum(len(extract_numbers(t)) for t in texts)
        best = min(best, time.process_time() - started)
    return [{"name": "numbers extract_numbers", "value": round(size / best, 2),
             "unit": f"MB/s ({size:.1f} MB, {len(texts)} texts, {found} mentions, 1 core)"}]


if __name__ == "__main__":
    for row in rows():
        print(f"{row['name']}: {row['value']} {row['unit']}")
