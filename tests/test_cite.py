"""Citations on seed 000's real notes and text: numbers, fields, Ibid./short forms, markers.

Until segment labels footnotes, `seed_doc` plays segment: a line that starts with a note number
(`¹³ `, `^{14 `) is a `footnote` block carrying that number, the article's paragraphs (from the
Introduction on) make `doc.text`. The expected values below were read off the notes by hand.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from pipeline.cite import extract_citations, find_markers, parse_reference, split_works
from pipeline.cite.cli import main as refs_main
from pipeline.cite.names import split_names
from pipeline.cite.notes import prefix_number
from pipeline.cite.parser import MODEL_PATH
from pipeline.doc import Block, Doc

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_8ce9c8080fa3c9ae.txt"
_NOTE_START = re.compile(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\{\d+)")
_HEADINGS = ("Introduction", "What does", "Is SCO membership", "Conclusion")


def seed_doc(split_note: int | None = None) -> Doc:
    """Seed 000 as segment would leave it; `split_note` cuts that note in two (a page break)."""
    page = SEED.read_text(encoding="utf-8")
    blocks: list[Block] = []
    body: list[str] = []
    offset, started = 0, False
    for line in page.split("\n"):
        start, offset = offset, offset + len(line) + 1
        started = started or line == "Introduction"
        if _NOTE_START.match(line):
            note = prefix_number(line)
            if note == split_note:
                cut = line.index(" ", len(line) // 2)  # the page broke at a space mid-note
                blocks.append(Block(start, start + cut, "footnote", "test: note", line[:cut], note=note))
                blocks.append(Block(start + cut + 1, start + len(line), "footnote", "footnote_continued", line[cut + 1 :]))
            else:
                blocks.append(Block(start, start + len(line), "footnote", "test: note", line, note=note))
        elif started and line.strip() and not line.startswith(_HEADINGS):
            body.append(line)
            blocks.append(Block(start, start + len(line), "body", "test: paragraph", line))
    return Doc(doc_id="seed000", source_path=str(SEED), format="txt", page=page, blocks=blocks, text="\n\n".join(body))


@pytest.fixture(scope="module")
def seed() -> tuple[Doc, dict[int, object], list[str]]:
    doc = seed_doc()
    citations, flags = extract_citations(doc)
    return doc, {c.note: c for c in citations}, flags


def test_all_43_notes_in_order(seed) -> None:
    _, notes, _ = seed
    assert list(notes) == list(range(1, 44))
    assert notes[14].raw.startswith('"Security Council Imposes')  # `^{14 &}quot;` prefix undone
    assert "*" not in notes[2].raw and notes[2].raw.endswith("https://bit.ly/48vkPel.")


def test_full_references_fields(seed) -> None:
    _, notes, _ = seed
    one = notes[1]
    assert (one.authors, one.container, one.date, one.url) == (["John P Ruehl"], "Asia Times", "2022-10-08", "https://bit.ly/3tiy4if")
    assert one.title == "Iranian, Turkish moves to join SCO raise its profile"
    assert notes[2].authors == ["Aslı Aydıntaşbaş"] and notes[2].container == "European Council on Foreign Relations"
    three = notes[3]
    assert (three.container, three.volume, three.issue, three.date) == ("Eurasia Daily Monitor", "20", "112", "2023-07-12")
    assert notes[10].authors == ["Mehdi Sanaei", "Fatemeh Atri Sangari"] and notes[10].pages == "57-58"
    assert (notes[25].volume, notes[25].issue, notes[25].pages, notes[25].date) == ("21", "3", "141-144", "2019")
    assert notes[14].authors == [] and notes[14].container == "United Nations" and notes[14].date == "2010-06-09"
    assert notes[16].pages == "1049" and notes[16].container == "Third World Quarterly"
    assert notes[41].publisher == "Simon & Schuster" and notes[41].date == "1996"
    assert notes[43].url == "https://rb.gy/ca9wk" and notes[43].container == "The Cradle"
    assert (notes[4].container, notes[4].pages, notes[4].volume) == ("Middle East Policy", "38", None)
    assert notes[39].title == "Iran Says It Opposes 'Geopolitical Changes' in Caucasus"
    assert (notes[33].volume, notes[33].issue) == ("3", "LIV")


def test_op_cit_refers_to_the_named_author() -> None:
    lines = [
        "1 Shireen T. Hunter, Iran's Foreign Policy in the Post-Soviet Era (Santa Barbara: Praeger, 2010), p. 12.",
        '2 Umud Shokri, "Iran and the Shanghai Cooperation Organization," Carnegie Endowment, November 16, 2022.',
        "3 Hunter, op. cit., p. 45.",
        "4 Op. cit.",
    ]
    blocks, at = [], 0
    for line in lines:
        blocks.append(Block(at, at + len(line), "footnote", "test: note", line, note=prefix_number(line)))
        at += len(line) + 1
    doc = Doc(doc_id="t", source_path="t", format="txt", page="\n".join(lines), blocks=blocks, text="A claim.1 More.2 Again.3")
    citations, flags = extract_citations(doc)
    assert [c.refers_to for c in citations] == [None, None, 1, 2]
    assert citations[2].pages == "45" and citations[0].date == "2010"
    assert [c.marker_offsets for c in citations] == [[8], [15], [23], []] and flags == ["footnote_without_marker"]


def test_ibid_and_short_forms_resolve(seed) -> None:
    _, notes, _ = seed
    expected = {5: 4, 6: 3, 7: 2, 8: 3, 9: 3, 17: 12, 18: 3, 19: 3, 27: 16, 28: 16, 30: 2, 35: 34, 36: 21}
    assert {n: c.refers_to for n, c in notes.items() if c.refers_to is not None} == expected
    assert notes[5].pages == "39" and notes[28].pages == "1052" and notes[36].pages == "201"
    assert notes[6].authors == ["Kaleji"] and notes[6].title == "Iran's SCO Membership"


def test_every_marker_linked(seed) -> None:
    doc, notes, flags = seed
    linked = {n: c.marker_offsets for n, c in notes.items() if c.marker_offsets}
    without = {1, 2, 3, 4, 5, 10, 11, 12, 14, 36, 38, 39, 40}
    assert set(linked) == set(range(1, 44)) - without
    assert all(len(offsets) == 1 for offsets in linked.values())
    for note, (offset,) in linked.items():
        surface = doc.text[offset : offset + 2]
        assert surface.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")).startswith(str(note))
    superscripts = {m.start() for m in re.finditer(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", doc.text)}
    assert superscripts <= {o for offsets in linked.values() for o in offsets}
    assert "footnote_without_marker" in flags and "multi_work_note" not in flags


def test_numbers_are_not_markers(seed) -> None:
    doc, _, _ = seed
    starts = {start for start, _, _ in find_markers(doc.text)}
    for surface in ("9/11", "TB-2", "Ababil-2", "23rd", "4 July 2023", "Article 10", "2015 nuclear", "90 civilian"):
        at = doc.text.index(surface)
        assert not any(at <= s < at + len(surface) for s in starts), surface


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("reached consensus.7 On the other hand", [7]),
        ("drills since 2014.8 Further, the", []),  # a year's period alone is too weak without context
        ("the mines¹⁰ and the roads^{11} and [12] too", [10, 11, 12]),
        ('called it "rogue NATO."4 Later', [4]),
        ("grew 3.5 Percent in 2017. As of 4 July, see p.5 and 10⁶ and 20 km² area", []),
        ("Bayraktar TB-2 drones and 9/11, Ababil-2, G20 and WTDC-25.", []),
    ],
)
def test_find_markers_forms(text: str, expected: list[int]) -> None:
    assert [note for _, _, note in find_markers(text)] == expected


def test_weak_markers_follow_the_numbering() -> None:
    text = "One sentence.5 Then since 2014.6 Another thing. 7 More text here.8 End. 30 People came."
    assert [n for _, _, n in find_markers(text)] == [5, 6, 7, 8]
    assert [n for _, _, n in find_markers(text, notes={5, 6, 8})] == [5, 6, 8]


def test_continued_note_is_joined() -> None:
    whole = {c.note: c for c in extract_citations(seed_doc())[0]}
    split = {c.note: c for c in extract_citations(seed_doc(split_note=33))[0]}
    assert list(split) == list(whole)
    assert split[33].raw == whole[33].raw and split[33].container == "UN Chronicle"
    assert split[33].url == "https://bit.ly/45j02ro"


def test_several_works_in_one_note_keep_first() -> None:
    raw = ('Umud Shokri, "Iran and the Shanghai Cooperation Organization," Carnegie Endowment, November 16, 2022; '
           'Kali Robinson, "Turkey\'s Growing Foreign Policy Ambitions," Council on Foreign Relations, July 11, 2023.')
    assert len(split_works(raw)) == 2
    assert split_works("Middle East Policy, Vol. 30; pp. 57-58 (2023).") == ["Middle East Policy, Vol. 30; pp. 57-58 (2023)."]


def test_names_split() -> None:
    assert split_names("Romero, C., Paunesku, D., & Dweck, C.") == ["Romero, C.", "Paunesku, D.", "Dweck, C."]
    assert split_names("Lakoff, George, and Mark Johnson.") == ["Lakoff, George", "Mark Johnson"]
    assert split_names("Aslı Aydıntaşbaş et al.,") == ["Aslı Aydıntaşbaş"]


def test_parse_reference_academic_and_ibid() -> None:
    fields = parse_reference("Huffman, D. A. (1952). A method for the construction of minimum redundancy codes. "
                             "Proceedings of the Institute of Radio Engineers 40, 1098–1101.")
    assert fields["date"] == "1952" and fields["pages"] == "1098-1101" and fields["volume"] == "40"
    assert fields["author"] == ["Huffman, D. A."]
    assert parse_reference("Ibid., p. 4.")["pages"] == "4"


def test_refs_command_keeps_order_and_ids() -> None:
    lines = [{"id": "b", "raw": "Ibid."}, {"id": 7, "raw": 'Kali Robinson, "Turkey\'s Growing Foreign Policy Ambitions," '
              "Council on Foreign Relations, July 11, 2023, https://rb.gy/kk70j."}]
    out = io.StringIO()
    assert refs_main(io.StringIO("\n".join(json.dumps(x) for x in lines)), out) == 0
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["b", 7]
    assert rows[1]["fields"]["url"] == "https://rb.gy/kk70j" and rows[1]["fields"]["date"] == "2023-07-11"
    assert refs_main(io.StringIO("not json\n"), io.StringIO()) == 2


def test_model_is_shipped_and_small() -> None:
    assert MODEL_PATH.is_file() and MODEL_PATH.stat().st_size < 2_000_000


def test_markers_need_a_note_to_point_at() -> None:
    doc = seed_doc()
    assert find_markers(doc.text, notes=set()) == []  # no notes: nothing is a marker, however it looks
    known = {n for _, _, n in find_markers(doc.text)}
    assert len(known) > 10 and find_markers(doc.text, notes=known) == find_markers(doc.text)
