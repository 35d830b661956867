"""clean: turn the decoded page (`doc.raw`) into trustworthy Unicode (`doc.page`), line for line.

Every repair is counted in `doc.fixes` under its reason name; what cannot be repaired (a lost
glyph) becomes a flag, never a guess. `doc.page` has exactly as many lines as `doc.raw`, so the
line hints given by ingest stay valid.
"""

from __future__ import annotations

from pipeline.clean import clean_text
from pipeline.doc import Doc
from pipeline.errors import DocError
from pipeline.params import Params

NAME = "clean"
CODE = ("stages/clean.py", "clean")  # package files this stage runs besides cache.SHARED_CODE; dvc.yaml deps match
INPUT = "ingest"
# the Doc fields `process` reads and sets: workers get and give back only these (mapper.fields)
READS = ("raw", "fixes", "flags")
WRITES = ("page", "fixes", "flags")


def process(doc: Doc, params: Params, context: object) -> Doc:
    page, fixes, flags = clean_text(doc.raw, params.clean)
    if page.count("\n") != doc.raw.count("\n"):  # cannot happen by construction; never pass it on
        raise DocError(f"clean changed the line count ({doc.raw.count(chr(10))} -> {page.count(chr(10))})")
    doc.page = page
    for kind, n in fixes.items():
        doc.count_fix(kind, n)
    for name in flags:
        doc.flag(name)
    return doc
