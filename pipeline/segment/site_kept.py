"""Each page's line keys for the site pre-pass (site.py), kept between runs by the Doc's key.

Why: the pre-pass split, stripped and hashed every line of every page on every run, about 10 s at
10,000 documents when one of them had changed. A page's text is a function of its Doc's key (the
hash chain of input, params and code, cache.py), so its line keys are too: they are stored under it
in `outputs/interim/site/line_keys.arrow` (pipeline/kept.py's KeptTable, a DVC output with
`persist: true`), and a run reads and hashes only the pages whose key is new. The file holds the
entries the last run used, in its order. It changes how fast the pre-pass is, never its answer, so
kept.py is no code dependency of the stage's outputs (dvc.yaml, cache.py), like progress.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from pipeline.cache import code_version
from pipeline.io import array_of, numbers_of
from pipeline.kept import KeptTable
from pipeline.segment import site

FILE = "line_keys.arrow"


class KeptLineKeys:
    """`folder`: where the keys are kept; None keeps nothing (Docs without keys, as the step commands
    hold them in memory)."""

    def __init__(self, folder: Path | None) -> None:
        # site.py decides what a key is (which lines, which hash)
        self.table = None if folder is None else KeptTable(folder / FILE, code_version(("segment/site.py",)))
        self.index: dict[str, int] = {}
        self.offsets = np.zeros(1, dtype=np.int64)
        self.values = np.zeros(0, dtype=np.uint64)
        self.new: dict[str, np.ndarray] = {}
        self.loaded: list[str] = []
        loaded = None if self.table is None else self.table.read()
        if loaded is not None and loaded.num_rows:
            lists = loaded.column("lines").combine_chunks()
            self.loaded = loaded.column("key").to_pylist()
            self.index = {key: i for i, key in enumerate(self.loaded)}
            self.offsets = numbers_of(lists.offsets)  # numpy without pandas, which this stage keeps out
            self.values = numbers_of(lists.values)

    def __contains__(self, key: str) -> bool:
        return key in self.index or key in self.new

    def __getitem__(self, key: str) -> np.ndarray:
        found = self.new.get(key)
        if found is not None:
            return found
        i = self.index[key]
        return self.values[self.offsets[i] : self.offsets[i + 1]]

    def add(self, key: str, page: str) -> None:
        self.new[key] = site.page_keys(page)

    def save(self, keys: list[str]) -> None:
        """Keep the entries of `keys` (this run's, in its order) and no others; unchanged, nothing is written."""
        used = list(dict.fromkeys(keys))
        if self.table is None or used == self.loaded:
            return
        parts = [self[key] for key in used]
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum([len(p) for p in parts], out=offsets[1:])
        flat = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
        lists = pa.LargeListArray.from_arrays(array_of(offsets, pa.int64()), array_of(flat, pa.uint64()))
        self.table.write(pa.table({"key": pa.array(used, pa.string()), "lines": lists}))

