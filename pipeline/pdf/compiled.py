"""Issues that print several documents one after another (the Federal Register, gazettes): a
document ends at its filing line, `[FR Doc. 2020–17221 Filed 8–5–20; 8:45 am]`, and the page goes
on with the next document, or starts with the end of the previous one. The document is the
stretch between filing lines with the most running text; the other stretches are chrome.

Applied to the laid-out units, after paragraphs are built, so the other document's text stays
readable in the page (one paragraph per unit, margin stamps merged) while leaving the body."""

from __future__ import annotations

import re

from pipeline.pdf.emit import Unit

_FILED = re.compile(r"^\[FR Doc\.? [^\]]{3,60}\]$")


def mark(seq: list[Unit]) -> None:
    stretches: list[list[Unit]] = [[]]
    for unit in seq:
        stretches[-1].append(unit)
        if _FILED.match(unit.text.strip()):
            stretches.append([])
    if len(stretches) < 2:
        return
    mass = [sum(len(u.text) for u in s if u.label == "body") for s in stretches]
    main = max(range(len(stretches)), key=mass.__getitem__)
    for k, stretch in enumerate(stretches):
        if k != main:
            for unit in stretch:
                unit.label, unit.reason, unit.note = "chrome", "other_document", None
