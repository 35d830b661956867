"""Runs one stage: stream the previous stage's Docs in batches, apply `process` per Doc, write parts.

A stage module has NAME, INPUT, `process(doc, params, context) -> Doc` and optionally
`prepare(source, params, outputs) -> context` for a corpus-level pre-pass (`source()`: the input
batches with the fields the stage declares; `source(fields, only)`: other fields, of some batches). A Doc that already failed passes
through untouched; a Doc that fails here gets `error`/`error_stage` and flows on to publish.
How the Docs of a batch are mapped (in-process, a process pool, Dask) is pipeline/mapper.py.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import cache, progress, schema
from pipeline.doc import Doc
from pipeline.errors import FatalError
from pipeline.io import FIELDS, PartWriter, Source, doc_from_record, doc_to_record, read_docs, read_part
from pipeline.mapper import Mapper, fields, indices, stage_module
from pipeline.params import Params

MAP_STAGES = ("ingest", "clean", "segment", "extract")


def interim(outputs: Path, name: str) -> Path:
    return outputs / "interim" / name


def prepare_fields(module: ModuleType) -> list[str]:
    """What a stage's corpus pre-pass reads of each Doc: its `PREPARE_READS` (segment's site pass
    reads a page's name and key only, the text of changed pages only: building whole Docs for it cost
    seconds per 10,000 documents), else the fields `process` sees; and whether the Doc failed upstream."""
    wanted = getattr(module, "PREPARE_READS", None) or fields(module)[0]
    return [f for f in FIELDS if f in wanted or f == "error"]


def _prepare_source(src: Path, declared: list[str]) -> Source:
    def source(wanted: list[str] | None = None, only: set[int] | None = None) -> Iterator[list[Doc]]:
        return read_docs(src, wanted or declared, only)

    return source


def _count(src: Path | None) -> int | None:
    """Documents the stage will see, for the progress bar's end; read from Parquet footers only."""
    if src is None or not progress.wanted():
        return None
    return sum(pq.ParquetFile(p).metadata.num_rows for p in src.glob("part-*.parquet"))


Batch = tuple[pa.Table | None, Path | None, list[str]]  # (rows to map, or a previous part kept whole instead; the rows' keys)
IDENTITY = ["doc_id", "source_path", "format", "key"]  # what a stage's `context_key` may read of a Doc


def _keys(table: pa.Table, salt: str, module: ModuleType, context: Any) -> list[str]:
    """Each row's key at this stage: from its previous key alone, or with the stage's `context_key`."""
    if hasattr(module, "context_key"):
        return [cache.doc_key(doc_from_record(r), salt, module, context) for r in table.select(IDENTITY).to_pylist()]
    return [cache.key_of(k, salt) for k in table.column("key").to_pylist()]


def _batches(source: Callable[[], Iterator[list[Doc]]], src: Path | None, salt: str, module: ModuleType, context: Any, previous: cache.Previous) -> Iterator[Batch]:
    """The input batches as Arrow tables, with their keys. A batch whose keys make up a previous output
    part exactly is not read whole nor mapped: that part is kept instead."""
    if src is None:
        tables: Iterator[pa.Table] = (pa.Table.from_pylist([doc_to_record(d) for d in batch], schema=schema.DOC) for batch in source())
        for table in tables:
            keys = _keys(table, salt, module, context)
            kept = previous.whole_part(keys)
            yield (None, kept, keys) if kept is not None else (table, None, keys)
        return
    for part in sorted(src.glob("part-*.parquet")):
        keys = _keys(read_part(part, IDENTITY), salt, module, context)  # a few small columns: cheap
        kept = previous.whole_part(keys)
        yield (None, kept, keys) if kept is not None else (read_part(part), None, keys)


_END = object()


def _ahead(items: Iterator[Batch]) -> Iterator[Batch]:
    """`items`, the next one read by a thread while the caller works on this one: Parquet reading
    releases the GIL, so it overlaps the stage's work."""
    with ThreadPoolExecutor(1, thread_name_prefix="read") as thread:
        upcoming = thread.submit(next, items, _END)
        while (item := upcoming.result()) is not _END:
            upcoming = thread.submit(next, items, _END)
            yield item


def _keep(part: Path, writer: PartWriter) -> None:
    """A previous part as the writer's next one, same bytes; a link, so that later lookups still find it."""
    target = writer.folder / f"part-{writer.count:05d}.parquet"
    try:
        os.link(part, target)
    except OSError:
        shutil.copyfile(part, target)
    writer.count += 1


class Plan:
    """One input batch: each row's new key, which rows are mapped (`todo`) and which are copied from the
    previous output (`reused`); the others (failed upstream) pass through with their new key only."""

    def __init__(self, table: pa.Table, keys: list[str], previous: cache.Previous) -> None:
        self.table, self.keys = table, keys
        errors = table.column("error").to_pylist()
        self.reused = [i for i, k in enumerate(self.keys) if k in previous]
        self.todo = [i for i, (k, e) in enumerate(zip(self.keys, errors)) if e is None and k not in previous]
        self.old = previous.rows([self.keys[i] for i in self.reused]) if self.reused else None

    def rows(self, sent: tuple[str, ...]) -> pa.Table:
        table = self.table.select(list(sent))
        return table if len(self.todo) == table.num_rows else table.take(indices(self.todo))

    def output(self, new: pa.Table) -> pa.Table:
        """The output part: mapped rows with their returned fields replaced, in input order, every key set.
        Built in Arrow (take/concat): the fields a stage does not touch are never turned into Python."""
        n = self.table.num_rows
        done = self.table if len(self.todo) == n else self.table.take(indices(self.todo))
        for name in new.column_names:
            done = done.set_column(done.schema.get_field_index(name), schema.DOC.field(name), new.column(name))
        if len(self.todo) == n:
            out = done
        else:
            where = list(range(n))
            for j, i in enumerate(self.todo):
                where[i] = n + j
            for j, i in enumerate(self.reused):
                where[i] = n + len(self.todo) + j
            out = pa.concat_tables([self.table, done, *([self.old] if self.old is not None else [])]).take(indices(where))
        return out.set_column(out.schema.get_field_index("key"), schema.DOC.field("key"), pa.array(self.keys, pa.string()))


def run_map_stage(name: str, params: Params, outputs: Path, source: Callable[[], Iterator[list[Doc]]] | None = None) -> dict[str, int]:
    """Run a per-document stage, reusing unchanged Docs from its previous output; returns counts."""
    module = stage_module(name)
    sent, _ = fields(module)
    src = None
    if source is None:
        src = interim(outputs, module.INPUT)
        if not src.is_dir():
            raise FatalError(f"stage {name}: input {src} is missing; run stage {module.INPUT} first")
        source = _prepare_source(src, prepare_fields(module))
    started = time.perf_counter()  # the pre-pass is the stage's work too
    context = module.prepare(source, params, outputs) if hasattr(module, "prepare") else None
    target = interim(outputs, name)
    previous_dir = target.with_name(f"{name}.previous")
    shutil.rmtree(previous_dir, ignore_errors=True)
    if target.is_dir():
        target.rename(previous_dir)
    previous = cache.Previous(previous_dir)
    salt = cache.stage_salt(name, params, module, context)
    writer = PartWriter(target, schema.DOC, background=True)
    gc.freeze()  # what exists now (modules, the context) lives all stage: no GC run walks it, and forked workers never touch its pages
    mapper = Mapper(name, params, context)
    counts = {"documents": 0, "errors": 0, "reused": 0, "kept": 0, "parts": 0}
    try:
        pending: deque[tuple[Plan, Callable[[], pa.Table]]] = deque()

        def finish(plan: Plan, result: Callable[[], pa.Table]) -> None:
            new = result()
            counts["errors"] += new.column("error_stage").to_pylist().count(name)
            counts["documents"] += plan.table.num_rows
            counts["reused"] += len(plan.reused)
            writer.write(plan.output(new))

        batches = _ahead(_batches(source, src, salt, module, context, previous))
        for table, kept, keys in progress.track(batches, name, total=_count(src), size=lambda b: len(b[2])):
            counts["parts"] += 1
            if kept is not None:
                while pending:  # parts are numbered in order: the batches in flight are written first
                    finish(*pending.popleft())
                _keep(kept, writer)
                counts["documents"] += len(keys)
                counts["reused"] += len(keys)
                counts["kept"] += 1
                continue
            plan = Plan(table, keys, previous)
            pending.append((plan, mapper.submit(plan.rows(sent))))
            if len(pending) > 1:  # at most two batches in flight: memory stays bounded
                finish(*pending.popleft())
        while pending:
            finish(*pending.popleft())
        if writer.count == 0:
            writer.write([])
    finally:
        try:
            writer.close()
        finally:
            mapper.close()
            gc.unfreeze()
            shutil.rmtree(previous_dir, ignore_errors=True)
    seconds = time.perf_counter() - started
    kept = f" ({counts['kept']} of {counts['parts']} parts kept as they were)" if counts["kept"] else ""
    print(f"{name}: {counts['documents']} documents ({counts['reused']} unchanged, reused), {counts['errors']} new errors, {seconds:.2f} s{kept}", file=sys.stderr)
    return counts
