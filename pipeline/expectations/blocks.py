"""Suite `blocks`: every line of every cleaned page in exactly one labelled block, in page order."""

from __future__ import annotations

import pandas as pd

from pipeline.doc import LABELS
from pipeline.expectations import Check, error, true
from pipeline.expectations.data import Data
from pipeline.params import Params

NAME = "blocks"
KEY = ("doc_id", "block")


def frame(data: Data, params: Params) -> pd.DataFrame:
    df = data.frames["blocks"].copy()
    df["doc_known"] = df["doc_id"].isin(set(data.frames["documents"]["doc_id"]))
    df["length_ok"] = df["text"].str.len() == df["end"] - df["start"]
    # blocks tile the page: the first starts at 0, each next one where the previous ends (end takes the
    # line's "\n") or one past it (end stops before the "\n"); one convention per document, so a gap
    # of another size, or a change of convention, is a lost or doubled character
    by_doc = df.groupby("doc_id", sort=False)
    gap = df["start"] - by_doc["end"].shift()
    convention = gap.groupby(df["doc_id"], sort=False).transform("first")
    first = gap.isna()
    df["tiles_page"] = (first & (df["start"] == 0) | ~first & gap.isin([0, 1]) & (gap == convention)) & (df["block"] == by_doc.cumcount())
    return df


def checks(params: Params) -> list[Check]:
    has_note = ("note", "not_null", None)
    return [
        error("key_unique", "ExpectCompoundColumnsToBeUnique", column_list=list(KEY)),
        true("doc_id_in_documents", "doc_known"),
        error("label_known", "ExpectColumnValuesToBeInSet", column="label", value_set=list(LABELS)),
        error("reason_given", "ExpectColumnValueLengthsToBeBetween", column="reason", min_value=1),
        error("start_not_negative", "ExpectColumnValuesToBeBetween", column="start", min_value=0),
        true("text_matches_offsets", "length_ok"),
        true("blocks_tile_page", "tiles_page"),
        error("note_unique", "ExpectCompoundColumnsToBeUnique", has_note, column_list=["doc_id", "note"]),
        error("note_only_on_footnotes", "ExpectColumnValuesToBeInSet", has_note, column="label", value_set=["footnote"]),
        error("note_range", "ExpectColumnValuesToBeBetween", column="note", min_value=1, max_value=params.validate.max_note),
    ]
