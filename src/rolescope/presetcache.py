"""The built presets, kept between runs so that a command does not parse, validate
and compile the same TOML on every start.

The cache lives in `$XDG_CACHE_HOME/rolescope`, else `~/.cache/rolescope`, one
file per list of preset folders. Each file holds the exact contents of every
preset file it was built from (the shipped ones and the user's), and is used only
when the files read now are the same (and rolescope's code, its version and
Python's are the same): an edited, added or removed preset file always means a
rebuild, never a stale catalog. A cache that is missing, damaged, foreign or not
this user's own, or a folder that cannot be written, only means building as if
there were none; nothing is reported.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import rolescope

if TYPE_CHECKING:  # the same functions either way
    import pickle
else:
    try:  # the C module alone: importing pickle.py costs more than reading the cache
        import _pickle as pickle
    except ImportError:  # another Python
        import pickle

Built = TypeVar("Built")

# Raised when the layout of a cache file changes.
FORMAT = 1
PROTOCOL = 5  # pickle's newest in every Python rolescope runs on


def cache_dir() -> Path | None:
    """The user's cache folder for rolescope, or None when there is no sensible one."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the XDG spec says to ignore it
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "rolescope"


def _code_stamp() -> tuple[Any, ...]:
    """What else a cached value depends on: the versions, and rolescope's own code
    (the classes of the records and compiled matchers are in the file)."""
    package = os.path.dirname(rolescope.__file__ or "")
    code = []
    for entry in os.scandir(package):
        if entry.name.endswith(".py"):
            info = entry.stat()
            code.append((entry.name, info.st_mtime_ns, info.st_size))
    return (FORMAT, rolescope.__version__, sys.version, tuple(sorted(code)))


def cache_file(folder: Path, folders: tuple[Path, ...]) -> Path:
    name = zlib.crc32("\0".join(map(str, folders)).encode("utf-8", "surrogateescape"))
    return folder / f"presets-{name:08x}.pickle"


def cached(folders: tuple[Path, ...], contents: Any, build: Callable[[], Built]) -> tuple[Built, bool]:
    """`build()`, or what it returned before for these folders with these very
    `contents`; the flag says whether it came from the cache."""
    folder = cache_dir()
    if folder is None:
        return build(), False
    try:
        key = (_code_stamp(), tuple(map(str, folders)), contents)
    except OSError:
        return build(), False
    path = cache_file(folder, folders)
    found = _read(path, key)
    if found is not None:
        return found, True
    value = build()
    _write(folder, path, key, value)
    return value, False


def _read(path: Path, key: tuple[Any, ...]) -> Any:
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            # Loading a pickle runs what it names: only a file this user wrote, that
            # nobody else may change, is read.
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
            if pickle.load(handle) != key:
                return None  # stale: built from other presets or by other code
            return pickle.load(handle)
    except Exception:  # missing, unreadable, damaged, from another version: build instead
        return None


def _write(folder: Path, path: Path, key: tuple[Any, ...], value: Any) -> None:
    from rolescope.fileio import atomic_write_bytes

    try:
        data = pickle.dumps(key, protocol=PROTOCOL) + pickle.dumps(value, protocol=PROTOCOL)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A new file, not one that keeps the mode of what was there (which may be why it was not trusted).
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        # A cache needs no sync to disk: a file a power cut damages is rebuilt.
        atomic_write_bytes(path, data, durable=False)
    except Exception:  # a cache that cannot be written is only a slower start
        return
