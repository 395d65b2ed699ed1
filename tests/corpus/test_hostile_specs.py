"""The hostile-spec corpus: valid specs whose text is markup, escape sequences,
shell syntax, odd Unicode, very long or TOML-tricky. Nothing is lost (every
string survives a round trip and reaches JSON exactly) and nothing is broken
(the job description gains no markup, the terminal receives no escape sequence
from user text, and file names stay safe slugs inside --out).
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from rolescope.catalog import load_catalog
from rolescope.cli import main
from rolescope.document import build_document
from rolescope.markdown import md_inline
from rolescope.recommend import recommend
from rolescope.specio import dump_spec, parse_spec, read_spec, write_spec
from rolescope.termtext import render_recommendation, safe
from tests.conftest import run_cli

HOSTILE_DIR = Path(__file__).parent / "hostile"
HOSTILE_FILES = sorted(HOSTILE_DIR.glob("*.toml"))
IDS = [path.name for path in HOSTILE_FILES]

SAFE_NAME = re.compile(r"^[a-z0-9-]+\.(toml|md|interview\.md)$")
# C0 controls except the newline, DEL and C1 controls: none may reach a file or a terminal raw.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# The colour codes rolescope itself emits (termtext.Style); anything else with ESC came from user text.
OWN_SGR = re.compile(r"\x1b\[[0-9;]*m")


def raw(path: Path) -> dict:
    """The file as TOML data, read without rolescope: what the user wrote."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def user_strings(data: dict) -> list[str]:
    """Every hostile string a spec holds, wherever it sits."""
    role = data.get("role", {})
    found = [
        data["company"]["name"],
        data.get("description"),
        role.get("title"),
        role.get("mission"),
        role.get("location"),
    ]
    found += role.get("must_have", []) + role.get("nice_to_have", [])
    found += list(data.get("interview", {}).values())
    for task in data["tasks"]:
        found += [task["text"], task.get("outcome")]
    return [text for text in found if text is not None]


def test_the_corpus_is_hostile_enough():
    # Guard the corpus: each kind of hostility the tests promise to survive is present.
    everything = "\n".join(text for path in HOSTILE_FILES for text in user_strings(raw(path)))
    for needle in (
        "[bold red]x[/]",
        "[link=http://x]y[/link]",
        "[00]",
        "[/]",
        "<script",
        "<!--",
        "```",
        "![",
        "# ",
        "\x1b[31m",
        "\x1b]8;;",
        "\x1b[2J",
        "$(rm -rf ~)",
        "`",
        "&&",
        "|",
        "\u200d",
        "\u202e",
        "\u0301",
        "\u0000",
        "🇺🇦",
        "東京",
        "مهندس",
        "מהנדס",
        "'''",
        '"""',
        "\\",
        "\n",
        "../",
        "/",
    ):
        assert needle in everything, f"no hostile case contains {needle!r}"
    assert max(len(text) for text in everything.split("\n")) >= 2000


# ------------------------------------------------------------ (a) round trip


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=IDS)
def test_load_write_load_is_equal_and_byte_identical(path, tmp_path):
    spec = read_spec(path)
    # Nothing lost on load: rolescope holds exactly the strings the file holds.
    data = raw(path)
    assert spec.company.name == data["company"]["name"]
    assert [task.text for task in spec.tasks] == [task["text"] for task in data["tasks"]]
    assert [task.outcome for task in spec.tasks] == [task.get("outcome") for task in data["tasks"]]
    assert spec.role.title == data.get("role", {}).get("title")
    assert spec.role.mission == data.get("role", {}).get("mission")
    assert spec.role.must_have == data.get("role", {}).get("must_have", [])
    assert spec.role.nice_to_have == data.get("role", {}).get("nice_to_have", [])

    target = tmp_path / "spec.toml"
    write_spec(spec, target)
    first = target.read_bytes()
    again = read_spec(target)
    assert again == spec
    write_spec(again, target)
    assert target.read_bytes() == first
    assert dump_spec(parse_spec(first.decode("utf-8"))) == first.decode("utf-8")


# ------------------------------------------------------------ (b) and (d): export


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """One real `rolescope export` of the whole hostile corpus; source file -> (spec, md, kit) written."""
    root = tmp_path_factory.mktemp("hostile-export")
    out = root / "deep" / "er" / "out"
    presets = tmp_path_factory.mktemp("no-user-presets") / "none"
    result = run_cli("export", *map(str, HOSTILE_FILES), "--out", str(out), env={"ROLESCOPE_PRESETS": str(presets)})
    # Findings (hostile text is rarely a good posting) exit 1, with the files written;
    # each finding is one line naming its spec, with no control character in it.
    assert result.returncode in (0, 1), result.stderr
    for line in result.stderr.splitlines():
        assert line.startswith(tuple(str(path) + ": " for path in HOSTILE_FILES)), line
        assert not CONTROL.search(line), line
    written = {}
    for line in result.stdout.splitlines():
        match = re.fullmatch(r"(.+): wrote (.+\.toml), (.+\.md) and (.+\.interview\.md)", line)
        assert match, line
        written[Path(match.group(1))] = (Path(match.group(2)), Path(match.group(3)), Path(match.group(4)))
    assert sorted(written) == HOSTILE_FILES
    return root, out, written


def test_export_file_names_are_safe_slugs_inside_out(exported):
    root, out, written = exported
    names = sorted(path.name for path in out.iterdir())
    assert len(names) == 3 * len(HOSTILE_FILES), "two specs must never share (and overwrite) a file name"
    for name in names:
        assert SAFE_NAME.match(name), name
        assert (out / name).is_file()
    for spec_path, jd_path, kit_path in written.values():
        assert spec_path.parent == out and jd_path.parent == out and kit_path.parent == out
        assert spec_path.stem == jd_path.stem and kit_path.name == f"{jd_path.stem}.interview.md"
    # Nothing was written anywhere else: '../', '/', '\\' and NUL in names led nowhere.
    everything = sorted(path for path in root.rglob("*") if path.is_file())
    assert all(path.parent == out for path in everything), everything
    # Names without any Latin letters still get a usable, unique slug.
    assert written[HOSTILE_DIR / "non-latin-only.toml"][0].name == "role.toml"
    assert written[HOSTILE_DIR / "paths-dots.toml"][0].name == "role-2.toml"
    assert written[HOSTILE_DIR / "paths-reserved.toml"][0].name == "nul-role.toml"


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=IDS)
def test_exported_spec_loads_back_equal(path, exported):
    _, _, written = exported
    assert read_spec(written[path][0]) == read_spec(path)


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=IDS)
def test_exported_description_has_no_injected_markup(path, exported):
    _, _, written = exported
    text = written[path][1].read_text(encoding="utf-8")
    lines = text.split("\n")
    catalog = load_catalog()
    spec = read_spec(path)
    recommendation = recommend(spec, catalog)

    assert not CONTROL.search(text), repr(CONTROL.search(text).group())
    assert "<script" not in text.lower()
    assert "<!--" not in text
    assert "<img" not in text.lower()
    assert not any(line.lstrip().startswith("```") for line in lines)

    # Headings: the title line, then only rolescope's own sections, once each.
    own = {f"## {title}" for title in catalog.jd.sections.model_dump().values()}
    headings = [line for line in lines if line.startswith("#")]
    assert headings[0] == f"# {md_inline(recommendation.title)}"
    assert lines[0] == headings[0]
    assert all(line in own for line in headings[1:]), [line for line in headings[1:] if line not in own]
    assert len(set(headings[1:])) == len(headings[1:])
    document = build_document(spec, recommendation, catalog)
    assert [line[3:] for line in lines if line.startswith("## ")] == [section.heading for section in document.sections]

    # The user's text is all there, escaped: shown literally, never interpreted.
    shown = [spec.company.name] + [
        item.text for section in document.sections for item in section.items if item.source.from_spec
    ]
    for item in shown:
        assert md_inline(item) in text, item[:80]


# ------------------------------------------------------------ (c) recommend


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=IDS)
def test_recommend_human_output_sends_no_escape_from_user_text(path, capsys):
    code = main(["recommend", str(path)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "\x1b" not in out  # piped: no colour at all, and user text is defused
    assert not CONTROL.search(out.replace("\n", ""))
    # The user's text is shown literally (markup stays markup-as-text), controls as symbols.
    spec = read_spec(path)
    for text in [spec.company.name, *(task.text for task in spec.tasks)]:
        assert safe(text) in out, text[:80]
    # With colour on, the only escape sequences are rolescope's own colour codes.
    catalog = load_catalog()
    coloured = render_recommendation(str(path), spec, recommend(spec, catalog), catalog, True)
    assert OWN_SGR.search(coloured)
    assert "\x1b" not in OWN_SGR.sub("", coloured)


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=IDS)
def test_recommend_json_gives_back_the_exact_strings(path, capsys):
    code = main(["recommend", "--json", str(path)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "\x1b" not in out  # JSON escapes control characters itself
    data = json.loads(out)
    original = raw(path)
    assert [task["text"] for task in data["tasks"]] == [task["text"] for task in original["tasks"]]
    assert [task["weeks"] for task in data["tasks"]] == [task["weeks"] for task in original["tasks"]]
    if "title" in original.get("role", {}):
        assert data["title"] == original["role"]["title"]
    for key, value in original.get("interview", {}).items():
        assert data["assessment"][key] == value


def test_the_real_command_on_escape_sequences():
    path = HOSTILE_DIR / "ansi.toml"
    human = run_cli("recommend", str(path))
    assert human.returncode == 0, human.stderr
    assert "\x1b" not in human.stdout and human.stderr == ""
    assert "␛[31mRed␛[0m" in human.stdout  # shown as a visible symbol, not obeyed
    as_json = run_cli("recommend", "--json", str(path))
    assert as_json.returncode == 0, as_json.stderr
    assert "\x1b" not in as_json.stdout
    texts = [task["text"] for task in json.loads(as_json.stdout)["tasks"]]
    assert texts == [task["text"] for task in raw(path)["tasks"]]


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=IDS)
def test_exported_interview_kit_has_no_injected_markup(path, exported):
    _, _, written = exported
    text = written[path][2].read_text(encoding="utf-8")
    lines = text.split("\n")
    assert not CONTROL.search(text), repr(CONTROL.search(text).group())
    assert "<script" not in text.lower() and "<!--" not in text and "<img" not in text.lower()
    assert not any(line.lstrip().startswith("```") for line in lines)
    # Headings: the kit's title, then one per stage, numbered; spec text never opens one.
    headings = [line for line in lines if line.startswith("#")]
    assert headings[0] == lines[0]
    assert all(re.match(r"## \d+\. ", line) for line in headings[1:]), headings
