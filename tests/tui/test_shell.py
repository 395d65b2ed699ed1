"""The wizard's frame as a lead in an 80x24 terminal meets it: the header, the footer,
compact fields, opening files, remembered settings, help, and where a role opens."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DirectoryTree, Input, OptionList, SelectionList, TabbedContent
from textual.widgets._footer import FooterKey

from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.chrome import WizardHeader, shorten_middle
from rolescope.tui.screens.help import HelpScreen
from rolescope.tui.screens.open import OpenScreen, complete_path
from rolescope.tui.screens.presets import PresetScreen
from rolescope.userconfig import config_path, load_config
from tests.conftest import MINIMAL_SPEC, preset_path
from tests.tui.waiting import settle

STEP_KEYS = {
    "company": "f2",
    "work": "f3",
    "recommendation": "f4",
    "interview": "f5",
    "description": "f6",
    "save": "f7",
}


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def copy_preset(name: str, folder: Path, as_name: str | None = None) -> Path:
    target = folder / (as_name or f"{name}.toml")
    shutil.copy(preset_path(name), target)
    return target


def screen_lines(app) -> list[str]:
    """What the terminal shows, row by row, as text."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def footer_actions(app) -> list[str]:
    return [key.action for key in app.screen.query(FooterKey)]


# ------------------------------------------------------------ header


def test_shorten_middle_keeps_both_ends():
    assert shorten_middle("short.toml", 20) == "short.toml"
    cut = shorten_middle("a-very-long-company-name-and-role-title.toml", 20)
    assert len(cut) == 20 and cut.startswith("a-very-lo") and cut.endswith("title.toml") and "…" in cut


@pytest.mark.parametrize("size", [(80, 24), (100, 32), (120, 40)], ids=["80x24", "100x32", "120x40"])
async def test_header_and_footer_on_every_step(workdir, size):
    """One walk through the steps at each size: the header is one row naming the
    file and the step, and the footer never hides undo, redo or the archetype key."""
    path = copy_preset("rag-support-search", workdir, "a-role-with-a-rather-long-file-name-for-the-header.toml")
    app = RolescopeApp(str(path))
    async with app.run_test(size=size) as pilot:
        labels = {"company": "1 Company", "work": "2 Work", "recommendation": "3 Verdict", "save": "6 Save"}
        for step, key in STEP_KEYS.items():
            await pilot.press(key)
            await settle(pilot)
            lines = screen_lines(app)
            if step in labels:
                top = lines[0]
                assert app.query_one(WizardHeader).region.height == 1, step
                assert labels[step] in top, top
                # The name is cut in the middle, never at its end: the extension stays.
                assert ".toml" in top and top.index(".toml") < top.index(labels[step])
                # The gauge starts on the second row: the header takes one.
                assert "engineering" in lines[1], step
            actions = footer_actions(app)
            assert "undo" in actions and "redo" in actions, (step, actions)
            assert "^z Undo" in lines[-1] and "^y Redo" in lines[-1], (step, lines[-1])
        await pilot.press("f3")
        await settle(pilot)
        actions = footer_actions(app)
        # The task list's own keys come first, then undo and redo.
        assert actions[: actions.index("undo")] == [
            "edit_task",
            "new_task",
            "delete_task",
            "move_task(-1)",
            "move_task(1)",
            "cycle_archetype",
        ]
        assert "a Archetype" in screen_lines(app)[-1]


async def test_clicking_a_step_in_the_header_goes_there(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        top = screen_lines(app)[0]
        # At 80 columns the other steps are their numbers: click the "5".
        column = top.rindex(" 5 ") + 1
        await pilot.click(WizardHeader, offset=(column, 0))
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "description"
        assert "5 Description" in screen_lines(app)[0]


async def test_unsaved_changes_show_in_the_header(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        assert "•" not in screen_lines(app)[0]
        await pilot.press("x")
        await settle(pilot, until=lambda: app.session.dirty)
        assert "rag-support-search.toml •" in screen_lines(app)[0]


# ------------------------------------------------------------ footer


async def test_footer_shows_more_app_keys_when_there_is_room(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        assert {"save", "export", "help", "quit", "undo", "redo"} <= set(footer_actions(app))


# ------------------------------------------------------------ compact fields


async def test_company_step_fits_80x24_with_one_row_fields(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        for field_id in ("#company-name", "#company-stage", "#mission", "#next-failure"):
            assert app.query_one(field_id).region.height <= 2, field_id
        step = app.query_one("#step-company")
        last = app.query_one("#team-current")
        # Everything on the step is in view without scrolling.
        assert step.max_scroll_y == 0
        assert last.region.bottom <= 23
        text = "\n".join(screen_lines(app))
        assert "Tidewell" in text and "Model operator" in text


@pytest.mark.parametrize("key,field_id", [("f4", "#title"), ("f7", "#save-path"), ("f7", "#export-dir")])
async def test_recommendation_and_save_fields_are_one_row(workdir, key, field_id):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await settle(pilot)
        assert app.query_one(field_id).region.height == 1


# ------------------------------------------------------------ bugs


async def test_typing_eur_in_the_currency_box_shows_eur(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await settle(pilot)
        currency = app.query_one("#pay-currency", Input)
        currency.focus()
        await settle(pilot)
        await pilot.press(*"eur")
        await settle(pilot, until=lambda: currency.value == "eur")
        assert currency.scroll_x == 0
        assert "eur" in currency.render_line(0).text


async def test_team_checklist_reads_without_colour(workdir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        team = app.query_one("#team-current", SelectionList)
        rows = [team.render_line(y).text for y in range(3)]
        assert rows[0].startswith("[x] Model researcher")
        assert rows[1].startswith("[ ] Model developer")
        assert rows[2].startswith("[ ] Model operator")
        team.focus()
        team.highlighted = 2
        await pilot.press("space")
        await settle(pilot, until=lambda: "operator" in app.session.spec.team.current)
        assert team.render_line(2).text.startswith("[x] Model operator")


# ------------------------------------------------------------ new and open


async def test_ctrl_n_offers_a_blank_role_first(workdir):
    app = RolescopeApp(preset="rag-support-search")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, PresetScreen)
        options = app.screen.query_one("#preset-list", OptionList)
        assert "Blank role" in str(options.get_option_at_index(0).prompt)
        assert options.option_count == 1 + len(app.catalog.roles)
        options.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        # The example had unsaved changes: the wizard asks first.
        await pilot.click("#choice-discard")
        await settle(pilot, until=lambda: not app.session.spec.tasks)
        assert app.session.spec.company.name == ""
        assert app.session.path is None
        assert app.query_one(TabbedContent).active == "company"


def test_completion_offers_folders_and_specs(workdir):
    (workdir / "roles").mkdir()
    (workdir / "roles" / "search.toml").write_text(MINIMAL_SPEC)
    (workdir / "roles" / "notes.txt").write_text("")
    (workdir / "readme.md").write_text("")
    assert complete_path("ro") == "roles/"
    assert complete_path("roles/s") == "roles/search.toml"
    assert complete_path("roles/n") is None
    assert complete_path("nothing-here/x") is None


async def test_ctrl_o_opens_from_recent_specs_the_tree_or_a_completed_path(workdir):
    first = copy_preset("rag-support-search", workdir)
    (workdir / "specs").mkdir()
    second = copy_preset("fraud-model-operator", workdir / "specs")
    app = RolescopeApp(str(first))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, OpenScreen)
        assert app.screen.query_one(DirectoryTree)
        recent = app.screen.query_one("#recent", OptionList)
        assert recent.get_option_at_index(0).id == str(first)
        # Typing a path is completed from the disk; → takes the completion.
        await pilot.press(*"spe", "right", *"f", "right", "enter")
        await settle(pilot, until=lambda: app.session.path == second.resolve())
        assert app.session.spec == read_spec(second)
        await pilot.press("ctrl+o")
        await settle(pilot)
        recent = app.screen.query_one("#recent", OptionList)
        assert [recent.get_option_at_index(i).id for i in range(2)] == [str(second), str(first)]
        recent.focus()
        recent.highlighted = 1
        await pilot.press("enter")
        await settle(pilot, until=lambda: app.session.path == first.resolve())


# ------------------------------------------------------------ remembered settings


async def test_theme_and_recent_specs_persist_between_runs(workdir):
    path = copy_preset("rag-support-search", workdir)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await settle(pilot, until=lambda: load_config()[0].theme == "textual-light")
    config, problem = load_config()
    assert problem is None and config.recent == (str(path),)
    again = RolescopeApp()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"


async def test_a_corrupt_config_says_one_line_and_uses_the_defaults(workdir, monkeypatch):
    target = config_path()
    assert target is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('theme = "textual-light\n', encoding="utf-8")
    app = RolescopeApp()
    # Recorded as told, not read back from the screen: on a busy machine the
    # notification can time out before the app has settled.
    notes: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **options: (notes.append(message), notify(message, **options)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(notes) == 1 and str(target) in notes[0] and "using the defaults" in notes[0]
        assert app.theme == "textual-dark"
        assert app.query_one(TabbedContent).active == "company"


# ------------------------------------------------------------ where a role opens


async def test_a_spec_opens_on_the_step_that_needs_attention(workdir):
    spec = workdir / "vague.toml"
    spec.write_text(MINIMAL_SPEC + '\n[[tasks]]\ntext = "work on AI stuff"\nweeks = 12\n', encoding="utf-8")
    app = RolescopeApp(str(spec))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "work"
        assert "2 Work" in screen_lines(app)[0]


async def test_a_bare_title_opens_on_the_verdict_and_a_stage_warning_on_the_company(workdir):
    text = preset_path("rag-support-search").read_text(encoding="utf-8")
    bare = workdir / "bare.toml"
    bare.write_text(text.replace("[role]\n", '[role]\ntitle = "ML engineer"\n', 1), encoding="utf-8")
    assert read_spec(bare).role.title == "ML engineer"
    app = RolescopeApp(str(bare))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "recommendation"
    early = workdir / "early.toml"
    text = preset_path("fraud-model-operator").read_text(encoding="utf-8")
    early.write_text(text.replace('stage = "live-model"', 'stage = "pre-product"'), encoding="utf-8")
    app = RolescopeApp(str(early))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "company"


async def test_a_clean_spec_opens_on_its_verdict_and_a_preset_on_the_company(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "recommendation"
        assert "3 Verdict" in screen_lines(app)[0]
    app = RolescopeApp(preset="rag-support-search")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "company"
        assert "1 Company" in screen_lines(app)[0]


# ------------------------------------------------------------ help


async def test_help_lists_the_focused_widgets_keys_first_and_filters(workdir):
    app = RolescopeApp(str(copy_preset("rag-support-search", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        assert text.startswith("Keys here (tasks)")
        assert text.index("Archetype") < text.index("Everywhere") < text.index("Ctrl+S")
        await pilot.press(*"redo")
        await settle(pilot)
        filtered = str(app.screen.query_one("#help-text").render())
        assert "Ctrl+Z / Ctrl+Y" in filtered and "Ctrl+S" not in filtered and "Archetype" not in filtered
        await pilot.press(*"zzz")
        await settle(pilot)
        assert "Nothing matches" in str(app.screen.query_one("#help-text").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_a_split_verdict_never_focuses_the_hidden_title(workdir):
    app = RolescopeApp(str(copy_preset("two-roles-in-one", workdir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        focused = app.focused
        assert focused is not None and focused.id != "title"
        assert all(node.display for node in focused.ancestors_with_self if hasattr(node, "display"))


async def test_quitting_while_the_steps_are_still_built_ends_cleanly(tmp_path, monkeypatch):
    """The steps not shown first are built after the first frame, one per frame; a
    lead who quits before they are all built gets a clean exit, not a traceback."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "role.toml"
    shutil.copy(preset_path("rag-support-search"), path)
    build = RolescopeApp._build
    built: list[str] = []

    def quit_on_the_first(app: RolescopeApp, step_id: str) -> None:
        build(app, step_id)
        built.append(step_id)
        if len(built) == 1:
            app.exit(0)  # as Ctrl+Q does once nothing is left unsaved

    monkeypatch.setattr(RolescopeApp, "_build", quit_on_the_first)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)  # returns once the wizard has ended
    assert built == [built[0]]  # no step was built after the wizard began to end
    assert app.return_code == 0
