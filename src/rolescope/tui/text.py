"""User text on screen: literal, whatever it contains."""

from __future__ import annotations

from rich.text import Text

from rolescope.markdown import visible_controls


def literal(text: str, style: str = "") -> Text:
    """Markup-like text ([bold], [/]) stays as typed; control characters are shown
    as symbols rather than sent to the terminal."""
    return Text(visible_controls(text), style=style, no_wrap=False)


def display_path(path) -> str:
    """A path as the lead thinks of it: relative to where they started rolescope."""
    import os
    from pathlib import Path

    path = Path(path)
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if not relative.startswith("..") else str(path)
