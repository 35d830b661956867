"""The stage chain on a few files in memory, for the step commands and for tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.doc import Doc
from pipeline.mapper import apply, stage_module
from pipeline.params import Params
from pipeline.runner import MAP_STAGES
from pipeline.stages.ingest import source_path, unread


def process_files(paths: list[Path], params: Params, upto: str = "extract") -> list[Doc]:
    """Run ingest..`upto` on the given files in one process; corpus pre-passes see just these files."""
    names = _names(paths)
    context = dict(zip(names, map(str, paths)))
    docs = [unread(name) for name in names]  # one Doc per path, in the order given
    for name in MAP_STAGES[: MAP_STAGES.index(upto) + 1]:
        module = stage_module(name)
        if name == "ingest":
            ctx = context
        else:
            ctx = module.prepare(lambda *_: iter([docs]), params) if hasattr(module, "prepare") else None
        docs = [apply(name, params, ctx, d) for d in docs]
    return docs


def _names(paths: list[Path]) -> list[str]:
    """A distinct source_path per file: `folder/file` as in a run, or the absolute path for files
    that would share one (`a/x/doc.txt` and `b/x/doc.txt` given from outside the repo)."""
    names = [source_path(p, p.parent) for p in paths]
    shared = {n for n, count in Counter(names).items() if count > 1}
    return [p.absolute().as_posix() if n in shared else n for p, n in zip(paths, names)]
