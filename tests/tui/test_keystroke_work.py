"""What one keystroke costs the wizard: every step is told of every edit, and a
line that did not change must not lay the screen out again."""

from __future__ import annotations

import shutil

from textual.widgets import Static

from rolescope.tui.app import RolescopeApp
from tests.conftest import preset_path
from tests.tui.waiting import settle


def wizard_on_a_copy(tmp_path, monkeypatch) -> RolescopeApp:
    """The wizard on a copy of an example spec, run from a scratch folder."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "role.toml"
    shutil.copy(preset_path("rag-support-search"), path)
    return RolescopeApp(str(path))


async def test_typing_a_name_redraws_only_the_lines_it_changes(tmp_path, monkeypatch):
    app = wizard_on_a_copy(tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await settle(pilot, lambda: len(app.steps) == 6, "every step is built")
        app.query_one("#company-name").focus()
        await settle(pilot)
        updated: list[str] = []
        update = Static.update

        def counting(self, *args, **kwargs):
            updated.append(self.id or type(self).__name__)
            return update(self, *args, **kwargs)

        monkeypatch.setattr(Static, "update", counting)
        await pilot.press(*"abcde")
        await settle(pilot)
        assert app.session.spec.company.name.endswith("abcde")
        # Every step redraws on each of the five keys; the company name changes none
        # of the lines they show (each used to be set again, and the screen laid out).
        assert updated == [], updated


async def test_typing_in_a_description_field_changes_only_the_words_of_its_line_in_the_preview(tmp_path, monkeypatch):
    app = wizard_on_a_copy(tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        await settle(pilot, lambda: len(app.steps) == 6, "every step is built")
        preview = app.query_one("#preview")
        before = list(preview.walk_children())
        listed = app.query_one("#findings").option_count
        app.query_one("#location").focus()
        await settle(pilot)
        await pilot.press("end", *" or Lisbon")
        await settle(pilot)
        assert "Remote, UTC-5 to UTC+1 or Lisbon" in preview.source
        # The line that holds the location takes the new words, and not one widget of
        # the preview is mounted or removed (the whole preview, about 150 widgets, was
        # mounted again on every key; then the list that holds the location was).
        assert list(preview.walk_children()) == before
        assert [str(line._content) for line in preview.query("MarkdownParagraph") if "Lisbon" in str(line._content)]
        assert app.query_one("#findings").option_count == listed
