"""Speed of PDF reading: pages/s of read_pdf vs bare pdfminer extract_text, same files, one run.

Runnable as `.venv/bin/python -m bench.speed_pdf`; `rows()` is what `make bench` collects. PDFs come
from env PDF_DIR (default ../shared/pdfs next to the repo). The two readers alternate file by file so
that load from other processes hits both alike.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from pdfminer.high_level import extract_text

from pipeline.errors import DocError
from pipeline.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
PDF_DIR = Path(os.environ.get("PDF_DIR", ROOT.parent / "shared" / "pdfs"))


def _files() -> list[Path]:
    return [p for p in sorted(PDF_DIR.glob("*.pdf")) if not p.name.startswith("bad-")]


def measure(rounds: int = 1) -> dict[str, float]:
    pages, ours, bare = 0, 0.0, 0.0
    for _ in range(rounds):
        for path in _files():
            data = path.read_bytes()
            start = time.perf_counter()
            try:
                result = read_pdf(data, max_pages=500, min_text_chars=1)
            except DocError:
                continue
            ours += time.perf_counter() - start
            start = time.perf_counter()
            extract_text(str(path))
            bare += time.perf_counter() - start
            pages += result.pages
    return {"pages": pages, "ours": ours, "bare": bare}


def rows() -> list[dict[str, object]]:
    m = measure()
    if not m["pages"]:
        return [{"name": "pdf_read_pages_per_s", "value": 0.0, "unit": "pages/s"}]
    ours, bare = m["pages"] / m["ours"], m["pages"] / m["bare"]
    return [
        {"name": "pdf_read_pages_per_s", "value": round(ours, 2), "unit": "pages/s"},
        {"name": "pdfminer_extract_text_pages_per_s", "value": round(bare, 2), "unit": "pages/s"},
        {"name": "pdf_read_vs_pdfminer", "value": round(ours / bare, 3), "unit": "ratio (goal >= 0.8)"},
    ]


if __name__ == "__main__":
    for row in rows():
        print(f"{row['name']:40} {row['value']:>10} {row['unit']}")
