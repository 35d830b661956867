"""Read the published datasets back into `Doc`s, and find one document by doc_id, source path or file."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.doc import Block, Citation, Doc, Number, doc_id_of
from pipeline.errors import FatalError

_DOC_FIELDS = {f.name for f in dataclasses.fields(Doc)}


def dataset(outputs: Path, name: str) -> Path:
    """A dataset is `<name>.parquet`, a file or a folder of part files (CONTRACT.md)."""
    return outputs / f"{name}.parquet"


def _read_file(path: Path, table_schema: pa.Schema, columns: list[str] | None) -> pa.Table | None:
    """One Parquet file already in the contract schema, or None (the caller then lets read_table cast it).

    ParquetFile, not read_table: read_table imports pyarrow.dataset (~1 s) that one file does not need.
    """
    names = columns or table_schema.names
    parquet = pq.ParquetFile(path)
    if not set(names) <= set(parquet.schema_arrow.names):
        return None
    table = parquet.read(columns=names).select(names)
    return table if table.schema.equals(pa.schema([table_schema.field(n) for n in names])) else None


def read(outputs: Path, name: str, filters: list | None = None, columns: list[str] | None = None) -> pa.Table:
    """One dataset with its contract schema; a missing optional dataset reads as empty, a missing documents fails."""
    path = dataset(outputs, name)
    table_schema = schema.DATASETS[name]
    if not path.exists():
        if name == "documents":
            raise FatalError(f"{path} not found: run `python -m pipeline run --out {outputs}` first")
        table = table_schema.empty_table()
        return table.select(columns) if columns else table
    try:
        table = _read_file(path, table_schema, columns) if path.is_file() and filters is None else None
        return table if table is not None else pq.read_table(path, schema=table_schema, filters=filters, columns=columns)
    except (pa.ArrowInvalid, OSError) as exc:
        raise FatalError(f"{path}: cannot read ({exc})".splitlines()[0]) from exc


def rebuild_page(blocks: list[Block]) -> str:
    """The cleaned page from its blocks: blocks cover every line, so only the "\\n" between them is missing."""
    # pieces, not one growing string: re-slicing the page per block was quadratic in long documents
    pieces: list[str] = []
    length = 0
    for block in sorted(blocks, key=lambda b: b.start):
        if block.start < length:  # overlapping blocks (a contract breach): the later one wins from its start
            page = "".join(pieces)[: block.start]
            pieces, length = [page], len(page)
        pieces.append("\n" * (block.start - length))
        pieces.append(block.text)
        length = block.start + len(block.text)
    return "".join(pieces)


def doc_from_rows(row: dict, blocks: list[dict], citations: list[dict], numbers: list[dict]) -> Doc:
    # only Doc's own fields: columns added to documents later (CONTRACT.md allows it) are skipped
    row = {k: v for k, v in row.items() if k in _DOC_FIELDS and k not in ("blocks", "citations", "numbers")}
    row["fixes"] = dict(row.get("fixes") or [])
    doc_blocks = [Block(start=b["start"], end=b["end"], label=b["label"], reason=b["reason"], text=b["text"], note=b["note"]) for b in sorted(blocks, key=lambda b: b["block"])]
    doc = Doc(**row, blocks=doc_blocks)
    doc.page = rebuild_page(doc_blocks)
    doc.citations = [Citation(**{k: v for k, v in c.items() if k != "doc_id"}) for c in citations]
    doc.numbers = [Number(**{k: v for k, v in n.items() if k != "doc_id"}) for n in numbers]
    return doc


def _grouped(table: pa.Table) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in table.to_pylist():
        groups[row["doc_id"]].append(row)
    return groups


def load_docs(outputs: Path, filters: list | None = None) -> Iterator[Doc]:
    """Every published document (or those `filters` select) with its blocks, citations and numbers.

    The child datasets are read whole and grouped by doc_id: fine for thousands of documents; a
    corpus too large for memory would read them per row group instead.
    """
    documents = read(outputs, "documents", filters=filters).to_pylist()
    if not documents:
        return
    ids = [d["doc_id"] for d in documents]
    child_filter = [("doc_id", "in", ids)] if filters else None
    blocks, citations, numbers = (_grouped(read(outputs, n, filters=child_filter)) for n in ("blocks", "citations", "numbers"))
    for row in documents:
        key = row["doc_id"]
        yield doc_from_rows(row, blocks.get(key, []), citations.get(key, []), numbers.get(key, []))


def _failed(outputs: Path, source: str) -> str | None:
    rows = read(outputs, "errors", filters=[("source_path", "==", source)]).to_pylist()
    return f"{source} failed at stage {rows[0]['stage']}: {rows[0]['error']}" if rows else None


def find_doc(outputs: Path, key: str) -> Doc | None:
    """The published document `key` names: a doc_id (or a unique prefix of one), a source_path, or an input file.

    Returns None for an existing input file that is not in the outputs (the caller may process it
    now); raises FatalError with a one-line reason otherwise.
    """
    path = Path(key)
    wanted: list[tuple] = [("source_path", "==", key)]
    if path.is_file():
        # doc_id is the hash of the raw bytes: it finds the file even after a move or a rename
        wanted = [("doc_id", "==", doc_id_of(path.read_bytes())), *wanted]
        if path.resolve().is_relative_to(Path.cwd()):
            wanted.append(("source_path", "==", path.resolve().relative_to(Path.cwd()).as_posix()))
    elif len(key) == 16:
        wanted.insert(0, ("doc_id", "==", key))
    looks_like_path = "/" in key or path.suffix.lower() in (".txt", ".html", ".htm", ".pdf")
    if not dataset(outputs, "documents").exists():
        if path.is_file():
            return None
        if looks_like_path:
            raise FatalError(f"no such file: {key}")
        read(outputs, "documents")  # raises the "run the pipeline first" error
    for column, op, value in wanted:
        found = list(load_docs(outputs, filters=[(column, op, value)]))
        if found:
            return found[0]
    for column, _, value in wanted:
        failure = _failed(outputs, value) if column == "source_path" else None
        if failure:
            raise FatalError(failure)
    if path.is_file():
        return None
    ids = read(outputs, "documents", columns=["doc_id", "source_path"]).to_pylist()
    matches = [r["doc_id"] for r in ids if len(key) >= 4 and (r["doc_id"].startswith(key) or r["source_path"].endswith("/" + key))]
    if len(matches) == 1:
        return next(load_docs(outputs, filters=[("doc_id", "==", matches[0])]))
    if len(matches) > 1:
        raise FatalError(f"{key!r} matches {len(matches)} documents ({', '.join(sorted(matches)[:5])}...): give more of the doc_id")
    what = "no such file" if looks_like_path else "unknown doc_id"
    raise FatalError(f"{what}: {key!r} (not an input file, nor a doc_id or source_path in {dataset(outputs, 'documents')})")
