"""Each step at 80x24 and 120x40: layout regressions show up as an SVG diff.

Update after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import shutil

import pytest

from rolescope.tui.app import RolescopeApp
from tests.conftest import preset_path
from tests.tui.waiting import settle_after

STEPS = ["f2", "f3", "f4", "f5", "f6", "f7"]


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("key", STEPS, ids=["company", "work", "verdict", "interview", "description", "save"])
def test_step(snap_compare, in_tmp, size, key):
    shutil.copy(preset_path("rag-support-search"), in_tmp / "role.toml")
    assert snap_compare(RolescopeApp("role.toml"), run_before=settle_after(key), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_split_verdict(snap_compare, in_tmp, size):
    shutil.copy(preset_path("two-roles-in-one"), in_tmp / "role.toml")
    assert snap_compare(RolescopeApp("role.toml"), run_before=settle_after("f4"), terminal_size=size)


def test_new_role(snap_compare, in_tmp):
    assert snap_compare(RolescopeApp(), run_before=settle_after("f3"), terminal_size=(80, 24))


def test_light_theme(snap_compare, in_tmp):
    shutil.copy(preset_path("rag-support-search"), in_tmp / "role.toml")

    async def light(pilot):
        pilot.app.theme = "textual-light"
        await settle_after("f3")(pilot)

    assert snap_compare(RolescopeApp("role.toml"), run_before=light, terminal_size=(80, 24))


def test_no_color(snap_compare, in_tmp, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    shutil.copy(preset_path("two-roles-in-one"), in_tmp / "role.toml")
    assert snap_compare(RolescopeApp("role.toml"), run_before=settle_after("f3"), terminal_size=(80, 24))


VAGUE_SPEC = """\
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
text = "Build the inference API that serves search ranking to the storefront, with a p99 under 80 ms"
weeks = 4
"""


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("key", ["f3", "f6"], ids=["work", "description"])
def test_vague_tasks(snap_compare, in_tmp, size, key):
    """Unclassified weeks apart, no verdict, each task's problem; findings beside the preview."""
    (in_tmp / "role.toml").write_text(VAGUE_SPEC)
    assert snap_compare(RolescopeApp("role.toml"), run_before=settle_after(key), terminal_size=size)


def test_description_preview_focused(snap_compare, in_tmp):
    """At 80x24 the preview is a pane of its own, in view when focused."""
    shutil.copy(preset_path("rag-support-search"), in_tmp / "role.toml")

    async def preview(pilot):
        await settle_after("f6")(pilot)
        pilot.app.query_one("#preview-pane").focus()
        await settle_after()(pilot)

    assert snap_compare(RolescopeApp("role.toml"), run_before=preview, terminal_size=(80, 24))


def test_no_color_company(snap_compare, in_tmp, monkeypatch):
    """Without colour the team checklist says which rows are chosen, and the header
    which step is current."""
    monkeypatch.setenv("NO_COLOR", "1")
    shutil.copy(preset_path("rag-support-search"), in_tmp / "role.toml")
    assert snap_compare(RolescopeApp("role.toml"), run_before=settle_after("f2"), terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_help(snap_compare, in_tmp, size):
    shutil.copy(preset_path("rag-support-search"), in_tmp / "role.toml")
    assert snap_compare(RolescopeApp("role.toml"), run_before=settle_after("f3", "f1"), terminal_size=size)
