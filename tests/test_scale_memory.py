"""Bounded memory: the site pre-pass of segment and the validate stage give the same answers as the
whole-corpus-in-memory versions they replaced, however the work is split.

site.repeated_positions is compared with a plain dict/set reference of the same rule on the real
benchmark pages (and on copies of them, as `make bench` builds its corpora); validate's results on
a corpus read part by part must be byte-identical to one part, also when checks fail in many parts.
"""

from __future__ import annotations

import dataclasses
import filecmp
import random
import shutil
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from validate_data import build

from pipeline import params as params_mod
from pipeline import schema
from pipeline.params import Params
from pipeline.segment import site
from pipeline.stages import validate

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "boilerplate"


def reference(pages: list[tuple[str, str]], min_shared: int) -> dict[str, frozenset[str]]:
    """The rule in its plainest form: every pair of pages, their shared lines counted in Python sets."""
    sets = [set(site.page_lines(page)) for _, page in pages]
    on_pages: dict[str, int] = defaultdict(int)
    for lines in sets:
        for line in lines:
            on_pages[line] += 1
    usable = [{t for t in lines if on_pages[t] <= site.MAX_PAGES} for lines in sets]
    out: dict[str, set[str]] = defaultdict(set)
    for a in range(len(pages)):
        for b in range(a + 1, len(pages)):
            shared = usable[a] & usable[b]
            smaller = min(len(sets[a]), len(sets[b]))
            if shared and len(shared) >= min_shared and not len(shared) / smaller > site.DUPLICATE_SHARE:
                out[pages[a][0]] |= shared
                out[pages[b][0]] |= shared
    return {doc_id: frozenset(lines) for doc_id, lines in out.items()}


def bench_pages(copies: int) -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(BENCH.glob("*.txt")) if not p.name.endswith(".gold.txt")][:120]
    # copies end with their own line, as bench/corpus.py makes them: near-duplicates of each other
    return [(f"{i}-{k}", text + (f"\n\nBenchmark copy {k}\n" if k else "")) for k in range(copies) for i, text in enumerate(texts)]


def repeated_lines(pages: list[tuple[str, str]], min_shared: int) -> dict[str, frozenset[str]]:
    """site.repeated_positions on the pages' line keys, the positions read back as lines."""
    positions = site.repeated_positions(((name, site.page_keys(page)) for name, page in pages), min_shared)
    texts = dict(pages)
    return {name: site.lines_at((raw.strip() for raw in texts[name].split("\n")), at) for name, at in positions.items()}


@pytest.mark.parametrize("block", [site.BLOCK, 64])  # 64: many blocks, and the sort path of the pair count
def test_repeated_lines_match_the_reference(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site, "BLOCK", block)
    pages = bench_pages(2)
    found = repeated_lines(pages, 3)
    assert found == reference(pages, 3)
    assert sum(map(len, found.values())) > 100  # the benchmark pages do share templates


def test_repeated_lines_respect_the_page_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines on more than MAX_PAGES pages give no evidence."""
    monkeypatch.setattr(site, "MAX_PAGES", 5)
    rng = random.Random(7)
    menu = [f"Menu item {i}" for i in range(6)]
    pages = [(f"d{k}", "\n".join(rng.sample(menu, 4) + [f"Body line {rng.randint(0, 9)}"] * 2)) for k in range(20)]
    assert repeated_lines(pages, 2) == reference(pages, 2)


@pytest.fixture(scope="module")
def params() -> Params:
    loaded = params_mod.load(ROOT / "params.yaml")
    return dataclasses.replace(loaded, ingest=dataclasses.replace(loaded.ingest, input_dir=str(ROOT / "seeds")))


def _edit(out: Path, dataset: str, rows: list[dict]) -> None:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema.DATASETS[dataset]), out / f"{dataset}.parquet", row_group_size=7)


def _broken(tmp_path: Path, params: Params, shuffle: bool) -> Path:
    """The seed corpus with failures in several documents (so in several parts)."""
    out = tmp_path / "published"
    build(ROOT / "seeds", out, params)
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    for doc in docs[::2]:
        doc["published"] = "not a date"
    _edit(out, "documents", docs)
    blocks = pq.read_table(out / "blocks.parquet").to_pylist()
    for i, block in enumerate(blocks):
        if i % 5 == 1:
            block["label"] = "bogus"
    blocks.insert(3, dict(blocks[3]))  # a duplicated key inside one document
    if shuffle:  # no longer grouped by document: validate must read it as one part
        random.Random(1).shuffle(blocks)
    _edit(out, "blocks", blocks)
    return out


@pytest.mark.parametrize("shuffle", [False, True])
def test_validate_by_parts_matches_one_part(tmp_path: Path, params: Params, shuffle: bool) -> None:
    """Results by parts, and by parts shared among two worker processes, are those of one pass."""
    base = _broken(tmp_path, params, shuffle)
    results = []
    for per_part, jobs in ((1000, 1), (2, 1), (2, 2)):
        out = tmp_path / f"out-{per_part}-{jobs}"
        shutil.copytree(base, out)
        sized = dataclasses.replace(
            params,
            run=dataclasses.replace(params.run, jobs=jobs),
            validate=dataclasses.replace(params.validate, whole_docs=per_part, docs_per_part=per_part),
        )
        assert validate.run(sized, out) == 1  # the broken checks are errors
        results.append(out)
    one = results[0]
    names = sorted(p.name for p in (one / "validation").iterdir())
    assert len(names) > 8
    for other in results[1:]:
        assert all(filecmp.cmp(one / "validation" / n, other / "validation" / n, shallow=False) for n in names)
        assert filecmp.cmp(one / "metrics.json", other / "metrics.json", shallow=False)
    assert "key_unique" in (one / "validation" / "blocks.json").read_text()
