"""The wizard driven as a lead drives it: keys, clicks, and what is on screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TabbedContent

from rolescope.catalog import load_catalog
from rolescope.recommend import recommend
from rolescope.slug import slugify
from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.gauge import SplitGauge
from rolescope.tui.screens.dialogs import ChoiceScreen, ErrorScreen
from rolescope.tui.screens.presets import PresetScreen
from rolescope.tui.steps.work import TaskText
from tests.conftest import MINIMAL_SPEC, preset_path
from tests.tui.waiting import settle


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def copy_preset(name: str, folder: Path) -> Path:
    target = folder / f"{name}.toml"
    shutil.copy(preset_path(name), target)
    return target


CLEAR = ("end", *["backspace"] * 6)


def gauge_text(app) -> str:
    return str(app.query_one(SplitGauge).render())


async def test_opens_a_spec_and_the_gauge_matches_the_core(workdir):
    path = copy_preset("rag-support-search", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        expected = recommend(read_spec(path), load_catalog())
        gauge = gauge_text(app)
        assert f"engineering  {round(expected.engineering_share * 100)}%" in gauge
        assert f"{round(expected.research_share * 100)}% research" in gauge
        assert "developer 80%" in gauge
        assert "hire an engineer (clear) → AI product engineer" in gauge
        assert not app.session.dirty
        assert app.query_one(TabbedContent).active == "recommendation"


async def test_every_step_is_reachable_by_keyboard_and_keeps_the_gauge(workdir):
    path = copy_preset("two-roles-in-one", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        for number, step in enumerate(["company", "work", "recommendation", "interview", "description", "save"]):
            await pilot.press(f"f{number + 2}")
            await settle(pilot)
            assert app.query_one(TabbedContent).active == step
            gauge = app.query_one(SplitGauge)
            assert gauge.display and gauge.region.height == 3
            assert "two roles in one" in gauge_text(app)
        await pilot.press("ctrl+pagedown")
        assert app.query_one(TabbedContent).active == "company"
        await pilot.press("ctrl+pageup")
        assert app.query_one(TabbedContent).active == "save"


async def test_typing_tasks_moves_the_gauge_on_every_keystroke(workdir):
    app = RolescopeApp()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        await pilot.click("#task-text")
        await pilot.press(*"Build the inference API for search")
        assert "developer" in str(app.query_one("#task-evidence").render())
        await pilot.press("tab", *CLEAR, *"6", "enter")
        await settle(pilot)
        assert [task.text for task in app.session.spec.tasks] == ["Build the inference API for search"]
        assert app.session.spec.tasks[0].weeks == 6
        assert "engineering 100%" in gauge_text(app)
        # A second task, research this time: the split moves.
        await pilot.press(*"Run ablations on the ranking features offline", "tab", *CLEAR, "2", "enter")
        await settle(pilot)
        expected = recommend(app.session.spec, app.catalog)
        assert expected.research_share == 0.25
        assert "engineering  75%" in gauge_text(app)
        # Editing the first task changes the gauge as each key lands.
        table = app.query_one("#tasks", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        weeks_input = app.query_one("#task-weeks", Input)
        weeks_input.focus()
        await pilot.press(*CLEAR, "2")
        await settle(pilot)
        assert app.session.spec.tasks[0].weeks == 2
        assert "engineering  50%" in gauge_text(app)
        await pilot.press("2")  # 22 weeks now
        await settle(pilot)
        assert app.session.spec.tasks[0].weeks == 22
        assert "engineering  92%" in gauge_text(app)


async def test_archetype_override_delete_move_and_undo(workdir):
    path = copy_preset("rag-support-search", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        table = app.query_one("#tasks", DataTable)
        table.focus()
        table.move_cursor(row=0)
        original = app.session.spec.tasks
        await pilot.press("a")
        assert app.session.spec.tasks[0].archetype == "researcher"
        assert "(set)" in table.get_cell_at((0, 1)).plain
        expected = recommend(app.session.spec, app.catalog)
        assert f"engineering  {round(expected.engineering_share * 100)}%" in gauge_text(app)
        await pilot.press("a", "a", "a")
        assert app.session.spec.tasks[0].archetype is None
        await pilot.press("d")
        assert len(app.session.spec.tasks) == len(original) - 1
        await pilot.press("ctrl+z")
        assert app.session.spec.tasks[0] == original[0]
        table.move_cursor(row=0)
        await pilot.press("shift+down")
        assert app.session.spec.tasks[1] == original[0]
        assert table.cursor_row == 1
        await pilot.press("ctrl+z")
        assert list(app.session.spec.tasks) == list(original)
        await pilot.press("ctrl+y")
        assert app.session.spec.tasks[1] == original[0]


async def test_save_reload_and_export(workdir):
    app = RolescopeApp()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.click("#company-name")
        await pilot.press(*"Acme Search")
        await pilot.press("f3")
        await settle(pilot)
        await pilot.click("#task-text")
        await pilot.press(*"Set up drift monitoring and alerting for the ranking model", "tab", *CLEAR, "8", "enter")
        await pilot.press("f7")
        await settle(pilot)
        await pilot.click("#save-path")
        await pilot.press(*"acme.toml")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = workdir / "acme.toml"
        assert saved.exists()
        assert read_spec(saved) == app.session.spec
        assert not app.session.dirty
        await pilot.press("ctrl+e")
        await settle(pilot)
        title = app.session.recommendation.title
        md = workdir / f"{slugify('Acme Search', title)}.md"
        assert md.exists()
        assert app.session.recommendation.hire_archetype == "operator"
        assert md.read_text().startswith(f"# {title}")
        await pilot.press("ctrl+e")  # the same export again: nothing to ask
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
        md.write_text(md.read_text() + "\nA line the lead added by hand.\n")
        before = md.read_bytes()
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        assert md.read_bytes() == before

    again = RolescopeApp(str(workdir / "acme.toml"))
    async with again.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert again.session.spec == read_spec(saved)
        assert again.query_one("#company-name", Input).value == "Acme Search"


async def test_bad_spec_shows_the_command_line_errors_and_overwrites_nothing(workdir):
    bad = workdir / "bad.toml"
    bad.write_text(MINIMAL_SPEC.replace("weeks = 6", "weeks = -6"))
    app = RolescopeApp(str(bad))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert app.screen.lines == [f"{bad}:9: tasks[1].weeks: must be more than 0 (got -6)"]
        await pilot.press("escape")
        assert app.session.path is None
    assert "weeks = -6" in bad.read_text()


async def test_quit_with_unsaved_changes_asks_first(workdir):
    app = RolescopeApp()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.click("#company-name")
        await pilot.press(*"Acme")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        assert app.is_running
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.click("#choice-discard")
        await settle(pilot)
    assert app.return_code == 0


async def test_a_draft_survives_and_is_offered_back(workdir):
    path = copy_preset("fraud-model-operator", workdir)
    first = RolescopeApp(str(path))
    async with first.run_test(size=(100, 32)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await pilot.click("#company-name")
        await pilot.press("end", *" Ltd")
        await settle(pilot)
        edited = first.session.spec
        assert edited.company.name.endswith(" Ltd")
        # The process dies here: no quit, no save.
    assert "Ltd" not in path.read_text()

    second = RolescopeApp(str(path))
    async with second.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, ChoiceScreen)
        await pilot.click("#choice-restore")
        await settle(pilot)
        assert second.session.spec == edited
        assert second.session.dirty
        assert second.query_one("#company-name", Input).value.endswith(" Ltd")


async def test_changed_on_disk_is_not_silently_overwritten(workdir):
    path = copy_preset("rag-support-search", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await pilot.click("#company-name")
        await pilot.press("end", "!")
        path.write_text(path.read_text().replace("Tidewell", "Tidewell (edited elsewhere)"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-cancel")
        await settle(pilot)
        assert "edited elsewhere" in path.read_text()


async def test_task_text_is_shown_literally(workdir):
    hostile = "[bold]Build[/] the [00] API 🚀 日本語 [link=x]y[/link]"
    spec_file = workdir / "hostile.toml"
    spec_file.write_text(
        MINIMAL_SPEC.replace(
            'text = "Build the pipeline that loads help-centre articles into a vector index"',
            f'text = "{hostile}"',
        )
    )
    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        await settle(pilot)
        cell = app.query_one("#tasks", DataTable).get_cell_at((0, 4))
        assert cell.plain == hostile
        assert app.query_one("#task-text", TaskText).text == hostile


async def test_new_role_from_a_preset_inside_the_app(workdir):
    app = RolescopeApp()
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
        assert app.session.path is None
        assert "ML infrastructure engineer" in gauge_text(app)


async def test_split_verdict_saves_two_specs(workdir):
    path = copy_preset("two-roles-in-one", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        await pilot.click("#save-split")
        await settle(pilot)
        written = sorted(p.name for p in workdir.glob("fenwick-freight-*.toml"))
        assert written == [
            "fenwick-freight-founding-ai-product-engineer.toml",
            "fenwick-freight-founding-applied-research-scientist.toml",
        ]


async def test_hundreds_of_tasks_stay_live(workdir):
    lines = [MINIMAL_SPEC]
    for index in range(300):
        kind = ("Run ablations on feature group", "Build the API endpoint", "Set up drift alerts for model")[index % 3]
        lines.append(f'[[tasks]]\ntext = "{kind} {index}"\nweeks = 0.5\n')
    spec_file = workdir / "big.toml"
    spec_file.write_text("\n".join(lines))
    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        table = app.query_one("#tasks", DataTable)
        assert table.row_count == 301
        table.focus()
        table.move_cursor(row=150)
        await pilot.press("a")
        assert app.session.spec.tasks[150].archetype == "researcher"
        expected = recommend(app.session.spec, app.catalog)
        assert f"engineering  {round(expected.engineering_share * 100)}%" in gauge_text(app)


async def test_preset_from_the_command_line_starts_a_new_unsaved_role(workdir):
    app = RolescopeApp(preset="fraud-model-operator")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert app.session.spec == read_spec(preset_path("fraud-model-operator"))
        assert app.session.path is None and app.session.dirty
        assert "ML reliability engineer" in gauge_text(app)


async def test_dialogs_hold_the_step_keys(workdir):
    app = RolescopeApp()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, PresetScreen)
        await pilot.press("f4", "ctrl+s")
        assert isinstance(app.screen, PresetScreen)
        assert app.query_one(TabbedContent).active == "company"


async def test_export_after_save_under_the_same_name_is_not_a_conflict(workdir):
    app = RolescopeApp(preset="rag-support-search")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = workdir / "tidewell-ai-product-engineer.toml"
        assert saved.exists()
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
        assert (workdir / "tidewell-ai-product-engineer.md").exists()


async def test_command_palette_offers_every_action(workdir):
    app = RolescopeApp(preset="two-roles-in-one")
    async with app.run_test(size=(100, 32)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for expected in (
            "File: Save",
            "File: Export",
            "File: Open…",
            "File: New from example…",
            "File: Save the two roles",
            "Go to: Work",
            "Go to: Save",
            "Edit: Undo",
        ):
            assert expected in titles
        assert any("theme" in title.lower() for title in titles)
        go = next(command for command in app.get_system_commands(app.screen) if command.title == "Go to: Interview")
        go.callback()
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "interview"


async def test_help_shows_the_keys(workdir):
    app = RolescopeApp()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        from rolescope.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_deleting_every_task_then_typing_starts_a_new_one(workdir):
    app = RolescopeApp(preset="two-roles-in-one")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        count = len(app.session.spec.tasks)
        for _ in range(count):
            await pilot.press("d")
        assert app.session.spec.tasks == []
        assert "add the first task" in gauge_text(app)
        app.query_one("#task-text", TaskText).focus()
        await pilot.press(*"Build the API", "enter")
        await settle(pilot)
        assert [task.text for task in app.session.spec.tasks] == ["Build the API"]
        app.query_one("#tasks", DataTable).focus()
        await pilot.press("ctrl+z", "ctrl+z")
        assert len(app.session.spec.tasks) == 1  # back to before the add, then one delete undone


async def test_a_path_that_does_not_exist_is_a_new_spec_saved_there(workdir):
    app = RolescopeApp("roles/new-role.toml")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert app.session.spec.tasks == []
        assert not isinstance(app.screen, ErrorScreen)
        await pilot.press(*"Acme")
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press(*"Build the scoring API", "enter")
        await pilot.press("ctrl+s")  # the folder is made on the way
        await settle(pilot)
    assert read_spec(workdir / "roles" / "new-role.toml").company.name == "Acme"


async def test_one_history_for_every_step(workdir):
    """Edits in every step, then undo all and redo all: the spec is what it was at
    each point, and undoing a task edit keeps the name and title typed before it."""
    path = copy_preset("rag-support-search", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        states = [app.session.spec]

        async def step_then_type(step_key: str, selector: str, keys: tuple[str, ...]) -> None:
            await pilot.press(step_key)
            await settle(pilot)
            app.query_one(selector).focus()
            await settle(pilot, lambda: app.focused is app.query_one(selector), f"{selector} has focus")
            await pilot.press(*keys)
            await settle(pilot)
            states.append(app.session.spec)

        await step_then_type("f2", "#company-name", ("end", *" Labs"))
        await step_then_type("f4", "#title", tuple("Search engineer"))
        await step_then_type("f5", "#plan-interview_prompt", ("ctrl+end", *" Why?"))
        await step_then_type("f6", "#location", ("end", *" (hybrid)"))
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("enter")  # edit the first task
        await settle(pilot, lambda: app.focused is app.query_one("#task-text"), "the task editor has focus")
        await pilot.press("end", *" fast")
        await settle(pilot)
        states.append(app.session.spec)

        assert app.session.spec.company.name.endswith(" Labs")
        assert app.session.spec.role.title == "Search engineer"
        assert app.session.spec.tasks[0].text.endswith(" fast")
        assert len({spec.model_dump_json() for spec in states}) == len(states)  # every edit changed the spec

        for expected in reversed(states[:-1]):
            await pilot.press("ctrl+z")
            await settle(pilot)
            assert app.session.spec == expected
        assert app.query_one("#company-name", Input).value == states[0].company.name  # the fields follow
        for expected in states[1:]:
            await pilot.press("ctrl+y")
            await settle(pilot)
            assert app.session.spec == expected
        assert app.query_one("#title", Input).value == "Search engineer"


async def test_save_keeps_the_export_folder_typed(workdir):
    path = copy_preset("rag-support-search", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f7")
        await settle(pilot)
        folder = app.query_one("#export-dir", Input)
        folder.focus()
        await settle(pilot, lambda: app.focused is folder)
        await pilot.press("ctrl+u", *"out/export2")
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("end", "x", "ctrl+s")
        await settle(pilot, lambda: not app.session.dirty, "the spec saved")
        assert folder.value == "out/export2"
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert list((workdir / "out" / "export2").glob("*.md"))


async def test_the_editor_label_says_what_enter_does(workdir):
    path = copy_preset("rag-support-search", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        label = app.query_one("#editor-label")
        await pilot.press("enter")
        await settle(pilot)
        assert "changes apply as you type" in str(label.render())
        await pilot.press("escape")
        await settle(pilot)
        assert "changes apply as you type" not in str(label.render())
        assert "Enter edits it" in str(label.render())
