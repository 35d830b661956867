"""Site-level evidence: lines that pages of the same site or template repeat are chrome.

Two pages belong to one template when they share at least `min_shared` distinct short lines
(menus, footers, newsletter boxes); a line is then repeated chrome for a page when another page of
its template has it too. A line shared by unrelated pages ("Introduction", "Conclusion") is not
enough on its own, and near-duplicate pages (the same article twice) give no evidence.

Memory: pages come as one 64-bit key per distinct short line (`line_keys`), kept in one numpy array,
not as Python strings; shared lines are grouped by sorting the keys, and pairs of pages are counted
block by block (bounded), not in a dict of all pairs. The answer is where the repeated lines sit among
each page's distinct short lines (`repeated_positions`), so no second pass over the pages is needed:
the stage reads them back from the page it labels anyway (`lines_at`).
"""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import blake2b

import numpy as np

MAX_LINE_CHARS = 400  # longer lines are prose; a repeated long paragraph is a duplicate, not chrome
DUPLICATE_SHARE = 0.8  # pages sharing more than this share of their lines are copies of one article
MAX_PAGES = 200  # a line on more pages gives no pairs (they grow quadratically); its site is found via other lines
BLOCK = 1 << 19  # (page line, other page) pairs expanded at once: bounds the working memory (~20 MB)


def distinct_short(stripped: Iterable[str]) -> list[str]:
    """The distinct short lines among a page's stripped lines, in page order: what positions count."""
    return list(dict.fromkeys(t for t in stripped if t and len(t) <= MAX_LINE_CHARS))


def page_lines(page: str) -> list[str]:
    """The page's distinct short lines, stripped, in page order."""
    return distinct_short(raw.strip() for raw in page.split("\n"))


def lines_at(stripped: Iterable[str], positions: tuple[int, ...]) -> frozenset[str]:
    """The lines at `positions` among the distinct short lines of a page's stripped lines."""
    if not positions:
        return frozenset()
    lines = distinct_short(stripped)
    return frozenset(lines[p] for p in positions)


def line_keys(lines: list[str]) -> np.ndarray:
    """One 64-bit key per line. blake2b, not hash(): str hashes change with each process, and a key
    collision (odds ~1e-8 at a million distinct lines) must at least give the same output every run."""
    return np.frombuffer(b"".join([blake2b(t.encode(), digest_size=8).digest() for t in lines]), dtype=np.uint64)


def page_keys(page: str) -> np.ndarray:
    """The key of each of the page's distinct short lines: what `repeated_positions` takes per page."""
    return line_keys(page_lines(page))


def _index(pages: Iterable[tuple[str, np.ndarray]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Page names, distinct short lines per page, and the key of every such line, page after page."""
    names: list[str] = []
    sizes: list[int] = []
    keys = bytearray()
    for name, page_keys in pages:
        names.append(name)
        sizes.append(len(page_keys))
        keys += page_keys.astype(np.uint64, copy=False).tobytes()
    return names, np.array(sizes, dtype=np.int64), np.frombuffer(keys, dtype=np.uint64)


def _shared_counts(page: np.ndarray, other: np.ndarray, n_pages: int) -> np.ndarray:
    """For each (page, other page) item, how many items name the same two pages: the lines they share.
    A dense count when the block's pages x all pages is small (4x faster than sorting), else a sort."""
    span = int(page[-1] - page[0]) + 1  # pages come in order
    if span * n_pages <= 4 * BLOCK:
        local = (page - page[0]).astype(np.int64) * n_pages + other
        return np.bincount(local)[local]
    _, which, shared = np.unique(page.astype(np.int64) * n_pages + other, return_inverse=True, return_counts=True)
    return shared[which]


def _block(rows: np.ndarray, pages: np.ndarray, lines: np.ndarray, line_pages: np.ndarray, start: np.ndarray, sizes: np.ndarray, min_shared: int) -> np.ndarray:
    """The rows (page lines) of this block that another page of the same template has too; `pages`
    and `lines` say whose and which line each row is, `line_pages[start[l]:start[l + 1]]` who has line l."""
    width = start[lines + 1] - start[lines]  # pages holding each row's line, itself included
    first = np.cumsum(width) - width
    # each row expanded to one item per page that holds its line
    other = line_pages[np.repeat(start[lines] - first, width) + np.arange(int(width.sum()))]
    page = np.repeat(pages, width)
    shared = _shared_counts(page, other, len(sizes))
    template = (page != other) & (shared >= min_shared) & ~(shared / np.minimum(sizes[page], sizes[other]) > DUPLICATE_SHARE)
    return rows[np.logical_or.reduceat(template, first)]


def _repeated_rows(keys: np.ndarray, offsets: np.ndarray, sizes: np.ndarray, min_shared: int) -> np.ndarray:
    """Rows (indexes into `keys`) of every repeated page line, ascending."""
    small = np.int32 if len(keys) < 2**31 else np.int64  # row numbers: 4 bytes each while they fit
    order = np.argsort(keys, kind="stable").astype(small)  # stable: each line's rows stay in page order
    ordered = keys[order]
    head = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    del ordered
    count = np.diff(np.r_[head, len(keys)])
    shared = (count >= 2) & (count <= MAX_PAGES)
    by_line = order[np.repeat(shared, count)]  # rows holding each shared line, line after line
    del order
    start = np.r_[0, np.cumsum(count[shared])]
    line_pages = (np.searchsorted(offsets, by_line, side="right") - 1).astype(np.int32)
    by_row = np.argsort(by_line, kind="stable")
    rows, pages = by_line[by_row], line_pages[by_row]
    lines = np.repeat(np.arange(len(start) - 1, dtype=small), count[shared])[by_row]
    del by_row, by_line
    cost = np.cumsum(start[lines + 1] - start[lines])
    found = [np.zeros(0, dtype=np.int64)]
    lo = 0
    while lo < len(rows):
        hi = max(int(np.searchsorted(cost, (cost[lo - 1] if lo else 0) + BLOCK, side="right")), lo + 1)
        # whole pages per block: a page's pair counts need all its lines at once
        hi = int(np.searchsorted(pages, pages[hi - 1], side="right"))
        found.append(_block(rows[lo:hi], pages[lo:hi], lines[lo:hi], line_pages, start, sizes, min_shared))
        lo = hi
    return np.concatenate(found)


def repeated_positions(pages: Iterable[tuple[str, np.ndarray]], min_shared: int) -> dict[str, tuple[int, ...]]:
    """{name: positions of that page's lines that another page of its template also has} from each
    page's `page_keys`; positions count in page_lines' order, pages without any are left out."""
    names, sizes, keys = _index(pages)
    offsets = np.r_[0, np.cumsum(sizes)]
    rows = _repeated_rows(keys, offsets, sizes, min_shared)
    del keys
    bounds = np.searchsorted(rows, offsets).tolist()
    found = np.flatnonzero(np.diff(bounds)).tolist()
    shared: dict[tuple[int, ...], tuple[int, ...]] = {}  # equal answers one object: the context goes to every worker
    out = {}
    for i in found:
        positions = tuple((rows[bounds[i] : bounds[i + 1]] - offsets[i]).tolist())
        out[names[i]] = shared.setdefault(positions, positions)
    return out
