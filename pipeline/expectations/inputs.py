"""Suite `inputs`: every file of the ingest folder came out, in documents or in errors (nothing lost)."""

from __future__ import annotations

import pandas as pd

from pipeline.expectations import Check, true
from pipeline.expectations.data import Data
from pipeline.params import Params

NAME = "inputs"
KEY = ("source_path",)


def frame(data: Data, params: Params) -> pd.DataFrame:
    published = set(data.frames["documents"]["source_path"]) | set(data.frames["errors"]["source_path"])
    return pd.DataFrame({"source_path": data.inputs, "published": [p in published for p in data.inputs]}, columns=["source_path", "published"])


def checks(params: Params) -> list[Check]:
    return [true("in_documents_or_errors", "published")]
