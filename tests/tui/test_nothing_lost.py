"""Drafts and saving in the wizard: each wizard owns its draft, a changed file is
never silently replaced, draft failures are said, and links are not written through
without asking."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rolescope.catalog import load_catalog
from rolescope.session import Session
from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.screens.dialogs import ChoiceScreen
from rolescope.tui.screens.presets import PresetScreen
from tests.conftest import preset_path
from tests.tui.waiting import settle

CLEAR = ("end", *["backspace"] * 6)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def spec_file(workdir) -> Path:
    target = workdir / "role.toml"
    shutil.copy(preset_path("fraud-model-operator"), target)
    return target


def drafts() -> list[str]:
    return [path.read_text() for path in sorted(Path(os.environ["ROLESCOPE_DRAFTS"]).glob("*.toml"))]


def record_notifications(app: RolescopeApp, monkeypatch) -> list[str]:
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, **options) -> None:
        shown.append(message)
        notify(message, **options)

    monkeypatch.setattr(app, "notify", recording)
    return shown


async def type_into_company_name(app: RolescopeApp, pilot, text: str) -> None:
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press("end", *text)
    await settle(pilot, until=lambda: app.session.spec.company.name.endswith(text))


async def test_another_running_wizards_draft_is_neither_offered_nor_deleted(spec_file):
    running = Session.open(spec_file, load_catalog())  # a second wizard on the same spec, still open
    spec = running.spec
    running.update(spec.model_copy(update={"company": spec.company.model_copy(update={"name": "Still Typing"})}))
    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
        await type_into_company_name(app, pilot, " Ltd")
        assert len(drafts()) == 2  # one each
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.click("#choice-discard")
        await settle(pilot)
    assert app.return_code == 0
    assert len(drafts()) == 1 and "Still Typing" in drafts()[0]
    running.close()


async def test_a_new_role_from_a_preset_keeps_an_untitled_crash_draft(spec_file):
    crashed = RolescopeApp()
    async with crashed.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.click("#company-name")
        await pilot.press(*"Acme Crash")
        await settle(pilot, until=lambda: crashed.session.spec.company.name == "Acme Crash")
        # The process dies here: no quit, no save.
    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, PresetScreen)
        option_list = app.screen.query_one("#preset-list")
        names = [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]
        option_list.highlighted = names.index("ml-platform-scaling")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.spec == read_spec(preset_path("ml-platform-scaling"))
        await type_into_company_name(app, pilot, " (new)")
    assert any('name = "Acme Crash"' in text for text in drafts())


async def test_a_draft_of_a_file_changed_since_is_restored_beside_it(spec_file):
    first = RolescopeApp(str(spec_file))
    async with first.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await type_into_company_name(first, pilot, " Ltd")
        # The process dies here; then a teammate's change lands in the file.
    spec_file.write_text(spec_file.read_text().replace("Kestrel Pay", "Kestrel Pay (edited elsewhere)"))
    second = RolescopeApp(str(spec_file))
    async with second.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, ChoiceScreen)
        assert "role.toml has changed on disk since the draft was made" in second.screen.body
        await pilot.click("#choice-copy")
        await settle(pilot)
        copy = spec_file.with_name("role-draft.toml")
        assert second.session.path == copy
        assert second.session.spec.company.name == "Kestrel Pay Ltd"
        await pilot.press("ctrl+s")
        await settle(pilot, until=copy.exists)
    assert read_spec(copy).company.name == "Kestrel Pay Ltd"
    assert read_spec(spec_file).company.name == "Kestrel Pay (edited elsewhere)"


async def test_a_draft_not_decided_on_stays_and_is_offered_again(spec_file):
    first = RolescopeApp(str(spec_file))
    async with first.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await type_into_company_name(first, pilot, " Ltd")
    second = RolescopeApp(str(spec_file))
    async with second.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, ChoiceScreen)
        await pilot.press("escape")  # decide later
        await settle(pilot)
        await type_into_company_name(second, pilot, " Group")  # this session's own draft
    third = RolescopeApp(str(spec_file))
    async with third.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # the newest first: " Group", not decided either
        await settle(pilot)
        assert isinstance(third.screen, ChoiceScreen)  # then the older one
        await pilot.click("#choice-restore")
        await settle(pilot)
        assert third.session.spec.company.name == "Kestrel Pay Ltd"


async def test_drafts_that_cannot_be_saved_are_said_once_and_again_when_they_work(spec_file, monkeypatch):
    blocker = spec_file.with_name("in-the-way")
    blocker.write_text("a file where the drafts folder should be")
    monkeypatch.setenv("ROLESCOPE_DRAFTS", str(blocker / "drafts"))
    app = RolescopeApp(str(spec_file))
    shown = record_notifications(app, monkeypatch)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await type_into_company_name(app, pilot, " Ltd")
        failures = [message for message in shown if message.startswith("Drafts cannot be saved")]
        assert len(failures) == 1 and str(blocker) in failures[0]
        blocker.unlink()
        await pilot.press("!")
        await settle(pilot, until=lambda: any(message.startswith("Drafts are saved again") for message in shown))
    assert any("Kestrel Pay Ltd!" in path.read_text() for path in (blocker / "drafts").glob("*.toml"))


async def test_saving_to_a_dangling_link_asks_first(workdir):
    link = workdir / "role.toml"
    link.symlink_to(workdir / "elsewhere.toml")  # names a file that does not exist
    app = RolescopeApp(str(link))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.click("#company-name")
        await pilot.press(*"Acme")
        await pilot.press("f3")
        await settle(pilot)
        await pilot.click("#task-text")
        await pilot.press(*"Set up drift monitoring and alerting for the ranking model", "tab", *CLEAR, "8", "enter")
        await settle(pilot, until=lambda: len(app.session.spec.tasks) == 1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert f"{link}: already exists (a link to {workdir / 'elsewhere.toml'}" in app.screen.body
        await pilot.click("#choice-cancel")
        await settle(pilot)
    assert os.path.islink(link) and not (workdir / "elsewhere.toml").exists()


async def test_keys_typed_while_a_step_is_still_being_built_land_in_its_field(spec_file):
    """A step key, then typing at once: the step is built on its first visit, which
    takes a moment on a busy machine; what is typed meanwhile waits for its field."""
    from textual import events

    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(100, 32)) as pilot:
        assert not app.query("#step-company")  # at start only the verdict step is built
        # All queued at once, as a terminal delivers keys typed quickly: none waits for the step.
        for key, character in [("f2", None), ("space", " "), ("L", "L"), ("t", "t"), ("d", "d")]:
            app.post_message(events.Key(key, character))
        await settle(pilot, until=lambda: app.session.spec.company.name != "Kestrel Pay", what="the name changes")
        assert app.session.spec.company.name == "Kestrel Pay Ltd"
        assert app.query_one("#company-name").value == "Kestrel Pay Ltd"
