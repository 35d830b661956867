"""Corpus-level figures for the report's front page: counts from the datasets, rates from the JSON files."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow.compute as pc
import yaml

from pipeline.doc import LABELS
from pipeline.io import numbers_of
from pipeline.report.data import read
from pipeline.report.published import codes, column_batches

# Words that mark a validation figure inside metrics.json, whatever nesting the validate stage picks.
VALIDATION_WORDS = ("validation", "pass_rate", "success")
SETTINGS = frozenset({"config", "params", "settings"})


@dataclass
class Summary:
    documents: int = 0
    words: int = 0
    formats: list[tuple[str, int]] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    blocks_by_label: list[tuple[str, int]] = field(default_factory=list)
    citations: int = 0
    citations_with_markers: int = 0
    numbers_by_kind: list[tuple[str, int]] = field(default_factory=list)
    flags: list[tuple[str, int]] = field(default_factory=list)
    validation: list[tuple[str, float]] = field(default_factory=list)  # pass rates in 0..1
    failed_checks: list[tuple[str, float]] = field(default_factory=list)  # suite.level -> failed checks, non-zero only
    corpus: list[tuple[str, float]] = field(default_factory=list)  # metrics.json's corpus-level figures
    data_docs: bool = False  # validate's Data Docs exist next to the report
    quality: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # area -> scores in 0..1
    quality_counts: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # area -> other figures
    floors: dict[str, dict[str, float]] = field(default_factory=dict)  # area -> pinned floors (bench/floors.yaml)

    @property
    def blocks(self) -> int:
        return sum(n for _, n in self.blocks_by_label)

    @property
    def numbers(self) -> int:
        return sum(n for _, n in self.numbers_by_kind)


def flatten(value: object, prefix: str = "") -> Iterator[tuple[str, float, bool]]:
    """(dotted key, number, is_float) for every numeric leaf of a JSON document; booleans are not figures."""
    if isinstance(value, dict):
        for key in sorted(value):
            yield from flatten(value[key], f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield prefix, float(value), isinstance(value, float)


def _json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a missing or half-written figure file must not stop the report; the section says "none"


def validation_rates(metrics: object) -> list[tuple[str, float]]:
    rates = []
    for key, value, _ in flatten(metrics):
        if not any(word in key.lower() for word in VALIDATION_WORDS):
            continue
        if "percent" in key.lower() and 0 <= value <= 100:
            value /= 100  # GX reports success_percent on 0-100
        if 0 <= value <= 1:
            rates.append((key.removeprefix("validation."), value))
    return rates


def quality_scores(folder: Path) -> tuple[dict[str, list[tuple[str, float]]], dict[str, list[tuple[str, float]]]]:
    """Per area (`outputs/quality/<area>.json`): float leaves in 0..1 are scores, the rest are sizes and counts."""
    scores: dict[str, list[tuple[str, float]]] = {}
    counts: dict[str, list[tuple[str, float]]] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        # settings recorded next to the scores (c1 = 0.05, a seed) are not scores
        leaves = [leaf for leaf in flatten(_json(path)) if not SETTINGS.intersection(leaf[0].split("."))]
        scores[path.stem] = [(k, v) for k, v, is_float in leaves if is_float and 0 <= v <= 1]
        counts[path.stem] = [(k, v) for k, v, is_float in leaves if not (is_float and 0 <= v <= 1)]
    return scores, counts


def pinned_floors(path: Path) -> dict[str, dict[str, float]]:
    """bench/floors.yaml as area -> {dotted metric: floor}, keyed like the flattened quality scores."""
    try:
        floors = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}  # no floors file (an installed package, another folder): charts simply have no ticks
    return {area: {k: v for k, v, _ in flatten(section)} for area, section in floors.items() if isinstance(section, dict)}


def _value_counts(outputs: Path, name: str, column: str) -> Counter[str]:
    """How often each value of a column occurs, batch by batch, counted on Arrow's dictionary codes: a
    Python string per row, or the whole column, cost memory in proportion to the corpus (1.6 million
    block labels at 10,000 documents)."""
    found: Counter[str] = Counter()
    for batch in column_batches(outputs, name, column):
        values, at = codes(batch)
        found.update(dict(zip(values, np.bincount(at, minlength=len(values)).tolist())))
    return found


def _marked(outputs: Path) -> tuple[int, int]:
    """Citations, and those with at least one marker (marker_offsets is never null), batch by batch;
    numpy on the buffer: a Python scalar in pc.greater imports pandas."""
    rows = marked = 0
    for batch in column_batches(outputs, "citations", "marker_offsets"):
        rows += len(batch)
        marked += int(np.count_nonzero(numbers_of(pc.list_value_length(batch))))
    return rows, marked


def summarise(outputs: Path, floors: Path = Path("bench/floors.yaml")) -> Summary:
    documents = read(outputs, "documents", columns=["format", "words", "flags"]).to_pydict()
    labels = _value_counts(outputs, "blocks", "label")
    kinds = _value_counts(outputs, "numbers", "kind")
    citations, with_markers = _marked(outputs)
    flags = Counter(f for row in documents["flags"] for f in row)
    ordered = [label for label in LABELS if labels[label]] + sorted(set(labels) - set(LABELS))
    scores, counts = quality_scores(outputs / "quality")
    metrics = _json(outputs / "metrics.json")
    return Summary(
        documents=len(documents["format"]),
        words=sum(documents["words"]),
        formats=sorted(Counter(documents["format"]).items()),
        errors=sorted(read(outputs, "errors").to_pylist(), key=lambda r: (r["source_path"], r["stage"])),
        blocks_by_label=[(label, labels[label]) for label in ordered],
        citations=citations,
        citations_with_markers=with_markers,
        numbers_by_kind=sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])),
        flags=sorted(flags.items(), key=lambda kv: (-kv[1], kv[0])),
        validation=validation_rates(metrics),
        failed_checks=[(k.removeprefix("checks_failed."), v) for k, v, _ in flatten(metrics) if k.startswith("checks_failed.") and v],
        corpus=[(k.removeprefix("corpus."), v) for k, v, _ in flatten(metrics) if k.startswith("corpus.")],
        data_docs=(outputs / "validation" / "index.html").is_file(),
        quality=scores,
        quality_counts=counts,
        floors=pinned_floors(floors),
    )
