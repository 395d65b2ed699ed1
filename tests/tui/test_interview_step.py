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
