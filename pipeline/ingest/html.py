"""HTML to text lines the way our plain-text inputs look, plus soft hints from the markup.

Blocks are separated by blank lines; list items, table rows and <br> start new lines; table cells are
joined by " | "; scripts and styles are dropped; nav/footer/forms stay as lines (segment decides), but
lines inside them get a soft `html:` hint. lxml parses with no network and no entity resolution, and
the walk is iterative so 10,000 nested tags cannot overflow the stack.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from lxml import etree
from lxml import html as lxml_html

from pipeline.doc import Hint
from pipeline.errors import DocError

_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr html legend main menu nav noframes ol p pre section summary table tbody "
    "thead tfoot ul".split()
)
_LINE = frozenset("li tr br option caption".split())
_CELL = frozenset(("td", "th"))
_SKIP = frozenset("script style noscript template head svg math iframe object embed".split())
_CHROME_TAGS = {"nav": "html:nav", "footer": "html:footer", "header": "html:header", "aside": "html:aside", "form": "html:form"}
# Class/id words that name site furniture on most templates (menus, sharing, related links, comments).
_CHROME_WORDS = re.compile(
    r"(?:^|[-_\s])(nav|navbar|menu|breadcrumbs?|sidebar|footer|header|share|social|related|comments?|newsletter|"
    r"subscribe|cookie|banner|promo|advert|ads?|widget|popup|modal)(?:$|[-_\s])",
    re.I,
)
_HEADINGS = {"h1": ("title", "html:h1"), "h2": ("heading", "html:h2"), "h3": ("heading", "html:h3"),
             "h4": ("heading", "html:h4"), "figcaption": ("caption", "html:figcaption")}
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# A line whose text is mostly anchor text is a link (menu item, teaser, tag): it gets an extra
# `html:link` hint, so segment can trust a chrome container's hint where it is right by
# construction (links in nav/footer/sidebars) and not on prose a wrapper's class happens to name.
LINK_SHARE = 0.5


def _context(el: etree._Element, parent: tuple[str, str] | None) -> tuple[str, str] | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _CHROME_TAGS:
        return ("chrome", _CHROME_TAGS[tag])
    marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
    if marks.strip() and (m := _CHROME_WORDS.search(marks)):
        return ("chrome", f"html:{m.group(1).lower()}")
    if parent is not None and parent[0] == "chrome":
        return parent
    if tag in _HEADINGS:
        return _HEADINGS[tag]
    return parent


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.hints: list[Hint] = []
        self.parts: list[str] = []
        self.hint: tuple[str, str] | None = None
        self.blank_pending = False
        self.link_chars = 0  # non-space characters of the current line inside <a>

    def add(self, text: str | None, hint: tuple[str, str] | None, link: bool = False) -> None:
        if text and text.strip():
            if not self.parts:
                self.hint = hint
            self.parts.append(text)
            if link:
                self.link_chars += len(_SPACE.sub("", text))
        elif text and self.parts:
            self.parts.append(" ")

    def cell(self) -> None:
        if self.parts and "".join(self.parts).strip():
            self.parts.append(" | ")

    def flush(self, blank: bool) -> None:
        line = _SPACE.sub(" ", "".join(self.parts)).strip().strip("|").strip()
        self.parts = []
        link_chars, self.link_chars = self.link_chars, 0
        if line:
            if self.blank_pending and self.lines:
                self.lines.append("")
            if self.hint is not None:
                self.hints.append(Hint(line=len(self.lines), label=self.hint[0], reason=self.hint[1]))
            if link_chars >= LINK_SHARE * (len(line) - line.count(" ")):
                self.hints.append(Hint(line=len(self.lines), label="chrome", reason="html:link"))
            self.lines.append(line)
            self.blank_pending = False
        self.blank_pending = self.blank_pending or blank


_OPEN_TAG = re.compile(r"<[A-Za-z]")


class _FlatRenderer(HTMLParser):
    """Tag-stream renderer for pages nested deeper than libxml2's tree limit (it drops what is below)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = _Lines()
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK or tag in _LINE:
            self.out.flush(blank=tag in _BLOCK)
        elif tag in _CELL:
            self.out.cell()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK or tag in _LINE:
            self.out.flush(blank=tag in _BLOCK)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.add(data, None)


def render_html(markup: str) -> tuple[str, list[Hint]]:
    """Return the page as text lines and soft hints for lines whose markup says what they are."""
    text, hints, complete = _render_tree(markup)
    if complete:
        return text, hints
    flat = _FlatRenderer()
    flat.feed(markup)
    flat.close()
    flat.out.flush(blank=False)
    return "\n".join(flat.out.lines), []


def _render_tree(markup: str) -> tuple[str, list[Hint], bool]:
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
    )
    try:
        root = lxml_html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise DocError(f"HTML could not be parsed: {exc}") from exc
    # libxml2 silently drops elements nested deeper than its limit; when the tree holds far fewer
    # elements than the markup opens, the caller falls back to the flat renderer.
    elements = sum(1 for _ in root.iter())
    if elements < 0.5 * len(_OPEN_TAG.findall(markup)) - 100:
        return "", [], False
    out = _Lines()
    contexts: list[tuple[str, str] | None] = [None]
    skipping = 0
    links = 0  # <a> elements open around the current text
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIP:
                skipping += 1
                continue
            ctx = _context(el, contexts[-1])
            contexts.append(ctx)
            if tag in _BLOCK or tag in _LINE:
                out.flush(blank=tag in _BLOCK)
            elif tag in _CELL:
                out.cell()
            links += tag == "a"
            out.add(el.text, ctx, links > 0)
        else:
            if skipping:
                skipping -= 1
                if skipping or tag in _SKIP:
                    out.add(el.tail, contexts[-1], links > 0) if not skipping else None
                    continue
            contexts.pop()
            links -= tag == "a"
            if tag in _BLOCK or tag in _LINE:
                out.flush(blank=tag in _BLOCK)
            out.add(el.tail, contexts[-1], links > 0)
    out.flush(blank=False)
    return "\n".join(out.lines), out.hints, True
