"""A posting in HTML read as the Markdown the rest of rolescope parses: headings
become `#` lines, list items `- ` lines, paragraphs lines of their own, and
`<strong>` alone on a line a bold line. Scripts, styles, navigation and comments
are dropped.
Each Markdown line remembers the line of the HTML it came from, so a message can
name the line in the file the lead has."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "br", "tr", "dd", "dt", "blockquote"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Navigation is the site around the posting, not the posting.
_SKIP = {"script", "style", "head", "title", "template", "noscript", "nav"}
_SPACE = re.compile(r"\s+")


@dataclass
class HtmlPosting:
    text: str  # Markdown
    source_lines: list[int] = field(default_factory=list)  # Markdown line (0-based index) -> HTML line (1-based)

    def source_line(self, line: int) -> int:
        """The HTML line of Markdown line `line` (1-based)."""
        return self.source_lines[line - 1] if 0 < line <= len(self.source_lines) else line


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, int]] = []
        self.parts: list[str] = []
        self.started = 0
        self.prefix = ""
        self.skipping = 0
        self.bold_only = True
        self.in_bold = 0
        self.ordered: list[int] = []  # item counters of open <ol>, 0 for <ul>

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        if text:
            # Bold stays only on a line that is all bold (the parser reads it as a
            # heading, as a company name under the title is); elsewhere it is dropped.
            if self.prefix or not (self.bold_only and text.startswith("**") and text.endswith("**")):
                text = text.replace("**", "")
            if self.lines and self.lines[-1][0] != "":
                self.lines.append(("", self.started))
            self.lines.append((self.prefix + text, self.started))
        self.parts = []
        self.prefix = ""
        self.bold_only = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
            return
        if tag in _HEADINGS or tag in _BLOCKS or tag in ("li", "ul", "ol"):
            self._flush()
            self.started = self.getpos()[0]
        if tag in _HEADINGS:
            self.prefix = "#" * _HEADINGS[tag] + " "
        elif tag in ("ul", "ol"):
            self.ordered.append(1 if tag == "ol" else 0)
        elif tag == "li":
            if self.ordered and self.ordered[-1]:
                self.prefix = f"{self.ordered[-1]}. "
                self.ordered[-1] += 1
            else:
                self.prefix = "- "
        elif tag in ("strong", "b"):
            self.in_bold += 1
            self.parts.append("**")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in ("strong", "b"):
            self.in_bold = max(0, self.in_bold - 1)
            self.parts.append("**")
        elif tag in _HEADINGS or tag in _BLOCKS or tag in ("li", "ul", "ol"):
            self._flush()
            if tag in ("ul", "ol") and self.ordered:
                self.ordered.pop()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if not self.parts and not data.strip():
            return
        if not self.parts or self.parts == ["**"]:
            self.started = self.getpos()[0]
        if data.strip() and not self.in_bold:
            self.bold_only = False
        self.parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(?:body|h1|h2|ul|article)\b", head))


def html_to_posting(text: str) -> HtmlPosting:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    lines = reader.lines
    return HtmlPosting("\n".join(line for line, _ in lines) + "\n", [number for _, number in lines])
