"""A posting opens in the wizard as a new role drafted from it: on the task step,
with the weeks rolescope estimated marked until the lead sets them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, TabbedContent

from rolescope.catalog import load_catalog
from rolescope.importer import import_posting_file
from rolescope.tui.app import RolescopeApp
from rolescope.tui.screens.open import OpenScreen
from tests.conftest import run_cli
from tests.tui.waiting import settle

POSTING = Path(__file__).parents[1] / "corpus" / "imports" / "research-title-ops-work.md"


def weeks_column(app: RolescopeApp) -> list[str]:
    table = app.query_one("#tasks", DataTable)
    return [table.get_cell_at((row, 2)).plain for row in range(table.row_count)]


async def test_a_posting_opens_on_its_tasks_with_estimated_weeks_marked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    imported = import_posting_file(POSTING, load_catalog()).spec
    estimated = [task.estimated for task in imported.tasks]
    assert any(estimated)  # the posting gives no durations for some duties
    app = RolescopeApp(imported=imported)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "work"
        assert app.session.path is None and app.session.spec == imported  # new, unsaved
        shown = weeks_column(app)
        assert [cell.startswith("~") for cell in shown] == [bool(flag) for flag in estimated]
        assert "weeks estimated" in str(app.query_one("#weeks-line").render())
        # The lead sets the first estimated task's weeks: it is no longer an estimate.
        first = estimated.index(True)
        table = app.query_one("#tasks", DataTable)
        table.focus()
        table.move_cursor(row=first)
        await settle(pilot, lambda: app.focused is table, "the task list has focus")
        await pilot.press("enter")
        weeks = app.query_one("#task-weeks", Input)
        weeks.focus()
        await settle(pilot, lambda: app.focused is weeks, "the weeks box has focus")
        await pilot.press("ctrl+u", "3")
        await settle(pilot, lambda: app.session.spec.tasks[first].weeks == 3, "the weeks set")
        assert not app.session.spec.tasks[first].estimated
        assert not weeks_column(app)[first].startswith("~")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.spec.tasks[first].estimated  # undo brings the estimate back


async def test_ctrl_o_imports_a_posting(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old-posting.md").write_bytes(POSTING.read_bytes())
    app = RolescopeApp()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(app.screen, OpenScreen), "the open dialog")
        app.screen.dismiss("old-posting.md")
        await settle(pilot, lambda: bool(app.session.spec.tasks), "the posting imported")
        assert app.query_one(TabbedContent).active == "work"
        assert app.session.path is None
        assert app.session.spec.tasks == import_posting_file(POSTING, load_catalog()).spec.tasks


def test_a_posting_that_cannot_be_read_is_one_line_and_exit_2(tmp_path):
    missing = run_cli("missing.md", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "missing.md" in missing.stderr
    (tmp_path / "binary.html").write_bytes(b"<p>\x00</p>")
    binary = run_cli("binary.html", cwd=tmp_path)
    assert binary.returncode == 2 and "binary.html: is a binary file" in binary.stderr
