"""One interim part (a batch of Docs as Arrow rows) to the rows of each published dataset.

publish used to turn every Doc into Python objects and back, which was most of its time; here the
columns are copied as Arrow arrays and only small per-row facts (ids, errors, the order of notes
and numbers, rounded values) pass through Python. The bytes written are those of the row builders
in tests/publish_rows.py, which stay as the reference (tests/test_publish.py checks both).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline import io, schema
from pipeline.publish.arrays import empty_for_null, numbers, order, positions, sorted_lists
from pipeline.segment import chars  # the character classes of re's \w (dvc.yaml lists it for publish)

# what the datasets take from a Doc: raw, page and hints are most of a part's bytes and stay unread
COLUMNS = [f.name for f in schema.DOC if f.name not in ("raw", "page", "hints", "key")]
WORDS_CHUNK = 1 << 20  # characters of one text looked at at once by word_counts


def read_part(part: Path) -> pa.Table:
    return io.read_part(part, COLUMNS).combine_chunks()


def word_counts(text: pa.Array) -> pa.Array:
    """len(re.findall(r"\\w+", t)) of each text. Not Arrow's regex: RE2's \\w is ASCII only. Not
    Python's: its per-character class test was a third of publish. A word is a run of word
    characters, so the words are the places where one follows a non-word character, counted on
    the character table segment uses (chars.WORD is exactly re's \\w)."""
    return numbers([_words(value) if value else 0 for value in text.to_pylist()], pa.int32())


def _words(text: str) -> int:
    count, after_word = 0, False
    for at in range(0, len(text), WORDS_CHUNK):  # a huge text in slices: the arrays take ~6 bytes a character
        word = (chars.classes(chars.code_points(text[at : at + WORDS_CHUNK])) & chars.WORD) > 0
        count += int(np.count_nonzero(word[1:] > word[:-1])) + int(bool(word[0]) and not after_word)
        after_word = bool(word[-1])
    return count


def documents(docs: pa.Table) -> pa.Table:
    text = docs.column("text").combine_chunks()
    columns = {name: docs.column(name).combine_chunks() for name in docs.column_names}
    columns["encoding"] = pc.fill_null(columns["encoding"], "") if columns["encoding"].null_count else columns["encoding"]
    columns["authors"] = empty_for_null(columns["authors"])
    columns["flags"] = sorted_lists(columns["flags"])
    columns["fixes"] = _fixes(columns["fixes"])
    columns["chars"] = pc.utf8_length(text)
    columns["words"] = word_counts(text)
    return pa.Table.from_arrays([columns[f.name] for f in schema.DOCUMENTS], schema=schema.DOCUMENTS)


def _fixes(fixes: pa.Array) -> pa.Array:
    """sorted(dict(items).items()) per row, as the Doc round trip gave; interim maps already are."""
    rows = fixes.to_pylist()
    normal = [sorted(dict(row or []).items()) for row in rows]
    return fixes if fixes.null_count == 0 and normal == rows else pa.array(normal, fixes.type)


def children(docs: pa.Table, column: str, target: pa.Schema) -> tuple[pa.Table, list[int]]:
    """The Docs' list column as rows of `target` (doc_id first), and each row's Doc index."""
    lists = docs.column(column).combine_chunks()
    flat = lists.flatten()
    parents = pc.list_parent_indices(lists)
    fields = dict(zip([f.name for f in flat.type], flat.flatten()))
    fields["doc_id"] = docs.column("doc_id").combine_chunks().take(parents)
    if "block" in target.names:
        fields["block"] = positions(pc.list_value_length(lists).to_pylist())
    return pa.Table.from_arrays([fields[f.name] for f in target], schema=target), parents.to_pylist()


def citations(docs: pa.Table) -> pa.Table:
    """Sorted by note within each Doc, marker offsets ascending."""
    table, parents = children(docs, "citations", schema.CITATIONS)
    rows = order(list(zip(parents, table.column("note").to_pylist())))
    table = table if rows is None else table.take(rows)
    offsets = sorted_lists(table.column("marker_offsets").combine_chunks())
    return table.set_column(table.schema.get_field_index("marker_offsets"), schema.CITATIONS.field("marker_offsets"), offsets)


def number_rows(docs: pa.Table, digits: int) -> pa.Table:
    """Sorted by (start, end) within each Doc, value and value_high rounded to `digits`."""
    table, parents = children(docs, "numbers", schema.NUMBERS)
    rows = order(list(zip(parents, table.column("start").to_pylist(), table.column("end").to_pylist())))
    table = table if rows is None else table.take(rows)
    for name in ("value", "value_high"):
        values = table.column(name).to_pylist()
        rounded = [None if v is None else round(v, digits) for v in values]
        if rounded != values or any(v != v for v in values if v is not None):  # NaN: rebuilt, not compared
            i = table.schema.get_field_index(name)
            table = table.set_column(i, schema.NUMBERS.field(name), numbers(rounded, pa.float64()))
    return table


def counts(docs: pa.Table, blocks: pa.Table, numbers_: pa.Table) -> Counter[str]:
    """blocks.<label>, numbers.<kind>, fixes.<kind> and flags.<flag> over the published Docs."""
    found: Counter[str] = Counter()
    found.update(f"blocks.{label}" for label in blocks.column("label").to_pylist())
    found.update(f"numbers.{kind}" for kind in numbers_.column("kind").to_pylist())
    for row in docs.column("fixes").to_pylist():
        found.update({f"fixes.{k}": v for k, v in row})
    found.update(f"flags.{flag}" for row in docs.column("flags").to_pylist() for flag in row)
    return found
