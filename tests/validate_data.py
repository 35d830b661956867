"""Published datasets built from the real seed texts, for validate's tests (no segmenter needed).

A deliberately plain labelling: a line opening with a note number is a footnote (one note per
line), the first line is the title, lines of 80+ characters are body, other lines are chrome.
The Docs then go through the real publish stage, so the Parquet files carry the real schemas.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.doc import Block, Citation, Doc, Number, doc_id_of
from pipeline.io import PartWriter, doc_to_record, list_inputs
from pipeline.params import Params
from pipeline.runner import interim
from pipeline.schema import DOC
from pipeline.stages import publish
from pipeline.stages.ingest import source_path

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NOTE = re.compile(rf"^\s*(?:([{SUP}]+)|\^\{{(\d+))")
_NUMBER = re.compile(r"(?<![\w{^])\d+(?:,\d{3})*(?:\.\d+)?(?![\w}])")


def _note(line: str) -> int | None:
    m = _NOTE.match(line)
    if not m:
        return None
    digits = m.group(1) or m.group(2)
    return int(digits.translate(str.maketrans(SUP, "0123456789")))


def _label(index: int, line: str, previous: str) -> str:
    if not line.strip():
        return previous
    if _note(line) is not None:
        return "footnote"
    return "title" if index == 0 else "body" if len(line) >= 80 else "chrome"


def blocks_of(page: str) -> list[Block]:
    blocks: list[Block] = []
    offset, previous = 0, "chrome"
    for index, line in enumerate(page.split("\n")):
        label, note = _label(index, line, previous), _note(line)
        if blocks and label == blocks[-1].label and note is None:
            blocks[-1].end = offset + len(line)
        else:
            blocks.append(Block(offset, offset + len(line), label, f"test:{label}", "", note))
        offset += len(line) + 1
        previous = label
    for b in blocks:
        b.text = page[b.start : b.end]
    return blocks


def doc_of(path: Path, folder: Path) -> Doc:
    data = path.read_bytes()
    page = data.decode("utf-8").replace("\r\n", "\n")
    doc = Doc(doc_id=doc_id_of(data), source_path=source_path(path, folder), format="txt", encoding="utf-8", raw=page, page=page)
    doc.blocks = blocks_of(page)
    doc.text = "\n\n".join(s for b in doc.blocks if b.label == "body" for s in (ln.strip() for ln in b.text.split("\n")) if s)
    doc.title = next(b.text.strip() for b in doc.blocks if b.label == "title") if doc.blocks[0].label == "title" else None
    doc.language = "en"
    for b in doc.blocks:
        if b.note is not None:
            marker = str(b.note).translate(str.maketrans("0123456789", SUP))
            offsets = [m.start() for m in re.finditer(rf"(?<=\S){marker}(?![{SUP}])", doc.text) if doc.text[m.start() - 1] not in SUP]
            doc.citations.append(Citation(note=b.note, raw=b.text.strip(), marker_offsets=offsets))
    for m in _NUMBER.finditer(doc.text):
        value = float(m.group().replace(",", ""))
        year = re.fullmatch(r"(19|20)\d\d", m.group()) is not None
        sentence = doc.text[doc.text.rfind("\n", 0, m.start()) + 1 : (doc.text.find("\n", m.end()) + 1 or len(doc.text) + 1) - 1]
        doc.numbers.append(Number(m.start(), m.end(), m.group(), "year" if year else "cardinal", value, date=m.group() if year else None, sentence=sentence))
    return doc


def build(folder: Path, outputs: Path, params: Params) -> None:
    """Docs for every input of `folder`, through the real publish stage into `outputs`."""
    docs = [doc_of(p, folder) for p in list_inputs(folder, params.ingest.extensions)]
    writer = PartWriter(interim(outputs, "extract"), DOC)
    writer.write([doc_to_record(d) for d in docs])
    publish.run(params, outputs)
