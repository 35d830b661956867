"""Give every non-blank line of a page one label and a reason.

Order of evidence, strongest last (each step may overwrite the previous one):
model score -> HTML soft hints -> lines the site repeats on other pages -> headings between body
paragraphs -> footnotes -> front matter -> header (title, byline, dateline, lede) and captions ->
firm hints from PDF layout, used as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from pipeline.doc import Hint
from pipeline.segment import front, meta, notes
from pipeline.segment.features import page_features
from pipeline.segment.lines import Line
from pipeline.segment.model import LineModel
from pipeline.segment.words import BOILER_WORDS

_CAPTION = re.compile(r"\((?:\d+(?:st|nd|rd|th)\s)?(?:L|R|C|left|right|centre|center)\)|\bphoto(?:graph)?s?\b(?: credit)?:|\bimage(?: credit)?:|"
                      r"\b(?:getty images|shutterstock|reuters|afp|ap photo|xinhua|wikimedia)\b|credit:", re.I)
_CREDIT = re.compile(r"\b[\w-]+\.(?:com|org|net|ir|gov|edu|int|info|io|co)\b|^[●©]")  # a photo credit under a caption
_SPEAKER_ONLY = re.compile(r"^[A-Z][\w .'’-]{1,40}:$")
_READ_MORE = re.compile(r"\b(?:read more|keep reading|continue reading)", re.I)
MIN_TEASERS = 3  # "read more" links needed to call the blocks above them a teaser list
TEASER_LINES = 5  # a teaser is a title, a kicker and a summary or two above its link
_COMMENT_FORM = re.compile(r"^(?:\d+ comments?|leave a (?:reply|comment)|submit a comment|post a comment|add a comment|"
                           r"your email address will not be published|join the discussion|comments? are closed)\b", re.I)
MIN_BODY_ABOVE_FORM = 100  # words of article above a comment form before it may end the article
MAX_GAP = 4  # this many non-body lines in a row end a run of body text
MIN_RUN_SHARE = 0.1  # a run with less body than this share of the largest is a widget, not the article
LEDE_MIN_TOKENS = 8  # a standfirst is a sentence, not a kicker or a category
HEADING_MAX_TOKENS = 15  # an in-article heading is short; longer unpunctuated lines are teasers or captions
KEEP = ("body", "heading", "lede")  # labels whose text goes into doc.text


@dataclass
class Labelled:
    labels: dict[int, str] = field(default_factory=dict)  # line index -> label (non-blank lines)
    reasons: dict[int, str] = field(default_factory=dict)
    notes: dict[int, int | None] = field(default_factory=dict)
    title: int | None = None
    bylines: list[int] = field(default_factory=list)
    dateline: int | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)

    def set(self, index: int, label: str, reason: str, note: int | None = None) -> None:
        self.labels[index] = label
        self.reasons[index] = reason
        if label == "footnote":
            self.notes[index] = note
        else:
            self.notes.pop(index, None)


def label_lines(lines: list[Line], hints: list[Hint], model: LineModel, repeated: frozenset[str], soft_weight: float) -> Labelled:
    rows = [ln for ln in lines if ln.text]
    out = Labelled()
    if not rows:
        return out
    x = page_features(lines)
    p = model.score(x, np.array([ln.group for ln in rows]))
    soft = {h.line: h for h in hints if h.reason.startswith("html:")}
    for ln, score in zip(rows, p):
        hint = soft.get(ln.index)
        if hint is not None:
            # a soft hint moves the score towards its side by `soft_weight`
            target = 0.0 if hint.label in ("chrome", "front_matter") else 1.0
            score = (1 - soft_weight) * score + soft_weight * target
        if score >= model.threshold:
            out.set(ln.index, "body", f"model {score:.2f}")
        else:
            out.set(ln.index, "chrome", hint.reason if hint is not None and hint.label == "chrome" else f"model {score:.2f}")
        if ln.text in repeated and len(ln.tokens) < 60:
            out.set(ln.index, "chrome", "site_repeat")
    _headings(rows, out)
    _teasers(rows, out)
    _after_comment_form(rows, out)
    main_start = _main_region(rows, out)
    for index, (number, reason) in notes.find_notes(lines).items():
        out.set(index, "footnote", reason, number)
    _captions(rows, out)
    front_end = _front_matter(lines, rows, out)
    _header(lines, rows, out, front_end, main_start)
    for h in hints:
        if not h.reason.startswith("html:") and h.line < len(lines) and lines[h.line].text:
            out.set(h.line, h.label, h.reason, h.note)
    return out


def _headings(rows: list[Line], out: Labelled) -> None:
    """Short lines standing alone between body paragraphs are the article's own headings."""
    for k, ln in enumerate(rows):
        if out.labels[ln.index] != "chrome" or out.reasons[ln.index] == "site_repeat":
            continue
        if len(ln.tokens) > HEADING_MAX_TOKENS or not ln.tokens or ln.text.endswith((".", ",", ";")):
            continue
        if any(t in BOILER_WORDS for t in ln.tokens) or " | " in ln.text:
            continue
        before = rows[k - 1] if k else None
        after = rows[k + 1] if k + 1 < len(rows) else None
        if before is None or after is None or before.group == ln.group or after.group == ln.group:
            continue
        if out.labels[before.index] in ("body", "heading") and out.labels[after.index] == "body" and len(after.tokens) >= 12:
            out.set(ln.index, "heading", "between_body")
    sizes: dict[int, int] = {}  # a line alone in its paragraph may be a heading; a list item is not
    for ln in rows:
        sizes[ln.group] = sizes.get(ln.group, 0) + 1
    for ln in rows:
        if out.labels[ln.index] == "body" and _SPEAKER_ONLY.match(ln.text) is None and len(ln.tokens) <= HEADING_MAX_TOKENS \
                and " | " not in ln.text and sizes[ln.group] == 1 \
                and not ln.text.endswith((".", "!", "”", '"', ",", ";")) and ln.text[0].isupper() and len(ln.tokens) >= 1:
            out.set(ln.index, "heading", "short_in_body")


def _teasers(rows: list[Line], out: Labelled) -> None:
    """A "read more" link closes a teaser: the kept lines just above it (its title and summary) go.
    Only for a list of them: one "Read more" inside an article points to another page, not a teaser."""
    links = [k for k, ln in enumerate(rows) if len(ln.tokens) <= 6 and _READ_MORE.search(ln.text)]
    if len(links) < MIN_TEASERS:
        return
    for k in links:
        ln = rows[k]
        out.set(ln.index, "chrome", "read_more")
        for prev in reversed(rows[max(0, k - TEASER_LINES) : k]):
            if out.labels[prev.index] in ("caption", "footnote") or _CAPTION.search(prev.text) or _READ_MORE.search(prev.text):
                break
            if out.labels[prev.index] in KEEP:
                out.set(prev.index, "chrome", "teaser")


def _after_comment_form(rows: list[Line], out: Labelled) -> None:
    """A comment form closes the article: what follows is comments and widgets. Needs body above it."""
    seen_body = 0
    for k, ln in enumerate(rows):
        if out.labels[ln.index] == "body":
            seen_body += len(ln.tokens)
        elif seen_body >= MIN_BODY_ABOVE_FORM and len(ln.tokens) <= 12 and _COMMENT_FORM.search(ln.text):
            for later in rows[k:]:
                if out.labels[later.index] in KEEP:
                    out.set(later.index, "chrome", "after_comment_form")
            return


def _main_region(rows: list[Line], out: Labelled) -> int | None:
    """Runs of kept lines split by more than MAX_GAP other lines; runs much smaller than the largest
    are teasers or widgets. Lines the page repeats do not count towards a run's size (carousels).
    Returns the first line of the largest run."""
    counts: dict[str, int] = {}
    for ln in rows:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    runs: list[list[Line]] = []
    gap = MAX_GAP + 1
    for ln in rows:
        label = out.labels[ln.index]
        if label in KEEP:
            if gap > MAX_GAP or not runs:
                runs.append([])
            runs[-1].append(ln)
            gap = 0
        elif label not in ("footnote", "caption"):
            gap += 1
    if not runs:
        return None
    mass = [sum(len(ln.text) for ln in run if counts[ln.text] == 1 and out.labels[ln.index] == "body") for run in runs]
    main = max(range(len(runs)), key=lambda k: mass[k])
    for k, run in enumerate(runs):
        if k != main and mass[k] < MIN_RUN_SHARE * mass[main]:
            for ln in run:
                out.set(ln.index, "chrome", "outside_main")
    return runs[main][0].index


def _front_matter(lines: list[Line], rows: list[Line], out: Labelled) -> int | None:
    """Table of contents and what precedes it; copyright lines above the body. Returns the TOC end."""
    end = front.toc_end(lines, limit=max(60, len(lines) // 3))
    if end is not None:
        for ln in rows:
            if ln.index > end:
                break
            out.set(ln.index, "front_matter", "before_contents" if ln.index < end else "contents")
    first_body = next((ln.index for ln in rows if out.labels[ln.index] == "body" and ln.index > (end or -1)), None)
    for ln in rows:
        if first_body is not None and ln.index > first_body:
            break
        if front.is_copyright(ln.text) and out.labels[ln.index] != "footnote":
            out.set(ln.index, "front_matter", "copyright")
    return end


def _header(lines: list[Line], rows: list[Line], out: Labelled, front_end: int | None, main_start: int | None) -> None:
    body_start = next((ln.index for ln in rows if out.labels[ln.index] == "body" and ln.index > (front_end or -1)
                       and ln.index >= (main_start or 0)), len(lines))
    title = meta.find_title(lines, body_start, front_end)
    out.title = title
    if title is not None:
        out.set(title, "title", "headline")
    top = title if title is not None else body_start
    # the header: from the title to the body, and a few lines either side of the title
    header = [ln for ln in rows if top - 3 <= ln.index <= max(body_start, top + 6) and out.labels[ln.index] != "footnote"]
    for ln in header:
        if ln.index == title:
            continue
        near = title is not None and abs(ln.index - title) <= 8
        if out.published is None:
            iso = meta.date_of(ln)
            if iso and (near or ln.index < body_start):
                out.published, out.dateline = iso, ln.index
                if out.labels[ln.index] != "front_matter" or ln.index < (front_end or 0):
                    out.set(ln.index, "dateline", "date_near_title")
                continue
        names = meta.authors_of(ln, near)
        if names and out.labels[ln.index] != "body":
            out.bylines.append(ln.index)
            for name in names:
                if name not in out.authors:
                    out.authors.append(name)
            out.set(ln.index, "byline", "names_near_title")
    if not out.authors:
        # an author named with a role in the first paragraphs ("X - senior researcher at ..."),
        # or credited at the end ("republished with permission by X")
        kept = [r for r in rows if r.index >= body_start and out.labels[r.index] in KEEP]
        for ln in kept[:3] + [r for r in kept[3:] if "permission" in r.text]:
            found = meta.authors_of(ln, False)
            if found:
                out.authors.extend(found)
                break
    # a standfirst: a sentence or two right under the title, set apart from the body by a header line
    if title is not None:
        nxt = [ln for ln in rows if ln.index > title][:4]
        for k, ln in enumerate(nxt[:-1]):
            label = out.labels[ln.index]
            if label in ("footnote", "front_matter", "title") or out.reasons[ln.index] == "site_repeat":
                continue
            prose = len(ln.tokens) >= LEDE_MIN_TOKENS and ln.text[-1] in ".!?”\"" and not ln.text.isupper()
            if prose and (label == "chrome" and ln.index < body_start or label == "body" and out.labels[nxt[k + 1].index] not in KEEP):
                out.set(ln.index, "lede", "standfirst")
                break


def _captions(rows: list[Line], out: Labelled) -> None:
    for k, ln in enumerate(rows):
        if k and out.labels[rows[k - 1].index] == "caption" and len(ln.tokens) <= 4 and _CREDIT.search(ln.text):
            out.set(ln.index, "caption", "photo_credit")
            continue
        if out.labels[ln.index] in ("body", "chrome", "heading") and len(ln.tokens) <= 40 and _CAPTION.search(ln.text) \
                and not ln.text.endswith(("?",)) and ln.text.count(". ") <= 1:
            out.set(ln.index, "caption", "photo_caption")
