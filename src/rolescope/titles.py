"""The recommended title: the archetype's title whose signals cover the most weeks,
a domain when one covers enough of the work, a level from the team and the
scope, and why, as one sentence. Titles, domains and levels are data
(`presets/titles.toml`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolescope.catalog import Catalog, TitleRule
from rolescope.numbers import exact_sum
from rolescope.spec import RoleSpec
from rolescope.textmatch import words
from rolescope.wording import join_words, weeks_text

if TYPE_CHECKING:
    from rolescope.recommend import TaskResult


def choose_title(
    archetype: str, results: list[TaskResult] | tuple[TaskResult, ...], catalog: Catalog
) -> tuple[str, str]:
    """The title whose signals cover the most weeks of this archetype's tasks, and why
    (a clause that follows "because")."""
    own = [item for item in results if item.archetype == archetype and item.counted]
    best_title, best_score, best_weeks, best_signals = None, 0.0, 0.0, []
    default = next(rule.title for rule in catalog.titles if rule.archetype == archetype and rule.default)
    memo = catalog.matchers
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


def rule_for(title: str, catalog: Catalog) -> TitleRule | None:
    return next((rule for rule in catalog.titles if rule.title == title), None)


def choose_domain(items: list[TaskResult] | tuple[TaskResult, ...], catalog: Catalog) -> str | None:
    """The domain whose signals cover the most of these tasks' weeks, when enough."""
    memo = catalog.matchers
    total = exact_sum(item.task.weeks for item in items)
    if not total or not catalog.domains:
        return None
    # One pass over the tasks (the live gauge recomputes this on every keystroke).
    weeks_of: list[list[float]] = [[] for _ in catalog.domains]
    for item in items:
        for number in memo.text_facts(item.task.text)[0]:
            weeks_of[number].append(item.task.weeks)
    covered = [exact_sum(weeks) for weeks in weeks_of]
    best = max(range(len(covered)), key=lambda number: (covered[number], -number))
    if covered[best] / total < catalog.title_settings.domain_min_share:
        return None
    return catalog.domains[best].name


def choose_level(
    items: list[TaskResult] | tuple[TaskResult, ...], spec: RoleSpec, catalog: Catalog
) -> tuple[str, str] | None:
    """(prefix, why) for the first level whose conditions hold, if any."""
    memo = catalog.matchers
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
    """The recommended title with domain and level, why (a clause that begins "because"), and the domain."""
    base, because = choose_title(archetype, items, catalog)
    own = [item for item in items if item.archetype == archetype and item.counted]
    domain = choose_domain(own, catalog)
    rule = rule_for(base, catalog)
    title = base
    why = f"because {because}"
    if domain and rule and rule.with_domain and domain.lower() not in base.lower():
        title = rule.with_domain.replace("{domain}", domain)
        why += f", and most of it is {domain.lower()} work"
    level = choose_level(own, spec, catalog)
    if level:
        title = _with_level(level[0], title)
        why += f"; “{level[0]}”, because {level[1]}"
    return title, why, domain


def title_sentence(title: str, because: str) -> str:
    """ "The title is X because ...": the reason for a title, as one sentence."""
    return f"The title is “{title}” {because}."


def data_engineering_title(catalog: Catalog) -> tuple[str, str]:
    """The title for mostly data pipelines and no model, and why (a clause)."""
    return (
        catalog.title_settings.data_engineering_title,
        "because most of the work is data pipelines and no task trains, serves or watches a model",
    )


def is_data_engineering(results: tuple[TaskResult, ...], catalog: Catalog) -> bool:
    """Mostly data pipelines and no task about a model: a data-engineering hire."""
    memo = catalog.matchers
    counted = [item for item in results if item.counted]
    total = exact_sum(item.task.weeks for item in counted)
    if not total or any(memo.text_facts(item.task.text)[2] for item in counted):
        return False
    pipeline = [position for position, rule in enumerate(catalog.titles) if rule.title == "ML data pipeline engineer"]
    if not pipeline:
        return False
    covered = exact_sum(item.task.weeks for item in counted if memo.title_signals(item.task.text)[pipeline[0]])
    return covered / total >= catalog.title_settings.data_engineering_min_share


def is_bare_title(title: str) -> bool:
    return " ".join(words(title)) in ("ml engineer", "machine learn engineer", "ai engineer", "ml ai engineer")
