"""A split verdict as two specs: one per role, each with its own tasks and title,
and everything the lead entered that applies to it (skills, pay, location,
mission, interview). `recommend --split-out`, `export` and the wizard's split
button all go through here, so they write the same two roles.
"""

from __future__ import annotations

from pathlib import Path

from rolescope.catalog import Catalog
from rolescope.classify import classify_text, kind_of
from rolescope.fileio import write_files
from rolescope.recommend import Recommendation, SplitRole
from rolescope.slug import slugify
from rolescope.spec import Interview, RoleSpec
from rolescope.specio import dump_spec


def _kinds_for(text: str, catalog: Catalog) -> set[str] | None:
    """Which kind of role a skill or interview line belongs to ("research" or
    "engineering"), or None when it says too little to tell (it then fits both)."""
    if catalog.matchers.asks_for_credentials(text):
        return {"research"}
    result = classify_text(text, catalog)
    if result.vague:
        return None
    return {kind_of(result.archetype)}


def _interview_for(role: SplitRole, lead: SplitRole, spec: RoleSpec, catalog: Catalog) -> Interview:
    """The lead's interview overrides were written for the larger role's plan; each
    goes to the role it is about, and one that says too little stays with that role.
    The loop's stages stay with the larger role; the other's follow its own plan."""
    kept: dict[str, object] = {}
    for key in ("technical_exercise", "interview_prompt", "operational_check"):
        value = getattr(spec.interview, key)
        if not value:
            continue
        kinds = _kinds_for(value, catalog)
        if (kinds is None and role is lead) or (kinds is not None and role.kind in kinds):
            kept[key] = value
    if role is lead:
        kept["stages"] = list(spec.interview.stages)
    return Interview.model_validate(kept)


def split_specs(spec: RoleSpec, recommendation: Recommendation, catalog: Catalog) -> list[RoleSpec]:
    """Two specs from a split verdict: each role's tasks (archetypes pinned as
    classified), its own title, and the lead's skills and interview lines that apply
    to it; pay, location, mission and team go to both."""
    if not recommendation.split:
        raise ValueError("the recommendation is not a split")
    by_number = {item.number: item for item in recommendation.tasks}
    lead = recommendation.split[0]
    specs = []
    for role in recommendation.split:
        other = next(part for part in recommendation.split if part is not role)
        tasks = [
            by_number[number].task.model_copy(update={"archetype": by_number[number].archetype})
            for number in role.task_numbers
        ]
        skills = {
            key: [
                skill
                for skill in getattr(spec.role, key)
                if (kinds := _kinds_for(skill, catalog)) is None or role.kind in kinds
            ]
            for key in ("must_have", "nice_to_have")
        }
        # A copy of its own for each part, but not of the tasks: each part gets its own list.
        base = spec.model_copy(update={"tasks": []}).model_copy(deep=True)
        role_part = base.role.model_copy(update={"title": role.title, **skills})
        specs.append(
            base.model_copy(
                update={
                    "description": f"{role.title}: split from a req that held two roles (the other: {other.title})",
                    "role": role_part,
                    "interview": _interview_for(role, lead, spec, catalog),
                    "tasks": tasks,
                }
            )
        )
    return specs


def split_targets(parts: list[RoleSpec], out_dir: Path) -> list[Path]:
    """One spec file per role, never the same name for both."""
    targets: list[Path] = []
    for part in parts:
        stem = slugify(part.company.name, part.role.title or "")
        candidate, number = stem, 2
        while out_dir / f"{candidate}.toml" in targets:
            candidate, number = f"{stem}-{number}", number + 1
        targets.append(out_dir / f"{candidate}.toml")
    return targets


def write_split_specs(
    spec: RoleSpec, recommendation: Recommendation, catalog: Catalog, out_dir: Path, *, replace: bool = False
) -> list[Path]:
    """Write the two roles' specs into `out_dir`, both or neither. Without `replace`
    an existing file raises fileio.TargetsExist naming every one."""
    parts = split_specs(spec, recommendation, catalog)
    targets = split_targets(parts, out_dir)
    write_files([(target, dump_spec(part).encode("utf-8")) for part, target in zip(parts, targets)], replace=replace)
    return targets
