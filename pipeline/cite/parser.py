"""`parse_reference`: one reference string -> contract fields, by the shipped CRF model."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from pipeline.cite.features import sequence_features, tokenize
from pipeline.cite.fields import FIELDS, build_fields, clean_url
from pipeline.cite.resolve import IBID, pages_of
from pipeline.errors import FatalError

MODEL_PATH = Path(__file__).with_name("model.crfsuite")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)


@lru_cache(maxsize=4)
def tagger(path: str = str(MODEL_PATH)) -> pycrfsuite.Tagger:
    """The CRF tagger, opened once per process (opening costs more than tagging a reference)."""
    if not Path(path).is_file():
        raise FatalError(f"citation model not found: {path} (train it: python -m bench.train_cite)")
    opened = pycrfsuite.Tagger()
    opened.open(path)
    return opened


def label_words(words: list[str], model: str | None = None) -> list[str]:
    """One CRF label per word."""
    if not words:
        return []
    return tagger(model or str(MODEL_PATH)).tag(sequence_features(words))


def parse_reference(raw: str, model: str | None = None) -> dict[str, object]:
    """Fields of one reference: author (list), title, container, publisher, date (ISO partial),
    volume, issue, pages (`57-58`), url (trailing punctuation removed); absent fields are None."""
    ibid = IBID.match(raw)
    if ibid:
        # `Ibid., p. 4` names no work of its own: only its pages are fields
        return {**dict.fromkeys(FIELDS), "author": [], "pages": pages_of(ibid.group("rest"))}
    words = [w for _, _, w in tokenize(raw)]
    fields = build_fields(words, label_words(words, model))
    if fields["url"] is None:
        # a printed URL is unambiguous; the model may have lumped it into a neighbouring field
        found = _URL.search(raw)
        fields["url"] = clean_url(found.group()) if found else None
    return fields
