"""CONTRACT.md in code: the explicit Arrow schema of every dataset, and of the interim `Doc` rows."""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

STR = pa.string()
I32 = pa.int32()
F64 = pa.float64()

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", STR, nullable=False),
        pa.field("source_path", STR, nullable=False),
        pa.field("format", STR, nullable=False),
        pa.field("encoding", STR, nullable=False),
        pa.field("title", STR),
        pa.field("authors", pa.list_(STR), nullable=False),
        pa.field("published", STR),
        pa.field("site", STR),
        pa.field("language", STR, nullable=False),
        pa.field("text", STR, nullable=False),
        pa.field("flags", pa.list_(STR), nullable=False),
        pa.field("fixes", pa.map_(STR, I32), nullable=False),
        pa.field("pages", I32),
        pa.field("chars", I32, nullable=False),
        pa.field("words", I32, nullable=False),
    ]
)

BLOCKS = pa.schema(
    [
        pa.field("doc_id", STR, nullable=False),
        pa.field("block", I32, nullable=False),
        pa.field("text", STR, nullable=False),
        pa.field("label", STR, nullable=False),
        pa.field("reason", STR, nullable=False),
        pa.field("start", I32, nullable=False),  # offsets into the cleaned page, not documents.text
        pa.field("end", I32, nullable=False),
        pa.field("note", I32),
    ]
)

CITATIONS = pa.schema(
    [
        pa.field("doc_id", STR, nullable=False),
        pa.field("note", I32, nullable=False),
        pa.field("raw", STR, nullable=False),
        pa.field("authors", pa.list_(STR), nullable=False),
        pa.field("title", STR),
        pa.field("container", STR),
        pa.field("publisher", STR),
        pa.field("date", STR),
        pa.field("volume", STR),
        pa.field("issue", STR),
        pa.field("pages", STR),
        pa.field("url", STR),
        pa.field("refers_to", I32),
        pa.field("marker_offsets", pa.list_(I32), nullable=False),
    ]
)

NUMBERS = pa.schema(
    [
        pa.field("doc_id", STR, nullable=False),
        pa.field("start", I32, nullable=False),
        pa.field("end", I32, nullable=False),
        pa.field("surface", STR, nullable=False),
        pa.field("kind", STR, nullable=False),
        pa.field("value", F64),
        pa.field("value_high", F64),
        pa.field("unit", STR),
        pa.field("date", STR),
        pa.field("qualifier", STR),
        pa.field("sentence", STR, nullable=False),
    ]
)

ERRORS = pa.schema(
    [
        pa.field("source_path", STR, nullable=False),
        pa.field("stage", STR, nullable=False),
        pa.field("error", STR, nullable=False),
    ]
)

DATASETS = {"documents": DOCUMENTS, "blocks": BLOCKS, "citations": CITATIONS, "numbers": NUMBERS, "errors": ERRORS}

# Interim rows: a whole `Doc` per row, so any stage can be added between two others.
_HINT = pa.struct([("line", I32), ("label", STR), ("reason", STR), ("note", I32)])
_BLOCK = pa.struct([(f.name, f.type) for f in BLOCKS if f.name not in ("doc_id", "block")])
_CITATION = pa.struct([(f.name, f.type) for f in CITATIONS if f.name != "doc_id"])
_NUMBER = pa.struct([(f.name, f.type) for f in NUMBERS if f.name != "doc_id"])

DOC = pa.schema(
    [
        pa.field("doc_id", STR),
        pa.field("source_path", STR),
        pa.field("format", STR),
        pa.field("encoding", STR),
        pa.field("raw", STR),
        pa.field("page", STR),
        pa.field("hints", pa.list_(_HINT)),
        pa.field("fixes", pa.map_(STR, I32)),
        pa.field("flags", pa.list_(STR)),
        pa.field("pages", I32),
        pa.field("blocks", pa.list_(_BLOCK)),
        pa.field("text", STR),
        pa.field("title", STR),
        pa.field("authors", pa.list_(STR)),
        pa.field("published", STR),
        pa.field("site", STR),
        pa.field("language", STR),
        pa.field("citations", pa.list_(_CITATION)),
        pa.field("numbers", pa.list_(_NUMBER)),
        pa.field("error", STR),
        pa.field("error_stage", STR),
        pa.field("key", STR),
    ]
)


def doc_fields(names: Iterable[str]) -> pa.Schema:
    """The interim Doc schema of some fields, in the order given (workers send and read only these)."""
    return pa.schema([DOC.field(name) for name in names])
