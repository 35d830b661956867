"""Speed of the validate stage on a seeds run (goal: at most 3 s added, GX import included).

`rows()` is collected by `make bench`; `python -m bench.speed_validate` prints them alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.expectations.store import FOLDER

ROOT = Path(__file__).resolve().parents[1]
_IMPORT = "import time; t = time.perf_counter(); from pipeline.expectations import gx; gx.context(); print(time.perf_counter() - t)"


def _timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and stdout+stderr of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: the data failed an error check, still timed
        raise RuntimeError(f"{' '.join(args)} failed:\n{output[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, output


def rows() -> list[dict]:
    seeds = len(list((ROOT / "seeds").iterdir()))
    with tempfile.TemporaryDirectory() as tmp:
        try:
            _timed(["-m", "pipeline", "run", "--no-validate", "--out", tmp])
        except RuntimeError as exc:
            return [{"name": "validate on seeds", "value": float("nan"), "unit": f"not measured: the pipeline did not run ({str(exc)[:200]})"}]
        stage = ["-m", "pipeline", "stage", "validate", "--outputs", tmp]
        # GX is ~1,000 modules: without .pyc files (PYTHONDONTWRITEBYTECODE=1, or a venv installed without
        # --compile-bytecode) every process compiles them again. Measure as set up, and with a bytecode cache.
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        _timed(stage, cached)  # fills the cache
        found = []
        for label, env in (("", None), (", bytecode cached", cached)):
            shutil.rmtree(Path(tmp) / FOLDER, ignore_errors=True)  # every suite checked, none read back from the last run
            wall, cpu, _ = _timed(stage, env)
            _, _, out = _timed(["-c", _IMPORT], env)
            gx_seconds = float(out.strip().splitlines()[-1])
            found.append({"name": f"validate stage on seeds ({seeds} docs){label}", "value": round(wall, 2), "unit": f"s wall ({cpu:.2f} s CPU, GX import {gx_seconds:.2f} s; goal <= 3 s)"})
        wall, cpu, _ = _timed(stage, cached)  # again, nothing changed: every result read back (store.py)
        found.append({"name": f"validate stage on seeds ({seeds} docs), results kept", "value": round(wall, 2), "unit": f"s wall ({cpu:.2f} s CPU)"})
    return found


if __name__ == "__main__":
    for row in rows():
        print(f"{row['name']:<40} {row['value']:>8} {row['unit']}")
