"""Keys of the report's pages: a page is rendered again only when its key changes."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import version

from pipeline.cache import code_version

PAGE_CODE = ("report", "doc.py")  # package files a page's bytes depend on: the report and the Doc it renders


@lru_cache(maxsize=1)
def code_key() -> str:
    """Hash of the report's code and templates, the Doc class and the template libraries' versions."""
    libraries = f"jinja2 {version('jinja2')} markupsafe {version('markupsafe')}"
    return hashlib.sha256(f"{libraries}\0{code_version(PAGE_CODE)}".encode()).hexdigest()


def page_key(rows_digest: str, prev: str | None, next_: str | None, code: str) -> str:
    """A page shows its document's rows and links to its neighbours' pages: all four make its bytes."""
    return hashlib.sha256(f"{rows_digest}\0{prev or ''}\0{next_ or ''}\0{code}".encode()).hexdigest()[:32]
