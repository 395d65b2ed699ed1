"""Which step a spec needs the lead on first: the earliest step holding a field
that something (a missing part, a recommendation's warning) is about."""

from __future__ import annotations

from rolescope.session import Session

# A spec field's first part, and the step where the lead edits it.
STEP_OF_FIELD = {
    "company": "company",
    "team": "company",
    "tasks": "work",
    "interview": "interview",
    "role.title": "recommendation",
    "role.mission": "company",
    "role": "description",
}


def step_of_field(field: str) -> str:
    for prefix, step in STEP_OF_FIELD.items():
        if field == prefix or field.startswith((prefix + ".", prefix + "[")):
            return step
    return "recommendation"


def step_needing_attention(session: Session, order: list[str]) -> str | None:
    """The first step, in the wizard's order, that holds a problem; None when
    nothing needs the lead's attention."""
    fields = [problem.split(":", 1)[0] for problem in session.problems()]
    recommendation = session.recommendation
    if recommendation is not None:
        fields += [note.field for note in recommendation.notes if note.field]
    steps = {step_of_field(field) for field in fields}
    return next((step for step in order if step in steps), None)
