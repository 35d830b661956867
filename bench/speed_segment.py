"""Speed of `segment` alone on the benchmark pages (../shared/bench/boilerplate/*.txt), one core.

    .venv/bin/python -m bench.speed_segment
"""

from __future__ import annotations

import time

from bench.quality_segment import bench_dir
from pipeline.doc import Doc
from pipeline.params import Params
from pipeline.segment import model, title
from pipeline.stages import segment


def rows() -> list[dict]:
    folder = bench_dir() / "boilerplate"
    pages = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")) if not p.name.endswith(".gold.txt")]
    params = Params()
    model.load()  # loading the model files once is start-up, not per-page work
    title.load()
    docs = [Doc(doc_id=str(i), source_path=str(i), format="txt", page=p) for i, p in enumerate(pages)]
    start = time.perf_counter()
    for doc in docs:
        segment.process(doc, params, {})
    seconds = time.perf_counter() - start
    megabytes = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    return [
        {"name": "segment docs/s", "value": round(len(pages) / seconds, 1), "unit": "docs/s"},
        {"name": "segment MB/s", "value": round(megabytes / seconds, 2), "unit": "MB/s"},
    ]


if __name__ == "__main__":
    for row in rows():
        print(f"{row['name']}: {row['value']} {row['unit']}")
