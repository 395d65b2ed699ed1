"""The job description: Markdown built on owned outcomes, production first.

Sections follow the template leads trust: mission, first-12-month outcomes, what
the person owns, must-have and nice-to-have skills, the interview loop, pay and
location. All user text passes through `md_inline`, so it shows literally.
"""

from __future__ import annotations

from rolescope.catalog import Catalog
from rolescope.markdown import md_inline
from rolescope.numbers import format_number
from rolescope.recommend import Recommendation, asks_for_credentials
from rolescope.spec import Pay, RoleSpec

MAX_OUTCOMES = 5
_PERIOD = {"year": "per year", "month": "per month", "hour": "per hour"}


def format_pay(pay: Pay) -> str:
    def amount(value: float) -> str:
        # Every digit the lead typed; cents read as cents (52.5 -> 52.50).
        text = format_number(value)
        whole, point, fraction = text.partition(".")
        return f"{whole}.{fraction:0<2}" if point else text

    return f"{pay.currency} {amount(pay.min)}–{amount(pay.max)} {_PERIOD[pay.period]}"


def outcomes(spec: RoleSpec, recommendation: Recommendation | None = None) -> list[str]:
    """3–5 outcomes: the biggest tasks by weeks, in the order the lead wrote them.
    A vague task owns nothing, so it never becomes an outcome."""
    left_out = {item.number - 1 for item in recommendation.vague_tasks} if recommendation else set()
    ranked = sorted(
        (index for index in range(len(spec.tasks)) if index not in left_out),
        key=lambda index: (-spec.tasks[index].weeks, index),
    )
    chosen = sorted(ranked[:MAX_OUTCOMES])
    return [spec.tasks[index].outcome or spec.tasks[index].text for index in chosen]


def ownership(recommendation: Recommendation, catalog: Catalog) -> list[str]:
    """What the person owns: the hire's archetype first, then any other engineering
    archetype with a real share (production work leads for engineering hires)."""
    order = [recommendation.hire_archetype]
    if recommendation.hire == "engineer":
        order += [a for a in ("developer", "operator") if a not in order and recommendation.shares[a] >= 0.2]
    elif recommendation.hire == "phd":
        order += [a for a in ("developer", "operator") if a not in order and recommendation.shares[a] >= 0.25]
    lines: list[str] = []
    for archetype in order:
        owns = catalog.archetypes[archetype].owns
        lines += owns if archetype == order[0] else owns[:2]
    return lines


def skills(spec: RoleSpec, recommendation: Recommendation, catalog: Catalog) -> tuple[list[str], list[str]]:
    info = catalog.archetypes[recommendation.hire_archetype]
    must = spec.role.must_have or info.must_have
    nice = spec.role.nice_to_have or info.nice_to_have
    if recommendation.hire_archetype != "researcher":
        # An engineering hire is not asked for research credentials.
        must = [skill for skill in must if not asks_for_credentials(skill, catalog)]
        nice = [skill for skill in nice if not asks_for_credentials(skill, catalog)]
    return list(must), list(nice)


def mission(spec: RoleSpec, recommendation: Recommendation, catalog: Catalog) -> str:
    if spec.role.mission:
        return md_inline(spec.role.mission)
    template = catalog.archetypes[recommendation.hire_archetype].mission
    return template.replace("{company}", md_inline(spec.company.name))


def render_jd(spec: RoleSpec, recommendation: Recommendation, catalog: Catalog) -> str:
    sections = catalog.jd.sections
    plan = recommendation.assessment
    must, nice = skills(spec, recommendation, catalog)
    out: list[str] = [f"# {md_inline(recommendation.title)}", "", f"**{md_inline(spec.company.name)}**", ""]

    def section(title: str, lines: list[str], numbered: bool = False) -> None:
        if not lines:
            return
        out.extend([f"## {title}", ""])
        for number, line in enumerate(lines, start=1):
            out.append(f"{number}. {line}" if numbered else f"- {line}")
        out.append("")

    out += [f"## {sections.mission}", "", mission(spec, recommendation, catalog), ""]
    section(sections.outcomes, [md_inline(line) for line in outcomes(spec, recommendation)])
    section(sections.owns, [md_inline(line) for line in ownership(recommendation, catalog)])
    section(sections.must_have, [md_inline(line) for line in must])
    section(sections.nice_to_have, [md_inline(line) for line in nice])
    out.extend([f"## {sections.interview}", "", md_inline(catalog.jd.interview.intro), ""])
    # The operational check is the interviewers' own yardstick; candidates read
    # what the conversation is about instead.
    loop = [
        f"**Technical exercise.** {md_inline(plan['technical_exercise'])}",
        f"**Scenario interview.** {md_inline(plan['interview_prompt'])}",
        f"**Production conversation.** {md_inline(catalog.archetypes[recommendation.hire_archetype].candidate_check)}",
    ]
    loop += [md_inline(line) for line in catalog.jd.interview.closing]
    for number, line in enumerate(loop, start=1):
        out.append(f"{number}. {line}")
    out.append("")
    if spec.role.pay or spec.role.location:
        lines = []
        if spec.role.pay:
            lines.append(f"Pay: {md_inline(format_pay(spec.role.pay))}")
        if spec.role.location:
            lines.append(f"Location: {md_inline(spec.role.location)}")
        section(sections.pay, lines)
    return "\n".join(out).rstrip("\n") + "\n"
