"""Cross-checks of the presets: every name one preset uses for another (an
archetype, a failure, a stage, a stage kind, a PhD reason, a lint section or
rule) must exist. A typo is reported when the presets load, one line per
problem naming the file and the field, never as a KeyError while recommending.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rolescope.errors import SpecError
from rolescope.markdown import one_line
from rolescope.spec import ARCHETYPES, FAILURES, STAGE_KINDS, STAGES

if TYPE_CHECKING:
    from rolescope.catalog import Catalog, InterviewCatalog, LintCatalog


def not_one_of(where: Path | str, field: str, value: object, choices: Iterable[str]) -> str:
    """ "FILE: FIELD: 'value' is not one of: a, b (did you mean 'a'?)"."""
    choices = list(choices)
    close = difflib.get_close_matches(str(value), choices, n=1) if isinstance(value, str) else []
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"{where}: {field}: '{value}' is not one of: {', '.join(choices)}{hint}"


def check_catalog(catalog: Catalog, sources: dict[str, Path]) -> None:
    """Raise one SpecError listing every problem, each naming its file and field."""

    def where(name: str) -> Path | str:
        return sources.get(name, f"{name}.toml")

    problems = _complete(catalog, where)
    problems += _archetype_names(catalog, where)
    problems += _vocabulary_names(catalog, where("vocabulary"))
    problems += _title_names(catalog, where("titles"))
    problems += _lint_problems(catalog.lint, where("lint"))
    problems += _interview_problems(catalog.interview, where("interview"))
    problems += _pay_problems(catalog, where("recommend"))
    problems += [
        not_one_of(where("import"), f"stages.{stage}", stage, STAGES)
        for stage in catalog.importing.stages
        if stage not in STAGES
    ]
    if problems:
        raise SpecError([one_line(problem) for problem in problems])


def _complete(catalog: Catalog, where: Callable[[str], Path | str]) -> list[str]:
    """The engine relies on every archetype, stage and failure being described."""
    problems = []
    for archetype in ARCHETYPES:
        if archetype not in catalog.archetypes:
            problems.append(f"{where('archetypes')}: archetypes.{archetype}: is missing")
        if archetype not in catalog.vocabulary.terms:
            problems.append(f"{where('vocabulary')}: terms.{archetype}: is missing")
        if not any(rule.archetype == archetype and rule.default for rule in catalog.titles):
            problems.append(f"{where('titles')}: no default title for {archetype}")
    problems += [f"{where('stages')}: stages.{stage}: is missing" for stage in STAGES if stage not in catalog.stages]
    problems += [
        f"{where('archetypes')}: failures.{failure}: is missing"
        for failure in FAILURES
        if failure not in catalog.failures
    ]
    return problems


def _archetype_names(catalog: Catalog, where: Callable[[str], Path | str]) -> list[str]:
    """Archetypes, failures, stages and remedies name each other."""
    archetypes_file, stages_file = where("archetypes"), where("stages")
    problems = [
        not_one_of(archetypes_file, f"archetypes.{key}", key, ARCHETYPES)
        for key in catalog.archetypes
        if key not in ARCHETYPES
    ]
    for key, info in catalog.archetypes.items():
        if info.prevents not in catalog.failures:
            problems.append(not_one_of(archetypes_file, f"archetypes.{key}.prevents", info.prevents, catalog.failures))
    for key, failure in catalog.failures.items():
        if key not in FAILURES:
            problems.append(not_one_of(archetypes_file, f"failures.{key}", key, FAILURES))
        if failure.archetype not in ARCHETYPES:
            problems.append(not_one_of(archetypes_file, f"failures.{key}.archetype", failure.archetype, ARCHETYPES))
    for key, stage in catalog.stages.items():
        if key not in STAGES:
            problems.append(not_one_of(stages_file, f"stages.{key}", key, STAGES))
        for number, member in enumerate(stage.team, start=1):
            if member not in ARCHETYPES:
                problems.append(not_one_of(stages_file, f"stages.{key}.team[{number}]", member, ARCHETYPES))
    for archetype in catalog.remedies:
        if archetype not in ARCHETYPES:
            problems.append(not_one_of(stages_file, f"remedies.{archetype}", archetype, ARCHETYPES))
    return problems


def _vocabulary_names(catalog: Catalog, where: Path | str) -> list[str]:
    """Every archetype the vocabulary scores must be one the split counts."""
    vocabulary = catalog.vocabulary
    problems = [not_one_of(where, f"terms.{key}", key, ARCHETYPES) for key in vocabulary.terms if key not in ARCHETYPES]
    asked = vocabulary.settings.question_archetype
    if asked is not None and asked not in ARCHETYPES:
        problems.append(not_one_of(where, "settings.question_archetype", asked, ARCHETYPES))
    for word, sense in vocabulary.senses.items():
        if sense.archetype is not None and sense.archetype not in ARCHETYPES:
            problems.append(not_one_of(where, f"senses.{word}.archetype", sense.archetype, ARCHETYPES))
        for number, cue in enumerate(sense.cues, start=1):
            if cue.archetype is not None and cue.archetype not in ARCHETYPES:
                problems.append(not_one_of(where, f"senses.{word}.cues[{number}].archetype", cue.archetype, ARCHETYPES))
    return problems


def _title_names(catalog: Catalog, where: Path | str) -> list[str]:
    problems = []
    for number, rule in enumerate(catalog.titles, start=1):
        field = f"titles[{number}] ('{rule.title}')"
        if rule.archetype not in ARCHETYPES:
            problems.append(not_one_of(where, f"{field}.archetype", rule.archetype, ARCHETYPES))
        if rule.requires_phd and rule.requires_phd not in catalog.vocabulary.phd:
            problems.append(not_one_of(where, f"{field}.requires_phd", rule.requires_phd, catalog.vocabulary.phd))
        if rule.title.strip().lower() in ("ml engineer", "machine learning engineer"):
            problems.append(f"{where}: {field}.title: '{rule.title}' is too vague to recommend")
    for number, level in enumerate(catalog.levels, start=1):
        for place, stage in enumerate(level.stages, start=1):
            if stage not in STAGES:
                problems.append(not_one_of(where, f"levels[{number}].stages[{place}]", stage, STAGES))
    return problems


def _pay_problems(catalog: Catalog, where: Path | str) -> list[str]:
    pay = catalog.thresholds.pay
    problems = [
        f"{where}: pay.yearly.{currency}: min ({market.min:g}) is above max ({market.max:g})"
        for currency, market in pay.yearly.items()
        if market.min > market.max
    ]
    prefixes = [level.prefix for level in catalog.levels]
    problems += [not_one_of(where, f"pay.levels.{key}", key, prefixes) for key in pay.levels if key not in prefixes]
    return problems


def _interview_problems(interview: InterviewCatalog, where: Path | str) -> list[str]:
    """Every stage kind is described and every archetype has a loop, so a kit can be built for any spec."""
    problems = [f"{where}: kinds.{kind}: is missing" for kind in STAGE_KINDS if kind not in interview.kinds]
    problems += [
        not_one_of(where, f"kinds.{kind}", kind, STAGE_KINDS) for kind in interview.kinds if kind not in STAGE_KINDS
    ]
    for archetype in ARCHETYPES:
        if not interview.loops.get(archetype):
            problems.append(f"{where}: loops.{archetype}: is missing")
        if interview.prompt_stage.get(archetype) not in STAGE_KINDS:
            problems.append(f"{where}: prompt_stage.{archetype}: must be one of: {', '.join(STAGE_KINDS)}")
    for table in ("loops", "prompt_stage"):
        for key in getattr(interview, table):
            if key not in ARCHETYPES:
                problems.append(not_one_of(where, f"{table}.{key}", key, ARCHETYPES))
    return problems


def _lint_problems(lint: LintCatalog, where: Path | str) -> list[str]:
    """A lint preset's patterns must compile and its names must exist."""
    problems = []
    known_sections = {section.key for section in lint.sections}
    for key, rule in lint.rules.items():
        for index, pattern in enumerate(rule.patterns):
            try:
                re.compile(pattern)
            except re.error as error:
                problems.append(f"{where}: rules.{key}.patterns[{index + 1}]: not a regular expression: {error}")
        if rule.section is not None and rule.section not in known_sections:
            problems.append(not_one_of(where, f"rules.{key}.section", rule.section, sorted(known_sections)))
    for name in lint.settings.disable:
        if name not in lint.rules:
            close = difflib.get_close_matches(name, list(lint.rules), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(f"{where}: settings.disable: '{name}' is not a rule{hint}")
    return problems
