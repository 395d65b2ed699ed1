"""The verdict from the weeks: which kind of hire, and how clearly.

Thresholds come from `presets/recommend.toml`: below the decisive share on both
sides the req is two roles in one; from the clear share the verdict is clear
(the 80/20 rule of thumb).
"""

from __future__ import annotations

from typing import NamedTuple

from rolescope.catalog import Thresholds
from rolescope.spec import ARCHETYPES

ENGINEERING = ("developer", "operator")
# Exact ties go to the engineering reading: it is the common case.
_TIE_ORDER = {"developer": 0, "operator": 1, "researcher": 2}


def dominant(weeks: dict[str, float], among: tuple[str, ...] = ARCHETYPES) -> str:
    return max(among, key=lambda archetype: (weeks[archetype], -_TIE_ORDER[archetype]))


class Verdict(NamedTuple):
    hire: str  # engineer | phd | split
    strength: float  # 0 = dead even, 1 = all one kind of work
    strength_label: str  # clear | leaning | even | leaning engineering | leaning research
    hire_archetype: str  # what the (larger) hire should be; a split's is settled by its roles


def decide(weeks: dict[str, float], engineering: float, research: float, thresholds: Thresholds) -> Verdict:
    lead = max(engineering, research)
    strength = abs(engineering - 0.5) * 2
    if lead < thresholds.verdict.decisive_share:
        leaning = "engineering" if engineering > research else "research"
        return Verdict("split", strength, "even" if lead < 0.55 else f"leaning {leaning}", dominant(weeks))
    label = "clear" if lead >= thresholds.verdict.clear_share else "leaning"
    if engineering > research:
        return Verdict("engineer", strength, label, dominant(weeks, ENGINEERING))
    return Verdict("phd", strength, label, "researcher")
