"""Nothing in a spec can take over the terminal: text in inputs, text areas, the
header and the gauge is shown with its control characters visible and inert, and
paths are never read as markup."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from rolescope.tui.app import RolescopeApp
from tests.conftest import MINIMAL_SPEC
from tests.tui.terminal import F2, F5, Terminal
from tests.tui.waiting import settle

OSC_TITLE = "\x1b]0;{}\x07"
CLEAR = "\x1b[2J"
C1_CSI = "\x9b2J"  # the one-byte form of ESC [


def hostile_spec(folder: Path, name: str = "role.toml") -> Path:
    """A spec whose name, title, task, skill and interview prompt carry control sequences."""
    company = "Acme" + OSC_TITLE.format("pwned-by-name") + " Labs" + CLEAR
    title = "Platform" + OSC_TITLE.format("pwned-by-title") + " engineer" + C1_CSI

    def toml(text: str) -> str:
        return "".join(
            f"\\u{ord(char):04x}" if ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F else char for char in text
        )

    spec = MINIMAL_SPEC.replace('name = "Lumen Docs"', f'name = "{toml(company)}"')
    spec = spec.replace(
        'text = "Build the pipeline', f'text = "{toml(OSC_TITLE.format("pwned-by-task"))}Build the pipeline'
    )
    spec += (
        f'\n[role]\ntitle = "{toml(title)}"\nmust_have = ["{toml("Python" + OSC_TITLE.format("pwned-by-skill"))}"]\n'
        f'\n[interview]\ninterview_prompt = "{toml("Why?" + OSC_TITLE.format("pwned-by-plan"))}"\n'
    )
    path = folder / name
    path.write_text(spec, encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_control_sequence_from_a_spec_reaches_the_terminal(tmp_path):
    # The file name carries one too: it is shown in the header.
    path = hostile_spec(tmp_path, name="role" + OSC_TITLE.format("pwned-by-path") + ".toml")
    terminal = Terminal.start([path.name], cwd=tmp_path, size=(120, 40))
    try:
        # Six weeks planned of 26 need the lead's attention: the spec opens on its work.
        terminal.wait_for(lambda: b"2 Work" in terminal.drawn and b"engineer" in terminal.drawn, "the work step")
        for key, marker in ((F2, b"Company name"), ("\x1bOR", b"Weeks planned"), (F5, b"Operational")):
            shown = len(terminal.drawn)
            terminal.write(key)
            terminal.wait_for(lambda marker=marker, shown=shown: marker in terminal.drawn[shown:], f"{marker!r}")
        terminal.write("\x1b[18~")  # F7: the save step shows the path
        terminal.wait_for(lambda: b"Spec file" in terminal.drawn, "the save step")
        terminal.write("\x1b[17~")  # F6: the description step, skills in a text area
        terminal.wait_for(lambda: b"Must-have" in terminal.drawn, "the description step")
        terminal.wait_for(lambda: "␛]0;pwned-by-skill".encode() in terminal.drawn, "the skill, shown inertly")
    finally:
        terminal.kill()
    drawn = terminal.drawn
    assert b"pwned" in drawn  # the text is there...
    assert b"\x1b]0;pwned" not in drawn  # ...but never as a command to the terminal
    assert b"Labs\x1b[2J" not in drawn and "Labs␛[2J".encode() in drawn
    assert "engineer\x9b".encode() not in drawn  # C1 controls too (U+009B is CSI)
    for where in ("name", "title", "task", "plan", "path"):
        assert f"␛]0;pwned-by-{where}␇".encode() in drawn, where


async def test_inputs_and_text_areas_show_controls_as_symbols_and_keep_the_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = hostile_spec(tmp_path)
    app = RolescopeApp(str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        name = app.query_one("#company-name", Input)
        assert "\x1b" in name.value  # the spec is not changed by showing it
        rendered = "".join(segment.text for segment in name.render_line(0))
        assert "␛]0;pwned-by-name␇" in rendered
        assert "\x1b" not in rendered and "\x07" not in rendered
        await pilot.press("f5")
        await settle(pilot)
        area = app.query_one("#plan-interview_prompt", TextArea)
        assert "\x1b" in area.text
        assert "␛]0;pwned-by-plan␇" in area.get_line(0).plain
        assert not app.session.dirty  # looking changed nothing


async def test_a_path_with_markup_saves_and_the_app_still_answers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # The path reads "specs[/]x[bold]/role[/].toml": a closing tag with nothing to close.
    folder = tmp_path / "specs[" / "]x[bold]"
    (folder / "role[").mkdir(parents=True)
    path = folder / "role[" / "].toml"
    path.write_text(MINIMAL_SPEC, encoding="utf-8")
    app = RolescopeApp(str(path))
    # Notifications on: the one that says where the spec was saved shows the path.
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("end", *" Ltd")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.session.dirty
        assert 'name = "Lumen Docs Ltd"' in path.read_text(encoding="utf-8")
        assert app.sub_title.startswith("].toml")
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert app.return_code == 0
