"""Per-line shape columns (length, function words, punctuation, dates, URLs...), computed page-wide.

Speed matters here (every line of every page), so nothing loops over lines in Python: the
non-blank lines are joined with "\\n" once; character tests run on its code points (page_chars.py,
computed once per page) and are summed per line with `bincount`; the few regexes left make one pass
over the lines that have a cheap cue and their matches are mapped to lines with `searchsorted`; the
function-word look-up is one C-level `map` over the page's tokens (wordcodes.py). Patterns never
match across a "\\n" (no `\\s` where a line break could fall), so a match belongs to exactly one
line, as if the line were searched alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from pipeline.segment import chars, page_chars, wordcodes
from pipeline.segment import line_search as search

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
SHORT_TOKENS = 40  # boilerplate words and phrases are counted on short lines only (menus, bars)
SLICE_CHARS = page_chars.SLICE_CHARS  # characters of lines handled at once (bounds the per-character arrays)
DATE_MAX_TOKENS = 30  # a date in a long line is part of the prose, not a dateline or teaser date
assert DATE_MAX_TOKENS <= SHORT_TOKENS  # line_search.short_line_cues finds "ago" on short lines only

LINE_NAMES = (
    "log_chars", "log_tokens", "stop_ratio", "ends_sentence", "ends_colon", "ends_question",
    "log_sentences", "comma_ratio", "digit_ratio", "cap_ratio", "alpha_ratio", "has_pipe",
    "copyright", "boiler_hits", "bullet", "has_date", "has_url", "starts_lower", "all_caps",
    "byline_like", "mean_token_len", "long_text",
)


def _flags(values: Iterable[bool | int], n: int) -> np.ndarray:
    return np.fromiter(values, dtype=float, count=n)


def _is(cp: np.ndarray, chars: str) -> np.ndarray:
    # a few `==` beat np.isin, which sorts, on arrays the size of a page
    out = cp == ord(chars[0])
    for c in chars[1:]:
        out |= cp == ord(c)
    return out


def line_columns(texts: list[str]) -> np.ndarray:
    """One row per (non-blank, stripped) line, columns as in `LINE_NAMES`. Every column depends on
    its own line only, so a long page is done in slices of lines: the character arrays take ~40
    bytes per character, which stays bounded but for a single giant line. Tokens (re's `\\w+`) are
    found from the code points (wordcodes.py)."""
    parts = [_columns(texts[lo:hi]) for lo, hi in page_chars.slices(texts, SLICE_CHARS)]
    page_chars.analyse.cache_clear()  # used up: a big page's arrays are not kept until the next page
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _titles(cls: np.ndarray, word: np.ndarray, tok_start: np.ndarray) -> np.ndarray:
    """str.istitle of each token: a cased letter, upper case exactly when the character before it
    in the token is not cased (no character is both). Only word characters count (a few symbols
    between tokens are cased: ⓘ is lower case but not \\w); the character before a token is no
    word character, so "the one before is a cased word character" restarts at every token. Tests
    run from each token's start to the next one's."""
    if not len(tok_start):
        return np.zeros(0, dtype=bool)
    cased = ((cls & (chars.UPPER | chars.LOWER)) > 0) & word
    after_cased = np.empty_like(cased)
    after_cased[0] = False
    after_cased[1:] = cased[:-1]
    wrong = cased & (((cls & chars.UPPER) > 0) == after_cased)
    # "any" per token: logical_or.reduceat runs on the bool arrays as they are (a sum casts each
    # character to an integer first and takes 1.5x as long)
    return np.logical_or.reduceat(cased, tok_start) & ~np.logical_or.reduceat(wrong, tok_start)


def _sentence_ends(cp: np.ndarray, cls: np.ndarray, text_len: int) -> np.ndarray:
    """Where re's `[.!?…]["'”’)\\]]?(?:\\s|$)` matches: a stop, maybe a closing quote or bracket,
    then a space, a line break or the end of the text (`cp` is padded past `text_len`)."""
    space = ((cls & chars.SPACE) > 0) | (cp == 10)
    space[text_len:] = True
    ends = np.zeros(len(cp), dtype=bool)
    ends[:-2] = _is(cp[:-2], ".!?…") & (space[1:-1] | (_is(cp[1:-1], "\"'”’)]") & space[2:]))
    return ends


def _columns(texts: list[str]) -> np.ndarray:
    """line_columns of one slice of lines.

    Character counts come from the page's code points (page_chars.py, shared with split_lines);
    `at(k)` / `cls_at(k)` are the code point / class bits k places after each line's start (0 past
    the line's end), for tests of a line's first characters."""
    n = len(texts)
    joined = "\n".join(texts)
    pc = page_chars.analyse(joined)
    cp, cls, starts = pc.cp, pc.cls, pc.starts
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    n_chr = lengths.astype(float)
    ends = starts + lengths

    def per_line(mask: np.ndarray) -> np.ndarray:
        # a line's characters are contiguous from its start: one `reduceat`, no per-character index
        # array (an int64 per character would be 8 bytes per byte of a 50 MB one-line page)
        return np.add.reduceat(mask.view(np.int8), starts, dtype=np.int64).astype(float)

    def line_of(positions: np.ndarray) -> np.ndarray:
        return np.searchsorted(starts, positions, side="right") - 1

    inside = [starts + k < ends for k in range(4)]  # cp is padded: starts + k is an index for k < PAD

    def at(k: int) -> np.ndarray:
        return np.where(inside[k], cp[starts + k], 0)

    def cls_at(k: int) -> np.ndarray:  # chars.classes(at(k)), NUL being in no class
        return np.where(inside[k], cls[starts + k], 0)

    word = pc.word
    tok_start, owner = pc.tok_start, pc.owner
    n_tok = pc.n_tok.astype(float)
    caps = np.bincount(owner, weights=_titles(cls, word, tok_start), minlength=n)
    word_chars = per_line(word)
    codes = wordcodes.token_codes(joined, cp, tok_start, pc.tok_end)
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
    phrases, copyright_words, ago = search.short_line_cues(texts, short)
    last = cp[ends - 1]
    copyright_ = per_line(cp == 0xA9) + copyright_words
    cued = search.lines_holding(joined, starts, _URL_CUES)
    first = at(0)
    digit_at = [(cls_at(k) & chars.DIGIT) > 0 for k in range(3)]
    space_at = [(cls_at(k) & chars.SPACE) > 0 for k in range(2, 4)]
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
        search.lines_holding(joined, starts, (" | ",)),
        copyright_ > 0,
        np.where(short, boiler_words + phrases, 0.0),
        bullet,
        search.count_matches(_DATE, texts, (n_tok < DATE_MAX_TOKENS) & (date_cue | ago)) > 0,
        search.count_matches(_URL, texts, cued) > 0,
        (cls_at(0) & chars.LOWER) > 0,
        has_tok & (alpha > 3) & (per_line((cls & chars.CHANGES_UP) > 0) == 0),
        _flags(map(bool, map(_BYLINE.match, texts)), n),
        np.divide(alpha, n_tok, out=np.zeros(n), where=has_tok),
        (n_tok >= 25) & (stop_ratio >= 0.2),
    ]).astype(float, copy=False)  # float already when a column is: no second copy
