"""A posting in HTML read as the Markdown the rest of rolescope parses: headings
become `#` lines, list items `- ` lines, paragraphs lines of their own, and
`<strong>` alone on a line a bold line.

A careers page is mostly not the posting: cookie banners, navigation, the site's
header and footer, forms, "similar jobs". Scripts, styles, forms, buttons and
navigation are dropped as they are read; elements whose id, class, role or
aria-label say they are chrome (cookie, consent, banner, menu, footer, share...)
and the site's `<header>`/`<footer>` are dropped once the whole page is read, so
that one holding the posting's `<h1>` (a "hero banner") is kept. When the page
marks its content (`<main>`, `<article>`, `role="main"`), only the innermost of
those around the posting's `<h1>` that holds most of the text is read.

Each character of the Markdown remembers the line of the HTML it came from, so a
message can name the line in the file the lead has, even inside a paragraph
that spans several lines or after a `<br>`."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "br", "hr", "tr", "table", "dl", "dd",
    "dt", "blockquote", "figure", "figcaption", "address", "pre", "details", "summary",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LINES = _BLOCKS | set(_HEADINGS) | {"li", "ul", "ol"}  # the tags that end a Markdown line
# Never the posting's words: code, the page's head, navigation and the controls of forms and dialogs.
_SKIP = {
    "script", "style", "head", "title", "template", "noscript", "nav", "form", "button", "select", "textarea",
    "dialog", "iframe", "svg", "canvas", "object", "video", "audio",
}  # fmt: skip
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# Words in an id, class or aria-label that mark site chrome; matched at the start of a word, so
# "navbar", "cookiebot" and "breadcrumbs" count and "canvas" does not.
# A link drawn as a button ("Apply now") is a control too.
_CHROME_WORDS = (
    "cookie", "consent", "gdpr", "banner", "nav", "menu", "footer", "breadcrumb", "skip", "modal", "share", "btn",
    "button",
)  # fmt: skip
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "dialog", "alertdialog", "menu", "menubar", "search", "button"}
_NOT_CHROME = ("shared",)  # a "shared-layout" wrapper is not a share button
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_SPACE = re.compile(r"\s+")


@dataclass
class HtmlPosting:
    text: str  # Markdown
    source_lines: list[int] = field(default_factory=list)  # Markdown line (0-based index) -> HTML line (1-based)
    # For each Markdown line, (0-based column, HTML line) where the HTML line changes within it.
    line_breaks: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    h1: str = ""  # the posting's <h1>, as in the Markdown
    h1_line: int = 0  # its Markdown line (1-based), 0 without one
    page_title: str = ""  # the page's <title>
    site_name: str = ""  # <meta property="og:site_name">
    organization: str = ""  # hiringOrganization of a schema.org JobPosting in the page

    def source_line(self, line: int, column: int | None = None) -> int:
        """The HTML line of Markdown line `line` (1-based), at `column` (1-based) when given."""
        if not 0 < line <= len(self.source_lines):
            return line
        breaks = self.line_breaks[line - 1] if line <= len(self.line_breaks) else ()
        if column is None or not breaks:
            return self.source_lines[line - 1]
        at = bisect_right([start for start, _ in breaks], column - 1) - 1
        return breaks[at][1] if at >= 0 else self.source_lines[line - 1]


@dataclass
class _Block:
    text: str
    lines: list[int]  # the HTML line of each character of text
    region: int | None  # the innermost region around it
    level: int  # heading level, 0 for other text


@dataclass
class _Region:
    kind: str  # "content" (main, article), "chrome" (by its attributes), "frame" (a <header>/<footer>)
    parent: int | None


@dataclass
class _Open:
    tag: str
    region: int | None = None
    skip: bool = False
    items: int = 0  # an <ol>'s next number (0 in a <ul>)


def _is_chrome(attrs: dict[str, str]) -> bool:
    if attrs.get("role", "").strip().lower() in _CHROME_ROLES:
        return True
    said = " ".join(attrs.get(name, "") for name in ("id", "class", "aria-label"))
    return any(
        word.lower().startswith(_CHROME_WORDS) and not word.lower().startswith(_NOT_CHROME)
        for word in _WORD.findall(said)
    )


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.parts: list[tuple[str, int, bool]] = []  # (text, HTML line it starts on, is a bold mark)
        self.prefix = ""
        self.level = 0
        self.bold_only = True
        # The open elements, and counts kept beside them so that a deeply nested page
        # is not rescanned for every piece of text.
        self.open: list[_Open] = []
        self.tags: Counter[str] = Counter()
        self.skipping = 0
        self.lists: list[_Open] = []
        self.inside: list[int] = []  # the open regions, outermost first
        self.regions: list[_Region] = []
        self.page_title = ""
        self.site_name = ""
        self.capture: list[str] | None = None  # the text of the <title> or JSON-LD being read
        self.json_ld: list[str] = []

    def _flush(self) -> None:
        text, lines = _collapse(self.parts, keep_marks=True)
        # Bold stays only on a line that is all bold (the parser reads it as a
        # heading, as a company name under the title is); elsewhere it is dropped.
        all_bold = self.bold_only and text.startswith("**") and text.endswith("**")
        if text and (self.prefix or not all_bold):
            text, lines = _collapse(self.parts, keep_marks=False)
        if text:
            lines = [lines[0]] * len(self.prefix) + lines
            self.blocks.append(_Block(self.prefix + text, lines, self.inside[-1] if self.inside else None, self.level))
            self.prefix = ""
            self.level = 0
        self.parts = []
        self.bold_only = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("property", values.get("name", "")).lower() == "og:site_name":
            self.site_name = self.site_name or _SPACE.sub(" ", values.get("content", "")).strip()
        if tag == "title" and not self.page_title and not self.tags["svg"]:
            self.capture = []
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self.capture = []
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._flush()
            return
        element = _Open(tag, skip=tag in _SKIP)
        # <body class="cookie-banner-open"> still holds the page.
        chrome = tag not in ("html", "body") and _is_chrome(values)
        content = tag in ("main", "article") or values.get("role", "").lower() == "main"
        if not element.skip and (chrome or content or tag in ("header", "footer")):
            kind = "chrome" if chrome else "content" if content else "frame"
            self.regions.append(_Region(kind, self.inside[-1] if self.inside else None))
            element.region = len(self.regions) - 1
        if tag in _LINES or element.region is not None:
            self._flush()
        if tag in _HEADINGS:
            self.prefix = "#" * _HEADINGS[tag] + " "
            self.level = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            element.items = 1 if tag == "ol" else 0
            self.lists.append(element)
        elif tag == "li":
            if self.lists and self.lists[-1].items:
                self.prefix = f"{self.lists[-1].items}. "
                self.lists[-1].items += 1
            else:
                self.prefix = "- "
        elif tag in ("strong", "b"):
            self.parts.append(("**", self.getpos()[0], True))
        self.open.append(element)
        self.tags[tag] += 1
        self.skipping += element.skip
        if element.region is not None:
            self.inside.append(element.region)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "hr"):  # </br> is read as <br> by browsers
            self._flush()
            return
        if tag in ("title", "script") and self.capture is not None:
            text = "".join(self.capture)
            if tag == "title":
                self.page_title = _SPACE.sub(" ", text).strip()
            else:
                self.json_ld.append(text)
            self.capture = None
        if not self.tags[tag]:
            if tag in _LINES:
                self._flush()  # a stray </p> still ends a line
            return
        # Close the innermost open element of this name and any left open inside it
        # (an unclosed <p> or <li>).
        while self.open:
            element = self.open.pop()
            if element.tag in ("strong", "b"):
                self.parts.append(("**", self.getpos()[0], True))
            if element.tag in _LINES or element.region is not None:
                self._flush()
            if element.tag in _HEADINGS or element.tag == "li":
                self.prefix, self.level = "", 0  # an empty item or heading lends nothing to the next line
            self.tags[element.tag] -= 1
            self.skipping -= element.skip
            if element.region is not None:
                self.inside.pop()
            if element.tag in ("ul", "ol"):
                self.lists.pop()
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.capture is not None:
            self.capture.append(data)
            return
        if self.skipping or (not self.parts and not data.strip()):
            return
        if data.strip() and not (self.tags["strong"] or self.tags["b"]):
            self.bold_only = False
        self.parts.append((data, self.getpos()[0], False))

    def close(self) -> None:
        super().close()
        self._flush()


def _collapse(parts: list[tuple[str, int, bool]], *, keep_marks: bool) -> tuple[str, list[int]]:
    """The parts as one line, runs of white space one space, and the HTML line of each
    character (a space takes the line of the word after it)."""
    chars: list[str] = []
    lines: list[int] = []
    space = False
    for text, line, mark in parts:
        if mark and not keep_marks:
            continue
        for char in text:
            if char.isspace():
                space = bool(chars)
            else:
                if space:
                    chars.append(" ")
                    lines.append(line)
                    space = False
                chars.append(char)
                lines.append(line)
            if char == "\n":
                line += 1
    return "".join(chars), lines


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(?:body|h1|h2|ul|article)\b", head))


def _kept(blocks: list[_Block], regions: list[_Region]) -> list[_Block]:
    """The blocks that are the posting: page chrome dropped, and only the content
    region around the posting's <h1> when the page marks one. A region's parent is
    always numbered before it, so each pass is one walk down or up the list."""
    count = len(regions)
    content = [region.kind == "content" for region in regions]
    in_content = [False] * count  # inside <main> or <article>
    holds_content = [False] * count  # around <main> or <article>
    for index, region in enumerate(regions):
        if region.parent is not None:
            in_content[index] = content[region.parent] or in_content[region.parent]
    for index in range(count - 1, -1, -1):
        parent = regions[index].parent
        if parent is not None and (content[index] or holds_content[index]):
            holds_content[parent] = True
    # A site <header>/<footer> is chrome, one inside <main> or <article> the posting's own;
    # a wrapper around the page's <main> ("page nav-closed") is not chrome.
    chrome = [
        (region.kind == "chrome" or (region.kind == "frame" and not in_content[index])) and not holds_content[index]
        for index, region in enumerate(regions)
    ]

    def dropped() -> list[bool]:  # chrome, or inside chrome
        inside = [False] * count
        for index, region in enumerate(regions):
            inside[index] = chrome[index] or (region.parent is not None and inside[region.parent])
        return inside

    hidden = dropped()
    headings = [block for block in blocks if block.level == 1]
    shown = [block for block in headings if block.region is None or not hidden[block.region]]
    marked = [
        block for block in shown if block.region is not None and (content[block.region] or in_content[block.region])
    ]
    # The posting's <h1> is in the content if the page marks it; failing that, the only
    # <h1> is in a banner, and that banner is the posting's.
    h1 = next(iter(marked or shown or headings), None)
    around = [] if h1 is None else _chain(regions, h1.region)  # innermost first
    for index in around:
        chrome[index] = False
    hidden = dropped()
    kept = [block for block in blocks if block.region is None or not hidden[block.region]]
    size = [0] * count
    for block in kept:
        if block.region is not None:
            size[block.region] += len(block.text)
    for index in range(count - 1, -1, -1):
        parent = regions[index].parent
        if parent is not None:
            size[parent] += size[index]
    total = sum(len(block.text) for block in kept)
    # The innermost content region around the <h1> that holds at least half the text
    # around it: an <article> beside "similar jobs", not one holding only the title.
    if h1 is not None:
        around = [index for index in around if content[index]]
    else:
        largest = max((index for index in range(count) if content[index]), key=size.__getitem__, default=None)
        around = [] if largest is None else [largest]
    chosen = None
    for position, index in enumerate(around):  # innermost first
        outer = size[around[position + 1]] if position + 1 < len(around) else total
        if size[index] * 2 >= outer:
            chosen = index
            break
    if chosen is None:
        return kept
    within = [False] * count
    for index, region in enumerate(regions):
        within[index] = index == chosen or (region.parent is not None and within[region.parent])
    return [block for block in kept if block.region is not None and within[block.region]]


def _chain(regions: list[_Region], index: int | None) -> list[int]:
    """Region `index` and those around it, innermost first."""
    found = []
    while index is not None:
        found.append(index)
        index = regions[index].parent
    return found


def _organization(scripts: list[str]) -> str:
    """The hiringOrganization's name in a schema.org JobPosting, if the page has one."""
    for script in scripts:
        try:
            found = json.loads(script)
        except ValueError:
            continue
        stack = [found]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if item.get("@type") == "JobPosting":
                    organization = item.get("hiringOrganization")
                    name = organization.get("name") if isinstance(organization, dict) else organization
                    if isinstance(name, str) and name.strip():
                        return _SPACE.sub(" ", name).strip()
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
    return ""


def html_to_posting(text: str) -> HtmlPosting:
    reader = _Reader()
    # Lines end as an editor counts them, so a lone CR is a line too.
    reader.feed(text.replace("\r\n", "\n").replace("\r", "\n"))
    reader.close()
    markdown: list[str] = []
    lines: list[int] = []
    breaks: list[tuple[tuple[int, int], ...]] = []
    h1, h1_line = "", 0
    for block in _kept(reader.blocks, reader.regions):
        if markdown:
            markdown.append("")
            lines.append(block.lines[0])
            breaks.append(())
        if block.level == 1 and not h1:
            h1, h1_line = block.text.removeprefix("# ").strip(), len(markdown) + 1
        markdown.append(block.text)
        lines.append(block.lines[0])
        breaks.append(
            tuple(
                (column, line)
                for column, line in enumerate(block.lines)
                if not column or line != block.lines[column - 1]
            )
        )
    return HtmlPosting(
        "\n".join(markdown) + "\n",
        lines,
        breaks,
        h1=h1,
        h1_line=h1_line,
        page_title=reader.page_title,
        site_name=_site(reader.site_name),  # "Acme Careers" is Acme
        organization=_organization(reader.json_ld),
    )


_TITLE_SEPARATOR = re.compile(r"\s+(\||·|•|—|–|-|:|»)\s+")
_GENERIC = re.compile(
    r"(?:careers?|jobs?|job (?:details|description|posting|opening)|open (?:positions|roles)|openings|vacanc(?:y|ies)"
    r"|home|apply(?: now)?|join us|join our team|work with us|we'?re hiring|opportunities)",
    re.I,
)
_CAREERS_AT = re.compile(
    r"^(?:careers?|jobs?)\s+(?:at|@|with)\s+(.+)$|^(.+?)\s+(?:careers?|jobs?)(?:\s+(?:page|site))?$", re.I
)


_BEFORE = re.compile(r"^\s*(?:[|·•—–:»-]|at\b|@)\s*", re.I)  # what parts a name after the <h1> from it
_AFTER = re.compile(r"\s*(?:[|·•—–:»-])\s*$")  # and a name before it


def title_parts(page_title: str, h1: str = "", site: str = "") -> tuple[str, str]:
    """(title, company) in a page's <title>: "Perception ML Engineer | Careers | Tessellate
    Robotics" is that title at Tessellate Robotics, and so are "Tessellate Robotics - Perception
    ML Engineer" and "Job Application for Perception ML Engineer at Tessellate Robotics" when
    the <h1> says which part is the title. Without an <h1>, only the site's name (`site`, from
    the page's meta), a strong separator ("|", "·", "—") or a word such as "Careers" marks the
    name off, since a title may hold a hyphen ("Research Scientist - Embodied AI")."""
    page_title = _SPACE.sub(" ", page_title).strip()
    if h1:
        at = page_title.casefold().find(h1.casefold())
        if at >= 0:
            after, before = page_title[at + len(h1) :], page_title[:at]
            after_names = [_site(part) for part in _segments(_BEFORE.sub("", after))] if _BEFORE.match(after) else []
            before_names = [_site(part) for part in _segments(_AFTER.sub("", before))] if _AFTER.search(before) else []
            names = [name for name in after_names[::-1] + before_names if name]  # the page's edges first
            return h1, names[0] if names else ""
        said_in_h1 = set(re.findall(r"\w+", h1.lower()))

        def is_title(segment: str) -> bool:  # the <h1>, or mostly its words
            said = re.findall(r"\w+", segment.lower())
            return bool(said) and sum(word in said_in_h1 for word in said) * 2 >= len(said)

        rest = [_site(segment) for segment in _segments(page_title) if not is_title(segment)]
        return h1, next((name for name in reversed(rest) if name), "")
    pieces = _pieces(page_title)
    segments, separators = pieces[0::2], pieces[1::2]
    names = [_site(segment) for segment in segments]
    company = ""

    def is_site(name: str) -> bool:
        return not name or name.casefold() == site.casefold()

    while segments and is_site(names[0]):  # "Careers – Research scientist", "Acme - Research scientist"
        company = company or names[0]
        segments, names, separators = segments[1:], names[1:], separators[1:]
    while len(segments) > 1 and is_site(names[-1]):  # "... | Careers", "... - Acme"
        company = company or names[-1]
        segments, names, separators = segments[:-1], names[:-1], separators[:-1]
    if not company and len(segments) > 1 and (separators[-1] != "-" or names[-1] != segments[-1].strip()):
        company = names[-1]
        segments, separators = segments[:-1], separators[:-1]
    title = segments[0] if segments else ""
    for separator, segment in zip(separators, segments[1:], strict=True):
        title += f" {separator} {segment}"
    return title.strip(), company


def _pieces(title: str) -> list[str]:
    """A <title>'s segments with the separators between them ("Careers: ..." too)."""
    return _TITLE_SEPARATOR.split(re.sub(r"\s*:\s+", " : ", title))


def _segments(title: str) -> list[str]:
    return _pieces(title)[0::2]


def _site(segment: str) -> str:
    """A <title> segment as a name: "" when it is a word such as "Careers", "Acme" for "Acme Careers"."""
    segment = segment.strip()
    if _GENERIC.fullmatch(segment):
        return ""
    found = _CAREERS_AT.match(segment)
    return (found.group(1) or found.group(2)).strip() if found else segment
