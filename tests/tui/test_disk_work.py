"""The wizard's disk work runs in workers, away from its UI loop: a failure is shown
on screen, and a second save asked for while one is written is refused."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from rolescope.drafts import DraftKeeper
from rolescope.session import Session
from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.screens.dialogs import ErrorScreen
from tests.conftest import preset_path
from tests.tui.waiting import settle


@pytest.fixture
def spec_file(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "role.toml"
    shutil.copy(preset_path("fraud-model-operator"), target)
    return target


def record_notifications(app: RolescopeApp, monkeypatch) -> list[str]:
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, **options) -> None:
        shown.append(message)
        notify(message, **options)

    monkeypatch.setattr(app, "notify", recording)
    return shown


async def test_a_draft_that_cannot_be_written_is_said_and_written_off_the_ui_loop(spec_file, monkeypatch):
    writers: list[threading.Thread] = []
    write = DraftKeeper.write

    def failing(keeper: DraftKeeper, *args) -> None:
        writers.append(threading.current_thread())
        keeper.folder = spec_file / "not-a-folder"  # under a file: every write fails
        write(keeper, *args)

    monkeypatch.setattr(DraftKeeper, "write", failing)
    app = RolescopeApp(str(spec_file))
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("end", *" Ltd")
        await settle(pilot, until=lambda: app.session.spec.company.name.endswith(" Ltd"))
        failures = [message for message in shown if message.startswith("Drafts cannot be saved")]
        assert len(failures) == 1 and "not-a-folder" in failures[0]
    assert writers and threading.main_thread() not in writers


async def test_an_export_that_fails_is_shown_and_writes_nothing(spec_file):
    blocker = spec_file.with_name("a-file")
    blocker.write_text("a file where the export folder should be")
    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await pilot.click("#export-dir")
        await pilot.press("end", "ctrl+u", *"a-file/out")
        await pilot.press("ctrl+e")
        await settle(pilot, until=lambda: isinstance(app.screen, ErrorScreen))
        assert isinstance(app.screen, ErrorScreen)
        assert app.screen.title_text == "Not exported"
        assert app.screen.lines == ["a-file/out: Not a directory"]
    assert blocker.read_text() == "a file where the export folder should be"


async def test_a_second_save_while_one_is_written_is_refused(spec_file, monkeypatch):
    release = threading.Event()
    saves: list[Path] = []
    save = Session.save

    def slow(session: Session, *args, **kwargs) -> Path:
        assert release.wait(30), "the test never let the save finish"
        saves.append(save(session, *args, **kwargs))
        return saves[-1]

    monkeypatch.setattr(Session, "save", slow)
    app = RolescopeApp(str(spec_file))
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("end", *" Ltd")
        await settle(pilot, until=lambda: app.session.spec.company.name.endswith(" Ltd"))
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+s")
        assert any(message.startswith("A save or export is still being written") for message in shown)
        release.set()
        await settle(pilot, until=lambda: not app.session.dirty)
    assert len(saves) == 1
    assert read_spec(spec_file).company.name.endswith(" Ltd")
