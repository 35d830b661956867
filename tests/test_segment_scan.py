"""The segment rules' speed shortcuts give exactly what the plain per-line regexes give.

Rules look for a cue word on the joined page (scan.py) before running their regex on a line;
these tests hold each shortcut to its slow equivalent, on real pages and on generated text.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.segment import body, captions, chars, front, language, meta, regions, title, wordcodes
from pipeline.segment.lines import split_lines
from pipeline.segment.scan import Scan, fold

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / ".." / "shared" / "bench" / "boilerplate-train"
PAGES = sorted(ROOT.glob("seeds/*.txt")) + sorted(p for p in BENCH.glob("*.txt") if not p.name.endswith(".gold.txt"))[:150]

# (regex a rule runs per line, the cue words (or cue regex) it relies on, whether the regex ignores case)
RULES = [
    (captions._CAPTION, captions._CAPTION_CUES, True),
    (regions._READ_MORE, regions._READ_MORE_CUES, True),
    (regions._COMMENT_FORM, regions._COMMENT_CUES, True),
    (front._COPYRIGHT, front.COPYRIGHT_CUES, True),
    (front._TOC_HEADING, ("contents",), True),
    (meta._SOCIAL, meta._SOCIAL_CUE, True),
    (meta._COPYRIGHT_OWNER, ("©", "copyright"), True),
    (meta._INTERVIEW, ("interview with",), False),
]


def test_fold_is_one_character_for_one_and_maps_every_letter_ignorecase_matches() -> None:
    everything = "".join(map(chr, range(0x110000)))
    folded = fold(everything)
    assert len(folded) == len(everything)  # lower() never drops a character, so each maps to one
    for m in re.finditer("[a-z]", everything, re.I):  # the ASCII letters and the few others re.I matches to them
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if re.fullmatch(letter, m.group(), re.I):
                assert folded[m.start()] == letter, hex(ord(m.group()))


@pytest.mark.parametrize("path", PAGES[:40], ids=lambda p: p.name)
def test_rows_with_finds_exactly_the_lines_holding_a_cue(path: Path) -> None:
    scan = Scan([ln for ln in split_lines(path.read_text(encoding="utf-8")) if ln.text])
    for _, cues, ignore_case in RULES:
        texts = [fold(ln.text) if ignore_case else ln.text for ln in scan.rows]
        if isinstance(cues, re.Pattern):
            assert scan.rows_matching(cues, fold=ignore_case) == [k for k, t in enumerate(texts) if cues.search(t)]
        else:
            assert scan.rows_with(cues, fold=ignore_case) == [k for k, t in enumerate(texts) if any(c in t for c in cues)]


def test_every_line_a_rule_regex_matches_holds_its_cue() -> None:
    matched = Counter()
    for path in PAGES:
        scan = Scan([ln for ln in split_lines(path.read_text(encoding="utf-8")) if ln.text])
        for pattern, cues, ignore_case in RULES:
            found = scan.rows_matching if isinstance(cues, re.Pattern) else scan.rows_with
            cued = set(found(cues, fold=ignore_case))
            for k, ln in enumerate(scan.rows):
                if pattern.search(ln.text):
                    matched[pattern.pattern] += 1
                    assert k in cued, (pattern.pattern[:40], ln.text)
    assert len(matched) >= 6  # the pages exercise most rules, so the check is not vacuous


# letters, digits that are and are not decimal, underscore, punctuation, spaces, and letters whose
# lower case is longer (İ) or special (ſ, ﬁ, ß)
WORDY = st.lists(st.sampled_from(list("abcé ÄİıſK\u212a_9²½.,;:!?\"'()[]“”‘’—–-…\t\n") + ["Über", "ﬁ", "x1y", "ß"])).map("".join)


STOPPY = st.lists(st.sampled_from(sorted(language.STOPWORDS)[::5] + ["también", "için", "değil", "x", "9", "_", " ", "İ"])).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(STOPPY, WORDY, st.text(max_size=60)))
def test_function_words_match_the_word_regex(text: str) -> None:
    words = Counter(language._WORD.findall(text))
    counts = [sum(words[w] for w in stops) for stops in language.STOPWORDS_BY_LANG.values()]
    assert language._function_words(text).tolist() == counts


@settings(max_examples=300, deadline=None)
@given(st.one_of(WORDY, st.text(max_size=60)))
def test_word_runs_and_long_words_match_their_regexes(text: str) -> None:
    cp = chars.code_points(text)
    word = (chars.classes(cp) & chars.WORD) > 0
    starts, ends = chars.runs(word)
    assert [(m.start(), m.end()) for m in re.finditer(r"\w+", text)] == list(zip(starts.tolist(), ends.tolist()))
    assert set(title._LONG_WORD.findall(text)) == {w for w in re.findall(r"\w+", text) if len(w) > 3}


# listed words (some cased otherwise, some longer than a packed key) glued to other letters and marks
LISTED = st.lists(st.sampled_from(sorted(wordcodes.WORD_CODE)[::7] + ["tHE", "Subscriptions", "advertisementsx", "şey", "Ş", "é",
                                                                       "x", "1", "_", " ", "-", "\u0130", "\ud800", "😀"])).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(LISTED, WORDY, st.text(max_size=60)))
def test_word_codes_match_the_dict_look_up_per_token(text: str) -> None:
    cp = chars.code_points(text)
    starts, ends = chars.runs((chars.classes(cp) & chars.WORD) > 0)
    codes = wordcodes.token_codes(text, cp, starts, ends)
    assert codes.tolist() == [wordcodes.WORD_CODE.get(t, 0) for t in re.findall(r"\w+", text)]


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("ab .!?…:;\"”’)]*⁰¹²³⁴⁵⁶⁷⁸⁹0٣7 \t\n")), min_size=1, max_size=60))
def test_ends_sentence_matches_the_regex(text: str) -> None:
    assert body._ends_sentence(text) == bool(body._ENDS_SENTENCE.search(text))


CAPTION_TEXT = st.lists(st.sampled_from(["(L)", "(2nd left)", "(Centre)", "PHOTO:", "Photographs credit:", "image:", "Getty Images",
                                          "REUTERS", "afp", "AP Photo", "Credit:", "İ", "ı", "ſ", "\u212a", "photo", "(", ")", " ", "x"])).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(CAPTION_TEXT, st.text(max_size=60)))
def test_is_caption_answers_as_the_caption_regex(text: str) -> None:
    assert captions.is_caption(text) == bool(captions._CAPTION.search(text))


def test_is_caption_answers_as_the_caption_regex_on_real_lines() -> None:
    lines = [ln for path in PAGES for ln in path.read_text(encoding="utf-8").splitlines()]
    assert sum(map(captions.is_caption, lines)) > 0  # some real captions, so the check is not vacuous
    assert [ln for ln in lines if captions.is_caption(ln) != bool(captions._CAPTION.search(ln))] == []


def test_ends_sentence_sees_a_stop_far_from_the_end() -> None:
    text = "the end." + ")" * 20 + " 12"
    assert body._ends_sentence(text) and not body._ends_sentence(text + "x")


def test_cues_are_found_in_any_case_and_on_the_right_line() -> None:
    texts = ["Menu", "PHOTO: Reuters", "plain line", "\u0130MAGE credit: x", "\u212aeep reading", "ſhutterſtock"]
    lines = split_lines("\n".join(texts))
    scan = Scan(lines)
    assert scan.rows_with(("photo", "image", "keep reading", "shutterstock"), fold=True) == [1, 3, 4, 5]
    assert scan.rows_with(("PHOTO",)) == [1] and scan.rows_with(("photo",)) == []
    assert [bool(captions._CAPTION.search(t)) for t in texts] == [False, True, False, True, False, True]
