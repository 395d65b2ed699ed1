"""The one careful reader of the files rolescope is given (specs, presets, postings,
the config): a regular file within the size limit, as UTF-8 text, or one line
naming the file and what is wrong with it.
"""

from __future__ import annotations

import stat
from pathlib import Path

from rolescope.errors import SpecError
from rolescope.limits import MAX_FILE_BYTES


def read_text_file(path: Path, *, what: str) -> str:
    """Read a UTF-8 text file, turning every way it can fail into one clear line.
    Only a regular file of at most MAX_FILE_BYTES is read: a device (/dev/zero),
    a pipe that never ends or a huge file is refused before any of it is read."""
    data = read_file_bytes(path, what=what)
    source = str(path)
    if b"\x00" in data:
        raise SpecError(f"{source}: is a binary file, not a TOML {what}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SpecError(f"{source}:{line}: is not UTF-8 text (byte 0x{data[error.start]:02x})") from None
    return text


def read_file_bytes(path: Path, *, what: str) -> bytes:
    """The bytes of a regular file within the size limit, or SpecError naming the file.
    The kind and size are checked first, so nothing is read from a device or pipe."""
    source = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SpecError(f"{source}: is a directory, not a {what} file")
        if not stat.S_ISREG(info.st_mode):
            raise SpecError(f"{source}: is not a regular file (a device, pipe or socket), so it is not a {what} file")
        if info.st_size > MAX_FILE_BYTES:
            raise SpecError(
                f"{source}: {info.st_size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for a {what} file"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise SpecError(f"{source}: no such file") from None
    except PermissionError:
        raise SpecError(f"{source}: cannot read it: permission denied") from None
    except OSError as error:
        raise SpecError(f"{source}: cannot read it: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:  # it grew after the check
        raise SpecError(f"{source}: is over the {MAX_FILE_BYTES:,}-byte limit for a {what} file")
    return data
