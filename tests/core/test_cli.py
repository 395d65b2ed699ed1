"""Every headless command, run as a user runs it: arguments, output, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import rolescope
from rolescope import __version__
from rolescope.cli import main
from rolescope.specio import read_spec
from tests.conftest import MINIMAL_SPEC, PRESET_NAMES, preset_path, run_cli


def test_version_and_help():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"rolescope {__version__}"
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("new", "recommend", "classify", "export", "lint", "import", "presets"):
        assert f"rolescope {command}" in result.stdout


def test_unknown_command_suggests():
    result = run_cli("recomend")
    assert result.returncode == 2
    assert "did you mean 'recommend'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_presets_lists_names_as_json():
    result = run_cli("presets", "--json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert sorted(row["name"] for row in rows) == PRESET_NAMES
    assert all(row["description"] and row["stage"] for row in rows)
    human = run_cli("presets")
    assert all(name in human.stdout for name in PRESET_NAMES)


def test_new_writes_a_loadable_spec(tmp_path):
    target = tmp_path / "role.toml"
    result = run_cli("new", "--preset", "fraud-model-operator", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert read_spec(target) == read_spec(preset_path("fraud-model-operator"))
    again = run_cli("new", "--preset", "rag-support-search", "-o", str(target))
    assert again.returncode == 2
    assert "already exists; pass --force" in again.stderr
    assert read_spec(target) == read_spec(preset_path("fraud-model-operator"))  # untouched
    forced = run_cli("new", "--preset", "rag-support-search", "-o", str(target), "--force")
    assert forced.returncode == 0
    assert read_spec(target).company.name == read_spec(preset_path("rag-support-search")).company.name


def test_new_to_stdout_and_unknown_preset():
    result = run_cli("new", "--preset", "two-roles-in-one")
    assert result.returncode == 0
    assert result.stdout.startswith("schema_version = 1")
    bad = run_cli("new", "--preset", "rag-suport-search")
    assert bad.returncode == 2
    assert "unknown preset 'rag-suport-search' (did you mean 'rag-support-search'?)" in bad.stderr


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_recommend_json_contract(name, capsys):
    # In-process: the real command's exit code and streams are checked just above and below.
    code = main(["recommend", str(preset_path(name)), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert 0 <= data["engineering_share"] <= 1 and 0 <= data["research_share"] <= 1
    assert abs(data["engineering_share"] + data["research_share"] - 1) < 1e-9
    assert set(data["shares"]) == {"researcher", "developer", "operator"}
    assert data["hire"] in ("engineer", "phd", "split")
    assert data["archetype"] in ("researcher", "developer", "operator")
    assert data["title"] and data["title"].lower() != "ml engineer"
    assert set(data["team"]) <= {"researcher", "developer", "operator"}


def test_recommend_human_output_is_plain_when_piped():
    result = run_cli("recommend", str(preset_path("rag-support-search")))
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert "engineering  88%" in result.stdout
    assert "an engineer" in result.stdout
    assert "AI product engineer" in result.stdout


def test_recommend_split_out_writes_two_specs(tmp_path):
    result = run_cli("recommend", str(preset_path("two-roles-in-one")), "--split-out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = sorted(tmp_path.glob("*.toml"))
    assert len(written) == 2
    titles = {read_spec(path).role.title for path in written}
    assert titles == {"Founding AI product engineer", "Founding applied research scientist"}
    refused = run_cli("recommend", str(preset_path("rag-support-search")), "--split-out", str(tmp_path))
    assert refused.returncode == 2
    assert "not a split" in refused.stderr


def test_recommend_bad_spec_is_one_line_exit_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL_SPEC.replace("weeks = 6", "weeks = -6"))
    result = run_cli("recommend", str(bad))
    assert result.returncode == 2
    assert result.stderr.strip() == f"{bad}:9: tasks[1].weeks: must be more than 0 (got -6)"
    assert result.stdout == ""


def test_classify_arguments_and_stdin_json():
    result = run_cli(
        "classify", "--json", stdin="Set up drift alerts for the churn model\n\nRun ablations on the feature groups\n"
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["archetype"] for row in rows] == ["operator", "researcher"]
    assert [row["kind"] for row in rows] == ["engineering", "research"]
    for row in rows:
        assert 0 <= row["confidence"] <= 1
        assert row["evidence"]
    args = run_cli("classify", "Build the inference API", "Monitor drift")
    assert args.returncode == 0
    assert args.stdout.splitlines()[0].startswith("developer")
    assert args.stdout.splitlines()[1].startswith("operator")


def test_classify_without_input_is_usage_error():
    result = run_cli("classify", stdin="")
    assert result.returncode == 2
    assert "no task lines" in result.stderr


def test_export_batch(tmp_path):
    out = tmp_path / "out"
    specs = [str(preset_path(name)) for name in PRESET_NAMES]
    result = run_cli("export", *specs, "--out", str(out))
    assert result.returncode == 0, result.stderr
    # A split verdict publishes two roles: one more spec, description and interview kit than presets.
    roles = len(PRESET_NAMES) + 1
    assert len(list(out.glob("*.toml"))) == roles
    assert len(list(out.glob("*.interview.md"))) == roles
    assert len(list(out.glob("*.md"))) == 2 * roles
    for path in out.glob("*.toml"):
        read_spec(path)
    jd = (out / "tidewell-ai-product-engineer.md").read_text()
    assert jd.startswith("# AI product engineer\n")

    before = {path: path.read_bytes() for path in out.iterdir()}
    again = run_cli("export", *specs, "--out", str(out))
    assert again.returncode == 1
    assert again.stderr.count("already exists; pass --force") == 3 * roles
    assert {path: path.read_bytes() for path in out.iterdir()} == before
    forced = run_cli("export", *specs, "--out", str(out), "--force")
    assert forced.returncode == 0


def test_export_carries_on_past_bad_files(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n[company]\nname = 'x'\nstage = 'nope'\n")
    good = preset_path("fraud-model-operator")
    result = run_cli("export", str(bad), str(tmp_path / "missing.toml"), str(good), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "company.stage" in result.stderr
    assert "missing.toml: no such file" in result.stderr
    assert "1 written, 2 failed" in result.stderr
    assert len(list((tmp_path / "out").glob("*.toml"))) == 1


def test_export_with_only_bad_files_exits_2(tmp_path):
    result = run_cli("export", str(tmp_path / "missing.toml"), "--out", str(tmp_path))
    assert result.returncode == 2


def test_export_names_are_safe_slugs_inside_out(tmp_path):
    spec = tmp_path / "evil.toml"
    spec.write_text(
        MINIMAL_SPEC.replace('name = "Lumen Docs"', 'name = "../../etc/passwd"').replace(
            "[[tasks]]", '[role]\ntitle = "/root/.ssh/x  CON"\n\n[[tasks]]'
        )
    )
    out = tmp_path / "out"
    result = run_cli("export", str(spec), "--out", str(out))
    assert result.returncode == 1, result.stderr  # findings (one short task); the files are written
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "etc-passwd-root-ssh-x-con.interview.md",
        "etc-passwd-root-ssh-x-con.md",
        "etc-passwd-root-ssh-x-con.toml",
    ]


def test_presets_option_adds_a_role(tmp_path):
    folder = tmp_path / "mine"
    (folder / "roles").mkdir(parents=True)
    (folder / "roles" / "our-search.toml").write_text(MINIMAL_SPEC)
    result = run_cli("presets", "--json", "--presets", str(folder))
    names = [row["name"] for row in json.loads(result.stdout)]
    assert "our-search" in names
    missing = run_cli("presets", "--presets", str(tmp_path / "nope"))
    assert missing.returncode == 2
    assert "presets folder not found" in missing.stderr


def test_headless_commands_do_not_import_the_terminal_ui():
    code = (
        "import sys, io, contextlib\n"
        "from rolescope.cli import main\n"
        "for argv in (['presets'], ['recommend', sys.argv[1], '--json'], ['classify', 'Build an API'], ['new', '--preset', 'two-roles-in-one']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(argv) == 0, argv\n"
        "heavy = [name for name in ('textual', 'rich') if name in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(preset_path("rag-support-search"))], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_recommend_wraps_to_the_terminal(name, catalog):
    from rolescope.recommend import recommend
    from rolescope.termtext import render_recommendation

    spec = read_spec(preset_path(name))
    text = render_recommendation("spec.toml", spec, recommend(spec, catalog), catalog, colour=False, width=72)
    lines = text.splitlines()
    assert max(len(line) for line in lines[1:]) <= 72  # the header names the file and may run on
    piped = render_recommendation("spec.toml", spec, recommend(spec, catalog), catalog, colour=False)
    for task in spec.tasks:
        assert any(task.text in line for line in piped.splitlines())  # piped: one line per task


CORE_MODULES = [
    "rolescope",
    "rolescope.cli",
    "rolescope.spec",
    "rolescope.specio",
    "rolescope.catalog",
    "rolescope.classify",
    "rolescope.recommend",
    "rolescope.jd",
    "rolescope.export",
    "rolescope.exportpool",
    "rolescope.session",
    "rolescope.termtext",
    "rolescope.markdown",
    "rolescope.numbers",
    "rolescope.paytext",
    "rolescope.slug",
    "rolescope.textmatch",
    "rolescope.tomlpos",
    "rolescope.fileio",
    "rolescope.errors",
    "rolescope.history",
    "rolescope.limits",
    "rolescope.drafts",
    "rolescope.writer",
    "rolescope.document",
    "rolescope.findings",
    "rolescope.jd_html",
    "rolescope.jd_text",
    "rolescope.lint",
    "rolescope.lintout",
    "rolescope.phrases",
    "rolescope.postparse",
    "rolescope.importer",
    "rolescope.lint_spec",
    "rolescope.linescan",
    "rolescope.htmlposting",
    "rolescope.presetcache",
    "rolescope.presetmodels",
    "rolescope.report",
    "rolescope.split",
    "rolescope.interview_kit",
    "rolescope.kit_render",
    "rolescope.userconfig",
    "rolescope.matchers",
    "rolescope.notes",
    "rolescope.reasons",
    "rolescope.rxliterals",
    "rolescope.teamadvice",
    "rolescope.titles",
    "rolescope.verdict",
    "rolescope.wording",
    "rolescope.presetcheck",
    "rolescope.edits",
    "rolescope.specerrors",
    "rolescope.textfiles",
    "rolescope.tomlread",
    "rolescope.tomlwrite",
    "rolescope.values",
]


@pytest.fixture(scope="module")
def terminal_ui_pulled_in() -> dict[str, str]:
    """For each core module, the terminal-UI packages its import pulls in. One fresh
    interpreter imports them one after another: imports only add to `sys.modules`,
    so a package that appears after a module's import came with that module."""
    code = (
        "import importlib, json, sys\n"
        "found, loaded = {}, set()\n"
        "for module in sys.argv[1:]:\n"
        "    importlib.import_module(module)\n"
        "    found[module] = ','.join(m for m in ('textual', 'rich') if m in sys.modules and m not in loaded)\n"
        "    loaded.update(m for m in ('textual', 'rich') if m in sys.modules)\n"
        "print(json.dumps(found))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *CORE_MODULES], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_import_no_terminal_ui(module, terminal_ui_pulled_in):
    """The core knows nothing of the terminal: no core module, imported in a fresh
    interpreter, pulls in Textual or Rich."""
    assert terminal_ui_pulled_in[module] == ""


def _package_modules() -> set[str]:
    root = Path(rolescope.__file__).parent
    return {
        "rolescope." + ".".join(path.relative_to(root).with_suffix("").parts)
        for path in root.glob("*.py")
        if path.stem not in ("__init__", "__main__")
    }


def test_every_core_module_is_checked():
    """A new core module must join both lists: the fresh-interpreter test above and
    the import-linter contracts in pyproject.toml that `.ci/run` checks."""
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = pyproject["tool"]["importlinter"]["contracts"]
    assert set(CORE_MODULES) == _package_modules() | {"rolescope"}
    assert set(contracts[0]["source_modules"]) == _package_modules()
    assert set(contracts[1]["source_modules"]) == _package_modules() - {"rolescope.cli"}


def test_a_mistyped_command_with_arguments_says_which_was_meant(tmp_path):
    result = run_cli("expor", "spec.toml", "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip() == "rolescope: unknown command 'expor' (did you mean 'export'?)"
    bare = run_cli("recomend")
    assert bare.returncode == 2 and "did you mean 'recommend'" in bare.stderr
