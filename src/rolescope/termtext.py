"""Plain-text rendering for the headless commands: readable at a glance, colour
only on a terminal that wants it, and user text that cannot drive the terminal."""

from __future__ import annotations

import os
import textwrap
from typing import TYPE_CHECKING, TextIO

from rolescope.catalog import Catalog
from rolescope.classify import Classification
from rolescope.markdown import visible_controls
from rolescope.numbers import format_number
from rolescope.recommend import Recommendation
from rolescope.report import VERDICTS, Gauge, Report, build_report
from rolescope.spec import RoleSpec
from rolescope.wording import pct

if TYPE_CHECKING:  # the wizard's gauge draws from here and imports no posting reader
    from rolescope.importer import Imported

_CODES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}
ARCHETYPE_COLOUR = {"researcher": "magenta", "developer": "cyan", "operator": "blue"}


def wants_colour(stream: TextIO) -> bool:
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


class Style:
    def __init__(self, colour: bool):
        self.colour = colour

    def __call__(self, text: str, *styles: str) -> str:
        if not self.colour or not styles:
            return text
        codes = ";".join(_CODES[style] for style in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


def safe(text: str) -> str:
    """User text for a terminal: control characters (ANSI escapes) shown, not obeyed."""
    return visible_controls(text)


def gauge_cells(engineering_share: float, width: int) -> tuple[int, list[int]]:
    """How many of `width` cells are engineering, and where the 20% and 80% marks sit
    (for drawings that have no Report at hand; a Report's gauge says the same)."""
    filled = round(engineering_share * width)
    marks = [round(width * 0.2), round(width * 0.8)]
    return filled, marks


def gauge_line(gauge: Gauge, style: Style, width: int = 40) -> str:
    filled, marks = gauge.cells(width)
    cells = []
    for index in range(width):
        engineering = index < filled
        char = "█" if engineering else "░"
        if index in marks and not style.colour:
            char = "┃" if engineering else "│"
        cells.append(style(char, "cyan" if engineering else "magenta") if style.colour else char)
    if style.colour:
        for mark in marks:
            if 0 <= mark < width:
                cells[mark] = style("┃", "bold")
    engineering_part, research_part = gauge.segments
    return (
        f"engineering {pct(engineering_part.share):>4} " + "".join(cells) + f" {pct(research_part.share):>4} research"
    )


# Kept for callers that word the verdict themselves; the words live in the Report.
HIRE_WORDS = VERDICTS


def hanging(text: str, indent: int, width: int | None) -> str:
    """`text` wrapped to `width` with continuation lines indented by `indent`
    (the first line's prefix is the caller's); unwrapped when there is no width."""
    if not width or width - indent < 20:
        return text
    return textwrap.fill(text, width=width, initial_indent=" " * indent, subsequent_indent=" " * indent)[indent:]


def render_recommendation(
    spec_name: str,
    spec: RoleSpec,
    recommendation: Recommendation,
    catalog: Catalog,
    colour: bool,
    width: int | None = None,
) -> str:
    from rolescope.export import roles_to_publish

    kits = [role.kit for role in roles_to_publish(spec, recommendation, catalog)]
    return render_report(spec_name, build_report(spec, recommendation, catalog, kits), colour, width)


def render_report(spec_name: str, report: Report, colour: bool, width: int | None = None) -> str:
    """The terminal report: formats a Report, decides nothing."""
    style = Style(colour)
    r = report
    out = []
    out.append(style(safe(r.company), "bold") + f" · {r.stage} · {r.planned}" + style(f"   ({safe(spec_name)})", "dim"))
    out.append("")
    out.append("  " + gauge_line(r.gauge, style, width=40 if not width else max(10, min(40, width - 34))))
    breakdown = "  ·  ".join(
        style(f"{archetype} {share}", ARCHETYPE_COLOUR[archetype]) for archetype, share in r.shares
    )
    out.append("  " + " " * 17 + breakdown)
    out.append("")
    hire_line = hanging(f"{r.verdict}  [{r.strength_label}]", 13, width)
    out.append(
        f"  {'Hire':<10} "
        + hire_line.replace(r.verdict, style(r.verdict, "bold", "green" if r.hire != "split" else "yellow"), 1)
    )
    if r.title is not None:
        out.append(f"  {'Title':<10} " + style(safe(r.title), "bold"))
        if r.recommended_title:
            out.append(f"  {'':<10} " + style(f"(recommended: {r.recommended_title})", "dim"))
        out.append(f"  {'Archetype':<10} {hanging(r.archetype_line or '', 13, width)}")
    else:
        out.append("")
        out.append(style("  The two roles", "bold"))
        for line in r.split_roles:
            out.append("    " + hanging(line, 6, width))
    out.append("")
    out.append(style("  Team", "bold"))
    for sentence in r.team:
        out.append("    " + hanging(sentence, 4, width))
    out.append("")
    out.append(style("  Tasks", "bold"))
    for row in r.tasks:
        flag = f" ({row.flag})" if row.flag in ("set", "vague") else f" {row.flag:>4}"
        # The marker is wrapped with the text (a no-break space keeps it whole).
        marker = "◆\u00a0PhD-worthy"
        body = hanging(safe(row.text) + (f"  {marker}" if row.phd_worthy else ""), 36, width)
        body = body.replace(marker, style(marker, "yellow"))
        out.append(
            f"    {row.number:>2}  "
            + style(f"{row.archetype:<10}", ARCHETYPE_COLOUR[row.archetype])
            + f"{flag:>7} {_weeks(row.weeks, row.estimated):>5} wk  {body}"
        )
    if r.unclassified:
        out.append("")
        out.append(
            style(f"  Unclassified, {format_number(r.unclassified_weeks)} weeks (not in the split)", "bold", "yellow")
        )
        for vague in r.unclassified:
            body = hanging(safe(vague.text), 36, width)
            out.append(
                f"    {vague.number:>2}  {'vague':<10}{'':>7} {_weeks(vague.weeks, vague.estimated):>5} wk  {body}"
            )
    if r.unsure:
        out.append("")
        numbers = ", ".join(str(number) for number in r.unsure)
        out.append(
            "  "
            + hanging(
                f"? unsure: task{'s' if len(r.unsure) > 1 else ''} {numbers}: check the archetype, "
                "or set it with archetype = ... in the spec",
                4,
                width,
            )
        )
    for loop in r.interviews:
        out.append("")
        out.append(style(f"  {safe(loop.heading)}", "bold"))
        out.append("    " + style(hanging(loop.summary, 4, width), "dim"))
        for number, (name, length, question) in enumerate(loop.stages, start=1):
            out.append(f"    {number}. " + hanging(f"{safe(name)} ({length}): {safe(question)}", 7, width))
    if r.funnel:
        out.append("")
        out.append(style("  Where to look (by skills, not the exact title)", "bold"))
        for line in r.funnel:
            out.append(f"    - {hanging(safe(line), 6, width)}")
    if r.warnings:
        out.append("")
        out.append(style("  Warnings", "bold", "yellow"))
        for note in r.warnings:
            out.append("    " + style("!", "yellow", "bold") + " " + hanging(safe(note.message), 6, width))
    out.append("")
    out.append(style("  Why", "bold"))
    for reason in r.reasons:
        out.append(f"    - {hanging(safe(reason), 6, width)}")
    return "\n".join(out) + "\n"


def _weeks(weeks: float, estimated: bool) -> str:
    """Weeks as the lead wrote them; "~" marks rolescope's estimate."""
    return ("~" if estimated else "") + format_number(weeks)


def render_import(source: str, imported: Imported, colour: bool, width: int | None = None) -> str:
    """What `rolescope import` adds to the recommendation: the lines it could not
    place (with their line numbers) and what the lead should check."""
    style = Style(colour)
    out = [""]
    lines = ", ".join(str(number) for number in imported.task_lines)
    count = len(imported.task_lines)
    out.append(style(f"  Imported from {safe(source)}", "bold"))
    out.append("    " + hanging(f"{count} task{'s' if count != 1 else ''}, from lines {lines}", 4, width))
    if any(task.estimated for task in imported.spec.tasks):
        out.append("    " + hanging("~ marks estimated weeks (estimated = true in the spec)", 4, width))
    if imported.unplaced:
        out.append("")
        out.append(style(f"  Could not place ({len(imported.unplaced)})", "bold", "yellow"))
        for item in imported.unplaced:
            out.append(f"    {item.line:>4}  " + hanging(f"“{safe(item.text)}”: {item.reason}", 10, width))
    if imported.notes:
        out.append("")
        out.append(style("  Check", "bold"))
        for note in imported.notes:
            out.append("    - " + hanging(safe(note), 6, width))
    return "\n".join(out) + "\n"


def render_classification(result: Classification, colour: bool) -> str:
    style = Style(colour)
    evidence = ", ".join(item.text for item in result.evidence if item.archetype == result.archetype)
    tag = "vague" if result.vague else ("?" if result.unsure else "") + f"{round(result.confidence * 100)}%"
    line = style(f"{result.archetype:<10}", ARCHETYPE_COLOUR[result.archetype]) + f" {tag:>5}  {safe(result.text)}"
    if evidence:
        line += style(f"  [{safe(evidence)}]", "dim")
    return line


def progress(stream: TextIO, done: int, total: int, label: str) -> None:
    stream.write(f"\r\x1b[2K[{done}/{total}] {safe(label)[:60]}")
    stream.flush()


def end_progress(stream: TextIO) -> None:
    stream.write("\r\x1b[2K")
    stream.flush()
