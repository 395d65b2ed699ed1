"""The presets: rolescope's domain knowledge, read from TOML data.

Folders are read in order: the presets shipped inside the package, the user's
folder (`$ROLESCOPE_PRESETS`, else `$XDG_CONFIG_HOME/rolescope/presets`, else
`~/.config/rolescope/presets`), then any `--presets DIR`. A later folder extends
an earlier one: tables merge key by key, arrays of tables (titles) append, other
values replace. Example roles are `roles/NAME.toml` spec files; a later folder's
role of the same name wins.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rolescope.errors import SpecError
from rolescope.markdown import one_line
from rolescope.spec import ARCHETYPES, FAILURES, STAGE_KINDS, STAGES, InterviewStage
from rolescope.textmatch import Lexicon

BUILTIN_DIR = Path(__file__).parent / "presets"
DATA_FILES = ("archetypes", "stages", "recommend", "vocabulary", "titles", "jd", "lint", "interview")


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


class Thresholds(_Data):
    verdict: VerdictThresholds
    weeks: WeekThresholds
    warnings: WarningThresholds


class VocabularySettings(_Data):
    min_evidence: float = Field(ge=0)
    lead_bonus: float = Field(ge=1)
    lead_words: int = Field(ge=0)
    question_archetype: str | None = None
    question_weight: float = Field(default=0, ge=0)
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
    def lexicon(self) -> Lexicon:
        return _lexicon(self)


_LEXICONS: dict[int, tuple[Vocabulary, Lexicon]] = {}


def _lexicon(vocabulary: Vocabulary) -> Lexicon:
    """Built once per vocabulary (catalogs are cached and never changed)."""
    known = _LEXICONS.get(id(vocabulary))
    if known is None or known[0] is not vocabulary:
        lexicon = Lexicon.build(
            vocabulary.abbreviations, vocabulary.hyphenated.free_prefixes, vocabulary.hyphenated.free_suffixes
        )
        known = _LEXICONS[id(vocabulary)] = (vocabulary, lexicon)
    return known[1]


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


@dataclass(frozen=True)
class Catalog:
    archetypes: dict[str, ArchetypeInfo]
    failures: dict[str, FailureInfo]
    stages: dict[str, StageInfo]
    thresholds: Thresholds
    vocabulary: Vocabulary
    titles: list[TitleRule]
    title_settings: TitleSettings
    jd: JdSettings
    lint: LintCatalog
    interview: InterviewCatalog
    domains: list[Domain] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    remedies: dict[str, str] = field(default_factory=dict)  # archetype -> what to do when it stays open
    roles: dict[str, Path] = field(default_factory=dict)
    folders: tuple[Path, ...] = ()


def user_presets_dir() -> Path | None:
    """The per-user presets folder; None when there is no home folder to find it in
    (no HOME and no password entry), which only means there are no user presets."""
    explicit = os.environ.get("ROLESCOPE_PRESETS")
    try:
        if explicit:
            return Path(explicit).expanduser()
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    except RuntimeError:
        return None
    return Path(base) / "rolescope" / "presets"


def preset_folders(extra: tuple[str | Path, ...] = ()) -> tuple[Path, ...]:
    folders = [BUILTIN_DIR]
    user = user_presets_dir()
    if user is not None and user.is_dir():
        folders.append(user)
    for folder in extra:
        try:
            path = Path(folder).expanduser()
        except RuntimeError:  # "~/x" with no home folder known
            path = Path(folder)
        if not path.is_dir():
            raise SpecError(f"{path}: presets folder not found")
        folders.append(path)
    return tuple(folders)


def merge(base: Any, extra: Any) -> Any:
    """Tables merge by key, arrays of tables append, anything else is replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if (
        isinstance(base, list)
        and isinstance(extra, list)
        and all(isinstance(item, dict) for item in base + extra)
        and base
    ):
        return base + extra
    return extra


def load_catalog(extra: tuple[str | Path, ...] = ()) -> Catalog:
    return _load(preset_folders(tuple(extra)))


@lru_cache(maxsize=8)
def _load(folders: tuple[Path, ...]) -> Catalog:
    merged: dict[str, dict[str, Any]] = {name: {} for name in DATA_FILES}
    sources: dict[str, Path] = {}
    roles: dict[str, Path] = {}
    for folder in folders:
        for name in DATA_FILES:
            path = folder / f"{name}.toml"
            if path.exists():
                merged[name] = merge(merged[name], _read(path))
                sources[name] = path
        roles_dir = folder / "roles"
        if roles_dir.is_dir():
            for path in sorted(roles_dir.glob("*.toml")):
                roles[path.stem] = path

    def build(name: str, model: type[BaseModel], data: Any, *within: str | int) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            where = sources.get(name, Path(f"{name}.toml"))
            raise SpecError(
                [
                    one_line(f"{where}: {'.'.join(map(str, (*within, *e['loc']))) or '(top)'}: {e['msg']}")
                    for e in error.errors()
                ]
            ) from None

    def table(name: str, key: str) -> dict[str, Any]:
        value = merged[name].get(key, {})
        if not isinstance(value, dict):
            where = sources.get(name, Path(f"{name}.toml"))
            raise SpecError(one_line(f"{where}: {key}: must be a table of entries (got {type(value).__name__})"))
        return value

    archetypes = {
        key: build("archetypes", ArchetypeInfo, value, "archetypes", key)
        for key, value in table("archetypes", "archetypes").items()
    }
    failures = {
        key: build("archetypes", FailureInfo, value, "failures", key)
        for key, value in table("archetypes", "failures").items()
    }
    stages = {key: build("stages", StageInfo, value, "stages", key) for key, value in table("stages", "stages").items()}
    titles_data = merged["titles"].get("titles", [])
    if not isinstance(titles_data, list):
        raise SpecError(one_line(f"{sources.get('titles', 'titles.toml')}: titles: must be [[titles]] entries"))
    titles = [build("titles", TitleRule, value, "titles", index) for index, value in enumerate(titles_data)]

    def entries(name: str, key: str, model: type[BaseModel]) -> list[Any]:
        data = merged[name].get(key, [])
        if not isinstance(data, list):
            raise SpecError(one_line(f"{sources.get(name, name + '.toml')}: {key}: must be [[{key}]] entries"))
        return [build(name, model, value, key, index) for index, value in enumerate(data)]

    remedies = table("stages", "remedies")
    if not all(isinstance(value, str) for value in remedies.values()):
        raise SpecError(one_line(f"{sources.get('stages', 'stages.toml')}: remedies: each must be a sentence"))
    catalog = Catalog(
        archetypes=archetypes,
        failures=failures,
        stages=stages,
        thresholds=build("recommend", Thresholds, merged["recommend"]),
        vocabulary=build("vocabulary", Vocabulary, merged["vocabulary"]),
        titles=titles,
        title_settings=build("titles", TitleSettings, merged["titles"].get("settings", {})),
        jd=build("jd", JdSettings, merged["jd"]),
        lint=build("lint", LintCatalog, merged["lint"]),
        interview=build("interview", InterviewCatalog, merged["interview"]),
        domains=entries("titles", "domains", Domain),
        levels=entries("titles", "levels", Level),
        remedies=dict(remedies),
        roles=roles,
        folders=folders,
    )
    _check_complete(catalog, sources)
    return catalog


def _read(path: Path) -> dict[str, Any]:
    from rolescope.specio import read_text_file  # the one careful reader: kind, size, encoding

    text = read_text_file(path, what="preset")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SpecError(one_line(f"{path}: malformed TOML: {error}")) from None
    except RecursionError:
        raise SpecError(one_line(f"{path}: malformed TOML: arrays or tables nested too deeply")) from None


def _check_complete(catalog: Catalog, sources: dict[str, Path]) -> None:
    """The engine relies on every archetype, stage and failure being described."""
    problems = []
    for archetype in ARCHETYPES:
        if archetype not in catalog.archetypes:
            problems.append(f"{sources.get('archetypes', 'archetypes.toml')}: archetypes.{archetype}: is missing")
        if archetype not in catalog.vocabulary.terms:
            problems.append(f"{sources.get('vocabulary', 'vocabulary.toml')}: terms.{archetype}: is missing")
        if not any(rule.archetype == archetype and rule.default for rule in catalog.titles):
            problems.append(f"{sources.get('titles', 'titles.toml')}: no default title for {archetype}")
    for stage in STAGES:
        if stage not in catalog.stages:
            problems.append(f"{sources.get('stages', 'stages.toml')}: stages.{stage}: is missing")
        elif any(member not in ARCHETYPES for member in catalog.stages[stage].team):
            problems.append(f"{sources.get('stages', 'stages.toml')}: stages.{stage}.team: unknown archetype")
    archetypes_file = sources.get("archetypes", "archetypes.toml")
    for failure in FAILURES:
        if failure not in catalog.failures:
            problems.append(f"{archetypes_file}: failures.{failure}: is missing")
        elif catalog.failures[failure].archetype not in ARCHETYPES:
            problems.append(
                f"{archetypes_file}: failures.{failure}.archetype: '{catalog.failures[failure].archetype}' "
                f"is not one of: {', '.join(ARCHETYPES)}"
            )
    for key, info in catalog.archetypes.items():
        if info.prevents not in catalog.failures:
            close = difflib.get_close_matches(info.prevents, list(catalog.failures), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(
                f"{archetypes_file}: archetypes.{key}.prevents: '{info.prevents}' is not one of: "
                f"{', '.join(catalog.failures)}{hint}"
            )
    for rule in catalog.titles:
        if rule.archetype not in ARCHETYPES:
            problems.append(
                f"{sources.get('titles', 'titles.toml')}: title '{rule.title}': unknown archetype '{rule.archetype}'"
            )
        if rule.requires_phd and rule.requires_phd not in catalog.vocabulary.phd:
            problems.append(
                f"{sources.get('titles', 'titles.toml')}: title '{rule.title}': requires_phd "
                f"'{rule.requires_phd}' is not one of: {', '.join(catalog.vocabulary.phd)}"
            )
        if rule.title.strip().lower() in ("ml engineer", "machine learning engineer"):
            problems.append(f"{sources.get('titles', 'titles.toml')}: '{rule.title}' is too vague to recommend")
    problems += _lint_problems(catalog.lint, sources.get("lint", Path("lint.toml")))
    problems += _interview_problems(catalog.interview, sources.get("interview", Path("interview.toml")))
    for archetype in catalog.remedies:
        if archetype not in ARCHETYPES:
            problems.append(f"{sources.get('stages', 'stages.toml')}: remedies.{archetype}: unknown archetype")
    if problems:
        raise SpecError([one_line(problem) for problem in problems])


def _interview_problems(interview: InterviewCatalog, where: Path | str) -> list[str]:
    """Every stage kind is described and every archetype has a loop, so a kit can be built for any spec."""
    problems = [f"{where}: kinds.{kind}: is missing" for kind in STAGE_KINDS if kind not in interview.kinds]
    problems += [f"{where}: kinds.{kind}: unknown stage kind" for kind in interview.kinds if kind not in STAGE_KINDS]
    for archetype in ARCHETYPES:
        if not interview.loops.get(archetype):
            problems.append(f"{where}: loops.{archetype}: is missing")
        if interview.prompt_stage.get(archetype) not in STAGE_KINDS:
            problems.append(f"{where}: prompt_stage.{archetype}: must be one of: {', '.join(STAGE_KINDS)}")
    return problems


def _lint_problems(lint: LintCatalog, where: Path | str) -> list[str]:
    """A lint preset's patterns must compile and its names must exist, so a typo is
    reported at load time with file and field, not as a crash while linting."""
    problems = []
    known_sections = {section.key for section in lint.sections}
    for key, rule in lint.rules.items():
        for index, pattern in enumerate(rule.patterns):
            try:
                re.compile(pattern)
            except re.error as error:
                problems.append(f"{where}: rules.{key}.patterns[{index + 1}]: not a regular expression: {error}")
        if rule.section is not None and rule.section not in known_sections:
            problems.append(
                f"{where}: rules.{key}.section: '{rule.section}' is not one of: {', '.join(sorted(known_sections))}"
            )
    for name in lint.settings.disable:
        if name not in lint.rules:
            close = difflib.get_close_matches(name, list(lint.rules), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(f"{where}: settings.disable: '{name}' is not a rule{hint}")
    return problems
