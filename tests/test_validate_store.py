"""validate keeps GX results under a hash of what they read (pipeline/expectations/store.py): a re-run
checks again only the parts whose rows changed, and its results are byte-identical to a run from scratch.

The datasets come from the real seed texts through the real publish stage (tests/validate_data.py).
"""

from __future__ import annotations

import dataclasses
import filecmp
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from validate_data import build

from pipeline import params as params_mod
from pipeline import schema
from pipeline.expectations.store import FOLDER, table_digest
from pipeline.params import Params
from pipeline.stages import validate

ROOT = Path(__file__).resolve().parents[1]
_RAN = re.compile(r"\((\d+) suite runs by GX, (\d+) kept from the last run\)")


@pytest.fixture(scope="module")
def params() -> Params:
    loaded = params_mod.load(ROOT / "params.yaml")
    seeds = dataclasses.replace(loaded.ingest, input_dir=str(ROOT / "seeds"))
    # two documents per part: the seeds make three parts
    return dataclasses.replace(loaded, ingest=seeds, validate=dataclasses.replace(loaded.validate, whole_docs=2, docs_per_part=2))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, params: Params) -> Path:
    out = tmp_path_factory.mktemp("published")
    build(ROOT / "seeds", out, params)
    return out


def _validate(params: Params, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, int, int]:
    """Exit code, suite runs by GX, results kept."""
    code = validate.run(params, out)
    found = _RAN.findall(capsys.readouterr().err)
    assert len(found) == 1
    return code, int(found[0][0]), int(found[0][1])


def _same_results(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in (a / "validation").iterdir())
    return all(filecmp.cmp(a / "validation" / n, b / "validation" / n, shallow=False) for n in names) and filecmp.cmp(
        a / "metrics.json", b / "metrics.json", shallow=False)


def test_digest_follows_values_not_how_they_were_read(base: Path) -> None:
    file = pq.ParquetFile(base / "blocks.parquet")
    whole = file.read()
    assert whole.num_rows > 100
    by_7 = pa.Table.from_batches(list(file.iter_batches(batch_size=7)))
    by_50 = pa.Table.from_batches(list(file.iter_batches(batch_size=50)))
    assert table_digest({"b": whole.slice(10, 80)}) == table_digest({"b": by_7.slice(10, 80)}) == table_digest({"b": by_50.slice(10, 80)})
    rows = whole.slice(10, 80).to_pylist()
    rows[40]["text"] += "x"
    assert table_digest({"b": pa.Table.from_pylist(rows, schema=whole.schema)}) != table_digest({"b": whole.slice(10, 80)})
    rows[40]["text"] = rows[40]["text"][:-1]
    assert table_digest({"b": pa.Table.from_pylist(rows, schema=whole.schema)}) == table_digest({"b": whole.slice(10, 80)})
    # a null is not a zero, and a value moved to the next row is not the same table
    notes = pa.table({"note": pa.array([None, 1], pa.int32())})
    assert table_digest({"n": notes}) != table_digest({"n": pa.table({"note": pa.array([0, 1], pa.int32())})})
    texts = pa.table({"t": ["ab", "c"]})
    assert table_digest({"t": texts}) != table_digest({"t": pa.table({"t": ["a", "bc"]})})


def test_rerun_checks_again_only_what_changed(base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    shutil.copytree(base, out)
    code, ran, kept = _validate(params, out, capsys)
    assert (code, kept) == (0, 0) and ran > 12  # 4 per-document suites x 3 parts, and the others
    first = tmp_path / "first"
    shutil.copytree(out, first)

    code, ran, kept_again = _validate(params, out, capsys)
    assert (code, ran) == (0, 0) and kept_again > 12
    assert _same_results(first, out)

    # one document of the last part edited: its part's documents suite runs again, the others' results are kept
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    docs[-1]["published"] = "not a date"
    pq.write_table(pa.Table.from_pylist(docs, schema=schema.DATASETS["documents"]), out / "documents.parquet")
    code, ran, kept = _validate(params, out, capsys)
    assert code == 1  # published_iso is an error check
    assert 0 < ran < kept
    assert "published_iso" in (out / "validation" / "documents.json").read_text()

    # the same data from scratch: byte-identical results
    scratch = tmp_path / "scratch"
    shutil.copytree(out, scratch)
    shutil.rmtree(scratch / FOLDER)
    shutil.rmtree(scratch / "validation")
    assert _validate(params, scratch, capsys)[:2] == (1, ran + kept)
    assert _same_results(out, scratch)
    # entries of the first run that this one did not use were removed
    assert len(list((out / FOLDER).glob("*.json"))) == ran + kept


def test_changed_threshold_is_not_answered_from_the_store(base: Path, tmp_path: Path, params: Params, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    shutil.copytree(base, out)
    _validate(params, out, capsys)
    stricter = dataclasses.replace(params, validate=dataclasses.replace(params.validate, doc_min_words=10**7, fail_on_error=True))
    code, ran, _ = _validate(stricter, out, capsys)
    assert code == 0 and ran > 0  # body_min_words is a warning
    assert "body_min_words" in (out / "validation" / "documents.json").read_text()
    text = (out / "validation" / "documents.json").read_text()
    assert '"success": false' in text
