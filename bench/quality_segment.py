"""Quality of `segment`: sh4 F1 of doc.text against the gold main content of ../shared/bench/boilerplate.

    .venv/bin/python -m bench.quality_segment [--check]

Scores the flattened `.txt` pages (our hardest input) and the `.html` pages rendered by ingest's
`render_html` (with its soft hints). Writes outputs/quality/segment.json; `--check` exits 1 naming
every metric below its floor in bench/floors.yaml (section `segment`).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

from bench.sh4 import corpus_f1
from pipeline.doc import Doc, Hint
from pipeline.params import Params
from pipeline.segment.model import LineModel
from pipeline.stages import ingest, segment

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "outputs" / "quality" / "segment.json"
FLOORS = ROOT / "bench" / "floors.yaml"
TITLE_MATCH_F1 = 0.8  # token overlap for a lenient title match
_TOKEN = re.compile(r"\w+")
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})
_ENDS = " .:;,!?|-\"'"


def bench_dir() -> Path:
    return Path(os.environ.get("BENCH_DIR", ROOT / ".." / "shared" / "bench"))


def as_ingested(text: str) -> str:
    """A benchmark `.txt` page with its line breaks as ingest leaves them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def segmented(page: str, fmt: str, hints: list[Hint] | None = None, params: Params | None = None,
              line_model: LineModel | None = None) -> Doc:
    """The page through the segment stage alone; `line_model`: another model than the committed one."""
    doc = Doc(doc_id="bench", source_path="bench", format=fmt, raw=page, page=page, hints=hints or [])
    return segment.process(doc, params or Params(), {}, line_model)


def scores(docs: list[Doc], golds: list[str], titles: list[str | None]) -> dict[str, float]:
    """sh4 of the docs' bodies against `golds`, and `title_scores` on the pages with a title to match."""
    return {**corpus_f1([(doc.text, gold) for doc, gold in zip(docs, golds)]),
            **title_scores([(doc.title, title) for doc, title in zip(docs, titles) if title])}


def _normal(title: str) -> str:
    """A title as compared: NFKC, case-folded, typographic quotes and dashes made plain, spaces collapsed."""
    text = unicodedata.normalize("NFKC", title).casefold().translate(_PLAIN)
    return " ".join(text.split()).strip(_ENDS)


def token_match(got: str, want: str) -> bool:
    """Token F1 of the two normalised strings >= TITLE_MATCH_F1 (titles here; names and sites in quality_meta)."""
    ta, tb = Counter(_TOKEN.findall(_normal(got))), Counter(_TOKEN.findall(_normal(want)))
    common = sum((ta & tb).values())
    return bool(common) and 2 * common / (sum(ta.values()) + sum(tb.values())) >= TITLE_MATCH_F1


def title_scores(pairs: list[tuple[str | None, str]]) -> dict[str, float]:
    """(found, manifest title) of article pages: the share found at all, equal after `_normal`, and
    matching leniently (token F1 >= TITLE_MATCH_F1: a site name appended to the manifest's title,
    or a kicker before ours, still counts; another headline does not)."""
    found = exact = match = 0
    for got, want in pairs:
        if not got:
            continue
        found += 1
        exact += _normal(got) == _normal(want)
        match += token_match(got, want)
    n = max(len(pairs), 1)
    return {"title_found": round(found / n, 4), "title_exact": round(exact / n, 4), "title_match": round(match / n, 4)}


def page_docs(folder: Path, ids: list[str], fmt: str) -> list[Doc]:
    """Benchmark pages through segment: their `.txt` with line breaks as ingested, or their `.html`
    through ingest (rendering, soft hints and the metadata the page declares)."""
    if fmt == "txt":
        return [segmented(as_ingested((folder / f"{i}.txt").read_text(encoding="utf-8")), "txt") for i in ids]
    docs = []
    for i in ids:
        path = str(folder / f"{i}.html")
        doc = ingest.process(Doc(doc_id=i, source_path=path, format="html"), Params(), {path: path})
        doc.page = doc.raw
        docs.append(segment.process(doc, Params(), {}))
    return docs


def score(folder: Path) -> dict[str, dict]:
    """sh4 of the body, and the titles of article pages against the manifest's."""
    ids = sorted(p.name[: -len(".gold.txt")] for p in folder.glob("*.gold.txt"))
    golds = [(folder / f"{i}.gold.txt").read_text(encoding="utf-8") for i in ids]
    with open(folder / "manifest.csv", encoding="utf-8") as fh:
        titles = {row["id"]: row["title"] for row in csv.DictReader(fh) if row["page_type"] == "article" and row["title"].strip()}
    return {fmt: scores(page_docs(folder, ids, fmt), golds, [titles.get(i) for i in ids]) for fmt in ("txt", "html")}


def check(result: dict[str, dict]) -> list[str]:
    floors = (yaml.safe_load(FLOORS.read_text(encoding="utf-8")) or {}).get("segment") or {}
    failures = []
    for key, floor in floors.items():
        fmt, metric = key.split("_", 1)  # e.g. txt_f1, html_precision
        got = (result.get(fmt) or {}).get(metric)
        if got is None:
            failures.append(f"segment.{key}: no score (floor {floor})")
        elif got < floor:
            failures.append(f"segment.{key} dropped: {got} < floor {floor}")
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="sh4 quality of the segment stage")
    ap.add_argument("--check", action="store_true", help="exit 1 when a score is below its floor")
    args = ap.parse_args(argv)
    result = score(bench_dir() / "boilerplate")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"metric": "sh4", "set": "boilerplate", **result}, indent=2) + "\n", encoding="utf-8")
    for fmt, scores in result.items():
        print(f"segment {fmt}: {scores}")
    if args.check:
        failures = check(result)
        for f in failures:
            print(f"FAIL {f}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
