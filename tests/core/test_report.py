"""The presentation model every view reads: the one-line headline and the task rows."""

from __future__ import annotations

from rolescope.recommend import recommend
from rolescope.report import build_headline, task_problems, task_row
from rolescope.spec import RoleSpec, Task
from rolescope.specio import read_spec
from tests.conftest import preset_path


def spec_with(tasks) -> RoleSpec:
    return RoleSpec(company={"name": "Acme", "stage": "live-model"}, tasks=[Task(text=t, weeks=w) for t, w in tasks])


def test_no_verdict_when_most_weeks_are_vague(catalog):
    r = recommend(spec_with([("work on AI", 8), ("help with ML stuff", 8), ("Build the scoring API", 4)]), catalog)
    headline = build_headline(r)
    assert headline.kind == "no-signal"
    assert headline.verdict == "not enough signal"
    assert headline.strength is None and headline.title is None
    assert headline.advice == "16 of 20 weeks are too vague, rewrite tasks 1 and 2"
    assert headline.unclassified == "unclassified, 16 weeks"
    rows = [task_row(item) for item in r.tasks]
    assert [row.state for row in rows] == ["vague", "vague", "sure"]
    assert not rows[0].counted
    problems = task_problems(r, 1)
    assert len(problems) == 1 and problems[0].startswith("Task 1 is too vague to classify")
    assert task_problems(r, 3) == []


def test_a_few_vague_weeks_keep_the_verdict_and_are_named(catalog):
    r = recommend(spec_with([("work on AI", 2), ("Build the scoring API for the fraud model", 12)]), catalog)
    headline = build_headline(r)
    assert headline.kind == "verdict" and headline.verdict == "hire an engineer"
    assert headline.unclassified == "unclassified, 2 weeks"


def test_data_engineering_is_said_plainly(catalog):
    tasks = [
        ("ETL Salesforce to warehouse nightly", 8),
        ("dbt models for revenue reporting", 8),
        ("CDC Postgres to lake", 6),
    ]
    headline = build_headline(recommend(spec_with(tasks), catalog))
    assert headline.kind == "data-engineering"
    assert headline.verdict == "hire a data engineer, not an ML hire"
    assert headline.title == "Data engineer"


def test_a_split_names_both_titles(catalog):
    r = recommend(read_spec(preset_path("two-roles-in-one")), catalog)
    headline = build_headline(r)
    assert headline.kind == "split"
    assert headline.title == " + ".join(role.title for role in r.split)


def test_unsure_tasks_are_marked_with_a_question_mark(catalog):
    r = recommend(read_spec(preset_path("rag-support-search")), catalog)
    assert r.unsure_tasks
    for item in r.tasks:
        row = task_row(item)
        assert row.flag.startswith("?") == item.unsure == (row.state == "unsure")
    number = r.unsure_tasks[0].number
    assert any(f"Task {number} is unsure" in problem for problem in task_problems(r, number))


def test_the_terminal_report_shows_each_roles_own_interview_loop(catalog):
    """A split shows a loop per role, drawn from that role's tasks (the kits `export`
    writes), not one fixed plan for the first role."""
    from rolescope.export import roles_to_publish
    from rolescope.recommend import recommend
    from rolescope.specio import read_spec
    from rolescope.termtext import render_recommendation
    from tests.conftest import preset_path

    spec = read_spec(preset_path("two-roles-in-one"))
    r = recommend(spec, catalog)
    text = render_recommendation("spec.toml", spec, r, catalog, colour=False, width=100)
    roles = roles_to_publish(spec, r, catalog)
    assert len(roles) == 2
    for role in roles:
        assert f"Interview loop for the {role.recommendation.title}" in text
        # The questions that quote a task quote one of that role's own tasks.
        quoted = [stage.question.split("“")[1].split("”")[0] for stage in role.kit.stages if "“" in stage.question]
        assert quoted and set(quoted) <= {task.text for task in role.spec.tasks}
        flat = " ".join(text.split())  # the report wraps long lines
        assert all(" ".join(task.split()) in flat for task in quoted)
    assert "Interview plan" not in text
