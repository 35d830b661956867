"""Label repairs after the CRF: a title run that crosses a quote boundary is cut at the quotes.

The CRF labels words one by one with first-order transitions, so it sometimes runs a title over
the quotes that close it (`Networks,” in The Forbidden Best-Sellers ...`) or starts it a word or two
before the quotes that open it (`Vrijen- hoek, “Unusual benthic fauna ...`). A quote pair that
sits at part boundaries is a firmer cue than any single word's features.
"""

from __future__ import annotations

import re

_OPENS = "\"“„«‘"
_CLOSE = re.compile(r"[\"”»’][,.;:)]*$")
_CLOSE_PART = re.compile(r"[,.][\"”»’]$|[\"”»’][,.]$")  # `Networks,”`: the quote closes a part
_ENDS_PART = re.compile(r"[,.)]$")


def _quoted(tokens: list[str], start: int, end: int) -> tuple[int, int] | None:
    """(first, last) word of the first quote pair in the run whose opening quote starts a part.

    A quote that opens mid-part (`Hitler’s “Green Party”`, `Sonnets from “The Trophies”`) is part
    of a title, not its edge, so it is not a candidate.
    """
    first = next((k for k in range(start, end + 1) if tokens[k][:1] in _OPENS
                  and (k == start or _ENDS_PART.search(tokens[k - 1]))), None)
    if first is None:
        return None
    last = next((k for k in range(first, end + 1) if _CLOSE.search(tokens[k])), None)
    return None if last is None else (first, last)


def quote_bounds(tokens: list[str], labels: list[str]) -> list[str]:
    """Labels with each title run cut to its quoted part where the quotes mark the edges:
    one or two words before the opening quote go back to the field before; words after a closing
    quote that ends a part (`,”` `.”` `”,`) become the container when none is labelled; a quoted
    part closing a longer run (`A Case Study ..., “Journal of Abnormal Psychology”,`) is that
    container."""
    labels = list(labels)
    n, i = len(tokens), 0
    while i < n:
        if labels[i] != "title":
            i += 1
            continue
        end = i
        while end + 1 < n and labels[end + 1] == "title":
            end += 1
        quoted = _quoted(tokens, i, end)
        if quoted:
            first, last = quoted
            no_container = "container" not in labels
            if i < first <= i + 2 and i > 0:
                labels[i:first] = [labels[i - 1]] * (first - i)
            elif first > i and last == end and no_container:
                labels[first:end + 1] = ["container"] * (end + 1 - first)
            if last < end and _CLOSE_PART.search(tokens[last]) and no_container:
                labels[last + 1:end + 1] = ["container"] * (end - last)
        i = end + 1
    return labels
