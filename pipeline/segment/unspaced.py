"""Prose in scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
Myanmar). The line model's features count words and function words, so a paragraph in these
scripts looks to it like one long token with no function words: a menu. A line that is mostly
such script, long, and ends like a sentence is body text whatever the model said."""

from __future__ import annotations

import re

from pipeline.segment.labelled import Labelled
from pipeline.segment.lines import Line

# Han, kana, CJK punctuation and full-width forms; Thai, Lao, Myanmar, Khmer
_UNSPACED = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_SENTENCE_END = ("。", "！", "？", "．", "」", "』", "”", ".", "!", "?", "ฯ", "။", "។")
MIN_CHARS = 30  # a heading or menu item in these scripts is a few characters; a sentence is dozens
MIN_SHARE = 0.6


def unspaced_prose(ln: Line) -> bool:
    if len(ln.text) < MIN_CHARS or not ln.text.endswith(_SENTENCE_END):
        return False
    return len(_UNSPACED.findall(ln.text)) >= MIN_SHARE * len(ln.text)


def relabel(rows: list[Line], out: Labelled) -> None:
    labels, reasons = out.labels, out.reasons
    # unspaced_prose's cheap tests (pure) inline, before the call: most lines fail them
    for ln in rows:
        if labels[ln.index] == "chrome" and len(ln.text) >= MIN_CHARS and ln.text.endswith(_SENTENCE_END) \
                and reasons[ln.index].startswith("model") and unspaced_prose(ln):
            out.set(ln.index, "body", "unspaced_prose")
