"""Crash drafts: each session owns its draft, only a dead owner's are offered, a
file changed since is said so, and a draft that cannot be written is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rolescope.catalog import load_catalog
from rolescope.drafts import DraftKeeper
from rolescope.session import Session
from rolescope.specio import read_spec
from tests.conftest import preset_path

CATALOG = load_catalog()


@pytest.fixture
def spec_file(tmp_path) -> Path:
    target = tmp_path / "role.toml"
    shutil.copy(preset_path("fraud-model-operator"), target)
    return target


def renamed(session: Session, name: str) -> None:
    spec = session.spec
    session.update(spec.model_copy(update={"company": spec.company.model_copy(update={"name": name})}))


def draft_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.toml"))


def test_two_sessions_on_one_spec_keep_a_draft_each(spec_file, tmp_path):
    folder = tmp_path / "drafts"
    first = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    second = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    renamed(first, "First Ltd")
    renamed(second, "Second Ltd")
    assert len(draft_files(folder)) == 2
    second.discard_draft()  # the second wizard quits
    (left,) = draft_files(folder)
    assert "First Ltd" in left.read_text()


def test_a_live_owners_draft_is_not_offered_and_a_dead_ones_is(spec_file, tmp_path):
    folder = tmp_path / "drafts"
    running = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    renamed(running, "Still Typing Ltd")
    starting = Session.open(spec_file, CATALOG)
    starting.drafts = DraftKeeper(folder)
    assert starting.find_drafts() == []
    running.close()  # as if the process died: the kernel lets go of its lock
    (draft,) = starting.find_drafts()
    assert draft.spec.company.name == "Still Typing Ltd"
    assert draft.source == str(spec_file)
    assert not draft.file_changed


def test_a_left_over_draft_is_offered_to_one_starting_session_only(spec_file, tmp_path):
    folder = tmp_path / "drafts"
    crashed = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    renamed(crashed, "Crashed Ltd")
    crashed.close()
    one, other = (Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder)) for _ in "ab")
    assert len(one.find_drafts()) == 1
    assert other.find_drafts() == []  # the first one is asking about it
    one.close()  # it decided nothing: the draft is free again
    assert len(other.find_drafts()) == 1


def test_untitled_drafts_never_overwrite_each_other(tmp_path):
    folder = tmp_path / "drafts"
    crashed = Session(CATALOG, drafts=DraftKeeper(folder))
    renamed(crashed, "Acme")
    crashed.close()
    fresh = Session(CATALOG, drafts=DraftKeeper(folder))
    renamed(fresh, "Other Co")  # Ctrl+N, or a second untitled wizard
    texts = [path.read_text() for path in draft_files(folder)]
    assert any("Acme" in text for text in texts) and any("Other Co" in text for text in texts)
    later = Session(CATALOG, drafts=DraftKeeper(folder))
    assert [draft.spec.company.name for draft in later.find_drafts()] == ["Acme"]


def test_a_draft_says_when_its_file_changed_since(spec_file, tmp_path):
    folder = tmp_path / "drafts"
    crashed = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    renamed(crashed, "Draft Ltd")
    crashed.close()
    spec_file.write_text(spec_file.read_text().replace("Kestrel Pay", "Kestrel Pay (edited elsewhere)"))
    later = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    (draft,) = later.find_drafts()
    assert draft.file_changed
    copy = later.restore_draft_as_copy(draft)
    assert copy == spec_file.with_name("role-draft.toml")
    later.save()
    assert read_spec(copy).company.name == "Draft Ltd"
    assert "edited elsewhere" in spec_file.read_text()
    assert draft_files(folder) == []  # restored and saved: nothing left over


def test_a_draft_that_says_what_the_file_says_is_dropped(spec_file, tmp_path):
    folder = tmp_path / "drafts"
    crashed = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    renamed(crashed, "Kestrel Pay Ltd")
    renamed(crashed, read_spec(spec_file).company.name)  # typed back to what it was
    crashed.close()
    later = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    assert later.find_drafts() == []
    assert draft_files(folder) == []


def test_drafts_that_cannot_be_written_are_reported_once_and_again_when_they_work(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the drafts folder should be")
    session = Session(CATALOG, drafts=DraftKeeper(blocker / "drafts"))
    renamed(session, "A")
    news = session.drafts.take_news()
    assert news is not None and "Drafts cannot be saved" in news and str(blocker) in news
    renamed(session, "Ab")
    assert session.drafts.take_news() is None  # said once, not on every keystroke
    assert session.drafts.error is not None
    blocker.unlink()
    renamed(session, "Abc")
    assert session.drafts.take_news() == "Drafts are saved again: unsaved work survives a crash."
    assert session.drafts.error is None
    assert "Abc" in draft_files(blocker / "drafts")[0].read_text()
    blocker_again = blocker / "drafts"
    shutil.rmtree(blocker_again)
    blocker_again.write_text("in the way again")
    session.drafts.discard()
    renamed(session, "Abcd")
    assert "Drafts cannot be saved" in (session.drafts.take_news() or "")


def test_saving_under_a_new_name_moves_the_draft(spec_file, tmp_path):
    folder = tmp_path / "drafts"
    session = Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder))
    renamed(session, "Moved Ltd")
    session.save(tmp_path / "moved.toml")
    assert draft_files(folder) == []
    renamed(session, "Moved Again Ltd")
    assert len(draft_files(folder)) == 1
    session.close()
    later = Session.open(tmp_path / "moved.toml", CATALOG)
    later.drafts = DraftKeeper(folder)
    assert [found.spec.company.name for found in later.find_drafts()] == ["Moved Again Ltd"]
    assert Session(CATALOG, read_spec(spec_file), spec_file, drafts=DraftKeeper(folder)).find_drafts() == []
