"""The article's header and front part: table of contents and copyright lines (front matter),
then title, byline, dateline and standfirst around the start of the body."""

from __future__ import annotations

from pipeline.segment import front, meta
from pipeline.segment.labelled import KEEP, Labelled
from pipeline.segment.lines import Line

LEDE_MIN_TOKENS = 8  # a standfirst is a sentence, not a kicker or a category


def front_matter(lines: list[Line], rows: list[Line], out: Labelled) -> int | None:
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


def header(lines: list[Line], rows: list[Line], out: Labelled, front_end: int | None, main_start: int | None) -> None:
    body_start = next((ln.index for ln in rows if out.labels[ln.index] == "body" and ln.index > (front_end or -1)
                       and ln.index >= (main_start or 0)), len(lines))
    title = meta.find_title(lines, body_start, front_end)
    out.title = title
    if title is not None:
        out.set(title, "title", "headline")
    top = title if title is not None else body_start
    # the header: from the title to the body, and a few lines either side of the title
    span = [ln for ln in rows if top - 3 <= ln.index <= max(body_start, top + 6) and out.labels[ln.index] != "footnote"]
    for ln in span:
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
