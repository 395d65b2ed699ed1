"""The one atomic writer: through symbolic links, with the user's umask, never over
something that is there unless told to, and nothing left behind when stopped."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import pytest

from rolescope.fileio import TargetsExist, atomic_write_text, target_exists, write_files
from rolescope.specio import parse_spec, read_spec, write_spec
from tests.conftest import MINIMAL_SPEC


@contextlib.contextmanager
def umask(mask: int):
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_writing_through_a_link_writes_the_linked_file(tmp_path):
    (tmp_path / "specs").mkdir()
    real = tmp_path / "specs" / "role.toml"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "role.toml"
    link.symlink_to(Path("specs") / "role.toml")
    spec = parse_spec(MINIMAL_SPEC)

    write_spec(spec, link)

    assert link.is_symlink() and os.readlink(link) == str(Path("specs") / "role.toml")
    assert read_spec(real) == spec
    assert sorted(path.name for path in tmp_path.iterdir()) == ["role.toml", "specs"]
    assert [path.name for path in (tmp_path / "specs").iterdir()] == ["role.toml"]  # no temporary file left


def test_writing_through_a_chain_of_links(tmp_path):
    real = tmp_path / "real.toml"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "middle.toml").symlink_to("real.toml")
    (tmp_path / "outer.toml").symlink_to("middle.toml")
    atomic_write_text(tmp_path / "outer.toml", "new")
    assert (tmp_path / "outer.toml").is_symlink() and (tmp_path / "middle.toml").is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002])
def test_new_files_honour_the_umask(tmp_path, mask):
    with umask(mask):
        atomic_write_text(tmp_path / "a.toml", "text")
        write_files([(tmp_path / "b.toml", b"b"), (tmp_path / "b.md", b"b")])
    for name in ("a.toml", "b.toml", "b.md"):
        assert mode(tmp_path / name) == 0o666 & ~mask, name


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "role.toml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "link.toml"
    link.symlink_to("role.toml")
    with umask(0o022):
        atomic_write_text(target, "new")
        assert mode(target) == 0o600
        atomic_write_text(link, "newer")  # through the link: the file's mode, not the link's
    assert mode(target) == 0o600 and target.read_text(encoding="utf-8") == "newer"


def test_a_dangling_link_is_an_existing_target(tmp_path):
    link = tmp_path / "role.toml"
    link.symlink_to("missing.toml")
    assert target_exists(link)
    with pytest.raises(TargetsExist) as caught:
        atomic_write_text(link, "text", replace=False)
    assert caught.value.paths == [link]
    assert link.is_symlink() and not (tmp_path / "missing.toml").exists()
    assert [path.name for path in tmp_path.iterdir()] == ["role.toml"]


def test_without_replace_a_group_is_refused_whole(tmp_path):
    (tmp_path / "role.md").write_text("someone else's", encoding="utf-8")
    with pytest.raises(TargetsExist) as caught:
        write_files([(tmp_path / "role.toml", b"spec"), (tmp_path / "role.md", b"description")], replace=False)
    assert caught.value.paths == [tmp_path / "role.md"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["role.md"]
    assert (tmp_path / "role.md").read_text(encoding="utf-8") == "someone else's"


def test_a_target_made_while_writing_is_not_overwritten(tmp_path, monkeypatch):
    """Created by another process between the check and the write: creating
    (a hard link) fails where a rename would have replaced it."""
    target = tmp_path / "role.toml"
    real_link = os.link

    def link(src, dst, *args, **kwargs):
        if Path(dst) == target:
            target.write_text("theirs", encoding="utf-8")  # the other process wins the race
        return real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "link", link)
    with pytest.raises(TargetsExist):
        write_files([(tmp_path / "role.md", b"ours"), (target, b"ours")], replace=False)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["role.toml"]  # our .md taken back
    assert target.read_text(encoding="utf-8") == "theirs"


def test_creating_works_without_hard_links(tmp_path, monkeypatch):
    """On a file system without hard links (FAT, some network mounts) the name is
    claimed exclusively, then filled in one rename."""

    def no_links(src, dst, *args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_files([(tmp_path / "role.toml", b"spec"), (tmp_path / "role.md", b"description")], replace=False)
    assert (tmp_path / "role.toml").read_bytes() == b"spec" and (tmp_path / "role.md").read_bytes() == b"description"
    with pytest.raises(TargetsExist):
        atomic_write_text(tmp_path / "role.md", "again", replace=False)
    write_files([(tmp_path / "role.toml", b"spec 2"), (tmp_path / "role.md", b"description 2")])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["role.md", "role.toml"]


@pytest.mark.parametrize("step", ["open", "fsync"])
def test_stopped_while_staging_leaves_nothing(tmp_path, monkeypatch, step):
    """Ctrl+C while the second file is being written: the first temporary file is removed too."""
    calls = {"count": 0}
    real = getattr(os, step)

    def stop_on_second(*args, **kwargs):
        if step == "open" and not str(args[0]).endswith(".tmp"):
            return real(*args, **kwargs)
        calls["count"] += 1
        if calls["count"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(os, step, stop_on_second)
    with pytest.raises(KeyboardInterrupt):
        write_files([(tmp_path / "role.toml", b"spec"), (tmp_path / "role.md", b"description")])
    assert list(tmp_path.iterdir()) == []
