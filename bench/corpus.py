"""A benchmark corpus of N documents: the seeds and benchmark pages repeated, each copy with its own bytes."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(os.environ.get("BENCH_DIR", ROOT.parent / "shared" / "bench"))


def base_texts() -> list[Path]:
    pages = sorted((BENCH / "boilerplate").glob("*.txt"))
    return sorted((ROOT / "seeds").glob("*.txt")) + [p for p in pages if not p.name.endswith(".gold.txt")]


def make_corpus(n: int, folder: Path) -> Path:
    """Write n .txt files into folder (copy k of a page ends with a line naming k, so doc ids differ)."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p.read_bytes() for p in base_texts()]
    for i in range(n):
        data = sources[i % len(sources)]
        if i >= len(sources):
            data += f"\n\nBenchmark copy {i // len(sources)}\n".encode()
        (folder / f"doc{i:06d}.txt").write_bytes(data)
    return folder
