"""Numeric mentions on real seed sentences: money with scales, percentages, ordinals, dates, ranges,
number words, decades, and the things that look like numbers but are not."""

from __future__ import annotations

import io
import json
from functools import cache

import pytest
from conftest import seed_text

from pipeline.doc import Number
from pipeline.numbers import extract_numbers
from pipeline.numbers.cli import main as numbers_cli

SEEDS = ("000", "001", "002", "003", "004")


@cache
def seed_numbers(prefix: str) -> tuple[str, list[Number]]:
    text = seed_text(prefix)
    return text, extract_numbers(text)


def mention(prefix: str, context: str, surface: str) -> Number | None:
    """The mention with this surface inside the first occurrence of `context` in the seed."""
    text, numbers = seed_numbers(prefix)
    at = text.index(context)
    return next((n for n in numbers if at <= n.start < at + len(context) and n.surface == surface), None)


def surfaces_in(prefix: str, context: str) -> list[str]:
    text, numbers = seed_numbers(prefix)
    at = text.index(context)
    return [n.surface for n in numbers if at <= n.start < at + len(context)]


@pytest.mark.parametrize("prefix", SEEDS)
def test_offsets_and_sentences_hold_on_every_seed(prefix: str) -> None:
    text, numbers = seed_numbers(prefix)
    assert numbers
    for n in numbers:
        assert text[n.start:n.end] == n.surface
        assert n.surface in n.sentence and n.sentence in text


@pytest.mark.parametrize(("prefix", "context", "surface", "value", "unit", "qualifier"), [
    ("004", "rose from \\$651 billion in 2021", "$651 billion", 651e9, "USD", None),
    ("004", "to more than \\$750 billion in 2024", "$750 billion", 750e9, "USD", "more_than"),
    ("002", "surging to nearly $38 trillion", "$38 trillion", 38e12, "USD", "approx"),
    ("002", "Sending $175 billion of borrowed money", "$175 billion", 175e9, "USD", None),
])
def test_money_with_scales(prefix: str, context: str, surface: str, value: float, unit: str, qualifier: str) -> None:
    n = mention(prefix, context, surface)
    assert n is not None and n.kind == "money"
    assert (n.value, n.unit, n.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(("prefix", "context", "surface", "value", "qualifier"), [
    ("002", "who account for 20 per cent of the Afghan", "20 per cent", 20.0, None),
    ("002", "(up to 60% as opposed to the 3.67%", "60%", 60.0, "up_to"),
    ("002", "(up to 60% as opposed to the 3.67%", "3.67%", 3.67, None),
    ("004", "and a 20% increase in goods", "20%", 20.0, None),
])
def test_percentages(prefix: str, context: str, surface: str, value: float, qualifier: str | None) -> None:
    n = mention(prefix, context, surface)
    assert n is not None and (n.kind, n.value, n.unit, n.qualifier) == ("percent", value, "%", qualifier)


@pytest.mark.parametrize(("prefix", "context", "surface", "value"), [
    ("000", "with Uzbekistan becoming the sixth member", "sixth", 6.0),
    ("000", "at the end of its 23rd Summit", "23rd", 23.0),
    ("004", "The 24th meeting of SCO prime ministers", "24th", 24.0),
    ("000", "having the second largest military", "second", 2.0),
])
def test_ordinals(prefix: str, context: str, surface: str, value: float) -> None:
    n = mention(prefix, context, surface)
    assert n is not None and (n.kind, n.value) == ("ordinal", value)


@pytest.mark.parametrize(("prefix", "context", "surface", "kind", "date"), [
    ("000", "Case Analysis | 14 November 2021", "14 November 2021", "date", "2021-11-14"),
    ("000", "As of 4 July 2023, Iran's", "4 July 2023", "date", "2023-07-04"),
    ("004", "Russia on November 17, 2025.", "November 17, 2025", "date", "2025-11-17"),
    ("003", "accord with China in March 2021", "March 2021", "date", "2021-03"),
    ("001", "2021/01/16 | Note", "2021/01/16", "date", "2021-01-16"),
    ("000", "was founded in 1996 under", "1996", "year", "1996"),
    ("002", "considers all pre-2015 U.N. sanctions", "2015", "year", "2015"),
    ("001", "the Soviet Union in the 1990s and today", "1990s", "decade", "199"),
])
def test_dates_years_and_decades(prefix: str, context: str, surface: str, kind: str, date: str) -> None:
    n = mention(prefix, context, surface)
    assert n is not None and (n.kind, n.date) == (kind, date)


@pytest.mark.parametrize(("prefix", "context", "surface", "kind", "value", "unit"), [
    ("000", "with the joining of three Central Asian countries", "three", "cardinal", 3.0, None),
    ("000", "accounts for approximately half of the world's", "half", "fraction", 0.5, None),
    ("000", "and a quarter of the total global GDP", "a quarter", "fraction", 0.25, None),
    ("002", "for approximately one-quarter of the Afghan population", "one-quarter", "fraction", 0.25, None),
    ("002", "may figure that the two-year application process", "two-year", "quantity", 2.0, "year"),
    ("003", "concluded a 25-year Strategic", "25-year", "quantity", 25.0, "year"),
    ("003", "actors exceeded six hours of debate", "six hours", "quantity", 6.0, "hour"),
    ("001", "over the past three and a half years", "three and a half years", "quantity", 3.5, "year"),
    ("000", "leading to more than 90 civilian deaths", "90", "cardinal", 90.0, None),
])
def test_number_words_and_quantities(prefix: str, context: str, surface: str, kind: str, value: float,
                                     unit: str | None) -> None:
    n = mention(prefix, context, surface)
    assert n is not None and (n.kind, n.value, n.unit) == (kind, value, unit)


def test_qualifiers_stay_outside_the_span() -> None:
    assert mention("000", "accounts for approximately half", "half").qualifier == "approx"
    assert mention("000", "leading to more than 90 civilian", "90").qualifier == "more_than"
    assert mention("003", "lasted no more than three hours", "three hours").qualifier == "up_to"


def test_ranges() -> None:
    # the seed sentence "who account for 20 per cent of the Afghan population", with a range instead
    text = "Hazaras, who account for between 10 and 20 per cent of the Afghan population, fear repression."
    (r,) = extract_numbers(text)
    assert (r.surface, r.kind, r.value, r.value_high, r.unit) == ("between 10 and 20 per cent", "range", 10.0, 20.0, "%")
    (r,) = extract_numbers("Iran's trade with SCO members was worth $651-750 billion a year.")
    assert (r.kind, r.value, r.value_high, r.unit) == ("range", 651e9, 750e9, "USD")
    (r,) = extract_numbers("the Syrian Civil War from 2011 to 2016 strained ties")
    assert (r.surface, r.kind, r.date) == ("from 2011 to 2016", "range", "2011/2016")
    # two years joined by "and" are two years, not a range
    assert surfaces_in("002", "the last two such summits in 2023 and 2024") == ["two", "2023", "2024"]


@pytest.mark.parametrize(("prefix", "context"), [
    ("000", "in the aftermath of 9/11, Shanghai Five transformed"),  # a name, and "Five" in "Shanghai Five"
    ("000", "including Bayraktar TB-2 combat drones and Anka-S drones"),
    ("000", "The inauguration of the Ababil-2 drone manufacturing facility"),
    ("004", "ICT minister touts WTDC-25 as opportunity"),
    ("000", "PO Box 10277, Doha\n+974 4035 4111"),  # a box number and a phone number
    ("000", "October 8, 2022, https://bit.ly/3tiy4if."),  # the URL's digits (the date is fine)
    ("000", "Middle East Policy, (2023), p. 38."),  # a page reference
    ("000", "Vol. 30, (2023), pp. 57 - 58."),
    ("000", "Vol. 20, No. 112, (July"),
    ("000", "Introduction\t. 1"),  # a contents line's page number
    ("000", "which Article 5 of its founding treaty"),
])
def test_not_numbers(prefix: str, context: str) -> None:
    allowed = {"October 8, 2022", "2023", "July 12, 2023", "July"}
    assert [s for s in surfaces_in(prefix, context) if s not in allowed] == []


def test_footnote_markers_are_not_numbers() -> None:
    # glued after punctuation, after a year, after a sentence, and as Unicode superscripts
    assert surfaces_in("000", "necessitate consensus.7 On the other hand") == []
    assert surfaces_in("000", "undertaken annually since 2014.8 Further") == ["2014"]
    assert surfaces_in("000", "defence and security purpose. 6 In terms") == []
    assert surfaces_in("000", "in the Astana talks since 2017.²⁶ MacGillivray") == ["2017"]
    assert extract_numbers("Resolution 2231 and the G20 met.") == []


def test_exclude_spans_are_skipped() -> None:
    text = "The SCO already accounts for 40 percent of the world population.12 It grew."
    marker = text.index("12")
    assert [n.surface for n in extract_numbers(text, exclude=[(marker, marker + 2)])] == ["40 percent"]
    assert "12" not in [n.surface for n in extract_numbers(text)]


def test_cli_keeps_order_and_ids() -> None:
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(["the sixth summit", "", "$4bn in 2021"])]
    out = io.StringIO()
    assert numbers_cli(io.StringIO("\n".join(lines) + "\n"), out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == [0, 1, 2]
    assert rows[1]["numbers"] == []
    assert [(n["surface"], n["kind"], n["value"], n["unit"]) for n in rows[2]["numbers"]] == [
        ("$4bn", "money", 4e9, "USD"), ("2021", "year", 2021.0, None)]


def test_cli_rejects_bad_lines() -> None:
    assert numbers_cli(io.StringIO('{"id": 1}\n'), io.StringIO()) == 2
    assert numbers_cli(io.StringIO("not json\n"), io.StringIO()) == 2


def test_letters_that_case_blind_matching_folds_never_break_a_lookup() -> None:
    # re.IGNORECASE matches ſ to s, the Kelvin sign to k and ı/İ to i; str.lower() does not
    from pipeline.numbers.qualifiers import _SUFFIX_Q
    from pipeline.numbers.units import NAMES, UNIT_WORDS

    words = [*UNIT_WORDS, *NAMES, *_SUFFIX_Q, "percent", "august", "dollars"]
    for word in words:
        for plain, odd in (("s", "ſ"), ("k", "\u212a"), ("i", "ı"), ("i", "İ")):
            if plain in word:
                text = f"It rose by 5 {word.replace(plain, odd)} on 3 {'August'.replace('s', odd if plain == 's' else 's')} 2020."
                for n in extract_numbers(text):
                    assert text[n.start : n.end] == n.surface


@pytest.mark.parametrize("prefix", SEEDS)
def test_triggers_are_digits_and_whole_number_words(prefix: str) -> None:
    """`Triggers` finds, by several cheaper searches, what one plain search for a digit or a whole
    number word finds in the lower-cased text (`İ` read as `I`, `ſ` not as `s`: offsets stay)."""
    import re

    from pipeline.numbers.lexicon import TRIGGER_WORDS
    from pipeline.numbers.triggers import Triggers

    plain = re.compile(r"[0-9]|\b(?:" + "|".join(sorted(TRIGGER_WORDS, key=len, reverse=True)) + r")\b")
    text = seed_text(prefix)
    for variant in (text, text.upper(), text.replace("the ", "İ ſix (one)")):
        triggers, found, pos = Triggers(variant), [], 0
        while (p := triggers.next(pos)) >= 0:
            found.append(p)
            pos = p + 1
        assert found == [m.start() for m in plain.finditer(variant.replace("İ", "I").lower())] and len(found) > 20


def test_powers_beyond_a_float_give_no_mention_and_no_crash() -> None:
    found = [(n.surface, n.value) for n in extract_numbers("Yields of 10^3 tonnes, 1000^300 or 0^-1 units, 5e999 and 2e3 kg.")]
    assert ("10^3 tonnes", 1000.0) in found
    assert ("2e3 kg", 2000.0) in found
    assert not any(s.startswith(("1000^", "0^", "5e")) for s, _ in found)
