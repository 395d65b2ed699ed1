"""A job posting read for linting: lines with their kind (heading, item, text) and
the section each belongs to, and the `rolescope: ignore` comments in it.

Markdown and plain text are read the same way: Markdown headings (`#`, underlined,
or a bold line on its own), plain-text headings (underlined, a short line ending
in a colon, or a line that is just a section's name), and list items with any
common bullet. Comments and Markdown escapes are blanked with spaces, never
removed, so every column the linter reports is the column in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rolescope.catalog import LintCatalog

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PLAIN_IGNORE = re.compile(r"\[rolescope:[^\]\n]*\]")
_IGNORE = re.compile(r"rolescope:\s*ignore(?:\s+([^\s\]]+))?\s*(.*?)\s*(?:-->|\])?\s*$", re.S)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_BOLD_LINE = re.compile(r"^\s*\*\*(.+?)\*\*\s*:?\s*$")
_ITEM = re.compile(r"^(\s*)(?:[-*+•·▪‣◦]|\d{1,3}[.)])\s+")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    text: str  # as in the file, with comments and escapes blanked
    kind: str  # heading | item | text | blank | rule (an underline)
    section: str | None  # the section the line is in (a heading: the one it opens)
    start: int  # 0-based column where the content begins (after a bullet or #)

    @property
    def content(self) -> str:
        return self.text[self.start :].strip()


@dataclass(frozen=True)
class Suppression:
    line: int  # the comment's line
    target: int  # the line whose finding it silences
    rule: str | None
    reason: str


@dataclass
class Posting:
    lines: list[Line]
    text: str  # the whole file, blanked as the lines are
    line_starts: list[int]
    headings: dict[str, int] = field(default_factory=dict)  # section -> line of its first heading
    suppressions: list[Suppression] = field(default_factory=list)

    def where(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of an offset into `text`."""
        from bisect import bisect_right

        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def in_sections(self, *keys: str) -> list[Line]:
        return [line for line in self.lines if line.section in keys and line.kind in ("item", "text")]


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


_ALIASES: dict[int, tuple[LintCatalog, list[tuple[str, str]]]] = {}


def _aliases(lint: LintCatalog) -> list[tuple[str, str]]:
    """(" words of the alias ", section) in the order they are tried."""
    cached = _ALIASES.get(id(lint))
    if cached is None or cached[0] is not lint:
        pairs = [
            (f" {' '.join(_WORD.findall(alias.lower().replace(chr(39), '')))} ", section.key)
            for section in lint.sections
            for alias in section.aliases
        ]
        cached = _ALIASES[id(lint)] = (lint, pairs)
    return cached[1]


def section_of(heading: str, lint: LintCatalog) -> str | None:
    """The section a heading opens: the first alias whose words it contains."""
    words = f" {' '.join(_WORD.findall(heading.lower().replace(chr(39), '')))} "
    return next((key for alias, key in _aliases(lint) if alias in words), None)


def _is_plain_heading(text: str, lint: LintCatalog) -> bool:
    stripped = text.strip()
    words = _WORD.findall(stripped)
    if not words or len(words) > 6:
        return False
    if stripped.endswith(":"):
        return True
    if stripped.isupper() and len(words) >= 1 and any(len(word) > 1 for word in words):
        return True
    if stripped[-1] in ".!?,;" or section_of(stripped, lint) is None:
        return False
    # Just a section's name, nothing more: "Responsibilities", "Nice to have".
    return len(words) <= 4


# What a line is on its own: (blank, its kind when that does not depend on the
# next line (an ATX heading or an item) or None, whether it underlines the line
# above, the heading it is when the next line underlines it, its kind otherwise).
_Facts = tuple[bool, tuple[str, int, str] | None, bool, tuple[str, int, str], tuple[str, int, str]]
_FACTS: dict[tuple[int, bool], tuple[LintCatalog, dict[str, _Facts], dict[str, str | None]]] = {}
_MEMO_LINES = 20_000  # distinct lines remembered (a bound on memory)


def _memo(lint: LintCatalog, markdown: bool) -> tuple[dict[str, _Facts], dict[str, str | None]]:
    """Lines already read, by their text, and the sections headings open, by the
    heading: postings share most of their lines."""
    cached = _FACTS.get((id(lint), markdown))
    if cached is None or cached[0] is not lint:
        cached = _FACTS[(id(lint), markdown)] = (lint, {}, {})
    if len(cached[1]) >= _MEMO_LINES or len(cached[2]) >= _MEMO_LINES:
        cached[1].clear()
        cached[2].clear()
    return cached[1], cached[2]


def _line_facts(line: str, lint: LintCatalog, markdown: bool) -> _Facts:
    underlines = bool(_UNDERLINE.match(line)) and len(line.strip()) >= 3
    pending = ("heading-pending", len(line) - len(line.lstrip()), line.strip())
    if not line.strip():
        return (True, None, underlines, pending, pending)
    atx = _ATX.match(line) if markdown or line.lstrip().startswith("#") else None
    item = _ITEM.match(line)
    decided: tuple[str, int, str] | None = None
    if atx:
        decided = ("heading", line.index(atx.group(2)) if atx.group(2) else len(line), atx.group(2))
    elif item:
        decided = ("item", item.end(), "")
    if bold := _BOLD_LINE.match(line):
        otherwise = ("heading", line.index(bold.group(1)), bold.group(1))
    elif _is_plain_heading(line, lint):
        otherwise = ("heading", len(line) - len(line.lstrip()), line.strip().rstrip(":"))
    else:
        otherwise = ("text", len(line) - len(line.lstrip()), "")
    return (False, decided, underlines, pending, otherwise)


def parse_posting(source: str, lint: LintCatalog, *, markdown: bool = True) -> Posting:
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    notes: list[tuple[int, str]] = []  # (offset, comment text) of ignore comments

    def note(match: re.Match[str]) -> str:
        if "rolescope:" in match.group():
            notes.append((match.start(), match.group()))
        return _blank(match)

    # Each pattern starts with a fixed mark: a text without it is left as it is,
    # unread (most postings have no comments and no escapes).
    if "<!--" in text:
        text = _COMMENT.sub(note, text)
    if "[rolescope:" in text:
        text = _PLAIN_IGNORE.sub(note, text)
    if markdown and "\\" in text:
        text = _ESCAPE.sub(" ", text)
    raw = text.split("\n")
    starts, offset = [], 0
    for line in raw:
        starts.append(offset)
        offset += len(line) + 1
    kinds: list[tuple[str, int, str]] = []  # (kind, start, heading text)
    facts, sections = _memo(lint, markdown)
    read = []
    for line in raw:
        known = facts.get(line)
        if known is None:
            known = facts[line] = _line_facts(line, lint, markdown)
        read.append(known)
    for index, (blank, decided, _, pending, otherwise) in enumerate(read):
        if blank:
            kinds.append(("blank", 0, ""))
        elif kinds and kinds[-1][0] == "heading-pending":
            kinds[-1] = ("heading", kinds[-1][1], kinds[-1][2])
            kinds.append(("rule", 0, ""))
        elif decided is not None:
            kinds.append(decided)
        elif index + 1 < len(read) and read[index + 1][2]:
            kinds.append(pending)
        else:
            kinds.append(otherwise)
    lines: list[Line] = []
    headings: dict[str, int] = {}
    section: str | None = None
    for number, (line, (kind, start, heading)) in enumerate(zip(raw, kinds), start=1):
        kind = "heading" if kind == "heading-pending" else kind
        if kind == "heading":
            if heading in sections:
                section = sections[heading]
            else:
                section = sections[heading] = section_of(heading, lint)
            if section is not None:
                headings.setdefault(section, number)
        lines.append(Line(number, line, kind, section, start))
    posting = Posting(lines, text, starts, headings)
    for at, comment in notes:
        line_number, _ = posting.where(at)
        match = _IGNORE.search(comment)
        rule = match.group(1) if match else None
        reason = (match.group(2) if match else "").strip()
        target = line_number
        if not lines[line_number - 1].text.strip():  # a comment on its own line: the next line with text
            target = next(
                (line.number for line in lines[line_number:] if line.text.strip()),
                line_number,
            )
        posting.suppressions.append(Suppression(line_number, target, rule, reason))
    return posting
