"""The clean chain: every step, in order, on the lines that show a sign of damage.

Fast path: a page of ASCII without any character a step looks for is returned as is; otherwise each
line is checked with one character-class search (plus the mojibake trigger on non-ASCII lines), and
only the lines that show a sign of damage go through the steps. A repaired line goes
through the chain again until it stops changing (at most `max_passes`), so that clean(clean(x)) ==
clean(x) even for double-escaped entities ("&amp;quot;") and nested emphasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.clean import (
    bom,
    combining_mark,
    control_char,
    glyph_placeholder,
    html_entity,
    latex_marker,
    ligature,
    markdown_emphasis,
    markdown_escape,
    mojibake,
    odd_space,
    soft_hyphen,
    zero_width,
)
from pipeline.clean.step import Step
from pipeline.errors import FatalError
from pipeline.params import CleanParams

# Order matters: mojibake first (a decoded line may show entities or odd spaces); latex_marker
# before html_entity (it moves a swallowed "&" back in front of its entity); entities before the
# invisible characters they may decode to ("&nbsp;", "&shy;", "&#8203;"); Markdown last.
STEPS: tuple[Step, ...] = tuple(
    module.STEP
    for module in (
        mojibake, latex_marker, html_entity, bom, zero_width, control_char, soft_hyphen,
        odd_space, ligature, combining_mark, markdown_escape, markdown_emphasis, glyph_placeholder,
    )
)
NAMES = tuple(step.name for step in STEPS)


@dataclass(frozen=True)
class _Plan:
    steps: tuple[Step, ...]
    hint: re.Pattern[str]  # one character class: a line without any of these needs no hinted step
    unhinted: tuple[re.Pattern[str], ...]  # triggers without a hint, run on non-ASCII lines only


@lru_cache(maxsize=8)
def _plan(enabled: tuple[str, ...]) -> _Plan:
    unknown = sorted(set(enabled) - set(NAMES))
    if unknown:
        raise FatalError(f"params.yaml: clean.enabled_fixes has unknown {unknown} (known: {', '.join(NAMES)})")
    steps = tuple(s for s in STEPS if not enabled or s.name in enabled)
    hints = "".join(s.hint for s in steps)
    hint = re.compile(f"[{hints}]" if hints else r"(?!)")
    return _Plan(steps, hint, tuple(s.trigger for s in steps if not s.hint))


def _needs_work(line: str, plan: _Plan) -> bool:
    """The fast path: one character-class search, plus the unhinted triggers if the line is not ASCII."""
    if plan.hint.search(line):
        return True
    return not line.isascii() and any(t.search(line) for t in plan.unhinted)


def _clean_line(line: str, steps: tuple[Step, ...], params: CleanParams, counts: dict[str, int]) -> str:
    for _ in range(params.max_passes):
        before = line
        for step in steps:
            if not step.detector and step.trigger.search(line):
                line, n = step.fix(line, params)
                if n:
                    counts[step.name] = counts.get(step.name, 0) + n
        if line == before:
            break
    line = line.replace("\n", " ")  # no step adds one; this makes the line-count promise hold anyway
    for step in steps:
        if step.detector and step.trigger.search(line):
            _, n = step.fix(line, params)
            if n:
                counts[step.name] = counts.get(step.name, 0) + n
    return line


def clean_text(text: str, params: CleanParams) -> tuple[str, dict[str, int], list[str]]:
    """(clean text, repairs per reason, flags). The text keeps exactly its number of "\\n"."""
    plan = _plan(params.enabled_fixes)
    if text.isascii() and not plan.hint.search(text):
        return text, {}, []  # most pages of plain ASCII prose stop here
    lines = text.split("\n")
    todo = [i for i, line in enumerate(lines) if _needs_work(line, plan)]
    if not todo:
        return text, {}, []
    steps = tuple(s for s in plan.steps if s.gate is None or s.gate(text))
    counts: dict[str, int] = {}
    for i in todo:
        lines[i] = _clean_line(lines[i], steps, params, counts)
    flags = [s.name for s in steps if s.detector and s.name in counts]
    return "\n".join(lines), dict(sorted(counts.items())), flags
