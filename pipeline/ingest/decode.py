"""Bytes to str: BOM first, then strict UTF-8, then charset-normalizer; binary files are refused."""

from __future__ import annotations

import codecs

import charset_normalizer

from pipeline.errors import DocError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of binary formats often saved with a text name; named so the error says what the file is.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DocError naming why the bytes are not text."""
    if not data:
        raise DocError("empty file (0 bytes)")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DocError(f"starts with a {name} byte-order mark but does not decode as {name}: {exc.reason}") from exc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DocError(f"binary content ({what}), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DocError("binary or undecodable content: no text encoding fits these bytes")
    text = str(best)
    # charset-normalizer cannot tell apart single-byte code pages that decode these bytes alike
    # (cp1250 vs cp1252 for English text); name the common one when the text is the same.
    try:
        if data.decode("cp1252") == text:
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    return text, best.encoding.replace("_", "-")


def normalise_newlines(text: str) -> str:
    """Only "\\n" separates lines downstream: CRLF, CR and form feeds (page breaks) become "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
