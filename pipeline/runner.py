"""Runs one stage: stream the previous stage's Docs in batches, apply `process` per Doc, write parts.

A stage module has NAME, INPUT, `process(doc, params, context) -> Doc` and optionally
`prepare(batches, params) -> context` for a corpus-level pre-pass. A Doc that already failed passes
through untouched; a Doc that fails here gets `error`/`error_stage` and flows on to publish.
"""

from __future__ import annotations

import functools
import importlib
import multiprocessing
import os
import shutil
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow.parquet as pq

from pipeline import cache, progress, schema
from pipeline.doc import Doc
from pipeline.errors import DocError, FatalError
from pipeline.io import PartWriter, doc_from_record, doc_to_record, read_docs, read_part
from pipeline.params import Params

MAP_STAGES = ("ingest", "clean", "segment", "extract")


def interim(outputs: Path, name: str) -> Path:
    return outputs / "interim" / name


def stage_module(name: str) -> ModuleType:
    try:
        return importlib.import_module(f"pipeline.stages.{name}")
    except ModuleNotFoundError as exc:
        raise FatalError(f"unknown stage {name!r}") from exc


class _Timeout(DocError):
    pass


def _on_alarm(seconds: float, signum: int, frame: Any) -> None:
    raise _Timeout(f"took longer than the time limit (ingest.max_seconds={seconds:g})")


def apply(stage: str, params: Params, context: Any, doc: Doc) -> Doc:
    """Run one stage on one Doc, turning its failure into a recorded error instead of a crash."""
    if not doc.ok:
        return doc
    module = stage_module(stage)
    limit = params.ingest.max_seconds
    timed = limit > 0 and threading.current_thread() is threading.main_thread()
    if timed:
        signal.signal(signal.SIGALRM, functools.partial(_on_alarm, limit))
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return module.process(doc, params, context)
    except DocError as exc:
        doc.error, doc.error_stage = str(exc) or type(exc).__name__, module.NAME
    except RecursionError:
        doc.error, doc.error_stage = "input too deeply nested to process", module.NAME
    except Exception as exc:  # noqa: BLE001 - a bug met on one document must not lose the others
        doc.error, doc.error_stage = f"internal error ({type(exc).__name__}: {exc})".splitlines()[0][:500], module.NAME
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return doc


_WORKER: tuple[str, Params, Any] | None = None


def _init_worker(stage: str, params: Params, context: Any) -> None:
    global _WORKER
    _WORKER = (stage, params, context)


def _apply_in_worker(doc: Doc) -> Doc:
    return apply(*_WORKER, doc)


def _apply_on_dask(doc: Doc, stage: str, params: Params, context: Any) -> Doc:
    return apply(stage, params, context, doc)


class Mapper:
    """Maps `apply` over a batch in order: in-process, on a process pool, or on a Dask cluster.

    The stage's params and context reach each worker once (pool initializer, Dask scatter), not per Doc.
    """

    def __init__(self, stage: str, params: Params, context: Any) -> None:
        self.stage, self.params, self.context = stage, params, context
        self.pool = None
        self.client = None
        if params.run.engine == "dask":
            from pipeline.engine_dask import connect  # imported only when asked for: Dask is heavy

            self.client = connect(params)
            # wrapped in a list: scatter would split a dict context into one future per key
            self.context = self.client.scatter([context], broadcast=True)[0] if context is not None else None
        elif params.run.engine != "local":
            raise FatalError(f"params.yaml: run.engine must be 'local' or 'dask', got {params.run.engine!r}")
        elif params.run.jobs > 1:
            self.pool = multiprocessing.get_context("fork").Pool(params.run.jobs, _init_worker, (stage, params, context))

    def submit(self, batch: list[Doc]) -> Callable[[], list[Doc]]:
        """Start a batch; the returned call waits for its Docs, in order. Workers take the next
        batch's Docs while the caller is still writing this one, so no core idles between batches."""
        if self.client is not None:
            futures = self.client.map(_apply_on_dask, batch, stage=self.stage, params=self.params, context=self.context, pure=False)
            return functools.partial(self.client.gather, futures)
        if self.pool is not None:
            chunk = max(1, len(batch) // (4 * self.params.run.jobs))
            return self.pool.map_async(_apply_in_worker, batch, chunksize=chunk).get
        done = [apply(self.stage, self.params, self.context, doc) for doc in batch]
        return lambda: done

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()
        if self.client is not None:
            cluster = self.client.cluster  # None when connected to a scheduler we did not start
            self.client.close()
            if cluster is not None:
                cluster.close()


def _count(src: Path | None) -> int | None:
    """Documents the stage will see, for the progress bar's end; read from Parquet footers only."""
    if src is None or not progress.wanted():
        return None
    return sum(pq.ParquetFile(p).metadata.num_rows for p in src.glob("part-*.parquet"))


Batch = tuple[list[Doc] | None, Path | None, int]  # (Docs to map, or a previous part kept whole instead; documents)


def _batches(source: Callable[[], Iterator[list[Doc]]], src: Path | None, salt: str, previous: cache.Previous, keys_only: bool) -> Iterator[Batch]:
    """The input batches; with `keys_only` (a stage whose keys need no Doc), an input part whose keys
    make up a previous output part exactly is not read nor converted: that part is kept instead."""
    if src is None or not keys_only:
        for batch in source():
            yield batch, None, len(batch)
        return
    for part in sorted(src.glob("part-*.parquet")):
        keys = [cache.key_of(k, salt) for k in read_part(part, ["key"]).column("key").to_pylist()]
        kept = previous.whole_part(keys)
        yield (None, kept, len(keys)) if kept is not None else ([doc_from_record(r) for r in read_part(part).to_pylist()], None, len(keys))


def _keep(part: Path, writer: PartWriter) -> None:
    """A previous part as the writer's next one, same bytes; a link, so that later lookups still find it."""
    target = writer.folder / f"part-{writer.count:05d}.parquet"
    try:
        os.link(part, target)
    except OSError:
        shutil.copyfile(part, target)
    writer.count += 1


def run_map_stage(name: str, params: Params, outputs: Path, source: Callable[[], Iterator[list[Doc]]] | None = None) -> dict[str, int]:
    """Run a per-document stage, reusing unchanged Docs from its previous output; returns counts."""
    module = stage_module(name)
    src = None
    if source is None:
        src = interim(outputs, module.INPUT)
        if not src.is_dir():
            raise FatalError(f"stage {name}: input {src} is missing; run stage {module.INPUT} first")
        source = functools.partial(read_docs, src)
    context = module.prepare(source, params) if hasattr(module, "prepare") else None
    target = interim(outputs, name)
    previous_dir = target.with_name(f"{name}.previous")
    shutil.rmtree(previous_dir, ignore_errors=True)
    if target.is_dir():
        target.rename(previous_dir)
    previous = cache.Previous(previous_dir)
    salt = cache.stage_salt(name, params, module, context)
    writer = PartWriter(target, schema.DOC)
    mapper = Mapper(name, params, context)
    counts = {"documents": 0, "errors": 0, "reused": 0, "kept": 0, "parts": 0}
    started = time.perf_counter()
    try:
        pending: deque[tuple[list[Doc], list[str], dict[str, dict], Callable[[], list[Doc]]]] = deque()

        def finish(batch: list[Doc], keys: list[str], reused: dict[str, dict], result: Callable[[], list[Doc]]) -> None:
            done = iter(result())
            records = []
            for doc, key in zip(batch, keys):
                if key in reused:
                    records.append(reused[key])
                    continue
                doc = next(done)
                doc.key = key
                counts["errors"] += doc.error_stage == name
                records.append(doc_to_record(doc))
            counts["documents"] += len(batch)
            counts["reused"] += len(reused)
            writer.write(records)

        batches = _batches(source, src, salt, previous, keys_only=not hasattr(module, "context_key"))
        for batch, kept, size in progress.track(batches, name, total=_count(src), size=lambda b: b[2]):
            counts["parts"] += 1
            if kept is not None:
                while pending:  # parts are numbered in order: the batches in flight are written first
                    finish(*pending.popleft())
                _keep(kept, writer)
                counts["documents"] += size
                counts["reused"] += size
                counts["kept"] += 1
                continue
            keys = [cache.doc_key(doc, salt, module, context) for doc in batch]
            reused = previous.records([k for k in keys if k in previous])
            todo = [doc for doc, key in zip(batch, keys) if key not in reused]
            pending.append((batch, keys, reused, mapper.submit(todo)))
            if len(pending) > 1:  # at most two batches in flight: memory stays bounded
                finish(*pending.popleft())
        while pending:
            finish(*pending.popleft())
    finally:
        mapper.close()
        shutil.rmtree(previous_dir, ignore_errors=True)
    if writer.count == 0:
        writer.write([])
    seconds = time.perf_counter() - started
    kept = f" ({counts['kept']} of {counts['parts']} parts kept as they were)" if counts["kept"] else ""
    print(f"{name}: {counts['documents']} documents ({counts['reused']} unchanged, reused), {counts['errors']} new errors, {seconds:.2f} s{kept}", file=sys.stderr)
    return counts
