"""What the suites look at: the published datasets, the input listing and publish's counts.

Memory stays flat as the corpus grows: `load` keeps only what is small (Parquet schemas, null counts,
the input listing, corpus sums), and `parts()` reads the datasets `validate.docs_per_part` documents at a time
— each part holds those documents and their blocks, citations and numbers, so the checks that join
datasets by doc_id see all of a document at once (pipeline/parts.py, which the report shares); when
a file is not grouped by document as publish writes it (edited by hand), one part holds everything.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import parts, schema
from pipeline.errors import FatalError
from pipeline.expectations.store import table_digest
from pipeline.io import list_inputs
from pipeline.params import Params
from pipeline.parts import PER_DOC, batches, files


@dataclass
class Data:
    """One part of the datasets as pandas (`frames`), plus what is known of the whole corpus."""

    frames: dict[str, pd.DataFrame]
    inputs: list[str]  # source_path of every file the ingest folder holds
    counts: dict[str, int] = field(default_factory=dict)  # publish's counts.json
    schemas: dict[str, pa.Schema] = field(default_factory=dict)  # as read from Parquet: the schema suite checks them
    nulls: dict[str, dict[str, int]] = field(default_factory=dict)  # null count per dataset column
    rows: dict[str, int] = field(default_factory=dict)  # rows per dataset, whole corpus
    sums: dict[str, Any] = field(default_factory=dict)  # corpus-wide sums for the `corpus` suite
    paths: dict[str, Path] = field(default_factory=dict)
    whole_docs: int = 1000  # params.yaml validate.whole_docs
    docs_per_part: int = 500  # params.yaml validate.docs_per_part

    def texts(self) -> dict[str, str]:
        """documents.text by doc_id (the first row wins when an id is duplicated: that is reported elsewhere)."""
        docs = self.frames["documents"]
        found: dict[str, str] = {}
        for doc_id, text in zip(docs["doc_id"], docs["text"]):
            found.setdefault(doc_id, text)
        return found

    def columns(self, name: str, columns: list[str]) -> pd.DataFrame:
        """Some columns of a whole dataset (checks on all its rows at once: uniqueness, row count)."""
        present = [c for c in columns if c in self.schemas[name].names]
        return frame(name, read(self.paths[name], present), columns)

    def parts(self) -> tuple[int, Iterator[Part]]:
        """The corpus `docs_per_part` documents at a time (how many parts, and the parts), every
        dataset's rows in file order."""
        total = self.rows["documents"]
        grouped = total > self.whole_docs and all("doc_id" in self.schemas[n].names for n in ("documents", *PER_DOC))
        bounds = parts.bounds(self.paths, self.rows) if grouped else None
        inputs = pa.array(self.inputs, pa.string())  # once for every part's digest
        if bounds is None:  # one part: the whole corpus
            return 1, iter([self._part({name: read(self.paths[name]) for name in ("documents", *PER_DOC)}, inputs)])
        return -(-total // self.docs_per_part), self._parts(bounds, inputs)

    def _parts(self, bounds: dict[str, np.ndarray], inputs: pa.Array) -> Iterator[Part]:
        cursors = {name: parts.Cursor(self.paths[name], self.schemas[name]) for name in ("documents", *PER_DOC)}
        total = self.rows["documents"]
        for lo in range(0, total, self.docs_per_part):
            hi = min(lo + self.docs_per_part, total)
            take = {"documents": hi - lo, **{n: int(bounds[n][hi] - bounds[n][lo]) for n in PER_DOC}}
            yield self._part({name: cursors[name].take(n) for name, n in take.items()}, inputs)

    def with_frames(self, frames: dict[str, pd.DataFrame]) -> Data:
        return dataclasses.replace(self, frames=frames)

    def _part(self, tables: dict[str, pa.Table], inputs: pa.Array) -> Part:
        # what a suite's frame reads besides the part's rows: which of its documents are listed among
        # the inputs (documents.source_listed)
        docs = tables["documents"]
        listed = pc.is_in(docs["source_path"], value_set=inputs).combine_chunks() if "source_path" in docs.column_names else pa.array([], pa.bool_())
        digest = table_digest({**tables, "listed": listed})

        def load() -> Data:
            frames = {}
            for name in list(tables):  # each table dropped once it is pandas: never two copies of the part
                frames[name] = frame(name, tables.pop(name))
            return self.with_frames(frames)

        return Part(digest, load)


@dataclass(frozen=True)
class Part:
    """Some documents with their rows in every per-document dataset. `digest` covers everything the
    suites read of them (store.py keeps results by it); `load` makes their DataFrames, once."""

    digest: str
    load: Callable[[], Data]


def read(path: Path, columns: list[str] | None = None) -> pa.Table:
    return pa.concat_tables([pq.ParquetFile(part).read(columns=columns) for part in files(path)])


def read_dataset(path: Path) -> tuple[pa.Schema, int]:
    """The dataset's schema and row count, from the Parquet footers only."""
    if not path.exists():
        raise FatalError(f"{path} is missing: run the publish stage first")
    try:
        footers = [pq.ParquetFile(part) for part in files(path)]
    except (pa.ArrowInvalid, OSError) as exc:
        raise FatalError(f"{path} is not readable Parquet: {exc}") from exc
    if not footers:
        raise FatalError(f"{path} holds no Parquet part files: run the publish stage first")
    return footers[0].schema_arrow, sum(f.metadata.num_rows for f in footers)


def input_paths(params: Params) -> list[str]:
    """source_path of each input, computed exactly as ingest does, so the two listings compare."""
    from pipeline.stages.ingest import source_paths

    folder = Path(params.ingest.input_dir)
    if not folder.is_dir():
        raise FatalError(f"params.yaml: ingest.input_dir {folder} is not a folder (validate compares it with the outputs)")
    return source_paths(list_inputs(folder, params.ingest.extensions), folder)


def _blank(t: pa.DataType) -> Any:
    if pa.types.is_string(t):
        return ""
    if pa.types.is_integer(t):
        return 0
    if pa.types.is_floating(t):
        return float("nan")
    return [] if pa.types.is_list(t) or pa.types.is_map(t) else None


def frame(name: str, table: pa.Table, columns: list[str] | None = None) -> pd.DataFrame:
    """The dataset as pandas; a contract column missing from the file (the schema suite reports it)
    is filled with blanks of its type, so the other suites still run and report what they can."""
    df = table.to_pandas()
    for f in schema.DATASETS[name]:
        if f.name not in df.columns and (columns is None or f.name in columns):
            df[f.name] = [_blank(f.type)] * len(df)
    return df


def _scan(data: Data) -> None:
    """One streaming pass over each dataset: null counts per column, and the corpus sums."""
    sums: dict[str, Any] = {"chrome_chars": 0, "block_chars": 0, "words": np.zeros(0, dtype=np.float64), "linked": 0}
    for name, path in data.paths.items():
        nulls = dict.fromkeys(data.schemas[name].names, 0)
        words = []
        for batch in batches(path):
            for column in nulls:
                nulls[column] += batch.column(column).null_count
            table = pa.Table.from_batches([batch])
            if name == "blocks" and "text" in nulls:
                lengths = pc.utf8_length(table["text"])
                sums["block_chars"] += pc.sum(lengths).as_py() or 0
                if "label" in nulls:
                    sums["chrome_chars"] += pc.sum(pc.filter(lengths, pc.equal(table["label"], "chrome"))).as_py() or 0
            elif name == "documents" and "words" in nulls:
                words.append(table["words"].to_pandas())
            elif name == "citations" and "marker_offsets" in nulls:
                sums["linked"] += pc.sum(pc.greater(pc.list_value_length(table["marker_offsets"]), 0)).as_py() or 0
        if name == "documents":
            sums["words"] = pd.concat(words, ignore_index=True) if words else pd.Series([0] * data.rows[name] if data.rows[name] else [], dtype="int64")
        data.nulls[name] = nulls
    data.sums = sums


def load(outputs: Path, params: Params) -> Data:
    paths = {name: outputs / f"{name}.parquet" for name in schema.DATASETS}
    found = {name: read_dataset(path) for name, path in paths.items()}
    counts_path = outputs / "interim" / "publish" / "counts.json"
    counts = json.loads(counts_path.read_text(encoding="utf-8")).get("counts", {}) if counts_path.is_file() else {}
    v = params.validate
    schemas, rows = {n: f[0] for n, f in found.items()}, {n: f[1] for n, f in found.items()}
    data = Data({}, input_paths(params), counts, schemas, {}, rows, {}, paths, v.whole_docs, v.docs_per_part)
    _scan(data)
    return data
