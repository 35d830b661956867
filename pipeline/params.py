"""params.yaml sections as frozen, validated dataclasses: checked once, at load, with the key named."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import FatalError


@dataclass(frozen=True)
class RunParams:
    jobs: int = 1  # worker processes; outputs are identical for any value
    batch_size: int = 64  # documents per batch and per Parquet part file: bounds memory
    engine: str = "local"  # "local" (process pool) or "dask"
    dask_address: str = ""  # scheduler address; empty means a LocalCluster


@dataclass(frozen=True)
class IngestParams:
    input_dir: str = "seeds"
    extensions: tuple[str, ...] = (".txt", ".html", ".htm", ".pdf")
    max_bytes: int = 20_000_000  # larger files are recorded as errors, not read
    max_pages: int = 500  # PDF page limit: a PDF bomb stops here
    max_seconds: float = 60.0  # time per document before it becomes an errors row
    min_text_chars: int = 1  # a PDF with less text than this has no text layer


@dataclass(frozen=True)
class CleanParams:
    enabled_fixes: tuple[str, ...] = ()  # empty = all fixes on
    max_passes: int = 4  # a repaired line is re-run until stable (idempotence); bound for safety
    marker_max_digits: int = 3  # "^{14}" -> "¹⁴" only for note numbers up to 999, not math
    markdown_escape_chars: str = "`*_[]#<>|~"  # chars an HTML-to-Markdown converter backslash-escapes
    emphasis_underscore: bool = True  # also strip _x_ / __x__ (converters write both * and _)


@dataclass(frozen=True)
class SegmentParams:
    min_body_chars: int = 0
    soft_hint_weight: float = 0.5  # link lines in HTML chrome containers move this far towards chrome; confident prose holds
    site_min_shared: int = 3  # distinct lines two pages must share to count as one site template


@dataclass(frozen=True)
class ExtractParams:
    numbers: bool = True
    citations: bool = True
    cite_marker_max_gap: int = 10  # a weak marker (`purpose. 6 In`) may skip at most this many notes
    cite_short_title_overlap: float = 0.75  # share of a short title's words the full title must hold
    cite_short_form_chars: int = 120  # a note this short with no date/url/outlet may be a short form


@dataclass(frozen=True)
class PublishParams:
    float_digits: int = 6  # floats are rounded so bytes do not depend on arithmetic order


@dataclass(frozen=True)
class ValidateParams:
    fail_on_error: bool = True  # false: error-level failures are reported but the stage still exits 0
    examples: int = 10  # failing values named per expectation: enough to find them, short enough to read
    min_line_chars: int = 20  # shorter chrome/footnote lines ("Share", "1") may recur in a body legitimately
    year_min: int = 1000  # years outside [year_min, year_max] are misreads (ids, page counts), not dates
    year_max: int = 2100
    doc_min_words: int = 50  # a shorter body usually means segmentation dropped the article (warning)
    title_min_share: float = 0.8  # most articles state a title; fewer found means the title step broke (warning)
    percent_max: float = 1000.0  # larger percentages are usually two numbers read as one (warning)
    max_note: int = 999  # note numbers beyond clean.marker_max_digits are misread markers
    doc_notes_linked_min: float = 0.5  # a document whose notes mostly lack in-text markers lost them (warning)
    corpus_chrome_share_min: float = 0.0  # share of page characters labelled chrome, corpus-wide
    corpus_chrome_share_max: float = 0.6  # more means body text is thrown away (seeds 0.12, web pages 0.28)
    corpus_median_words_min: int = 200  # median body length per document, in words (seeds 1098)
    corpus_median_words_max: int = 20000
    corpus_numbers_per_kwords_min: float = 3.0  # policy texts always carry dates and figures (seeds 12.9)
    corpus_numbers_per_kwords_max: float = 60.0  # more means chrome digits or ids leak into numbers
    corpus_notes_linked_min: float = 0.4  # share of notes with an in-text marker linked (seeds 0.67)
    corpus_error_share_max: float = 0.5  # share of inputs that ended in errors.parquet
    # A corpus of at most whole_docs documents is checked in one GX pass per suite (fastest: each GX
    # validation has a fixed cost); a larger one docs_per_part at a time, so memory stays flat.
    whole_docs: int = 1000
    docs_per_part: int = 500


@dataclass(frozen=True)
class Params:
    run: RunParams = field(default_factory=RunParams)
    ingest: IngestParams = field(default_factory=IngestParams)
    clean: CleanParams = field(default_factory=CleanParams)
    segment: SegmentParams = field(default_factory=SegmentParams)
    extract: ExtractParams = field(default_factory=ExtractParams)
    publish: PublishParams = field(default_factory=PublishParams)
    validate: ValidateParams = field(default_factory=ValidateParams)


def _coerce(value: Any, kind: Any, key: str) -> Any:
    origin = typing.get_origin(kind)
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise FatalError(f"params.yaml: {key} must be a list, got {value!r}")
        inner = typing.get_args(kind)[0]
        return tuple(_coerce(v, inner, key) for v in value)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        kind = next(a for a in typing.get_args(kind) if a is not type(None))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind in (int, float, str, bool) and not (isinstance(value, kind) and not (kind is int and isinstance(value, bool))):
        raise FatalError(f"params.yaml: {key} must be {kind.__name__}, got {value!r}")
    return value


def _section(cls: type, raw: dict[str, Any], name: str) -> Any:
    if not isinstance(raw, dict):
        raise FatalError(f"params.yaml: section {name} must be a mapping")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    for key in raw:
        if key not in known:
            raise FatalError(f"params.yaml: unknown param {name}.{key} (known: {', '.join(sorted(known))})")
    values = {k: _coerce(v, hints[k], f"{name}.{k}") for k, v in raw.items()}
    return cls(**values)


def parse(raw: dict[str, Any]) -> Params:
    hints = typing.get_type_hints(Params)
    known = set(hints)
    for key in raw:
        if key not in known:
            raise FatalError(f"params.yaml: unknown section {key} (known: {', '.join(sorted(known))})")
    return Params(**{name: _section(hints[name], raw.get(name) or {}, name) for name in known})


def load(path: str | Path = "params.yaml") -> Params:
    path = Path(path)
    if not path.is_file():
        raise FatalError(f"params file not found: {path}")
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
