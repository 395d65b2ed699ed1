"""From the tasks to the hire: shares, verdict, archetype, title, team, interview plan.

A pure function of the spec and the catalog (whose engine classifies and matches
the tasks). Every threshold comes from the catalog (`presets/recommend.toml`).
The parts are decided by modules named for them: `verdict` (which hire, how
clearly), `titles`, `teamadvice`, `notes` (warnings) and `reasons`; `report`
words the whole for every view.
"""

from __future__ import annotations

from typing import Any

from rolescope.catalog import Catalog
from rolescope.classify import Classification, classify_task
from rolescope.notes import Note, warnings_for
from rolescope.numbers import exact_sum
from rolescope.reasons import reasons_for
from rolescope.spec import ARCHETYPES, RoleSpec, Task
from rolescope.teamadvice import TeamAdvice, team_advice
from rolescope.titles import data_engineering_title, full_title, is_data_engineering
from rolescope.values import field, valueclass
from rolescope.verdict import ENGINEERING, decide, dominant
from rolescope.wording import join_words, pct, weeks_text

# Named here for the modules that read a recommendation (the wizard among them).
__all__ = [
    "ENGINEERING", "Note", "Recommendation", "SplitRole", "TaskResult", "TeamAdvice", "assessment_for",
    "classify_tasks", "join_words", "pct", "recommend", "weeks_by_archetype", "weeks_text",
]  # fmt: skip


@valueclass
class TaskResult:
    number: int  # 1-based, as shown to the lead
    task: Task
    classification: Classification
    phd_reasons: tuple[str, ...]
    phd_evidence: tuple[str, ...] = ()  # the words that showed each reason, index for index

    @property
    def archetype(self) -> str:
        return self.classification.archetype

    @property
    def counted(self) -> bool:
        """A vague task is left out of the split until the lead rewrites it (or sets its archetype)."""
        return not self.classification.vague or self.classification.overridden

    @property
    def unsure(self) -> bool:
        return self.classification.unsure and not self.classification.overridden and self.counted


@valueclass
class SplitRole:
    archetype: str
    kind: str
    title: str
    weeks: float
    share: float
    task_numbers: tuple[int, ...]
    title_reason: str = ""  # why this title: a clause that begins "because"

    def to_json(self) -> dict[str, Any]:
        return {
            "archetype": self.archetype,
            "kind": self.kind,
            "title": self.title,
            "weeks": self.weeks,
            "share": round(self.share, 4),
            "tasks": list(self.task_numbers),
        }


@valueclass
class Recommendation:
    total_weeks: float
    weeks_available: float
    weeks: dict[str, float]
    shares: dict[str, float]
    engineering_share: float
    research_share: float
    hire: str  # engineer | phd | split
    strength: float  # 0 = dead even, 1 = all one kind of work
    strength_label: str
    archetype: str  # dominant by weeks
    hire_archetype: str  # what the (larger) hire should be
    title: str  # the title used: the spec's own, else the recommended one
    recommended_title: str
    title_reason: str  # why the recommended title: a clause that begins "because", e.g. shown after it in brackets
    team: TeamAdvice
    assessment: dict[str, str]
    phd_tasks: tuple[TaskResult, ...]
    warnings: tuple[str, ...]
    reasons: tuple[str, ...]
    tasks: tuple[TaskResult, ...]
    split: tuple[SplitRole, ...] = field(default=())
    funnel: tuple[str, ...] = field(default=())
    # The warnings with their sources, in the same order as `warnings`.
    notes: tuple[Note, ...] = field(default=())
    planned_weeks: float = 0.0  # every task's weeks, vague ones included
    unclassified_weeks: float = 0.0  # weeks of vague tasks, left out of the shares
    enough_signal: bool = True
    data_engineering: bool = False  # mostly data pipelines and no model: not an ML hire
    domain: str | None = None

    @property
    def vague_tasks(self) -> tuple[TaskResult, ...]:
        return tuple(item for item in self.tasks if not item.counted)

    @property
    def unsure_tasks(self) -> tuple[TaskResult, ...]:
        return tuple(item for item in self.tasks if item.unsure)

    def to_json(self) -> dict[str, Any]:
        return {
            "engineering_share": self.engineering_share,
            "research_share": self.research_share,
            "shares": dict(self.shares),
            "weeks": dict(self.weeks),
            "total_weeks": self.total_weeks,
            "planned_weeks": self.planned_weeks,
            "unclassified_weeks": self.unclassified_weeks,
            "unclassified_tasks": [item.number for item in self.vague_tasks],
            "unsure_tasks": [item.number for item in self.unsure_tasks],
            "enough_signal": self.enough_signal,
            "data_engineering": self.data_engineering,
            "domain": self.domain,
            "weeks_available": self.weeks_available,
            "hire": self.hire,
            "strength": round(self.strength, 4),
            "strength_label": self.strength_label,
            "archetype": self.archetype,
            "hire_archetype": self.hire_archetype,
            "title": self.title,
            "recommended_title": self.recommended_title,
            "team": list(self.team.calls_for),
            "team_advice": self.team.to_json(),
            "assessment": dict(self.assessment),
            "phd_tasks": [
                {
                    "task": item.number,
                    "text": item.task.text,
                    "reasons": list(item.phd_reasons),
                    "evidence": list(item.phd_evidence),
                }
                for item in self.phd_tasks
            ],
            "split": [role.to_json() for role in self.split],
            "funnel": list(self.funnel),
            "warnings": list(self.warnings),
            "reasons": list(self.reasons),
            "tasks": [
                {
                    "task": item.number,
                    "text": item.task.text,
                    "weeks": item.task.weeks,
                    "archetype": item.archetype,
                    "kind": item.classification.kind,
                    "confidence": round(item.classification.confidence, 3),
                    "overridden": item.classification.overridden,
                    "vague": item.classification.vague,
                    "counted": item.counted,
                    "unsure": item.unsure,
                }
                for item in self.tasks
            ],
        }


def classify_tasks(spec: RoleSpec, catalog: Catalog) -> tuple[TaskResult, ...]:
    memo = catalog.matchers
    return tuple(
        TaskResult(number, task, classify_task(task, catalog), *memo.phd_found(task.text))
        for number, task in enumerate(spec.tasks, start=1)
    )


def weeks_by_archetype(results: tuple[TaskResult, ...] | list[TaskResult]) -> dict[str, float]:
    # Summed as typed, so the totals shown in full read 0.3, not 0.30000000000000004.
    weeks: dict[str, list[float]] = {archetype: [] for archetype in ARCHETYPES}
    for item in results:
        weeks[item.archetype].append(item.task.weeks)
    return {archetype: exact_sum(items) for archetype, items in weeks.items()}


def assessment_for(archetype: str, spec: RoleSpec, catalog: Catalog) -> dict[str, str]:
    plan = catalog.archetypes[archetype].assessment.model_dump()
    for key, value in spec.interview.model_dump().items():
        if value:
            plan[key] = value
    return plan


def recommend(spec: RoleSpec, catalog: Catalog) -> Recommendation:
    if not spec.tasks:
        raise ValueError("a recommendation needs at least one task")
    limits = catalog.thresholds
    results = classify_tasks(spec, catalog)
    planned = exact_sum(item.task.weeks for item in results)
    counted = tuple(item for item in results if item.counted)
    unclassified = exact_sum(item.task.weeks for item in results if not item.counted)
    enough_signal = bool(counted) and (planned - unclassified) / planned >= limits.verdict.min_classified_share
    # With nothing classified the split is only the classifier's guesses, and says so.
    basis = counted or results
    weeks = weeks_by_archetype(basis)
    total = exact_sum(weeks.values())
    shares = {archetype: round(weeks[archetype] / total, 4) for archetype in ARCHETYPES}
    research = round(weeks["researcher"] / total, 4)
    engineering = round(1 - research, 4)
    hire, strength, strength_label, hire_archetype = decide(weeks, engineering, research, limits)
    archetype = dominant(weeks)

    split: tuple[SplitRole, ...] = ()
    if hire == "split":
        research_tasks = [item for item in basis if item.archetype == "researcher"]
        engineering_tasks = [item for item in basis if item.archetype != "researcher"]
        engineering_archetype = dominant(weeks, ENGINEERING)
        roles = []
        for role_archetype, items in (("researcher", research_tasks), (engineering_archetype, engineering_tasks)):
            role_weeks = exact_sum(item.task.weeks for item in items)
            role_title, role_reason, _ = full_title(role_archetype, items, spec, catalog)
            roles.append(
                SplitRole(
                    archetype=role_archetype,
                    kind="research" if role_archetype == "researcher" else "engineering",
                    title=role_title,
                    title_reason=role_reason,
                    weeks=role_weeks,
                    share=role_weeks / total,
                    task_numbers=tuple(item.number for item in items),
                )
            )
        roles.sort(key=lambda role: -role.weeks)
        split = tuple(roles)
        hire_archetype = split[0].archetype

    data_engineering = hire == "engineer" and is_data_engineering(results, catalog)
    if data_engineering:
        recommended_title, title_reason = data_engineering_title(catalog)
        domain = None
    else:
        recommended_title, title_reason, domain = full_title(hire_archetype, basis, spec, catalog)
    title = spec.role.title or recommended_title
    hire_archetypes = tuple(role.archetype for role in split) if split else (hire_archetype,)
    stage = catalog.stages[spec.company.stage]
    if strength_label == "clear" and any(member not in stage.team for member in hire_archetypes):
        # Clear for the work, but the stage does not call for this archetype yet.
        strength_label = "leaning"
    if not enough_signal:
        strength_label = "not enough signal"
    team = team_advice(spec, hire_archetypes, catalog)
    phd_tasks = tuple(item for item in counted if item.phd_reasons)

    notes = warnings_for(
        spec, catalog, results, planned, shares, hire, hire_archetypes, recommended_title, enough_signal
    )
    reasons = reasons_for(
        spec,
        catalog,
        hire,
        hire_archetype,
        weeks,
        shares,
        engineering,
        research,
        split,
        phd_tasks,
        title,
        recommended_title,
        title_reason,
        unclassified,
        enough_signal,
        data_engineering,
    )
    return Recommendation(
        total_weeks=planned,
        weeks_available=limits.weeks.available,
        weeks=weeks,
        shares=shares,
        engineering_share=engineering,
        research_share=research,
        hire=hire,
        strength=strength,
        strength_label=strength_label,
        archetype=archetype,
        hire_archetype=hire_archetype,
        title=title,
        recommended_title=recommended_title,
        title_reason=title_reason,
        team=team,
        assessment=assessment_for(hire_archetype, spec, catalog),
        phd_tasks=phd_tasks,
        warnings=tuple(note.message for note in notes),
        reasons=tuple(reasons),
        tasks=results,
        split=split,
        funnel=tuple(catalog.archetypes[hire_archetype].funnel),
        notes=tuple(notes),
        planned_weeks=planned,
        unclassified_weeks=unclassified,
        enough_signal=enough_signal,
        data_engineering=data_engineering,
        domain=domain,
    )
