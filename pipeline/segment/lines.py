"""The page as lines with offsets, grouped into paragraphs (runs of non-blank lines between blank lines).

Rendered pages put block elements between blank lines and list items / `<br>` on their own line,
so a paragraph group is the natural unit of layout, and a line the unit we label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress, repeat

from pipeline.segment.page_chars import token_counts

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Line:
    index: int  # position in page.split("\n")
    start: int  # offset of the first character in the page
    end: int  # offset just past the last character (the "\n" excluded)
    text: str  # stripped text; "" for a blank line
    group: int  # paragraph number, -1 for blank lines
    ntok: int  # number of tokens (re's \w+ matches) in `text`

    @property
    def tokens(self) -> list[str]:
        """The `\\w+` tokens of `text`, found when asked: most rules need only their number (`ntok`)."""
        return _WORD.findall(self.text)


def index_of(ln: Line) -> int:
    """A row's line index: the key for bisecting rows, which are in page order."""
    return ln.index


def split_lines(page: str) -> list[Line]:
    """Every line of `page` (blank ones included), so that labels can cover the page exactly.
    Built column by column with C-level maps; token counts come from the page's code points."""
    raws = page.split("\n")
    n = len(raws)
    texts = list(map(str.strip, raws))
    offsets = list(accumulate(map((1).__add__, map(len, raws)), initial=0))  # each line's start, then one past
    full = list(compress(range(n), texts))  # the non-blank lines
    groups = [-1] * n
    ntoks = [0] * n
    group, previous = -1, -2
    for k, count in zip(full, token_counts(list(filter(None, texts)))):
        if k != previous + 1:  # a blank line (or the page start) before it: a new paragraph
            group += 1
        groups[k], ntoks[k], previous = group, count, k
    ends = map(int.__sub__, offsets[1:], repeat(1))  # the next start less the "\n"
    return list(map(Line, range(n), offsets, ends, texts, groups, ntoks))
