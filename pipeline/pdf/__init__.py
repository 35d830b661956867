"""Layout-aware PDF reading with pdfminer.six: `read_pdf(data, max_pages, min_text_chars)`."""

from pipeline.pdf.reader import PdfResult, read_pdf

__all__ = ["PdfResult", "read_pdf"]
