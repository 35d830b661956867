import codecs
from pathlib import Path

import pytest
from conftest import seed_text

from pipeline.errors import DocError
from pipeline.ingest.decode import decode, normalise_newlines
from pipeline.ingest.html import render_html
from pipeline.io import list_inputs
from pipeline.stages.ingest import source_path, source_paths

# Seed 001 without the few characters cp1252 lacks, so every encoding below can hold it.
TEXT = seed_text("001").encode("cp1252", "ignore").decode("cp1252")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_round_trips_real_text(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert text == TEXT
    assert found == encoding


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "ZIP"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_decode_refuses_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(DocError, match=reason):
        decode(data)


def test_newlines_normalised_to_lf() -> None:
    assert normalise_newlines("a\r\nb\rc\fd") == "a\nb\nc\nd"


def test_html_blocks_lines_cells_and_dropped_scripts() -> None:
    markup = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav><ul><li>Home</li><li>About</li></ul></nav>"
        "<article><h1>Iran joins the SCO</h1><p>Iran became the <b>ninth</b> member.<br>New line.</p>"
        "<table><tr><td>Members</td><td>9</td></tr></table><script>alert(1)</script></article>"
        "<footer>© 2023 Outlet</footer></body></html>"
    )
    text, hints = render_html(markup)
    assert text.split("\n") == [
        "Home", "About", "", "Iran joins the SCO", "", "Iran became the ninth member.", "New line.", "", "Members | 9", "", "© 2023 Outlet",
    ]
    by_line = {h.line: (h.label, h.reason) for h in hints}
    assert by_line[0] == ("chrome", "html:nav")
    assert by_line[3] == ("title", "html:h1")
    assert by_line[10] == ("chrome", "html:footer")
    assert 5 not in by_line


def test_html_deeper_than_parser_limit_keeps_text() -> None:
    text, _ = render_html("<div>" * 10000 + "deep text" + "</div>" * 10000)
    assert text == "deep text"


@pytest.mark.parametrize(("where", "first"), [("inside", "in/docs/a.txt"), ("outside", "docs/a.txt"), ("is_cwd", "a.txt")])
def test_source_paths_of_a_listing_equal_each_file_alone(where: str, first: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ingest lists every input with `source_paths` (the folder's part worked out once); each name must
    be the one `source_path` gives the file alone: under the working directory, outside it, or at it."""
    root = tmp_path / "project"
    folder = root / "in" / "docs"
    (folder / "sub").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    for name in ("a.txt", "sub/b.html", "sub/c.pdf"):
        (folder / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir({"inside": root, "outside": tmp_path / "elsewhere", "is_cwd": folder}[where])
    given = {"inside": Path("in/docs"), "outside": folder, "is_cwd": Path(".")}[where]
    paths = list_inputs(given, [".txt", ".html", ".pdf"])
    names = source_paths(paths, given)
    assert len(names) == 3 and names == [source_path(p, given) for p in paths]
    assert names[0] == first
