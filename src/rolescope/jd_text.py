"""The job description as plain text, for job boards that show Markdown escapes
literally: no markup at all, headings underlined, bullets as "•". Control
characters are shown, not obeyed, and every item stays on one line."""

from __future__ import annotations

from rolescope.document import JobDocument
from rolescope.markdown import visible_controls

_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\v": " ", "\f": " "})


def plain(text: str) -> str:
    return visible_controls(" ".join(text.translate(_SPACES).split(" ")).strip())


def render_text(document: JobDocument) -> str:
    out: list[str] = [plain(document.title), plain(document.company), ""]
    for section in document.sections:
        heading = plain(section.heading)
        out += [heading, "-" * len(heading), ""]
        if section.intro:
            out += [plain(section.intro), ""]
        for number, item in enumerate(section.items, start=1):
            text = plain(item.text)
            if item.label:
                text = f"{plain(item.label)}: {text}" if section.key == "pay" else f"{plain(item.label)}. {text}"
            if section.style == "paragraph":
                out.append(text)
            elif section.style == "numbered":
                out.append(f"{number}. {text}")
            else:
                out.append(f"• {text}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
