"""What the suites look at: the published datasets, the input listing and publish's counts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.errors import FatalError
from pipeline.io import list_inputs
from pipeline.params import Params


@dataclass
class Data:
    tables: dict[str, pa.Table]  # as read from Parquet: the schema suite checks their Arrow types
    frames: dict[str, pd.DataFrame]
    inputs: list[str]  # source_path of every file the ingest folder holds
    counts: dict[str, int] = field(default_factory=dict)  # publish's counts.json

    def texts(self) -> dict[str, str]:
        """documents.text by doc_id (the first row wins when an id is duplicated: that is reported elsewhere)."""
        docs = self.frames["documents"]
        found: dict[str, str] = {}
        for doc_id, text in zip(docs["doc_id"], docs["text"]):
            found.setdefault(doc_id, text)
        return found


def read_dataset(path: Path) -> pa.Table:
    """A dataset is one Parquet file or a folder of part files (CONTRACT.md allows both)."""
    if not path.exists():
        raise FatalError(f"{path} is missing: run the publish stage first")
    try:
        return pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise FatalError(f"{path} is not readable Parquet: {exc}") from exc


def input_paths(params: Params) -> list[str]:
    """source_path of each input, computed exactly as ingest does, so the two listings compare."""
    from pipeline.stages.ingest import source_path

    folder = Path(params.ingest.input_dir)
    if not folder.is_dir():
        raise FatalError(f"params.yaml: ingest.input_dir {folder} is not a folder (validate compares it with the outputs)")
    return [source_path(p, folder) for p in list_inputs(folder, params.ingest.extensions)]


def _blank(t: pa.DataType) -> Any:
    if pa.types.is_string(t):
        return ""
    if pa.types.is_integer(t):
        return 0
    if pa.types.is_floating(t):
        return float("nan")
    return [] if pa.types.is_list(t) or pa.types.is_map(t) else None


def frame(name: str, table: pa.Table) -> pd.DataFrame:
    """The dataset as pandas; a contract column missing from the file (the schema suite reports it)
    is filled with blanks of its type, so the other suites still run and report what they can."""
    df = table.to_pandas()
    for f in schema.DATASETS[name]:
        if f.name not in df.columns:
            df[f.name] = [_blank(f.type)] * len(df)
    return df


def load(outputs: Path, params: Params) -> Data:
    tables = {name: read_dataset(outputs / f"{name}.parquet") for name in schema.DATASETS}
    counts_path = outputs / "interim" / "publish" / "counts.json"
    counts = json.loads(counts_path.read_text(encoding="utf-8")).get("counts", {}) if counts_path.is_file() else {}
    return Data(tables, {name: frame(name, t) for name, t in tables.items()}, input_paths(params), counts)
