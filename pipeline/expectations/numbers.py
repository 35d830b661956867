"""Suite `numbers`: one row per numeric mention; offsets into the body, kinds, units, dates, ranges."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from pipeline.expectations import ISO_DATE_MENTION, ISO_DECADE, Check, error, true, warning
from pipeline.expectations.data import Data
from pipeline.params import Params

NAME = "numbers"
KEY = ("doc_id", "start")
# CONTRACT.md's closed vocabularies
KINDS = ("cardinal", "ordinal", "fraction", "percent", "money", "quantity", "year", "decade", "date", "range")
QUALIFIERS = ("approx", "more_than", "less_than", "up_to", "at_least")
_VALUED = ["cardinal", "ordinal", "fraction", "percent", "money", "quantity", "year"]


def frame(data: Data, params: Params) -> pd.DataFrame:
    df = data.frames["numbers"].copy()
    texts = data.texts()
    df["doc_known"] = df["doc_id"].isin(texts.keys())
    # columns as lists first: iterating a pandas column yields its values one call at a time
    doc_ids, starts, ends, surfaces = df["doc_id"].tolist(), df["start"].tolist(), df["end"].tolist(), df["surface"].tolist()
    df["offsets_match_surface"] = [d in texts and 0 <= s <= e and texts[d][s:e] == surface for d, s, e, surface in zip(doc_ids, starts, ends, surfaces)]
    markers: dict[str, list[int]] = defaultdict(list)
    cites = data.frames["citations"]
    for doc_id, offsets in zip(cites["doc_id"].tolist(), cites["marker_offsets"].tolist()):
        markers[doc_id].extend(int(m) for m in offsets)
    # a note marker is never a number: "consensus.7" must not give the cardinal 7
    df["clear_of_markers"] = [not any(s <= m < e for m in markers.get(d, ())) for d, s, e in zip(doc_ids, starts, ends)]
    df["in_sentence"] = [surface in sentence for surface, sentence in zip(surfaces, df["sentence"].tolist())]
    return df


def checks(params: Params) -> list[Check]:
    import pycountry  # ISO 4217 codes, only needed here

    v = params.validate
    currencies = sorted(c.alpha_3 for c in pycountry.currencies)
    return [
        error("key_unique", "ExpectCompoundColumnsToBeUnique", column_list=list(KEY)),
        true("doc_id_in_documents", "doc_known"),
        error("kind_known", "ExpectColumnValuesToBeInSet", column="kind", value_set=list(KINDS)),
        error("qualifier_known", "ExpectColumnValuesToBeInSet", column="qualifier", value_set=list(QUALIFIERS)),
        error("start_not_negative", "ExpectColumnValuesToBeBetween", column="start", min_value=0),
        error("end_after_start", "ExpectColumnPairValuesAToBeGreaterThanB", column_A="end", column_B="start"),
        true("text_slice_is_surface", "offsets_match_surface"),
        true("not_a_note_marker", "clear_of_markers"),
        error("money_unit_iso4217", "ExpectColumnValuesToBeInSet", ("kind", "==", "money"), column="unit", value_set=currencies),
        error("percent_unit", "ExpectColumnValuesToBeInSet", ("kind", "==", "percent"), column="unit", value_set=["%"]),
        error("date_iso", "ExpectColumnValuesToMatchRegex", ("kind", "in", ["date", "year"]), column="date", regex=ISO_DATE_MENTION),
        error("decade_iso", "ExpectColumnValuesToMatchRegex", ("kind", "==", "decade"), column="date", regex=ISO_DECADE),
        error(
            "value_high_not_below_value", "ExpectColumnPairValuesAToBeGreaterThanB",
            column_A="value_high", column_B="value", or_equal=True, ignore_row_if="either_value_is_missing",
        ),
        warning("year_range", "ExpectColumnValuesToBeBetween", ("kind", "==", "year"), column="value", min_value=v.year_min, max_value=v.year_max),
        warning("percent_range", "ExpectColumnValuesToBeBetween", ("kind", "==", "percent"), column="value", max_value=v.percent_max),
        warning("value_present", "ExpectColumnValuesToNotBeNull", ("kind", "in", _VALUED), column="value"),
        true("surface_in_sentence", "in_sentence", "warning"),
    ]
