"""report: the static HTML report (`outputs/report/`) of what publish wrote, after validate when it ran."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline.params import Params

NAME = "report"
INPUT = "publish"


def run(params: Params, outputs: Path) -> dict[str, int]:
    from pipeline.report import write_report  # jinja2 is loaded only by the stage that needs it

    started = time.perf_counter()
    # worker processes on this machine; with the Dask engine, `jobs` is no local setting
    written = write_report(outputs, jobs=params.run.jobs if params.run.engine == "local" else 1)
    print(
        f"report: {written['documents']} documents, {written['errors']} errors, {time.perf_counter() - started:.2f} s "
        f"({written['rendered']} pages rendered, the others unchanged) -> {outputs / 'report' / 'index.html'}",
        file=sys.stderr,
    )
    return written
