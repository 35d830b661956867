"""The one object that flows through every stage: a `Doc`, with its blocks, spans and findings.

Stages are pure functions `Doc -> Doc`. A document that fails carries `error` and `error_stage`
and is passed on untouched by later stages, so nothing is ever lost between ingest and publish.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

LABELS = ("title", "byline", "dateline", "lede", "heading", "body", "caption", "footnote", "front_matter", "chrome")


def doc_id_of(raw: bytes) -> str:
    """Stable id: first 16 hex digits of the SHA-256 of the raw bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass
class Hint:
    """A label decided before segmentation (PDF layout, HTML markup) for one line of `page`.

    `line` indexes `page.split("\\n")`; clean keeps the line count, so hints stay valid after it.
    """

    line: int
    label: str
    reason: str
    note: int | None = None  # footnote number, for footnote lines that start a note


@dataclass
class Block:
    """A run of consecutive page lines with one label. `start`/`end` index the cleaned `page`."""

    start: int
    end: int
    label: str
    reason: str
    text: str
    note: int | None = None


@dataclass
class Citation:
    note: int
    raw: str
    authors: list[str] = field(default_factory=list)
    title: str | None = None
    container: str | None = None
    publisher: str | None = None
    date: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    url: str | None = None
    refers_to: int | None = None
    marker_offsets: list[int] = field(default_factory=list)


@dataclass
class Number:
    start: int
    end: int
    surface: str
    kind: str
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    date: str | None = None
    qualifier: str | None = None
    sentence: str = ""


@dataclass
class Doc:
    doc_id: str
    source_path: str
    format: str
    encoding: str | None = None
    raw: str = ""  # decoded (txt), rendered (html) or laid-out (pdf) page text, before clean
    page: str = ""  # the cleaned page: every block offset indexes this
    hints: list[Hint] = field(default_factory=list)
    fixes: dict[str, int] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    pages: int | None = None  # PDF page count
    # filled by segment
    blocks: list[Block] = field(default_factory=list)
    text: str = ""  # the article body: what every Citation/Number offset indexes
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    site: str | None = None
    language: str = "und"
    # filled by extract
    citations: list[Citation] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    # a failed document keeps flowing so that publish can record it
    error: str | None = None
    error_stage: str | None = None
    # content key of this Doc after the last stage: inputs + params + code, for incremental runs
    key: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    def count_fix(self, kind: str, n: int = 1) -> None:
        if n:
            self.fixes[kind] = self.fixes.get(kind, 0) + n
