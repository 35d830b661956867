"""ISO 639-1 language of the body: script first, then the language whose function words are most frequent.

Hand-written rather than a language-id library: our corpus is a handful of languages, function
words already sit in words.py, and this needs no model download.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.segment.words import STOPWORDS_BY_LANG

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
_SAMPLE = 5000  # characters looked at: enough to decide, and bounded time on long reports


def detect(text: str, default: str = "en") -> str:
    sample = text[:_SAMPLE]
    if not sample.strip():
        return default
    # an ASCII sample has no letters of these scripts: skip their eight scans (most pages)
    arabic = 0 if sample.isascii() else len(_SCRIPTS[1][1].findall(sample))
    for lang, pattern in () if sample.isascii() else _SCRIPTS:
        count = len(pattern.findall(sample))
        if lang == "fa":
            # Persian-only letters among many Arabic-script letters
            if arabic > 50 and count > 0.02 * arabic:
                return "fa"
            continue
        if count > 0.3 * len(sample.replace(" ", "")):
            return lang
    words = Counter(_WORD.findall(sample.lower()))  # each distinct word looked up once per language
    scores = {lang: sum(words[w] for w in stops & words.keys()) for lang, stops in STOPWORDS_BY_LANG.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else default
