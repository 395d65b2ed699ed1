"""The description's live preview: Textual's Markdown, updated in place.

A keystroke in a description field changes one paragraph of the posting, but
Textual's `Markdown.update` removes and mounts every block (a posting is about
150 widgets, each styled as it mounts: over half a second a key on a fast
machine). Here the document is cut into its top-level blocks, and only the
blocks whose source changed are touched; the rest stay as they are drawn. A
changed block built of the same blocks as before (the usual keystroke: the same
paragraph or list, other words) keeps its widgets and takes the new text; only
a block whose make-up changed is removed and mounted anew, which restyles it and
lays the screen out several times."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets._markdown import (
    MarkdownBlock,
    MarkdownBlockQuote,
    MarkdownBulletList,
    MarkdownHeader,
    MarkdownHorizontalRule,
    MarkdownListItem,
    MarkdownOrderedList,
    MarkdownParagraph,
)


def top_level_blocks(markdown: str, tokens: list[Token]) -> list[tuple[str, int, list[Token]]]:
    """The document's top-level blocks, each as its source, its first line and its
    tokens. Two blocks with the same source render the same."""
    lines = markdown.splitlines()
    blocks: list[tuple[str, int, list[Token]]] = []
    depth = 0
    current: list[Token] = []
    for token in tokens:
        current.append(token)
        depth += token.nesting
        if depth == 0:
            first = current[0]
            start, end = first.map if first.map else (0, 0)
            # The token types too: the same lines can open a different block in a
            # different place (a line after a paragraph, or after a heading).
            source = "\n".join(lines[start:end]) + "\0" + " ".join(token.type for token in current)
            blocks.append((source, start, current))
            current = []
    if current:  # an unclosed block (not produced by markdown-it): keep it whole
        blocks.append(("\0".join(token.type for token in current), 0, current))
    return blocks


def _move(widgets: list[Widget], lines: int) -> None:
    """Blocks kept below a change that added or removed lines: their source lines move."""
    for widget in widgets:
        for node in widget.walk_children(with_self=True):
            if isinstance(node, MarkdownBlock) and node.source_range is not None:
                start, end = node.source_range
                node.source_range = (start + lines, end + lines)


_RETEXTABLE = (
    MarkdownParagraph,
    MarkdownHeader,
    MarkdownBulletList,
    MarkdownOrderedList,
    MarkdownListItem,
    MarkdownBlockQuote,
    MarkdownHorizontalRule,
)
"""Blocks whose widgets follow from their make-up alone, with text only in their
own content: tables and code fences draw their text in widgets of their own."""


def _parsed_blocks(widgets: list[Widget]) -> list[MarkdownBlock]:
    """Every block of widgets parsed and not yet mounted, in order (a block's own
    blocks wait in `_blocks` until it composes)."""
    found: list[MarkdownBlock] = []

    def visit(block: MarkdownBlock) -> None:
        found.append(block)
        for child in block._blocks:
            visit(child)

    for widget in widgets:
        if isinstance(widget, MarkdownBlock):
            visit(widget)
    return found


def make_up(parsed: list[Widget]) -> tuple[object, ...] | None:
    """What decides the widgets parsed blocks compose, their text aside: each block's
    kind, depth, markup and bullet, in order. None when a block draws its text in
    widgets of its own. Taken before mounting: composing empties `_blocks`."""
    if not all(isinstance(widget, MarkdownBlock) for widget in parsed):
        return None
    blocks = _parsed_blocks(parsed)
    if not all(isinstance(block, _RETEXTABLE) for block in blocks):
        return None
    return tuple(
        (
            type(block),
            block._token.level,
            block._token.markup,
            tuple(block._token.attrs.items()),
            block.bullet if isinstance(block, MarkdownListItem) else None,
        )
        for block in blocks
    )


def retext(shown: list[Widget], parsed: list[Widget]) -> None:
    """Give the blocks on screen the text of parsed blocks of the same make-up. A
    list's items are not widgets of their own once composed: their blocks are."""
    on_screen = [
        node for widget in shown for node in widget.walk_children(with_self=True) if isinstance(node, MarkdownBlock)
    ]
    fresh = [block for block in _parsed_blocks(parsed) if not isinstance(block, MarkdownListItem)]
    for old, new in zip(on_screen, fresh, strict=True):
        old._token, old._inline_token = new._token, new._inline_token
        old.source_range = new.source_range
        # `==` on Content compares the words only: a word made bold is a change too.
        # (A heading keeps the id it was mounted with: ids are set once, and its
        # anchor still leads to it.)
        if not old._content.is_same(new._content):
            old.set_content(new._content)


@dataclass
class _Shown:
    """A top-level block on screen: its source, first line, widgets and make-up."""

    source: str
    start: int
    widgets: list[Widget]
    make_up: tuple[object, ...] | None


class LivePreview(Markdown):
    """A Markdown widget whose `show` touches only the blocks that changed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: list[_Shown] = []  # what is on screen, block by block

    async def show(self, markdown: str) -> None:
        """Show `markdown`, mounting only the blocks not already on screen."""
        async with self.lock:
            await self._show(markdown)

    async def _show(self, markdown: str) -> None:
        env: dict = {}
        tokens = MarkdownIt("gfm-like").parse(markdown, env)
        blocks = top_level_blocks(markdown, tokens)
        old, new = self._shown, [source for source, _, _ in blocks]
        if env.get("references"):
            # A reference link's target is defined elsewhere in the document: a
            # block is not the whole of its own source. Build every block anew.
            old = [_Shown("", 0, list(self.children), None)]
        head = 0
        while head < min(len(old), len(new)) and old[head].source == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[len(old) - 1 - tail].source == new[len(new) - 1 - tail]:
            tail += 1
        changed = old[head : len(old) - tail]
        made = []
        for source, start, block_tokens in blocks[head : len(blocks) - tail]:
            parsed: list[Widget] = list(self._parse_markdown(block_tokens))
            made.append(_Shown(source, start, parsed, make_up(parsed)))
        if len(changed) == len(made):
            # A block of the same make-up as the one it replaces keeps its widgets.
            for shown, fresh in zip(changed, made, strict=True):
                if fresh.make_up is not None and fresh.make_up == shown.make_up:
                    retext(shown.widgets, fresh.widgets)
                    fresh.widgets = shown.widgets
        staying = {id(widget) for block in made for widget in block.widgets}
        gone = [widget for block in changed for widget in block.widgets if id(widget) not in staying]
        kept = old[len(old) - tail :]
        if kept and (shift := blocks[len(blocks) - tail][1] - kept[0].start):
            kept = [_Shown(block.source, block.start + shift, block.widgets, block.make_up) for block in kept]
            for block in kept:
                _move(block.widgets, shift)
        self._markdown = markdown
        self._table_of_contents = None
        with self.app.batch_update():
            if gone:
                await self.remove_children(gone)
            # Each run of new widgets goes before the next widget already on screen.
            run: list[Widget] = []
            for widget in [*(widget for block in [*made, *kept] for widget in block.widgets), None]:
                if widget is not None and not widget.is_attached:
                    run.append(widget)
                elif run:
                    await self.mount_all(run, before=widget)
                    run = []
        self._shown = [*old[:head], *made, *kept]
