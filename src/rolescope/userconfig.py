"""What the wizard remembers between runs: the theme and the specs opened lately.

Kept in `$XDG_CONFIG_HOME/rolescope/config.toml` (else `~/.config/rolescope/`),
written through the one atomic writer. A file that cannot be read or makes no
sense never stops the wizard: `load_config` gives the defaults and one line
saying why, and the next write replaces it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from rolescope.errors import SpecError
from rolescope.fileio import atomic_write_text
from rolescope.markdown import one_line
from rolescope.textfiles import read_text_file

# Specs remembered for Ctrl+O, newest first.
MAX_RECENT = 10


@dataclass(frozen=True)
class UserConfig:
    theme: str | None = None
    recent: tuple[str, ...] = field(default=())

    def opened(self, path: str | Path) -> UserConfig:
        """The same config with `path` first among the recent specs."""
        absolute = os.path.abspath(Path(path).expanduser())
        recent = (absolute, *(item for item in self.recent if item != absolute))
        return replace(self, recent=recent[:MAX_RECENT])


def config_path() -> Path | None:
    """Where the config lives; None without a home folder to find it in."""
    try:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    except RuntimeError:
        return None
    return Path(base) / "rolescope" / "config.toml"


def load_config(path: Path | None = None) -> tuple[UserConfig, str | None]:
    """The config and, when it could not be used, one line naming the file and why."""
    path = path if path is not None else config_path()
    if path is None or not os.path.lexists(path):
        return UserConfig(), None
    try:
        data = tomllib.loads(read_text_file(path, what="config"))
    except SpecError as error:
        return UserConfig(), f"{one_line(error.lines[0])}; using the defaults"
    except tomllib.TOMLDecodeError as error:
        return UserConfig(), f"{one_line(str(path))}: {one_line(str(error))}; using the defaults"
    theme = data.get("theme")
    recent = data.get("recent", [])
    if theme is not None and not isinstance(theme, str):
        return UserConfig(), f"{one_line(str(path))}: theme: is not a string; using the defaults"
    if not isinstance(recent, list) or not all(isinstance(item, str) for item in recent):
        return UserConfig(), f"{one_line(str(path))}: recent: is not a list of paths; using the defaults"
    return UserConfig(theme=theme, recent=tuple(recent[:MAX_RECENT])), None


def save_config(config: UserConfig, path: Path | None = None) -> None:
    """Write the config atomically, creating its folder. Raises OSError."""
    path = path if path is not None else config_path()
    if path is None:
        raise OSError("no home folder to keep the config in")
    data: dict[str, object] = {}
    if config.theme is not None:
        data["theme"] = config.theme
    data["recent"] = list(config.recent)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, tomli_w.dumps(data), durable=False)
