"""The wizard's frame: a one-row header that names the spec and the step, and a
footer that shows the focused widget's keys first and never drops undo or redo.

At 80 columns every row counts: the header takes one row (Textual's Header and
the tab bar took three), and the footer keeps what the lead needs where they are
before the keys they can find in F1 help."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

# App keys in the footer, most needed first: later ones give way when the row is full.
APP_KEY_ORDER = ("undo", "redo", "help", "save", "export", "quit")
ELLIPSIS = "…"


def shorten_middle(text: str, width: int) -> str:
    """`text` in at most `width` cells, cut in the middle so both ends (a folder and
    the file's name) stay readable."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    keep = width - 1
    head, tail = keep // 2, keep - keep // 2
    start = ""
    for char in text:
        if cell_len(start + char) > head:
            break
        start += char
    end = ""
    for char in reversed(text):
        if cell_len(char + end) > tail:
            break
        end = char + end
    return start + ELLIPSIS + end


class WizardHeader(Widget):
    """`◧ role.toml •   1 Company  2 Work  3 Verdict …`: the spec, whether it is
    saved, and the steps with the current one marked (reverse video, so it reads
    without colour). Each step is clickable. When the row is short, steps other
    than the current one shrink to their number, then the file name is cut in
    the middle; the current step is always named in full."""

    DEFAULT_CSS = """
    WizardHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, steps: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.steps = steps  # (step id, label such as "2 Work")
        self.name_text = ""
        self.current = steps[0][0]

    def show(self, name: str, current: str) -> None:
        if (name, current) != (self.name_text, self.current):
            self.name_text, self.current = name, current
            self.refresh()

    def step_labels(self, full: bool) -> list[tuple[str, str]]:
        return [
            (step_id, label if full or step_id == self.current else label.split()[0]) for step_id, label in self.steps
        ]

    def render(self) -> Text:
        width = self.size.width
        prefix = " ◧ "
        for full in (True, False):
            labels = self.step_labels(full)
            steps_width = sum(cell_len(label) + 3 for _, label in labels)
            room = width - steps_width - cell_len(prefix) - 2
            if room >= min(cell_len(self.name_text), 24) or not full:
                break
        text = Text(no_wrap=True, overflow="crop")
        text.append(prefix)
        text.append(shorten_middle(self.name_text, max(room, 1)), style="bold")
        text.append(" " * max(width - text.cell_len - steps_width, 2))
        for step_id, label in labels:
            click = Style.from_meta({"@click": f"app.go('{step_id}')"})
            if step_id == self.current:
                text.append(f" {label} ", style=Style(reverse=True, bold=True) + click)
            else:
                text.append(f" {label} ", style=click)
            text.append(" ")
        return text


ALWAYS_SHOWN = ("undo", "redo")


class KeyFooter(Footer):
    """Textual's footer, in order of need: the focused widget's keys, then undo and
    redo, then the other app keys while they fit. `wanted` is what the footer was
    last drawn for, so a test can tell it is up to date even when keys gave way."""

    DEFAULT_CSS = """
    KeyFooter KeyGroup.-compact {
        margin: 0;
        padding: 0;
    }
    KeyFooter.-compact FooterLabel {
        margin: 0 1;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)
        self.wanted: frozenset[str] = frozenset()
        self._drawn: tuple = ()

    def ordered_bindings(self) -> list[tuple[Binding, bool, str]]:
        app, screen = self.app, self.screen
        local: list[tuple[int, Binding, bool, str]] = []
        global_: list[tuple[int, Binding, bool, str]] = []
        seen: set[str] = set()
        focused = screen.focused
        chain = list(focused.ancestors_with_self) if focused is not None else []
        for node, binding, enabled, tooltip in screen.active_bindings.values():
            if not binding.show or binding.action in seen or binding.key == app.COMMAND_PALETTE_BINDING:
                continue
            seen.add(binding.action)
            if node is app:
                name = binding.action.split("(")[0]
                rank = APP_KEY_ORDER.index(name) if name in APP_KEY_ORDER else len(APP_KEY_ORDER)
                global_.append((rank, binding, enabled, tooltip))
            else:
                # The focused widget first, then its containers, the screen last.
                rank = chain.index(node) if node in chain else len(chain)
                local.append((rank, binding, enabled, tooltip))
        local.sort(key=lambda item: item[0])
        global_.sort(key=lambda item: item[0])
        return [(binding, enabled, tooltip) for _, binding, enabled, tooltip in local + global_]

    def _plan(self) -> tuple[list[list[tuple[Binding, bool, str]]], tuple[Binding, bool, str] | None]:
        """What the footer shows at its width: entries of keys (a group's keys share
        one entry), and the command palette's key when it fits."""
        bindings = self.ordered_bindings()
        self.wanted = frozenset(binding.action for binding, _, _ in bindings)
        width = self.size.width or self.app.size.width
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        palette_width = 0
        if palette is not None and self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette_width = cell_len(self.app.get_key_display(palette[1])) + cell_len(palette[1].description) + 3

        def key_cost(binding: Binding) -> int:
            return cell_len(self.app.get_key_display(binding))

        def cost(entry: list[tuple[Binding, bool, str]]) -> int:
            first = entry[0][0]
            if len(entry) == 1 or first.group is None:
                return key_cost(first) + 1 + cell_len(first.description) + 1
            # A group ("⇧↑⇧↓ Move"): its keys side by side, then its one description.
            return sum(key_cost(binding) for binding, _, _ in entry) + 1 + cell_len(first.group.description) + 1

        # Keys of one group in a row (Shift+Up and Shift+Down "Move") share one description.
        entries: list[list[tuple[Binding, bool, str]]] = []
        for item in bindings:
            group = item[0].group
            if entries and group is not None and entries[-1][0][0].group == group:
                entries[-1].append(item)
            else:
                entries.append([item])
        # Undo and redo always show: their room is kept before the focused widget's
        # keys take theirs (a widget with many keys gives up its last ones).
        kept = [entry for entry in entries if entry[0][0].action in ALWAYS_SHOWN]
        used = sum(cost(entry) for entry in kept)
        shown: list[list[tuple[Binding, bool, str]]] = []
        full = False
        for entry in entries:
            if entry in kept:
                shown.append(entry)
                continue
            if full or used + cost(entry) > width:
                full = True
                continue
            shown.append(entry)
            used += cost(entry)
        fits = palette is not None and palette_width and used + palette_width <= width
        return shown, (palette[1], palette[2], palette[3]) if fits and palette is not None else None

    def _looks(self, plan: tuple[list[list[tuple[Binding, bool, str]]], tuple[Binding, bool, str] | None]) -> tuple:
        """What a plan draws, as plain values: two plans that draw the same compare equal
        (a resize that changes which keys fit changes the plan)."""
        shown, palette = plan
        return (
            tuple(
                tuple(
                    (b.key, self.app.get_key_display(b), b.description, b.action, enabled, tooltip, b.group)
                    for b, enabled, tooltip in entry
                )
                for entry in shown
            ),
            None if palette is None else (palette[0].key, palette[0].description, palette[1], palette[2]),
        )

    def compose(self):
        if not self._bindings_ready:
            return
        plan = self._plan()
        self._drawn = self._looks(plan)
        shown, palette = plan
        for entry in shown:
            first = entry[0][0]
            if len(entry) > 1 and first.group is not None:
                with KeyGroup(classes="-compact"):
                    for binding, enabled, tooltip in entry:
                        yield FooterKey(
                            binding.key,
                            self.app.get_key_display(binding),
                            "",
                            binding.action,
                            disabled=not enabled,
                            tooltip=tooltip or binding.description,
                            classes="-grouped",
                        ).data_bind(compact=Footer.compact)
                yield FooterLabel(first.group.description)
                continue
            for binding, enabled, tooltip in entry:
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    disabled=not enabled,
                    tooltip=tooltip,
                ).data_bind(compact=Footer.compact)
        if palette is not None:
            binding, enabled, tooltip = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    async def _redraw(self) -> None:
        # Focus moves often between widgets with the same keys: building the row's
        # keys anew (each styled as it mounts) is the costliest part of a move.
        if not self.is_attached:
            return
        if self._looks(self._plan()) != self._drawn:
            await self.recompose()

    def bindings_changed(self, screen: Screen) -> None:
        # Textual's footer waits for the terminal to report focus, and a terminal
        # that never does (tmux without focus-events) would show no keys at all.
        self._bindings_ready = True
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._redraw)

    def on_resize(self) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self._redraw)
