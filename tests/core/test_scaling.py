"""Cost grows linearly with input: matching work is counted, not timed, so these
stay fast and exact on any machine (bench/scaling.py has the timings)."""

from __future__ import annotations

import dataclasses

import pytest

from rolescope import textmatch
from rolescope.catalog import Catalog
from rolescope.classify import classify_text
from rolescope.cli import main
from rolescope.limits import MAX_TEXT_CHARS
from rolescope.recommend import recommend
from rolescope.spec import RoleSpec, Task


def _counted(monkeypatch, catalog: Catalog) -> tuple[list[int], Catalog]:
    """A counter of word comparisons, and a copy of the catalog whose engine is
    compiled anew (nothing memoised by earlier tests)."""
    calls = [0]
    real = textmatch._part_matches

    def counting(part, word):
        calls[0] += 1
        return real(part, word)

    monkeypatch.setattr(textmatch, "_part_matches", counting)
    return calls, dataclasses.replace(catalog)


@pytest.mark.parametrize(
    "line", ["a b " * 1000, "monitor the pipeline " * 700, "1 " * 2000], ids=["short-words", "repeats", "digits"]
)
def test_matching_a_long_line_does_not_try_every_term_at_every_word(catalog, monkeypatch, line):
    """The vocabulary has hundreds of terms; a word may only be compared with the
    few whose first word it is, in classify and in the PhD and title signals."""
    calls, catalog = _counted(monkeypatch, catalog)
    tokens = len(textmatch.words(line))
    spec = RoleSpec(company={"name": "Long", "stage": "scaling"}, tasks=[Task(text=line, weeks=4)])
    recommend(spec, catalog)
    assert calls[0] <= 10 * tokens  # a handful per word (phrases such as "a b test*"), not one per term


def test_many_tasks_cost_the_same_per_task(catalog, monkeypatch):
    lines = ["Run ablations on the ranking features", "Build the inference API", "Set up drift alerts"]

    def work(count: int) -> float:
        calls, fresh = _counted(monkeypatch, catalog)
        tasks = [Task(text=f"{lines[i % 3]} for region {i}", weeks=1) for i in range(count)]
        recommend(RoleSpec(company={"name": "Many", "stage": "scaling"}, tasks=tasks), fresh)
        for task in tasks:
            classify_text(task.text, fresh)
        return calls[0] / count

    assert work(1_000) <= 1.2 * work(100)


def test_a_task_line_past_the_limit_is_one_line_for_classify(capsys):
    assert main(["classify", "Build the API", "x" * (MAX_TEXT_CHARS + 1)]) == 2
    assert capsys.readouterr().err == (
        f"argument 2: {MAX_TEXT_CHARS + 1:,} characters is over the limit of {MAX_TEXT_CHARS:,} for one task line\n"
    )
