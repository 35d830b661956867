"""Open a PDF once and hand out its laid-out pages, turning every way a file can be bad into DocError.

The page count is read from the page tree before any page is parsed, so a PDF bomb (a huge /Count)
is refused at the cost of reading the trailer and catalog only.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTPage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException

from pipeline.errors import DocError

# What a damaged file makes pdfminer raise besides its own exceptions (truncated streams, bad xref
# offsets, objects of the wrong type); listed so that programming errors still surface.
BROKEN = (PSException, ValueError, KeyError, TypeError, IndexError, AttributeError, AssertionError, struct.error, zlib.error, RecursionError)

# boxes_flow=None: we order text ourselves (columns, bands), so pdfminer's quadratic box grouping is skipped.
LAPARAMS = LAParams(boxes_flow=None)


def open_document(data: bytes) -> PDFDocument:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocError("not a PDF: the file does not start with %PDF")
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect as err:  # pdfminer's message is empty: say what happened
        raise DocError("encrypted PDF: a user password is required to open it") from err
    except PDFEncryptionError as err:
        raise DocError(f"encrypted PDF: unsupported encryption ({err or type(err).__name__})") from err
    except BROKEN as err:
        raise DocError(f"corrupt PDF: cannot read its structure ({type(err).__name__}: {err})") from err


def page_count(doc: PDFDocument) -> int:
    """/Count of the page tree root; falls back to walking the tree only when the count is missing."""
    try:
        pages = resolve1(doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
        if isinstance(count, int) and count >= 0:
            return count
        return sum(1 for _ in PDFPage.create_pages(doc))
    except BROKEN as err:
        raise DocError(f"corrupt PDF: unreadable page tree ({type(err).__name__}: {err})") from err


def layouts(doc: PDFDocument, max_pages: int) -> Iterator[LTPage]:
    """Laid-out pages, at most `max_pages` of them (the page tree may lie about its count)."""
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAPARAMS)
    interpreter = PDFPageInterpreter(manager, device)
    try:
        for number, page in enumerate(PDFPage.create_pages(doc), 1):
            if number > max_pages:
                raise DocError(f"too many pages: more than the limit ingest.max_pages={max_pages}")
            interpreter.process_page(page)
            yield device.get_result()
    except BROKEN as err:
        raise DocError(f"corrupt PDF: a page cannot be read ({type(err).__name__}: {err})") from err
