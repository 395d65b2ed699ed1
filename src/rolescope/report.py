"""The recommendation as data ready to show: every sentence about the verdict is
worded here once, and the terminal report, `recommend --json`, the wizard and
the job description read it. Renderers format a Report; they decide nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rolescope.catalog import Catalog
from rolescope.classify import Classification
from rolescope.interview_kit import InterviewKit
from rolescope.notes import Note
from rolescope.numbers import format_number
from rolescope.recommend import Recommendation, TaskResult
from rolescope.spec import RoleSpec
from rolescope.values import valueclass
from rolescope.wording import join_words, pct, weeks_text

# What to hire, as the lead reads it at the top of every view of the verdict.
VERDICTS = {
    "engineer": "an engineer, curious about ML",
    "phd": "a research-trained person (PhD-level), with engineering support",
    "split": "two roles: split this req",
}


@valueclass
class InterviewLoop:
    """One role's interview loop as the report shows it: each stage's name, length
    and question, from the kit `export` writes for that role."""

    heading: str  # "Interview loop for the Senior ML reliability engineer"
    summary: str  # "4 stages, 195 minutes of interviews."
    stages: tuple[tuple[str, str, str], ...]  # (name, length, question)


def interview_loops(kits: Sequence[InterviewKit]) -> tuple[InterviewLoop, ...]:
    return tuple(
        InterviewLoop(
            f"Interview loop for the {kit.role}",
            kit.summary,
            tuple((stage.name, stage.length, stage.question) for stage in kit.stages),
        )
        for kit in kits
    )


@valueclass
class GaugeSegment:
    kind: str  # engineering | research
    share: float
    label: str


@valueclass
class Gauge:
    """The engineering-versus-research bar, with the marks of a clear verdict."""

    segments: tuple[GaugeSegment, GaugeSegment]
    marks: tuple[float, float]  # shares where the verdict becomes clear, e.g. 0.2 and 0.8

    @property
    def engineering_share(self) -> float:
        return self.segments[0].share

    def cells(self, width: int) -> tuple[int, list[int]]:
        """How many of `width` cells are engineering, and where the marks sit: every
        drawing of the gauge uses this, so they agree to the cell."""
        return round(self.engineering_share * width), [round(width * mark) for mark in self.marks]


@valueclass
class TaskRow:
    number: int
    archetype: str
    flag: str  # "set" (archetype chosen by the lead), "vague", or the confidence: "87%", unsure "?42%"
    weeks: float
    text: str
    phd_worthy: bool
    estimated: bool = False  # the weeks are rolescope's estimate (an imported posting gave none)
    state: str = "sure"  # set | vague | unsure | sure

    @property
    def counted(self) -> bool:
        return self.state != "vague"


# The verdict in a few words, for the one-line headline every wizard step shows.
SHORT_VERDICTS = {
    "engineer": "hire an engineer",
    "phd": "hire a research-trained person",
    "split": "two roles in one",
}


@valueclass
class Headline:
    """The verdict in one line. With too little classified work there is no verdict,
    only what to rewrite; mostly data pipelines and no model says so plainly."""

    kind: str  # verdict | split | no-signal | data-engineering
    verdict: str  # "hire an engineer", or "not enough signal" instead of one
    strength: str | None  # "clear", "leaning research"; None without a verdict
    title: str | None  # the title, or both of a split's joined by " + "; None without a verdict
    advice: str | None  # what to do instead of trusting a verdict
    unclassified: str | None  # "unclassified, 16 weeks": vague tasks, left out of the shares


def confidence_flag(classification: Classification) -> str:
    """ "87%", or "?42%" when the classifier is unsure: the mark reads without colour."""
    return f"{'?' if classification.unsure else ''}{round(classification.confidence * 100)}%"


def task_problems(r: Recommendation, number: int) -> list[str]:
    """What is wrong with task `number` (1-based) and how to fix it: the recommendation's
    warnings about it, then whether its archetype needs the lead's eye."""
    problems = [note.message for note in r.notes if note.task == number]
    item = r.tasks[number - 1]
    if item.unsure:
        problems.append(
            f"Task {number} is unsure: it reads as {item.archetype} work at only "
            f"{round(item.classification.confidence * 100)}%. Check its archetype and set it if that is wrong, "
            "or say more about what gets built, run or decided."
        )
    return problems


def task_row(item: TaskResult) -> TaskRow:
    """One task as every view lists it: its archetype and how sure, in words that read
    without colour (a "?" before an unsure confidence)."""
    c = item.classification
    if c.overridden:
        state, flag = "set", "set"
    elif not item.counted:
        state, flag = "vague", "vague"
    else:
        state = "unsure" if item.unsure else "sure"
        flag = confidence_flag(c) if item.unsure else f"{round(c.confidence * 100)}%"
    return TaskRow(
        number=item.number,
        archetype=item.archetype,
        flag=flag,
        weeks=item.task.weeks,
        text=item.task.text,
        phd_worthy=bool(item.phd_reasons),
        estimated=bool(item.task.estimated),
        state=state,
    )


def numbers_text(numbers: tuple[int, ...] | list[int]) -> str:
    """ "task 3", "tasks 1 and 2", "tasks 1, 4 and 6"."""
    return f"task{'s' if len(numbers) > 1 else ''} {join_words([str(number) for number in numbers])}"


def build_headline(r: Recommendation) -> Headline:
    vague = tuple(item.number for item in r.vague_tasks)
    unclassified = f"unclassified, {weeks_text(r.unclassified_weeks)}" if vague else None
    if not r.enough_signal:
        return Headline(
            "no-signal",
            "not enough signal",
            None,
            None,
            f"{format_number(r.unclassified_weeks)} of {weeks_text(r.planned_weeks)} are too vague, "
            f"rewrite {numbers_text(vague)}",
            unclassified,
        )
    if r.data_engineering:
        return Headline(
            "data-engineering", "hire a data engineer, not an ML hire", r.strength_label, r.title, None, unclassified
        )
    if r.split:
        titles = " + ".join(role.title for role in r.split)
        return Headline("split", SHORT_VERDICTS["split"], r.strength_label, titles, None, unclassified)
    return Headline("verdict", SHORT_VERDICTS[r.hire], r.strength_label, r.title, None, unclassified)


@valueclass
class Report:
    company: str
    stage: str
    planned: str  # "24 of 26 weeks planned"
    hire: str
    verdict: str
    strength: float
    strength_label: str
    gauge: Gauge
    shares: tuple[tuple[str, str], ...]  # (archetype, "40%")
    title: str | None  # None on a split: each role has its own
    recommended_title: str | None  # shown only when the spec's title differs
    archetype_line: str | None
    split_roles: tuple[str, ...]
    team: tuple[str, ...]
    tasks: tuple[TaskRow, ...]  # the tasks counted in the split
    unclassified: tuple[TaskRow, ...]  # vague tasks, left out until rewritten
    unclassified_weeks: float
    unsure: tuple[int, ...]  # numbers of tasks whose archetype the lead should check
    interviews: tuple[InterviewLoop, ...]  # one per role; none unless asked for
    funnel: tuple[str, ...]
    warnings: tuple[Note, ...]
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The parts of the report that `recommend --json` adds to the recommendation."""
        return {
            "verdict": self.verdict,
            "gauge": {
                "segments": [{"kind": s.kind, "share": s.share, "label": s.label} for s in self.gauge.segments],
                "marks": list(self.gauge.marks),
            },
            "notes": [{"message": note.message, "task": note.task, "field": note.field} for note in self.warnings],
        }


def build_report(
    spec: RoleSpec, recommendation: Recommendation, catalog: Catalog, kits: Sequence[InterviewKit] = ()
) -> Report:
    """The report; `kits` are the interview kits of the roles to publish (the terminal
    report shows their loops; the JSON leaves them to `export`)."""
    r = recommendation
    clear = catalog.thresholds.verdict.clear_share
    gauge = Gauge(
        (
            GaugeSegment("engineering", r.engineering_share, f"engineering {pct(r.engineering_share)}"),
            GaugeSegment("research", r.research_share, f"{pct(r.research_share)} research"),
        ),
        (round(1 - clear, 4), clear),
    )
    title = recommended = archetype_line = None
    split_roles: tuple[str, ...] = ()
    if r.split:
        split_roles = tuple(
            f"{role.title}: {role.archetype}, {format_number(role.weeks)} weeks ({pct(role.share)}), "
            f"tasks {', '.join(str(number) for number in role.task_numbers)}"
            for role in r.split
        )
    else:
        title = r.title
        recommended = r.recommended_title if r.title != r.recommended_title else None
        info = catalog.archetypes[r.hire_archetype]
        archetype_line = f"{info.name.lower()}: prevents {catalog.failures[info.prevents].label}"

    rows = tuple(task_row(item) for item in r.tasks if item.counted)
    return Report(
        company=spec.company.name,
        stage=catalog.stages[spec.company.stage].name.lower(),
        planned=f"{format_number(r.total_weeks)} of {format_number(r.weeks_available)} weeks planned",
        hire=r.hire,
        verdict=VERDICTS[r.hire],
        strength=r.strength,
        unclassified=tuple(task_row(item) for item in r.vague_tasks),
        unclassified_weeks=r.unclassified_weeks,
        unsure=tuple(item.number for item in r.unsure_tasks),
        strength_label=r.strength_label,
        gauge=gauge,
        shares=tuple((archetype, pct(share)) for archetype, share in r.shares.items()),
        title=title,
        recommended_title=recommended,
        archetype_line=archetype_line,
        split_roles=split_roles,
        team=r.team.sentences,
        tasks=rows,
        interviews=interview_loops(kits),
        funnel=r.funnel,
        warnings=r.notes,
        reasons=r.reasons,
    )
