"""Token labels of the CRF: AnyStyle's labels, with the two container labels merged into one."""

from __future__ import annotations

from typing import Any

from pipeline.cite.features import tokenize

# journal and container-title are both the contract's `container`; the gold counts directors and producers as authors
_MERGE = {"journal": "container", "container-title": "container", "director": "author", "producer": "author"}


def token_labels(row: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Words of a labelled anystyle row and one label per word (labels cover whole words)."""
    words: list[str] = []
    labels: list[str] = []
    for label, text in row["labels"]:
        for _, _, word in tokenize(text):
            words.append(word)
            labels.append(_MERGE.get(label, label))
    return words, labels
