"""Site-level evidence: lines that pages of the same site or template repeat are chrome.

Two pages belong to one template when they share at least `min_shared` distinct short lines
(menus, footers, newsletter boxes); a line is then repeated chrome for a page when another page of
its template has it too. A line shared by unrelated pages ("Introduction", "Conclusion") is not
enough on its own, and near-duplicate pages (the same article twice) give no evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

MAX_LINE_CHARS = 400  # longer lines are prose; a repeated long paragraph is a duplicate, not chrome
DUPLICATE_SHARE = 0.8  # pages sharing more than this share of their lines are copies of one article


def page_lines(page: str) -> frozenset[str]:
    return frozenset(t for raw in page.split("\n") if (t := raw.strip()) and len(t) <= MAX_LINE_CHARS)


def repeated_lines(pages: Iterable[tuple[str, str]], min_shared: int) -> dict[str, frozenset[str]]:
    """{doc_id: lines of that page that another page of its template also has}."""
    line_docs: dict[str, list[int]] = defaultdict(list)
    ids: list[str] = []
    sets: list[frozenset[str]] = []
    for doc_id, page in pages:
        ids.append(doc_id)
        sets.append(page_lines(page))
        for text in sets[-1]:
            line_docs[text].append(len(ids) - 1)
    # pairs count shared lines (ints, not lists of lines): memory stays small on large corpora
    shared: dict[tuple[int, int], int] = defaultdict(int)
    too_common: set[str] = set()
    for text, docs in line_docs.items():
        if len(docs) > 200:  # pairs grow quadratically; lines on more pages are caught via other lines
            too_common.add(text)
        elif len(docs) > 1:
            for i, a in enumerate(docs):
                for b in docs[i + 1 :]:
                    shared[(a, b)] += 1
    del line_docs
    out: dict[str, set[str]] = defaultdict(set)
    for (a, b), count in shared.items():
        if count < min_shared:
            continue
        smaller = min(len(sets[a]), len(sets[b]))
        if smaller and count / smaller > DUPLICATE_SHARE:
            continue
        texts = (sets[a] & sets[b]) - too_common
        out[ids[a]].update(texts)
        out[ids[b]].update(texts)
    return {doc_id: frozenset(texts) for doc_id, texts in out.items()}
