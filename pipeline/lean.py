"""Keep pandas out of the processes that run one per-document stage.

pyarrow imports pandas (0.3-0.5 s, most of a small stage's start-up) the first time it builds an
array from Python values, only to ask whether those values are pandas objects. The per-document
stages never hold any. While `without_pandas` is active an `import pandas` fails, which pyarrow's
lazy importer takes as "pandas is not installed", its own fallback for an optional dependency,
and goes on without it.

Only for a process that ends with the stage (`python -m pipeline stage`): afterwards pyarrow still
takes pandas for missing until a call that needs it (`to_pandas`) imports it, so until then
`pa.array(series)` would read a Series as a plain sequence. `python -m pipeline run`, which
validates in the same process, does not use it.
"""

from __future__ import annotations

import importlib.abc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from types import ModuleType


class _Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None) -> ModuleSpec | None:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError("pandas is kept out of the per-document stages (pipeline/lean.py)", name=name)
        return None


@contextmanager
def without_pandas() -> Iterator[None]:
    """`import pandas` fails inside the block, unless pandas is imported already (then nothing changes)."""
    if "pandas" in sys.modules:
        yield
        return
    finder = _Refuse()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
