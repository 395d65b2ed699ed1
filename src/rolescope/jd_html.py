"""The job description as HTML for applicant-tracking systems: a small, standalone
page whose user text is escaped (no tag, entity or attribute can come from a spec)."""

from __future__ import annotations

import html

from rolescope.document import JobDocument
from rolescope.jd_text import plain


def escape(text: str) -> str:
    return html.escape(plain(text), quote=True)


def page(title: str, body: list[str]) -> str:
    """A standalone page: `title` is plain text (escaped here), `body` is HTML."""
    title = escape(title)
    head = ["<!DOCTYPE html>", '<html lang="en">', '<head><meta charset="utf-8"><title>' + title + "</title></head>"]
    return (
        "\n".join([*head, "<body>", "<article>", f"<h1>{title}</h1>", *body, "</article>", "</body>", "</html>"]) + "\n"
    )


def render_html(document: JobDocument) -> str:
    out = [f"<p><strong>{escape(document.company)}</strong></p>"]
    for section in document.sections:
        out.append(f"<h2>{escape(section.heading)}</h2>")
        if section.intro:
            out.append(f"<p>{escape(section.intro)}</p>")
        texts = []
        for item in section.items:
            text = escape(item.text)
            if item.label:
                label = escape(item.label)
                text = f"{label}: {text}" if section.key == "pay" else f"<strong>{label}.</strong> {text}"
            texts.append(text)
        if section.style == "paragraph":
            out += [f"<p>{text}</p>" for text in texts]
        else:
            tag = "ol" if section.style == "numbered" else "ul"
            out += [f"<{tag}>", *(f"<li>{text}</li>" for text in texts), f"</{tag}>"]
    return page(document.title, out)
