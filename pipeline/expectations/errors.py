"""Suite `errors`: one row per input that failed, with its stage and a one-line reason."""

from __future__ import annotations

import pandas as pd

from pipeline.cli import STAGES
from pipeline.expectations import Check, error, true
from pipeline.expectations.data import Data
from pipeline.params import Params

NAME = "errors"
KEY = ("source_path",)
RECORDING = STAGES[: STAGES.index("publish") + 1]  # the stages that can put a row in errors.parquet


def frame(data: Data, params: Params) -> pd.DataFrame:
    df = data.frames["errors"].copy()
    # an input is in documents or in errors, never in both
    df["not_in_documents"] = ~df["source_path"].isin(set(data.frames["documents"]["source_path"]))
    return df


def checks(params: Params) -> list[Check]:
    return [
        error("source_path_unique", "ExpectColumnValuesToBeUnique", column="source_path"),
        error("stage_known", "ExpectColumnValuesToBeInSet", column="stage", value_set=list(RECORDING)),
        error("error_one_line", "ExpectColumnValuesToMatchRegex", column="error", regex=r"^[^\n]*\S[^\n]*$"),
        true("not_also_in_documents", "not_in_documents"),
    ]
