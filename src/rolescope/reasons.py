"""Why the recommendation says what it says, as sentences the lead reads in order:
the split, the verdict, PhD-justifying work, the roles or the hire, and the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolescope.catalog import Catalog
from rolescope.spec import RoleSpec
from rolescope.titles import title_sentence
from rolescope.wording import join_words, pct, weeks_text

if TYPE_CHECKING:
    from rolescope.recommend import SplitRole, TaskResult


def reasons_for(
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
    recommended_title: str,
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
                "No task trains your own models from scratch, tackles a novel problem, builds core ML infrastructure or evaluates "
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
        numbers = join_words([str(n) for n in role.task_numbers])
        reasons.append(
            f"The {info.name.lower()} role takes task{'s' if len(role.task_numbers) > 1 else ''} {numbers} "
            f"and prevents {catalog.failures[info.prevents].label}; its title is “{role.title}” {role.title_reason}."
        )
    if split:
        return reasons
    info = catalog.archetypes[hire_archetype]
    reasons.append(
        f"The hire is a {info.name.lower()} ({pct(shares[hire_archetype])} of the classified weeks): the archetype "
        f"that prevents {catalog.failures[info.prevents].label}."
    )
    if not spec.role.title:
        reasons.append(title_sentence(title, title_reason))
    elif title == recommended_title:
        reasons.append(f"The title “{title}” is the spec's own, and the one rolescope recommends {title_reason}.")
    else:
        reasons.append(
            f"The title “{title}” is the spec's own; rolescope would call it “{recommended_title}” {title_reason}."
        )
    return reasons
