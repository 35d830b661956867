"""Line-end hyphens: drop a soft hyphen (`cre-/ated`), keep a real one (`Russia-/Iran`, `uranium-/235`).

No dictionary ships with the project, so the document's own vocabulary decides: the joined word
occurring elsewhere in the text means a soft hyphen; the hyphenated form occurring elsewhere, or
both halves being words on their own, means a real compound. Digits or a capital after the hyphen
always mean a real one (`P.L. 66-261`, `Soekarno-Hatta`).
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HEAD = re.compile(r"([^\W\d_]+)-$")
_TAIL = re.compile(r"^([^\W\d_]+)")


class Vocabulary:
    def __init__(self, texts: list[str]) -> None:
        self.words: Counter[str] = Counter()
        self.compounds: set[str] = set()
        for text in texts:
            for token in _WORD.findall(text):
                low = token.lower()
                self.words[low] += 1
                if "-" in low:
                    self.compounds.add(low)
                    self.words.update(low.split("-"))

    def soft(self, head: str, tail: str) -> bool:
        """True when `head-` + `tail` at a line break is one word broken by a soft hyphen."""
        if tail[0].isupper() and not head.isupper():
            return False
        joined, low_head, low_tail = (head + tail).lower(), head.lower(), tail.lower()
        if self.words[joined]:
            return True
        if f"{low_head}-{low_tail}" in self.compounds:
            return False
        # each half also appears once as the broken fragment itself, hence >= 2
        return not (self.words[low_head] >= 2 and self.words[low_tail] >= 2)


def join(left: str, right: str, vocab: Vocabulary) -> str:
    """Append the next line of a paragraph to the text so far."""
    if not left:
        return right
    if not right:
        return left
    if right[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹":  # a marker that wrapped to the next line belongs to the last word
        return left + right
    if left.endswith(("—", "–")) or left.endswith("/") and not left.endswith(" /"):
        return left + right  # dashes and URL slashes are not followed by a space
    head, tail = _HEAD.search(left), _TAIL.match(right)
    if left.endswith("-"):
        if head and tail and vocab.soft(head.group(1), tail.group(1)):
            return left[:-1] + right
        return left + right
    return f"{left} {right}"
