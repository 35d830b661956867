"""Per-line shape columns (length, function words, punctuation, dates, URLs...), computed page-wide.

Speed matters here (every line of every page), so nothing loops over lines in Python: the
non-blank lines are joined with "\\n" once, each regex makes one pass over that string and its
matches are mapped to lines with `searchsorted`; token tests are C-level `map`s over the page's
tokens summed per line with `bincount`. Patterns never match across a "\\n" (no `\\s` where a
line break could fall), so a match belongs to exactly one line, as if the line were searched alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, repeat

import numpy as np

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
_BULLET = re.compile(r"^(?:[-*•·◦▪►»›>|]|\d{1,2}[.)]\s)")  # anchored: `match` each line, no page scan
_BYLINE = re.compile(r"^(?:by|written by|posted by|author:?)\s+[A-Z]", re.I)
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]?(?:\s|$)")  # a "\s" here is the line's own end
_DIGITS = re.compile(r"\d+")
# one dict look-up per token gives both counts: bit 1 a function word, bit 2 a chrome word
_WORD_CODE: dict[str, int] = {w: (w in STOPWORDS_CASED) + 2 * (w in BOILER_WORDS) for w in STOPWORDS_CASED | BOILER_WORDS}
SHORT_TOKENS = 40  # boilerplate words and phrases are counted on short lines only (menus, bars)
DATE_MAX_TOKENS = 30  # a date in a long line is part of the prose, not a dateline or teaser date

LINE_NAMES = (
    "log_chars", "log_tokens", "stop_ratio", "ends_sentence", "ends_colon", "ends_question",
    "log_sentences", "comma_ratio", "digit_ratio", "cap_ratio", "alpha_ratio", "has_pipe",
    "copyright", "boiler_hits", "bullet", "has_date", "has_url", "starts_lower", "all_caps",
    "byline_like", "mean_token_len", "long_text",
)


def _flags(values: Iterable[bool | int], n: int) -> np.ndarray:
    return np.fromiter(values, dtype=float, count=n)


def _count_matches(pattern: re.Pattern, texts: list[str], keep: np.ndarray | None = None) -> np.ndarray:
    """Matches of `pattern` in each line, searching only the lines where `keep` is true (the slow
    patterns need a cheap cue first: digit runs for dates, short lines for menu phrases)."""
    n = len(texts)
    index = np.arange(n) if keep is None else np.flatnonzero(keep)
    if not len(index):
        return np.zeros(n)
    chosen = texts if keep is None else [texts[k] for k in index]
    positions = [m.start() for m in pattern.finditer("\n".join(chosen))]
    found = index[np.searchsorted(_starts(chosen), positions, side="right") - 1]
    return np.bincount(found, minlength=n).astype(float)


def _digit_runs(joined: str, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Digits per line, and whether a line's digit runs could make a `_DATE` (one run of 4+ digits,
    or 3 runs as in 14.11.21); every `_DATE` needs one of those or "ago", so only such lines are searched."""
    n = len(texts)
    spans = [m.span() for m in _DIGITS.finditer(joined)]
    if not spans:
        return np.zeros(n), np.zeros(n, dtype=bool)
    span = np.array(spans)
    size = span[:, 1] - span[:, 0]
    line = np.searchsorted(_starts(texts), span[:, 0], side="right") - 1
    long_runs = np.bincount(line, weights=size >= 4, minlength=n)
    return np.bincount(line, weights=size, minlength=n), (long_runs > 0) | (np.bincount(line, minlength=n) >= 3)


def _starts(texts: list[str]) -> np.ndarray:
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    return np.cumsum(lengths) - lengths


def line_columns(texts: list[str], tokens: list[list[str]]) -> np.ndarray:
    """One row per (non-blank, stripped) line, columns as in `LINE_NAMES`."""
    n = len(texts)
    joined = "\n".join(texts)
    lows = joined.lower().split("\n")  # str.lower is context-free across "\n", so these are t.lower()
    n_chr = _flags(map(len, texts), n)
    n_tok = _flags(map(len, tokens), n)
    flat = list(chain.from_iterable(tokens))
    owner = np.repeat(np.arange(n), n_tok.astype(np.int64))
    codes = np.fromiter(map(_WORD_CODE.get, flat, repeat(0)), dtype=np.int64, count=len(flat))
    stops = np.bincount(owner, weights=codes & 1, minlength=n)
    boiler_words = np.bincount(owner, weights=codes >> 1, minlength=n)
    caps = np.bincount(owner, weights=_flags(map(str.istitle, flat), len(flat)), minlength=n)
    word_chars = np.bincount(owner, weights=_flags(map(len, flat), len(flat)), minlength=n)
    digits, date_cue = _digit_runs(joined, texts)
    alpha = np.maximum(word_chars - digits, 0)
    has_tok = n_tok > 0
    stop_ratio = np.divide(stops, n_tok, out=np.zeros(n), where=has_tok)
    short = n_tok < SHORT_TOKENS
    phrases = _count_matches(BOILER_PHRASES, lows, short)
    last = [t[-1] for t in texts]
    copyright_ = _flags(map(str.__contains__, texts, repeat("©")), n) + short * (
        _flags(map(str.__contains__, lows, repeat("copyright")), n)
        + _flags(map(str.__contains__, lows, repeat("rights reserved")), n))
    cued = sum(_flags(map(str.__contains__, texts, repeat(cue)), n) for cue in _URL_CUES)
    uppers = joined.upper().split("\n")  # upper-casing has no context rule either
    return np.column_stack([
        np.log1p(n_chr),
        np.log1p(n_tok),
        stop_ratio,
        _flags(map(".!?…\"”’)".__contains__, last), n),
        _flags(map(":".__eq__, last), n),
        _flags(map("?".__eq__, last), n),
        np.log1p(_count_matches(_SENT_END, texts)),
        _flags(map(str.count, texts, repeat(",")), n) / (n_tok + 1),
        digits / n_chr,
        np.divide(caps, n_tok, out=np.zeros(n), where=has_tok),
        alpha / n_chr,
        _flags(map(str.__contains__, texts, repeat(" | ")), n),
        copyright_ > 0,
        np.where(short, boiler_words + phrases, 0.0),
        _flags(map(bool, map(_BULLET.match, texts)), n),
        _count_matches(_DATE, texts, (n_tok < DATE_MAX_TOKENS) & (date_cue | _flags(map(str.__contains__, lows, repeat("ago")), n).astype(bool))) > 0,
        _count_matches(_URL, texts, cued > 0) > 0,
        _flags(map(str.islower, (t[0] for t in texts)), n),
        has_tok & (alpha > 3) & _flags(map(str.__eq__, uppers, texts), n).astype(bool),
        _flags(map(bool, map(_BYLINE.match, texts)), n),
        np.divide(alpha, n_tok, out=np.zeros(n), where=has_tok),
        (n_tok >= 25) & (stop_ratio >= 0.2),
    ]).astype(float)
