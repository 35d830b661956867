"""HTML soft hints, used only where they are right by construction.

Markup is noisy evidence: a wrapper whose class says "sidebar" or "share" may hold the whole
article, a `<form>` may wrap an entire ASP.NET page, `<header>` holds the article's own title and
byline, and h2/h3 head sidebar widgets as often as sections. The text model, validated on the
training pages, decides everywhere else; a chrome container's hint counts only for lines that are
mostly link text (`html:link` from ingest): menus, teaser lists, tag clouds, share bars. Even
those move the model score only part of the way (`soft_weight`), so a line the model is confident
is prose stays.
"""

from __future__ import annotations

from pipeline.doc import Hint

LINK = "html:link"


def chrome_links(hints: list[Hint]) -> dict[int, str]:
    """{line index: container reason} for link lines inside a chrome container (nav, footer...)."""
    links = {h.line for h in hints if h.reason == LINK}
    return {h.line: h.reason for h in hints
            if h.line in links and h.label == "chrome" and h.reason.startswith("html:") and h.reason != LINK}
