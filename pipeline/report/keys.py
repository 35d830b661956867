"""Keys of the report's pages: a page is rendered again only when its key changes."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PAGE_CODE = ("doc.py",)  # files outside pipeline/report that a page's bytes depend on (the Doc it renders)


@lru_cache(maxsize=1)
def code_key() -> str:
    """Hash of the report's code and templates, the Doc class and the template libraries' versions."""
    digest = hashlib.sha256(f"jinja2 {version('jinja2')} markupsafe {version('markupsafe')}".encode())
    files = [p for p in sorted(PACKAGE.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    for path in [*files, *(PACKAGE.parent / name for name in PAGE_CODE)]:
        digest.update(path.relative_to(PACKAGE.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def page_key(rows_digest: str, prev: str | None, next_: str | None, code: str) -> str:
    """A page shows its document's rows and links to its neighbours' pages: all four make its bytes."""
    return hashlib.sha256(f"{rows_digest}\0{prev or ''}\0{next_ or ''}\0{code}".encode()).hexdigest()[:32]
