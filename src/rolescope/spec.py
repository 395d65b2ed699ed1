"""The role spec: what the lead writes down about the hire (schema_version 1).

Models are permissive where the wizard needs to hold a half-written spec (no
tasks yet, no company name yet); `completeness_problems` holds the rules a spec
file must meet on top of them, so the loader and the savers apply one set.
"""

# No `from __future__ import annotations`: pydantic reads these annotations as
# they are, instead of evaluating each one from text at every start.
from typing import Any, Final, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from rolescope.numbers import exact_sum, format_number

SCHEMA_VERSION: Final = 1

Archetype = Literal["researcher", "developer", "operator"]
ARCHETYPES: tuple[str, ...] = ("researcher", "developer", "operator")
Stage = Literal["pre-product", "live-model", "scaling"]
STAGES: tuple[str, ...] = ("pre-product", "live-model", "scaling")
Failure = Literal["research-fit", "delivery", "reliability"]
FAILURES: tuple[str, ...] = ("research-fit", "delivery", "reliability")
# The kinds of interview stage: what each tests is data (presets/interview.toml).
StageKind = Literal["exercise", "scenario", "design", "research-review", "conversation"]
STAGE_KINDS: tuple[StageKind, ...] = ("exercise", "scenario", "design", "research-review", "conversation")

# A stage longer than a working day is not one stage.
MAX_STAGE_MINUTES = 480

# A task is effort inside the first six months; a year per task is already absurd.
MAX_TASK_WEEKS = 52.0


class _Model(BaseModel):
    # strict: TOML has real types, so weeks = "6" is a mistake worth naming, not coercing.
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, validate_assignment=True)


def _empty() -> list[Any]:
    # Not `list` itself: pydantic inspects a factory's signature, and a builtin's is
    # parsed from text (with a regular expression compiled for it), a cost at every start.
    return []


def _not_blank(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise ValueError("must not be empty")
    return value


class Company(_Model):
    name: str = ""
    stage: Stage = "pre-product"


class Team(_Model):
    current: list[Archetype] = Field(default_factory=_empty)
    next_failure: Failure | None = None


class Pay(_Model):
    min: float = Field(ge=0, le=1e9)
    max: float = Field(ge=0, le=1e9)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    period: Literal["year", "month", "hour"] = "year"

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max < self.min:
            # As written in the file, so the lead finds them there.
            low, high = format_number(self.min, thousands=False), format_number(self.max, thousands=False)
            raise ValueError(f"max ({high}) is below min ({low})")
        return self


class Role(_Model):
    title: str | None = None
    mission: str | None = None
    location: str | None = None
    must_have: list[str] = Field(default_factory=_empty)
    nice_to_have: list[str] = Field(default_factory=_empty)
    pay: Pay | None = None

    _blank = field_validator("title", "mission", "location")(_not_blank)

    @field_validator("must_have", "nice_to_have")
    @classmethod
    def _skills_not_blank(cls, items: list[str]) -> list[str]:
        for item in items:
            if not item.strip():
                raise ValueError("skills must not be empty text")
        return items


class InterviewStage(_Model):
    """One stage of the interview loop, in the order the candidate meets them."""

    kind: StageKind
    minutes: int = Field(gt=0, le=MAX_STAGE_MINUTES)
    take_home: bool = False
    name: str | None = None  # the lead's own name for the stage; else the kind's

    _blank = field_validator("name")(_not_blank)


class Interview(_Model):
    """Overrides of the archetype's assessment plan; unset parts use the preset.
    `stages` is the loop; empty, it is derived from the recommended plan."""

    technical_exercise: str | None = None
    interview_prompt: str | None = None
    operational_check: str | None = None
    stages: list[InterviewStage] = Field(default_factory=_empty)

    _blank = field_validator("technical_exercise", "interview_prompt", "operational_check")(_not_blank)


class Task(_Model):
    text: str
    weeks: float = Field(gt=0, le=MAX_TASK_WEEKS)
    archetype: Archetype | None = None
    outcome: str | None = None
    # The weeks are rolescope's estimate (an imported posting that gave no duration),
    # not the lead's: true until the lead sets them.
    estimated: bool | None = None

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    _blank = field_validator("outcome")(_not_blank)


class RoleSpec(_Model):
    schema_version: Literal[1] = SCHEMA_VERSION
    description: str | None = None
    company: Company = Field(default_factory=Company)
    team: Team = Field(default_factory=Team)
    role: Role = Field(default_factory=Role)
    interview: Interview = Field(default_factory=Interview)
    tasks: list[Task] = Field(default_factory=_empty)

    _blank = field_validator("description")(_not_blank)

    @property
    def total_weeks(self) -> float:
        return exact_sum(task.weeks for task in self.tasks)


def completeness_problems(spec: RoleSpec) -> list[tuple[str, str]]:
    """(field, message) pairs for what a spec file needs beyond the model's types."""
    problems: list[tuple[str, str]] = []
    if not spec.company.name.strip():
        problems.append(("company.name", "is required: the company's name"))
    if not spec.tasks:
        problems.append(("tasks", "at least one [[tasks]] entry is required"))
    return problems
