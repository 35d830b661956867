"""Maps a stage's `process` over Arrow rows of Docs: in-process, on a process pool, or on Dask.

Workers get only the Doc fields a stage declares it reads and sets (`READS`, `WRITES` in the stage
module), build the Docs themselves and give back only the fields the stage sets, as Arrow rows: the
parent moves Arrow buffers, never Python objects. A Doc that fails gets `error`/`error_stage`
instead of crashing the run.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any

import pyarrow as pa

from pipeline import schema
from pipeline.doc import Doc
from pipeline.errors import DocError, FatalError
from pipeline.io import FIELDS, doc_from_record, doc_to_record
from pipeline.params import Params


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


def fields(module: ModuleType) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sent, returned): the Doc fields a stage's workers get and give back. A stage declares the
    fields its `process` reads (`READS`) and sets (`WRITES`); the fields it sets are sent too, so a
    field it sets only sometimes keeps its value. Without a declaration, the whole Doc both ways."""
    whole = tuple(f for f in FIELDS if f != "key")  # the key is the runner's, never the stage's
    reads, writes = getattr(module, "READS", whole), getattr(module, "WRITES", whole)
    sent = tuple(f for f in FIELDS if f in reads or f in writes)
    return sent, tuple(f for f in FIELDS if f in writes or f in ("error", "error_stage"))


def map_rows(stage: str, params: Params, context: Any, rows: pa.Table) -> pa.Table:
    """`apply` over Arrow rows of the stage's sent fields; its returned fields, as Arrow rows. Workers
    convert rows <-> Docs themselves: the caller only moves Arrow buffers, never Python objects."""
    returned = fields(stage_module(stage))[1]
    with _fewer_collections():
        docs = [apply(stage, params, context, doc_from_record(r)) for r in rows.to_pylist()]
        return pa.Table.from_pylist([doc_to_record(d, returned) for d in docs], schema=schema.doc_fields(returned))


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The cyclic GC runs every 700 new objects by default, and each run walks the young objects: a
    page's thousands of lines, blocks and regex matches (freed by reference counting anyway) made it
    cost 5-15 % of the stages' time. Every 50,000 keeps it for the rare real cycles."""
    threshold = gc.get_threshold()
    gc.set_threshold(50_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


_WORKER: tuple[str, Params, Any] | None = None


def _init_worker(stage: str, params: Params, context: Any) -> None:
    global _WORKER
    _WORKER = (stage, params, context)


def _map_in_worker(rows: pa.Table) -> pa.Table:
    return map_rows(*_WORKER, rows)


def _map_on_dask(rows: pa.Table, stage: str, params: Params, context: Any) -> pa.Table:
    return map_rows(stage, params, context, rows)


def _chunks(rows: pa.Table, count: int) -> list[pa.Table]:
    """`rows` in about `count` pieces. take, not slice: a pickled slice carries its whole parent buffers."""
    size = max(1, -(-rows.num_rows // count))
    return [rows.take(indices(range(i, min(i + size, rows.num_rows)))) for i in range(0, rows.num_rows, size)]


def indices(rows: Iterable[int]) -> pa.Array:
    return pa.array(rows, pa.int64())  # typed: an empty list would be a null array, which take refuses


class Mapper:
    """Maps `map_rows` over a batch in order: in-process, on a process pool, or on a Dask cluster.

    The stage's params and context reach each worker once (pool initializer, Dask scatter), not per Doc.
    """

    def __init__(self, stage: str, params: Params, context: Any) -> None:
        self.stage, self.params, self.context = stage, params, context
        self.empty = pa.Table.from_pylist([], schema=schema.doc_fields(fields(stage_module(stage))[1]))  # not empty_table(): it imports pandas (0.5 s)
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

    def submit(self, rows: pa.Table) -> Callable[[], pa.Table]:
        """Start a batch; the returned call waits for its rows, in order. Workers take the next
        batch's rows while the caller is still writing this one, so no core idles between batches."""
        if rows.num_rows == 0:
            return lambda: self.empty
        if self.client is not None:
            chunks = _chunks(rows, 4 * max(1, self.params.run.jobs))
            futures = self.client.map(_map_on_dask, chunks, stage=self.stage, params=self.params, context=self.context, pure=False)
            return lambda: pa.concat_tables(self.client.gather(futures))
        if self.pool is not None:
            waiting = self.pool.map_async(_map_in_worker, _chunks(rows, 4 * self.params.run.jobs), chunksize=1)
            return lambda: pa.concat_tables(waiting.get())
        done = map_rows(self.stage, self.params, self.context, rows)
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
