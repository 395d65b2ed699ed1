"""The team the company's stage calls for, what the ML team lacks, which of those
this hire covers and which stay open, and what to do about each: as data, and as
the sentences every view shows."""

from __future__ import annotations

from typing import Any

from rolescope.catalog import Catalog
from rolescope.spec import RoleSpec
from rolescope.values import valueclass
from rolescope.wording import join_words


@valueclass
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


def team_advice(spec: RoleSpec, hire_archetypes: tuple[str, ...], catalog: Catalog) -> TeamAdvice:
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
