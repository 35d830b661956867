"""Where the article is on the page: teaser lists, what follows a comment form, and the largest
run of body text (smaller runs far from it are widgets)."""

from __future__ import annotations

import re

from pipeline.segment.captions import is_caption
from pipeline.segment.labelled import KEEP, Labelled
from pipeline.segment.lines import Line
from pipeline.segment.scan import Scan

_READ_MORE = re.compile(r"\b(?:read more|keep reading|continue reading)", re.I)
_READ_MORE_CUES = ("read more", "keep reading", "continue reading")  # any case: only these lines are searched
MIN_TEASERS = 3  # "read more" links needed to call the blocks above them a teaser list
TEASER_LINES = 5  # a teaser is a title, a kicker and a summary or two above its link
_COMMENT_FORM = re.compile(r"^(?:\d+ comments?|leave a (?:reply|comment)|submit a comment|post a comment|add a comment|"
                           r"your email address will not be published|join the discussion|comments? are closed)\b", re.I)
# every _COMMENT_FORM match holds one of these (any case): only these lines are searched
_COMMENT_CUES = ("comment", "leave a reply", "your email address", "join the discussion")
MIN_BODY_ABOVE_FORM = 100  # words of article above a comment form before it may end the article
MAX_GAP = 4  # this many non-body lines in a row end a run of body text
MIN_RUN_SHARE = 0.1  # a run with less body than this share of the largest is a widget, not the article


def teasers(rows: list[Line], out: Labelled, scan: Scan) -> None:
    """A "read more" link closes a teaser: the kept lines just above it (its title and summary) go.
    Only for a list of them: one "Read more" inside an article points to another page, not a teaser."""
    cued = scan.rows_with(_READ_MORE_CUES, fold=True)
    links = [k for k in cued if rows[k].ntok <= 6 and _READ_MORE.search(rows[k].text)]
    if len(links) < MIN_TEASERS:
        return
    for k in links:
        ln = rows[k]
        out.set(ln.index, "chrome", "read_more")
        for prev in reversed(rows[max(0, k - TEASER_LINES) : k]):
            if out.labels[prev.index] in ("caption", "footnote") or is_caption(prev.text) or _READ_MORE.search(prev.text):
                break
            if out.labels[prev.index] in KEEP:
                out.set(prev.index, "chrome", "teaser")


def after_comment_form(rows: list[Line], out: Labelled, scan: Scan) -> None:
    """A comment form closes the article: what follows is comments and widgets. Needs body above it."""
    labels = out.labels
    seen_body = 0  # words of body lines above row `counted`
    counted = 0
    for k in scan.rows_with(_COMMENT_CUES, fold=True):  # the only lines that may be a comment form
        # summing a list: quicker than a generator
        seen_body += sum([ln.ntok for ln in rows[counted:k] if labels[ln.index] == "body"])
        counted = k
        ln = rows[k]
        if out.labels[ln.index] != "body" and seen_body >= MIN_BODY_ABOVE_FORM and ln.ntok <= 12 \
                and _COMMENT_FORM.search(ln.text):
            for later in rows[k:]:
                if out.labels[later.index] in KEEP:
                    out.set(later.index, "chrome", "after_comment_form")
            return


def main_region(rows: list[Line], out: Labelled, scan: Scan) -> int | None:
    """Runs of kept lines split by more than MAX_GAP other lines; runs much smaller than the largest
    are teasers or widgets. Lines the page repeats do not count towards a run's size (carousels).
    Returns the first line of the largest run."""
    counts, labels = scan.counts, out.labels
    runs: list[list[Line]] = []
    run: list[Line] = []
    gap = MAX_GAP + 1  # so the first kept line opens a run
    for ln in rows:
        label = labels[ln.index]
        if label in KEEP:
            if gap > MAX_GAP:
                run = []
                runs.append(run)
            run.append(ln)
            gap = 0
        elif label != "footnote" and label != "caption":
            gap += 1
    if not runs:
        return None
    mass = [sum([len(ln.text) for ln in run if counts[ln.text] == 1 and labels[ln.index] == "body"]) for run in runs]
    main = mass.index(max(mass))  # the first largest, as max() by key gives
    for k, run in enumerate(runs):
        if k != main and mass[k] < MIN_RUN_SHARE * mass[main]:
            for ln in run:
                out.set(ln.index, "chrome", "outside_main")
    return runs[main][0].index
