"""Small Arrow helpers for publish: arrays from Python numbers, list columns sorted per row.

Arrays are built from stdlib `array` buffers, not `pa.array()`: converting Python values imports
pandas (about a second of start-up) for a stage that never uses it.
"""

from __future__ import annotations

from array import array

import pyarrow as pa
import pyarrow.compute as pc

_CODES = {pa.int32(): "i", pa.int64(): "q", pa.float64(): "d"}


def numbers(values: list, type_: pa.DataType) -> pa.Array:
    """An int32/int64/float64 array of `values`; None becomes null."""
    validity = None
    if None in values:
        bits = bytearray((len(values) + 7) // 8)
        for i, value in enumerate(values):
            if value is not None:
                bits[i >> 3] |= 1 << (i & 7)  # Arrow's validity bitmap: least significant bit first
        validity = pa.py_buffer(bytes(bits))
        values = [0 if value is None else value for value in values]
    data = array(_CODES[type_], values)
    return pa.Array.from_buffers(type_, len(data), [validity, pa.py_buffer(data)])


def positions(lengths: list[int | None]) -> pa.Array:
    """0, 1, ... n-1 for each list length n: an item's position in its row's list."""
    return numbers([i for n in lengths for i in range(n or 0)], pa.int32())


def _rebuilt(lists: pa.Array, sort: bool) -> pa.Array:
    """The list column again, from Arrow's own values (no Python strings), each row sorted when `sort`."""
    lengths = [n or 0 for n in pc.list_value_length(lists).to_pylist()]  # a null list becomes an empty one
    flat = lists.flatten()
    picked: list[int] = []
    bounds = [0]
    values = flat.to_pylist() if sort else None
    for n in lengths:
        start = bounds[-1]
        row = range(start, start + n)
        picked.extend(sorted(row, key=values.__getitem__) if sort else row)
        bounds.append(start + n)
    return pa.ListArray.from_arrays(numbers(bounds, pa.int32()), flat.take(numbers(picked, pa.int64())), type=lists.type)


def sorted_lists(lists: pa.Array) -> pa.Array:
    """Each row's list sorted as Python sorts it, null lists as empty ones; the array itself when nothing changes."""
    if lists.null_count == 0 and all(row == sorted(row) for row in lists.to_pylist()):
        return lists
    return _rebuilt(lists, sort=True)


def empty_for_null(lists: pa.Array) -> pa.Array:
    """Null lists as empty ones (a Doc's list fields are never None); the array itself when none is null."""
    return lists if lists.null_count == 0 else _rebuilt(lists, sort=False)


def order(keys: list[tuple]) -> pa.Array | None:
    """Indices that sort the rows by `keys` (stable, as `sorted`), or None when they are in order already."""
    ranked = sorted(range(len(keys)), key=keys.__getitem__)
    if all(i == r for i, r in enumerate(ranked)):
        return None
    return numbers(ranked, pa.int64())
