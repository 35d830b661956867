"""ingest: list the input folder, read bytes, decode or lay out, give each file one Doc."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

from pipeline.doc import Doc, doc_id_of
from pipeline.errors import DocError, FatalError
from pipeline.ingest.declared import declared
from pipeline.ingest.decode import decode, normalise_newlines
from pipeline.ingest.html import render_html
from pipeline.io import list_inputs
from pipeline.params import IngestParams, Params

NAME = "ingest"
CODE = ("stages/ingest.py", "ingest", "pdf", "segment/dates.py")  # package files this stage runs besides cache.SHARED_CODE; dvc.yaml deps match
INPUT = None
# the Doc fields `process` reads and sets: workers get and give back only these (mapper.fields)
READS = ("source_path", "format", "flags")
WRITES = ("doc_id", "encoding", "raw", "hints", "pages", "flags", "title", "authors", "published", "site")
FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def source_path(path: Path, input_dir: Path) -> str:
    """Path relative to the working directory (the repo root), else `<input folder>/<relative path>`."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return (Path(input_dir.name) / absolute.relative_to(input_dir.absolute())).as_posix()


def source_paths(paths: list[Path], input_dir: Path) -> list[str]:
    """`source_path` of each of `paths`, files under `input_dir`: the folder's part is worked out once
    (pathlib calls per file cost a second per 10,000 inputs, on every run)."""
    absolute = input_dir.absolute()
    try:
        prefix = absolute.relative_to(Path.cwd())
    except ValueError:
        prefix = Path(input_dir.name)
    head = "" if prefix == Path() else f"{prefix.as_posix()}/"
    return [head + p.relative_to(input_dir).as_posix() for p in paths]


@functools.lru_cache(maxsize=4)
def inputs(params: IngestParams) -> dict[str, str]:
    """{source_path: path on disk} of every input, in sorted path order; listed once per run."""
    folder = Path(params.input_dir)
    if not folder.is_dir():
        raise FatalError(f"params.yaml: ingest.input_dir {folder} is not a folder")
    paths = list_inputs(folder, params.extensions)
    return dict(zip(source_paths(paths, folder), map(str, paths)))


def unread(name: str) -> Doc:
    """The Doc of an input before ingest reads it: its source_path and, from the suffix, its format."""
    return Doc(doc_id="", source_path=name, format=FORMATS.get(Path(name).suffix.lower(), "txt"))


def source(params: Params) -> Callable[[], Iterator[list[Doc]]]:
    """Batches of not-yet-read Docs, one per input file, in sorted path order."""
    names = list(inputs(params.ingest))

    def batches() -> Iterator[list[Doc]]:
        size = params.run.batch_size
        for i in range(0, len(names), size):
            yield [unread(name) for name in names[i : i + size]]

    return batches


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise DocError(f"file is {size} bytes, over the limit ingest.max_bytes={limit}")
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise DocError(f"cannot read file: {exc.strerror or exc}") from exc


def prepare(batches: Callable[[], Iterator[list[Doc]]], params: Params, outputs: Path | None = None) -> dict[str, str]:
    """Where each source_path is on disk (inputs outside the repo have a shortened source_path)."""
    return inputs(params.ingest)


def process(doc: Doc, params: Params, context: dict[str, str]) -> Doc:
    path = Path(context[doc.source_path])
    # a file that cannot even be read still needs a stable id: derive it from its path instead
    doc.doc_id = doc_id_of(doc.source_path.encode("utf-8"))
    data = _read(path, params.ingest.max_bytes)
    doc.doc_id = doc_id_of(data)
    if not data:
        raise DocError("empty file (0 bytes)")
    if doc.format == "pdf":
        from pipeline.pdf import read_pdf  # pdfminer is imported only when a PDF arrives

        result = read_pdf(data, max_pages=params.ingest.max_pages, min_text_chars=params.ingest.min_text_chars)
        doc.encoding = "pdf"
        doc.raw = normalise_newlines(result.text)
        doc.hints = list(result.hints)
        doc.pages = result.pages
        for flag in result.flags:
            doc.flag(flag)
        doc.title, doc.authors, doc.published = result.title, list(result.authors or []), result.published
        return doc
    text, doc.encoding = decode(data)
    text = normalise_newlines(text)
    if doc.format == "html":
        found = declared(text)
        doc.title, doc.authors, doc.published, doc.site = found.title, found.authors, found.published, found.site
        text, doc.hints = render_html(text)
        if not text.strip():
            raise DocError("no visible text in the HTML (only scripts, styles or markup)")
    elif not text.strip():
        raise DocError("no text: the file holds only whitespace")
    doc.raw = text
    return doc


def context_key(doc: Doc, context: dict[str, str]) -> str:
    """The file's content hash, so an unchanged file is not read and parsed again on the next run."""
    path = Path(context[doc.source_path])
    try:
        with path.open("rb") as handle:  # streamed: a huge input must not be held in memory to be keyed
            return f"{doc.source_path}\0{hashlib.file_digest(handle, 'sha256').hexdigest()}"
    except OSError:
        return f"unreadable:{doc.source_path}"
