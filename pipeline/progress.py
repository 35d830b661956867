"""Progress bars for long stages: rich bars on an interactive terminal, silence in logs and CI.

Bars go to stderr so that stdout stays clean for piped data (`refs`, `numbers`). They are shown
only when stderr is a terminal and the `CI` variable is unset: a bar redrawn into a log file or a
CI console is noise, and the runner's one summary line per stage already says what happened.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def wanted(stream: TextIO | None = None) -> bool:
    """True when a live bar helps: an interactive terminal, outside CI (`CI` set to anything but empty/0/false)."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false"):
        return False
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def track(
    iterable: Iterable[T],
    description: str,
    total: float | None = None,
    size: Callable[[T], float] | None = None,
    show: bool | None = None,
) -> Iterator[T]:
    """Yield the items of `iterable` while a bar advances by `size(item)` (default 1) towards `total`.

    For the runner's batches: `track(batches, "clean", total=n_docs, size=len)`. `total=None` gives
    a bar without an end (count and elapsed time only). `show` overrides the terminal/CI check.
    """
    if not (wanted() if show is None else show):
        yield from iterable
        return
    # rich is imported only when a bar is drawn: piped and CI runs never pay for it
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
    # transient: the bar disappears when done and the stage's summary line stays as the record
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(description, total=total)
        for item in iterable:
            yield item
            progress.advance(task, 1 if size is None else size(item))
