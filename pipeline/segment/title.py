"""The title of a web page: the best of the lines around the body's start, by a learned ranker.

A flattened page puts many headline-shaped lines near the article's start: bylines, dates and
times, "Table of contents", image notes, section names, the site's menu. Hand-ordered rules took
the closest headline-shaped line above the body and were right on about a third of the benchmark's
training articles. Here each candidate line gets a few cheap features (shape, place, whether the
body repeats its words, whether it reads like a byline, a date or a menu item) and a linear score
learned by `python -m bench.train_title` on ../shared/bench/boilerplate-train only; the best
scoring candidate is the title. Linear rather than the line model's MLP: there are only some
thousand titles to learn from, and the weights stay readable in title_model.json.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

from pipeline.segment.dates import find_date
from pipeline.segment.labelled import Labelled
from pipeline.segment.lines import Line, index_of
from pipeline.segment.meta import headline_shape
from pipeline.segment.scan import Scan
from pipeline.segment.words import BOILER_WORDS

MODEL_PATH = Path(__file__).with_name("title_model.json")
ABOVE = 40  # rows above the body's first row that may hold the title (headers are short)
# rows above those: a product list or teasers can push the body far below its headline (0.876 -> 0.914
# of the training articles have a right candidate); taken only when shaped as a headline of
# FAR_TOKENS words or more, the one-to-three word menu items up there would just add wrong candidates
FAR = 240
FAR_TOKENS = 5
BELOW = 5  # rows from the body's first row on: a headline the line model took for body
BODY_CHARS = 2000  # the start of the body, whose words the title is expected to share
_SKIP = ("footnote", "front_matter")
_BY = re.compile(r"^(?:by|written by|posted by|words by|author|authors|reviewed by|fact checked by|edited by)\b", re.I)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d+\s*(?:min|mins|minutes?)\b", re.I)
_WORD = re.compile(r"\w+")
# the `_WORD` tokens of four characters or more: a match starts where a token does, as the shorter
# runs fail, so one findall gives them without a list of every token to filter
_LONG_WORD = re.compile(r"\w{4,}")
_DIGIT = re.compile(r"\d")

NAMES = (
    "above", "below", "is_below", "log_ntok", "short", "long", "title_shaped", "repeated", "ends_stop",
    "ends_colon", "starts_lower", "all_upper", "cap_ratio", "digit_ratio", "boiler_start", "has_pipe",
    "dash_suffix", "body_words", "line_score", "site_repeat", "heading", "caption", "alone", "first_shaped",
    "question", "echoed", "content_caps", "has_date", "has_time", "byline", "meta_after", "meta_before",
    "from_top", "before_dek", "after_headline", "in_prev", "prev_body",
    "short_before",
)


@dataclass
class Ranker:
    """Standardise, then one weight per feature."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray

    def scores(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights


@lru_cache(maxsize=2)
def load(path: str = str(MODEL_PATH)) -> Ranker:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data["features"] != list(NAMES):
        raise ValueError(f"{path} was trained on other features: retrain with python -m bench.train_title")
    return Ranker(*(np.array(data[k], dtype=np.float64) for k in ("mean", "scale", "weights")))


def candidates(rows: list[Line], out: Labelled, body_start: int, scores: list[float] | None,
               scan: Scan) -> tuple[list[int], np.ndarray]:
    """Row positions that may hold the title, and their features (one row per candidate).
    `scores`: the line model's score of each row; `scan`: the page's rows (`rows`) joined."""
    cut = bisect_left(rows, body_start, key=index_of)
    picked = _window(rows, out, cut)
    if not picked:
        return picked, np.zeros((0, len(NAMES)))
    # built column by column: one comprehension per feature over ~30 candidates costs less than a
    # call and a list of floats per candidate
    lines = [rows[k] for k in picked]
    texts = [ln.text for ln in lines]
    ntok = [ln.ntok for ln in lines]
    tokens = [_WORD.findall(t) for t in texts]
    longs = [[t for t in ts if len(t) > 3] for ts in tokens]
    vocab = _body_words(rows, out, cut)
    head_end = scan.starts[picked[-1] + 1]  # the page down to the last candidate
    # the rows within reach of a candidate's meta features only: far candidates are few and apart
    marks = {k: _marks(rows[k]) for k in {j for k in picked for j in range(max(0, k - 2), min(len(rows), k + 4))}}
    meta = {k: any(m) and rows[k].ntok <= 20 for k, m in marks.items()}
    shaped = [headline_shape(ln) for ln in lines]
    closest = next((k for k, s in zip(reversed(picked), reversed(shaped)) if s and k < cut), None)
    labels = [out.labels.get(ln.index) for ln in lines]
    last = len(rows) - 1
    counts = scan.counts
    columns = [
        [math.log1p(cut - k) if k < cut else 0.0 for k in picked],
        [(k - cut + 1) / BELOW if k >= cut else 0.0 for k in picked],
        [k >= cut for k in picked],
        [math.log1p(n) for n in ntok],
        [n < 3 for n in ntok],
        [n > 20 for n in ntok],
        shaped,
        [counts[t] > 1 for t in texts],
        [t.endswith(".") for t in texts],
        [t.endswith((":", ",")) for t in texts],
        [t[0].islower() for t in texts],
        [t.isupper() for t in texts],
        [_share(ts, _capital) for ts in tokens],
        [_share(ts, str.isdigit) for ts in tokens],
        [not BOILER_WORDS.isdisjoint([t.lower() for t in ts[:2]]) for ts in tokens],
        ["|" in t for t in texts],
        [" - " in t or " – " in t or " — " in t for t in texts],
        [_share(ws, lambda w: w.lower() in vocab) for ws in longs],
        [scores[k] for k in picked] if scores else [0.5] * len(picked),
        [out.reasons.get(ln.index) == "site_repeat" for ln in lines],
        [label == "heading" for label in labels],
        [label == "caption" for label in labels],
        [(k == 0 or rows[k - 1].group != ln.group) and (k == last or rows[k + 1].group != ln.group)
         for k, ln in zip(picked, lines)],
        [k == closest for k in picked],
        [t.endswith("?") for t in texts],
        [min(scan.joined.count(t, 0, head_end) - 1, 3) / 3 for t in texts],  # also in other header lines: breadcrumbs, "<title> - <site>"
        [_share(ws, _capital) for ws in longs],
        *zip(*(marks[k] for k in picked)),
        [meta.get(k + 1, False) or meta.get(k + 2, False) or meta.get(k + 3, False) for k in picked],
        [meta.get(k - 1, False) or meta.get(k - 2, False) for k in picked],
        [(k - picked[0]) / ABOVE for k in picked],
        # a headline and its standfirst: the longer sentence right under a shorter headline
        [k + 1 < len(rows) and _dek_under(rows[k], rows[k + 1]) for k in picked],
        [k > 0 and _dek_under(rows[k - 1], rows[k]) for k in picked],
        *_neighbours(rows, out, picked),
    ]
    # one flat fromiter: np.array on the nested lists (bools and floats) takes twice as long
    flat = np.fromiter(chain.from_iterable(columns), dtype=np.float64, count=len(columns) * len(picked))
    return picked, flat.reshape(len(columns), len(picked)).T.copy()


def _window(rows: list[Line], out: Labelled, cut: int) -> list[int]:
    """The candidates' rows around the body's first row (`cut`)."""
    # a line the model read as body is the title only if it is shaped like one: taking it out of
    # the body costs text when wrong
    near = [k for k in range(max(0, cut - ABOVE), min(len(rows), cut + BELOW))
            if out.labels.get(rows[k].index) not in _SKIP and 1 <= rows[k].ntok <= 40 and (k < cut or headline_shape(rows[k]))]
    # further up, where a long list or a teaser block pushed the body down, only headlines of a few words
    far = [k for k in range(max(0, cut - FAR), max(0, cut - ABOVE))
           if FAR_TOKENS <= rows[k].ntok <= 40 and headline_shape(rows[k]) and out.labels.get(rows[k].index) not in _SKIP]
    return far + near


def _neighbours(rows: list[Line], out: Labelled, picked: list[int]) -> list[list[float]]:
    """What the rows right above each candidate say of it: a breadcrumb holds the headline that
    follows it; a section heading follows body text, a headline follows a menu's short items."""
    prev = [rows[k - 1] if k else rows[0] for k in picked]
    return [
        [k > 0 and p.text != rows[k].text and rows[k].text in p.text for k, p in zip(picked, prev)],
        [k > 0 and out.labels.get(p.index) == "body" for k, p in zip(picked, prev)],
        [sum(rows[j].ntok <= 3 for j in range(max(0, k - 3), k)) / 3 for k in picked],
    ]


def _dek_under(headline: Line, line: Line) -> bool:
    """`line` reads as the standfirst of `headline`: longer, a sentence, under a headline-shaped line."""
    return line.ntok > headline.ntok and (line.ntok >= 12 or line.text.endswith((".", "!", "?"))) and headline_shape(headline)


def _capital(word: str) -> bool:
    return word[0].isupper()


def _share(words: list[str], test: Callable[[str], bool]) -> float:
    """Share of `words` passing `test`; 0 without words."""
    return sum(map(test, words)) / len(words) if words else 0.0


def pick(rows: list[Line], picked: list[int], x: np.ndarray, ranker: Ranker | None = None) -> int | None:
    """Line index of the best-scoring candidate (`candidates`); None when there is none."""
    if not picked:
        return None
    return rows[picked[int(np.argmax((ranker or load()).scores(x)))]].index


def _marks(ln: Line) -> tuple[bool, bool, bool]:
    """Whether the line holds a date, a time (or reading time), and opens like a byline."""
    text = ln.text
    if _DIGIT.search(text) is None:  # dates and times hold digits: most lines skip both searches
        return False, False, _BY.match(text) is not None
    return find_date(text) is not None, _TIME.search(text) is not None, _BY.match(text) is not None


def _body_words(rows: list[Line], out: Labelled, cut: int) -> set[str]:
    """The words of four letters or more in the first BODY_CHARS characters of body rows from `cut` on."""
    texts = []
    size = 0
    for ln in rows[cut:]:
        if size >= BODY_CHARS:
            break
        if out.labels.get(ln.index) == "body":
            texts.append(ln.text)
            size += len(ln.text)
    return set(_LONG_WORD.findall("\n".join(texts).lower()))
