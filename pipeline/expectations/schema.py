"""Suite `schema`: every contract column of every dataset is there, with its Arrow type and no nulls
where the contract allows none.

One row per (dataset, column) of pipeline/schema.py, with the type and null count found in the
Parquet file, so a failure names the column and both types. Extra columns are allowed (CONTRACT.md:
add freely). Null counts come from Arrow here rather than one GX check per column: each GX check
costs ~20 ms of overhead, and 30 of them would double the stage's time.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from pipeline import schema as contract
from pipeline.expectations import Check, error
from pipeline.expectations.data import Data
from pipeline.params import Params

NAME = "schema"
KEY = ("dataset", "column")


def type_name(t: pa.DataType) -> str:
    """The type without Parquet's naming of list/map children (`item` comes back as `element`)."""
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return f"list<{type_name(t.value_type)}>"
    if pa.types.is_map(t):
        return f"map<{type_name(t.key_type)}, {type_name(t.item_type)}>"
    if pa.types.is_struct(t):
        return "struct<" + ", ".join(f"{f.name}: {type_name(f.type)}" for f in t) + ">"
    return str(t)


def frame(data: Data, params: Params) -> pd.DataFrame:
    rows = []
    for dataset, expected in contract.DATASETS.items():
        found = data.schemas[dataset]
        for f in expected:
            present = f.name in found.names
            rows.append({
                "dataset": dataset, "column": f.name, "expected": type_name(f.type),
                "actual": type_name(found.field(f.name).type) if present else "missing",
                "nullable": f.nullable, "nulls": data.nulls[dataset][f.name] if present else 0,
            })
    return pd.DataFrame(rows, columns=["dataset", "column", "expected", "actual", "nullable", "nulls"])


def checks(params: Params) -> list[Check]:
    return [
        error("types_match", "ExpectColumnPairValuesToBeEqual", column_A="expected", column_B="actual"),
        error("required_not_null", "ExpectColumnValuesToBeBetween", ("nullable", "==", False), column="nulls", max_value=0),
        error("every_dataset", "ExpectColumnDistinctValuesToEqualSet", column="dataset", value_set=sorted(contract.DATASETS)),
    ]
