"""Ingest steps: bytes to text (decode), HTML to text lines (html), PDF via pipeline.pdf."""
