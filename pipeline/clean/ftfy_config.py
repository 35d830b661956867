"""The one explicit ftfy configuration of the clean stage, with the reason for every flag.

Only the encoding repair (`ftfy.fix_encoding_and_explain`) runs with this config; the other ftfy
fixes we want (ligatures, control characters, terminal escapes, entity table) are called one by one
from their own step, so that each repair is counted under its own reason name.
"""

from __future__ import annotations

from ftfy import TextFixerConfig

FTFY = TextFixerConfig(
    # html_entity step does this itself (with ftfy's entity table) so it can count and repeat it
    unescape_html=False,
    # control_char step calls ftfy.fixes.remove_terminal_escapes so it is counted there
    remove_terminal_escapes=False,
    # the point of the mojibake step: UTF-8 read as cp1252/latin-1/cp1251/... is undone
    fix_encoding=True,
    # mojibake whose b"\xa0" became a plain space ("voilÃ le") is still recoverable
    restore_byte_a0=True,
    # a sequence that lost bytes becomes U+FFFD, which glyph_placeholder then flags: no guess
    replace_lossy_sequences=True,
    # pages mixing good UTF-8 and mojibake on one line are common in scraped HTML
    decode_inconsistent_utf8=True,
    # C1 controls (U+0080-U+009F) in text are cp1252 bytes read as latin-1, as browsers assume
    fix_c1_controls=True,
    # ligature step calls ftfy.fixes.fix_latin_ligatures itself, counted there
    fix_latin_ligatures=False,
    # full-width forms are correct CJK text: changing them would alter non-Latin scripts
    fix_character_width=False,
    # curly quotes stay as printed: quotes in PDF facts are matched as printed
    uncurl_quotes=False,
    # would turn U+2028/U+0085 into "\n" and shift every line hint; control_char maps them to " "
    fix_line_breaks=False,
    # lone surrogate pairs are undecoded astral characters; mojibake step applies ftfy's fixer
    fix_surrogates=False,
    # control_char step calls ftfy.fixes.remove_control_chars itself, counted there
    remove_control_chars=False,
    # no normalisation: NFKC would destroy superscript footnote markers (¹⁴ -> 14), and NFC would
    # rewrite correct text of some scripts (CJK compatibility ideographs, Arabic mark order)
    normalization=None,
    # a line longer than this is decoded in pieces by ftfy; our lines rarely reach it
    max_decode_length=1_000_000,
    # the plan is not used; mojibake is counted by the damaged sequences found before repair
    explain=False,
)
