"""The job description as a document the core decides: sections of items, each
item saying where in the spec it came from, what was cut and why, and findings
for the lead. Markdown, plain text and HTML only render it (`jd.py`,
`jd_text.py`, `jd_html.py`); the linter checks what they render.

All text here is plain: each renderer escapes it for its own format.
"""

from __future__ import annotations

from rolescope.catalog import Catalog
from rolescope.classify import classify_text
from rolescope.findings import Finding
from rolescope.numbers import exact_sum, format_number
from rolescope.recommend import Recommendation, TaskResult
from rolescope.spec import RoleSpec
from rolescope.textmatch import raw_words
from rolescope.values import field, valueclass
from rolescope.verdict import ENGINEERING
from rolescope.wording import format_pay, join_words


@valueclass
class Source:
    """Where an item came from: a spec field ("tasks[3].outcome", "role.must_have[2]"),
    or a preset ("presets:archetypes.developer.owns")."""

    field: str
    task: int | None = None  # 1-based

    @property
    def from_spec(self) -> bool:
        return not self.field.startswith("presets:")


@valueclass
class Item:
    text: str
    source: Source
    label: str | None = None  # a lead-in such as "Technical exercise"
    drafted: bool = False  # worded by rolescope because the spec had no text for it


@valueclass
class Section:
    key: str  # mission | outcomes | owns | support | must_have | nice_to_have | interview | pay
    heading: str
    items: tuple[Item, ...]
    style: str = "bullets"  # paragraph | bullets | numbered
    intro: str | None = None


@valueclass
class Cut:
    """Something the spec holds that the description leaves out, and why."""

    text: str
    source: Source
    reason: str


@valueclass
class JobDocument:
    title: str
    company: str
    sections: tuple[Section, ...]
    cuts: tuple[Cut, ...] = ()
    findings: tuple[Finding, ...] = field(default=())

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)


def possessive(name: str) -> str:
    """English possessive of a name: "Acme Rockets'" but "Lumen Docs'" and "Acme's"."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def build_document(
    spec: RoleSpec,
    recommendation: Recommendation,
    catalog: Catalog,
    *,
    partner_title: str | None = None,
    task_numbers: tuple[int, ...] | None = None,
    as_one: bool = False,
) -> JobDocument:
    """Decide the description. `partner_title` names the other role when `spec` is
    one half of a split, and `task_numbers` the numbers its tasks have in the spec
    the lead wrote (findings and sources use those); `as_one` marks a split verdict
    published as one posting."""
    r = recommendation
    numbers = dict(enumerate(task_numbers or (), start=1))
    settings = catalog.jd
    headings = settings.sections
    findings = [Finding("recommend", "warning", note.message, task=note.task, field=note.field) for note in r.notes]
    cuts: list[Cut] = []
    if r.split and as_one:
        roles = join_words([role.title for role in r.split])
        findings.append(
            Finding(
                "as-one",
                "warning",
                f"The verdict is two roles ({roles}) but this is one posting for both: "
                "export without --as-one writes each role its own description",
            )
        )
    sections = [Section("mission", headings.mission, (_mission(spec, r, catalog),), style="paragraph")]
    outcome_items = _outcomes(spec, r, catalog, cuts, findings, numbers)
    sections.append(Section("outcomes", headings.outcomes, tuple(outcome_items)))
    sections.append(Section("owns", headings.owns, tuple(_ownership(r, catalog))))
    if r.hire_archetype == "researcher" and not as_one:
        sections.append(
            Section("support", headings.support, (_support(spec, catalog, partner_title),), style="paragraph")
        )
    must, nice = _skills(spec, r, catalog, cuts, numbers)
    sections.append(Section("must_have", headings.must_have, tuple(must)))
    sections.append(Section("nice_to_have", headings.nice_to_have, tuple(nice)))
    sections.append(
        Section(
            "interview",
            headings.interview,
            tuple(_interview(spec, r, catalog)),
            style="numbered",
            intro=settings.interview.intro,
        )
    )
    pay_items = []
    if spec.role.pay:
        pay_items.append(Item(format_pay(spec.role.pay), Source("role.pay"), label="Pay"))
    if spec.role.location:
        pay_items.append(Item(spec.role.location, Source("role.location"), label="Location"))
    if pay_items:
        sections.append(Section("pay", headings.pay, tuple(pay_items)))
    return JobDocument(
        title=r.title,
        company=spec.company.name,
        sections=tuple(section for section in sections if section.items),
        cuts=tuple(cuts),
        findings=tuple(findings),
    )


def _mission(spec: RoleSpec, r: Recommendation, catalog: Catalog) -> Item:
    if spec.role.mission:
        return Item(spec.role.mission, Source("role.mission"))
    info = catalog.archetypes[r.hire_archetype]
    # A company with no model in production gets a mission without "its models".
    first_model = spec.company.stage == "pre-product" and info.mission_first_model
    template = info.mission_first_model if first_model and info.mission_first_model else info.mission
    key = "mission_first_model" if first_model else "mission"
    name = spec.company.name
    text = template.replace("{company}'s", possessive(name)).replace("{company}", name)
    return Item(text, Source(f"presets:archetypes.{r.hire_archetype}.{key}"), drafted=True)


def _week_done(spec: RoleSpec, index: int) -> float:
    """When a task ends if the plan runs in the order the lead wrote it."""
    return exact_sum(task.weeks for task in spec.tasks[: index + 1])


def unpublishable(text: str, catalog: Catalog) -> str | None:
    """Why a task line cannot be published as it stands (shorthand, hype, too short),
    or None. The wording rules are the linter's, so what is drafted lints clean."""
    from rolescope.lint import wording_findings

    settings = catalog.jd.outcomes
    lowered = [word.lower() for word in raw_words(text)]
    marks = [mark for mark in settings.shorthand if mark in lowered or (not mark.isalnum() and mark in text.lower())]
    if marks:
        return f"it is shorthand (“{marks[0]}”)"
    if len(lowered) < settings.min_words:
        return f"it is a note of {len(lowered)} word{'s' if len(lowered) != 1 else ''}, not a duty"
    wording = [finding for finding in wording_findings(text, catalog) if finding.at_least("warning")]
    if wording:
        return wording[0].message
    return None


def _outcomes(
    spec: RoleSpec,
    r: Recommendation,
    catalog: Catalog,
    cuts: list[Cut],
    findings: list[Finding],
    numbers: dict[int, int],
) -> list[Item]:
    """At most `most` outcomes: the largest tasks by weeks, in the order written. A task's
    own outcome is used; otherwise one is drafted from a concrete task and a finding
    asks for a measurable target. Vague tasks and shorthand are never published."""
    settings = catalog.jd.outcomes
    usable: list[TaskResult] = []
    for item in r.tasks:
        number = numbers.get(item.number, item.number)
        source = Source(f"tasks[{number}].text", task=number)
        if item.task.outcome:
            usable.append(item)
        elif classify_text(item.task.text, catalog).vague:
            # Vague even where the lead chose its archetype: the text names nothing owned.
            cuts.append(Cut(item.task.text, source, "too vague to publish: it names nothing owned"))
            if item.classification.overridden:  # recommend does not warn about it then
                findings.append(
                    Finding(
                        "vague-task",
                        "warning",
                        f"Task {number} is too vague to publish (“{item.task.text}”): say what gets built, run or decided",
                        task=number,
                        field=f"tasks[{number}].text",
                    )
                )
        else:
            why = unpublishable(item.task.text, catalog)
            if why is None:
                usable.append(item)
            else:
                cuts.append(Cut(item.task.text, source, why))
                findings.append(
                    Finding(
                        "unpublishable-task",
                        "warning",
                        f"Task {number} is not published as an outcome: {why}; "
                        f"write it out, or give it an outcome (tasks[{number}].outcome)",
                        task=number,
                        field=f"tasks[{number}].text",
                    )
                )
    ranked = sorted(usable, key=lambda item: (-item.task.weeks, item.number))
    chosen = sorted(ranked[: settings.most], key=lambda item: item.number)
    for item in ranked[settings.most :]:
        number = numbers.get(item.number, item.number)
        cuts.append(
            Cut(
                item.task.outcome or item.task.text,
                Source(f"tasks[{number}]", task=number),
                f"only the {settings.most} largest tasks become outcomes",
            )
        )
    items = []
    for item in chosen:
        number = numbers.get(item.number, item.number)
        if item.task.outcome:
            items.append(Item(item.task.outcome, Source(f"tasks[{number}].outcome", task=number)))
            continue
        week = format_number(_week_done(spec, item.number - 1))
        text = settings.drafted.replace("{task}", item.task.text.strip().rstrip(".")).replace("{week}", week)
        items.append(Item(text, Source(f"tasks[{number}].text", task=number), drafted=True))
        findings.append(
            Finding(
                "drafted-outcome",
                "info",
                f"Task {number} has no outcome, so the description drafts one from the task; "
                f"add a measurable target as tasks[{number}].outcome",
                task=number,
                field=f"tasks[{number}].outcome",
            )
        )
    return items


def _ownership(r: Recommendation, catalog: Catalog) -> list[Item]:
    """What the person owns: the hire's archetype first, then any other engineering
    archetype with a real share (production work leads for engineering hires)."""
    order = [r.hire_archetype]
    if r.hire == "engineer":
        order += [a for a in ENGINEERING if a not in order and r.shares[a] >= 0.2]
    elif r.hire == "phd":
        order += [a for a in ENGINEERING if a not in order and r.shares[a] >= 0.25]
    items: list[Item] = []
    for archetype in order:
        owns = catalog.archetypes[archetype].owns
        source = Source(f"presets:archetypes.{archetype}.owns")
        items += [Item(line, source) for line in (owns if archetype == order[0] else owns[:2])]
    return items


def _support(spec: RoleSpec, catalog: Catalog, partner_title: str | None) -> Item:
    """A research hire's posting says what engineering support they get."""
    settings = catalog.jd.support
    engineers = [archetype for archetype in dict.fromkeys(spec.team.current) if archetype in ENGINEERING]
    if partner_title:
        return Item(settings.partner.replace("{title}", partner_title), Source("split"))
    if engineers:
        members = join_words([f"{catalog.archetypes[a].name.lower()}s" for a in engineers])
        return Item(settings.team.replace("{members}", members), Source("team.current"))
    return Item(settings.none, Source("team.current"), drafted=True)


def _skills(
    spec: RoleSpec, r: Recommendation, catalog: Catalog, cuts: list[Cut], numbers: dict[int, int]
) -> tuple[list[Item], list[Item]]:
    engineering = r.hire_archetype != "researcher"
    lists: list[list[Item]] = []
    for key in ("must_have", "nice_to_have"):
        own: list[str] = getattr(spec.role, key)
        items: list[Item] = []
        for number, skill in enumerate(own, start=1):
            source = Source(f"role.{key}[{number}]")
            if engineering and catalog.matchers.asks_for_credentials(skill):
                # An engineering hire is not asked for research credentials.
                cuts.append(Cut(skill, source, "research credentials asked of an engineering hire"))
            else:
                items.append(Item(skill, source))
        if not own:
            items = _skills_from_preset_and_tasks(key, r, catalog, numbers)
        lists.append(items)
    return lists[0], lists[1]


def _skills_from_preset_and_tasks(key: str, r: Recommendation, catalog: Catalog, numbers: dict[int, int]) -> list[Item]:
    """With no skills in the spec: a few of the archetype's core skills, then the work
    the tasks themselves name, so two specs of different domains read differently."""
    settings = catalog.jd.skills
    info = catalog.archetypes[r.hire_archetype]
    preset: list[str] = getattr(info, key)
    engineering = r.hire_archetype != "researcher"
    source = Source(f"presets:archetypes.{r.hire_archetype}.{key}")
    lines = [line for line in preset if not (engineering and catalog.matchers.asks_for_credentials(line))]
    if key == "nice_to_have":
        return [Item(line, source) for line in lines]
    items = [Item(line, source) for line in lines[: settings.from_preset]]
    own_kind = [
        item for item in r.tasks if (item.archetype != "researcher") == engineering and not item.classification.vague
    ]
    terms: list[str] = []
    found_in: list[int] = []
    for item in sorted(own_kind, key=lambda item: (-item.task.weeks, item.number)):
        for evidence in item.classification.evidence:
            if evidence.archetype == item.archetype and evidence.text.lower() not in {t.lower() for t in terms}:
                terms.append(evidence.text)
                found_in.append(numbers.get(item.number, item.number))
    if terms:
        chosen = terms[: settings.most_terms]
        tasks = ",".join(str(number) for number in sorted(set(found_in[: settings.most_terms])))
        items.append(
            Item(
                settings.from_tasks.replace("{work}", join_words(chosen)),
                Source(f"tasks[{tasks}]"),
                drafted=True,
            )
        )
    return items


def _interview(spec: RoleSpec, r: Recommendation, catalog: Catalog) -> list[Item]:
    """The loop, stage by stage: the spec's own stages (else the archetype's loop),
    each with what the candidate meets there. Lengths and take-home work are said
    only when the spec sets them, so the posting promises nothing the lead did not.
    The operational check is the interviewers' yardstick, so candidates read what
    the production conversation is about instead."""
    from rolescope.interview_kit import loop_stages, stage_name

    kit_labels = catalog.interview.kit.labels
    archetype = r.hire_archetype
    prompt_stage = catalog.interview.prompt_stage.get(archetype)
    own = bool(spec.interview.stages)
    items = []
    prompt_used = False
    for index, stage in enumerate(loop_stages(spec, r, catalog), start=1):
        if stage.kind == "exercise":
            key = "technical_exercise"
            text = r.assessment[key]
            source = (
                Source(f"interview.{key}")
                if spec.interview.technical_exercise
                else Source(f"presets:archetypes.{archetype}.assessment.{key}")
            )
        elif stage.kind == prompt_stage and not prompt_used:
            prompt_used = True
            key = "interview_prompt"
            text = r.assessment[key]
            source = (
                Source(f"interview.{key}")
                if spec.interview.interview_prompt
                else Source(f"presets:archetypes.{archetype}.assessment.{key}")
            )
        elif stage.kind == "conversation":
            text = catalog.archetypes[archetype].candidate_check
            source = Source(f"presets:archetypes.{archetype}.candidate_check")
        else:
            text = catalog.interview.kinds[stage.kind].tests
            source = Source(f"presets:interview.kinds.{stage.kind}.tests")
        if own:
            length = kit_labels.take_home if stage.take_home else kit_labels.length
            text = f"{text} ({length.replace('{minutes}', str(stage.minutes))})"
            source = Source(f"interview.stages[{index}]")
        items.append(Item(text, source, label=stage_name(stage, catalog)))
    items += [Item(line, Source("presets:jd.interview.closing")) for line in catalog.jd.interview.closing]
    return items
