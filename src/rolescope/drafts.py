"""Crash drafts: each running wizard keeps its own, and only a dead one's are offered.

A draft is the spec as typed, written on every edit so a killed process loses at
most the last keystroke. Every session owns its draft under its own name
(`<spec key>.<owner>.toml`, the key naming the spec file or "untitled"), so two
wizards on one spec, or a new untitled role, never overwrite another's draft.

The owner holds an flock on `<name>.lock` for as long as the draft exists. The
kernel lets go when the process dies, however it dies, so a lock that can be
taken means the owner is gone and its draft is left over from a crash: only those
are offered on the next start. Taking the lock is also how a starting wizard
claims a left-over draft while it asks about it, so two wizards never offer the
same one. Where files cannot be locked (no fcntl) every left-over draft counts as
a dead owner's, as before drafts had owners.

Beside the draft, `<name>.json` records the spec file it is a draft of and that
file's fingerprint when the session read it: if the file has changed since
(edited outside the wizard, or by another wizard that saved it), restoring the
draft over it would wipe that work, and the wizard asks first. It is written when
the file or its fingerprint change, not on every keystroke.

A draft that cannot be written is not fatal, but it is not silent either:
`take_news` gives one line when drafts stop being saved and one when they work
again, for the wizard to show.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from rolescope.errors import RolescopeError
from rolescope.fileio import atomic_write_text
from rolescope.spec import RoleSpec
from rolescope.specio import dump_spec, parse_spec
from rolescope.textfiles import read_text_file

UNTITLED = "untitled"


def drafts_dir() -> Path:
    explicit = os.environ.get("ROLESCOPE_DRAFTS")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "rolescope" / "drafts"


def draft_key(source: Path | None) -> str:
    """The part of a draft's name that says which spec it is a draft of."""
    if source is None:
        return UNTITLED
    return hashlib.sha256(str(source).encode("utf-8")).hexdigest()[:20]


def fingerprint(path: Path | None) -> str | None:
    """What is in a file now (None: nothing readable there), to tell whether it changed."""
    if path is None:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass(frozen=True)
class Draft:
    """A left-over draft, claimed by this session while the lead decides on it."""

    spec: RoleSpec
    saved_at: float
    source: str | None
    name: str
    # The spec file is not what the draft's session had read: restoring over it would
    # lose the changes made since (None: a draft of a new, unsaved spec).
    file_changed: bool


def _lock(path: Path) -> int | None:
    """An exclusive flock on `path` (created if missing), or None if someone holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        import fcntl
    except ImportError:  # no file locks here: nobody can be told apart
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except OSError:
        pass  # a file system without locks: as without fcntl
    return fd


class DraftKeeper:
    """One session's draft, and the left-over drafts it has claimed."""

    def __init__(self, folder: Path | None = None, owner: str | None = None) -> None:
        self.folder = folder if folder is not None else drafts_dir()
        self.owner = owner or f"{os.getpid()}-{os.urandom(3).hex()}"
        self.error: str | None = None  # why drafts cannot be written now
        self._news: str | None = None
        self._name: str | None = None  # this session's draft, once written
        self._lock_fd: int | None = None
        self._meta: tuple[str | None, str | None] | None = None  # what the .json says now
        self._claims: dict[str, int] = {}  # left-over drafts' names -> their lock

    # ------------------------------------------------------------ this session's draft

    def _path(self, name: str, suffix: str) -> Path:
        return self.folder / f"{name}{suffix}"

    def write(self, spec: RoleSpec, source: Path | None, source_fingerprint: str | None) -> None:
        """Keep `spec` as this session's draft of `source`. Cheap enough for every
        keystroke: one small file, no fsync (the kernel keeps it if the process is
        killed). A failure is remembered and reported once through `take_news`."""
        name = f"{draft_key(source)}.{self.owner}"
        try:
            if name != self._name:
                self.discard()  # the spec was saved under another name: the old draft goes
                self.folder.mkdir(parents=True, exist_ok=True)
                self._lock_fd = _lock(self._path(name, ".lock"))
                self._name = name
            meta = (str(source) if source else None, source_fingerprint)
            if meta != self._meta:
                record = {"source": meta[0], "fingerprint": meta[1], "pid": os.getpid()}
                atomic_write_text(self._path(name, ".json"), json.dumps(record), durable=False)
                self._meta = meta
            atomic_write_text(self._path(name, ".toml"), dump_spec(spec), durable=False)
        except OSError as error:
            self._failed(f"{error.filename or self.folder}: {error.strerror or error}")
            return
        if self.error is not None:
            self.error = None
            self._news = "Drafts are saved again: unsaved work survives a crash."

    def _failed(self, reason: str) -> None:
        if self.error is None:
            self._news = (
                f"Drafts cannot be saved ({reason}): if rolescope is stopped, unsaved work is lost. Save with Ctrl+S."
            )
        self.error = reason

    def take_news(self) -> str | None:
        """A change in whether drafts can be written, once: then None until the next change."""
        news, self._news = self._news, None
        return news

    def discard(self) -> None:
        """This session's draft is no longer needed (saved, or thrown away on purpose)."""
        if self._name is not None:
            self._remove(self._name, self._lock_fd)
        self._name, self._lock_fd, self._meta = None, None, None

    def close(self) -> None:
        """The session ends without deciding: its draft stays and, its lock let go, is
        offered next time, as after a crash. Claimed drafts are let go too."""
        if self._lock_fd is not None:
            os.close(self._lock_fd)
        self._name, self._lock_fd, self._meta = None, None, None
        for name in list(self._claims):
            self.release(name)

    # ------------------------------------------------------------ left-over drafts

    def left_over(self, source: Path | None, current: RoleSpec, source_fingerprint: str | None) -> list[Draft]:
        """Drafts of `source` whose owner is gone, newest first, each claimed until it
        is restored, deleted or released. A draft that says what `current` says is
        deleted: it holds nothing that is not on screen."""
        key = draft_key(source)
        found: list[Draft] = []
        try:
            candidates = sorted(self.folder.glob(f"{key}*.toml"))
        except OSError:
            return []
        for spec_file in candidates:
            name = spec_file.stem
            if name == self._name or name in self._claims:
                continue
            try:
                fd = _lock(self._path(name, ".lock"))
            except OSError:
                continue
            if fd is None:
                continue  # a live owner (or another wizard asking about it)
            self._claims[name] = fd
            draft = self._read(name, source_fingerprint)
            if draft is None:
                self.release(name)
            elif draft.spec == current:
                self.delete(name)
            else:
                found.append(draft)
        return sorted(found, key=lambda draft: -draft.saved_at)

    def _read(self, name: str, source_fingerprint: str | None) -> Draft | None:
        spec_file, meta_file = self._path(name, ".toml"), self._path(name, ".json")
        try:
            spec = parse_spec(read_text_file(spec_file, what="draft"), str(spec_file), complete=False)
            saved_at = spec_file.stat().st_mtime
            meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        except (RolescopeError, OSError, ValueError):
            return None
        if not isinstance(meta, dict):
            meta = {}
        source = meta.get("source") if isinstance(meta.get("source"), str) else None
        if "fingerprint" in meta:
            changed = meta["fingerprint"] != source_fingerprint
        else:  # a draft from before drafts recorded it: the file's time has to do
            changed = _modified_after(source, saved_at)
        return Draft(spec, saved_at, source, name, changed)

    def delete(self, name: str) -> None:
        """A claimed left-over draft is done with (restored, or discarded by the lead)."""
        self._remove(name, self._claims.pop(name, None))

    def release(self, name: str) -> None:
        """Let go of a claimed draft, untouched: the next start offers it again."""
        fd = self._claims.pop(name, None)
        if fd is None:
            return
        if not self._path(name, ".toml").exists():
            with contextlib.suppress(OSError):
                self._path(name, ".lock").unlink()
        os.close(fd)

    def _remove(self, name: str, lock_fd: int | None) -> None:
        # The lock goes last: while the draft's files are there, its owner is known.
        for suffix in (".toml", ".json", ".lock"):
            with contextlib.suppress(OSError):
                self._path(name, suffix).unlink()
        if lock_fd is not None:
            os.close(lock_fd)


def _modified_after(source: str | None, moment: float) -> bool:
    if source is None:
        return False
    try:
        return Path(source).stat().st_mtime > moment
    except OSError:
        return False
