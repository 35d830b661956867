"""Results kept between runs in a folder, each under a hash of exactly what decides it.

Shared by publish (a part's published rows, pipeline/publish/kept.py) and validate (GX results,
pipeline/expectations/store.py), the corpus-wide stages that the per-document cache (cache.py) does
not cover. Each folder is a DVC output with `persist: true`; an entry appears whole or not at all
(written under a temporary name, then renamed), and a run removes the entries it did not use, so the
folder holds one run's results.

`KeptTable` is the same idea for many small entries (a few numbers per document, where a file each
would cost more than the entry): one Arrow file of rows, rewritten whole when a run changes it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

import pyarrow as pa

T = TypeVar("T")
_TEMP = "tmp-"  # an entry being written; its name is no key, so `prune` removes one a crash left


class KeptFolder(Generic[T]):
    """Subclasses say how an entry is stored: `_read(path)` and `_write(path, value)`, which returns
    the value as `_read` will give it back (so a fresh result and a kept one are the same)."""

    suffix = ""  # of an entry's file name ("" for a folder)

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.salt = salt  # what every entry depends on: versions, code, params
        self.kept: set[str] = set()  # keys read back (the work was not done again)
        self.ran: set[str] = set()  # keys made by this run, now stored

    def key(self, *parts: str) -> str:
        return hashlib.sha256("\0".join([self.salt, *parts]).encode()).hexdigest()[:40]

    def fetch(self, key: str, make: Callable[[], T]) -> T:
        """The entry under `key`, made by `make` and stored when there is none."""
        path = self.folder / f"{key}{self.suffix}"
        if path.exists():
            self.kept.add(key)
            return self._read(path)
        temp = self.folder / f"{_TEMP}{key}{self.suffix}"
        _remove(temp)
        value = self._write(temp, make())
        _remove(path)
        os.replace(temp, path)
        self.ran.add(key)
        return value

    def add(self, kept: set[str], ran: set[str]) -> None:
        """What another process's copy of the folder used (forked workers), so that `prune` keeps it."""
        self.kept |= kept
        self.ran |= ran

    def prune(self) -> None:
        """Remove the entries this run did not use."""
        used = self.kept | self.ran
        for entry in self.folder.iterdir():
            if entry.name.removesuffix(self.suffix) not in used:
                _remove(entry)

    def _read(self, path: Path) -> T:
        raise NotImplementedError

    def _write(self, path: Path, value: T) -> T:
        raise NotImplementedError


class KeptTable:
    """Rows kept between runs in one Arrow IPC file, under a salt (versions, code) stored in the file:
    a file written under another salt, or unreadable, is no answer. Written under a temporary name and
    renamed, so a crash leaves the old file or the new one."""

    def __init__(self, path: Path, salt: str) -> None:
        self.path, self.salt = path, salt

    def read(self) -> pa.Table | None:
        try:
            with pa.OSFile(str(self.path)) as source:
                table = pa.ipc.open_file(source).read_all()
        except (OSError, pa.ArrowInvalid):
            return None
        return table if (table.schema.metadata or {}).get(b"salt") == self.salt.encode() else None

    def write(self, table: pa.Table) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_name(f"{_TEMP}{self.path.name}")
        table = table.replace_schema_metadata({"salt": self.salt})
        with pa.OSFile(str(temp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        os.replace(temp, self.path)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
