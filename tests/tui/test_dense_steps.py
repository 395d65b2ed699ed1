"""The interview and description steps at 80x24 as compact as the others: every field
and the preview in view, one-row fields that say when they are cut and show all of
it on focus, and the description's findings include what `lint --spec` says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Input, TabbedContent, TextArea
from textual.widgets._footer import FooterKey

from rolescope.tui.app import RolescopeApp
from rolescope.tui.fields import LineArea
from rolescope.tui.steps.description import FindingList, PreviewPane
from tests.conftest import preset_path
from tests.tui.waiting import settle


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def copy_preset(name: str, folder: Path) -> Path:
    target = folder / f"{name}.toml"
    shutil.copy(preset_path(name), target)
    return target


def rows_of(widget) -> list[str]:
    """The rows a widget puts on screen, as text."""
    width, height = widget.outer_size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


def on_screen(app, widget) -> str:
    """What the terminal shows where `widget` is, children included."""
    region = widget.region
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    return "\n".join(line[region.x : region.right] for line in lines[region.y : region.bottom])


def in_view(app, widget) -> bool:
    """Whether the whole widget is on the screen, above the footer."""
    region = widget.region
    return region.height > 0 and region.y >= 0 and region.bottom <= app.size.height - 1


async def test_description_step_fits_80x24_with_the_preview_in_view(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await settle(pilot)
        step = app.query_one("#step-description")
        assert step.max_scroll_y == 0, "nothing below the fold"
        for field_id in ("#location", "#pay-min", "#pay-max", "#pay-currency", "#pay-period"):
            assert app.query_one(field_id).region.height == 1, field_id
        for field_id in ("#location", "#pay-period", "#must-have", "#nice-to-have", "#findings"):
            assert in_view(app, app.query_one(field_id)), field_id
        pane = app.query_one(PreviewPane)
        assert in_view(app, pane) and pane.region.height >= 6
        assert "AI product engineer" in on_screen(app, pane)


async def test_the_focused_preview_takes_the_forms_room_at_80x24(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await settle(pilot)
        pane = app.query_one(PreviewPane)
        before = pane.region.height
        pane.focus()
        await settle(pilot, lambda: pane.region.height > before, "the preview grew")
        assert pane.region.height >= 14 and in_view(app, pane)
        assert not app.query_one("#jd-form").display or app.query_one("#location").region.height == 0
        await pilot.press("shift+tab")
        await settle(pilot, lambda: app.query_one("#location").region.height == 1, "the form is back")


async def test_interview_step_fits_80x24_with_every_word_of_the_plan(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await settle(pilot)
        assert app.query_one("#step-interview").max_scroll_y == 0, "nothing below the fold"
        assert in_view(app, app.query_one("#plan-reset"))
        for area in app.query(TextArea):
            if (area.id or "").startswith("plan-"):
                assert in_view(app, area), area.id
                assert area.region.height <= 4, f"{area.id} is a compact row"
                assert " ".join(rows_of(area)).split() == area.text.split(), area.id
        # The line under the plan says what the focused part is for.
        app.query_one("#plan-interview_prompt").focus()
        await settle(pilot)
        assert "broken-production" in str(app.query_one("#plan-help").render())


async def test_a_cut_mission_ends_in_an_ellipsis_and_shows_in_full_on_focus(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        mission = app.query_one("#mission", LineArea)
        assert mission.region.height == 1
        row = rows_of(mission)[0].rstrip()
        assert row.endswith("…") and mission.text.startswith(row[:-1].rstrip())
        mission.focus()
        await settle(pilot, lambda: mission.region.height > 1, "the mission shows in full")
        shown = " ".join(rows_of(mission)).split()
        assert shown == mission.text.split()
        # Enter moves on, as in a one-line field: the mission stays one line.
        await pilot.press("enter")
        await settle(pilot, lambda: app.focused is not mission, "focus moved on")
        assert "\n" not in app.session.spec.role.mission
        assert mission.region.height == 1 and rows_of(mission)[0].rstrip().endswith("…")
        # Typing still edits the spec.
        mission.focus()
        await settle(pilot)
        await pilot.press("end", *" Fast.")
        await settle(pilot)
        assert app.session.spec.role.mission.endswith("help widget. Fast.")


async def test_a_cut_one_row_field_ends_in_an_ellipsis_until_focused(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        outcome = app.query_one("#task-outcome", Input)
        row = rows_of(outcome)[0].rstrip()
        assert row.endswith("…") and outcome.value.startswith(row[:-1].rstrip())
        outcome.focus()
        await settle(pilot)
        assert "…" not in rows_of(outcome)[0]


async def test_the_description_lists_what_lint_spec_finds_and_leads_to_it(workdir):
    """The wizard's own description checked against the spec, as `lint --spec` does:
    a bare title and a requirement no task needs, each leading to its field."""
    app = RolescopeApp(str(copy_preset("fraud-model-operator", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await settle(pilot)
        spec = app.session.spec
        assert not app.query_one("#step-description").findings
        skills = [*spec.role.must_have, "Designing ablation studies for new model architectures"]
        role = spec.role.model_copy(update={"title": "Senior ML engineer", "must_have": skills})
        app.apply_edit(spec.model_copy(update={"role": role}))
        app.load_all()
        await settle(pilot)
        step = app.query_one("#step-description")
        rules = [finding.rule for finding in step.findings]
        assert "title-contradicts-spec" in rules and "skill-without-tasks" in rules
        listed = app.query_one(FindingList)
        assert listed.option_count == len(step.findings)

        # A requirement no task needs: Enter goes to its line among the must-haves.
        skill = next(n for n, f in enumerate(step.findings) if f.rule == "skill-without-tasks")
        line = int(step.findings[skill].field.split("[")[1].rstrip("]"))
        listed.focus()
        listed.highlighted = skill
        await pilot.press("enter")
        await settle(pilot, lambda: app.focused is app.query_one("#must-have"), "the skills have focus")
        assert app.query_one("#must-have", TextArea).cursor_location == (line - 1, 0)

        # The title: Enter goes to the title on the verdict step.
        title = next(n for n, f in enumerate(step.findings) if f.rule == "title-contradicts-spec")
        listed.focus()
        listed.highlighted = title
        await pilot.press("enter")
        await settle(pilot, lambda: app.focused is app.query_one("#title"), "the title has focus")
        assert app.query_one(TabbedContent).active == "recommendation"


@pytest.mark.parametrize("key,table", [("f3", "#tasks"), ("f5", "#stages")])
async def test_at_80_columns_the_footer_shows_every_key_of_the_table_and_undo_redo(workdir, key, table):
    """Pairs of keys (Shift+Up/Down, + and -) share one description, so all of a
    table's keys fit beside undo and redo."""
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await settle(pilot, lambda: app.focused is app.query_one(table), "the table has focus")
        shown = {footer_key.action for footer_key in app.screen.query(FooterKey)}
        wanted = {binding.action for binding in app.query_one(table).BINDINGS}
        assert wanted | {"undo", "redo"} <= shown
        footer = [strip.text for strip in app.screen._compositor.render_strips()][-1]
        assert "⇧↑⇧↓ Move" in footer and "^z Undo ^y Redo" in footer


async def test_a_splits_save_step_fits_80x24_with_its_buttons(workdir):
    """Six file names for the split's two roles, then the buttons: all in view."""
    app = RolescopeApp(str(copy_preset("two-roles-in-one", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await settle(pilot)
        assert app.query_one("#step-save").max_scroll_y == 0, "nothing below the fold"
        for button in ("#do-save", "#do-export"):
            assert in_view(app, app.query_one(button)), button
        targets = on_screen(app, app.query_one("#targets"))
        assert targets.count("fenwick-freight-") == 6
        assert all(line.rstrip().endswith((".toml", ".md")) for line in targets.splitlines() if "fenwick" in line)
        # Each name on its label's row, not wrapped below it.
        assert not [line for line in targets.splitlines() if line.strip() in ("first", "then", "and")]
