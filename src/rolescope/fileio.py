"""The one atomic writer: a reader never sees half a file, a failure leaves the old
one, and a group of files (a spec and its description) is published both or neither.

Writing goes in two phases. Staging writes every file to a temporary name beside
its target, then syncs them to disk (a batch export stages many groups at once,
on background threads, while it decides the next batch); it is the slow part and
may be interrupted (Ctrl+C, SIGTERM), which removes the temporary files.
Publishing renames them into place with SIGINT and
SIGTERM held, so a signal lands before a group or after it, never inside; if a
rename fails, what was already published of the group is put back as it was.

The overwrite policy lives here too: anything at a target counts as existing (a
dangling symbolic link included), and without `replace` a target is only ever
created, never overwritten, even by a process racing this one. With `replace`, a
target that is a symbolic link is written through to the file it names, as
editors do: the link stays a link. New files get the usual 0666 less the umask;
a file that is replaced keeps its mode.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import signal
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

T = TypeVar("T")

# Signals that would otherwise stop the process half-way through publishing a group.
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
# Links that cannot be made on this file system (FAT, some network and FUSE mounts).
_NO_HARD_LINKS = {errno.EPERM, errno.EACCES, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV}


class TargetsExist(FileExistsError):
    """Targets that a write without `replace` found already there, in the order given."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        super().__init__(errno.EEXIST, "already exists", str(paths[0]))


def target_exists(path: Path) -> bool:
    """Whether anything is at `path`. A dangling symbolic link counts: writing
    there would create the file it names, somewhere the user did not say."""
    return os.path.lexists(path)


def atomic_write_text(path: Path, text: str, *, durable: bool = True, replace: bool = True) -> None:
    """Write `text` as UTF-8 to `path`, replacing it in one rename."""
    atomic_write_bytes(path, text.encode("utf-8"), durable=durable, replace=replace)


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True, replace: bool = True) -> None:
    """Write `data` to `path` through a temporary file in the same folder and one rename.

    `durable=False` skips the fsync: the file still survives the process being
    killed (the kernel has it), just not a power cut. Drafts, written on every
    keystroke, use it. `replace=False` raises TargetsExist instead of overwriting."""
    write_files([(Path(path), data)], durable=durable, replace=replace)


def write_files(
    files: Sequence[tuple[Path, bytes]],
    *,
    durable: bool = True,
    replace: bool = True,
    on_wait: Callable[[Path], None] | None = None,
    on_published: Callable[[], None] | None = None,
) -> None:
    """Write every (path, data) pair, all or none.

    A group of more than one file takes a lock on its folder while it publishes,
    so two rolescope processes writing the same names never mix their files; when
    another one holds it, `on_wait(folder)` is called before waiting. `on_published`
    runs with signals still held, right after the last rename: a caller counts what
    it wrote there, so an interruption can never land between writing and counting."""
    with _Staged(files, durable=durable, replace=replace) as staged:
        staged.publish(on_wait=on_wait, on_published=on_published)


class StagedGroup:
    """One group of a batch, staged and synced: `publish` puts it in place, both or neither."""

    def __init__(self, staged: _Staged):
        self._staged = staged

    def publish(
        self, *, on_wait: Callable[[Path], None] | None = None, on_published: Callable[[], None] | None = None
    ) -> None:
        """As `write_files` publishes (the folder lock, signals held); TargetsExist or
        OSError leave nothing of the group in place."""
        self._staged.publish(on_wait=on_wait, on_published=on_published)


class Syncer:
    """A few threads that write and sync files beside the caller, for one batch
    export: creating a file waits on the file system's journal, and syncing waits
    on the disk, so the caller goes on with the next batch meanwhile; a
    journalling file system commits the syncs that wait together in one
    transaction."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, work: Callable[[], T]) -> Future[T]:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(_SYNC_THREADS, thread_name_prefix="rolescope-sync")
        return self._pool.submit(work)

    def __enter__(self) -> Syncer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


class StagedBatch:
    """Many groups written under temporary names and synced by `syncer`'s threads,
    a group to a thread: `wait` gives them, synced, ready to publish one by one (a
    group that could not be staged is its OSError), or raises the OSError of a
    failed sync. Every rename still comes after its file's bytes are on disk.
    `close` (also on Ctrl+C) drops the groups not started, waits for the others and
    removes every temporary file not published."""

    def __init__(self, groups: Sequence[Sequence[tuple[Path, bytes]]], *, replace: bool, syncer: Syncer):
        self._groups = [_Staged(files, durable=True, replace=replace) for files in groups]
        self._work: list[Future[StagedGroup | OSError]] = []
        self._closed = False
        try:
            for group in self._groups:
                self._work.append(syncer.submit(functools.partial(_stage_and_sync, group)))
        except BaseException:
            self.close()
            raise

    def wait(self) -> list[StagedGroup | OSError]:
        return [work.result() for work in self._work]

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._work:
            from concurrent.futures import wait

            for work in self._work:
                work.cancel()
            wait(self._work)
        for group in self._groups:
            group._remove_temps()


def _stage_and_sync(group: _Staged) -> StagedGroup | OSError:
    """One group of a batch, on a syncing thread: its files written under temporary
    names and synced (an OSError from writing is the group's; from syncing, raised)."""
    files = _Syncing(False)
    try:
        try:
            group.stage(files)
        except OSError as error:
            group._remove_temps()
            return error
        for handle in files.handles:
            os.fsync(handle.fileno())
    finally:
        for handle in files.handles:
            handle.close()
    return StagedGroup(group)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends, then arrive as usual."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows: nothing to hold
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _real_target(path: Path) -> Path:
    """Where writing `path` goes: through a symbolic link (or a chain of them) to the file named."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def _temp_name(target: Path) -> Path:
    # Hidden, next to the target (same file system, so the rename is atomic), and
    # short enough for any target name.
    return target.with_name(f".{target.name[:40]}.{os.urandom(4).hex()}.tmp")


class _Staged:
    """Files written under temporary names beside their targets, not yet visible.
    Leaving the `with` block removes every temporary file still there."""

    def __init__(self, files: Sequence[tuple[Path, bytes]], *, durable: bool, replace: bool):
        self.replace = replace
        self.temps: list[Path] = []  # every temporary file still to remove: staged ones and backups
        self.staged: list[tuple[Path, Path, Path]] = []  # (path as given, real target, temporary file)
        self.files = files
        self.durable = durable

    def __enter__(self) -> _Staged:
        try:
            with _Syncing(self.durable) as syncing:
                self.stage(syncing)
        except BaseException:
            self._remove_temps()
            raise
        return self

    def stage(self, syncing: _Syncing) -> None:
        """Write every file under its temporary name; `syncing` syncs them."""
        for path, data in self.files:
            target = _real_target(path) if self.replace else path
            temp = self._create(target, data, syncing)
            self.staged.append((path, target, temp))

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._remove_temps()

    def _create(self, target: Path, data: bytes, syncing: _Syncing) -> Path:
        try:
            mode: int | None = stat.S_IMODE(os.stat(target).st_mode) if self.replace else None
        except FileNotFoundError:
            mode = None
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        while True:
            temp = _temp_name(target)
            with signals_held():  # never a temporary file that is not on the list to remove
                try:
                    # 0o666: the kernel takes the umask off, as for any new file.
                    fd = os.open(temp, flags, 0o666)
                except FileExistsError:
                    continue
                self.temps.append(temp)
            break
        handle = os.fdopen(fd, "wb")
        syncing.add(handle)  # closed (and synced) when the group is staged
        if mode is not None:
            # A replaced file keeps its mode (by descriptor where the system allows it).
            os.chmod(handle.fileno() if os.chmod in os.supports_fd else temp, mode)
        handle.write(data)
        handle.flush()
        return temp

    def publish(
        self, *, on_wait: Callable[[Path], None] | None = None, on_published: Callable[[], None] | None = None
    ) -> None:
        folders = sorted({target.parent for _, target, _ in self.staged}) if len(self.staged) > 1 else []
        with contextlib.ExitStack() as locks:
            for folder in folders:
                locks.enter_context(_folder_lock(folder, on_wait))
            with signals_held():
                self._publish_all()
                if on_published:
                    on_published()

    def _publish_all(self) -> None:
        if not self.replace:
            existing = [path for path, _, _ in self.staged if target_exists(path)]
            if existing:
                raise TargetsExist(existing)
        done: list[tuple[Path, os.stat_result, Path | None]] = []  # (target, what we put there, the old file)
        try:
            for _, target, temp in self.staged:
                backup = self._backup(target) if self.replace and len(self.staged) > 1 else None
                if self.replace:
                    os.replace(temp, target)
                else:
                    _create_from(temp, target)
                self._forget(temp)
                done.append((target, os.lstat(target), backup))
        except BaseException:
            for target, ours, backup in reversed(done):
                _take_back(target, ours, backup)
            raise

    def _backup(self, target: Path) -> Path | None:
        """A second name for the file about to be replaced, so a failed group can put
        it back; removed with the temporary files when it is not needed."""
        if not os.path.isfile(target):
            return None
        backup = _temp_name(target)
        try:
            os.link(target, backup)
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
            with _Syncing(self.durable) as syncing:
                return self._create(target, target.read_bytes(), syncing)
        self.temps.append(backup)
        return backup

    def _forget(self, temp: Path) -> None:
        self.temps.remove(temp)

    def _remove_temps(self) -> None:
        with signals_held():
            for temp in self.temps:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp)
            self.temps.clear()


class _Syncing:
    """The files of a group, written first and then synced to disk in one pass before
    any is renamed into place: a rename never shows a file whose bytes a power cut
    could lose, and the disk is asked to flush once per group instead of once per
    file (a journalling file system commits the group's data together)."""

    def __init__(self, durable: bool):
        self.durable = durable
        self.handles: list[BinaryIO] = []

    def add(self, handle: BinaryIO) -> None:
        self.handles.append(handle)

    def __enter__(self) -> _Syncing:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        try:
            if kind is None and self.durable:
                _sync_all([handle.fileno() for handle in self.handles])
        finally:
            for handle in self.handles:
                handle.close()


# Files synced at once: a journalling file system commits the syncs that wait
# together in one transaction, so a batch's syncs side by side take about a tenth
# of the time they take one after another (each waiting for a commit of its own).
_SYNC_THREADS = 8


def _sync_all(descriptors: list[int]) -> None:
    """fsync every descriptor; the first error (or Ctrl+C) is raised once all are done."""
    if len(descriptors) <= 1:
        for descriptor in descriptors:
            os.fsync(descriptor)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(min(_SYNC_THREADS, len(descriptors)), thread_name_prefix="rolescope-sync") as pool:
        for _ in pool.map(os.fsync, descriptors):
            pass


def _create_from(temp: Path, target: Path) -> None:
    """Put `temp` at `target` only if nothing is there: a hard link fails if the name
    is taken, whoever took it and however recently."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise TargetsExist([target]) from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        # No hard links here: claim the name exclusively, then fill it in one rename.
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise TargetsExist([target]) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def _take_back(target: Path, ours: os.stat_result, backup: Path | None) -> None:
    """Undo one publication: the old file back, or the new one gone, unless someone
    else has put a file there since."""
    with contextlib.suppress(FileNotFoundError):
        now = os.lstat(target)
        if (now.st_dev, now.st_ino) != (ours.st_dev, ours.st_ino):
            return
        if backup is not None:
            os.replace(backup, target)
        else:
            os.unlink(target)


@contextlib.contextmanager
def _folder_lock(folder: Path, on_wait: Callable[[Path], None] | None) -> Iterator[None]:
    """An exclusive flock on the folder itself: it leaves no lock file behind, and
    the kernel lets go if the process dies. Where folders cannot be locked (no
    fcntl, some network file systems) writing goes on without it; targets that are
    not replaced are still only ever created."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(folder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as error:
            if error.errno not in (errno.ENOLCK, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF):
                raise
        yield
    finally:
        os.close(fd)  # closing the folder releases the lock
