"""Numbers in the wizard are what the lead typed: shown in full, saved exactly."""

from __future__ import annotations

from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input

from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.gauge import SplitGauge
from tests.tui.waiting import settle

SPEC = """\
schema_version = 1

[company]
name = "Lumen Docs"
stage = "pre-product"

[role.pay]
min = 2345678
max = 2400000.5
currency = "USD"
period = "year"

[[tasks]]
text = "Build the pipeline that loads help-centre articles into a vector index"
weeks = 4.123456789
"""


async def test_pay_and_weeks_survive_edits_and_save_exactly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spec_file = tmp_path / "role.toml"
    spec_file.write_text(SPEC)
    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "4.123456789 of 26 weeks" in str(app.query_one(SplitGauge).render())
        await pilot.press("f6")
        await settle(pilot)
        assert app.query_one("#pay-min", Input).value == "2345678"
        assert app.query_one("#pay-max", Input).value == "2400000.5"
        await pilot.click("#location")
        await pilot.press(*"Remote")  # every edit in the step re-reads the pay fields
        await settle(pilot, until=lambda: app.session.spec.role.location == "Remote")
        await pilot.press("f3")
        await settle(pilot)
        table = app.query_one("#tasks", DataTable)
        assert str(table.get_cell_at(Coordinate(0, 2))) == "4.123456789"
        assert "Weeks planned: 4.123456789 of 26" in str(app.query_one("#weeks-line").render())
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one("#task-weeks", Input).value == "4.123456789"
        await pilot.press("end", *" daily")  # every keystroke re-reads the weeks field
        await settle(pilot, until=lambda: app.session.spec.tasks[0].text.endswith(" daily"))
        await pilot.press("escape", "n")
        await settle(pilot)
        await pilot.press(*"Drift alerts", "tab", *["backspace"] * 3, *"0.1000000001", "enter")
        await settle(pilot, until=lambda: len(app.session.spec.tasks) == 2)
        await pilot.press("ctrl+s")
        await settle(pilot, until=lambda: not app.session.dirty)
    text = spec_file.read_text()
    assert "min = 2345678\n" in text and "max = 2400000.5\n" in text
    assert "weeks = 4.123456789\n" in text and "weeks = 0.1000000001\n" in text
    saved = read_spec(spec_file)
    assert saved.role.pay is not None and (saved.role.pay.min, saved.role.pay.max) == (2345678, 2400000.5)
    assert [task.weeks for task in saved.tasks] == [4.123456789, 0.1000000001]
