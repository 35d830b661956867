"""Per-line shape columns (length, function words, punctuation, dates, URLs...), computed page-wide.

Speed matters here (every line of every page), so nothing loops over lines in Python: the
non-blank lines are joined with "\\n" once; character tests run on its code points (chars.py) and
are summed per line with `bincount`; the few regexes left make one pass over the lines that have a
cheap cue and their matches are mapped to lines with `searchsorted`; the function-word look-up is
one C-level `map` over the page's tokens. Patterns never match across a "\\n" (no `\\s` where a
line break could fall), so a match belongs to exactly one line, as if the line were searched alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, repeat

import numpy as np

from pipeline.segment import chars
from pipeline.segment.scan import lines_with
from pipeline.segment.words import BOILER_PHRASES, BOILER_WORDS, STOPWORDS_CASED

_DATE = re.compile(
    r"\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}|"
    r"\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b",
    re.I,
)
_URL = re.compile(r"https?://|www\.|@\w+\.\w|\.com\b", re.I)
_URL_CUES = ("http", "www.", ".com", "@")  # case-sensitive cues a line needs before _URL counts
# a bullet line starts with one of these marks, or is numbered as re's ^\d{1,2}[.)]\s
_BULLET_MARKS = "-*•·◦▪►»›>|"
_BYLINE = re.compile(r"^(?:by|written by|posted by|author:?)\s+[A-Z]", re.I)
# one dict look-up per token gives both counts: bit 1 a function word, bit 2 a chrome word
_WORD_CODE: dict[str, int] = {w: (w in STOPWORDS_CASED) + 2 * (w in BOILER_WORDS) for w in STOPWORDS_CASED | BOILER_WORDS}
SHORT_TOKENS = 40  # boilerplate words and phrases are counted on short lines only (menus, bars)
SLICE_CHARS = 1 << 20  # characters of lines handled at once (bounds the per-character arrays)
DATE_MAX_TOKENS = 30  # a date in a long line is part of the prose, not a dateline or teaser date

LINE_NAMES = (
    "log_chars", "log_tokens", "stop_ratio", "ends_sentence", "ends_colon", "ends_question",
    "log_sentences", "comma_ratio", "digit_ratio", "cap_ratio", "alpha_ratio", "has_pipe",
    "copyright", "boiler_hits", "bullet", "has_date", "has_url", "starts_lower", "all_caps",
    "byline_like", "mean_token_len", "long_text",
)


def _flags(values: Iterable[bool | int], n: int) -> np.ndarray:
    return np.fromiter(values, dtype=float, count=n)


def _count_matches(pattern: re.Pattern, texts: list[str], keep: np.ndarray) -> np.ndarray:
    """Matches of `pattern` in each line, searching only the lines where `keep` is true (the slow
    patterns need a cheap cue first: digit runs for dates, short lines for menu phrases)."""
    n = len(texts)
    index = np.flatnonzero(keep)
    if not len(index):
        return np.zeros(n)
    chosen = [texts[k] for k in index]
    positions = [m.start() for m in pattern.finditer("\n".join(chosen))]
    found = index[np.searchsorted(_starts(chosen), positions, side="right") - 1]
    return np.bincount(found, minlength=n).astype(float)


def _lines_with(text: str, starts: np.ndarray, cues: tuple[str, ...]) -> np.ndarray:
    """Whether each line of `text` (lines at `starts`) contains one of `cues` (scan.lines_with)."""
    out = np.zeros(len(starts), dtype=bool)
    out[lines_with(text, [*starts.tolist(), len(text) + 1], cues)] = True
    return out


def _phrase_counts(lowered: str, starts: np.ndarray, phrases: tuple[str, ...]) -> np.ndarray:
    """Phrases per line, counted as a regex alternation would: left to right, a phrase that
    overlaps one found before it does not count ("all rights reserved" is one). `str.find` per
    phrase: Python's `re` tries every alternative at every letter, 10x slower on a page."""
    hits: list[tuple[int, int]] = []
    for phrase in phrases:
        at = lowered.find(phrase)
        while at >= 0:
            hits.append((at, at + len(phrase)))
            at = lowered.find(phrase, at + 1)
    kept: list[int] = []
    free_from = 0
    for start, end in sorted(hits):
        if start >= free_from:
            kept.append(start)
            free_from = end
    return np.bincount(np.searchsorted(starts, kept, side="right") - 1, minlength=len(starts)).astype(float)


def _starts(texts: list[str]) -> np.ndarray:
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    return np.cumsum(lengths) - lengths


def _is(cp: np.ndarray, chars: str) -> np.ndarray:
    # a few `==` beat np.isin, which sorts, on arrays the size of a page
    out = cp == ord(chars[0])
    for c in chars[1:]:
        out |= cp == ord(c)
    return out


def line_columns(texts: list[str], tokens: list[list[str]]) -> np.ndarray:
    """One row per (non-blank, stripped) line, columns as in `LINE_NAMES`. Every column depends on
    its own line only, so a long page is done in slices of lines: the character arrays take ~40
    bytes per character, which stays bounded but for a single giant line."""
    slices: list[np.ndarray] = []
    lo = size = 0
    for k, text in enumerate(texts):
        size += len(text) + 1
        if size > SLICE_CHARS:
            slices.append(_columns(texts[lo : k + 1], tokens[lo : k + 1]))
            lo, size = k + 1, 0
    if lo < len(texts) or not slices:
        slices.append(_columns(texts[lo:], tokens[lo:]))
    return slices[0] if len(slices) == 1 else np.concatenate(slices)


def _titles(cls: np.ndarray, word: np.ndarray, tok_start: np.ndarray) -> np.ndarray:
    """str.istitle of each token: a cased letter, upper case only after an uncased character,
    lower case only after a cased one. Sums run from each token's start to the next one's, over
    word characters only (a few symbols between tokens are cased: ⓘ is lower case but not \\w)."""
    if not len(tok_start):
        return np.zeros(0, dtype=bool)
    upper, lower = (cls & chars.UPPER) > 0, (cls & chars.LOWER) > 0
    cased = upper | lower
    after_cased = np.concatenate(([False], cased[:-1]))
    after_cased[tok_start] = False
    wrong = word & ((upper & after_cased) | (lower & ~after_cased))
    tok_cased = np.add.reduceat((cased & word).view(np.int8), tok_start, dtype=np.int64)
    tok_wrong = np.add.reduceat(wrong.view(np.int8), tok_start, dtype=np.int64)
    return (tok_cased > 0) & (tok_wrong == 0)


def _sentence_ends(cp: np.ndarray, cls: np.ndarray, text_len: int) -> np.ndarray:
    """Where re's `[.!?…]["'”’)\\]]?(?:\\s|$)` matches: a stop, maybe a closing quote or bracket,
    then a space, a line break or the end of the text (`cp` is padded past `text_len`)."""
    space = ((cls & chars.SPACE) > 0) | (cp == 10)
    space[text_len:] = True
    ends = np.zeros(len(cp), dtype=bool)
    ends[:-2] = _is(cp[:-2], ".!?…") & (space[1:-1] | (_is(cp[1:-1], "\"'”’)]") & space[2:]))
    return ends


def _columns(texts: list[str], tokens: list[list[str]]) -> np.ndarray:
    """line_columns of one slice of lines.

    Character counts come from the page's code points (chars.py); `at(k)` is the code point k
    places after each line's start (0 past the line's end), for tests of a line's first characters."""
    n = len(texts)
    joined = "\n".join(texts)
    starts = _starts(texts)
    n_chr = _flags(map(len, texts), n)
    ends = starts + n_chr.astype(np.int64)
    cp = chars.code_points(joined + "\0\0\0\0")  # padded for at(k); NUL is in no class
    cls = chars.classes(cp)

    def per_line(mask: np.ndarray) -> np.ndarray:
        # a line's characters are contiguous from its start: one `reduceat`, no per-character index
        # array (an int64 per character would be 8 bytes per byte of a 50 MB one-line page)
        return np.add.reduceat(mask.view(np.int8), starts, dtype=np.int64).astype(float)

    def line_of(positions: np.ndarray) -> np.ndarray:
        return np.searchsorted(starts, positions, side="right") - 1

    def at(k: int) -> np.ndarray:
        return np.where(starts + k < ends, cp[starts + k], 0)

    word = (cls & chars.WORD) > 0
    tok_start, _ = chars.runs(word)  # tokens are runs of word characters (re's \w+)
    owner = line_of(tok_start)
    n_tok = np.bincount(owner, minlength=n).astype(float)
    caps = np.bincount(owner, weights=_titles(cls, word, tok_start), minlength=n)
    word_chars = per_line(word)
    del word  # the per-character masks are freed as soon as they are summed: a long page is big
    flat = list(chain.from_iterable(tokens))
    codes = np.fromiter(map(_WORD_CODE.get, flat, repeat(0)), dtype=np.int64, count=len(flat))
    stops = np.bincount(owner, weights=codes & 1, minlength=n)
    boiler_words = np.bincount(owner, weights=codes >> 1, minlength=n)
    digit = (cls & chars.DIGIT) > 0
    run_start, run_end = chars.runs(digit)
    run_line = line_of(run_start)
    digits = per_line(digit)
    del digit
    date_cue = (np.bincount(run_line, weights=(run_end - run_start) >= 4, minlength=n) > 0) | (np.bincount(run_line, minlength=n) >= 3)
    alpha = np.maximum(word_chars - digits, 0)
    has_tok = n_tok > 0
    stop_ratio = np.divide(stops, n_tok, out=np.zeros(n), where=has_tok)
    short = n_tok < SHORT_TOKENS
    lowered = joined.lower()
    lows = lowered.split("\n")  # str.lower is context-free across "\n", so these are t.lower()
    low_starts = _starts(lows)
    phrases = _phrase_counts(lowered, low_starts, BOILER_PHRASES)
    last = cp[ends - 1]
    copyright_ = per_line(cp == 0xA9) + short * _lines_with(lowered, low_starts, ("copyright", "rights reserved"))
    cued = _lines_with(joined, starts, _URL_CUES)
    first = at(0)
    digit_at = [(chars.classes(at(k)) & chars.DIGIT) > 0 for k in range(3)]
    space_at = [(chars.classes(at(k)) & chars.SPACE) > 0 for k in range(2, 4)]
    closes = _is(at(1), ".)")
    bullet = _is(first, _BULLET_MARKS) | (digit_at[0] & closes & space_at[0]) | (digit_at[0] & digit_at[1] & _is(at(2), ".)") & space_at[1])
    sentences = per_line(_sentence_ends(cp, cls, len(joined)))
    return np.column_stack([
        np.log1p(n_chr),
        np.log1p(n_tok),
        stop_ratio,
        _is(last, ".!?…\"”’)"),
        last == ord(":"),
        last == ord("?"),
        np.log1p(sentences),
        per_line(cp == ord(",")) / (n_tok + 1),
        digits / n_chr,
        np.divide(caps, n_tok, out=np.zeros(n), where=has_tok),
        alpha / n_chr,
        _lines_with(joined, starts, (" | ",)),
        copyright_ > 0,
        np.where(short, boiler_words + phrases, 0.0),
        bullet,
        _count_matches(_DATE, texts, (n_tok < DATE_MAX_TOKENS) & (date_cue | _lines_with(lowered, low_starts, ("ago",)))) > 0,
        _count_matches(_URL, texts, cued) > 0,
        (chars.classes(first) & chars.LOWER) > 0,
        has_tok & (alpha > 3) & (per_line((cls & chars.CHANGES_UP) > 0) == 0),
        _flags(map(bool, map(_BYLINE.match, texts)), n),
        np.divide(alpha, n_tok, out=np.zeros(n), where=has_tok),
        (n_tok >= 25) & (stop_ratio >= 0.2),
    ]).astype(float)
