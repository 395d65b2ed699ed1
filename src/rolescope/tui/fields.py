"""Editable fields that show spec text inertly.

A spec comes from anywhere (a pull request, a template, a pasted posting), and
Textual's own Input and TextArea pass control characters through to the
terminal, where `ESC ] 0 ;` retitles the window and `ESC [ 2 J` clears it. These
show each control character as one visible symbol instead, leaving the value
itself untouched: what the spec holds is what is saved.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.containers import Horizontal
from textual.expand_tabs import expand_tabs_inline
from textual.strip import Strip
from textual.widgets import Input, Label, OptionList, Select, SelectionList, TextArea
from textual.widgets.option_list import OptionDoesNotExist

from rolescope.markdown import screen_safe


class SafeInput(Input):
    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        return Text(screen_safe(self.value), no_wrap=True, overflow="ignore", end="")

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


def field_row(label: str, field: Input | Select[str], **kwargs) -> Horizontal:
    """A label and its one-row field side by side: a compact form that leaves the
    screen to the work (see `.field-row` in wizard.tcss)."""
    field.compact = True
    return Horizontal(Label(label, classes="row-label"), field, classes="field-row", **kwargs)


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
