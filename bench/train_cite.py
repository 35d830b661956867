"""Train the shipped citation model: `python -m bench.train_cite` (also callable from a DVC stage).

Reads ../shared/bench/citations/anystyle_core.jsonl (or $BENCH_DIR/citations/...) and writes
pipeline/cite/model.crfsuite. L-BFGS has no randomness, so the same rows give the same model.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from pipeline.cite.parser import MODEL_PATH
from pipeline.cite.train import TrainConfig, load_rows, train

ROOT = Path(__file__).resolve().parents[1]


def bench_file() -> Path:
    return Path(os.environ.get("BENCH_DIR", ROOT.parent / "shared" / "bench")) / "citations" / "anystyle_core.jsonl"


def build(out: Path = MODEL_PATH, data: Path | None = None) -> Path:
    """Train on every labelled row and write the model; returns its path."""
    rows = load_rows(data or bench_file())
    return train(rows, out, TrainConfig())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(argv)
    data = args.data or bench_file()
    if not data.is_file():
        print(f"training data not found: {data}", file=sys.stderr)
        return 2
    path = build(args.out, data)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    print(f"wrote {path} ({path.stat().st_size} bytes, sha256 {digest})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
