"""Numeric features of each non-blank line: its own shape, its paragraph, its neighbourhood on the page.

Cheap on purpose (one pass of a few compiled regexes per line, then numpy over the page): the
stage must label hundreds of pages per second. Columns are named in `NAMES`, which the model
file records, so a model trained on other columns refuses to load.
"""

from __future__ import annotations

import math
import re

import numpy as np

from pipeline.segment.lines import Line
from pipeline.segment.words import BOILER_PHRASES, BOILER_WORDS, STOPWORDS_CASED

_DATE = re.compile(
    r"\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}|"
    r"\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b",
    re.I,
)
_URL = re.compile(r"https?://|www\.|@\w+\.\w|\.com\b", re.I)
_BULLET = re.compile(r"^(?:[-*•·◦▪►»›>|]|\d{1,2}[.)]\s)")
_BYLINE = re.compile(r"^(?:by|written by|posted by|author:?)\s+[A-Z]", re.I)
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]?(?:\s|$)")

# Per-line columns, computed in `_line_row`.
LINE_NAMES = (
    "log_chars", "log_tokens", "stop_ratio", "ends_sentence", "ends_colon", "ends_question",
    "log_sentences", "comma_ratio", "digit_ratio", "cap_ratio", "alpha_ratio", "has_pipe",
    "copyright", "boiler_hits", "bullet", "has_date", "has_url", "starts_lower", "all_caps",
    "byline_like", "mean_token_len", "long_text",
)


_DIGIT = re.compile(r"\d")


def _line_row(text: str, tokens: list[str]) -> list[float]:
    # C-level counting only (map over sets, findall, substring tests): this runs for every line
    # of every page, and the slow regexes (dates, URLs) only run where a cheap test allows a match.
    n_tok = len(tokens)
    n_chr = len(text)
    stops = sum(map(STOPWORDS_CASED.__contains__, tokens))
    caps = sum(map(str.istitle, tokens))
    digits = len(_DIGIT.findall(text))
    alpha = max(sum(map(len, tokens)) - digits, 0)
    sentences = len(_SENT_END.findall(text))
    last = text[-1]
    short = n_tok < 40
    lowtext = text.lower() if short else ""
    boiler = sum(map(BOILER_WORDS.__contains__, tokens)) + len(BOILER_PHRASES.findall(lowtext)) if short else 0
    stop_ratio = stops / n_tok if n_tok else 0.0
    has_url = ("http" in text or "www." in text or ".com" in text or "@" in text) and _URL.search(text) is not None
    return [
        math.log1p(n_chr),
        math.log1p(n_tok),
        stop_ratio,
        float(last in ".!?…\"”’)"),
        float(last == ":"),
        float(last == "?"),
        math.log1p(sentences),
        text.count(",") / (n_tok + 1),
        digits / n_chr,
        caps / n_tok if n_tok else 0.0,
        alpha / n_chr,
        float(" | " in text),
        float("©" in text or (short and ("copyright" in lowtext or "rights reserved" in lowtext))),
        float(boiler),
        float(_BULLET.match(text) is not None),
        float(digits > 0 and n_tok < 30 and _DATE.search(text) is not None),
        float(has_url),
        float(text[0].islower()),
        float(n_tok > 0 and alpha > 3 and text.upper() == text),
        float(_BYLINE.match(text) is not None),
        (alpha / n_tok) if n_tok else 0.0,
        float(n_tok >= 25 and stop_ratio >= 0.2),
    ]


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Centred moving average with the window clipped at the page edges."""
    n = len(values)
    csum = np.concatenate(([0.0], np.cumsum(values)))
    idx = np.arange(n)
    lo = np.maximum(idx - radius, 0)
    hi = np.minimum(idx + radius + 1, n)
    return (csum[hi] - csum[lo]) / (hi - lo)


def _shift(values: np.ndarray, by: int) -> np.ndarray:
    """values[i + by], zero beyond the page."""
    out = np.zeros_like(values)
    if by > 0:
        out[:-by] = values[by:]
    elif by < 0:
        out[-by:] = values[:by]
    else:
        out[:] = values
    return out


def _distance_to(flags: np.ndarray, forward: bool) -> np.ndarray:
    """Lines to the nearest flagged line before (forward=False) or after, capped at 50."""
    n = len(flags)
    out = np.full(n, 50.0)
    last = -10**9
    order = range(n - 1, -1, -1) if forward else range(n)
    for i in order:
        if flags[i]:
            last = i
        out[i] = min(abs(i - last), 50)
    return out


CONTEXT_COLS = ("log_chars", "stop_ratio", "ends_sentence", "boiler_hits", "long_text", "bullet")
SHIFTS = (-2, -1, 1, 2)
NAMES: tuple[str, ...] = (
    LINE_NAMES
    + ("group_size", "group_first", "group_last", "group_chars", "rel_line", "rel_chars", "rel_len",
       "dup_count", "dist_long_before", "dist_long_after", "long_before", "long_after", "page_lines",
       "page_long_share")
    + tuple(f"win{r}_{c}" for r in (3, 10, 30) for c in ("long_text", "stop_ratio", "log_chars"))
    + tuple(f"{c}@{s}" for s in SHIFTS for c in CONTEXT_COLS)
)


def page_features(lines: list[Line]) -> np.ndarray:
    """One row per non-blank line of `lines`, columns as in `NAMES`."""
    rows = [ln for ln in lines if ln.text]
    n = len(rows)
    if n == 0:
        return np.zeros((0, len(NAMES)))
    base = np.array([_line_row(ln.text, ln.tokens) for ln in rows], dtype=float)
    col = {name: base[:, i] for i, name in enumerate(LINE_NAMES)}
    chars = np.array([len(ln.text) for ln in rows], dtype=float)
    groups = np.array([ln.group for ln in rows])
    _, inverse, counts = np.unique(groups, return_inverse=True, return_counts=True)
    group_chars = np.bincount(inverse, weights=chars)[inverse]
    first = np.ones(n)
    first[1:] = groups[1:] != groups[:-1]
    last = np.ones(n)
    last[:-1] = groups[:-1] != groups[1:]
    seen: dict[str, int] = {}
    for ln in rows:
        seen[ln.text] = seen.get(ln.text, 0) + 1
    dup = np.array([math.log1p(seen[ln.text] - 1) for ln in rows])
    long = col["long_text"]
    cum_long = np.cumsum(long)
    total_long = cum_long[-1]
    extra = [
        np.log1p(counts[inverse]), first, last, np.log1p(group_chars),
        np.arange(n) / n, (np.cumsum(chars) - chars) / chars.sum(), chars / chars.max(),
        dup, np.log1p(_distance_to(long, False)), np.log1p(_distance_to(long, True)),
        (cum_long - long) / (total_long + 1), (total_long - cum_long) / (total_long + 1),
        np.full(n, math.log1p(n)), np.full(n, total_long / n),
    ]
    windows = [_window_mean(col[c], r) for r in (3, 10, 30) for c in ("long_text", "stop_ratio", "log_chars")]
    shifted = [_shift(col[c], s) for s in SHIFTS for c in CONTEXT_COLS]
    return np.column_stack([base, *extra, *windows, *shifted])
