"""clean: table tests per artifact kind, what must never change, and properties on real paragraphs."""

from __future__ import annotations

import re
from functools import cache

import ftfy.bad_codecs  # noqa: F401  (sloppy-windows-1252: how browsers read cp1252)
import pytest
from conftest import ROOT, SHARED, seed_text
from ftfy.badness import is_bad
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import NAMES, clean_text
from pipeline.doc import Doc
from pipeline.errors import FatalError
from pipeline.params import CleanParams, Params
from pipeline.stages import clean as stage

PARAMS = CleanParams()
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def clean(text: str) -> str:
    return clean_text(text, PARAMS)[0]


def seed_line(prefix: str, needle: str) -> str:
    return next(line for line in seed_text(prefix).split("\n") if needle in line)


# (kind, damaged input, what the repaired text must contain, what it must no longer contain)
REPAIRS = [
    ("mojibake", "Iranâ€™s new hardline president", "Iran’s new", "â€"),
    ("mojibake", "Iran-TÃ¼rkiye Relations", "Türkiye", "Ã"),
    ("mojibake", "Because we\x92re so used to it", "we’re", "\x92"),
    ("mojibake", "Hey there đź“± phone", "📱", "đź"),
    ("mojibake", "ReloSourceâ„¢ Global Mobility", "ReloSource™ Global", "â„"),  # ftfy scores it 0
    ("mojibake", "Pay JPÂ¥7,788 or LÃ¥ngban", "JP¥7,788 or Långban", "Â"),
    ("mojibake", "Because weÂ\x92re so used", "we’re so", "Â"),  # cp1252 -> latin-1 -> cp1252
    ("mojibake", "Magyar Õ€Õ¡ÕµÕ¥Ö€Õ¥Õ¶", "Magyar Հայերեն", "Õ"),
    ("html_entity", "Podcasts &amp; shows", "Podcasts & shows", "&amp;"),
    ("html_entity", "Maima&rsquo;s burning passion", "Maima’s", "&rsquo;"),
    ("html_entity", "said &amp;quot;no&amp;quot;", 'said "no"', "&"),
    ("html_entity", "a&#10;b", "a b", "&#10;"),
    ("latex_marker", "see note^{7} here", "note⁷ here", "^{"),
    ("markdown_escape", "rose from \\$651 billion", "from $651 billion", "\\"),
    ("markdown_escape", "\\- first item", "- first item", "\\"),
    ("markdown_emphasis", "ties: **Veep**", "ties: Veep", "*"),
    ("markdown_emphasis", 'Problems," *Middle East Eye*, September', 'Problems," Middle East Eye, September', "*"),
    ("markdown_emphasis", "***New Product Alert***", "New Product Alert", "*"),
    ("markdown_emphasis", "It is _highly_ recommended", "It is highly recommended", "_"),
    ("markdown_emphasis", "**a *nested* pair**", "a nested pair", "*"),
    ("control_char", "a\x00b\x07c", "abc", "\x00"),
    ("control_char", "business,\u2028not stress", "business, not stress", "\u2028"),
    ("control_char", "\x1b[31mred\x1b[0m text", "red text", "\x1b"),
    ("zero_width", "CEO: \u200b\u200bMatt Hicks", "CEO: Matt Hicks", "\u200b"),
    ("zero_width", "\u200d5-star reviews", "5-star reviews", "\u200d"),
    ("soft_hyphen", "Guar\xadan\xadtee", "Guarantee", "\xad"),
    ("odd_space", "hopes\xa0when leaders", "hopes when leaders", "\xa0"),
    ("odd_space", "10\u202f000 km", "10 000 km", "\u202f"),
    ("bom", "\ufeffEvents", "Events", "\ufeff"),
    ("ligature", "out of landﬁlls", "landfills", "ﬁ"),
    ("combining_mark", "Tu\u0308rkiye", "Türkiye", "\u0308"),
]


@pytest.mark.parametrize(("kind", "raw", "keep", "gone"), REPAIRS)
def test_each_artifact_is_repaired_and_counted(kind: str, raw: str, keep: str, gone: str) -> None:
    text, fixes, flags = clean_text(raw, PARAMS)
    assert keep in text and gone not in text
    assert fixes.get(kind, 0) >= 1
    assert flags == []


def test_seed_latex_residue_becomes_marker_and_quote() -> None:
    raw = seed_line("000", "^{14")
    text, fixes, _ = clean_text(raw, PARAMS)
    number = re.search(r"\^\{(\d+)", raw).group(1)
    superscript = number.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    assert text.startswith(superscript + ' "') and "&" not in text and "{" not in text
    assert fixes["latex_marker"] == 1 and fixes["html_entity"] == 1


def test_seed_markdown_escapes_become_plain_dollars() -> None:
    raw = seed_line("004", "\\$")
    text, fixes, _ = clean_text(raw, PARAMS)
    assert "\\" not in text and fixes["markdown_escape"] == raw.count("\\$")
    assert re.findall(r"\$\d+", text) == re.findall(r"\$\d+", raw.replace("\\$", "$"))


def test_lost_glyph_is_flagged_never_guessed() -> None:
    raw = seed_line("000", "⊠")
    text, fixes, flags = clean_text(raw, PARAMS)
    assert "⊠" in text and flags == ["glyph_placeholder"] and fixes["glyph_placeholder"] == 1
    text, _, flags = clean_text("that\ufffds what", PARAMS)
    assert text == "that\ufffds what" and flags == ["glyph_placeholder"]
    assert clean_text("☐ Yes  □ No", PARAMS)[2] == []  # a lone box is a check box, not a lost letter


MUST_NOT_CHANGE = [
    "5 * 3 * 2 = 30 and 2*3*4",
    "result = self.fn(*self.args, **self.kwargs)",
    "if __name__ == '__main__': import __init__.py",
    "snake_case_name and _ga_<container-id> cookies",
    "spec.ports[*].nodePort and GOPRIVATE=*.corp.example.com,*.research.example.com",
    "'Accept': '*/*', c.box(c.stdscr, '*', '*')",
    "* a bullet item, and a note.* Then more",
    "Ok(Some(_)) and Err(_)",
    "AT&T, R&D, Q&A and &c. and &notanentity;",
    "the ‘evils’ of “terrorism”, Iran’s „Zitat“",
    "mines¹⁰ and ²⁵ Erman Akıllı and Bengü Çelenk",
    "x^{n+1} is math",
    "Introduction\t. 1",
    "inter\xad",
    "گروه طراحی سمیر and می\u200cخواهم",
    "\u200fالعربية\u200f (Arabic) עברית",
    "日本語　テキスト，ＡＢＣ（全角）",
    "한국어 (South Korea) 中国 (简体中文)",
    "İSTANBUL BÜYÜKÇEKMECE ŞİRKETİ Doğu",
    "ภาษา\u200bไทย",
    "family 👨\u200d👩\u200d👧 emoji",
    "Русский язык, Ёлка",
    "MELIÃ COZUMEL",
    "KÖPRÜ’YE, CAFÉ—the CAFÉ™ and IRMÃ, SÃO PAULO, CHÂTEAU",
    "café à côté, naïve œuvre «déjà» Straße ¿Qué? €5 £3 ¥7 ©2021 ½",
]


@pytest.mark.parametrize("text", MUST_NOT_CHANGE)
def test_correct_text_passes_unchanged(text: str) -> None:
    assert clean_text(text, PARAMS) == (text, {}, [])


def test_literal_backslashes_keep_the_whole_page() -> None:
    page = "The symbol \\b matches a word edge.\nThe symbols \\< and \\> match the empty string."
    assert clean(page) == page
    assert clean("$ redis-cli -n 0 keys \\*") == "$ redis-cli -n 0 keys \\*"
    assert clean("curl -u \\$TWILIO_SID:\\$TWILIO_TOKEN") == "curl -u \\$TWILIO_SID:\\$TWILIO_TOKEN"


def test_line_count_never_changes_on_real_pages() -> None:
    for raw in [*(seed_text(p) for p in ("000", "001", "002", "003", "004")), *page_texts()[:80]]:
        assert clean(raw).count("\n") == raw.count("\n")
    nasty = "a&#10;b\n\u2028\n\r\x0b\x0c\x85\n^{3 &}#10;x"
    assert clean(nasty).count("\n") == nasty.count("\n")


def test_enabled_fixes_selects_steps_and_rejects_unknown() -> None:
    only = CleanParams(enabled_fixes=("odd_space",))
    assert clean_text("**a**\xa0b", only) == ("**a** b", {"odd_space": 1}, [])
    with pytest.raises(FatalError, match="unknown"):
        clean_text("x\xa0", CleanParams(enabled_fixes=("no_such_fix",)))
    assert set(NAMES) >= {"mojibake", "html_entity", "markdown_escape", "markdown_emphasis", "glyph_placeholder"}


def test_stage_sets_page_counts_fixes_and_flags() -> None:
    raw = seed_text("000")
    doc = stage.process(Doc(doc_id="x", source_path="seeds/000.txt", format="txt", raw=raw), Params(), None)
    assert doc.raw == raw and doc.page.count("\n") == raw.count("\n")
    assert "^{" not in doc.page and "&quot;" not in doc.page and "¹⁴" in doc.page
    assert doc.flags == ["glyph_placeholder"] and "⊠" in doc.page
    assert doc.fixes["latex_marker"] == raw.count("^{") and doc.fixes["markdown_emphasis"] > 0


# ---- properties over real paragraphs --------------------------------------------------------


@cache
def page_texts() -> list[str]:
    """Seeds and every 8th training page: enough variety, loaded in well under a second."""
    pages = sorted(p for p in (SHARED / "bench" / "boilerplate-train").glob("*.txt") if not p.name.endswith(".gold.txt"))
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in [*seeds, *pages[::8]]]


@cache
def paragraphs() -> list[str]:
    found = {p.strip("\n") for text in page_texts() for p in text.split("\n\n")}
    return sorted(p for p in found if 20 <= len(p) <= 3000)


@cache
def script_paragraphs() -> list[str]:
    """Real lines in Arabic/Persian, Hebrew, CJK, Cyrillic, Devanagari or Turkish letters."""
    script = re.compile(r"[\u0600-\u06ff\u0590-\u05ff\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af\u0400-\u04ff\u0900-\u097fğışİĞŞ]")
    lines = {line for text in page_texts() for line in text.split("\n") if script.search(line)}
    return sorted(lines)


def mangle(text: str, codec: str) -> str:
    """UTF-8 bytes read with a single-byte code page: what a wrong charset header does."""
    return text.encode("utf-8").decode(codec)


def real_text() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(paragraphs()), min_size=1, max_size=3).map("\n\n".join)


@PROPERTY
@given(real_text())
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@PROPERTY
@given(real_text(), st.sampled_from(["sloppy-windows-1252", "latin-1"]))
def test_mangled_text_cleans_like_the_original(text: str, codec: str) -> None:
    assert clean(mangle(text, codec)) == clean(text)


@PROPERTY
@given(st.sampled_from(script_paragraphs()))
def test_real_text_in_other_scripts_is_byte_identical(line: str) -> None:
    # only where the line shows none of the artifacts clean repairs (checked here independently)
    artifact = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\xa0\xad\u2000-\u200b\u2028\u2029\u202f\u2060\ufeff*_\\]|&#?\w+;|^\u200d|\u200d$")
    if artifact.search(line) or is_bad(line):
        return
    assert clean(line) == line


_PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_ARABIC = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي" + "\u064b\u064e\u064f\u0650\u0651\u0652"
_CJK = "日本語中国简体中文繁體한국어テキストのはをに。、，「」（）"
_TURKISH = "abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"


@PROPERTY
@given(
    st.sampled_from([_PERSIAN, _ARABIC, _CJK, _TURKISH]).flatmap(
        lambda letters: st.lists(st.text(st.sampled_from(letters), min_size=1, max_size=12), min_size=1, max_size=12)
    ),
    st.sampled_from([" ", "\u200c", "، ", ". ", "\n", "؟ ", " ¹² "]),
)
def test_generated_text_in_other_scripts_is_byte_identical(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    assert clean(text) == text


def test_property_corpus_is_real_and_varied() -> None:
    assert len(paragraphs()) > 1000 and len(script_paragraphs()) > 20
    assert any(mangle(p, "latin-1") != p for p in paragraphs()[:50])
