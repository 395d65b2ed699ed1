"""The job description in Markdown: a renderer of the document model
(`rolescope.document`). All text passes through `md_inline`, so it shows literally."""

from __future__ import annotations

from rolescope.catalog import Catalog
from rolescope.document import Item, JobDocument, build_document
from rolescope.markdown import md_inline
from rolescope.recommend import Recommendation
from rolescope.spec import RoleSpec

__all__ = ["markdown_lines", "render_jd", "render_markdown"]


def render_markdown(document: JobDocument) -> str:
    return "\n".join(line for line, _ in markdown_lines(document)).rstrip("\n") + "\n"


def markdown_lines(document: JobDocument) -> list[tuple[str, Item | None]]:
    """The Markdown, line by line, each with the item it shows (None for headings and
    blank lines), so a lint finding on a line points back at the spec field."""
    out: list[tuple[str, Item | None]] = [
        (f"# {md_inline(document.title)}", None),
        ("", None),
        (f"**{md_inline(document.company)}**", None),
        ("", None),
    ]
    for section in document.sections:
        out += [(f"## {md_inline(section.heading)}", None), ("", None)]
        if section.intro:
            out += [(md_inline(section.intro), None), ("", None)]
        for number, item in enumerate(section.items, start=1):
            text = md_inline(item.text)
            if item.label:
                # Pay and location read "Pay: ..."; interview stages lead with a bold name.
                text = (
                    f"{md_inline(item.label)}: {text}"
                    if section.key == "pay"
                    else f"**{md_inline(item.label)}.** {text}"
                )
            if section.style == "paragraph":
                out.append((text, item))
            elif section.style == "numbered":
                out.append((f"{number}. {text}", item))
            else:
                out.append((f"- {text}", item))
        out.append(("", None))
    return out


def render_jd(spec: RoleSpec, recommendation: Recommendation, catalog: Catalog) -> str:
    """The Markdown description of one spec (the wizard's preview reads this)."""
    return render_markdown(build_document(spec, recommendation, catalog))
