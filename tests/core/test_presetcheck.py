"""A preset that names something that does not exist is one clear line naming the
file and the field (exit 2 on the command line), never a KeyError later."""

from __future__ import annotations

import re

import pytest

from rolescope.catalog import load_catalog
from rolescope.cli import main
from rolescope.errors import SpecError
from tests.conftest import preset_path

ARCHETYPE_CHOICES = "is not one of: researcher, developer, operator"

# (preset file, its text, the field and the value the one line must name)
CASES = [
    ("archetypes", '[archetypes.developer]\nprevents = "delivry"\n', "archetypes.developer.prevents", "'delivry'"),
    ("archetypes", '[failures.delivery]\narchetype = "develper"\n', "failures.delivery.archetype", "'develper'"),
    ("stages", '[stages.scaling]\nteam = ["researcher", "oprator"]\n', "stages.scaling.team[2]", "'oprator'"),
    (
        "stages",
        '[stages.growth]\nname = "Growth"\nsituation = "x"\nteam = ["developer"]\nnext_break = "x"\n',
        "stages.growth",
        "'growth'",
    ),
    ("stages", '[remedies]\nresearchr = "Hire a contractor"\n', "remedies.researchr", "'researchr'"),
    ("vocabulary", '[terms.develper]\n"zorblax" = 2\n', "terms.develper", "'develper'"),
    ("vocabulary", '[senses.zorblax]\narchetype = "oprator"\n', "senses.zorblax.archetype", "'oprator'"),
    (
        "vocabulary",
        '[senses.zorblax]\narchetype = "operator"\n[[senses.zorblax.cues]]\narchetype = "reseacher"\nnear = ["x"]\n',
        "senses.zorblax.cues[1].archetype",
        "'reseacher'",
    ),
    ("vocabulary", '[settings]\nquestion_archetype = "reseacher"\n', "settings.question_archetype", "'reseacher'"),
    (
        "titles",
        '[[titles]]\ntitle = "Zorblax keeper"\narchetype = "oprator"\n',
        "titles[NUMBER] ('Zorblax keeper').archetype",
        "'oprator'",
    ),
    (
        "titles",
        '[[titles]]\ntitle = "Zorblax scientist"\narchetype = "researcher"\nrequires_phd = "pretrian"\n',
        "titles[NUMBER] ('Zorblax scientist').requires_phd",
        "'pretrian'",
    ),
    ("titles", '[[levels]]\nprefix = "Lead"\nwhy = "x"\nstages = ["scalng"]\n', "levels[NUMBER].stages[1]", "'scalng'"),
    ("interview", '[prompt_stage]\nreseacher = "scenario"\n', "prompt_stage.reseacher", "'reseacher'"),
    ("import", '[stages]\nscalng = ["many regions"]\n', "stages.scalng", "'scalng'"),
]


def _folder(tmp_path, name: str, text: str):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


def _pattern(folder, name: str, field: str, value: str) -> str:
    where = re.escape(f"{folder / (name + '.toml')}: ")
    return where + re.escape(field).replace("NUMBER", r"\d+") + re.escape(f": {value} is not one of: ")


@pytest.mark.parametrize(("name", "text", "field", "value"), CASES, ids=[case[2] for case in CASES])
def test_a_name_that_does_not_exist_is_one_line_naming_file_and_field(tmp_path, name, text, field, value):
    folder = _folder(tmp_path, name, text)
    with pytest.raises(SpecError) as caught:
        load_catalog((folder,))
    assert len(caught.value.lines) == 1, caught.value.lines
    assert re.match(_pattern(folder, name, field, value), caught.value.lines[0]), caught.value.lines[0]


def test_an_archetype_typo_suggests_the_archetype(tmp_path):
    folder = _folder(tmp_path, "vocabulary", '[terms.develper]\n"zorblax" = 2\n')
    with pytest.raises(SpecError) as caught:
        load_catalog((folder,))
    assert caught.value.lines[0].endswith(f"{ARCHETYPE_CHOICES} (did you mean 'developer'?)")


@pytest.mark.parametrize(("name", "text", "field", "value"), CASES[:8:3], ids=[case[2] for case in CASES[:8:3]])
def test_the_command_line_says_it_in_one_line_and_exits_2(tmp_path, capsys, name, text, field, value):
    folder = _folder(tmp_path, name, text)
    code = main(["recommend", str(preset_path("fraud-model-operator")), "--presets", str(folder)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert re.match(_pattern(folder, name, field, value), err), err
