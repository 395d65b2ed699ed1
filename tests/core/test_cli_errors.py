"""Clear errors, never a traceback: hostile paths, streams and input get one line
per problem naming the file, and the exit codes of the product brief."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rolescope.cli import main
from rolescope.limits import MAX_FILE_BYTES, MAX_TASKS, MAX_TEXT_CHARS
from tests.conftest import MINIMAL_SPEC, preset_path, run_cli

GOOD = preset_path("fraud-model-operator")


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def deep_toml(depth: int = 500) -> str:
    return f"schema_version = 1\nx = {'[' * depth}1{']' * depth}\n"


# ------------------------------------------------------------------ input files


def test_deeply_nested_toml_is_one_line_and_does_not_stop_a_batch(tmp_path, capsys):
    deep = tmp_path / "deep.toml"
    deep.write_text(deep_toml())
    code, out, err = run_main(capsys, "recommend", str(deep))
    assert (code, out) == (2, "")
    assert err == f"{deep}: malformed TOML: arrays or tables nested too deeply\n"
    code, out, err = run_main(capsys, "export", str(deep), str(GOOD), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "nested too deeply" in err and "1 written, 1 failed" in err
    assert len(list((tmp_path / "out").glob("*.toml"))) == 1


def test_a_device_a_fifo_and_a_huge_file_are_refused_before_reading(tmp_path, capsys):
    fifo = tmp_path / "spec.toml"
    os.mkfifo(fifo)  # nobody writes to it: reading it would hang
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is really written
    for path, reason in (
        ("/dev/zero", "is not a regular file"),
        (str(fifo), "is not a regular file"),
        (str(huge), f"{MAX_FILE_BYTES + 1:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for a spec file"),
    ):
        code, out, err = run_main(capsys, "recommend", path)
        assert (code, out) == (2, "")
        assert err.startswith(f"{path}: {reason}") and err.count("\n") == 1


def test_new_creates_a_missing_folder_as_out_does_and_names_one_it_cannot(tmp_path, capsys):
    target = tmp_path / "missing-dir" / "x.toml"
    code, _, err = run_main(capsys, "new", "--preset", "rag-support-search", "-o", str(target))
    assert code == 0, err
    assert target.is_file()
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, out, err = run_main(capsys, "new", "--preset", "rag-support-search", "-o", str(blocker / "x.toml"))
    assert (code, out) == (2, "")
    assert err == f"{blocker}: is not a folder, so nothing can be written into it\n"
    code, out, err = run_main(capsys, "new", "--preset", "rag-support-search", "-o", str(blocker / "sub" / "x.toml"))
    assert (code, out) == (2, "")
    assert err.startswith(f"{blocker / 'sub'}: cannot create the folder: ") and err.count("\n") == 1


def test_split_out_into_a_folder_that_cannot_be_made_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    split = str(preset_path("two-roles-in-one"))
    code, _, err = run_main(capsys, "recommend", split, "--split-out", str(blocker / "roles"))
    assert code == 2
    assert err.startswith(f"{blocker / 'roles'}: cannot create the folder: ") and err.count("\n") == 1
    code, _, err = run_main(capsys, "recommend", split, "--split-out", str(tmp_path / "new" / "roles"))
    assert code == 0, err
    assert len(list((tmp_path / "new" / "roles").glob("*.toml"))) == 2


def test_export_out_that_is_a_file_is_bad_usage(tmp_path, capsys):
    blocker = tmp_path / "out.txt"
    blocker.write_text("")
    code, out, err = run_main(capsys, "export", str(GOOD), "--out", str(blocker))
    assert (code, out) == (2, "")
    assert err == f"{blocker}: is not a folder, so nothing can be written into it\n"


def test_no_home_folder_breaks_nothing_that_needs_none(capsys, monkeypatch):
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    for name in ("ROLESCOPE_PRESETS", "XDG_CONFIG_HOME", "ROLESCOPE_DRAFTS", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    from rolescope.catalog import _load

    _load.cache_clear()
    assert run_main(capsys, "presets", "--json")[0] == 0
    assert run_main(capsys, "recommend", str(GOOD), "--json")[0] == 0
    assert run_main(capsys, "classify", "Build the inference API")[0] == 0
    # The wizard does need a home for its drafts: it says so (given a terminal).
    tty = type("Tty", (io.StringIO,), {"isatty": lambda self: True})
    monkeypatch.setattr(sys, "stdin", tty())
    monkeypatch.setattr(sys, "stdout", tty())
    code = main([])
    assert code == 2
    assert "set HOME or ROLESCOPE_DRAFTS" in capsys.readouterr().err


# ------------------------------------------------------------------ output streams


def _run_with_stdout(stdout, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rolescope", *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=60
    )


def test_a_closed_pipe_ends_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone, as after `| head -1` or `| true`
    try:
        for args in (("presets",), ("recommend", str(preset_path("two-roles-in-one")))):
            result = _run_with_stdout(write_end, *args)
            assert result.returncode == 141
            assert result.stderr == ""
    finally:
        os.close(write_end)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stdout_is_one_line_and_non_zero():
    with open("/dev/full", "w") as full:
        result = _run_with_stdout(full, "presets", "--json")
    assert result.returncode == 1
    assert result.stderr == "rolescope: cannot write to standard output: No space left on device\n"


def test_a_closed_stdout_is_one_line_and_non_zero():
    result = subprocess.run(
        f'exec "{sys.executable}" -m rolescope presets >&-', shell=True, stderr=subprocess.PIPE, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr == "rolescope: cannot write to standard output: standard output is closed\n"


# ------------------------------------------------------------------ the wizard without a terminal


@pytest.mark.parametrize("stdin", ["closed", "devnull"])
def test_the_wizard_without_a_terminal_says_so(stdin):
    redirect = "<&-" if stdin == "closed" else "</dev/null"
    result = subprocess.run(
        f'exec "{sys.executable}" -m rolescope {redirect}',
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("rolescope: the wizard needs a terminal")
    assert result.stderr.count("\n") == 1


# ------------------------------------------------------------------ what messages show


def test_a_newline_in_a_file_name_cannot_forge_error_lines(tmp_path, capsys):
    forged = "\nforged.toml:1: tasks[9].weeks: must be more than 0"
    no_tasks = tmp_path / f"no-tasks{forged}"
    no_tasks.write_text(MINIMAL_SPEC.split("[[tasks]]")[0])
    good = tmp_path / f"good{forged}"
    good.write_text(GOOD.read_text(encoding="utf-8"))  # a spec with no findings
    missing = tmp_path / f"missing{forged}"
    for path in (no_tasks, missing):
        code, _, err = run_main(capsys, "recommend", str(path))
        assert code == 2
        assert err.count("\n") == 1
        assert "\u240aforged.toml" in err
    code, out, err = run_main(capsys, "export", str(good), str(no_tasks), "--out", str(tmp_path / "out"))
    assert code == 1
    assert err.count("\n") == 2  # the bad file, then the summary
    assert out.count("\n") == 1  # what was written for the good one


def test_tasks_as_inline_tables_report_their_own_line(tmp_path, capsys):
    spec = tmp_path / "inline.toml"
    spec.write_text(
        "schema_version = 1\n"
        "tasks = [\n"
        '  { text = "Build the inference API", weeks = 2 },\n'
        '  { text = "Run ablations on the ranking model", weeks = -1 },\n'
        '  { text = "Set up drift alerts", weeks = 3, archetype = "nope" },\n'
        "]\n"
        '[company]\nname = "Lumen"\nstage = "pre-product"\n'
    )
    code, _, err = run_main(capsys, "recommend", str(spec))
    assert code == 2
    assert err.splitlines() == [
        f"{spec}:4: tasks[2].weeks: must be more than 0 (got -1)",
        f"{spec}:5: tasks[3].archetype: 'nope' is not one of: researcher, developer, operator",
    ]


def test_classify_refuses_bytes_that_are_not_utf8(capsys, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(b"Build the API\nMonitor caf\xe9 drift\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run_main(capsys, "classify", "--json")
    assert (code, out) == (2, "")
    assert err.startswith("<stdin>:2: is not UTF-8 text (byte 0xe9)")


# ------------------------------------------------------------------ presets


def test_one_broken_user_preset_leaves_the_others_listed(tmp_path, capsys):
    folder = tmp_path / "mine"
    (folder / "roles").mkdir(parents=True)
    (folder / "roles" / "ours.toml").write_text(MINIMAL_SPEC)
    broken = folder / "roles" / "broken.toml"
    broken.write_text(MINIMAL_SPEC.replace('stage = "pre-product"', 'stage = "pre-prodct"'))
    code, out, err = run_main(capsys, "presets", "--json", "--presets", str(folder))
    assert code == 1
    names = [row["name"] for row in json.loads(out)]
    assert "ours" in names and "rag-support-search" in names and "broken" not in names
    assert err.startswith(f"{broken}:5: company.stage: 'pre-prodct' is not one of")
    assert err.count("\n") == 1


def test_a_typo_in_prevents_is_named_not_a_traceback(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "archetypes.toml").write_text('[archetypes.developer]\nprevents = "delivry"\n')
    code, out, err = run_main(capsys, "recommend", str(GOOD), "--presets", str(folder))
    assert (code, out) == (2, "")
    assert err == (
        f"{folder / 'archetypes.toml'}: archetypes.developer.prevents: 'delivry' is not one of: "
        "research-fit, delivery, reliability (did you mean 'delivery'?)\n"
    )


# ------------------------------------------------------------------ export progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"NO_COLOR": "1"}, {}])
def test_export_progress_only_where_escape_codes_are_wanted(tmp_path, capsys, monkeypatch, env):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    specs = [str(preset_path(name)) for name in ("rag-support-search", "fraud-model-operator")] * 3
    assert main(["export", *specs, "--out", str(tmp_path), "--force"]) == 0
    assert ("\x1b[" in stderr.getvalue()) == (not env)


# ------------------------------------------------------------------ JSON


def test_json_escapes_c1_controls(tmp_path, capsys):
    spec = tmp_path / "c1.toml"
    spec.write_text(
        MINIMAL_SPEC.replace("Build the pipeline", "Build the \\u009b2J\\u0085 pipeline").replace(
            'name = "Lumen Docs"', 'name = "Lumen\\u007f Docs"'
        )
    )
    for args in (("recommend", "--json", str(spec)), ("classify", "--json", "Build the \x9b2J API")):
        code, out, _ = run_main(capsys, *args)
        assert code == 0
        assert not any("\x7f" <= char <= "\x9f" for char in out)
        assert "\\u009b" in out
        assert "\x9b2J" in json.dumps(json.loads(out), ensure_ascii=False)


def test_real_subprocess_reports_limits_in_one_line(tmp_path):
    """End to end: the limits give exit 2 and one line naming the file and field."""
    many = tmp_path / "many.toml"
    many.write_text(MINIMAL_SPEC + '\n[[tasks]]\ntext = "Run ablations"\nweeks = 1\n' * MAX_TASKS)
    long = tmp_path / "long.toml"
    long.write_text(MINIMAL_SPEC.replace("Build the pipeline", "Build " + "the pipeline " * MAX_TEXT_CHARS))
    result = run_cli("export", str(many), str(long), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{many}:7: tasks: {MAX_TASKS + 1:,} tasks is over the limit of {MAX_TASKS:,} for one spec",
        f"{long}:8: tasks[1].text: {len('Build ' + 'the pipeline ' * MAX_TEXT_CHARS + ' that loads help-centre articles into a vector index'):,}"
        f" characters is over the limit of {MAX_TEXT_CHARS:,} for one text",
        "rolescope export: 0 written, 2 failed",
    ]
