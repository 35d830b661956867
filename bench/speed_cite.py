"""Speed of the reference parser: references parsed per second, one process (`make bench` row)."""

from __future__ import annotations

import time

from bench.quality_cite import data_file
from pipeline.cite.parser import parse_reference, tagger
from pipeline.cite.train import load_rows


def rows() -> list[dict]:
    """One row: references/s of `parse_reference` over every anystyle_core string (model loaded first)."""
    raws = [row["raw"] for row in load_rows(data_file())]
    tagger()  # opening the model is a once-per-process cost, not a per-reference one
    started = time.perf_counter()
    for raw in raws:
        parse_reference(raw)
    seconds = time.perf_counter() - started
    return [{"name": "cite parse_reference", "value": round(len(raws) / seconds, 1), "unit": f"references/s ({len(raws)} refs)"}]


if __name__ == "__main__":
    for row in rows():
        print(f"{row['name']}: {row['value']} {row['unit']}")
