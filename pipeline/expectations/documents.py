"""Suite `documents`: one row per document; keys, formats, dates, and a body free of chrome and notes."""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from pipeline.expectations import ISO_DATE, Check, error, true, warning
from pipeline.expectations.data import Data
from pipeline.params import Params

NAME = "documents"
KEY = ("doc_id",)
_ISO = re.compile(ISO_DATE)


def _stripped(texts: list[str]) -> set[str]:
    """Every line of the texts, stripped, short ones included: one split of the joined texts (C loops)."""
    return set(map(str.strip, "\n".join(texts).split("\n")))


def _leaks(data: Data, labels: tuple[str, ...], min_chars: int) -> dict[str, list[str | None]]:
    """Per label, per documents row: the first line of the body that the segmenter gave `label` and
    no other block of the page, if any.

    A line that also stands in a kept block (a heading repeated in a table of contents) may rightly
    be in the body; short ones ("Share", "12") recur anyway. Most documents have none: their body's
    and their `label` blocks' line sets do not meet, which set intersection finds without a Python
    loop per line; the kept blocks (most of the text) are read only for the others.
    """
    blocks = data.frames["blocks"]
    texts, block_labels = blocks["text"].tolist(), blocks["label"].tolist()
    where: dict[str, list[int]] = defaultdict(list)
    for i, doc_id in enumerate(blocks["doc_id"].tolist()):
        where[doc_id].append(i)
    found: dict[str, list[str | None]] = {label: [] for label in labels}
    docs = data.frames["documents"]
    for doc_id, text in zip(docs["doc_id"].tolist(), docs["text"].tolist()):
        rows = where.get(doc_id, [])
        body = text.split("\n")
        body_lines = set(map(str.strip, body))
        for label in labels:
            shared = _stripped([texts[i] for i in rows if block_labels[i] == label]) & body_lines
            marked = {s for s in shared if len(s) >= min_chars}
            if not marked:
                found[label].append(None)
                continue
            kept = _stripped([texts[i] for i in rows if block_labels[i] != label])
            found[label].append(next((s for s in map(str.strip, body) if s in marked and s not in kept), None))
    return found


def _layout(text: str) -> bool:
    """Paragraphs joined by exactly one blank line, nothing dangling at either end."""
    return text == text.strip() and "\n\n\n" not in text


def frame(data: Data, params: Params) -> pd.DataFrame:
    df = data.frames["documents"].copy()
    v = params.validate
    for label, leaks in _leaks(data, ("chrome", "footnote"), v.min_line_chars).items():
        df[f"{label}_in_text"] = leaks
    df["layout_ok"] = [_layout(t) for t in df["text"].tolist()]
    df["published_year"] = [int(p[:4]) if isinstance(p, str) and _ISO.match(p) else None for p in df["published"].tolist()]
    df["source_listed"] = df["source_path"].isin(set(data.inputs))
    cites = data.frames["citations"]
    linked = pd.Series([len(m) > 0 for m in cites["marker_offsets"].tolist()], index=cites.index, dtype=float)
    df["notes_linked"] = df["doc_id"].map(linked.groupby(cites["doc_id"]).mean().round(6))  # NaN: no notes
    return df


def checks(params: Params) -> list[Check]:
    import pycountry  # ISO 639-1 codes, only needed here

    v = params.validate
    languages = sorted(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))
    return [
        error("has_rows", "ExpectTableRowCountToBeBetween", min_value=1),
        error("doc_id_unique", "ExpectColumnValuesToBeUnique", column="doc_id"),
        error("doc_id_is_hash", "ExpectColumnValuesToMatchRegex", column="doc_id", regex=r"^[0-9a-f]{16}$"),
        error("source_path_unique", "ExpectColumnValuesToBeUnique", column="source_path"),
        error("source_path_relative_posix", "ExpectColumnValuesToMatchRegex", column="source_path", regex=r"^[^/\\][^\\]*$"),
        true("source_path_in_inputs", "source_listed"),
        error("format_known", "ExpectColumnValuesToBeInSet", column="format", value_set=["html", "pdf", "txt"]),
        error("published_iso", "ExpectColumnValuesToMatchRegex", column="published", regex=ISO_DATE),
        error("published_year_range", "ExpectColumnValuesToBeBetween", column="published_year", min_value=v.year_min, max_value=v.year_max),
        error("pdf_pages_range", "ExpectColumnValuesToBeBetween", ("format", "==", "pdf"), column="pages", min_value=1, max_value=params.ingest.max_pages),
        error("no_chrome_in_text", "ExpectColumnValuesToBeNull", column="chrome_in_text"),
        error("no_footnote_in_text", "ExpectColumnValuesToBeNull", column="footnote_in_text"),
        true("text_layout", "layout_ok"),
        warning("language_iso639_1", "ExpectColumnValuesToBeInSet", column="language", value_set=languages),
        warning("title_present", "ExpectColumnValuesToNotBeNull", column="title", mostly=v.title_min_share),
        warning("notes_linked", "ExpectColumnValuesToBeBetween", column="notes_linked", min_value=v.doc_notes_linked_min),
        warning("body_min_words", "ExpectColumnValuesToBeBetween", column="words", min_value=v.doc_min_words),
    ]
