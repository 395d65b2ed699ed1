"""The pre-commit hook a team adds to lint the postings it keeps in git. pre-commit
runs in a scratch repository, offline: the hook's definition from
`.pre-commit-hooks.yaml` is used as a `repo: local` hook run by the rolescope
installed here (`language: python` would build its own environment, which needs
the network)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[2]
POSTINGS = ROOT / "tests" / "corpus" / "postings"


def _hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    return hook


def test_the_hook_definition():
    hook = _hook()
    assert hook["id"] == "rolescope-lint"
    assert hook["language"] == "python"  # installs rolescope from this repository
    assert hook["entry"].split()[:2] == ["rolescope", "lint"]
    pattern = re.compile(hook["files"])
    assert pattern.search("jobs/ml-engineer.md") and pattern.search("jobs/ml-engineer.txt")
    assert not pattern.search("specs/role.toml")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_hook_runs_in_a_scratch_repository(tmp_path):
    repo = tmp_path / "hiring"
    (repo / "jobs").mkdir(parents=True)
    shutil.copy(POSTINGS / "bad-health-imaging.md", repo / "jobs" / "imaging.md")
    shutil.copy(POSTINGS / "clean-legal-search.txt", repo / "jobs" / "legal-search.txt")
    (repo / "README.md").write_text("# Our hiring repo\n\nWe are a rockstar team.\n", encoding="utf-8")
    hook = {**_hook(), "language": "system", "files": "^jobs/"}
    config = yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    failed = run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "jobs/imaging.md:" in failed.stdout
    assert "native-speaker warning" in failed.stdout
    assert "legal-search" not in failed.stdout  # clean: nothing to report
    assert "README.md" not in failed.stdout  # not a posting
    (repo / "jobs" / "imaging.md").unlink()
    _git(repo, "add", "-A")
    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
