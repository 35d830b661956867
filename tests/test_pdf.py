"""Every fact in ../shared/pdfs/*.expect.yaml checked against read_pdf (each PDF parsed once)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from pipeline.doc import Doc
from pipeline.errors import DocError
from pipeline.params import Params
from pipeline.pdf import PdfResult, read_pdf
from pipeline.stages import clean, ingest, segment

PDFS = Path(os.environ.get("PDF_DIR", Path(__file__).resolve().parents[2] / "shared" / "pdfs"))
EXPECT = sorted(PDFS.glob("*.expect.yaml"))
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
pytestmark = pytest.mark.skipif(not EXPECT, reason=f"no expect files in {PDFS}")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def results() -> dict[str, PdfResult | DocError]:
    out: dict[str, PdfResult | DocError] = {}
    for path in EXPECT:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        try:
            out[path.name] = read_pdf((PDFS / spec["file"]).read_bytes(), max_pages=500, min_text_chars=1)
        except DocError as err:
            out[path.name] = err
    return out


def body_text(result: PdfResult) -> str:
    """As segment builds doc.text: body/heading lines of a paragraph joined, paragraphs by a blank line."""
    lines = result.text.split("\n")
    labels = {h.line: h.label for h in result.hints}
    paragraphs: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        if labels.get(i) in ("body", "heading"):
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def notes_of(result: PdfResult) -> dict[int, str]:
    lines = result.text.split("\n")
    notes: dict[int, str] = {}
    current = None
    for hint in result.hints:
        if hint.label != "footnote":
            continue
        text = lines[hint.line]
        if hint.note is not None:
            current = hint.note
            notes[current] = re.sub(r"^\d+\s*", "", text)
        elif current is not None:
            notes[current] += " " + text
    return {n: squash(t) for n, t in notes.items()}


def facts(kind: str) -> list[tuple[str, object]]:
    out = []
    for path in EXPECT:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if kind in ("must_keep", "must_drop", "must_drop_stretch", "markers"):
            out += [(path.name, item) for item in spec.get(kind) or []]
        elif kind in ("starts", "full"):
            out += [(path.name, item) for item in ((spec.get("notes") or {}).get(kind) or {}).items()]
        elif kind in spec and not spec.get("bad"):
            out.append((path.name, spec[kind]))
        elif kind == "bad" and spec.get("bad"):
            out.append((path.name, spec))
    return out


def ok(results: dict[str, PdfResult | DocError], name: str) -> PdfResult:
    result = results[name]
    assert isinstance(result, PdfResult), f"{name}: {result}"
    return result


@pytest.mark.parametrize(("name", "want"), facts("title"))
def test_title(results, name, want):
    assert ok(results, name).title == want


@pytest.mark.parametrize(("name", "want"), facts("published"))
def test_published(results, name, want):
    assert ok(results, name).published == want


@pytest.mark.parametrize(("name", "want"), facts("authors"))
def test_authors(results, name, want):
    assert ok(results, name).authors == want


@pytest.fixture(scope="module")
def documents() -> dict[str, Doc]:
    """The text PDFs through ingest, clean and segment, as the pipeline publishes them."""
    out: dict[str, Doc] = {}
    params = Params()
    for path in EXPECT:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not spec.get("bad"):
            source = str(PDFS / spec["file"])
            doc = ingest.process(Doc(doc_id="", source_path=source, format="pdf"), params, {source: source})
            out[path.name] = segment.process(clean.process(doc, params, {}), params, {})
    return out


@pytest.mark.parametrize("kind", ["title", "published", "authors"])
def test_published_documents_keep_the_layout_metadata(documents, kind):
    """segment fills only what the PDF's layout left open: the facts reach documents.parquet."""
    for name, want in facts(kind):
        assert getattr(documents[name], kind) == want, name


@pytest.mark.parametrize(("name", "want"), facts("pages"))
def test_pages(results, name, want):
    assert ok(results, name).pages == want


@pytest.mark.parametrize(("name", "want"), facts("must_keep"))
def test_must_keep(results, name, want):
    assert squash(want) in squash(body_text(ok(results, name)))


@pytest.mark.parametrize(("name", "want"), facts("must_drop") + facts("must_drop_stretch"))
def test_must_drop(results, name, want):
    result = ok(results, name)
    assert squash(want) not in squash(body_text(result))
    assert squash(want) in squash(result.text), "the dropped text must still be in the page, labelled"


@pytest.mark.parametrize(("name", "want"), facts("notes"))
def test_note_count(results, name, want):
    assert len(notes_of(ok(results, name))) == want["count"]


@pytest.mark.parametrize(("name", "item"), facts("starts"))
def test_note_starts(results, name, item):
    number, start = item
    assert notes_of(ok(results, name)).get(number, "").startswith(squash(start))


@pytest.mark.parametrize(("name", "item"), facts("full"))
def test_note_full(results, name, item):
    number, full = item
    assert notes_of(ok(results, name)).get(number) == squash(full)


@pytest.mark.parametrize(("name", "item"), facts("markers"))
def test_markers(results, name, item):
    marker = str(item["note"]).translate(SUP)
    pattern = re.escape(squash(item["before"])) + " ?" + marker + "(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
    assert re.search(pattern, squash(body_text(ok(results, name))))


@pytest.mark.parametrize("name", [p.name for p in EXPECT])
def test_every_note_has_marker_or_flag(results, name):
    result = results[name]
    if isinstance(result, DocError):
        return
    body = body_text(result)
    missing = [n for n in notes_of(result) if str(n).translate(SUP) not in body]
    assert not missing or "footnote_without_marker" in result.flags


@pytest.mark.parametrize("name", [p.name for p in EXPECT])
def test_hints_index_lines(results, name):
    result = results[name]
    if isinstance(result, DocError):
        return
    lines = result.text.split("\n")
    assert "\r" not in result.text and "\f" not in result.text
    assert all(0 <= h.line < len(lines) and lines[h.line].strip() for h in result.hints)
    assert len({h.line for h in result.hints}) == len(result.hints)


@pytest.mark.parametrize(("name", "spec"), facts("bad"))
def test_bad_inputs(results, name, spec):
    result = results[name]
    accepted = spec["expect"].get("accept_any_of") or [spec["expect"]]
    mentions = [m for way in accepted for m in way.get("error_mentions_any", [])]
    assert isinstance(result, DocError), f"{name} should fail, got a document"
    message = str(result)
    assert "\n" not in message and any(m.lower() in message.lower() for m in mentions)


@pytest.fixture(scope="module")
def sample() -> bytes:
    return (PDFS / "crs-IF12106-iran-nuclear-weapons.pdf").read_bytes()


def test_page_limit_is_checked_before_reading(sample):
    with pytest.raises(DocError, match="too many pages"):
        read_pdf(sample, max_pages=2, min_text_chars=1)


@pytest.mark.parametrize("cut", [0.5, 0.05])
def test_truncated_pdf_is_a_clear_error_or_partial_read(sample, cut):
    data = sample[: int(len(sample) * cut)]
    try:
        result = read_pdf(data, max_pages=500, min_text_chars=1)
    except DocError as err:
        assert "\n" not in str(err) and str(err)
    else:  # pdfminer can rebuild a lost xref; then the pages it found must still read cleanly
        assert result.pages >= 1


def test_not_a_pdf():
    with pytest.raises(DocError, match="not a PDF"):
        read_pdf(b"<html>hello</html>", max_pages=500, min_text_chars=1)


def test_min_text_chars_turns_thin_text_into_an_error(sample):
    with pytest.raises(DocError, match="no text layer"):
        read_pdf(sample, max_pages=500, min_text_chars=10**7)


def test_soft_hyphen_removed_real_hyphen_kept(results):
    naacl = squash(body_text(ok(results, "naacl06-shinyama-preemptive-ie.expect.yaml")))
    crs = squash(body_text(ok(results, "crs-IF12106-iran-nuclear-weapons.expect.yaml")))
    hormuz = squash(body_text(ok(results, "crs-R48903-strait-of-hormuz.expect.yaml")))
    fedreg = squash(body_text(ok(results, "fedreg-2020-17221-boeing-737max-nprm.expect.yaml")))
    assert "created and reported" in naacl and "cre-ated" not in naacl
    assert "uranium-235" in crs and "P.L. 66-261" in hormuz and "Soekarno-Hatta" in fedreg


def test_running_heads_are_labelled_not_deleted(results):
    result = ok(results, "crs-R48903-strait-of-hormuz.expect.yaml")
    lines = result.text.split("\n")
    heads = [lines[h.line] for h in result.hints if h.label == "chrome" and h.reason == "running_head"]
    assert len(heads) >= 6 and all("Strait of Hormuz" in h for h in heads)


def test_compiled_issue_keeps_the_stretch_with_most_text():
    from pipeline.pdf import compiled
    from pipeline.pdf.emit import Unit

    tail = Unit("the end of the previous notice, a short paragraph.", "body", "body")
    ours = [Unit("Our rule. " * 40, "body", "body"), Unit("Issued on August 3, 2020.", "caption", "small_type")]
    filed = [Unit("[FR Doc. 2020–17220 Filed 8–5–20; 8:45 am]", "caption", "small_type"),
             Unit("[FR Doc. 2020–17221 Filed 8–5–20; 8:45 am]", "caption", "small_type")]
    nxt = Unit("DEPARTMENT OF TRANSPORTATION", "heading", "bold")
    seq = [tail, filed[0], *ours, filed[1], nxt]
    compiled.mark(seq)
    assert [u.reason for u in seq] == ["other_document", "other_document", "body", "small_type", "small_type", "other_document"]
