"""The description's live preview: Textual's Markdown, updated in place.

A keystroke in a description field changes one paragraph of the posting, but
Textual's `Markdown.update` removes and mounts every block (a posting is about
150 widgets, each styled as it mounts: over half a second a key on a fast
machine). Here the document is cut into its top-level blocks, and only the
blocks whose source changed are rebuilt; the rest stay as they are drawn."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownBlock


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


class LivePreview(Markdown):
    """A Markdown widget whose `show` rebuilds only the blocks that changed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # What is on screen: each top-level block's source, first line and widgets.
        self._shown: list[tuple[str, int, list[Widget]]] = []

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
            old = [("", 0, list(self.children))]
        head = 0
        while head < min(len(old), len(new)) and old[head][0] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[len(old) - 1 - tail][0] == new[len(new) - 1 - tail]:
            tail += 1
        gone = [widget for _, _, widgets in old[head : len(old) - tail] for widget in widgets]
        made: list[tuple[str, int, list[Widget]]] = [
            (source, start, list(self._parse_markdown(block_tokens)))
            for source, start, block_tokens in blocks[head : len(blocks) - tail]
        ]
        kept = old[len(old) - tail :]
        if kept and (shift := blocks[len(blocks) - tail][1] - kept[0][1]):
            kept = [(source, start + shift, widgets) for source, start, widgets in kept]
            for _, _, widgets in kept:
                _move(widgets, shift)
        after = next((widgets[0] for _, _, widgets in kept if widgets), None)
        self._markdown = markdown
        self._table_of_contents = None
        with self.app.batch_update():
            if gone:
                await self.remove_children(gone)
            fresh = [widget for _, _, widgets in made for widget in widgets]
            if fresh:
                await self.mount_all(fresh, before=after)
        self._shown = [*old[:head], *made, *kept]
