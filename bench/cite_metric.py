"""GROBID-style field-level micro P/R/F1 for parsed references (the metric of ../shared/bench/README.md).

Each core field of a reference is one comparison: equal after folding = TP; present on one side
only = FN (gold) or FP (predicted); present on both sides but different = one FP and one FN.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

CORE_FIELDS = ("author", "title", "container", "date", "volume", "issue", "pages", "url", "publisher")
# Connectives and `et al.` are not name tokens: the contract drops them from author lists.
_NOT_NAME = {"and", "et", "al", "und", "y", "e"}
_NON_WORD = re.compile(r"[\W_]+")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def fold(value: str) -> str:
    """NFKD, accents dropped, case folded, punctuation turned into single spaces."""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NON_WORD.sub(" ", text).strip()


def _authors_key(names: Iterable[str]) -> tuple[tuple[str, int], ...] | None:
    tokens = Counter(t for name in names for t in fold(name).split() if t not in _NOT_NAME)
    return tuple(sorted(tokens.items())) or None


def _year(value: Any) -> str | None:
    found = _YEAR.search(str(value)) if value else None
    return found.group(1) if found else None


def field_key(name: str, value: Any) -> Any:
    """The comparable form of one field's value; None when the field counts as absent."""
    if value is None:
        return None
    if name == "author":
        return _authors_key([value] if isinstance(value, str) else value)
    if name == "date":
        return _year(value)
    return fold(str(value)) or None


_CUT_PAGES = re.compile(r"^ages?\s+(?=\d)")


def gold_fields(row: dict[str, Any], repair: bool = True) -> dict[str, Any]:
    """Core gold fields of one anystyle_core row; the date is compared by its `year`.

    `repair` undoes one defect of the gold: for `pages 393-397` AnyStyle's normaliser kept
    `ages 393-397` (it cut the `p` as if it were `p.`), in 77 rows. Scores are reported both ways.
    """
    gold = dict(row["fields"])
    gold["date"] = gold.get("year") or gold.get("date")
    if repair and isinstance(gold.get("pages"), str):
        gold["pages"] = _CUT_PAGES.sub("", gold["pages"])
    return {name: gold.get(name) for name in CORE_FIELDS}


def score(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, dict[str, float]]:
    """Micro P/R/F1 per field and over all core fields, from (gold, predicted) field dicts."""
    counts = {name: Counter() for name in CORE_FIELDS}
    for gold, pred in pairs:
        for name in CORE_FIELDS:
            g, p = field_key(name, gold.get(name)), field_key(name, pred.get(name))
            if g is not None and p is not None and g == p:
                counts[name]["tp"] += 1
                continue
            counts[name]["fn"] += g is not None
            counts[name]["fp"] += p is not None
    total = sum(counts.values(), Counter())
    return {name: _prf(c) for name, c in [*counts.items(), ("core", total)]}


def _prf(c: Counter) -> dict[str, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}
