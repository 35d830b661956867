"""The static HTML report: `index.html` (corpus summary) and `docs/<doc_id>.html` (one page per document).

Jinja2 templates with autoescaping (page text is untrusted HTML-ish input); no script and no
network asset anywhere, so the report opens offline and from a CI artifact. Same outputs, same bytes.

Incremental: `pages.json` keeps each page's key (a digest of its document's rows, its neighbours'
names and the report code); a page whose key is unchanged is kept as it is, the others are
rendered again, and pages of documents no longer published are removed. The bytes are those of a
run from scratch (tests/test_report_incremental.py).
"""

from __future__ import annotations

import json
import multiprocessing
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pipeline.report.keys import code_key, page_key
from pipeline.report.labels import COLOURS, UNLABELLED, colour
from pipeline.report.page import css, page_name, render_page
from pipeline.report.published import Published, digest, to_doc
from pipeline.report.summary import summarise
from pipeline.report.svg import bar_chart
from pipeline.report.views import describe, value_range

__all__ = ["page_name", "write_report"]
MANIFEST = "pages.json"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One environment per process: Jinja compiles each template once and keeps it."""
    env = Environment(loader=PackageLoader("pipeline.report"), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(colour=colour, describe=describe, value_range=value_range, page_name=page_name, colours=COLOURS, unlabelled=UNLABELLED)
    env.filters["css"] = css
    return env


def _quality_charts(area: str, scores: list[tuple[str, float]], floors: dict[str, float]) -> tuple[Markup, Markup | None]:
    """The pinned metrics (those with a floor) up front, every score behind a disclosure; all of them if none is pinned."""
    pinned = [(k, v) for k, v in scores if k in floors]
    if not pinned:
        return bar_chart(scores, f"quality: {area}", maximum=1.0), None
    return bar_chart(pinned, f"quality: {area} (pinned)", maximum=1.0, floors=floors), bar_chart(scores, f"quality: {area} (all)", maximum=1.0, floors=floors)


def _previous_keys(out: Path) -> dict[str, str]:
    try:
        keys = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no manifest, or a half-written one: every page is rendered
    return keys if isinstance(keys, dict) else {}


_SHARED: tuple | None = None  # what `write_pages`'s forked workers read: inherited at the fork, never pickled


def write_pages(published: Published, out: Path, jobs: int = 1) -> int:
    """Render the page of every document whose key changed, remove the pages of the others; returns pages rendered.
    `jobs` > 1: forked worker processes take every jobs-th part of the documents, each reading the
    datasets itself (every page is a file of its own, and the keys are put back in document order,
    so the files are those of one process)."""
    global _SHARED
    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    names = [page_name(d) for d in published.doc_ids]
    for stale in set(p.name for p in docs_dir.glob("*.html")) - set(names):  # only our own pages: `out` may be a folder the user also uses
        (docs_dir / stale).unlink()
    previous = _previous_keys(out)
    (out / MANIFEST).unlink(missing_ok=True)  # pages change below: a crash must not leave keys that vouch for them
    workers = max(1, min(jobs, published.part_count()))
    _SHARED = (published, names, previous, code_key(), docs_dir, workers)
    try:
        if workers > 1:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                done = pool.map(_render, range(workers))
        else:
            done = [_render(0)]
    finally:
        _SHARED = None
    keys: list[str | None] = [None] * len(names)
    for found, _ in done:
        for lo, part_keys in found:
            keys[lo : lo + len(part_keys)] = part_keys
    (out / MANIFEST).write_text(json.dumps(dict(zip(names, keys)), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return sum(rendered for _, rendered in done)


def _render(worker: int) -> tuple[list[tuple[int, list[str]]], int]:
    """The pages of every `workers`-th part from part `worker` on: (first document, keys) per part,
    and how many pages were rendered (not kept)."""
    assert _SHARED is not None
    published, names, previous, code, docs_dir, workers = _SHARED
    env = _environment()
    found, rendered = [], 0
    for number, (lo, part) in enumerate(published.parts()):
        if number % workers != worker:
            continue
        keys = []
        for i in range(lo, lo + len(part.tables["documents"])):
            prev, next_ = (names[i - 1] if i else None), (names[i + 1] if i + 1 < len(names) else None)
            rows = part.rows(published.doc_ids[i])
            keys.append(page_key(digest(rows), prev, next_, code))
            if previous.get(names[i]) == keys[-1] and (docs_dir / names[i]).is_file():
                continue
            (docs_dir / names[i]).write_text(render_page(env, to_doc(rows), prev, next_), encoding="utf-8")
            rendered += 1
        found.append((lo, keys))
    return found, rendered


def _index_rows(published: Published) -> list[dict]:
    """What the documents table shows, from a few columns and the row counts: no document is loaded whole for it."""
    return [
        {"doc": d, "href": f"docs/{page_name(d['doc_id'])}", "dropped": published.dropped.get(d["doc_id"], 0), "words": d["words"],
         **{name: published.count(name, d["doc_id"]) for name in ("blocks", "citations", "numbers")}}
        for d in published.info.to_pylist()
    ]


def write_report(outputs: Path, out: Path | None = None, floors: Path = Path("bench/floors.yaml"), jobs: int = 1) -> dict[str, int]:
    """Write the report under `out` (default `outputs/report`); returns what was written, for the summary line.

    `floors` (quality floors pinned for CI) marks the quality charts when the file exists; `jobs`:
    processes rendering the document pages (`run.jobs`).
    """
    out = out or outputs / "report"
    env = _environment()
    summary = summarise(outputs, floors)
    published = Published(outputs)
    rendered = write_pages(published, out, jobs)
    charts = {
        "blocks": bar_chart(summary.blocks_by_label, "blocks by label", colours=COLOURS),
        "numbers": bar_chart(summary.numbers_by_kind, "numbers by kind"),
        "validation": bar_chart(summary.validation, "validation pass rates", maximum=1.0) if summary.validation else None,
        "quality": {area: _quality_charts(area, scores, summary.floors.get(area, {})) for area, scores in summary.quality.items()},
    }
    (out / "index.html").write_text(env.get_template("index.html").render(summary=summary, docs=_index_rows(published), charts=charts), encoding="utf-8")
    (out / "style.css").write_text(env.get_template("style.css").render(), encoding="utf-8")
    return {"documents": len(published.doc_ids), "errors": len(summary.errors), "rendered": rendered}
