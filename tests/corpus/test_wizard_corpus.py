"""The same corpus through the wizard: a bad spec shows the command line's
lines and is left alone; hostile text shows exactly as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Markdown

from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.screens.dialogs import ErrorScreen
from tests.corpus.test_bad_specs import BAD_FILES, expected_lines
from tests.tui.waiting import settle

HOSTILE_FILES = sorted((Path(__file__).parent / "hostile").glob("*.toml"))


# One file of each kind of fault goes through the running wizard: TOML it cannot
# parse, bytes that are not text, and a spec with several mistakes at once. The
# error screen shows whatever the start found, so every other file is checked
# where the wizard finds it (starting a whole app per file only repeats the screen).
ON_SCREEN = ["toml-unclosed-string.toml", "not-utf8.toml", "several-mistakes.toml"]


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda path: path.name)
def test_bad_spec_opens_the_wizard_on_an_empty_spec_with_the_command_lines(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = path.read_bytes()
    app = RolescopeApp(str(path))  # the wizard's start: what it will show, before the first frame
    assert app.open_errors == expected_lines(path)
    assert app.session.path is None  # the bad file is never the one saved over
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ON_SCREEN)
async def test_bad_spec_in_the_wizard(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = next(path for path in BAD_FILES if path.name == name)
    before = path.read_bytes()
    app = RolescopeApp(str(path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert app.screen.lines == expected_lines(path)
        await pilot.press("escape")
        assert app.session.path is None
    assert path.read_bytes() == before


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=lambda path: path.name)
async def test_hostile_spec_in_the_wizard(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spec = read_spec(path)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        table = app.query_one("#tasks", DataTable)
        from rolescope.markdown import visible_controls

        shown = [table.get_cell_at((row, 4)).plain for row in range(table.row_count)]
        assert shown == [visible_controls(task.text) for task in spec.tasks]
        await pilot.press("f6")
        await settle(pilot)
        assert app.query_one("#preview", Markdown).source.startswith("# ")
        assert app.session.spec == spec  # looking changes nothing
