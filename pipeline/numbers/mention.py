"""A numeric mention while it is being built (offsets into the scanned text); becomes a `Number`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)  # slots: faster to build and read, one per token or mention
class Mention:
    start: int
    end: int
    kind: str
    value: float | None
    value_high: float | None = None
    unit: str | None = None
    date: str | None = None
    qualifier: str | None = None
    scale: float = 0.0  # largest scale word ("million") used: the other end of a range may share it
    bare: bool = True  # no currency, percent or unit written with it
