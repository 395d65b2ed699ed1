"""One history for every edit: random edits across every part of a spec, then undo
all and redo all, and the spec is what it was at each point."""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from rolescope.catalog import load_catalog
from rolescope.history import History
from rolescope.session import Session
from rolescope.spec import Interview, Pay, RoleSpec, Task
from rolescope.specio import read_spec
from tests.conftest import preset_path

CATALOG = load_catalog()
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
# A new task is validated as it is built, and a task's text must not be blank.
TASK_TEXT = TEXT.filter(str.strip)


def _company(spec: RoleSpec, **update: object) -> RoleSpec:
    return spec.model_copy(update={"company": spec.company.model_copy(update=update)})


def _role(spec: RoleSpec, **update: object) -> RoleSpec:
    return spec.model_copy(update={"role": spec.role.model_copy(update=update)})


def _task(spec: RoleSpec, index: int, **update: object) -> RoleSpec:
    tasks = list(spec.tasks)
    tasks[index] = tasks[index].model_copy(update=update)
    return spec.model_copy(update={"tasks": tasks})


class EditingSession(RuleBasedStateMachine):
    """Edits as the wizard's steps make them: keystrokes in a field share a group,
    structural edits (add, delete, move, reset) have none."""

    @initialize()
    def start(self) -> None:
        self.session = Session(CATALOG, read_spec(preset_path("two-roles-in-one")))
        # What undo must walk back through: the spec before each undo step.
        self.steps: list[RoleSpec] = []
        self.group: str | None = None

    def _edit(self, spec: RoleSpec, group: str | None) -> None:
        if spec == self.session.spec:
            return
        if group is None or group != self.group:
            self.steps.append(self.session.spec)
        self.group = group
        self.session.update(spec, group)

    @rule(name=TEXT)
    def company_name(self, name: str) -> None:
        self._edit(_company(self.session.spec, name=name), "company.name")

    @rule(stage=st.sampled_from(["pre-product", "live-model", "scaling"]))
    def stage(self, stage: str) -> None:
        self._edit(_company(self.session.spec, stage=stage), "company.stage")

    @rule(title=st.none() | TEXT)
    def title(self, title: str | None) -> None:
        self._edit(_role(self.session.spec, title=title), "role.title")

    @rule(mission=st.none() | TEXT)
    def mission(self, mission: str | None) -> None:
        self._edit(_role(self.session.spec, mission=mission), "role.mission")

    @rule(low=st.integers(0, 10**6), spread=st.integers(0, 10**5))
    def pay(self, low: int, spread: int) -> None:
        pay = Pay(min=low, max=low + spread, currency="EUR", period="year")
        self._edit(_role(self.session.spec, pay=pay), "role.pay-min")

    @rule(prompt=st.none() | TEXT)
    def interview(self, prompt: str | None) -> None:
        spec = self.session.spec
        interview = spec.interview.model_copy(update={"interview_prompt": prompt})
        self._edit(spec.model_copy(update={"interview": interview}), "interview.plan-interview_prompt")

    @rule(data=st.data(), text=TEXT)
    def task_text(self, data: st.DataObject, text: str) -> None:
        index = data.draw(st.integers(0, len(self.session.spec.tasks) - 1))
        self._edit(_task(self.session.spec, index, text=text), f"tasks[{index}]")

    @rule(data=st.data(), weeks=st.integers(1, 8))
    def task_weeks(self, data: st.DataObject, weeks: int) -> None:
        index = data.draw(st.integers(0, len(self.session.spec.tasks) - 1))
        self._edit(_task(self.session.spec, index, weeks=weeks), f"tasks[{index}]")

    @rule(text=TASK_TEXT)
    def add_task(self, text: str) -> None:
        spec = self.session.spec
        self._edit(spec.model_copy(update={"tasks": [*spec.tasks, Task(text=text, weeks=2)]}), None)

    @rule(data=st.data())
    def delete_task(self, data: st.DataObject) -> None:
        spec = self.session.spec
        if len(spec.tasks) > 1:
            index = data.draw(st.integers(0, len(spec.tasks) - 1))
            self._edit(spec.model_copy(update={"tasks": [t for i, t in enumerate(spec.tasks) if i != index]}), None)

    @rule()
    def reset_interview(self) -> None:
        self._edit(self.session.spec.model_copy(update={"interview": Interview()}), None)

    @rule()
    def leave_the_field(self) -> None:
        self.session.history.seal()
        self.group = None

    @rule()
    def undo_all_then_redo_all(self) -> None:
        session = self.session
        now = session.spec
        for expected in reversed(self.steps):
            assert session.undo()
            assert session.spec == expected
        assert not session.undo()
        for expected in [*self.steps[1:], now] if self.steps else []:
            assert session.redo()
            assert session.spec == expected
        assert not session.redo()
        assert session.spec == now
        # Walking the history ends a run of keystrokes: the next edit is a step of its own.
        self.group = None

    def teardown(self) -> None:
        self.undo_all_then_redo_all()


EditingSession.TestCase.settings = settings(max_examples=40, stateful_step_count=30, deadline=None)
TestEditingSession = EditingSession.TestCase


def test_a_run_of_keystrokes_is_one_step_and_other_fields_are_not_lost():
    """Type a company name and a title, edit a task: undo takes back only the task."""
    start = read_spec(preset_path("rag-support-search"))
    history = History()
    spec = start
    for name in ("A", "Ac", "Acme"):
        history.record(spec, "company.name")
        spec = _company(spec, name=name)
    named = spec
    for title in ("S", "Search engineer"):
        history.record(spec, "role.title")
        spec = _role(spec, title=title)
    titled = spec
    for text in ("x", "xy"):
        history.record(spec, "tasks[0]")
        spec = _task(spec, 0, text=text)
    assert history.undo(spec) == titled
    assert history.undo(titled) == named
    assert history.undo(named) == start
    assert history.undo(start) is None


def test_history_is_bounded():
    history = History(limit=3)
    spec = RoleSpec()
    for number in range(10):
        history.record(spec)
        spec = _company(spec, name=str(number))
    assert len(history.undo_stack) == 3
