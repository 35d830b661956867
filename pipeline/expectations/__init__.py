"""Great Expectations suites, one per dataset of CONTRACT.md plus `schema`, `inputs` and `corpus`.

Suites are kept as code: each module names its dataset (`NAME`), the key columns that identify a
failing row (`KEY`), builds the DataFrame GX checks (`frame`: the dataset plus derived columns that
need a join, computed in pandas first) and lists its `checks`. A `Check` is plain data (the GX
expectation class name and its kwargs), so suites can be read and tested without importing GX
(slow to import); `pipeline.expectations.gx` turns them into GX objects. Thresholds come from the
`validate:` section of params.yaml, never from the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SUITES = ("schema", "documents", "blocks", "citations", "numbers", "errors", "inputs", "corpus")
SEVERITIES = ("error", "warning")  # error: the stage fails; warning: only reported

# ISO 8601 partial dates as the contract allows them: 2021, 2021-09, 2021-11-14.
ISO_DATE = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
# A mention in the text may also lack its year (ISO 8601 `--05-04`) or span days (interval `a/b`).
_MONTH_DAY = r"(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?"
_POINT = rf"(?:\d{{4}}(?:-{_MONTH_DAY})?|--{_MONTH_DAY})"
ISO_DATE_MENTION = rf"^{_POINT}(?:/{_POINT})?$"
# A decade as ISO 8601 reduced precision ("199" = the 1990s), or with an X for the unknown year digit.
ISO_DECADE = r"^\d{3}X?$"


@dataclass(frozen=True)
class Check:
    """One expectation: `name` is stable within its suite and is what messages and reports show."""

    name: str
    severity: str
    expectation: str  # GX 1.x class name in great_expectations.expectations, e.g. "ExpectColumnValuesToBeUnique"
    kwargs: dict[str, Any] = field(default_factory=dict)
    # rows the check applies to: (column, "==", value) | (column, "in", [values]) | (column, "not_null", None)
    where: tuple[str, str, Any] | None = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"check {self.name}: severity must be one of {SEVERITIES}, got {self.severity!r}")


def error(name: str, expectation: str, where: tuple[str, str, Any] | None = None, **kwargs: Any) -> Check:
    return Check(name, "error", expectation, kwargs, where)


def warning(name: str, expectation: str, where: tuple[str, str, Any] | None = None, **kwargs: Any) -> Check:
    return Check(name, "warning", expectation, kwargs, where)


def true(name: str, column: str, severity: str = "error") -> Check:
    """A derived boolean column must be True on every row (the failing rows are named by the suite's KEY)."""
    return Check(name, severity, "ExpectColumnValuesToBeInSet", {"column": column, "value_set": [True]})

