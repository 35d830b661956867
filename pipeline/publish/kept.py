"""Published rows of unchanged interim parts, kept between runs: publish converts only what changed.

Why: after one document of 10,000 was edited, publish read and converted every part again (9 s of
its 16 s; writing the files is the rest). A part's published rows are a function of the Docs it
publishes, which their keys name (a hash chain of input, params and code of every stage, see
pipeline/cache.py), and of publish's params and code: an entry is stored under a hash of those, as
Arrow IPC files (read back without conversion), in `outputs/interim/publish/parts/` (pipeline/kept.py).
Which Docs of a part are published (not failed, not a doc_id seen in an earlier part) is decided
every run from a few columns, so an entry never depends on other parts.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

import pyarrow as pa

from pipeline.cache import code_version
from pipeline.kept import KeptFolder
from pipeline.params import Params

# lz4: a third of the size of plain IPC, and read back much faster than Parquet is decoded
_COMPRESSED = pa.ipc.IpcWriteOptions(compression="lz4")
Rows = tuple[dict[str, pa.Table], Counter[str]]  # each dataset's rows, and their counts for metrics


class KeptParts(KeptFolder[Rows]):
    """`code`: the package files publish runs (its dvc.yaml deps)."""

    def __init__(self, folder: Path, params: Params, code: tuple[str, ...]) -> None:
        section = json.dumps(dataclasses.asdict(params.publish), sort_keys=True)
        super().__init__(folder, f"{section}\0{code_version(code)}\0{pa.__version__}")

    def _read(self, path: Path) -> Rows:
        tables = {}
        for file in sorted(path.glob("*.arrow")):
            with pa.OSFile(str(file)) as source:
                tables[file.stem] = pa.ipc.open_file(source).read_all()
        return tables, Counter(json.loads((path / "counts.json").read_text(encoding="utf-8")))

    def _write(self, path: Path, rows: Rows) -> Rows:
        tables, counts = rows
        path.mkdir()
        for name, table in tables.items():
            with pa.OSFile(str(path / f"{name}.arrow"), "wb") as sink, pa.ipc.new_file(sink, table.schema, options=_COMPRESSED) as writer:
                writer.write_table(table)
        (path / "counts.json").write_text(json.dumps(dict(sorted(counts.items()))), encoding="utf-8")
        return rows
