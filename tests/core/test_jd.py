"""The job description: sections, ownership wording, no credentials for engineers, literal text."""

from __future__ import annotations

import re

import pytest

from rolescope.jd import render_jd
from rolescope.markdown import md_inline
from rolescope.recommend import recommend
from rolescope.spec import RoleSpec, Task
from rolescope.specio import read_spec
from tests.conftest import PRESET_NAMES, preset_path

SECTIONS = [
    "## Mission",
    "## Your first 12 months",
    "## What you will own",
    "## Must-have skills",
    "## Nice-to-have skills",
    "## How we interview",
]


def render(spec, catalog):
    return render_jd(spec, recommend(spec, catalog), catalog)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_presets_render_every_section_in_order(name, catalog):
    spec = read_spec(preset_path(name))
    text = render(spec, catalog)
    positions = [text.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    outcomes = text.split("## Your first 12 months")[1].split("##")[0]
    assert 3 <= outcomes.count("\n- ") <= 5
    assert text.startswith("# ")
    assert "## Pay and location" in text  # every preset has pay


def test_engineering_hire_is_not_asked_for_credentials(catalog):
    spec = RoleSpec(
        company={"name": "Acme", "stage": "live-model"},
        role={
            "must_have": ["PhD in machine learning", "Operated production services"],
            "nice_to_have": ["Publications a plus"],
        },
        tasks=[Task(text="Set up drift monitoring and on-call for the scoring service", weeks=20)],
    )
    text = render(spec, catalog)
    assert "Operated production services" in text
    assert "PhD" not in text
    assert "Publications" not in text


def test_outcomes_come_from_the_biggest_tasks_in_written_order(catalog):
    tasks = [
        Task(text=f"Build service number {i}", weeks=w, outcome=f"Outcome {i}")
        for i, w in enumerate([1, 5, 2, 6, 3, 4])
    ]
    text = render(RoleSpec(company={"name": "Acme"}, tasks=tasks), catalog)
    found = re.findall(r"^- Outcome (\d)$", text, flags=re.M)
    # Task 0 (1 week) is the smallest and is left out; the rest keep their order.
    assert found == ["1", "2", "3", "4", "5"]


def test_hostile_text_stays_literal(catalog):
    hostile = "# Heading [link](http://x) <script>alert(1)</script> *bold* | col | \x1b[31mred `code`"
    spec = RoleSpec(
        company={"name": "[b]Evil[/b] & Co"},
        role={"mission": hostile, "must_have": ["- not a list", "1. not numbered"]},
        tasks=[Task(text="Build the API", weeks=10, outcome=hostile)],
    )
    text = render(spec, catalog)
    assert "<script>" not in text
    assert "\x1b" not in text
    assert "\\[link\\](http\\://x)" in text  # nor a link, nor a bare URL
    assert "\\# Heading" in text
    assert "- \\- not a list" in text
    assert "- 1\\. not numbered" in text
    # Every heading line is one rolescope wrote.
    assert next(line for line in text.splitlines() if line.startswith("#")).startswith("# ")
    assert all(line.startswith(("# ", "## ")) for line in text.splitlines() if line.startswith("#"))


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a*b*c", "a\\*b\\*c"),
        ("1. first", "1\\. first"),
        ("- dash", "\\- dash"),
        ("> quote", "\\> quote"),
        ("x\ny", "x y"),
        ("<b>", "&lt;b>"),
        ("&amp;", "&amp;amp;"),
        ("R&D", "R&D"),
        ("a|b", "a\\|b"),
        ("\x1b[0m", "␛\\[0m"),
        ("日本語 🚀", "日本語 🚀"),
    ],
)
def test_md_inline(raw, escaped):
    assert md_inline(raw) == escaped


_GFM_AUTOLINK = re.compile(r"(?i)(?<![\w.\\])(?:https?://|www\.)|(?<![\\])@\w")


def test_a_bare_url_in_a_task_never_becomes_a_link(catalog):
    """GFM turns bare URLs, www addresses and e-mail addresses into links: a task
    that holds one is published as plain text that reads the same."""
    from markdown_it import MarkdownIt

    task = "Build the ingestion job for https://evil.example/login and www.evil.example, alerts to ops@evil.example"
    spec = RoleSpec.model_validate(
        {
            "company": {"name": "Acme"},
            "tasks": [{"text": task, "weeks": 6}, {"text": "Deploy the ranking API", "weeks": 8}],
        }
    )
    text = render(spec, catalog)
    assert not _GFM_AUTOLINK.search(text)
    html = MarkdownIt("commonmark").render(text)
    assert "<a " not in html
    assert "https://evil.example/login" in html and "ops@evil.example" in html  # it still reads the same
