"""One colour per block label, shared by the HTML report and the terminal `inspect` view."""

from __future__ import annotations

from pipeline.doc import LABELS

# Article parts in strong colours, what is dropped (chrome, front matter) in greys, notes in purple:
# a reader scanning the page sees at once what was kept.
COLOURS: dict[str, str] = {
    "title": "#b8860b",
    "byline": "#2e8b57",
    "dateline": "#20b2aa",
    "lede": "#1e90ff",
    "heading": "#d2691e",
    "body": "#4169e1",
    "caption": "#9acd32",
    "footnote": "#9370db",
    "front_matter": "#a0a0a0",
    "chrome": "#808080",
}
UNLABELLED = "#ff4500"  # a line no block covers breaks the contract: make it loud

if set(COLOURS) != set(LABELS):  # a label added to doc.py must get a colour here
    raise RuntimeError(f"pipeline.report.labels: colours for {sorted(set(LABELS) ^ set(COLOURS))} out of step with doc.LABELS")


def colour(label: str | None) -> str:
    return COLOURS.get(label or "", UNLABELLED)
