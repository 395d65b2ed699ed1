"""The interview kit in Markdown, plain text and HTML: renderers of the kit model
(`rolescope.interview_kit`), escaping spec text as the job description's do."""

from __future__ import annotations

from rolescope.interview_kit import InterviewKit, KitStage
from rolescope.jd_html import escape, page
from rolescope.jd_text import plain
from rolescope.markdown import md_inline


def _parts(kit: InterviewKit, stage: KitStage) -> list[tuple[str, list[str]]]:
    """A stage's parts in reading order: (label, lines); one line reads as a sentence."""
    labels = kit.labels
    parts = [(labels.question, [stage.question]), (labels.tests, [stage.tests])]
    if stage.drawn_from:
        parts[0] = (
            labels.question,
            [stage.question, labels.drawn_from.replace("{tasks}", ", ".join(map(str, stage.drawn_from)))],
        )
    if stage.guide:
        parts.append((labels.guide, list(stage.guide)))
    parts.append((labels.scorecard, [attribute.text for attribute in stage.attributes]))
    parts.append((labels.strong, list(stage.strong)))
    parts.append((labels.weak, list(stage.weak)))
    return [(label, lines) for label, lines in parts if lines]


def render_kit_markdown(kit: InterviewKit) -> str:
    out = [f"# {md_inline(kit.title)}", "", f"**{md_inline(kit.company)}** · {md_inline(kit.summary)}", ""]
    out += [md_inline(kit.intro), ""]
    for number, stage in enumerate(kit.stages, start=1):
        out += [f"## {number}. {md_inline(stage.name)} ({md_inline(stage.length)})", ""]
        for label, lines in _parts(kit, stage):
            if label in (kit.labels.question, kit.labels.tests):
                out += [f"**{md_inline(label)}:** {' '.join(md_inline(line) for line in lines)}", ""]
            else:
                marker = "- [ ]" if label == kit.labels.scorecard else "-"
                out += [f"**{md_inline(label)}**", "", *(f"{marker} {md_inline(line)}" for line in lines), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_kit_text(kit: InterviewKit) -> str:
    out = [plain(kit.title), f"{plain(kit.company)} · {plain(kit.summary)}", "", plain(kit.intro), ""]
    for number, stage in enumerate(kit.stages, start=1):
        heading = f"{number}. {plain(stage.name)} ({plain(stage.length)})"
        out += [heading, "-" * len(heading), ""]
        for label, lines in _parts(kit, stage):
            if label in (kit.labels.question, kit.labels.tests):
                out += [f"{plain(label)}: {' '.join(plain(line) for line in lines)}", ""]
            else:
                marker = "[ ]" if label == kit.labels.scorecard else "•"
                out += [f"{plain(label)}:", *(f"{marker} {plain(line)}" for line in lines), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_kit_html(kit: InterviewKit) -> str:
    out = [
        f"<p><strong>{escape(kit.company)}</strong> · {escape(kit.summary)}</p>",
        f"<p>{escape(kit.intro)}</p>",
    ]
    for number, stage in enumerate(kit.stages, start=1):
        out.append(f"<h2>{number}. {escape(stage.name)} ({escape(stage.length)})</h2>")
        for label, lines in _parts(kit, stage):
            if label in (kit.labels.question, kit.labels.tests):
                out.append(f"<p><strong>{escape(label)}:</strong> {' '.join(escape(line) for line in lines)}</p>")
            else:
                out += [f"<h3>{escape(label)}</h3>", "<ul>", *(f"<li>{escape(line)}</li>" for line in lines), "</ul>"]
    return page(kit.title, out)
