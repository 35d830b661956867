"""Suite `citations`: one row per note; keys, ISO dates, and marker offsets that land in the body text."""

from __future__ import annotations

import re

import pandas as pd

from pipeline.expectations import ISO_DATE, Check, error, true, warning
from pipeline.expectations.data import Data
from pipeline.params import Params

NAME = "citations"
KEY = ("doc_id", "note")
# What a marker offset points at: a digit (plain or superscript), "^{", or a bracket as in "[12]".
_MARKER_START = re.compile(r"[0-9\u00b9\u00b2\u00b3\u2070-\u2079^\[(]")


def _markers(text: str | None, offsets: list[int]) -> tuple[bool, bool]:
    """(every offset inside the text, every offset on a marker character)."""
    if text is None:
        return False, False
    inside = all(0 <= m < len(text) for m in offsets)
    return inside, inside and all(_MARKER_START.match(text, m) for m in offsets)


def frame(data: Data, params: Params) -> pd.DataFrame:
    df = data.frames["citations"].copy()
    texts = data.texts()
    df["doc_known"] = df["doc_id"].isin(texts.keys())
    # columns as lists first: iterating a pandas column yields its values one call at a time
    doc_ids, notes_col, refers = df["doc_id"].tolist(), df["note"].tolist(), df["refers_to"].tolist()
    checked = [_markers(texts.get(d), list(m)) for d, m in zip(doc_ids, df["marker_offsets"].tolist())]
    df["markers_inside"] = [c[0] for c in checked]
    df["markers_on_marker"] = [c[1] for c in checked]
    notes = df.groupby("doc_id")["note"].agg(set).to_dict()
    df["refers_ok"] = [pd.isna(r) or (r != n and r in notes.get(d, set())) for d, n, r in zip(doc_ids, notes_col, refers)]
    blocks = data.frames["blocks"]
    numbered = blocks.loc[blocks["note"].notna(), ["doc_id", "note"]]
    in_blocks = {(d, int(n)) for d, n in zip(numbered["doc_id"].tolist(), numbered["note"].tolist())}
    df["note_block_found"] = [(d, int(n)) in in_blocks for d, n in zip(doc_ids, notes_col)]
    df["authors_clean"] = [all(a.strip() and "et al" not in a for a in authors) for authors in df["authors"].tolist()]
    df["date_year"] = [int(s[:4]) if isinstance(s, str) and re.match(ISO_DATE, s) else None for s in df["date"].tolist()]
    return df


def checks(params: Params) -> list[Check]:
    v = params.validate
    return [
        error("key_unique", "ExpectCompoundColumnsToBeUnique", column_list=list(KEY)),
        true("doc_id_in_documents", "doc_known"),
        error("note_range", "ExpectColumnValuesToBeBetween", column="note", min_value=1, max_value=v.max_note),
        error("raw_not_empty", "ExpectColumnValueLengthsToBeBetween", column="raw", min_value=1),
        true("marker_offsets_inside_text", "markers_inside"),
        true("refers_to_existing_note", "refers_ok"),
        error("date_iso", "ExpectColumnValuesToMatchRegex", column="date", regex=ISO_DATE),
        warning("date_year_range", "ExpectColumnValuesToBeBetween", column="date_year", min_value=v.year_min, max_value=v.year_max),
        true("marker_offsets_on_markers", "markers_on_marker", "warning"),
        true("note_has_footnote_block", "note_block_found", "warning"),
        true("authors_clean", "authors_clean", "warning"),
        warning("url_no_spaces", "ExpectColumnValuesToMatchRegex", column="url", regex=r"^\S+$"),
        warning("pages_normalised", "ExpectColumnValuesToMatchRegex", column="pages", regex=r"^[\w.]+(?:-[\w.]+)?$"),
    ]
