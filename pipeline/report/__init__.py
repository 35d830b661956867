"""What the pipeline produced, made visible: the static HTML report and the shared views that `inspect` prints."""

from pipeline.report.html import write_report

__all__ = ["write_report"]
