"""Numeric features of each non-blank line: its own shape, its paragraph, its neighbourhood on the page.

Cheap on purpose (page-wide regex passes in shape.py, then numpy over the page): the stage must
label hundreds of pages per second. Columns are named in `NAMES`, which the model file records,
so a model trained on other columns refuses to load.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from pipeline.segment.lines import Line
from pipeline.segment.shape import LINE_NAMES, line_columns


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
    idx = np.arange(len(flags))
    if forward:
        nearest = np.minimum.accumulate(np.where(flags != 0, idx, 10**9)[::-1])[::-1]
    else:
        nearest = np.maximum.accumulate(np.where(flags != 0, idx, -(10**9)))
    return np.minimum(np.abs(idx - nearest), 50).astype(float)


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
    texts = [ln.text for ln in rows]
    base = line_columns(texts, [ln.tokens for ln in rows])
    col = {name: base[:, i] for i, name in enumerate(LINE_NAMES)}
    chars = np.fromiter(map(len, texts), dtype=float, count=n)
    groups = np.fromiter((ln.group for ln in rows), dtype=np.int64, count=n)
    # paragraphs are numbered in page order without gaps, so a row's paragraph is its number
    # minus the first one: no np.unique (a sort) needed
    inverse = groups - groups[0]
    counts = np.bincount(inverse)
    group_chars = np.bincount(inverse, weights=chars)[inverse]
    first = np.ones(n)
    first[1:] = groups[1:] != groups[:-1]
    last = np.ones(n)
    last[:-1] = groups[:-1] != groups[1:]
    seen = Counter(texts)
    dup = np.log1p(np.fromiter(map(seen.__getitem__, texts), dtype=float, count=n) - 1)
    long = col["long_text"]
    cum_long = np.cumsum(long)
    total_long = cum_long[-1]
    extra = [
        np.log1p(counts[inverse]), first, last, np.log1p(group_chars),
        np.arange(n) / n, (np.cumsum(chars) - chars) / chars.sum(), chars / chars.max(),
        dup, np.log1p(_distance_to(long, False)), np.log1p(_distance_to(long, True)),
        (cum_long - long) / (total_long + 1), (total_long - cum_long) / (total_long + 1),
        np.full(n, np.log1p(n)), np.full(n, total_long / n),
    ]
    windows = [_window_mean(col[c], r) for r in (3, 10, 30) for c in ("long_text", "stop_ratio", "log_chars")]
    shifted = [_shift(col[c], s) for s in SHIFTS for c in CONTEXT_COLS]
    return np.column_stack([base, *extra, *windows, *shifted])
