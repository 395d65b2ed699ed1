"""The interview step: the plan's text as the lead reads it, and the loop's stages."""

from __future__ import annotations

import shutil

import pytest
from textual.geometry import Region
from textual.widgets import TextArea

from rolescope.tui.app import RolescopeApp
from tests.conftest import preset_path
from tests.tui.waiting import settle

BORDER = str.maketrans("", "", "▊▎▔▁")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def shown_words(area: TextArea) -> list[str]:
    """The words a plan box puts on screen, read from its rendered lines (what the
    terminal gets), not from its text."""
    width, height = area.outer_size
    strips = area.render_lines(Region(0, 0, width, height))
    return " ".join(strip.text.translate(BORDER) for strip in strips).split()


def plan_areas(app: RolescopeApp) -> list[TextArea]:
    return [area for area in app.query(TextArea) if (area.id or "").startswith("plan-")]


async def test_plan_boxes_show_every_word_after_the_verdict_changes_and_a_resize(workdir):
    shutil.copy(preset_path("fraud-model-operator"), workdir / "role.toml")
    app = RolescopeApp("role.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await settle(pilot)

        def every_word_shown() -> None:
            for area in plan_areas(app):
                if area.region.height:  # on screen
                    assert shown_words(area) == area.text.split(), area.id

        every_word_shown()
        # The verdict changes on another step: the plan follows the new archetype.
        await pilot.press("f3")
        await settle(pilot)
        spec = app.session.spec
        app.apply_edit(
            spec.model_copy(update={"tasks": [t.model_copy(update={"archetype": "developer"}) for t in spec.tasks]})
        )
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert "notebook" in app.query_one("#plan-technical_exercise", TextArea).text
        every_word_shown()
        for size in ((87, 24), (95, 30), (72, 24), (80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(pilot, lambda size=size: app.size == size, f"the terminal is {size}")
            every_word_shown()


def loop(spec) -> list[tuple[str, int, bool]]:
    return [(stage.kind, stage.minutes, stage.take_home) for stage in spec.interview.stages]


async def test_the_lead_edits_the_loop_from_the_keyboard_with_one_history(workdir):
    shutil.copy(preset_path("rag-support-search"), workdir / "role.toml")
    app = RolescopeApp("role.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await settle(pilot, lambda: app.focused is app.query_one("#stages"), "the stage table has focus")
        start = app.session.spec
        assert start.interview.stages == []  # the archetype's loop, shown until it is changed
        await pilot.press("t")  # the first stage, the exercise, becomes a take-home
        await settle(pilot)
        assert loop(app.session.spec) == [
            ("exercise", 90, True),
            ("design", 60, False),
            ("scenario", 45, False),
            ("conversation", 30, False),
        ]
        after_take_home = app.session.spec
        await pilot.press("plus", "plus", "plus")  # one run of length changes: one undo step
        await settle(pilot)
        assert loop(app.session.spec)[0] == ("exercise", 135, True)
        await pilot.press("down", "shift+down")  # the design moves after the scenario
        await settle(pilot)
        assert [kind for kind, _, _ in loop(app.session.spec)] == ["exercise", "scenario", "design", "conversation"]
        await pilot.press("d")
        await settle(pilot)
        assert [kind for kind, _, _ in loop(app.session.spec)] == ["exercise", "scenario", "conversation"]
        # The description's interview section reads the loop, lengths included.
        from rolescope.document import build_document

        section = build_document(app.session.spec, app.session.recommendation, app.catalog).section("interview")
        assert section.items[0].text.endswith("(take-home, at most 135 minutes)")
        for _ in range(3):
            await pilot.press("ctrl+z")
            await settle(pilot)
        assert app.session.spec == after_take_home
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.spec == start
        table = app.query_one("#stages")
        assert table.row_count == 4  # the archetype's loop again, drawn from the restored spec


async def test_a_split_says_whose_loop_the_step_edits_and_where_the_other_roles_is(workdir):
    shutil.copy(preset_path("two-roles-in-one"), workdir / "role.toml")
    app = RolescopeApp("role.toml")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f5")
        await settle(pilot)
        lead, other = app.session.recommendation.split
        intro = " ".join(str(app.query_one("#interview-intro").render()).split())
        assert f"The {lead.title}'s loop" in intro
        assert f"the {other.title} gets a researcher's loop in its own kit" in intro
