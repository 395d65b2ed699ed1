"""The lint corpus: postings written for this project, bad and clean, in several
domains, each with the problems planted in it (`NAME.expect`: rule, a tab, and
text on the line it is on, or - for the document as a whole). The linter must
find at least 90% of what was planted and warn about nothing in the clean ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from rolescope.catalog import load_catalog
from rolescope.lint import lint_text

POSTINGS = Path(__file__).parent / "postings"
FILES = sorted(path for path in POSTINGS.iterdir() if path.suffix in (".md", ".txt"))
BAD = [path for path in FILES if path.name.startswith("bad-")]
CLEAN = [path for path in FILES if path.name.startswith("clean-")]


def planted(path: Path) -> list[tuple[str, int | None]]:
    """(rule, line) for each planted problem; line None for the whole document."""
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = []
    for entry in path.with_suffix(".expect").read_text(encoding="utf-8").splitlines():
        if not entry.strip():
            continue
        rule, text = entry.split("\t")
        if text == "-":
            expected.append((rule, None))
            continue
        numbers = [number for number, line in enumerate(lines, start=1) if text in line]
        assert len(numbers) == 1, f"{path.name}: '{text}' must be on exactly one line"
        expected.append((rule, numbers[0]))
    return expected


def found(path: Path) -> set[tuple[str, int | None]]:
    fmt = "txt" if path.suffix == ".txt" else "md"
    result = lint_text(path.read_text(encoding="utf-8"), load_catalog(), fmt)
    return {(finding.rule, finding.line) for finding in result.findings}


def test_the_corpus_is_big_and_varied():
    assert len(FILES) >= 12
    assert len(BAD) >= 6 and len(CLEAN) >= 6
    assert {path.suffix for path in BAD} == {".md", ".txt"}
    assert {path.suffix for path in CLEAN} == {".md", ".txt"}


def test_at_least_90_percent_of_planted_problems_are_found():
    total, hits, missed = 0, 0, []
    for path in BAD:
        actual = found(path)
        for problem in planted(path):
            total += 1
            if problem in actual:
                hits += 1
            else:
                missed.append((path.name, *problem))
    recall = hits / total
    print(f"lint corpus: {hits} of {total} planted problems found ({recall:.1%})")
    assert total >= 60
    assert recall >= 0.9, missed


@pytest.mark.parametrize("path", CLEAN, ids=[path.name for path in CLEAN])
def test_clean_postings_get_no_warning(path):
    fmt = "txt" if path.suffix == ".txt" else "md"
    result = lint_text(path.read_text(encoding="utf-8"), load_catalog(), fmt)
    assert [f for f in result.findings if f.at_least("warning")] == []
    assert path.with_suffix(".expect").read_text() == ""
