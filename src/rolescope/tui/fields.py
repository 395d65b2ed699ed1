"""Editable fields that show spec text inertly.

A spec comes from anywhere (a pull request, a template, a pasted posting), and
Textual's own Input and TextArea pass control characters through to the
terminal, where `ESC ] 0 ;` retitles the window and `ESC [ 2 J` clears it. These
show each control character as one visible symbol instead, leaving the value
itself untouched: what the spec holds is what is saved.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Horizontal
from textual.expand_tabs import expand_tabs_inline
from textual.strip import Strip
from textual.visual import VisualType
from textual.widgets import Input, Label, OptionList, Select, SelectionList, Static, TextArea
from textual.widgets.option_list import OptionDoesNotExist

from rolescope.markdown import screen_safe

ELLIPSIS = "…"


class SafeInput(Input):
    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        return Text(screen_safe(self.value), no_wrap=True, overflow="ignore", end="")

    def render_line(self, y: int) -> Strip:
        # Away from the field, text longer than the field ends in an ellipsis, so a
        # cut sentence does not read as a whole one; focused, it scrolls as typed.
        width = self.scrollable_content_region.width
        shown = screen_safe(self.value)
        if y != 0 or self.has_focus or self.password or cell_len(shown) <= width or width < 2:
            return super().render_line(y)
        cut = set_cell_size(shown, width - 1).rstrip() + ELLIPSIS
        text = Text(cut, no_wrap=True, end="")
        strip = Strip(self.app.console.render(text, self.app.console_options.update_width(width)))
        return strip.extend_cell_length(width + 1).apply_style(self.rich_style)

    # Positions are measured on the text as shown: a control character takes no
    # cell in the raw value but one as its symbol.
    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(screen_safe(self.value[:position]), 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        scroll_x, _ = self.scroll_offset
        offset += scroll_x
        cells = 0
        for index, char in enumerate(screen_safe(self.value)):
            width = get_character_cell_size(char)
            if cells <= offset < cells + width:
                return index
            cells += width
        return max(0, min(offset, len(self.value)))


class SafeTextArea(TextArea):
    def get_line(self, line_index: int) -> Text:
        return Text(screen_safe(self.document.get_line(line_index)), end="", no_wrap=True)

    def _rewrap_and_refresh_virtual_size(self) -> None:
        # A resize paints the box at its new width before the resize event rewraps the
        # text; the rewrap repaints only if the number of lines changed, so the lines
        # painted from the old wrap stayed, with words cut off or repeated until focus
        # repainted them. Every rewrap repaints every line.
        super()._rewrap_and_refresh_virtual_size()
        self.refresh()


class OneLineText(SafeTextArea):
    """Text that wraps but is one line: Home and End go to its ends, Enter does what
    the field's `enter_pressed` says, and pasted line breaks become spaces."""

    BINDINGS = [
        Binding("home", "text_start", "Start", show=False),
        Binding("end", "text_end", "End", show=False),
    ]

    def action_text_start(self) -> None:
        self.move_cursor(self.document.start)

    def action_text_end(self) -> None:
        self.move_cursor(self.document.end)

    def enter_pressed(self) -> None:
        self.screen.focus_next()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.enter_pressed()
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if result := self._replace_via_keyboard(" ".join(event.text.splitlines()), *self.selection):
            self.move_cursor(result.end_location)


class LineArea(OneLineText):
    """One line of prose (a mission): one row, ending in an ellipsis when cut, that
    shows all of it, wrapped, while focused; Enter moves on, as in a one-line field."""

    DEFAULT_CSS = """
    LineArea {
        height: 1;
    }
    LineArea:focus {
        height: auto;
        max-height: 5;
    }
    """

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, **kwargs)

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        # Back to its start: the row shows how it begins.
        self.scroll_home(animate=False)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        width = strip.cell_length
        cut = not self.has_focus and self.wrapped_document.height > self.size.height
        if not cut or y != self.size.height - 1 or width < 2:
            return strip
        style = next(iter(strip)).style if strip.cell_length else None
        text = set_cell_size(strip.text.rstrip(), width - 1).rstrip() + ELLIPSIS
        return Strip([Segment(set_cell_size(text, width), style)], width)


def field_row(label: str, field: Input | Select[str] | TextArea, classes: str = "", **kwargs) -> Horizontal:
    """A label and its compact field side by side: a form that leaves the screen to
    the work (see `.field-row` in wizard.tcss)."""
    field.compact = True
    return Horizontal(Label(label, classes="row-label"), field, classes=f"field-row {classes}".strip(), **kwargs)


class CheckList(SelectionList[str]):
    """A SelectionList whose rows say their state in text, `[x]` or `[ ]`: Textual's
    own box is the same glyph either way and tells them apart only by colour, which
    NO_COLOR and many palettes lose."""

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        _, scroll_y = self.scroll_offset
        index = scroll_y + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        chosen = selection.value in self._selected
        underlying = next(iter(line)).style or self.rich_style
        mark_style = underlying + Style(bold=chosen, meta={"option": index})
        return Strip([Segment("[x] " if chosen else "[ ] ", mark_style), *line])


def update_text(widget: Static, content: VisualType) -> None:
    """Show `content` in a Static (or Label) unless it already shows it. Static.update
    lays the whole screen out again every time, and every step redraws on each
    keystroke: unchanged lines are most of them."""
    if widget.content != content:
        widget.update(content)
