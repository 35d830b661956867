"""Site-level evidence: lines that pages of the same site or template repeat are chrome.

Two pages belong to one template when they share at least `min_shared` distinct short lines
(menus, footers, newsletter boxes); a line is then repeated chrome for a page when another page of
its template has it too. A line shared by unrelated pages ("Introduction", "Conclusion") is not
enough on its own, and near-duplicate pages (the same article twice) give no evidence.

Memory: the corpus is read twice and never held. The first pass keeps one 64-bit key per (page,
distinct short line) in a numpy array, not the lines as Python strings; shared lines are grouped by
sorting the keys, and pairs of pages are counted block by block (bounded), not in a dict of all
pairs. The second pass reads the repeated lines of each page back by their position on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from hashlib import blake2b

import numpy as np

MAX_LINE_CHARS = 400  # longer lines are prose; a repeated long paragraph is a duplicate, not chrome
DUPLICATE_SHARE = 0.8  # pages sharing more than this share of their lines are copies of one article
MAX_PAGES = 200  # a line on more pages gives no pairs (they grow quadratically); its site is found via other lines
BLOCK = 1 << 19  # (page line, other page) pairs expanded at once: bounds the working memory (~20 MB)

Pages = Callable[[], Iterable[tuple[str, str]]]  # called once per pass; (doc_id, page) in the same order


def page_lines(page: str) -> list[str]:
    """The page's distinct short lines, stripped, in page order (the order the second pass relies on)."""
    return list(dict.fromkeys(t for raw in page.split("\n") if (t := raw.strip()) and len(t) <= MAX_LINE_CHARS))


def line_keys(lines: list[str]) -> np.ndarray:
    """One 64-bit key per line. blake2b, not hash(): str hashes change with each process, and a key
    collision (odds ~1e-8 at a million distinct lines) must at least give the same output every run."""
    return np.frombuffer(b"".join([blake2b(t.encode(), digest_size=8).digest() for t in lines]), dtype=np.uint64)


def _index(pages: Iterable[tuple[str, str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Doc ids, distinct short lines per page, and the key of every such line, page after page."""
    ids: list[str] = []
    sizes: list[int] = []
    keys = bytearray()
    for doc_id, page in pages:
        lines = page_lines(page)
        ids.append(doc_id)
        sizes.append(len(lines))
        keys += line_keys(lines).data
    return ids, np.array(sizes, dtype=np.int64), np.frombuffer(keys, dtype=np.uint64)


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


def _texts(pages: Iterable[tuple[str, str]], ids: list[str], sizes: np.ndarray, offsets: np.ndarray, rows: np.ndarray) -> dict[str, frozenset[str]]:
    """Second pass: each page's repeated rows back to its lines. Equal lines and equal sets are one
    object each, so the result (sent to every worker) stays small."""
    out: dict[str, set[str]] = {}
    strings: dict[str, str] = {}
    bounds = np.searchsorted(rows, offsets)
    seen = 0
    for i, (doc_id, page) in enumerate(pages):
        seen += 1
        if i >= len(ids) or doc_id != ids[i]:
            raise RuntimeError("site.repeated_lines: the pages changed between its two passes")
        if bounds[i] < bounds[i + 1]:
            lines = page_lines(page)
            if len(lines) != sizes[i]:
                raise RuntimeError(f"site.repeated_lines: page {doc_id} changed between its two passes")
            found = out.setdefault(doc_id, set())
            found.update(strings.setdefault(t, t) for t in (lines[r] for r in (rows[bounds[i] : bounds[i + 1]] - offsets[i]).tolist()))
    if seen != len(ids):
        raise RuntimeError("site.repeated_lines: the pages changed between its two passes")
    sets: dict[frozenset[str], frozenset[str]] = {}
    return {doc_id: sets.setdefault(frozenset(texts), frozenset(texts)) for doc_id, texts in out.items()}


def repeated_lines(pages: Pages, min_shared: int) -> dict[str, frozenset[str]]:
    """{doc_id: lines of that page that another page of its template also has}; `pages()` is read twice."""
    ids, sizes, keys = _index(pages())
    offsets = np.r_[0, np.cumsum(sizes)]
    rows = _repeated_rows(keys, offsets, sizes, min_shared)
    del keys
    return _texts(pages(), ids, sizes, offsets, rows)
