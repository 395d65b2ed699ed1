"""Golden files: the terminal report, every description format and every interview kit format, for every
preset and both roles of every split, pinned to the byte. After an intended
change: ROLESCOPE_UPDATE_GOLDEN=1 pytest tests/core/test_golden.py, and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rolescope.export import KIT_RENDERERS, RENDERERS, roles_to_publish
from rolescope.recommend import recommend
from rolescope.slug import slugify
from rolescope.specio import read_spec
from rolescope.termtext import render_recommendation
from tests.conftest import PRESET_NAMES, preset_path

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ROLESCOPE_UPDATE_GOLDEN") == "1"


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{name}: no golden file yet (run with ROLESCOPE_UPDATE_GOLDEN=1)"
    assert text == path.read_text(encoding="utf-8"), name


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_report_text(name, catalog):
    spec = read_spec(preset_path(name))
    check(f"{name}.report.txt", render_recommendation(f"{name}.toml", spec, recommend(spec, catalog), catalog, False))


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_descriptions_in_every_format(name, catalog):
    spec = read_spec(preset_path(name))
    for role in roles_to_publish(spec, recommend(spec, catalog), catalog):
        for extension, render in RENDERERS.items():
            check(f"{name}.{slugify(role.document.title)}.{extension}", render(role.document))


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_interview_kits_in_every_format(name, catalog):
    spec = read_spec(preset_path(name))
    for role in roles_to_publish(spec, recommend(spec, catalog), catalog):
        for extension, render in KIT_RENDERERS.items():
            check(f"{name}.{slugify(role.document.title)}.interview.{extension}", render(role.kit))


def test_no_golden_file_is_left_over(catalog):
    """A golden file that nothing renders any more (a title changed, a preset went)
    pins nothing: it is removed with the change that orphaned it."""
    wanted = {f"{name}.report.txt" for name in PRESET_NAMES}
    for name in PRESET_NAMES:
        spec = read_spec(preset_path(name))
        for role in roles_to_publish(spec, recommend(spec, catalog), catalog):
            wanted |= {f"{name}.{slugify(role.document.title)}.{extension}" for extension in RENDERERS}
            wanted |= {f"{name}.{slugify(role.document.title)}.interview.{extension}" for extension in KIT_RENDERERS}
    assert sorted(path.name for path in GOLDEN.iterdir()) == sorted(wanted)
