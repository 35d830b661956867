"""Metadata of web pages: bylines in the forms sites print them, and the buttons, labels and roles
that look like names but are not; datelines; the outlet's name in footers (the mistakes
bench/quality_meta.py found on training pages)."""

from __future__ import annotations

import pytest
from article_text import BODY

from bench.quality_meta import author_scores, matched
from bench.quality_segment import segmented
from pipeline.segment.authors import person_like
from pipeline.segment.dates import find_date, short_year_date
from pipeline.segment.meta import wire_date

HEAD = "Home\nNews\nWorld\n\nTürkiye and Iran Sign Agreement to Double Border Trade\n\n"


@pytest.mark.parametrize("name, person", [
    ("Kerem Aydın", True), ("Dr Nasrin Farahani", True), ("Leyla van der Berg", True),
    ("Copy Link", False), ("Select Page", False), ("Senior Director", False), ("Posted By", False),
    ("MBA Rankings", False), ("Pre-MBA Math Classes", False), ("ElectricalTechnician Tips", False),
    ("Policy Institute", False), ("What's On Showbiz", False), ("O'Brien Kelly", True),
])
def test_person_like(name: str, person: bool) -> None:
    assert person_like(name) is person


@pytest.mark.parametrize("header, authors, published", [
    ("Kerem Aydın\n\n", ["Kerem Aydın"], None),  # a bare name under the headline
    ("Copy Link\n\nSelect Page\n\n", [], None),  # buttons shaped like names
    ("By Kerem Aydın Last Updated: December 6, 2024\n\n", ["Kerem Aydın"], None),
    ("Written By: Leyla Demir\n\n", ["Leyla Demir"], None),
    ("May 3, 2017 By Leyla Demir 4 Comments\n\n", ["Leyla Demir"], "2017-05-03"),
    ("by Leyla Demir, Senior Trade Correspondent & Kerem Aydın | Dec 30, 2025 | Economy\n\n",
     ["Leyla Demir", "Kerem Aydın"], "2025-12-30"),
    ("Reviewed by Nasrin Farahani — Written by Leyla Demir, MS — Updated on March 7, 2025\n\n", ["Leyla Demir"], "2025-03-07"),
    ("Kerem Aydın July 3, 2025\n\n", ["Kerem Aydın"], "2025-07-03"),
    ("Written by Leyla\n\n", ["Leyla"], None),  # a first name alone after the cue
    ("By Category\n\n", [], None),  # a menu, not a byline
    ("Written by Leyla Demir, Kerem Aydın, and Nasrin Farahani\n\n", ["Leyla Demir", "Kerem Aydın", "Nasrin Farahani"], None),
    ("By Leyla DemirPublished: Jun 25, 2025\n\n", ["Leyla Demir"], "2025-06-25"),  # the cue glued to the name
    ("ByLeyla Demir UpdatedJanuary 25, 2026\n\n", ["Leyla Demir"], "2026-01-25"),
    ("Anatolia Review Team\n\nNov 08, 2025 7 min read\n\n", ["Anatolia Review Team"], "2025-11-08"),
    ("The Anatolia Staff\n\n", ["The Anatolia Staff"], None),
    ("Meet the Team\n\n", [], None),  # a menu entry, no team named
    ("Our Team\n\n", [], None),
    ("14.11.24\n\n", [], "2024-11-14"),  # a two-digit year, day first with dots
    ("Economy·6 min read·By Anatolia Editorial Team\n\n", ["Anatolia Editorial Team"], None),  # a part of the line
    ("Anatolia Team | 5 min read\n\n", ["Anatolia Team"], None),
    ("World · By Kerem Aydın · 4 min read\n\n", ["Kerem Aydın"], None),
    ("Shop · By Category · Deals\n\n", [], None),  # a menu's parts
    ("Home » Türkiye and Iran Sign Agreement to Double Border Trade\n\n"  # the dateline nine lines under the title
     "Ankara and Tehran have agreed to double border trade within three years, officials said on Monday.\n\n"
     "By Leyla Demir\n\n| Posted January 7, 2026\n\n| Economy | Article\n\n", ["Leyla Demir"], "2026-01-07"),
])
def test_bylines_near_the_title(header: str, authors: list[str], published: str | None) -> None:
    doc = segmented(HEAD + header + BODY, "txt")
    assert doc.title == "Türkiye and Iran Sign Agreement to Double Border Trade"
    assert doc.authors == authors
    if published:
        assert doc.published == published


@pytest.mark.parametrize("box, authors", [
    ("About the authors\n\nLeyla Demir\n\nLeyla covers trade and energy for the desk.\n\n", ["Leyla Demir"]),
    ("Written by\n\nKerem Aydın\n\nFollow\n\n", ["Kerem Aydın"]),
    ("Kerem Aydın is a freelance journalist based in Istanbul who covers Iran.\n\n", ["Kerem Aydın"]),
    ("Related\n\nSelect Page\n\n", []),
    ("Written by Leyla Demir\n\nLeyla has covered trade between Türkiye and Iran since 2015.\n\n", ["Leyla Demir"]),
    ("Related\n\nWritten by Leyla Demir\n\nHow Gürbulak became the busiest crossing\n\n", []),  # a teaser's byline
])
def test_author_box_after_the_article(box: str, authors: list[str]) -> None:
    doc = segmented(HEAD + BODY + "\nShare this article\n\n" + box + "Privacy Policy\nContact\n", "txt")
    assert doc.authors == authors


def test_author_score_matches_names_one_to_one() -> None:
    assert matched(["Dylan Bailey MS"], ["Dylan Bailey"]) == 1
    assert matched(["Dylan Bailey", "Dylan Bailey"], ["Dylan Bailey"]) == 1
    result = author_scores([(["Leyla Demir", "Copy Link"], ["Leyla Demir"]), ([], []), ([], ["Kerem Aydın"])])
    assert (result["precision"], result["recall"], result["page_accuracy"], result["none_when_none"]) == (0.5, 0.5, 0.3333, 1.0)


@pytest.mark.parametrize("text, iso", [
    ("14.11.24", "2024-11-14"), ("08.12.25", "2025-12-08"),
    ("2.10.24", None),  # a version number
    ("31.13.24", None), ("Updated 14.11.24 by the desk", None),  # no month 13; only a line that is the date alone
])
def test_short_year_date(text: str, iso: str | None) -> None:
    assert short_year_date(text) == iso


@pytest.mark.parametrize("text, iso", [
    ("April 26, 2024Updated on: October 28, 2024", "2024-04-26"),  # flattened: the year runs into the next word
    ("Published 3 March 2025", "2025-03-03"),
    ("May 20245 views", None),
    ("EditorialNovember 22, 2018", "2018-11-22"),  # a capitalised month glued to the category before it
    ("much to our dismay 3, 2024 was a year", None),  # not a month inside a lower-case word
])
def test_dates_in_glued_text(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == iso


@pytest.mark.parametrize("text, iso", [
    ("WASHINGTON (January 24, 2017) — Mindfulness meditation is an increasingly popular treatment.", "2017-01-24"),
    ("ISTANBUL, March 3, 2025 - Turkish officials said on Monday that trade had grown.", "2025-03-03"),
    ("On January 24, 2017 — a cold day — the talks began.", None),
])
def test_wire_dateline(text: str, iso: str | None) -> None:
    assert wire_date(text) == iso


@pytest.mark.parametrize("footer, site", [
    ("Share on Facebook\nFollow Us on Twitter\n© 2025 Anatolia Review. All rights reserved.", "Anatolia Review"),
    ("Follow Anatolia Review on Facebook", "Anatolia Review"),
    ("Copyright © 2001-2026 Anatolia Review Ltd", "Anatolia Review"),
    ("© 2025 Anatolia Review® Media LLC", "Anatolia Review"),
    ("© 2026 · Anatolia Review · Privacy ∙ Terms", "Anatolia Review"),
    ("Copyright © 2004 - Anatolia Review LLC. All rights reserved", "Anatolia Review"),
    ("2026 (c) Anatolia Review, Inc.", "Anatolia Review"),
    ("About Us\nContact\nAbout Anatolia Review", "Anatolia Review"),  # no copyright line: the site's About link
    ("We tested several players by streaming the talks on YouTube and timing the delays between them", None),
    ("Make sure you have no copyright infringement issue when you're ready to publish.", None),
    ("©Anatolia Thinking Limited (trading as The Anatolia Review) company number 07130747", "The Anatolia Review"),
    ("© 2023 Bosphorus Data, Inc., d/b/a Anatolia Review", "Anatolia Review"),
    ("© 2025 Anatolia ABN 42 081 528 010", "Anatolia"),  # a registration number after the name
    ("© 2025, Anatolia Prints Powered by Shopify", "Anatolia Prints"),
    ("Read Anatolia every week.\n© 2025 Anatolia Media LLC. All rights reserved.", "Anatolia"),  # the brand printed alone
    ("© 2025 Anatolia Media LLC. All rights reserved.", "Anatolia Media"),  # never alone: the name stays
    ("Free Printables\nCopyright-Free Illustrations by Kerem Aydın", None),
    ("Copyright Notice", None),
    ("How to Go Live on Instagram: A Step-by-Step Guide\nView this post on Instagram\nFollow Me on Instagram", None),
    ("© Copyright 2026 Anatolia Review · All rights reserved · Cookie Policy", "Anatolia Review"),  # two cues
    ("Anatolia Review © All rights reserved. – Read our terms", "Anatolia Review"),  # the owner before the cue
    ("Anatolia Review Copyright 2019 all rights reserved.", "Anatolia Review"),
    ("All content © 2024 All rights reserved", None),  # what is owned, not who owns it
    ("Photo: Kerem Aydın ©", None),  # a photo credit: no rights reserved
    ("© Copyright 1995 - 2026 Kavakli.org a Bosphorus Media Company|Terms and Conditions", "Kavakli.org"),
    ("© 2025 Kavakli.com", "Kavakli.com"),  # a web address as the owner
    ("Kavakli podcast\nSubscribe to Kavakli today.\n© 2025 Kavakli.com", "Kavakli"),  # the bare name printed more
    ("About UsContact UsCareersPrivacy PolicyTerms of UsePress Center", None),  # a flattened menu after "About"
    ("TradeFinanceExportCreditInsurance CustomsBrokerageFreightForwarding WarehousingLogistics Services\n"
     "TradeFinanceExportCreditInsurance CustomsBrokerageFreightForwarding WarehousingLogistics Services", None),
])
def test_site_from_footer(footer: str, site: str | None) -> None:
    doc = segmented(HEAD + BODY + "\n" + footer + "\n", "txt")
    assert doc.site == site


TITLE = "\n\nTürkiye and Iran Sign Agreement to Double Border Trade\n\n"


@pytest.mark.parametrize("top, footer, site", [
    ("Anatolia Review\nHome\nWorld", "Anatolia Review\nPrivacy Policy\nContact", "Anatolia Review"),  # repeated below
    ("Skip to content\nSearch\nFacebook\nKavakli\nWorld", "Kavakli is an independent magazine of Turkish politics.",
     "Kavakli"),  # after the chrome, and "<Name> is a/an ..." in the footer
    ("Anatolia Review\nHome\nWorld", "Privacy Policy\nContact", None),  # never printed again: a tagline or a headline
    ("Services\nHome\nWorld", "Services\nPrivacy Policy", None),  # a menu entry the footer repeats
    ("Work With Us\nHome\nWorld", "Work With Us\nPrivacy Policy", None),
    ("Parkville, MO\nHome\nWorld", "Parkville, MO\nPrivacy Policy", None),  # the place of a campus
    ("Skip to content\nAnatolia Review - Logo\nHome\nWorld", "Privacy Policy\nContact", "Anatolia Review"),  # alt text
    ("Site Logo\nHome\nWorld", "Privacy Policy", None),
])
def test_site_from_logo(top: str, footer: str, site: str | None) -> None:
    doc = segmented(top + TITLE + BODY + "\n" + footer + "\n", "txt")
    assert doc.site == site
