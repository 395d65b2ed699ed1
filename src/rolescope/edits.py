"""Edits of a role spec as pure functions: each validates its change and returns a
new RoleSpec, leaving the one it was given as it was. The wizard, the tests and
any future import change specs the same way, so one history can record every edit.

A change the spec cannot take raises EditError, one line naming the field
("tasks[3].weeks: ...") in the words the wizard shows. Indexes are 0-based, as
lists are; field names count from 1, as the lead reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from rolescope.errors import RolescopeError
from rolescope.numbers import format_number, parse_number
from rolescope.spec import (
    ARCHETYPES,
    MAX_STAGE_MINUTES,
    MAX_TASK_WEEKS,
    STAGE_KINDS,
    Company,
    Interview,
    InterviewStage,
    Pay,
    Role,
    RoleSpec,
    Task,
    Team,
)

# What `a` steps through on a task: the classifier's reading, then each archetype.
OVERRIDE_CYCLE: tuple[str | None, ...] = (None, *ARCHETYPES)
ASSESSMENT_KEYS = ("technical_exercise", "interview_prompt", "operational_check")
MINUTES_STEP = 15  # what + and - change a stage's length by
NEW_STAGE_MINUTES = 45
MAX_PAY = 1e9

Model = TypeVar("Model", bound=BaseModel)


class EditError(RolescopeError, ValueError):
    """An edit the spec cannot take: one line naming the field and what is wrong."""

    @property
    def problem(self) -> str:
        """What is wrong as a sentence of its own, for a form that already shows the field."""
        text = self.lines[0].split(": ", 1)[-1]
        return f"{text[:1].upper()}{text[1:]}."


def _validated(model: type[Model], data: dict[str, Any], field: str) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join([field, *(str(part) for part in first["loc"])]) if first["loc"] else field
        raise EditError(f"{where}: {first['msg'].removeprefix('Value error, ')}") from None


def _blank_is_none(text: str | None) -> str | None:
    return text if text is not None and text.strip() else None


def _task_index(spec: RoleSpec, index: int) -> None:
    if not 0 <= index < len(spec.tasks):
        raise EditError(f"tasks[{index + 1}]: there is no task {index + 1} (the spec has {len(spec.tasks)})")


# ------------------------------------------------------------------ parsing what is typed


def parse_weeks(text: str) -> float | None:
    """Weeks exactly as typed (a decimal comma allowed), or None if not a valid number of weeks."""
    weeks = parse_number(text.strip().replace(",", "."))
    if weeks is None or not 0 < weeks <= MAX_TASK_WEEKS:
        return None
    return weeks


def parse_amount(text: str) -> float | None:
    """An amount exactly as typed (thousands separators allowed), or None."""
    amount = parse_number(text.replace(",", "").replace("_", ""))
    return amount if amount is not None and amount <= MAX_PAY else None


# ------------------------------------------------------------------ company and team


def set_company_name(spec: RoleSpec, name: str) -> RoleSpec:
    company = _validated(Company, {**spec.company.model_dump(), "name": name}, "company")
    return spec.model_copy(update={"company": company})


def set_stage(spec: RoleSpec, stage: str) -> RoleSpec:
    company = _validated(Company, {**spec.company.model_dump(), "stage": stage}, "company")
    return spec.model_copy(update={"company": company})


def set_mission(spec: RoleSpec, mission: str | None) -> RoleSpec:
    """A blank mission is no mission: the description then uses the archetype's."""
    return _set_role(spec, mission=_blank_is_none(mission))


def set_team(spec: RoleSpec, archetypes: Iterable[str]) -> RoleSpec:
    """Who is on the ML team, kept in the archetypes' order, each once."""
    chosen = set(archetypes)
    unknown = sorted(chosen - set(ARCHETYPES))
    if unknown:
        raise EditError(f"team.current: '{unknown[0]}' is not one of: {', '.join(ARCHETYPES)}")
    team = _validated(
        Team,
        {**spec.team.model_dump(), "current": [a for a in ARCHETYPES if a in chosen]},
        "team",
    )
    return spec.model_copy(update={"team": team})


def set_next_failure(spec: RoleSpec, failure: str | None) -> RoleSpec:
    team = _validated(Team, {**spec.team.model_dump(), "next_failure": failure}, "team")
    return spec.model_copy(update={"team": team})


# ------------------------------------------------------------------ tasks


def add_task(spec: RoleSpec, text: str, weeks: float, outcome: str | None = None) -> RoleSpec:
    """A new task at the end of the list."""
    number = len(spec.tasks) + 1
    task = _validated(Task, {"text": text, "weeks": weeks, "outcome": _blank_is_none(outcome)}, f"tasks[{number}]")
    return spec.model_copy(update={"tasks": [*spec.tasks, task]})


def _replace_task(spec: RoleSpec, index: int, **changes: Any) -> RoleSpec:
    _task_index(spec, index)
    task = spec.tasks[index]
    updated = _validated(Task, {**task.model_dump(exclude_none=True), **changes}, f"tasks[{index + 1}]")
    if updated == task:
        return spec
    tasks = list(spec.tasks)
    tasks[index] = updated
    return spec.model_copy(update={"tasks": tasks})


def edit_task(spec: RoleSpec, index: int, text: str, weeks: float) -> RoleSpec:
    """The task's text and weeks as typed; weeks the lead sets are no longer rolescope's estimate."""
    _task_index(spec, index)
    task = spec.tasks[index]
    estimated = task.estimated if weeks == task.weeks else None
    return _replace_task(spec, index, text=text, weeks=weeks, estimated=estimated)


def set_task_outcome(spec: RoleSpec, index: int, outcome: str | None) -> RoleSpec:
    """A blank outcome is none: the description then drafts one from the task."""
    return _replace_task(spec, index, outcome=_blank_is_none(outcome))


def set_task_archetype(spec: RoleSpec, index: int, archetype: str | None) -> RoleSpec:
    """The lead's archetype for the task (it wins over the classifier); None gives it back."""
    return _replace_task(spec, index, archetype=archetype)


def cycle_task_archetype(spec: RoleSpec, index: int) -> RoleSpec:
    """The next of: the classifier's reading, researcher, developer, operator."""
    _task_index(spec, index)
    current = OVERRIDE_CYCLE.index(spec.tasks[index].archetype)
    return set_task_archetype(spec, index, OVERRIDE_CYCLE[(current + 1) % len(OVERRIDE_CYCLE)])


def remove_task(spec: RoleSpec, index: int) -> RoleSpec:
    _task_index(spec, index)
    return spec.model_copy(update={"tasks": [task for position, task in enumerate(spec.tasks) if position != index]})


def move_task(spec: RoleSpec, index: int, offset: int) -> RoleSpec:
    """The task swapped with the one `offset` places away (-1 up, 1 down); past either end, no change."""
    _task_index(spec, index)
    target = index + offset
    if not 0 <= target < len(spec.tasks):
        return spec
    tasks = list(spec.tasks)
    tasks[index], tasks[target] = tasks[target], tasks[index]
    return spec.model_copy(update={"tasks": tasks})


# ------------------------------------------------------------------ the verdict and the description


def _set_role(spec: RoleSpec, **changes: Any) -> RoleSpec:
    role = _validated(Role, {**spec.role.model_dump(), **changes}, "role")
    return spec.model_copy(update={"role": role})


def set_title(spec: RoleSpec, title: str | None) -> RoleSpec:
    """The spec's own title; blank means the recommended one."""
    return _set_role(spec, title=_blank_is_none(title))


def set_location(spec: RoleSpec, location: str | None) -> RoleSpec:
    return _set_role(spec, location=_blank_is_none(location))


def set_skills(spec: RoleSpec, key: str, lines: Iterable[str]) -> RoleSpec:
    """Must-have or nice-to-have skills, one a line: each trimmed, blank lines dropped."""
    if key not in ("must_have", "nice_to_have"):
        raise EditError(f"role.{key}: not a list of skills (must_have or nice_to_have)")
    return _set_role(spec, **{key: [line.strip() for line in lines if line.strip()]})


def set_pay(
    spec: RoleSpec, low: float | None, high: float | None, currency: str = "USD", period: str = "year"
) -> RoleSpec:
    """The pay range; an end that is None was not a number (see parse_amount). The
    messages are the ones the description step shows."""
    currency = currency.strip().upper()
    if low is None or high is None or not (0 <= low <= MAX_PAY and 0 <= high <= MAX_PAY):
        raise EditError(
            f"role.pay: give both ends of the pay range as plain numbers (at most {format_number(MAX_PAY)})"
        )
    if high < low:
        raise EditError("role.pay.max: the maximum is below the minimum")
    if len(currency) != 3 or not currency.isalpha() or not currency.isascii():
        raise EditError("role.pay.currency: the currency is a three-letter code such as USD or EUR")
    pay = _validated(Pay, {"min": low, "max": high, "currency": currency, "period": period}, "role.pay")
    return spec.model_copy(update={"role": spec.role.model_copy(update={"pay": pay})})


def clear_pay(spec: RoleSpec) -> RoleSpec:
    return _set_role(spec, pay=None)


# ------------------------------------------------------------------ the interview


def set_assessment(spec: RoleSpec, key: str, text: str | None, default: str | None = None) -> RoleSpec:
    """One part of the assessment plan. Blank, or the archetype's own `default`, is no
    override: the spec keeps following the preset."""
    if key not in ASSESSMENT_KEYS:
        raise EditError(f"interview.{key}: not a part of the plan ({', '.join(ASSESSMENT_KEYS)})")
    value = text if text is not None and text.strip() and text != default else None
    interview = _validated(Interview, {**spec.interview.model_dump(), key: value}, "interview")
    return spec.model_copy(update={"interview": interview})


def reset_interview(spec: RoleSpec) -> RoleSpec:
    """The archetype's plan and loop again: no overrides, no stages of the spec's own."""
    return spec.model_copy(update={"interview": Interview()})


def _with_stages(spec: RoleSpec, stages: list[InterviewStage]) -> RoleSpec:
    interview = _validated(
        Interview,
        {**spec.interview.model_dump(exclude={"stages"}), "stages": [stage.model_dump() for stage in stages]},
        "interview",
    )
    return spec.model_copy(update={"interview": interview})


def _stage_row(loop: list[InterviewStage], row: int) -> None:
    if not 0 <= row < len(loop):
        raise EditError(f"interview.stages[{row + 1}]: there is no stage {row + 1} (the loop has {len(loop)})")


# Each stage edit takes `loop`, the loop on screen (the spec's own stages, else the
# archetype's), and makes the changed loop the spec's own.


def add_stage(spec: RoleSpec, loop: list[InterviewStage], row: int) -> tuple[RoleSpec, int]:
    """A new 45-minute stage after `row`, of the first kind the loop does not use yet;
    the spec and where the new stage is."""
    stages = list(loop)
    used = {stage.kind for stage in stages}
    kind = next((kind for kind in STAGE_KINDS if kind not in used), "scenario")
    at = min(row + 1, len(stages)) if stages else 0
    stages.insert(at, _validated(InterviewStage, {"kind": kind, "minutes": NEW_STAGE_MINUTES}, "interview.stages"))
    return _with_stages(spec, stages), at


def remove_stage(spec: RoleSpec, loop: list[InterviewStage], row: int) -> RoleSpec:
    _stage_row(loop, row)
    return _with_stages(spec, [stage for position, stage in enumerate(loop) if position != row])


def _replace_stage(spec: RoleSpec, loop: list[InterviewStage], row: int, **changes: Any) -> RoleSpec:
    _stage_row(loop, row)
    stages = list(loop)
    stages[row] = _validated(
        InterviewStage, {**loop[row].model_dump(exclude_none=True), **changes}, f"interview.stages[{row + 1}]"
    )
    return _with_stages(spec, stages)


def cycle_stage_kind(spec: RoleSpec, loop: list[InterviewStage], row: int) -> RoleSpec:
    _stage_row(loop, row)
    kind = STAGE_KINDS[(STAGE_KINDS.index(loop[row].kind) + 1) % len(STAGE_KINDS)]
    return _replace_stage(spec, loop, row, kind=kind)


def toggle_take_home(spec: RoleSpec, loop: list[InterviewStage], row: int) -> RoleSpec:
    _stage_row(loop, row)
    return _replace_stage(spec, loop, row, take_home=not loop[row].take_home)


def change_stage_minutes(spec: RoleSpec, loop: list[InterviewStage], row: int, steps: int) -> RoleSpec:
    """Longer (steps > 0) or shorter by 15 minutes a step, kept between 15 minutes and a working day."""
    _stage_row(loop, row)
    minutes = max(MINUTES_STEP, min(MAX_STAGE_MINUTES, loop[row].minutes + steps * MINUTES_STEP))
    return _replace_stage(spec, loop, row, minutes=minutes)


def move_stage(spec: RoleSpec, loop: list[InterviewStage], row: int, offset: int) -> RoleSpec:
    """The stage swapped with the one `offset` places away; past either end, no change."""
    _stage_row(loop, row)
    target = row + offset
    if not 0 <= target < len(loop):
        return spec
    stages = list(loop)
    stages[row], stages[target] = stages[target], stages[row]
    return _with_stages(spec, stages)
