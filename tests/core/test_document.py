"""The description as a document decided in the core: outcomes, cuts, sources,
content that follows the spec, and renderers that only format it."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings

from rolescope.catalog import load_catalog
from rolescope.document import build_document, possessive
from rolescope.jd import render_markdown
from rolescope.jd_html import render_html
from rolescope.jd_text import plain, render_text
from rolescope.recommend import recommend
from rolescope.spec import RoleSpec, Task
from rolescope.specio import read_spec
from tests.conftest import preset_path
from tests.core.test_specio import _spec

ENGINEERING_TASKS = [
    ("Build the inference API for the ranking model with tests and CI", 8),
    ("Set up drift monitoring and alerting for the ranking model in production", 6),
    ("Build the feature pipelines that load click events into the warehouse", 6),
]


def spec_of(tasks, **parts) -> RoleSpec:
    return RoleSpec(
        company=parts.pop("company", {"name": "Acme Rockets", "stage": "live-model"}),
        tasks=[
            Task(text=text, weeks=weeks, **extra) for text, weeks, *rest in tasks for extra in [rest[0] if rest else {}]
        ],
        **parts,
    )


def document(spec, catalog):
    return build_document(spec, recommend(spec, catalog), catalog)


def test_possessive_of_names_ending_in_s():
    assert possessive("Acme Rockets") == "Acme Rockets'"
    assert possessive("Lumen Docs") == "Lumen Docs'"
    assert possessive("Acme") == "Acme's"


def test_mission_uses_the_right_possessive_and_no_models_before_there_are_any(catalog):
    live = document(spec_of(ENGINEERING_TASKS), catalog)
    mission = live.section("mission").items[0].text
    assert "Acme Rockets' " in mission and "Rockets's" not in mission
    first = document(spec_of(ENGINEERING_TASKS, company={"name": "Acme Rockets", "stage": "pre-product"}), catalog)
    assert "models" not in first.section("mission").items[0].text


def test_outcomes_use_the_tasks_outcome_and_draft_the_rest_with_a_finding(catalog):
    tasks = [
        (ENGINEERING_TASKS[0][0], 8, {"outcome": "p99 latency under 80 ms at 500 requests per second"}),
        (ENGINEERING_TASKS[1][0], 6),
    ]
    doc = document(spec_of(tasks), catalog)
    items = doc.section("outcomes").items
    assert items[0].text == "p99 latency under 80 ms at 500 requests per second"
    assert items[0].source.field == "tasks[1].outcome" and not items[0].drafted
    # Drafted from the concrete task, with when it ends in the plan (week 8 + 6).
    assert items[1].drafted and "by week 14" in items[1].text and items[1].source.task == 2
    drafted = [f for f in doc.findings if f.rule == "drafted-outcome"]
    assert [(f.severity, f.task, f.field) for f in drafted] == [("info", 2, "tasks[2].outcome")]


def test_vague_tasks_and_shorthand_are_never_outcomes(catalog):
    tasks = [
        *ENGINEERING_TASKS,
        ("Work on our AI product", 3),
        ("Rockstar ninja to own the k8s cronjob", 2),
        ("Work on AI", 2, {"archetype": "developer"}),  # vague even with its archetype set
        ("Set up the retraining cronjob on k8s w/ drift alerts", 2),
    ]
    doc = document(spec_of(tasks), catalog)
    published = " ".join(item.text for item in doc.section("outcomes").items)
    assert "Work on" not in published and "Rockstar" not in published and "k8s" not in published
    cut = {cut.source.task: cut.reason for cut in doc.cuts}
    assert "vague" in cut[4] and 5 in cut and "vague" in cut[6] and "shorthand" in cut[7]
    by_task = {(f.task, f.rule) for f in doc.findings}
    assert {(4, "recommend"), (6, "vague-task"), (7, "unpublishable-task")} <= by_task


def test_interview_section_is_the_specs_plan_and_promises_nothing_else(catalog):
    spec = spec_of(ENGINEERING_TASKS, interview={"interview_prompt": "Ranking CTR fell 8% after a deploy: what first?"})
    doc = document(spec, catalog)
    texts = [item.text for item in doc.section("interview").items]
    assert "Ranking CTR fell 8% after a deploy: what first?" in texts
    rendered = render_markdown(doc).lower()
    assert "two hours" not in rendered and "no take-home" not in rendered


def test_skills_come_from_the_spec_domain_and_tasks(catalog):
    ranking = document(spec_of(ENGINEERING_TASKS), catalog)
    speech = document(
        spec_of(
            [
                ("Build the streaming transcription service for call audio with tests and CI", 8),
                ("Set up latency monitoring and alerts for the transcription service", 6),
            ]
        ),
        catalog,
    )
    ranking_skills = [item.text for item in ranking.section("must_have").items]
    speech_skills = [item.text for item in speech.section("must_have").items]
    assert ranking_skills != speech_skills
    assert any(item.drafted and "tasks[" in item.source.field for item in ranking.section("must_have").items)


def test_research_hire_says_what_engineering_support_they_get(catalog):
    spec = read_spec(preset_path("foundation-model-research"))
    doc = document(spec, catalog)
    support = doc.section("support")
    assert support is not None and support.items[0].text
    engineering = document(spec_of(ENGINEERING_TASKS), catalog)
    assert engineering.section("support") is None


def test_pay_and_location_when_given(catalog):
    spec = spec_of(
        ENGINEERING_TASKS,
        role={"location": "Leeds", "pay": {"min": 60000, "max": 72000, "currency": "GBP", "period": "year"}},
    )
    text = render_text(document(spec, catalog))
    assert "Pay: GBP 60,000–72,000 per year" in text and "Location: Leeds" in text
    assert document(spec_of(ENGINEERING_TASKS), catalog).section("pay") is None


def test_credentials_are_cut_from_an_engineering_posting_with_the_reason(catalog):
    spec = spec_of(ENGINEERING_TASKS, role={"must_have": ["PhD in ML", "Operated production services"]})
    doc = document(spec, catalog)
    assert [item.text for item in doc.section("must_have").items] == ["Operated production services"]
    assert doc.cuts[0].source.field == "role.must_have[1]" and "credentials" in doc.cuts[0].reason


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_spec)
def test_html_shows_every_text_literally_and_only_rolescopes_tags(spec):
    catalog = load_catalog()
    doc = build_document(spec, recommend(spec, catalog), catalog)
    parser = _Text()
    parser.feed(render_html(doc))
    assert set(parser.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "body",
        "article",
        "h1",
        "h2",
        "p",
        "strong",
        "ul",
        "ol",
        "li",
    }
    shown = "".join(parser.text)
    for section in doc.sections:
        for item in section.items:
            assert plain(item.text) in shown
