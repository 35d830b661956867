"""Property tests: random bytes and random Unicode through ingest, clean and segment never escape."""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import params as params_mod
from pipeline.ingest.html import render_html
from pipeline.steps import process_files

PARAMS = params_mod.load("params.yaml")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(doc_data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"page{suffix}"
        path.write_bytes(doc_data)
        (doc,) = process_files([path], PARAMS, upto="segment")
    if not doc.ok:
        assert doc.error and "\n" not in doc.error and not doc.error.startswith("internal error"), doc.error
        return
    assert doc.page.count("\n") == doc.raw.count("\n")  # clean keeps the line structure
    for block in doc.blocks:
        assert doc.page[block.start : block.end] == block.text
    # every line with text starts inside exactly one block
    start = 0
    for line in doc.page.split("\n"):
        if line.strip():
            holders = [b for b in doc.blocks if b.start <= start < b.end]
            assert len(holders) == 1, (line, holders)
        start += len(line) + 1


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_never_escape(data: bytes) -> None:
    _check(data, ".txt")


@SETTINGS
@given(st.text(max_size=3000))
def test_random_unicode_never_escapes(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"), ".txt")


@SETTINGS
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<li>", "<br>", "<td>", "<nav>", "Iran ", "SCO 2023 ", "&amp;", "<script>", "</script>", "\n"]), max_size=200))
def test_random_html_never_escapes(parts: list[str]) -> None:
    _check("".join(parts).encode(), ".html")


def test_html_parsing_uses_no_network_and_expands_no_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    markup = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY web SYSTEM "http://example.com/x">]>'
        '<html><body><script src="http://example.com/a.js"></script><img src="http://example.com/i.png">'
        "<p>Iran &xxe; and &web; joined.</p></body></html>"
    )
    text, _ = render_html(markup)
    assert "root:" not in text
    assert "Iran" in text and "joined." in text
