"""Field building after the CRF: page forms and the quote-boundary repair of title runs.

Inputs are reference strings of ../shared/bench/citations/anystyle_core.jsonl (page spans as
printed there; label sequences as the CRF gave them under cross-validation).
"""

from __future__ import annotations

import pytest

from pipeline.cite.fields import build_fields, clean_pages, split_volume
from pipeline.cite.repair import quote_bounds


@pytest.mark.parametrize(("printed", "pages"), [
    ("pp. 195–239.", "195-239"),
    ("p. 658‑677.", "658-677"),  # U+2011 non-breaking hyphen
    ("p17", "17"),  # a glued `p` is a cue, and the page is not `7`
    ("e0165139.", "e0165139"),  # eLocator
    ("A16,", "A16"),
    ("pp. xi-xv", "xi-xv"),
    ("28, 29.", "28, 29"),  # a page list keeps every page
    ("27-39, 171-172,", "27-39, 171-172"),
    ("368 pp.", "368 pp."),  # a page count keeps its unit: `368` alone would read as a page cited
    ("248p.", "248p."),
    ("pp. 111-120, 1993", "111-120"),  # a year after the pages is not a second page
])
def test_clean_pages(printed: str, pages: str) -> None:
    assert clean_pages(printed) == pages


def test_volume_after_stray_punctuation_and_french_issue() -> None:
    assert split_volume(";59 (5):") == ("59", "5")
    assert split_volume("vol. 27, n° 4,") == ("27", "4")


def _words_labels(spec: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    words = [w for label, text in spec for w in text.split()]
    labels = [label for label, text in spec for _ in text.split()]
    return words, labels


def test_title_run_is_cut_at_its_closing_quote() -> None:
    words, labels = _words_labels([
        ("author", "Robert Darnton,"),
        ("title", "“Communication Networks,” in The Forbidden Best-Sellers of PreRevolutionary France"),
        ("location", "(New York:"), ("publisher", "Norton,"), ("date", "1995),"), ("pages", "181–97"),
    ])
    fields = build_fields(words, labels)
    assert fields["title"] == "Communication Networks"
    assert fields["container"] == "The Forbidden Best-Sellers of PreRevolutionary France"


def test_title_run_starts_at_its_opening_quote() -> None:
    words, labels = _words_labels([
        ("author", "S. K. Goffredi, C. K. Paull, and R. C. Vrijen-"),
        ("title", "hoek, “Unusual benthic fauna associated with a whale fall in Monterey Canyon, California,”"),
        ("container", "Deep Sea Research Part I,"), ("date", "2004."),
    ])
    fields = build_fields(words, labels)
    assert fields["title"] == "Unusual benthic fauna associated with a whale fall in Monterey Canyon, California"
    assert "hoek" in " ".join(fields["author"])


def test_quotes_inside_a_title_change_nothing() -> None:
    for spec in (
        [("author", "Bramwell, Anna."), ("title", "Blood and Soil: Richard Walther Darré and Hitler’s “Green Party.”"),
         ("location", "Abbotsbrook:"), ("publisher", "Kensal,"), ("date", "1985.")],
        [("author", "Lindau, Paul,"), ("title", "“The ‘Tannhäuser’ Scandal in March 1861,”"),
         ("container", "Wagner,"), ("volume", "24")],
        [("author", "Behrens, Rudolf:"), ("title", "\"Fixer l'opinion publique\". Funktion der 'cause célèbre'"),
         ("container", "In: Romanistische Zeitschrift")],
    ):
        words, labels = _words_labels(spec)
        assert quote_bounds(words, labels) == labels
