"""The web-page title: the learned ranker over the lines around the body's start, and the HTML h1.

The pages are written in the forms the benchmark's training pages take (a menu, a kicker, the
headline, then bylines, dates, times, "Table of contents" and image notes above the body), so the
checks are on what the old closest-headline rule got wrong.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from article_text import BODY

from bench.quality_segment import segmented
from bench.train_title import fit, match_rate
from pipeline.ingest.html import render_html
from pipeline.segment import title


@pytest.mark.parametrize("between", [
    "By Leyla Demir\n\n5:50 am\n\n",
    "Written By Leyla Demir\n\nPosted on June 29, 2025\n\nTable of Contents\n\n",
    "Leyla Demir, Senior Correspondent\n\nReading time: 4 minutes\n\nPress enter or click to view image in full size\n\n",
])
def test_headline_over_bylines_dates_and_notes(between: str) -> None:
    page = ("Home\nNews\nWorld\nSubscribe\n\nTrade\n\nTürkiye and Iran Sign Agreement to Double Border Trade\n\n"
            + between + BODY)
    doc = segmented(page, "txt")
    assert doc.title == "Türkiye and Iran Sign Agreement to Double Border Trade"
    assert "Sign Agreement to Double" not in doc.text


def test_prose_read_as_body_is_never_the_title() -> None:
    """No headline at all: the first paragraph stays body instead of becoming the title."""
    doc = segmented("Home\nNews\n\n" + BODY, "txt")
    assert doc.title != BODY.split("\n")[0]
    assert BODY.split("\n")[0] in doc.text


def test_html_only_h1_is_the_title() -> None:
    markup = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
              "<p class='kicker'>Analysis</p><h1>What the SCO Summit Means for Iran</h1>"
              "<p>By Leyla Demir</p><p>Updated 12 minutes ago</p>"
              + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</body></html>")
    page, hints = render_html(markup)
    assert segmented(page, "html", hints).title == "What the SCO Summit Means for Iran"


def test_model_file_names_its_features() -> None:
    data = json.loads(title.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(title.NAMES)
    assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(title.NAMES)


def test_conditional_logit_learns_which_candidate_is_right() -> None:
    """On pages where the right candidate is the one with feature 0 set (at varying places), the
    fitted ranker picks it on new pages; a page without a right candidate teaches nothing."""
    rng = np.random.default_rng(0)
    width = len(title.NAMES)

    def page(fold: int) -> dict:
        x = rng.normal(size=(6, width))
        x[:, 0] = 0.0
        right = int(rng.integers(6))
        x[right, 0] = 1.0
        return {"fold": fold, "x": x, "y": np.arange(6) == right}

    train = [page(0) for _ in range(40)] + [{"fold": 0, "x": np.zeros((3, width)), "y": np.zeros(3, dtype=bool)}]
    ranker = fit(train, 0.001)
    assert match_rate([page(1) for _ in range(40)], ranker) == 1.0
    assert ranker.weights[0] == max(ranker.weights)


def _rows(text: str) -> list:
    from pipeline.segment.lines import split_lines
    return [ln for ln in split_lines(text) if ln.text]


def test_far_headline_is_a_candidate_far_menu_item_is_not() -> None:
    """A long product list can push the body far below its headline: a headline further up than
    ABOVE rows is still a candidate, a short menu item up there is not."""
    from pipeline.segment.labelled import Labelled
    items = [f"Product number {i}" for i in range(title.ABOVE + 10)]
    rows = _rows("\n".join(["Menu", "Shop", "The Best Camping Hammocks We Tested This Year", *items, BODY.split("\n")[0]]))
    out = Labelled(labels={ln.index: "chrome" for ln in rows[:-1]} | {rows[-1].index: "body"})
    picked = title._window(rows, out, len(rows) - 1)
    assert 2 in picked and 0 not in picked and 1 not in picked
    assert picked[-1] == len(rows) - 2  # the window right above the body is still whole


def test_neighbours_breadcrumb_body_above_and_menu_above() -> None:
    from pipeline.segment.labelled import Labelled
    rows = _rows("Home\nNews\nWorld\nNews / World / Trade Deal Signed Today\nTrade Deal Signed Today\n"
                 + BODY.split("\n")[0] + "\nWhat the deal means")
    out = Labelled(labels={ln.index: "chrome" for ln in rows} | {rows[5].index: "body"})
    in_prev, prev_body, short_before = title._neighbours(rows, out, [4, 6])
    assert in_prev == [True, False]  # the breadcrumb above holds the headline
    assert prev_body == [False, True]  # the section heading follows a paragraph
    assert short_before[0] == 2 / 3 and short_before[1] == 0.0
