"""Metadata an HTML page declares (<meta>, JSON-LD) and a PDF's layout gives: ingest reads it, and
segment keeps it, filling only what it leaves open from the labelled lines."""

from __future__ import annotations

from article_text import BODY

from pipeline.doc import Doc
from pipeline.ingest.declared import declared
from pipeline.params import Params
from pipeline.stages import ingest, segment

HEAD = """<html><head><title>Türkiye and Iran Sign a Border Trade Deal | Anatolia Review</title>
<meta property="og:site_name" content="Anatolia Review">
<meta property="article:published_time" content="2025-03-07T09:30:00+03:00">
<meta name="author" content="https://anatolia.example/staff/leyla">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebPage", "datePublished": "2019-01-01"},
 {"@type": "NewsArticle", "headline": "Türkiye and Iran Sign a Border Trade Deal",
  "author": [{"@type": "Person", "name": "Leyla Demir"}, {"@type": "Person", "name": "Kerem Aydın"}],
  "publisher": {"@type": "Organization", "name": "Anatolia Review"}}]}</script>
</head>"""
ARTICLE = "<body><nav><a href='/'>Home</a></nav><p>Copy Link</p>" + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</body></html>"


def test_meta_tags_and_json_ld() -> None:
    found = declared(HEAD + ARTICLE)
    assert found.site == "Anatolia Review"
    assert found.title == "Türkiye and Iran Sign a Border Trade Deal"  # JSON-LD headline; no og:title
    assert found.published == "2025-03-07"  # the article's date, not the WebPage's
    assert found.authors == ["Leyla Demir", "Kerem Aydın"]  # the URL in meta author is no name


def test_title_tag_without_the_site_and_bad_values_left_out() -> None:
    found = declared('<html><head><title>Anatolia Review - Trade Deal Signed</title><meta property="og:site_name" '
                     'content="Anatolia Review"><meta name="date" content="not a date"><meta name="author" '
                     'content="Leyla Demir and Kerem Aydın"></head><body><p>x</p></body></html>')
    assert (found.title, found.published, found.authors) == ("Trade Deal Signed", None, ["Leyla Demir", "Kerem Aydın"])
    assert declared("<p>no head at all</p>") == declared("")
    og = declared('<html><head><meta property="og:title" content="Trade Deal Signed | Anatolia Review">'
                  '<meta property="og:site_name" content="Anatolia Review"></head></html>')
    assert og.title == "Trade Deal Signed"


def test_ingest_reads_it_and_segment_keeps_it(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HEAD + ARTICLE, encoding="utf-8")
    doc = ingest.process(Doc(doc_id="", source_path=str(path), format="html"), Params(), {str(path): str(path)})
    doc.page = doc.raw
    doc = segment.process(doc, Params(), {})
    assert (doc.title, doc.site, doc.published) == ("Türkiye and Iran Sign a Border Trade Deal", "Anatolia Review", "2025-03-07")
    assert doc.authors == ["Leyla Demir", "Kerem Aydın"]
    assert "Ankara and Tehran have signed" in doc.text


def test_segment_fills_only_what_is_open() -> None:
    page = "Home\n\nTrade Deal Signed in Ankara\n\nBy Kerem Aydın\n\nMarch 3, 2025\n\n" + BODY
    doc = segment.process(Doc(doc_id="d", source_path="d", format="pdf", page=page, title="Declared Title", authors=[]), Params(), {})
    assert (doc.title, doc.authors, doc.published) == ("Declared Title", ["Kerem Aydın"], "2025-03-03")


def test_hostile_json_ld_gives_nothing_instead_of_a_crash() -> None:
    deep = "[" * 200_000 + "]" * 200_000
    graph = '{"@graph": ' * 900 + '{"@type": "NewsArticle", "headline": "Deep"}' + "}" * 900
    page = "<html><head><script type='application/ld+json'>{}</script></head><body><p>x</p></body></html>"
    assert declared(page.format(deep)) == declared("")
    assert declared(page.format(graph)).title == "Deep"  # nested within the parser's depth: found
