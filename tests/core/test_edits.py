"""Edits are pure: each returns a new, valid spec (or one line naming the field),
never changes the spec it was given, and what one edit does its inverse undoes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolescope import edits
from rolescope.edits import EditError
from rolescope.spec import ARCHETYPES, STAGE_KINDS, InterviewStage, RoleSpec, Task
from rolescope.specio import dump_spec, parse_spec

BASE = RoleSpec(
    company={"name": "Acme", "stage": "live-model"},
    tasks=[
        Task(text="Build the inference API", weeks=6),
        Task(text="Set up drift alerts for the ranker", weeks=4, outcome="Alerts within 10 minutes"),
        Task(text="Run ablations on ranking features", weeks=3, estimated=True),
    ],
)
LOOP = [InterviewStage(kind="exercise", minutes=60), InterviewStage(kind="scenario", minutes=45, take_home=True)]

texts = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40).filter(str.strip)
weeks = st.integers(1, 52).map(float) | st.decimals("0.5", "52", places=1).map(float)
tasks = st.builds(lambda text, w: Task(text=text, weeks=w), texts, weeks)
specs = st.builds(
    lambda name, stage, items: RoleSpec(company={"name": name, "stage": stage}, tasks=items),
    texts,
    st.sampled_from(["pre-product", "live-model", "scaling"]),
    st.lists(tasks, min_size=1, max_size=6),
)


def reloaded(spec: RoleSpec) -> RoleSpec:
    return parse_spec(dump_spec(spec))


def test_company_and_team_edits():
    spec = edits.set_company_name(BASE, "Lumen Docs")
    spec = edits.set_stage(spec, "scaling")
    spec = edits.set_mission(spec, "Answer every support question in seconds")
    spec = edits.set_team(spec, ["operator", "developer", "operator"])
    spec = edits.set_next_failure(spec, "reliability")
    assert (spec.company.name, spec.company.stage) == ("Lumen Docs", "scaling")
    assert spec.role.mission == "Answer every support question in seconds"
    assert spec.team.current == ["developer", "operator"]  # the archetypes' order, each once
    assert spec.team.next_failure == "reliability"
    assert edits.set_mission(spec, "   ").role.mission is None
    assert edits.set_next_failure(spec, None).team.next_failure is None
    assert BASE.company.name == "Acme" and BASE.team.current == []  # the spec given is untouched
    assert reloaded(spec) == spec


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: edits.set_stage(s, "scalng"), "company.stage: Input should be 'pre-product', 'live-model' or"),
        (lambda s: edits.set_team(s, ["reseacher"]), "team.current: 'reseacher' is not one of: researcher,"),
        (lambda s: edits.set_next_failure(s, "delivry"), "team.next_failure: Input should be"),
        (lambda s: edits.add_task(s, "   ", 3), "tasks[4].text: must not be empty"),
        (lambda s: edits.add_task(s, "Build it", 0), "tasks[4].weeks: Input should be greater than 0"),
        (lambda s: edits.edit_task(s, 1, "Set up alerts", 60), "tasks[2].weeks: Input should be less than or equal"),
        (lambda s: edits.edit_task(s, 3, "Anything", 2), "tasks[4]: there is no task 4 (the spec has 3)"),
        (lambda s: edits.set_task_archetype(s, 0, "dev"), "tasks[1].archetype: Input should be"),
        (lambda s: edits.set_pay(s, 200, 100), "role.pay.max: the maximum is below the minimum"),
        (lambda s: edits.set_pay(s, 100, 200, "dollars"), "role.pay.currency: the currency is a"),
        (lambda s: edits.set_pay(s, None, 200), "role.pay: give both ends of the pay range as plain numbers"),
        (lambda s: edits.set_skills(s, "skills", ["Python"]), "role.skills: not a list of skills"),
        (lambda s: edits.set_assessment(s, "prompt", "Why?"), "interview.prompt: not a part of the plan"),
        (lambda s: edits.remove_stage(s, LOOP, 2), "interview.stages[3]: there is no stage 3 (the loop has 2)"),
    ],
)
def test_a_bad_edit_is_one_line_naming_the_field(edit, message):
    with pytest.raises(EditError) as caught:
        edit(BASE)
    assert len(caught.value.lines) == 1
    assert caught.value.lines[0].startswith(message), caught.value.lines[0]


def test_task_edits_do_what_the_work_step_does():
    spec = edits.add_task(BASE, "Own the feature store", 5, outcome="  ")
    assert spec.tasks[-1] == Task(text="Own the feature store", weeks=5)  # a blank outcome is none
    edited = edits.edit_task(spec, 2, "Run ablations on ranking features", 4)
    assert edited.tasks[2].weeks == 4 and edited.tasks[2].estimated is None  # set by the lead now
    kept = edits.edit_task(spec, 2, "Run ablations on the ranking features", 3)
    assert kept.tasks[2].estimated is True  # the weeks are still rolescope's estimate
    assert edits.edit_task(spec, 0, "Build the inference API", 6) is spec  # nothing changed
    assert edits.set_task_outcome(spec, 1, "").tasks[1].outcome is None
    assert edits.set_task_outcome(spec, 0, "p99 under 80 ms").tasks[0].outcome == "p99 under 80 ms"
    assert [task.text for task in edits.remove_task(spec, 0).tasks] == [task.text for task in spec.tasks[1:]]
    moved = edits.move_task(spec, 0, 1)
    assert [task.text for task in moved.tasks[:2]] == ["Set up drift alerts for the ranker", "Build the inference API"]
    assert edits.move_task(spec, 0, -1) is spec  # past the top: no change
    cycled = [edits.cycle_task_archetype(spec, 0)]
    for _ in range(3):
        cycled.append(edits.cycle_task_archetype(cycled[-1], 0))
    assert [item.tasks[0].archetype for item in cycled] == [*ARCHETYPES, None]


def test_role_and_description_edits():
    spec = edits.set_title(BASE, "Search ranking engineer")
    assert spec.role.title == "Search ranking engineer"
    assert edits.set_title(spec, " ").role.title is None  # blank: the recommended title
    spec = edits.set_location(spec, "Berlin or remote (EU)")
    spec = edits.set_skills(spec, "must_have", ["  Python ", "", "Shipped a model to production"])
    assert spec.role.must_have == ["Python", "Shipped a model to production"]
    spec = edits.set_pay(spec, 90000, 120000, " eur ", "year")
    assert (spec.role.pay.min, spec.role.pay.max, spec.role.pay.currency) == (90000, 120000, "EUR")
    assert edits.clear_pay(spec).role.pay is None
    assert reloaded(spec) == spec


def test_interview_edits_make_the_loop_the_specs_own():
    spec = edits.set_assessment(BASE, "interview_prompt", "Recall fell 8% overnight: what first?")
    assert spec.interview.interview_prompt == "Recall fell 8% overnight: what first?"
    # The archetype's own text, or a blank, is no override.
    assert edits.set_assessment(spec, "interview_prompt", "Same", default="Same").interview.interview_prompt is None
    assert edits.set_assessment(spec, "interview_prompt", "  ").interview.interview_prompt is None
    added, at = edits.add_stage(BASE, LOOP, 0)
    assert at == 1 and added.interview.stages[1] == InterviewStage(kind="design", minutes=45)  # first unused kind
    assert edits.add_stage(BASE, [], 0)[0].interview.stages == [InterviewStage(kind="exercise", minutes=45)]
    assert edits.remove_stage(BASE, LOOP, 0).interview.stages == LOOP[1:]
    assert edits.cycle_stage_kind(BASE, LOOP, 0).interview.stages[0].kind == "scenario"
    assert edits.toggle_take_home(BASE, LOOP, 1).interview.stages[1].take_home is False
    assert edits.change_stage_minutes(BASE, LOOP, 0, 2).interview.stages[0].minutes == 90
    assert edits.change_stage_minutes(BASE, LOOP, 0, -10).interview.stages[0].minutes == 15  # never below a step
    assert edits.change_stage_minutes(BASE, LOOP, 0, 100).interview.stages[0].minutes == 480  # a working day
    assert edits.move_stage(BASE, LOOP, 0, 1).interview.stages == LOOP[::-1]
    assert edits.move_stage(BASE, LOOP, 1, 1) is BASE
    assert edits.reset_interview(spec).interview == RoleSpec().interview


@pytest.mark.parametrize(
    ("typed", "weeks"), [("3", 3), ("2,5", 2.5), (" 4.25 ", 4.25), ("0", None), ("53", None), ("three", None)]
)
def test_weeks_as_typed(typed, weeks):
    assert edits.parse_weeks(typed) == weeks


@pytest.mark.parametrize(("typed", "amount"), [("120,000", 120000), ("95_000", 95000), ("2e9", None), ("", None)])
def test_amounts_as_typed(typed, amount):
    assert edits.parse_amount(typed) == amount


@settings(max_examples=60, deadline=None)
@given(specs, st.data())
def test_moving_a_task_and_back_is_no_change(spec, data):
    index = data.draw(st.integers(0, len(spec.tasks) - 1))
    offset = data.draw(st.sampled_from([-1, 1]))
    moved = edits.move_task(spec, index, offset)
    target = index + offset
    back = edits.move_task(moved, target, -offset) if 0 <= target < len(spec.tasks) else moved
    assert back == spec


@settings(max_examples=60, deadline=None)
@given(specs, texts, weeks)
def test_adding_a_task_then_removing_it_is_no_change_and_every_edit_saves_and_loads(spec, text, w):
    added = edits.add_task(spec, text, w)
    assert added.tasks[-1].text == text and len(added.tasks) == len(spec.tasks) + 1
    assert reloaded(added) == added
    assert edits.remove_task(added, len(spec.tasks)) == spec


@settings(max_examples=40, deadline=None)
@given(specs, st.integers(0, 5))
def test_cycling_returns_to_the_start(spec, row):
    index = row % len(spec.tasks)
    cycled = spec
    for _ in edits.OVERRIDE_CYCLE:
        cycled = edits.cycle_task_archetype(cycled, index)
    assert cycled == spec
    kinds = edits.add_stage(spec, [], 0)[0]
    loop = list(kinds.interview.stages)
    for _ in STAGE_KINDS:
        kinds = edits.cycle_stage_kind(kinds, loop, 0)
        loop = list(kinds.interview.stages)
    assert loop == edits.add_stage(spec, [], 0)[0].interview.stages
    assert reloaded(kinds) == kinds


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 32), st.integers(1, 10))
def test_longer_then_shorter_is_no_change_within_a_day(start_steps, steps):
    stage = InterviewStage(kind="design", minutes=start_steps * edits.MINUTES_STEP)
    longer = edits.change_stage_minutes(BASE, [stage], 0, steps)
    minutes = longer.interview.stages[0].minutes
    back = edits.change_stage_minutes(longer, list(longer.interview.stages), 0, -steps)
    if minutes == start_steps * edits.MINUTES_STEP + steps * edits.MINUTES_STEP:  # not cut at a working day
        assert back.interview.stages[0] == stage


def test_a_bad_edit_reads_as_a_sentence_beside_its_field():
    with pytest.raises(EditError) as caught:
        edits.set_pay(BASE, 200, 100)
    assert caught.value.problem == "The maximum is below the minimum."
