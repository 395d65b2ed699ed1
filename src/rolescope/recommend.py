"""From the tasks to the hire: shares, verdict, archetype, title, team, interview plan.

A pure function of the spec and the catalog. Every threshold comes from the
catalog (`presets/recommend.toml`); every sentence the lead reads is built here
so the command line, the wizard and the job description say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rolescope.catalog import Catalog, TitleRule
from rolescope.classify import Classification, classify_task
from rolescope.numbers import exact_sum, format_number
from rolescope.spec import ARCHETYPES, RoleSpec, Task
from rolescope.textmatch import TermIndex, tokenize, words

ENGINEERING = ("developer", "operator")
_TIE_ORDER = {"developer": 0, "operator": 1, "researcher": 2}


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Note:
    """A warning and where in the spec it comes from, so `export`, the linter and the
    wizard can each point at the task or field the lead should change."""

    message: str
    task: int | None = None  # 1-based, as shown to the lead
    field: str | None = None  # a spec field, as error messages name it: "tasks[3].text"


@dataclass(frozen=True)
class SplitRole:
    archetype: str
    kind: str
    title: str
    weeks: float
    share: float
    task_numbers: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "archetype": self.archetype,
            "kind": self.kind,
            "title": self.title,
            "weeks": self.weeks,
            "share": round(self.share, 4),
            "tasks": list(self.task_numbers),
        }


@dataclass(frozen=True)
class TeamAdvice:
    stage: str
    stage_name: str
    calls_for: tuple[str, ...]
    current: tuple[str, ...]
    lacks: tuple[str, ...]
    covers_gap: bool
    covers: tuple[str, ...]  # the missing archetypes this hire brings
    leaves_open: tuple[str, ...]  # the missing archetypes still missing after it
    next_failure: str | None
    next_failure_archetype: str | None
    next_hire: str
    sentences: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "calls_for": list(self.calls_for),
            "current": list(self.current),
            "lacks": list(self.lacks),
            "covers_gap": self.covers_gap,
            "covers": list(self.covers),
            "leaves_open": list(self.leaves_open),
            "next_failure": self.next_failure,
            "next_failure_archetype": self.next_failure_archetype,
            "next_hire": self.next_hire,
            "advice": list(self.sentences),
        }


@dataclass(frozen=True)
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
    title_reason: str
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


def pct(share: float) -> str:
    return f"{round(share * 100)}%"


def weeks_text(weeks: float) -> str:
    return f"{format_number(weeks)} week" + ("" if weeks == 1 else "s")


def join_words(items: list[str] | tuple[str, ...], last: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


class _Memo:
    """Per-catalog answers that depend only on a task's text, so recomputing a
    recommendation on every keystroke costs one new line, not all of them. The
    PhD, title, domain and level terms are each compiled into one index, matched
    in one pass over a task's words (linear in its length, whatever the number of
    terms), with the classifier's tokens (sentences, hyphenated words, abbreviations)."""

    LIMIT = 20_000

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.lexicon = catalog.vocabulary.lexicon
        self.phd: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.titles: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.phd_keys = list(catalog.vocabulary.phd)
        self.phd_rules = list(catalog.vocabulary.phd.values())
        # Payload: (rule, role) where role is "term", "act" or "object".
        self.phd_index: TermIndex[tuple[int, str]] = TermIndex(
            [
                (term, (number, role))
                for number, rule in enumerate(self.phd_rules)
                for role, terms in (("term", rule.terms), ("act", rule.acts), ("object", rule.objects))
                for term in terms
            ]
        )
        # Payload: (title rule, the signal's place among the rule's signals).
        self.title_index: TermIndex[tuple[int, int]] = TermIndex(
            [
                (signal, (number, place))
                for number, rule in enumerate(catalog.titles)
                for place, signal in enumerate(rule.signals)
            ]
        )
        self.domain_index: TermIndex[int] = TermIndex(
            [(signal, number) for number, domain in enumerate(catalog.domains) for signal in domain.signals]
        )
        self.level_index: TermIndex[int] = TermIndex(
            [(signal, number) for number, level in enumerate(catalog.levels) for signal in level.signals]
        )
        settings = catalog.title_settings
        self.model_index: TermIndex[bool] = TermIndex(
            [(term, True) for term in settings.model_signals] + [(term, False) for term in settings.not_model]
        )
        self.extras: dict[str, tuple[frozenset[int], frozenset[int], bool]] = {}
        # Plain words, as a description's lines are matched (no sentence or hyphen rules).
        self.credential_index: TermIndex[bool] = TermIndex([(term, True) for term in catalog.jd.credentials.terms])
        self.credentials: dict[str, bool] = {}

    def phd_found(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The PhD reasons a task shows, with the words that showed each."""
        if text not in self.phd:
            if len(self.phd) > self.LIMIT:
                self.phd.clear()
            tokens = tokenize(text, self.lexicon)
            found: dict[int, str] = {}
            # The last act and object seen per rule, to pair them in one pass.
            last: dict[tuple[int, str], tuple[int, int]] = {}
            for term, (number, role), start in sorted(self.phd_index.scan(tokens), key=lambda hit: hit[2]):
                end = start + len(term)
                if number in found:
                    continue
                if role == "term":
                    found[number] = tokens.phrase(start, end)
                    continue
                other = last.get((number, "object" if role == "act" else "act"))
                window = self.phd_rules[number].window
                if (
                    other is not None
                    and tokens.segments[other[0]] == tokens.segments[start]
                    and start - other[1] < window
                ):
                    found[number] = tokens.phrase(other[0], end)
                else:
                    last[(number, role)] = (start, end)
            ordered = sorted(found)
            self.phd[text] = (
                tuple(self.phd_rules[number].reason for number in ordered),
                tuple(found[number] for number in ordered),
            )
        return self.phd[text]

    def phd_reasons(self, text: str) -> tuple[str, ...]:
        return self.phd_found(text)[0]

    def phd_keys_of(self, text: str) -> set[str]:
        reasons = set(self.phd_found(text)[0])
        return {key for key, rule in zip(self.phd_keys, self.phd_rules) if rule.reason in reasons}

    def title_signals(self, text: str) -> tuple[tuple[str, ...], ...]:
        """For each title rule, in catalog order, the words of `text` that its signals
        match (each signal's first match, in the order the rule lists its signals)."""
        if text not in self.titles:
            if len(self.titles) > self.LIMIT:
                self.titles.clear()
            tokens = tokenize(text, self.lexicon)
            first: dict[tuple[int, int], tuple[int, int]] = {}
            for term, key, start in self.title_index.scan(tokens):
                if key not in first:  # scan goes by start: the first is the earliest
                    first[key] = (start, start + len(term))
            hits: list[list[tuple[int, str]]] = [[] for _ in self.catalog.titles]
            for (number, place), (start, end) in first.items():
                hits[number].append((place, tokens.phrase(start, end)))
            self.titles[text] = tuple(tuple(phrase for _, phrase in sorted(found)) for found in hits)
        return self.titles[text]

    def asks_for_credentials(self, text: str) -> bool:
        if text not in self.credentials:
            if len(self.credentials) > self.LIMIT:
                self.credentials.clear()
            self.credentials[text] = bool(self.credential_index.scan(words(text)))
        return self.credentials[text]

    def text_facts(self, text: str) -> tuple[frozenset[int], frozenset[int], bool]:
        """The domains and level signals a task mentions, and whether it is about a model."""
        if text not in self.extras:
            if len(self.extras) > self.LIMIT:
                self.extras.clear()
            tokens = tokenize(text, self.lexicon)
            domains = frozenset(number for _, number, _ in self.domain_index.scan(tokens))
            levels = frozenset(number for _, number, _ in self.level_index.scan(tokens))
            # Longest first, so "dbt models" is not a model.
            taken: set[int] = set()
            about_model = False
            for term, is_model, start in sorted(self.model_index.scan(tokens), key=lambda hit: -len(hit[0])):
                span = range(start, start + len(term))
                if any(index in taken for index in span):
                    continue
                taken.update(span)
                about_model = about_model or is_model
            self.extras[text] = (domains, levels, about_model)
        return self.extras[text]


_MEMOS: dict[int, _Memo] = {}


def _memo(catalog: Catalog) -> _Memo:
    memo = _MEMOS.get(id(catalog))
    if memo is None or memo.catalog is not catalog:
        memo = _MEMOS[id(catalog)] = _Memo(catalog)
    return memo


def classify_tasks(spec: RoleSpec, catalog: Catalog) -> tuple[TaskResult, ...]:
    memo = _memo(catalog)
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


def dominant(weeks: dict[str, float], among: tuple[str, ...] = ARCHETYPES) -> str:
    return max(among, key=lambda archetype: (weeks[archetype], -_TIE_ORDER[archetype]))


def choose_title(
    archetype: str, results: list[TaskResult] | tuple[TaskResult, ...], catalog: Catalog
) -> tuple[str, str]:
    """The title whose signals cover the most weeks of this archetype's tasks, and why
    (a clause that follows "because")."""
    own = [item for item in results if item.archetype == archetype and item.counted]
    best_title, best_score, best_weeks, best_signals = None, 0.0, 0.0, []
    default = next(rule.title for rule in catalog.titles if rule.archetype == archetype and rule.default)
    memo = _memo(catalog)
    shown_phd = set().union(*(memo.phd_keys_of(item.task.text) for item in own)) if own else set()
    for position, rule in enumerate(catalog.titles):
        if rule.archetype != archetype or (rule.requires_phd and rule.requires_phd not in shown_phd):
            continue
        covering, signals, seen = list[float](), list[str](), set[str]()
        for item in own:
            hits = memo.title_signals(item.task.text)[position]
            if hits:
                covering.append(item.task.weeks)
                for hit in hits:
                    if hit.lower() not in seen:
                        seen.add(hit.lower())
                        signals.append(hit)
        covered = exact_sum(covering)
        score = covered * (catalog.title_settings.default_weight if rule.default else 1.0)
        if score > best_score:
            best_title, best_score, best_weeks, best_signals = rule.title, score, covered, signals
    if best_title is None:
        return default, f"it is the usual title for {archetype} work and no more specific one fits the tasks"
    quoted = [f"“{signal}”" for signal in best_signals[:3]]
    return best_title, f"{weeks_text(best_weeks)} of the {archetype} work mention {join_words(quoted)}"


def _rule_for(title: str, catalog: Catalog) -> TitleRule | None:
    return next((rule for rule in catalog.titles if rule.title == title), None)


def choose_domain(items: list[TaskResult] | tuple[TaskResult, ...], catalog: Catalog) -> str | None:
    """The domain whose signals cover the most of these tasks' weeks, when enough."""
    memo = _memo(catalog)
    total = exact_sum(item.task.weeks for item in items)
    if not total or not catalog.domains:
        return None
    covered = [
        exact_sum(item.task.weeks for item in items if number in memo.text_facts(item.task.text)[0])
        for number in range(len(catalog.domains))
    ]
    best = max(range(len(covered)), key=lambda number: (covered[number], -number))
    if covered[best] / total < catalog.title_settings.domain_min_share:
        return None
    return catalog.domains[best].name


def choose_level(
    items: list[TaskResult] | tuple[TaskResult, ...], spec: RoleSpec, catalog: Catalog
) -> tuple[str, str] | None:
    """(prefix, why) for the first level whose conditions hold, if any."""
    memo = _memo(catalog)
    total = exact_sum(item.task.weeks for item in items)
    for number, level in enumerate(catalog.levels):
        if level.no_team and spec.team.current:
            continue
        if level.stages and spec.company.stage not in level.stages:
            continue
        if level.signals:
            covered = exact_sum(item.task.weeks for item in items if number in memo.text_facts(item.task.text)[1])
            if not total or covered / total < level.min_share:
                continue
        return level.prefix, level.why
    return None


def _with_level(prefix: str, title: str) -> str:
    # "Senior search ranking engineer", but "Senior ML infrastructure engineer".
    keep = len(title) > 1 and title[1].isupper()
    return f"{prefix} {title if keep else title[:1].lower() + title[1:]}"


def full_title(
    archetype: str, items: list[TaskResult] | tuple[TaskResult, ...], spec: RoleSpec, catalog: Catalog
) -> tuple[str, str, str | None]:
    """The recommended title with domain and level, the reason as a sentence, and the domain."""
    base, because = choose_title(archetype, items, catalog)
    own = [item for item in items if item.archetype == archetype and item.counted]
    domain = choose_domain(own, catalog)
    rule = _rule_for(base, catalog)
    title = base
    parts = [because]
    if domain and rule and rule.with_domain and domain.lower() not in base.lower():
        title = rule.with_domain.replace("{domain}", domain)
        parts.append(f"most of it is {domain.lower()} work")
    level = choose_level(own, spec, catalog)
    if level:
        title = _with_level(level[0], title)
        parts.append(f"{level[0].lower()}, because {level[1]}")
    return title, f"The title is {title}: {'; '.join(parts)}.", domain


def is_data_engineering(results: tuple[TaskResult, ...], catalog: Catalog) -> bool:
    """Mostly data pipelines and no task about a model: a data-engineering hire."""
    memo = _memo(catalog)
    counted = [item for item in results if item.counted]
    total = exact_sum(item.task.weeks for item in counted)
    if not total or any(memo.text_facts(item.task.text)[2] for item in counted):
        return False
    pipeline = [position for position, rule in enumerate(catalog.titles) if rule.title == "ML data pipeline engineer"]
    if not pipeline:
        return False
    covered = exact_sum(item.task.weeks for item in counted if memo.title_signals(item.task.text)[pipeline[0]])
    return covered / total >= catalog.title_settings.data_engineering_min_share


def _team_advice(spec: RoleSpec, hire_archetypes: tuple[str, ...], catalog: Catalog) -> TeamAdvice:
    stage = catalog.stages[spec.company.stage]
    calls_for = tuple(stage.team)
    current = tuple(dict.fromkeys(spec.team.current))
    lacks = tuple(archetype for archetype in calls_for if archetype not in current)
    covers = tuple(archetype for archetype in lacks if archetype in hire_archetypes)
    leaves_open = tuple(archetype for archetype in lacks if archetype not in hire_archetypes)
    hire_words = join_words(hire_archetypes)
    this_hire = "these two roles" if len(hire_archetypes) > 1 else "this hire"
    This_hire = this_hire[:1].upper() + this_hire[1:]
    sentences = [
        f"The {stage.name.lower()} stage ({stage.situation.lower()}) calls for {join_words(calls_for)}; "
        f"what breaks next there: {stage.next_break[:1].lower()}{stage.next_break[1:]}."
    ]
    sentences.append(f"The ML team today: {join_words(current)}." if current else "There is no ML team yet.")
    failure = spec.team.next_failure
    failure_archetype = catalog.failures[failure].archetype if failure else None
    if lacks:
        if covers and not leaves_open:
            verb = "close" if len(hire_archetypes) > 1 else "closes"
            sentences.append(f"It lacks {join_words(lacks)}; {this_hire} ({hire_words}) {verb} that gap.")
        elif covers:
            verb = "cover" if len(hire_archetypes) > 1 else "covers"
            sentences.append(
                f"It lacks {join_words(lacks)}: {this_hire} {verb} {join_words(covers)}, "
                f"and {join_words(leaves_open)} {'stay' if len(leaves_open) > 1 else 'stays'} open."
            )
        else:
            sentences.append(
                f"It lacks {join_words(lacks)}, and {this_hire} {'are' if len(hire_archetypes) > 1 else 'is'} "
                f"{hire_words} work: that does not close the gap."
            )
        for archetype in leaves_open:
            remedy = catalog.remedies.get(archetype)
            if remedy:
                sentences.append(f"For the missing {archetype}: {remedy}.")
        if leaves_open:
            order = [failure_archetype] if failure_archetype in lacks else []
            order += [archetype for archetype in lacks if archetype not in order]
            first = order[0]
            why = (
                f"it prevents {catalog.failures[failure].label}, the failure you most want to prevent next"
                if failure and first == failure_archetype
                else f"the {stage.name.lower()} stage needs it first"
            )
            sentences.append(f"Hire the {first} first: {why}.")
    else:
        sentences.append(f"The stage's team is complete; {this_hire} adds depth in {hire_words}.")
    if failure:
        label = catalog.failures[failure].label
        if failure_archetype in hire_archetypes:
            sentences.append(
                f"You most want to prevent {label} next: that is {failure_archetype} work, which {this_hire} "
                f"{'cover' if len(hire_archetypes) > 1 else 'is for'}."
            )
        else:
            sentences.append(
                f"You most want to prevent {label} next: that is {failure_archetype} work, but {this_hire} "
                f"{'are' if len(hire_archetypes) > 1 else 'is'} {hire_words} work, so it will not prevent it."
            )
        if failure_archetype not in calls_for:
            sentences.append(
                f"Note that the {stage.name.lower()} stage does not call for {failure_archetype} work yet: "
                "check that this failure really comes next."
            )
    outside = [archetype for archetype in hire_archetypes if archetype not in calls_for]
    if outside:
        sentences.append(
            f"{This_hire} {'are' if len(hire_archetypes) > 1 else 'is'} {join_words(outside)} work, which the "
            f"{stage.name.lower()} stage does not call for yet: check it is what breaks next."
        )
    next_hire = failure_archetype or (leaves_open[0] if leaves_open else (lacks[0] if lacks else hire_archetypes[0]))
    return TeamAdvice(
        stage=spec.company.stage,
        stage_name=stage.name,
        calls_for=calls_for,
        current=current,
        lacks=lacks,
        covers_gap=bool(covers),
        covers=covers,
        leaves_open=leaves_open,
        next_failure=failure,
        next_failure_archetype=failure_archetype,
        next_hire=next_hire,
        sentences=tuple(sentences),
    )


def assessment_for(archetype: str, spec: RoleSpec, catalog: Catalog) -> dict[str, str]:
    plan = catalog.archetypes[archetype].assessment.model_dump()
    for key, value in spec.interview.model_dump().items():
        if value:
            plan[key] = value
    return plan


def _is_bare_title(title: str) -> bool:
    return " ".join(words(title)) in ("ml engineer", "machine learn engineer", "ai engineer", "ml ai engineer")


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
    lead = max(engineering, research)
    strength = abs(engineering - 0.5) * 2

    if lead < limits.verdict.decisive_share:
        hire = "split"
        strength_label = "even" if lead < 0.55 else f"leaning {'engineering' if engineering > research else 'research'}"
    else:
        hire = "engineer" if engineering > research else "phd"
        strength_label = "clear" if lead >= limits.verdict.clear_share else "leaning"

    archetype = dominant(weeks)
    if hire == "phd":
        hire_archetype = "researcher"
    elif hire == "engineer":
        hire_archetype = dominant(weeks, ENGINEERING)
    else:
        hire_archetype = archetype

    split: tuple[SplitRole, ...] = ()
    if hire == "split":
        research_tasks = [item for item in basis if item.archetype == "researcher"]
        engineering_tasks = [item for item in basis if item.archetype != "researcher"]
        engineering_archetype = dominant(weeks, ENGINEERING)
        roles = []
        for role_archetype, items in (("researcher", research_tasks), (engineering_archetype, engineering_tasks)):
            role_weeks = exact_sum(item.task.weeks for item in items)
            roles.append(
                SplitRole(
                    archetype=role_archetype,
                    kind="research" if role_archetype == "researcher" else "engineering",
                    title=full_title(role_archetype, items, spec, catalog)[0],
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
        recommended_title = catalog.title_settings.data_engineering_title
        title_reason = (
            f"The title is {recommended_title}: most of the work is data pipelines and no task trains, serves or "
            "watches a model, so this is a data-engineering hire, not an ML one."
        )
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
    team = _team_advice(spec, hire_archetypes, catalog)
    phd_tasks = tuple(item for item in counted if item.phd_reasons)

    notes = _warnings(spec, catalog, results, planned, shares, hire, hire_archetypes, recommended_title, enough_signal)
    reasons = _reasons(
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


def asks_for_credentials(text: str, catalog: Catalog) -> bool:
    return _memo(catalog).asks_for_credentials(text)


def _warnings(
    spec: RoleSpec,
    catalog: Catalog,
    results: tuple[TaskResult, ...],
    total: float,
    shares: dict[str, float],
    hire: str,
    hire_archetypes: tuple[str, ...],
    recommended_title: str,
    enough_signal: bool,
) -> list[Note]:
    limits = catalog.thresholds
    available = limits.weeks.available
    warnings: list[Note] = []
    if total > available:
        warnings.append(
            Note(
                f"Overbooked: {format_number(total)} weeks planned in {format_number(available)}. Cut or defer work, or admit it is more than one hire.",
                field="tasks",
            )
        )
    elif total < limits.weeks.underplanned:
        warnings.append(
            Note(
                f"Only {format_number(total)} of the {format_number(available)} weeks are written down: describe the rest of the first six months before deciding.",
                field="tasks",
            )
        )
    vague = [item for item in results if not item.counted]
    if not enough_signal:
        vague_weeks = exact_sum(item.task.weeks for item in vague)
        warnings.append(
            Note(
                f"Not enough signal for a verdict: {format_number(vague_weeks)} of the {format_number(total)} planned "
                "weeks are too vague to classify. Rewrite those tasks (listed below) before trusting the split.",
                field="tasks",
            )
        )
    if all(shares[archetype] >= limits.warnings.spans_all_min_share for archetype in ARCHETYPES):
        spread = ", ".join(f"{archetype} {pct(shares[archetype])}" for archetype in ARCHETYPES)
        warnings.append(
            Note(f"One req spans all three archetypes ({spread}): this is likely more than one job.", field="tasks")
        )
    for item in vague:
        warnings.append(
            Note(
                f"Task {item.number} is too vague to classify (“{item.task.text}”), so its "
                f"{weeks_text(item.task.weeks)} are left out of the split: say what gets built, run or decided, and "
                "on what (“build the API that serves …”, “set up drift alerts for …”, “decide whether …”), or set "
                "its archetype.",
                task=item.number,
                field=f"tasks[{item.number}].text",
            )
        )
    if spec.role.title and _is_bare_title(spec.role.title):
        warnings.append(
            Note(
                f"The title “{spec.role.title}” means a dozen different jobs: use a specific one such as {recommended_title}.",
                field="role.title",
            )
        )
    if hire == "engineer":
        for key in ("must_have", "nice_to_have"):
            for number, skill in enumerate(getattr(spec.role, key), start=1):
                if asks_for_credentials(skill, catalog):
                    warnings.append(
                        Note(
                            f"“{skill}” asks an engineering hire for research credentials: it is left out of the job description.",
                            field=f"role.{key}[{number}]",
                        )
                    )
    if hire == "phd" and not any(archetype in spec.team.current for archetype in ENGINEERING):
        warnings.append(
            Note(
                "A research hire with no engineer on the ML team: plan engineering support, or the models will not reach production.",
                field="team.current",
            )
        )
    stage = catalog.stages[spec.company.stage]
    for archetype in hire_archetypes:
        if archetype not in stage.team:
            article = "An" if archetype[0] in "aeiou" else "A"
            warnings.append(
                Note(
                    f"{article} {archetype} hire at the {stage.name.lower()} stage: the stage calls for "
                    f"{join_words(stage.team)}, so this is early. Check that {archetype} work is really what breaks next.",
                    field="company.stage",
                )
            )
    return warnings


def _reasons(
    spec: RoleSpec,
    catalog: Catalog,
    hire: str,
    hire_archetype: str,
    weeks: dict[str, float],
    shares: dict[str, float],
    engineering: float,
    research: float,
    split: tuple[SplitRole, ...],
    phd_tasks: tuple[TaskResult, ...],
    title: str,
    title_reason: str,
    unclassified: float,
    enough_signal: bool,
    data_engineering: bool,
) -> list[str]:
    limits = catalog.thresholds.verdict
    reasons = []
    if not enough_signal:
        reasons.append(
            "Most of the planned weeks are too vague to classify, so there is not enough signal for a verdict: "
            "what follows is a guess until those tasks are rewritten."
        )
    left_out = (
        f" ({weeks_text(unclassified)} of vague tasks are left out until they are rewritten)" if unclassified else ""
    )
    reasons.append(
        f"{pct(engineering)} of the classified weeks are engineering (developer {pct(shares['developer'])}, "
        f"operator {pct(shares['operator'])}) and {pct(research)} research{left_out}."
    )
    if data_engineering:
        reasons.append(
            "Most of the work is data pipelines and no task trains, serves or watches a model: this is a "
            "data-engineering hire, not an ML one. Hire a data engineer and leave ML out of the posting."
        )
    elif hire == "engineer":
        reasons.append(
            "Mostly engineering: hire a senior engineer who is curious about ML and teach them the ML-specific parts; "
            "research training would go unused here."
        )
    elif hire == "phd":
        reasons.append("Mostly research: hire a research-trained person and back them with engineering support.")
        if not phd_tasks:
            reasons.append(
                "No task trains your own models, tackles a novel problem, builds core ML infrastructure or evaluates "
                "research: research experience matters more than the degree."
            )
    else:
        reasons.append(
            f"Neither kind of work reaches {pct(limits.decisive_share)}: this is two roles in one req. "
            f"Scope them apart: {join_words([f'{role.title} ({weeks_text(role.weeks)})' for role in split])}."
        )
    if phd_tasks:
        numbers = join_words([str(item.number) for item in phd_tasks])
        kinds = join_words(sorted({reason for item in phd_tasks for reason in item.phd_reasons}), last="or")
        if hire == "engineer":
            reasons.append(
                f"Task{'s' if len(phd_tasks) > 1 else ''} {numbers} could justify research depth ({kinds}); "
                "the rest is engineering, so look for an engineer with depth in ML systems rather than a PhD."
            )
        else:
            reasons.append(
                f"Research training is justified by task{'s' if len(phd_tasks) > 1 else ''} {numbers}: {kinds}."
            )
    for role in split:
        info = catalog.archetypes[role.archetype]
        reasons.append(
            f"{role.title}: a {info.name.lower()} for task{'s' if len(role.task_numbers) > 1 else ''} "
            f"{join_words([str(n) for n in role.task_numbers])}, "
            f"preventing {catalog.failures[info.prevents].label}."
        )
    if split:
        return reasons
    info = catalog.archetypes[hire_archetype]
    reasons.append(
        f"The hire is a {info.name.lower()} ({pct(shares[hire_archetype])} of the classified weeks): the archetype "
        f"that prevents {catalog.failures[info.prevents].label}."
    )
    if spec.role.title:
        reasons.append(f"The title “{title}” is the spec's own.")
    else:
        reasons.append(title_reason)
    return reasons
