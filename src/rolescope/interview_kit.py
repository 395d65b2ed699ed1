"""The interview kit: the loop's stages, each with its question, what it tests, the
scorecard attributes tied to the spec's own tasks, and what a strong and a weak
answer look like. Decided here from the spec and its recommendation; `kit_render`
only formats it, as the job description's renderers do.

Questions come from the work: a broken-production scenario from the operator
tasks, a design question from the developer tasks, a research review from the
researcher tasks, so two specs of different domains get different kits. The lead's
own interview lines win over what is drawn from the tasks.

All text here is plain: each renderer escapes it for its own format.
"""

from __future__ import annotations

from rolescope.catalog import Catalog, KitKind, KitLabels
from rolescope.document import possessive
from rolescope.recommend import Recommendation, TaskResult
from rolescope.spec import InterviewStage, RoleSpec
from rolescope.textmatch import raw_words
from rolescope.values import valueclass

# The archetypes whose tasks a stage's question draws on, first choice first. An
# engineering hire's scenario may come from the services they build; a research
# hire's only from production work, else it is the plan's own prompt.
_DRAWS_ON: dict[str, tuple[str, ...]] = {
    "scenario": ("operator", "developer"),
    "design": ("developer", "operator"),
    "research-review": ("researcher",),
}
_RESEARCH_DRAWS_ON: dict[str, tuple[str, ...]] = {**_DRAWS_ON, "scenario": ("operator",)}


@valueclass
class Attribute:
    """One line of the scorecard: what to judge, and the spec tasks it comes from (1-based)."""

    text: str
    tasks: tuple[int, ...] = ()


@valueclass
class KitStage:
    name: str
    kind: str
    minutes: int
    take_home: bool
    length: str  # "60 minutes", "take-home, at most 180 minutes"
    question: str
    tests: str
    attributes: tuple[Attribute, ...]
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    guide: tuple[str, ...] = ()  # how to run it, for the interviewers
    drawn_from: tuple[int, ...] = ()  # the tasks the question was drawn from


@valueclass
class InterviewKit:
    title: str
    role: str  # the title of the role the loop hires for
    company: str
    intro: str
    summary: str  # how many stages, how long
    stages: tuple[KitStage, ...]
    own_stages: bool  # the spec names its stages (else the archetype's loop)
    labels: KitLabels

    @property
    def minutes(self) -> int:
        """Minutes of interviews, take-home work not counted."""
        return sum(stage.minutes for stage in self.stages if not stage.take_home)


def loop_stages(spec: RoleSpec, recommendation: Recommendation, catalog: Catalog) -> list[InterviewStage]:
    """The loop: the spec's own stages, or the hire archetype's loop when it names none."""
    if spec.interview.stages:
        return list(spec.interview.stages)
    return list(catalog.interview.loops[recommendation.hire_archetype])


def stage_name(stage: InterviewStage, catalog: Catalog) -> str:
    return stage.name or catalog.interview.kinds[stage.kind].label


def build_kit(
    spec: RoleSpec,
    recommendation: Recommendation,
    catalog: Catalog,
    *,
    task_numbers: tuple[int, ...] | None = None,
) -> InterviewKit:
    """The kit for one role. `task_numbers` are the numbers its tasks have in the spec
    the lead wrote (for one half of a split), so attributes point at the lead's tasks."""
    r = recommendation
    numbers = dict(enumerate(task_numbers or (), start=1))
    settings = catalog.interview.kit
    stages = tuple(_stage(stage, spec, r, catalog, numbers) for stage in loop_stages(spec, r, catalog))
    labels = settings.labels
    interviews = sum(stage.minutes for stage in stages if not stage.take_home)
    summary = labels.summary.replace("{count}", str(len(stages))).replace("{minutes}", str(interviews))
    home = sum(stage.minutes for stage in stages if stage.take_home)
    if home:
        summary += " " + labels.take_home_summary.replace("{minutes}", str(home))
    return InterviewKit(
        title=settings.title.replace("{title}", r.title),
        role=r.title,
        company=spec.company.name,
        intro=settings.intro.replace("{company}'s", possessive(spec.company.name))
        .replace("{company}", spec.company.name)
        .replace("{title}", r.title),
        summary=summary,
        stages=stages,
        own_stages=bool(spec.interview.stages),
        labels=labels,
    )


def _usable(r: Recommendation, archetype: str) -> list[TaskResult]:
    """The tasks of one archetype a question can be drawn from, largest first."""
    tasks = [item for item in r.tasks if item.archetype == archetype and not item.classification.vague]
    return sorted(tasks, key=lambda item: (-item.task.weeks, item.number))


def _anchor_tasks(kind: str, r: Recommendation) -> list[TaskResult]:
    draws_on = _RESEARCH_DRAWS_ON if r.hire_archetype == "researcher" else _DRAWS_ON
    for archetype in draws_on.get(kind, (r.hire_archetype,)):
        found = _usable(r, archetype)
        if found:
            return found
    return []


# (id of the kind, task text) -> (the kind, its symptom): the same task text gets
# the same symptom, so a batch works it out once per text.
_SYMPTOMS: dict[tuple[int, str], tuple[KitKind, str]] = {}
_MEMO_TEXTS = 20_000  # a bound on memory


def _symptom(info: KitKind, text: str) -> str:
    """What went wrong: the symptom whose words come first in the task, so the
    scenario is about what the task is mostly about."""
    known = _SYMPTOMS.get((id(info), text))
    if known is not None and known[0] is info:
        return known[1]
    if len(_SYMPTOMS) >= _MEMO_TEXTS:
        _SYMPTOMS.clear()
    symptom = _find_symptom(info, text)
    _SYMPTOMS[(id(info), text)] = (info, symptom)
    return symptom


def _find_symptom(info: KitKind, text: str) -> str:
    words = [word.lower() for word in raw_words(text)]

    def first_at(terms: list[str]) -> int:
        for position, word in enumerate(words):
            for term in (term.lower() for term in terms):
                if word.startswith(term[:-1]) if term.endswith("*") else word == term:
                    return position
        return len(words)

    found = min(info.symptoms, key=lambda symptom: first_at(symptom.when), default=None)
    if found is not None and first_at(found.when) < len(words):
        return found.text
    return info.symptom or ""


def _question(
    stage: InterviewStage, info: KitKind, spec: RoleSpec, r: Recommendation, catalog: Catalog, anchors: list[TaskResult]
) -> tuple[str, TaskResult | None]:
    """The lead's own line first, then one drawn from the tasks (and that task), then the plan's."""
    if stage.kind == "exercise":
        return r.assessment["technical_exercise"], None
    if stage.kind == "conversation":
        return catalog.archetypes[r.hire_archetype].candidate_check, None
    asks_prompt = catalog.interview.prompt_stage.get(r.hire_archetype) == stage.kind
    if asks_prompt and spec.interview.interview_prompt:
        return spec.interview.interview_prompt, None
    if anchors and info.question:
        task = anchors[0].task.text.strip().rstrip(".")
        return info.question.replace("{task}", task).replace("{symptom}", _symptom(info, task)), anchors[0]
    if asks_prompt:
        return r.assessment["interview_prompt"], None
    return (info.fallback or info.tests).replace("{symptom}", info.symptom or ""), None


def _stage(
    stage: InterviewStage, spec: RoleSpec, r: Recommendation, catalog: Catalog, numbers: dict[int, int]
) -> KitStage:
    info = catalog.interview.kinds[stage.kind]
    labels = catalog.interview.kit.labels
    anchors = _anchor_tasks(stage.kind, r)
    question, drawn = _question(stage, info, spec, r, catalog, anchors)
    most = catalog.interview.kit.tasks_per_stage
    # The scorecard: one attribute per task the stage probes, in the lead's words.
    if stage.kind == "conversation":
        scored: list[TaskResult] = []
    else:
        scored = anchors if stage.kind in _DRAWS_ON else _usable(r, r.hire_archetype)
    attributes = [_attribute(item, numbers) for item in sorted(scored[:most], key=lambda item: item.number)]
    if stage.kind == "conversation":
        failure = catalog.failures[catalog.archetypes[r.hire_archetype].prevents].label
        attributes.append(Attribute(catalog.interview.kit.prevents.replace("{failure}", failure)))
    guide = []
    if stage.kind == "conversation":
        guide.append(r.assessment["operational_check"])
    if stage.take_home:
        guide.append(catalog.interview.kit.take_home.replace("{minutes}", str(stage.minutes)))
    return KitStage(
        name=stage_name(stage, catalog),
        kind=stage.kind,
        minutes=stage.minutes,
        take_home=stage.take_home,
        length=(labels.take_home if stage.take_home else labels.length).replace("{minutes}", str(stage.minutes)),
        question=question,
        tests=info.tests,
        attributes=tuple(attributes),
        strong=tuple(info.strong),
        weak=tuple(info.weak),
        guide=tuple(guide),
        drawn_from=(numbers.get(drawn.number, drawn.number),) if drawn else (),
    )


def _attribute(item: TaskResult, numbers: dict[int, int]) -> Attribute:
    """A scorecard line for one task: its outcome (else its text) and the words that
    make it this kind of work, leaving out the verb it opens with."""
    number = numbers.get(item.number, item.number)
    opening = item.task.text.lstrip().lower()
    evidence = [
        term.text
        for term in item.classification.evidence
        if term.archetype == item.archetype and not opening.startswith(term.text.lower())
    ]
    listen = f" (listen for: {', '.join(dict.fromkeys(evidence[:3]))})" if evidence else ""
    return Attribute(f"Could own task {number}: {item.task.outcome or item.task.text}{listen}", (number,))
