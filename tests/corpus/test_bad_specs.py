"""The bad-spec corpus: every way a spec file can be wrong gets one clear line
per problem on stderr, exit code 2, nothing on stdout, never a traceback; and a
batch export carries on past every one of them.

Each file in tests/corpus/bad/ has its exact stderr lines in expected.toml.
Most cases run `rolescope.cli.main` in-process; a few run the real command.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from rolescope import __version__
from rolescope.cli import main
from tests.conftest import ROLES_DIR, run_cli

BAD_DIR = Path(__file__).parent / "bad"
EXPECTED_FILE = BAD_DIR / "expected.toml"
EXPECTED: dict[str, list[str]] = tomllib.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
BAD_FILES = sorted(path for path in BAD_DIR.glob("*.toml") if path != EXPECTED_FILE)
GOOD = ROLES_DIR / "rag-support-search.toml"


def expected_lines(path: Path, shown_as: str | None = None) -> list[str]:
    """The expected stderr lines for `path`, with {path} as it was given on the command line."""
    shown = str(path) if shown_as is None else shown_as
    return [line.replace("{path}", shown).replace("{version}", __version__) for line in EXPECTED[path.name]]


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_bad_file_has_an_expectation_and_vice_versa():
    names = {path.name for path in BAD_FILES}
    assert names == set(EXPECTED), (
        f"without expectations: {sorted(names - set(EXPECTED))}; "
        f"expectations without a file: {sorted(set(EXPECTED) - names)}"
    )
    assert all(EXPECTED[name] for name in names), "every bad file must expect at least one line"


def test_the_byte_level_cases_are_what_they_claim():
    # Guard the corpus itself: an editor or a checkout must not "repair" these.
    assert b"\x00" in (BAD_DIR / "binary.toml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        (BAD_DIR / "not-utf8.toml").read_bytes().decode("utf-8")
    assert (BAD_DIR / "empty.toml").read_bytes() == b""
    assert not (BAD_DIR / "whitespace-only.toml").read_bytes().strip()


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda path: path.name)
def test_recommend_rejects_the_bad_spec_with_exact_lines(path, capsys):
    code, out, err = run_main(capsys, "recommend", str(path))
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert "\x1b" not in err, "user text must not reach the terminal as escape sequences"
    lines = err.splitlines()
    assert lines == expected_lines(path), f"actual stderr of {path.name}:\n{err}"
    # One line per problem, each naming the file.
    assert all(line.startswith(f"{path}:") for line in lines)


def test_recommend_json_rejects_the_same_way(capsys):
    # --json changes the success output only; a bad file is still lines on stderr.
    path = BAD_DIR / "several-mistakes.toml"
    code, out, err = run_main(capsys, "recommend", "--json", str(path))
    assert (code, out) == (2, "")
    assert err.splitlines() == expected_lines(path)


@pytest.mark.parametrize("name", ["toml-unclosed-string.toml", "binary.toml", "several-mistakes.toml"])
def test_the_real_command_rejects_bad_specs(name):
    # A relative path, as a user types it: {path} is the path as given.
    result = run_cli("recommend", f"bad/{name}", cwd=BAD_DIR.parent)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == expected_lines(BAD_DIR / name, f"bad/{name}")


def test_export_of_all_bad_files_and_one_good_one(tmp_path):
    out = tmp_path / "out"
    missing = tmp_path / "no-such-spec.toml"
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    args = [str(path) for path in BAD_FILES] + [str(GOOD), str(missing), str(folder)]
    result = run_cli("export", *args, "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    written = sorted(path.name for path in out.iterdir())
    assert len(written) == 3
    stem = written[0].split(".")[0]
    assert written == [f"{stem}.interview.md", f"{stem}.md", f"{stem}.toml"]
    assert result.stdout == (
        f"{GOOD}: wrote {out / (stem + '.toml')}, {out / (stem + '.md')} and {out / (stem + '.interview.md')}\n"
    )
    # Every bad file is reported with exactly the lines `recommend` gives, in argument order.
    expected: list[str] = []
    for path in BAD_FILES:
        expected += expected_lines(path)
    expected += [f"{missing}: no such file", f"{folder}: is a directory, not a spec file"]
    failed = len(BAD_FILES) + 2
    expected.append(f"rolescope export: 1 written, {failed} failed")
    assert result.stderr.splitlines() == expected


def test_export_of_only_bad_files_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, err = run_main(capsys, "export", *[str(path) for path in BAD_FILES], "--out", str(out))
    assert code == 2
    assert stdout == ""
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())
    expected = [line for path in BAD_FILES for line in expected_lines(path)]
    expected.append(f"rolescope export: 0 written, {len(BAD_FILES)} failed")
    assert err.splitlines() == expected


def test_missing_file(tmp_path, capsys):
    path = tmp_path / "nope.toml"
    assert run_main(capsys, "recommend", str(path)) == (2, "", f"{path}: no such file\n")


def test_directory(tmp_path, capsys):
    assert run_main(capsys, "recommend", str(tmp_path)) == (2, "", f"{tmp_path}: is a directory, not a spec file\n")


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "secret.toml"
    path.write_bytes(GOOD.read_bytes())
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        # Tests may run as root, who reads a chmod-000 file anyway: fail the read itself.
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    line = f"{path}: cannot read it: permission denied"
    assert run_main(capsys, "recommend", str(path)) == (2, "", line + "\n")
    # In a batch, the unreadable file is reported and the good one is still written.
    out = tmp_path / "out"
    code, _stdout, err = run_main(capsys, "export", str(path), str(GOOD), "--out", str(out))
    assert code == 1
    assert err.splitlines() == [line, "rolescope export: 1 written, 1 failed"]
    assert len(list(out.iterdir())) == 3  # the spec, its description and its interview kit
