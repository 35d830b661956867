"""Numeric features of each non-blank line: its own shape, its paragraph, its neighbourhood on the page.

Cheap on purpose (page-wide regex passes in shape.py, then numpy over the page): the stage must
label hundreds of pages per second. Columns are named in `NAMES`, which the model file records,
so a model trained on other columns refuses to load.
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

import numpy as np

from pipeline.segment.lines import Line
from pipeline.segment.shape import LINE_NAMES, line_columns


def window_means(values: np.ndarray, radii: tuple[int, ...]) -> list[np.ndarray]:
    """Centred moving averages of `values` (a column, or each column of a matrix), the window
    clipped at the page edges, one per radius. One cumulative sum for all (it is sequential, so
    the values are those of a column alone)."""
    n = len(values)
    csum = np.zeros((n + 1, *values.shape[1:]))
    np.cumsum(values, axis=0, out=csum[1:])
    idx = np.arange(n)
    out = []
    for radius in radii:
        lo = np.maximum(idx - radius, 0)
        hi = np.minimum(idx + radius + 1, n)
        size = hi - lo
        out.append((csum[hi] - csum[lo]) / (size[:, None] if values.ndim == 2 else size))
    return out


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
_LONG = LINE_NAMES.index("long_text")
_WINDOW_COLS = [LINE_NAMES.index(c) for c in ("long_text", "stop_ratio", "log_chars")]
_CONTEXT = [LINE_NAMES.index(c) for c in CONTEXT_COLS]
_TEXT, _GROUP = attrgetter("text"), attrgetter("group")


def page_features(lines: list[Line], text_counts: Counter[str] | None = None) -> np.ndarray:
    """One row per non-blank line of `lines`, columns as in `NAMES`. The matrix is filled block by
    block (windows and shifts of several columns at once): on a page of ~250 lines the cost is
    the number of numpy calls, not their size. Sums run in the same order as column by column
    (cumsum is sequential), so the values are the same to the bit. `text_counts`: how often each text
    occurs among the lines (Scan.counts), when the caller has it: the rules need it too."""
    rows = [ln for ln in lines if ln.text]
    n = len(rows)
    if n == 0:
        return np.zeros((0, len(NAMES)))
    texts = list(map(_TEXT, rows))
    base = line_columns(texts)
    out = np.empty((n, len(NAMES)))
    width = base.shape[1]
    out[:, :width] = base
    chars = np.fromiter(map(len, texts), dtype=float, count=n)
    groups = np.fromiter(map(_GROUP, rows), dtype=np.int64, count=n)
    # paragraphs are numbered in page order without gaps, so a row's paragraph is its number
    # minus the first one: no np.unique (a sort) needed
    inverse = groups - groups[0]
    counts = np.bincount(inverse)
    group_chars = np.bincount(inverse, weights=chars)[inverse]
    first = np.ones(n)
    first[1:] = groups[1:] != groups[:-1]
    last = np.ones(n)
    last[:-1] = groups[:-1] != groups[1:]
    seen = Counter(texts) if text_counts is None else text_counts
    dup = np.log1p(np.fromiter(map(seen.__getitem__, texts), dtype=float, count=n) - 1)
    long = base[:, _LONG]
    cum_long = np.cumsum(long)
    total_long = cum_long[-1]
    extra = [
        np.log1p(counts[inverse]), first, last, np.log1p(group_chars),
        np.arange(n) / n, (np.cumsum(chars) - chars) / chars.sum(), chars / chars.max(),
        dup, np.log1p(_distance_to(long, False)), np.log1p(_distance_to(long, True)),
        (cum_long - long) / (total_long + 1), (total_long - cum_long) / (total_long + 1),
        np.log1p(n), total_long / n,
    ]
    for k, column in enumerate(extra, start=width):
        out[:, k] = column
    at = width + len(extra)
    for means in window_means(base[:, _WINDOW_COLS], (3, 10, 30)):
        out[:, at : at + len(_WINDOW_COLS)] = means
        at += len(_WINDOW_COLS)
    context = base[:, _CONTEXT]
    for by in SHIFTS:  # _shift of the context columns at once: values[i + by], zero beyond the page
        block = out[:, at : at + len(_CONTEXT)]
        block[:] = 0.0
        if by > 0:
            block[:-by] = context[by:]
        else:
            block[-by:] = context[:by]
        at += len(_CONTEXT)
    return out
