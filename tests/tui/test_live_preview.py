"""The description's preview rebuilds only the blocks that changed, and shows what
a full render of the same text shows."""

from __future__ import annotations

import asyncio

from hypothesis import example, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownBlock

from rolescope.tui.preview import LivePreview

WORDS = st.sampled_from(
    ["ranking", "pipelines", "**owned**", "`p99`", "on-call", "evals", "Tidewell", "ü", "[docs](x)"]
)
TEXT = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
BLOCK = st.one_of(
    TEXT.map(lambda text: f"## {text}"),
    TEXT,
    st.lists(TEXT, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {item}" for item in items)),
    st.lists(TEXT, min_size=1, max_size=3).map(lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))),
    TEXT.map(lambda text: f"> {text}"),
    st.just("---"),
)
# A lead's edits: one block of the posting replaced, added or taken away at a time.
EDIT = st.tuples(st.sampled_from(["replace", "insert", "delete"]), st.integers(0, 7), BLOCK)


def edited(blocks: list[str], edits: list[tuple[str, int, str]]) -> list[str]:
    """The document after each edit in turn."""
    documents = ["\n\n".join(blocks)]
    for kind, place, block in edits:
        at = place % (len(blocks) + 1)
        if kind == "insert" or not blocks:
            blocks = [*blocks[:at], block, *blocks[at:]]
        elif kind == "replace":
            blocks = [*blocks[: at % len(blocks)], block, *blocks[at % len(blocks) + 1 :]]
        else:
            blocks = [*blocks[: at % len(blocks)], *blocks[at % len(blocks) + 1 :]]
        documents.append("\n\n".join(blocks))
    return documents


class Side(App[None]):
    def compose(self) -> ComposeResult:
        yield LivePreview(id="live")
        yield Markdown(id="full")


def described(markdown: Widget) -> list[tuple[str, object, str, object]]:
    """Every widget under a Markdown widget, with its source lines, its text and the
    text's styles (bold, code, links), and a list's bullets."""
    return [
        (
            type(node).__name__,
            node.source_range if isinstance(node, MarkdownBlock) else None,
            str(getattr(node, "_content", "")),
            list(node._content.spans) if isinstance(node, MarkdownBlock) else getattr(node, "symbol", None),
        )
        for node in markdown.walk_children()
    ]


async def shown_alike(documents: list[str]) -> None:
    app = Side()
    async with app.run_test() as pilot:
        live, full = app.query_one(LivePreview), app.query_one("#full", Markdown)
        for document in documents:
            await live.show(document)
            await full.update(document)
            await pilot.pause()
            assert described(live) == described(full), document


@settings(max_examples=5, deadline=None)
@given(st.lists(BLOCK, max_size=6), st.lists(EDIT, min_size=1, max_size=10))
@example(["Same words", "Same words"], [("delete", 0, "")])  # what stays before and after a cut may be alike
@example(["- a list item\n- another", "1. first\n2. second"], [("replace", 0, "- a list item, edited\n- another")])
@example(["## A heading", "> quoted"], [("replace", 1, "> quoted **more**"), ("replace", 0, "## A `heading`")])
@example(["- owned\n- evals"], [("replace", 0, "- **owned**\n- evals")])  # the same words, now bold
def test_the_preview_shows_what_a_full_render_shows_after_any_edits(blocks, edits):
    asyncio.run(shown_alike(edited(blocks, edits)))


async def test_an_edit_to_one_line_rebuilds_only_its_block():
    before = "# Role\n\nIntro here.\n\n- Location: Remote\n- Pay: none\n\n## Outcomes\n\n1. Ship it\n2. Run it"
    after = before.replace("Remote", "Remote (hybrid)\n- Team: four")
    app = Side()
    async with app.run_test() as pilot:
        live = app.query_one(LivePreview)
        await live.show(before)
        first = list(live.children)
        lines = first[4].source_range
        await live.show(after)
        await pilot.pause()
        now = list(live.children)
        assert [child for child in now if child in first] == [first[0], first[1], first[3], first[4]]
        assert now[2] is not first[2]  # only the list that changed is new
        assert now[4].source_range == (lines[0] + 1, lines[1] + 1)  # the blocks below moved a line


async def test_a_block_of_the_same_make_up_keeps_its_widgets_and_takes_the_new_text():
    """A keystroke changes the words of a paragraph or a list, not what it is made of:
    its widgets stay, with the new text; a block made up anew is mounted in its place."""
    before = "# Role\n\nIntro here.\n\n- Location: Remote\n- Pay: none\n\nLast words."
    app = Side()
    async with app.run_test() as pilot:
        live, full = app.query_one(LivePreview), app.query_one("#full", Markdown)
        await live.show(before)
        first = list(live.children)
        widgets = list(live.walk_children())
        retexted = before.replace("Remote", "Remote (hybrid)")
        await live.show(retexted)
        await full.update(retexted)
        await pilot.pause()
        assert list(live.walk_children()) == widgets  # not one widget made or taken away
        assert described(live) == described(full)
        # The intro becomes a heading (made anew) and the list beside it takes new
        # words: the heading goes where the intro was, above the list kept.
        remade = retexted.replace("Intro here.", "## Intro here").replace("Pay: none", "Pay: some")
        await live.show(remade)
        await full.update(remade)
        await pilot.pause()
        assert described(live) == described(full)
        now = list(live.children)
        assert now[1] is not first[1] and now[2] is first[2]
