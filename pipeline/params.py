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


@dataclass(frozen=True)
class SegmentParams:
    min_body_chars: int = 0


@dataclass(frozen=True)
class ExtractParams:
    numbers: bool = True
    citations: bool = True


@dataclass(frozen=True)
class PublishParams:
    float_digits: int = 6  # floats are rounded so bytes do not depend on arithmetic order


@dataclass(frozen=True)
class ValidateParams:
    fail_on_error: bool = True


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
