"""The article's header and front part: table of contents and copyright lines (front matter),
then title (title.py's ranker on web pages), byline, dateline and standfirst around the start of
the body; authors from an author box after the article when the header names none.

Rows are in page order, so the header's rows are found by bisecting on the line index instead of
filtering the whole page; the copyright test runs only on lines holding a copyright cue.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from pipeline.segment import authors, front, meta
from pipeline.segment import title as titles
from pipeline.segment.labelled import KEEP, Labelled
from pipeline.segment.lines import Line, index_of
from pipeline.segment.scan import Scan

LEDE_MIN_TOKENS = 8  # a standfirst is a sentence, not a kicker or a category
BYLINE_ROWS = 10  # body rows searched for a "By ..." line when the header has none
# lines after the title searched for its dateline: a repeated headline, a picture or a standfirst may
# come between ("Title / Standfirst / By X / | Posted January 7, 2026"); bare names only nearer (8 lines)
DATELINE_ROWS = 10
BOX_BYLINE_TOKENS = 8  # "Written by <name>" heading an author box: the cue and a name, no more


def front_matter(lines: list[Line], rows: list[Line], out: Labelled, scan: Scan) -> int | None:
    """Table of contents and what precedes it; copyright lines above the body. Returns the TOC end."""
    end = front.toc_end(lines, max(60, len(lines) // 3), scan)
    if end is not None:
        for ln in rows:
            if ln.index > end:
                break
            out.set(ln.index, "front_matter", "before_contents" if ln.index < end else "contents")
    first_body = next((ln.index for ln in rows if out.labels[ln.index] == "body" and ln.index > (end or -1)), None)
    for k in scan.rows_with(front.COPYRIGHT_CUES, fold=True):
        ln = rows[k]
        if first_body is not None and ln.index > first_body:
            break
        if front.is_copyright(ln.text) and out.labels[ln.index] != "footnote":
            out.set(ln.index, "front_matter", "copyright")
    return end


def header(lines: list[Line], rows: list[Line], out: Labelled, front_end: int | None, main_start: int | None,
           scan: Scan, h1: int | None = None) -> None:
    """`h1`: the line of an HTML page's only `<h1>`, its title by markup (as trafilatura takes it)."""
    body_start = next((ln.index for ln in rows if out.labels[ln.index] == "body" and ln.index > (front_end or -1)
                       and ln.index >= (main_start or 0)), len(lines))
    title = meta.first_headline(rows, front_end) if front_end is not None else None
    if title is None and h1 is not None and 1 <= lines[h1].ntok <= 40 and out.labels[h1] not in ("footnote", "front_matter"):
        title = h1
    if title is None:
        out.title_rows, out.title_features = titles.candidates(rows, out, body_start, out.scores, scan)
        title = titles.pick(rows, out.title_rows, out.title_features)
    out.title = title
    if title is not None:
        out.set(title, "title", "headline")
    top = title if title is not None else body_start
    # the header: from the title to the body, and a few lines either side of the title
    lo = bisect_left(rows, top - 6, key=index_of)
    hi = bisect_right(rows, max(body_start, top + DATELINE_ROWS), key=index_of)
    span = [ln for ln in rows[lo:hi] if out.labels[ln.index] != "footnote"]
    for ln in span:
        if ln.index == title:
            continue
        # bare names only in the header proper: further down, only a line with a byline cue
        near = title is not None and abs(ln.index - title) <= 8 and ln.index <= max(body_start, top + 6)
        if out.published is None:
            found = meta.dateline(ln)
            if found and (title is not None and abs(ln.index - title) <= DATELINE_ROWS or ln.index < body_start):
                out.published, out.dateline = found[0], ln.index
                if out.labels[ln.index] != "front_matter" or ln.index < (front_end or 0):
                    out.set(ln.index, "dateline", "date_near_title")
                _add_authors(out, found[1])
                continue
        names = authors.authors_of(ln, near)
        # a byline the line model read as prose still counts when a person or a team follows the cue
        if names and (out.labels[ln.index] != "body" or ln.ntok <= 12 and authors.credited(names[0])):
            out.bylines.append(ln.index)
            _add_authors(out, names)
            out.set(ln.index, "byline", "names_near_title")
    if out.published is None:
        first = next((ln for ln in rows[bisect_left(rows, body_start, key=index_of):] if out.labels[ln.index] in KEEP), None)
        out.published = meta.wire_date(first.text) if first else None
    if not out.authors:
        _authors_in_body(rows, out, body_start, scan)
    if title is not None:
        _standfirst(rows, out, title, body_start)


def _add_authors(out: Labelled, names: list[str]) -> None:
    for name in names:
        if name not in out.authors:
            out.authors.append(name)


def _authors_in_body(rows: list[Line], out: Labelled, body_start: int, scan: Scan) -> None:
    """An author named with a role in the first paragraphs ("X - senior researcher at ..."),
    or credited at the end ("republished with permission by X")."""
    kept = (r for r in rows[bisect_left(rows, body_start, key=index_of):] if out.labels[r.index] in KEEP)
    first = [r for _, r in zip(range(BYLINE_ROWS), kept)]
    credits = [] if len(first) < 3 else [  # kept lines after the first three that hold the word
        rows[k] for k in scan.rows_with(("permission",)) if rows[k].index > first[2].index and out.labels[rows[k].index] in KEEP]
    for n, ln in enumerate(first + credits):
        # a role or credit in the first three paragraphs; a "By ..." line a little further down, under a
        # standfirst or a picture
        found = authors.authors_of(ln, False) if n < 3 or n >= len(first) else [
            a for a in authors.by_names(ln.text) if authors.person_like(a)]
        if found:
            out.authors.extend(found)
            return
    _author_box(rows, out, body_start, scan)


def _author_box(rows: list[Line], out: Labelled, body_start: int, scan: Scan) -> None:
    """Names listed under an "About the authors" / "Written by" / "The author" line after the article's
    start, or a biography outside the body: the author box most sites put beside or after the text."""
    start = bisect_left(rows, body_start, key=index_of)
    for k in scan.rows_with(("author", "written by", "posted by"), fold=True):
        if k < start:
            continue
        if not authors.AUTHOR_CUE.match(rows[k].text):
            # "Written by Jane Doe" over her biography ("Jane has covered ..."): a teaser's byline has none
            named = authors.by_names(rows[k].text) if rows[k].ntok <= BOX_BYLINE_TOKENS and k + 1 < len(rows) else []
            if named and authors.person_like(named[0]) and rows[k + 1].text.startswith(named[0].split()[0] + " "):
                out.authors.append(named[0])
                return
            continue
        names = []
        for ln in rows[k + 1 : k + 5]:
            if not authors.name_line(ln.text):
                break
            names.append(ln.text)
        if names:
            out.authors.extend(names)
            return
    # or a short biography there: "Alexa Amador is a writer, graphic designer and ..."
    for k in scan.rows_with((" is a ", " is an ", " is the ")):
        if k >= start and out.labels[rows[k].index] not in KEEP:
            name = authors.bio_name(rows[k].text)
            if name:
                out.authors.append(name)
                return


def _standfirst(rows: list[Line], out: Labelled, title: int, body_start: int) -> None:
    """A sentence or two right under the title, set apart from the body by a header line."""
    after = bisect_right(rows, title, key=index_of)
    nxt = rows[after : after + 4]
    for k, ln in enumerate(nxt[:-1]):
        label = out.labels[ln.index]
        if label in ("footnote", "front_matter", "title") or out.reasons[ln.index] == "site_repeat":
            continue
        prose = ln.ntok >= LEDE_MIN_TOKENS and ln.text[-1] in ".!?”\"" and not ln.text.isupper()
        if prose and (label == "chrome" and ln.index < body_start or label == "body" and out.labels[nxt[k + 1].index] not in KEEP):
            out.set(ln.index, "lede", "standfirst")
            break
