"""Which lines of a page contain a cue word: a few `str.find` passes over the joined page instead
of a regex call per line.

The rule layer runs slow regexes (case-insensitive alternations, which Python's `re` cannot
skip ahead on) per line, yet most lines cannot match: every match contains a fixed word. Rules
ask `Scan.rows_with(cue words)` for the few lines holding such a word and run their own regex on
those only, so results are exactly as if every line were searched.

Case-insensitive cues look in `folded`: the page with its ASCII letters lower-cased and the only
other letters `re.IGNORECASE` matches to ASCII letters (İ ı -> i, ſ -> s, the Kelvin sign -> k)
replaced by them. So a line that an `re.I` pattern made of ASCII words matches always holds the
cue in `folded` (tests/test_segment_scan.py checks the whole of Unicode), and `folded` keeps the
page's offsets. Cues are therefore lower-case ASCII words, or characters without case (©, "(").
`rows_matching` takes a regex cue instead, for many words behind one common prefix.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import accumulate

from pipeline.segment.lines import Line

# the letters outside ASCII that re.IGNORECASE matches to an ASCII letter
_FOLD_FIRST = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))  # İ ı ſ, Kelvin sign


class Scan:
    """The non-blank lines of a page (`rows`), joined by "\\n" for page-wide searches."""

    def __init__(self, rows: list[Line]) -> None:
        self.rows = rows
        self.texts = [ln.text for ln in rows]
        self.groups = [ln.group for ln in rows]  # paragraph of each row
        self.joined = "\n".join(self.texts)
        # starts[k]: offset of row k in `joined`; one more entry (past the end) closes the last row
        self.starts = list(accumulate(map((1).__add__, map(len, self.texts)), initial=0))  # len + "\n", in C
        self._hits: dict[tuple[str, bool], list[int]] = {}  # (cue, fold) -> its rows: rules share cues

    @cached_property
    def folded(self) -> str:
        return fold(self.joined)

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each line text occurs on the page: the features, main_region and find_title
        all ask, and one Counter beats a `list.count` per candidate."""
        return Counter(self.texts)

    @cached_property
    def alone(self) -> list[int]:
        """Positions of the rows alone in their paragraph: paragraphs are runs of consecutive rows
        (lines.py), so a row is alone when neither neighbour shares its paragraph."""
        groups = self.groups
        return [k for k, (before, group, after) in enumerate(zip([-2, *groups], groups, [*groups[1:], -3]))
                if before != group != after]

    def rows_matching(self, cue: re.Pattern, fold: bool = False) -> list[int]:
        """Positions in `rows` (ascending) of lines where `cue` (which must not match a "\\n") matches;
        quicker than `rows_with` for words behind one common prefix, which `re` jumps between."""
        text = self.folded if fold else self.joined
        found: list[int] = []
        m = cue.search(text)
        while m:
            found.append(bisect_right(self.starts, m.start()) - 1)
            m = cue.search(text, self.starts[found[-1] + 1])  # one hit per line is enough
        return found

    def rows_with(self, cues: Iterable[str], fold: bool = False) -> list[int]:
        """Positions in `rows` (ascending) of lines containing one of `cues` (no "\\n" in them);
        with `fold`, cues are lower-case words looked for in any letter case. Each cue's rows are
        kept: several rules look for the same word (copyright)."""
        found: set[int] = set()
        for cue in cues:
            rows = self._hits.get((cue, fold))
            if rows is None:
                rows = self._hits[cue, fold] = lines_with(self.folded if fold else self.joined, self.starts, (cue,))
            found.update(rows)
        return sorted(found)


def lines_with(text: str, starts: Sequence[int], cues: Iterable[str]) -> list[int]:
    """Lines (ascending) of `text` holding one of `cues` (no "\\n" in them); `starts[k]` is where line
    k begins, with one more entry past the end. `str.find` jumps from hit to hit in C."""
    found: set[int] = set()
    for cue in cues:
        at = text.find(cue)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            found.add(k)
            at = text.find(cue, starts[k + 1])  # one hit per line is enough
    return sorted(found)


def fold(text: str) -> str:
    """`text` with ASCII letters lower-cased and every other letter that re.IGNORECASE matches to
    an ASCII letter made that letter; as long as `text`, character for character. Only ASCII is
    lower-cased (on UTF-8 bytes, half the time of `str.lower`): the cues are ASCII words."""
    for letter, ascii_letter in _FOLD_FIRST:
        if letter in text:
            text = text.replace(letter, ascii_letter)
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
