"""What each preset file may hold: the models that validate the presets.

Loaded only when the presets are built (see catalog.py): the catalog holds the
validated values as read-only records, so a command that starts from the user's
cache of built presets never defines these classes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from rolescope.spec import InterviewStage
from rolescope.textmatch import Lexicon


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Assessment(_Data):
    technical_exercise: str
    interview_prompt: str
    operational_check: str


class ArchetypeInfo(_Data):
    name: str
    kind: str = Field(pattern="^(research|engineering)$")
    summary: str
    prevents: str
    default_title: str
    mission: str
    # The mission for a company with no model in production yet (pre-product).
    mission_first_model: str | None = None
    owns: list[str]
    must_have: list[str]
    nice_to_have: list[str]
    assessment: Assessment
    candidate_check: str
    # Where to look beyond the exact title: skills-based sourcing.
    funnel: list[str] = Field(default_factory=list)


class FailureInfo(_Data):
    label: str
    archetype: str


class StageInfo(_Data):
    name: str
    situation: str
    team: list[str]
    next_break: str


class VerdictThresholds(_Data):
    decisive_share: float = Field(gt=0.5, le=1)
    clear_share: float = Field(gt=0.5, le=1)
    min_classified_share: float = Field(default=0.5, ge=0, le=1)


class WeekThresholds(_Data):
    available: float = Field(gt=0)
    underplanned: float = Field(ge=0)


class WarningThresholds(_Data):
    spans_all_min_share: float = Field(gt=0, lt=0.34)


class MarketPay(_Data):
    """Yearly pay for an ML hire in one currency: outside [min, max] is almost
    certainly a slip; `typical`, when known, is what an ML engineer is paid there."""

    min: float = Field(gt=0)
    max: float = Field(gt=0)
    typical: float | None = Field(default=None, gt=0)


class PayThresholds(_Data):
    max_spread: float = Field(default=2.0, gt=1)
    months_per_year: float = Field(default=12, gt=0)
    hours_per_year: float = Field(default=2080, gt=0)
    yearly: dict[str, MarketPay] = Field(default_factory=dict)
    # A title's level prefix -> the least share of the typical pay its range should reach.
    levels: dict[str, float] = Field(default_factory=dict)


class Thresholds(_Data):
    verdict: VerdictThresholds
    weeks: WeekThresholds
    warnings: WarningThresholds
    pay: PayThresholds = Field(default_factory=PayThresholds)


class VocabularySettings(_Data):
    min_evidence: float = Field(ge=0)
    lead_bonus: float = Field(ge=1)
    lead_words: int = Field(ge=0)
    question_archetype: str | None = None
    question_weight: float = Field(default=0, ge=0)
    # Words naming a piece of software: a research word just before one names what
    # the software is for ("offline eval job", "metrics lib"), and the work is building it.
    artefact_heads: list[str] = Field(default_factory=list)
    # Names of code that wraps a running system: an operations word just before one
    # names what the code talks to ("model registry client"), and the work is writing it.
    code_heads: list[str] = Field(default_factory=list)
    # Names of a model by what it does: the words just before one name what it
    # predicts ("capacity forecast", "incident classifier"), not work to do.
    model_heads: list[str] = Field(default_factory=list)
    # A sentence that opens with one of these and ends with "?" asks whether
    # something holds: the systems it names are what is studied, not work to do,
    # and count this much.
    question_openers: list[str] = Field(default_factory=list)
    # A sentence that opens with one of these asks even without a "?" ("does the
    # new tokenizer hurt Thai", "how much does recall drop"): leads often leave it out.
    unmarked_question_openers: list[str] = Field(default_factory=list)
    asked_weight: float = Field(default=1, ge=0, le=1)
    # Words saying a running system is misbehaving now ("stopped", "stale", "3h
    # late"): in their sentence, the systems and metrics named are what is sick,
    # and their engineering and research words count this much.
    symptoms: list[str] = Field(default_factory=list)
    symptom_weight: float = Field(default=1, ge=0, le=1)
    # After an operations word, a system named after one of these ("runbook for the
    # scoring API") is what the work is for: its engineering words count as a topic's.
    target_prepositions: list[str] = Field(default_factory=list)
    # A short label before a research question or step ("drift: which feature
    # shifts hurt accuracy?") is the topic: its engineering words count this much.
    topic_weight: float = Field(default=1, ge=0, le=1)
    vague_terms: list[str] = Field(default_factory=list)
    vague_evidence: float = Field(default=0, ge=0)
    # [evidence share, probability right] points, increasing; empty: the share itself.
    calibration: list[tuple[float, float]] = Field(default_factory=list)
    # A classification less sure than this is marked "unsure" and the lead is asked to pick.
    unsure_below: float = Field(default=0.5, ge=0, le=1)


class SenseCue(_Data):
    """One meaning of an ambiguous word, chosen by the words around it."""

    archetype: str | None = None  # None: in this context the word says nothing
    weight: float = Field(default=0, ge=0)
    near: list[str] = Field(default_factory=list)
    window: int = Field(default=3, ge=1, le=8)
    side: str = Field(default="any", pattern="^(any|before|after)$")
    in_label: bool = False  # the word labels the line, as in "spike: ..."
    in_question: bool = False  # the word is in a sentence that asks something


class Sense(_Data):
    archetype: str | None = None  # the meaning when no cue is present
    weight: float = Field(default=0, ge=0)
    cues: list[SenseCue] = Field(default_factory=list)


class Hyphenated(_Data):
    free_prefixes: list[str] = Field(default_factory=list)
    free_suffixes: list[str] = Field(default_factory=list)


class PhdReason(_Data):
    reason: str
    # Any of `terms` alone, or an act followed within `window` words by one of
    # its objects in the same sentence: "train our own 1B model", not "paper claim forms".
    terms: list[str] = Field(default_factory=list)
    acts: list[str] = Field(default_factory=list)
    objects: list[str] = Field(default_factory=list)
    window: int = Field(default=4, ge=1, le=12)


class Vocabulary(_Data):
    settings: VocabularySettings
    terms: dict[str, dict[str, float]]
    phd: dict[str, PhdReason]
    senses: dict[str, Sense] = Field(default_factory=dict)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    hyphenated: Hyphenated = Field(default_factory=Hyphenated)

    @property
    def lexicon(self) -> Lexicon:  # the catalog's record keeps its own; this one is built anew
        from rolescope.catalog import lexicon_of

        return lexicon_of(self)


class TitleRule(_Data):
    title: str
    archetype: str
    default: bool = False
    signals: list[str] = Field(default_factory=list)
    with_domain: str | None = None  # "{domain} engineer"
    requires_phd: str | None = None  # a PhD reason's key a task must show


class TitleSettings(_Data):
    default_weight: float = Field(default=0.8, gt=0, le=1)
    domain_min_share: float = Field(default=0.4, gt=0, le=1)
    data_engineering_min_share: float = Field(default=0.6, gt=0, le=1)
    data_engineering_title: str = "Data engineer"
    model_signals: list[str] = Field(default_factory=list)
    not_model: list[str] = Field(default_factory=list)


class Domain(_Data):
    name: str
    signals: list[str]


class Level(_Data):
    prefix: str
    why: str
    signals: list[str] = Field(default_factory=list)
    min_share: float = Field(default=0, ge=0, le=1)
    no_team: bool = False
    stages: list[str] = Field(default_factory=list)


class JdSections(_Data):
    mission: str
    outcomes: str
    owns: str
    support: str
    must_have: str
    nice_to_have: str
    interview: str
    pay: str


class JdInterview(_Data):
    intro: str
    closing: list[str] = Field(default_factory=list)
    labels: dict[str, str]


class JdOutcomes(_Data):
    most: int = Field(ge=1)
    drafted: str  # "{task}" and "{week}" are filled in
    shorthand: list[str]  # words that mark a task line as the lead's notes, not prose
    min_words: int = Field(ge=1)


class JdSupport(_Data):
    partner: str  # "{title}": the other role of a split
    team: str  # "{members}": the engineers already on the ML team
    none: str


class JdSkills(_Data):
    from_preset: int = Field(ge=0)
    from_tasks: str  # "{work}": what the tasks name
    most_terms: int = Field(ge=1)


class JdCredentials(_Data):
    terms: list[str]


class JdSettings(_Data):
    sections: JdSections
    interview: JdInterview
    credentials: JdCredentials
    outcomes: JdOutcomes
    support: JdSupport
    skills: JdSkills


LintKind = Literal[
    "phrases",
    "pay-wording",
    "gender-coded",
    "gender-balance",
    "credentials",
    "frameworks",
    "list-length",
    "years",
    "years-since",
    "archetypes",
    "vague-duty",
    "measurable",
    "order",
    "section",
    "pay-range",
    "pay-jurisdiction",
    "suppression",
    "spec-credentials",
    "spec-skills",
    "spec-outcomes",
    "spec-title",
]


class LintRule(_Data):
    """One lint rule: what the check does (`kind`), how serious it is, and a message
    that says why and what to write instead; the rest parameterises the check."""

    kind: LintKind
    severity: Literal["error", "warning", "info"]
    message: str
    phrases: list[str] = Field(default_factory=list)
    # A user's phrases, added to the rule's own (a later presets folder replaces lists).
    add: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    exceptions: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    terms: dict[str, list[str]] = Field(default_factory=dict)
    frameworks: list[str] = Field(default_factory=list)
    since: dict[str, int] = Field(default_factory=dict)
    section: str | None = None
    limit: float | None = None
    list_limit: float | None = None
    ratio: float | None = None
    # The spec field a rule's finding is about when the recommendation already warns
    # of it: on a description rolescope wrote, that warning is kept, not said twice.
    same_as: str | None = None


class ImportDurations(_Data):
    week_words: list[str] = Field(default_factory=lambda: ["week", "weeks"])
    month_words: list[str] = Field(default_factory=lambda: ["month", "months"])
    day_words: list[str] = Field(default_factory=lambda: ["day", "days"])
    weeks_per_month: float = Field(default=4.33, gt=0)
    # What says the duties are planned over less than six months: "In your first 3 months".
    horizon_words: list[str] = Field(default_factory=lambda: ["first", "next", "initial"])
    number_words: dict[str, int] = Field(default_factory=dict)


class ImportLabels(_Data):
    company: list[str] = Field(default_factory=list)
    location: list[str] = Field(default_factory=list)
    pay: list[str] = Field(default_factory=list)
    # An unlabelled line that opens with one of these is where the work is ("Hybrid, Lisbon").
    workplace: list[str] = Field(default_factory=list)
    # What may follow a company's name after a comma and is still its name ("Acme, Inc.").
    company_suffixes: list[str] = Field(default_factory=list)
    # A mark before a value that says what it is ("📍 Berlin"): company, location, pay or other.
    marks: dict[str, Literal["company", "location", "pay", "other"]] = Field(default_factory=dict)


class ImportSettings(_Data):
    """How `rolescope import` reads a posting (presets/import.toml)."""

    stages: dict[str, list[str]] = Field(default_factory=dict)
    durations: ImportDurations = Field(default_factory=ImportDurations)
    labels: ImportLabels = Field(default_factory=ImportLabels)


class LintSection(_Data):
    key: str
    aliases: list[str]


class Jurisdiction(_Data):
    name: str
    law: str
    phrases: list[str]


class KitSymptom(_Data):
    """What went wrong in a broken-production scenario, chosen by the task's words."""

    when: list[str]
    text: str


class KitKind(_Data):
    """One kind of interview stage: what it tests and how interviewers score it.
    `question` is filled in from a task ("{task}", "{symptom}"); `fallback` is asked
    when the spec has no task of the kind the question draws on."""

    label: str
    tests: str
    strong: list[str]
    weak: list[str]
    question: str | None = None
    fallback: str | None = None
    symptom: str | None = None
    symptoms: list[KitSymptom] = Field(default_factory=list)


class KitLabels(_Data):
    summary: str  # "{count}", "{minutes}"
    take_home_summary: str  # "{minutes}"
    length: str  # "{minutes}"
    take_home: str  # "{minutes}"
    question: str
    tests: str
    guide: str
    scorecard: str
    strong: str
    weak: str
    drawn_from: str  # "{tasks}"


class KitSettings(_Data):
    title: str  # "{title}"
    intro: str  # "{company}", "{title}"
    tasks_per_stage: int = Field(ge=1)
    take_home: str  # "{minutes}"
    prevents: str  # "{failure}"
    labels: KitLabels


class InterviewCatalog(_Data):
    # The loops are spec stages (rolescope.spec), kept as models: a loop becomes a
    # spec's own when the lead first edits it.
    kit: KitSettings
    kinds: dict[str, KitKind]
    loops: dict[str, list[InterviewStage]]
    prompt_stage: dict[str, str]


class LintSettings(_Data):
    disable: list[str] = Field(default_factory=list)


class LintCatalog(_Data):
    settings: LintSettings = Field(default_factory=LintSettings)
    sections: list[LintSection]
    rules: dict[str, LintRule]
    jurisdictions: list[Jurisdiction] = Field(default_factory=list)

    @property
    def enabled(self) -> dict[str, LintRule]:
        return {key: rule for key, rule in self.rules.items() if key not in self.settings.disable}
