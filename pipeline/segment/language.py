"""ISO 639-1 language of the body: script first, then the language whose function words are most frequent.

Hand-written rather than a language-id library: our corpus is a handful of languages, function
words already sit in words.py, and this needs no model download.
"""

from __future__ import annotations

import re

import numpy as np

from pipeline.segment import chars
from pipeline.segment.wordcodes import PackedWords
from pipeline.segment.words import STOPWORDS, STOPWORDS_BY_LANG

_WORD = re.compile(r"[^\W\d_]+")
# (language, characters of its script); checked by share of letters.
_SCRIPTS = (
    ("fa", re.compile(r"[پچژگکی]")),  # letters Persian uses and Arabic does not (or writes otherwise)
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
)
# Any letter of those scripts (each pattern above is one character class; Persian letters are
# Arabic-block letters). Most pages have none, though few are ASCII (curly quotes): one search
# that finds nothing stands for the eight counts, which would all be zero.
_ANY_SCRIPT = re.compile("[" + "".join(p.pattern[1:-1] for _, p in _SCRIPTS[1:]) + "]")
_SAMPLE = 5000  # characters looked at: enough to decide, and bounded time on long reports
# function words numbered 1, 2, ... (0: any other word), and which languages list each
_STOP_LIST = sorted(STOPWORDS)
_STOP_NUMBER = PackedWords({w: k for k, w in enumerate(_STOP_LIST, start=1)})
_LISTED_IN = np.array([[False] * len(STOPWORDS_BY_LANG)] + [[w in stops for stops in STOPWORDS_BY_LANG.values()] for w in _STOP_LIST])


def detect(text: str, default: str = "en") -> str:
    sample = text[:_SAMPLE]
    if not sample.strip():
        return default
    # a sample without letters of these scripts (ASCII or not) would count zero for each: skip their scans
    other_script = _ANY_SCRIPT.search(sample) is not None
    arabic = len(_SCRIPTS[1][1].findall(sample)) if other_script else 0
    for lang, pattern in _SCRIPTS if other_script else ():
        count = len(pattern.findall(sample))
        if lang == "fa":
            # Persian-only letters among many Arabic-script letters
            if arabic > 50 and count > 0.02 * arabic:
                return "fa"
            continue
        if count > 0.3 * len(sample.replace(" ", "")):
            return lang
    scores = dict(zip(STOPWORDS_BY_LANG, _function_words(sample.lower()).tolist()))
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else default


def _function_words(text: str) -> np.ndarray:
    """Per language of STOPWORDS_BY_LANG: how many `_WORD` matches of `text` are its function words.
    Without the regex (whose Unicode class test per character is the slow part) or a string per
    word: a match is a run of word characters (re's `\\w`) that are neither decimal digits (`\\d`)
    nor "_", cut by the page's character classes (chars.py) and numbered by PackedWords."""
    cp = chars.code_points(text)
    letters = ((chars.classes(cp) & (chars.WORD | chars.DIGIT)) == chars.WORD) & (cp != ord("_"))
    starts, ends = chars.runs(letters)
    found = np.bincount(_STOP_NUMBER.lookup(text, cp, starts, ends), minlength=len(_LISTED_IN))
    return found @ _LISTED_IN
