"""The labels of a page's lines as the rules build them up: each rule may overwrite earlier ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KEEP = ("body", "heading", "lede")  # labels whose text goes into doc.text


@dataclass
class Labelled:
    labels: dict[int, str] = field(default_factory=dict)  # line index -> label (non-blank lines)
    reasons: dict[int, str] = field(default_factory=dict)
    notes: dict[int, int | None] = field(default_factory=dict)
    title: int | None = None
    bylines: list[int] = field(default_factory=list)
    dateline: int | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)  # the line model's score of each non-blank line
    # the title's candidate lines and their features (title.candidates), kept for bench/train_title.py
    title_rows: list[int] = field(default_factory=list)
    title_features: Any = None

    def set(self, index: int, label: str, reason: str, note: int | None = None) -> None:
        self.labels[index] = label
        self.reasons[index] = reason
        if label == "footnote":
            self.notes[index] = note
        else:
            self.notes.pop(index, None)
