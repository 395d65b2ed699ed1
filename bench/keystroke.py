"""What one keystroke in the task editor costs: the edited task changes, the
recommendation is recomputed over every task, and the draft is written.
Baseline: writing the draft alone (the session's own draft, as the wizard
writes it: one small file, its metadata only when it changes), which every
keystroke pays anyway."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from rolescope.catalog import load_catalog
from rolescope.drafts import DraftKeeper
from rolescope.recommend import recommend
from rolescope.spec import RoleSpec, Task

KINDS = (
    "Run ablations on the feature group",
    "Build the API endpoint for the ranking service",
    "Set up drift alerts and on-call for the model",
)
REPEATS = 50


def spec_with(count: int) -> RoleSpec:
    return RoleSpec(
        company={"name": "Bench", "stage": "scaling"},
        tasks=[Task(text=f"{KINDS[i % 3]} number {i}", weeks=0.5) for i in range(count)],
    )


def timed(function) -> float:
    start = time.perf_counter()
    for _ in range(REPEATS):
        function()
    return (time.perf_counter() - start) / REPEATS


def main() -> None:
    catalog = load_catalog()
    keeper = DraftKeeper(Path(tempfile.mkdtemp()) / "drafts")
    print(f"{'tasks':>6} {'draft ms':>9} {'recompute ms':>13} {'x draft':>8}  goal: <= 1x from 100 tasks")
    for count in (10, 100, 500):
        spec = spec_with(count)
        recommend(spec, catalog)  # warm: every line but the edited one is known
        counter = iter(range(10**9))

        def keystroke(spec=spec, counter=counter) -> None:
            edited = spec.tasks[0].model_copy(update={"text": f"Build the API endpoint v{next(counter)}"})
            recommend(spec.model_copy(update={"tasks": [edited, *spec.tasks[1:]]}), catalog)

        draft = timed(lambda spec=spec: keeper.write(spec, None, None))
        work = timed(keystroke)
        verdict = "" if count < 100 else ("ok" if work <= draft else "MISSED")
        print(f"{count:>6} {draft * 1000:>9.2f} {work * 1000:>13.2f} {work / draft:>8.2f}  {verdict}")


if __name__ == "__main__":
    main()
