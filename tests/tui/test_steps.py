"""The work and description steps show what the core decides: vague tasks apart,
unsure ones marked, no verdict without signal, each task's problem, outcomes
beside tasks, and the description's findings pointing at what to change."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import DataTable, Input, TabbedContent, TextArea

from rolescope.catalog import load_catalog
from rolescope.document import build_document
from rolescope.recommend import recommend
from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.gauge import SplitGauge
from rolescope.tui.steps.description import FindingList, PreviewPane
from rolescope.tui.steps.work import ARCHETYPE_STYLE, TaskText
from tests.conftest import preset_path
from tests.tui.waiting import settle

VAGUE = """\
schema_version = 1
[company]
name = "Acme"
stage = "live-model"
[role]
must_have = ["Rockstar ninja who lives and breathes ML"]
[[tasks]]
text = "work on AI"
weeks = 8
[[tasks]]
text = "help with ML stuff"
weeks = 8
[[tasks]]
text = "Build the inference API for search ranking"
weeks = 4
"""

DATA_PIPELINES = """\
schema_version = 1
[company]
name = "Acme"
stage = "live-model"
[[tasks]]
text = "ETL Salesforce to warehouse nightly"
weeks = 8
[[tasks]]
text = "dbt models for revenue reporting"
weeks = 8
[[tasks]]
text = "CDC Postgres to lake"
weeks = 6
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def spec_file(folder: Path, text: str) -> Path:
    path = folder / "role.toml"
    path.write_text(text)
    return path


def shown(app, selector: str) -> str:
    return str(app.query_one(selector).render())


def gauge_text(app) -> str:
    return str(app.query_one(SplitGauge).render())


def cell(app, row: int, column: int) -> str:
    return app.query_one("#tasks", DataTable).get_cell_at((row, column)).plain


async def test_vague_tasks_stand_apart_and_there_is_no_verdict_without_signal(workdir):
    app = RolescopeApp(str(spec_file(workdir, VAGUE)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        # Apart from the archetypes, and out of the gauge's shares (the one classified task is all of them).
        assert [cell(app, row, 1) for row in range(3)] == ["unclassified", "unclassified", "developer"]
        assert "Unclassified, 16 weeks: tasks 1 and 2" in shown(app, "#weeks-line")
        gauge = gauge_text(app)
        assert "developer 100%" in gauge and "unclassified, 16 weeks" in gauge
        # No verdict: what to rewrite instead.
        assert "not enough signal: 16 of 20 weeks are too vague, rewrite tasks 1 and 2" in gauge
        assert "hire an engineer" not in gauge
        # The task under the cursor says what is wrong with it and how to fix it.
        problem = shown(app, "#task-problem")
        assert "Task 1 is too vague to classify" in problem and "say what gets built" in problem
        await pilot.press("down", "down")
        await settle(pilot)
        assert not app.query_one("#task-problem").display


async def test_the_task_list_makes_rich_text_only_for_the_rows_it_draws(workdir):
    tasks = "".join(
        f'[[tasks]]\ntext = "Build the API endpoint for ranking, part {n}"\nweeks = 0.1\n' for n in range(300)
    )
    app = RolescopeApp(str(spec_file(workdir, DATA_PIPELINES.split("[[tasks]]")[0] + tasks)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        table = app.query_one("#tasks", DataTable)
        # Every task is a row, each cell kept as its words and look: a rich Text for
        # each cell of thousands of tasks held megabytes.
        assert table.row_count == 300
        kept = [table.get_row_at(row) for row in range(table.row_count)]
        assert not any(isinstance(value, Text) for row in kept for value in row)
        assert [cell(app, 299, column) for column in (0, 1, 4)] == [
            "300",
            "developer",
            "Build the API endpoint for ranking, part 299",
        ]
        # Drawn as before: the archetype in its colour, the task cut to one line.
        drawn = kept[0][1].__rich__()
        assert isinstance(drawn, Text) and drawn.plain == "developer" and drawn.style == ARCHETYPE_STYLE["developer"]
        assert kept[0][4].__rich__().overflow == "ellipsis"


async def test_the_data_engineering_verdict_is_said_plainly(workdir):
    app = RolescopeApp(str(spec_file(workdir, DATA_PIPELINES)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "hire a data engineer, not an ML hire (clear) → Data engineer" in gauge_text(app)


async def test_unsure_tasks_are_marked_without_colour(workdir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    path = workdir / "role.toml"
    path.write_text(preset_path("rag-support-search").read_text())
    unsure = [item.number for item in recommend(read_spec(path), load_catalog()).unsure_tasks]
    assert unsure, "the example has a task the classifier is unsure of"
    app = RolescopeApp(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        rows = len(app.session.spec.tasks)
        marked = [row + 1 for row in range(rows) if cell(app, row, 3).startswith("?")]
        assert marked == unsure
        assert f"? unsure: task {unsure[0]}" in shown(app, "#weeks-line")
        await pilot.press(*["down"] * (unsure[0] - 1))
        await settle(pilot)
        assert f"Task {unsure[0]} is unsure" in shown(app, "#task-problem")


async def test_long_tasks_are_cut_with_an_ellipsis_and_shown_whole_in_the_editor(workdir):
    path = workdir / "role.toml"
    path.write_text(preset_path("rag-support-search").read_text())
    app = RolescopeApp(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        table = app.query_one("#tasks", DataTable)
        first = app.session.spec.tasks[0].text
        line = table.render_line(1).text  # the first task's row, below the header
        assert "…" in line and first not in line
        editor = app.query_one("#task-text", TaskText)
        assert editor.text == first
        # Every wrapped line of the task fits in the editor: nothing is scrolled out of sight.
        assert editor.wrapped_document.height > 1
        assert editor.size.height >= editor.wrapped_document.height
        assert not table.show_horizontal_scrollbar


async def test_each_task_has_an_outcome_that_undo_takes_back(workdir):
    app = RolescopeApp(str(spec_file(workdir, DATA_PIPELINES)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("enter")  # edit task 1
        await settle(pilot, lambda: app.focused is app.query_one("#task-text"), "the task editor has focus")
        await pilot.press("tab", "tab")
        await settle(pilot, lambda: app.focused is app.query_one("#task-outcome"), "the outcome has focus")
        await pilot.press(*"Lands by 6am")  # short: each key re-renders the step
        await settle(pilot)
        assert app.session.spec.tasks[0].outcome == "Lands by 6am"
        document = build_document(app.session.spec, app.session.recommendation, app.catalog)
        outcomes = document.section("outcomes")
        assert outcomes is not None
        assert any(item.source.field == "tasks[1].outcome" for item in outcomes.items)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.spec.tasks[0].outcome is None
        assert app.query_one("#task-outcome", Input).value == ""
        # A new task takes the outcome typed beside it.
        await pilot.press("escape", "n")
        await settle(pilot)
        await pilot.press(*"Churn features", "tab", "tab")
        await pilot.press(*"Hourly", "enter")
        await settle(pilot)
        assert app.session.spec.tasks[-1].text == "Churn features"
        assert app.session.spec.tasks[-1].outcome == "Hourly"


async def test_findings_sit_beside_the_preview_and_lead_to_the_field(workdir):
    app = RolescopeApp(str(spec_file(workdir, VAGUE)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await settle(pilot)
        step = app.query_one("#step-description")
        findings = step.findings
        document = build_document(app.session.spec, app.session.recommendation, app.catalog)
        assert {f.message for f in document.findings} <= {f.message for f in findings}
        assert any(f.rule == "empty-label" for f in findings), "the linter's findings are there too"
        listed = app.query_one(FindingList)
        assert listed.option_count == len(findings)

        # A finding about task 2 goes to task 2 in the task editor.
        index = next(n for n, f in enumerate(findings) if f.task == 2)
        listed.focus()
        listed.highlighted = index
        await pilot.press("enter")
        await settle(pilot, lambda: app.focused is app.query_one("#task-text"), "the task is in the editor")
        assert app.query_one(TabbedContent).active == "work"
        assert app.query_one("#tasks", DataTable).cursor_row == 1
        assert app.query_one("#task-text", TaskText).text == "help with ML stuff"

        # A finding about a must-have skill goes to that skill's line.
        await pilot.press("f6")
        await settle(pilot)
        index = next(n for n, f in enumerate(findings) if (f.field or "").startswith("role.must_have"))
        listed.focus()
        listed.highlighted = index
        await pilot.press("enter")
        await settle(pilot, lambda: app.focused is app.query_one("#must-have"), "the skills have focus")
        assert app.query_one("#must-have", TextArea).cursor_location == (0, 0)


async def test_the_preview_is_a_pane_the_keyboard_scrolls(workdir):
    path = workdir / "role.toml"
    path.write_text(preset_path("rag-support-search").read_text())
    app = RolescopeApp(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await settle(pilot)
        pane = app.query_one(PreviewPane)
        for _ in range(12):
            if app.focused is pane:
                break
            await pilot.press("tab")
        await settle(pilot)
        assert app.focused is pane
        assert pane.region.height > 8 and app.screen.region.contains_region(pane.region)
        await pilot.press("pagedown")
        await settle(pilot, lambda: pane.scroll_y > 0, "the preview scrolled")


async def test_editing_one_description_field_leaves_the_others_as_written(workdir):
    """Typing a location changes the location only: the skill lists stay exactly as
    the spec has them (read back from their boxes they would be tidied)."""
    text = VAGUE.replace(
        'must_have = ["Rockstar ninja who lives and breathes ML"]',
        'must_have = ["  Python, indented"]\nnice_to_have = ["carriage\\r\\nreturn"]',
    )
    app = RolescopeApp(str(spec_file(workdir, text)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        await settle(pilot, lambda: app.focused is app.query_one("#location"), "the location has focus")
        await pilot.press(*"Remote")
        await settle(pilot, lambda: app.session.spec.role.location == "Remote", "the location is taken")
        assert app.session.spec.role.must_have == ["  Python, indented"]
        assert app.session.spec.role.nice_to_have == ["carriage\r\nreturn"]


async def test_a_pay_range_the_spec_cannot_take_is_said_under_it_and_not_taken(workdir):
    text = VAGUE.replace("[role]\n", "[role]\npay = { min = 100000, max = 150000 }\n")
    app = RolescopeApp(str(spec_file(workdir, text)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        await settle(pilot, lambda: app.query_one("#pay-max", Input).value == "150000", "the pay is shown")
        app.query_one("#pay-max", Input).value = "90000"
        help_line = app.query_one("#pay-help")
        await settle(pilot, lambda: help_line.display, "the problem is shown")
        assert shown(app, "#pay-help") == "The maximum is below the minimum."
        assert app.session.spec.role.pay.max == 150000
        app.query_one("#pay-max", Input).value = "190000"
        await settle(pilot, lambda: app.session.spec.role.pay.max == 190000, "the fixed range is taken")
        assert not help_line.display
