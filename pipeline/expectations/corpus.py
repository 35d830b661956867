"""Suite `corpus`: corpus-wide figures within the tolerances of params.yaml `validate:`.

One row holds the figures, so each rule reports its observed value, and metrics.json carries them
too (`dvc metrics diff` then shows how a change moved them).
"""

from __future__ import annotations

import pandas as pd

from pipeline.expectations import Check, error
from pipeline.expectations.data import Data
from pipeline.params import Params

NAME = "corpus"
KEY = ("scope",)
FIGURES = ("inputs", "outputs", "chrome_share", "median_words", "numbers_per_kwords", "notes_linked", "error_share")


def _share(part: float, whole: float) -> float | None:
    return round(part / whole, 6) if whole else None  # no data, no verdict: GX skips nulls


def figures(data: Data) -> dict[str, float | int | None]:
    """From the sums `data.load` takes in one streaming pass (never the whole datasets in memory)."""
    sums, rows = data.sums, data.rows
    docs, errors = rows["documents"], rows["errors"]
    words = int(sums["words"].sum())
    return {
        "inputs": len(data.inputs),
        "outputs": docs + errors,
        "chrome_share": _share(float(sums["chrome_chars"]), float(sums["block_chars"])),
        "median_words": float(sums["words"].median()) if docs else None,
        "numbers_per_kwords": _share(1000.0 * rows["numbers"], words),
        "notes_linked": _share(sums["linked"], rows["citations"]),
        "error_share": _share(errors, docs + errors),
    }


def frame(data: Data, params: Params) -> pd.DataFrame:
    return pd.DataFrame([{"scope": "corpus", **figures(data)}], columns=["scope", *FIGURES])


def checks(params: Params) -> list[Check]:
    v = params.validate
    return [
        error("every_input_published", "ExpectColumnPairValuesToBeEqual", column_A="outputs", column_B="inputs"),
        error("chrome_share", "ExpectColumnValuesToBeBetween", column="chrome_share", min_value=v.corpus_chrome_share_min, max_value=v.corpus_chrome_share_max),
        error("median_words", "ExpectColumnValuesToBeBetween", column="median_words", min_value=v.corpus_median_words_min, max_value=v.corpus_median_words_max),
        error(
            "numbers_per_kwords", "ExpectColumnValuesToBeBetween",
            column="numbers_per_kwords", min_value=v.corpus_numbers_per_kwords_min, max_value=v.corpus_numbers_per_kwords_max,
        ),
        error("notes_linked", "ExpectColumnValuesToBeBetween", column="notes_linked", min_value=v.corpus_notes_linked_min),
        error("error_share", "ExpectColumnValuesToBeBetween", column="error_share", max_value=v.corpus_error_share_max),
    ]
