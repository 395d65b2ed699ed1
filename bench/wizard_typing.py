"""Typing into the wizard's task editor with many tasks, against typing into a
bare Textual input: the cost of the live gauge per keystroke, end to end."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time

os.environ.setdefault("ROLESCOPE_DRAFTS", tempfile.mkdtemp())
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Input

from rolescope.tui.app import RolescopeApp

KEYS = list("Build the API endpoint for search")
KINDS = ("Run ablations on the feature group", "Build the API endpoint", "Set up drift alerts for the model")


class BareInput(App):
    def compose(self) -> ComposeResult:
        yield Input(id="text")


async def per_key(app: App, prepare) -> float:
    async with app.run_test(size=(100, 32)) as pilot:
        await prepare(app, pilot)
        await pilot.pause()
        start = time.perf_counter()
        for key in KEYS:
            await pilot.press(key)
        await pilot.pause()
        return (time.perf_counter() - start) / len(KEYS)


async def focus_bare(app, pilot) -> None:
    app.query_one("#text").focus()


async def edit_first_task(app, pilot) -> None:
    await pilot.press("f3")
    await pilot.pause()
    table = app.query_one("#tasks", DataTable)
    table.focus()
    table.move_cursor(row=0)
    await pilot.press("enter", "end")


def spec_file(count: int) -> str:
    lines = ['schema_version = 1\n[company]\nname = "Bench"\nstage = "scaling"\n']
    lines += [f'[[tasks]]\ntext = "{KINDS[i % 3]} {i}"\nweeks = 0.5\n' for i in range(count)]
    path = os.path.join(tempfile.mkdtemp(), "bench.toml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    return path


async def main() -> None:
    base = await per_key(BareInput(), focus_bare)
    print(f"{'case':<34} {'ms/key':>7} {'x bare input':>13}   goal: <= 3x")
    print(f"{'bare Textual input (baseline)':<34} {base * 1000:>7.1f} {1:>13.1f}")
    for count in (10, 100, 500):
        cost = await per_key(RolescopeApp(spec_file(count)), edit_first_task)
        ratio = cost / base
        print(
            f"{f'wizard, editing 1 of {count} tasks':<34} {cost * 1000:>7.1f} {ratio:>13.1f}   {'ok' if ratio <= 3 else 'MISSED'}"
        )


if __name__ == "__main__":
    asyncio.run(main())
