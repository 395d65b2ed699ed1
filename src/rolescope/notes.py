"""The warnings of a recommendation, each with the task or spec field it is about,
so `export`, the linter and the wizard can point the lead at what to change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolescope.catalog import Catalog
from rolescope.numbers import exact_sum, format_number
from rolescope.spec import ARCHETYPES, RoleSpec
from rolescope.titles import is_bare_title
from rolescope.values import valueclass
from rolescope.verdict import ENGINEERING
from rolescope.wording import format_pay, join_words, pct, weeks_text, with_article

if TYPE_CHECKING:
    from rolescope.recommend import TaskResult


@valueclass
class Note:
    """A warning and where in the spec it comes from, so `export`, the linter and the
    wizard can each point at the task or field the lead should change."""

    message: str
    task: int | None = None  # 1-based, as shown to the lead
    field: str | None = None  # a spec field, as error messages name it: "tasks[3].text"


def warnings_for(
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
    if spec.role.title and is_bare_title(spec.role.title):
        warnings.append(
            Note(
                f"The title “{spec.role.title}” covers many different jobs and draws applicants for all of them: "
                f"use a specific one such as {recommended_title}.",
                field="role.title",
            )
        )
    if hire == "engineer":
        for key in ("must_have", "nice_to_have"):
            for number, skill in enumerate(getattr(spec.role, key), start=1):
                if catalog.matchers.asks_for_credentials(skill):
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
    warnings += pay_notes(spec, catalog, spec.role.title or recommended_title)
    return warnings


def pay_notes(spec: RoleSpec, catalog: Catalog, title: str) -> list[Note]:
    """No pay range, or one that cannot be right for an ML hire in its currency and at its level."""
    pay = spec.role.pay
    if pay is None:
        return [
            Note(
                "No pay range is given: postings with one get more applicants, and in many places the law "
                "requires one. Set the role's pay range.",
                field="role.pay",
            )
        ]
    limits = catalog.thresholds.pay
    shown = format_pay(pay)
    notes = []
    if pay.min > 0 and pay.max / pay.min > limits.max_spread:
        notes.append(
            Note(
                f"The pay range {shown} is too wide to tell candidates anything: its top is more than "
                f"{format_number(limits.max_spread)} times its bottom. Narrow it to what you will really pay.",
                field="role.pay",
            )
        )
    market = limits.yearly.get(pay.currency)
    if market is None:
        return notes
    per_year = {"year": 1.0, "month": limits.months_per_year, "hour": limits.hours_per_year}[pay.period]
    low, high = pay.min * per_year, pay.max * per_year
    yearly = f"{format_number(market.min)}–{format_number(market.max)} a year"
    if high < market.min:
        notes.append(
            Note(
                f"The pay range {shown} is below anything an ML hire is paid in {pay.currency} ({yearly}): "
                "check for a missing zero, or a monthly or hourly amount entered for a longer period.",
                field="role.pay.max",
            )
        )
    elif low > market.max:
        notes.append(
            Note(
                f"The pay range {shown} is above anything an ML hire is paid in {pay.currency} ({yearly}): "
                "check for an extra zero, or a yearly amount entered for a shorter period.",
                field="role.pay.min",
            )
        )
    elif market.typical is not None:
        level = title.split()[0] if title.split() else ""
        share = limits.levels.get(level)
        if share is not None and high < share * market.typical:
            notes.append(
                Note(
                    f"The pay range {shown} tops out below what {with_article(level.lower())} ML hire expects: an ML engineer "
                    f"is typically paid about {pay.currency} {format_number(market.typical)} a year. Raise the "
                    f"range, or drop the level from the title “{title}”.",
                    field="role.pay.max",
                )
            )
    return notes
