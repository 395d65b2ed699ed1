"""Editable fields that show spec text inertly.

A spec comes from anywhere (a pull request, a template, a pasted posting), and
Textual's own Input and TextArea pass control characters through to the
terminal, where `ESC ] 0 ;` retitles the window and `ESC [ 2 J` clears it. These
show each control character as one visible symbol instead, leaving the value
itself untouched: what the spec holds is what is saved.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Input, TextArea

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
