"""`rolescope import`: postings written for this project (good and bad, several
domains, Markdown, plain text and HTML) read into draft specs whose recommendation
a reader of the seeds would agree with; rolescope's own descriptions read back to
the spec they came from; bad input is one line and exit 2."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolescope.catalog import load_catalog
from rolescope.errors import RolescopeError
from rolescope.export import roles_to_publish
from rolescope.importer import import_posting, posting_format
from rolescope.jd import render_markdown
from rolescope.jd_html import render_html
from rolescope.jd_text import render_text
from rolescope.recommend import recommend
from rolescope.spec import Company, RoleSpec, Task
from rolescope.specio import dump_spec, parse_spec, read_spec
from tests.conftest import PRESET_NAMES, preset_path, run_cli

IMPORTS = Path(__file__).parents[1] / "corpus" / "imports"
POSTINGS = sorted(path for path in IMPORTS.iterdir() if path.suffix in (".md", ".txt", ".html"))
EXPECTED = [path for path in POSTINGS if path.with_suffix(".expect.toml").exists()]
RENDERERS = {"md": render_markdown, "txt": render_text, "html": render_html}


def _import(path: Path):
    text = path.read_text(encoding="utf-8")
    return import_posting(text, load_catalog(), fmt=posting_format(path.name, text), source=path.name)


def test_the_corpus_is_varied():
    assert len(EXPECTED) >= 8
    assert {path.suffix for path in EXPECTED} == {".md", ".txt", ".html"}
    verdicts = {tomllib.loads(path.with_suffix(".expect.toml").read_text())["hire"] for path in EXPECTED}
    assert verdicts == {"engineer", "phd", "split"}
    companies = {tomllib.loads(path.with_suffix(".expect.toml").read_text())["company"] for path in EXPECTED}
    assert len(companies) == len(EXPECTED)


@pytest.mark.parametrize("path", EXPECTED, ids=[path.name for path in EXPECTED])
def test_imported_posting_gets_the_expected_recommendation(path):
    expect = tomllib.loads(path.with_suffix(".expect.toml").read_text(encoding="utf-8"))
    catalog = load_catalog()
    imported = _import(path)
    spec = imported.spec
    recommendation = recommend(spec, catalog)
    assert recommendation.hire == expect["hire"]
    if "archetype" in expect:
        assert recommendation.hire_archetype == expect["archetype"]
    assert spec.company.name == expect["company"]
    assert len(spec.tasks) == expect["tasks"]
    assert sum(bool(task.estimated) for task in spec.tasks) == expect["estimated"]
    if "stage" in expect:
        assert spec.company.stage == expect["stage"]
    if "weeks" in expect:
        assert sum(task.weeks for task in spec.tasks) == expect["weeks"]
    if "outcomes" in expect:
        assert sum(task.outcome is not None for task in spec.tasks) == expect["outcomes"]
    # A title that says the job the work is stays; one that contradicts it is left out, with a note why.
    assert (spec.role.title == imported.posting_title) is expect["title_kept"]
    if not expect["title_kept"]:
        assert spec.role.title is None
        assert any("title is not kept" in note for note in imported.notes)
    assert spec.role.location == expect.get("location")
    pay = spec.role.pay.model_dump() if spec.role.pay else None
    assert pay == expect.get("pay")
    assert {item.text for item in imported.unplaced} >= set(expect.get("unplaced", []))
    # Every task points at a line of the file that holds its text.
    lines = path.read_text(encoding="utf-8").splitlines()
    for task, number in zip(spec.tasks, imported.task_lines):
        assert task.text.split(" ")[0] in lines[number - 1]
    # The draft is a spec like any other: written and read back, it is equal.
    assert parse_spec(dump_spec(spec)) == spec


def test_weeks_spread_over_the_six_months_unless_given():
    spec = _import(IMPORTS / "research-title-ops-work.md").spec
    assert all(task.estimated for task in spec.tasks)
    assert sum(task.weeks for task in spec.tasks) == 26
    assert all(float(task.weeks).is_integer() for task in spec.tasks)
    given = _import(IMPORTS / "ops-fraud-monitoring.md").spec
    assert [task.weeks for task in given.tasks] == [4, 3, 4, 3, 5, 3]
    assert not any(task.estimated for task in given.tasks)
    # The duration is read off the line, not left in the task's text.
    assert given.tasks[0].text == ("Set up drift monitoring on the fraud model's input features and score distribution")


def test_outcomes_measure_the_duties_they_share_words_with():
    spec = _import(IMPORTS / "ops-fraud-monitoring.md").spec
    by_text = {task.text: task.outcome for task in spec.tasks}
    assert by_text["Put every model version in a registry with one-command rollback"] == (
        "Rollback to the previous model version takes under 10 minutes"
    )


def test_a_posting_with_nothing_to_place_is_bad_input(tmp_path):
    with pytest.raises(RolescopeError) as raised:
        _import(IMPORTS / "nothing-to-place.md")
    assert "nothing to import" in raised.value.lines[0]
    target = tmp_path / "role.toml"
    result = run_cli("import", str(IMPORTS / "nothing-to-place.md"), "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nothing-to-place.md" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary", "is a binary file"),
        (b"# Title\n\n- caf\x81\x8d with data\n", "is neither UTF-8 nor Windows-1252 text"),
        (b"", "nothing to import"),
    ],
)
def test_unreadable_postings_are_one_line_and_exit_2(tmp_path, content, message):
    posting = tmp_path / "posting.md"
    posting.write_bytes(content)
    result = run_cli("import", str(posting))
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1
    missing = run_cli("import", str(tmp_path / "missing.md"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_import_writes_the_spec_and_never_overwrites_without_force(tmp_path):
    target = tmp_path / "drafts" / "role.toml"
    posting = str(IMPORTS / "research-title-ops-work.md")
    result = run_cli("import", posting, "-o", str(target))
    assert result.returncode == 0, result.stderr
    spec = read_spec(target)
    assert spec.company.name == "Hollin Freight"
    # The same recommendation `recommend` prints, then what was not placed.
    assert result.stdout.startswith(run_cli("recommend", str(target)).stdout.rstrip("\n"))
    assert "Could not place (1)" in result.stdout
    assert "Every model release can be rolled back in under 15 minutes" in result.stdout
    before = target.read_bytes()
    again = run_cli("import", str(IMPORTS / "ops-fraud-monitoring.md"), "-o", str(target))
    assert again.returncode == 2 and "already exists; pass --force" in again.stderr
    assert target.read_bytes() == before
    forced = run_cli("import", str(IMPORTS / "ops-fraud-monitoring.md"), "-o", str(target), "--force")
    assert forced.returncode == 0
    assert read_spec(target).company.name == "Tallow Bank"


def test_without_output_the_spec_goes_to_stdout_and_the_report_to_stderr():
    result = run_cli("import", "-", stdin=(IMPORTS / "recsys-developer.txt").read_text())
    assert result.returncode == 0, result.stderr
    spec = parse_spec(result.stdout)
    assert spec.company.name == "Pinecrest Outdoor"
    assert "an engineer, curious about ML" in result.stderr
    assert "Imported from <stdin>" in result.stderr


def test_import_json():
    result = run_cli("import", str(IMPORTS / "vague-ai-ninja.txt"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["recommendation"]["hire"] == "engineer"
    assert data["spec"]["company"]["name"] == "Brightwell Insurance"
    assert [item["line"] for item in data["unplaced"]] == [5, 6, 7, 10]
    assert data["posting_title"] == "AI Ninja"


def test_html_lines_are_the_files_lines():
    imported = _import(IMPORTS / "laundry-list-everything.html")
    lines = (IMPORTS / "laundry-list-everything.html").read_text().splitlines()
    (rockstar,) = imported.unplaced
    assert "rockstar team player" in lines[rockstar.line - 1]


def test_estimated_weeks_are_marked_in_the_report():
    result = run_cli("import", str(IMPORTS / "vague-ai-ninja.txt"))
    assert "~13 wk" in result.stderr
    assert "estimated = true" in result.stdout


# ------------------------------------------------------------- rolescope's own descriptions


def _without_outcomes(spec: RoleSpec) -> RoleSpec:
    """The spec's five largest tasks, in order, without outcomes: everything its
    description publishes about them is then the task itself and when it ends."""
    tasks = [task.model_copy(update={"outcome": None}) for task in spec.tasks]
    largest = sorted(range(len(tasks)), key=lambda index: (-tasks[index].weeks, index))[:5]
    return spec.model_copy(update={"tasks": [tasks[index] for index in sorted(largest)]})


@pytest.mark.parametrize("name", PRESET_NAMES)
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_an_exported_description_imports_back_to_its_spec(name, fmt):
    catalog = load_catalog()
    spec = _without_outcomes(read_spec(preset_path(name)))
    recommendation = recommend(spec, catalog)
    for role in roles_to_publish(spec, recommendation, catalog):
        imported = import_posting(RENDERERS[fmt](role.document), catalog, fmt=fmt).spec
        again = recommend(imported, catalog)
        assert (again.hire, again.hire_archetype, again.title) == (
            role.recommendation.hire,
            role.recommendation.hire_archetype,
            role.recommendation.title,
        )
        assert [(task.text, task.weeks, task.estimated) for task in imported.tasks] == [
            (task.text, task.weeks, None) for task in role.spec.tasks
        ]
        assert imported.company.name == role.spec.company.name
        assert imported.role.pay == role.spec.role.pay
        assert imported.role.location == role.spec.role.location
        assert imported.role.mission == role.spec.role.mission
        assert imported.role.must_have == role.spec.role.must_have
        assert imported.role.nice_to_have == role.spec.role.nice_to_have


def _every_other_outcome_dropped(spec: RoleSpec) -> RoleSpec:
    """A spec whose description mixes the lead's outcomes with drafted ones."""
    tasks = [task.model_copy(update={"outcome": None}) if index % 2 else task for index, task in enumerate(spec.tasks)]
    return spec.model_copy(update={"tasks": tasks})


@pytest.mark.parametrize("variant", ["as-shipped", "mixed-outcomes"])
@pytest.mark.parametrize("name", PRESET_NAMES)
@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_every_shipped_example_exported_and_imported_gives_back_its_verdict_and_tasks(name, fmt, variant):
    """A description publishes at most five of the spec's tasks, each as its outcome
    (or, with none, as the task and the week it ends by): that is all a reader can know
    of the tasks. "Matching" means: the imported tasks are those published items, one
    each, in the spec's order, nothing else (no standard responsibility becomes a task);
    a drafted item gives back the task's own text, not estimated; an outcome is the
    task's text and its own outcome, its weeks estimated; each task is the spec task's
    archetype where the text is the task's, and the role's archetype where it is an
    outcome (an outcome says what is achieved, not whose work it is). The verdict,
    archetype and title are the spec's."""
    catalog = load_catalog()
    spec = read_spec(preset_path(name))
    if variant == "mixed-outcomes":
        spec = _every_other_outcome_dropped(spec)
    recommendation = recommend(spec, catalog)
    for role in roles_to_publish(spec, recommendation, catalog):
        section = role.document.section("outcomes")
        assert section is not None
        imported = import_posting(RENDERERS[fmt](role.document), catalog, fmt=fmt)
        again = recommend(imported.spec, catalog)
        assert (again.hire, again.hire_archetype, again.title) == (
            role.recommendation.hire,
            role.recommendation.hire_archetype,
            role.recommendation.title,
        )
        expected = []
        for item in section.items:
            assert item.source.task is not None
            origin = recommendation.tasks[item.source.task - 1]
            if item.drafted:
                expected.append((origin.task.text, None, False, origin.archetype))
            else:
                expected.append((item.text, item.text, True, role.recommendation.hire_archetype))
        assert [
            (result.task.text, result.task.outcome, bool(result.task.estimated), result.archetype)
            for result in again.tasks
        ] == expected
        assert not imported.unplaced
        assert any("standard responsibilities" in note for note in imported.notes)


_words = st.sampled_from(
    [
        "Build the pipeline that loads support tickets into the warehouse",
        "Ship the ranking API behind the search page with a cache",
        "Set up drift alerts on the pricing model's input features",
        "Run ablations on the feature groups and write up the results",
        "Design the offline evaluation metric for the churn model",
        "Write on-call runbooks for the scoring service",
        "Integrate the fraud score into the checkout flow",
        "Automate weekly retraining with validation gates and rollback",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(_words, min_size=1, max_size=5, unique=True),
    weeks=st.lists(st.sampled_from([1, 1.5, 2, 3, 4.25, 6, 8]), min_size=5, max_size=5),
    name=st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=2, max_size=12),
    fmt=st.sampled_from(list(RENDERERS)),
)
def test_round_trip_of_any_small_spec(texts, weeks, name, fmt):
    catalog = load_catalog()
    spec = RoleSpec(
        company=Company(name=f"{name} Labs", stage="live-model"),
        tasks=[Task(text=text, weeks=week) for text, week in zip(texts, weeks)],
    )
    recommendation = recommend(spec, catalog)
    for role in roles_to_publish(spec, recommendation, catalog):
        imported = import_posting(RENDERERS[fmt](role.document), catalog, fmt=fmt).spec
        assert [(task.text, task.weeks) for task in imported.tasks] == [
            (task.text, task.weeks) for task in role.spec.tasks
        ]
        assert imported.company.name == f"{name} Labs"
        assert recommend(imported, catalog).hire == role.recommendation.hire


# ------------------------------------------------------------- where the company, place and pay are


def _imported(text: str, fmt: str = "md"):
    return import_posting(text, load_catalog(), fmt=fmt, source="posting").spec


_DUTIES = "## What you will do\n\n- Build the scoring API for the checkout page\n- Set up drift alerts on the model\n"


@pytest.mark.parametrize(
    ("line", "company", "location"),
    [
        ("Corvid Voice Labs, Toronto, Ontario", "Corvid Voice Labs", "Toronto, Ontario"),
        ("Acme Robotics, Inc.", "Acme Robotics, Inc.", None),
        ("Nordhavn Data ApS", "Nordhavn Data ApS", None),
        ("**Quill Ltd** — Remote (EU)", "Quill Ltd", "Remote (EU)"),
    ],
)
def test_the_company_line_names_the_place_after_a_comma_unless_it_is_the_company_s_suffix(line, company, location):
    spec = _imported(f"# Inference engineer\n\n{line}\n\n{_DUTIES}")
    assert (spec.company.name, spec.role.location) == (company, location)


def test_under_a_pay_heading_the_line_that_is_not_the_pay_is_the_location():
    spec = _imported(
        f"# Inference engineer\n\n{_DUTIES}\n## Pay and location\n\n- £60,000–£70,000 a year\n- Leeds, UK\n"
    )
    assert spec.role.location == "Leeds, UK"
    assert spec.role.pay is not None and (spec.role.pay.min, spec.role.pay.currency) == (60000, "GBP")
    # Under a heading that names no place, only a line that opens with where the work is.
    perks = _imported(f"# Inference engineer\n\n{_DUTIES}\n## Compensation\n\n- $150k-$180k\n- Plus equity\n")
    assert perks.role.location is None
    hybrid = _imported(f"# Inference engineer\n\n{_DUTIES}\n## Compensation\n\n- $150k-$180k\n- Hybrid, Austin\n")
    assert hybrid.role.location == "Hybrid, Austin"


def test_a_labelled_line_is_never_a_duty():
    imported = _import(IMPORTS / "hotel-ai-ninja.md")
    texts = [task.text for task in imported.spec.tasks] + [item.text for item in imported.unplaced]
    assert not [text for text in texts if text.startswith(("Compensation", "Location"))]


def test_a_page_s_navigation_is_not_the_posting():
    imported = _import(IMPORTS / "incar-speech-research.html")
    assert imported.posting_title == "Research scientist, in-car speech recognition"


def test_weeks_given_on_some_lines_leave_the_rest_of_the_six_months_to_the_others():
    spec = _import(IMPORTS / "lending-fraud-ml-engineer.md").spec
    assert [(task.weeks, task.estimated) for task in spec.tasks] == [
        (4, None), (3, None), (5, True), (5, True), (5, True), (4, True)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("said", "weeks"),
    [
        ("## What you will do in your first 3 months", 13),
        ("## Your first ninety days", 13),
        ("## What you will do\n\nIn the first 8 weeks you will:", 8),
        ("## What you will do in your first 12 months", 26),  # more than six months: the six months
    ],
)
def test_weeks_are_spread_over_what_the_posting_plans_the_duties_for(said, weeks):
    text = (
        "# Inference engineer\n\n**Quill**\n\n"
        f"{said}\n\n- Build the scoring API for the checkout page\n- Set up drift alerts on the model (2 weeks)\n"
        "- Write on-call runbooks for the scoring service\n"
    )
    imported = import_posting(text, load_catalog(), source="posting")
    assert sum(task.weeks for task in imported.spec.tasks) == weeks
    assert [task.estimated for task in imported.spec.tasks] == [True, None, True]
    assert any("not 26" in note for note in imported.notes) is (weeks != 26)


def test_a_line_of_facts_under_the_title_is_read_part_by_part(catalog):
    """Labels and marks on one line ("Location: … | Team: … | Salary: …", "📍 … · 💼 … · 💰 …"):
    each part is what its label or mark says, and none of them is the company."""
    labelled = (
        "# MLOps Engineer – Model Risk\n\n"
        "**Location:** London (hybrid) | **Team:** Credit Decisioning | **Salary:** £70,000 - £85,000 + bonus\n\n"
        "## What you'll do\n\n- Build the deployment pipeline for the credit models\n"
    )
    spec = import_posting(labelled, catalog).spec
    assert spec.role.location == "London (hybrid)"
    assert (spec.role.pay.min, spec.role.pay.max, spec.role.pay.currency) == (70000, 85000, "GBP")
    assert "Decisioning" not in spec.company.name and "London" not in spec.company.name

    marked = (
        "# AI Engineer – LLM Applications\n\n"
        "Kiranakart · 📍 Bengaluru (hybrid) · 💼 Full-time · 💰 ₹28–40 LPA + ESOPs\n\n"
        "## What you'll do\n\n- Build the retrieval service for the ordering assistant\n"
    )
    spec = import_posting(marked, catalog).spec
    assert (spec.company.name, spec.role.location) == ("Kiranakart", "Bengaluru (hybrid)")
    assert (spec.role.pay.min, spec.role.pay.max, spec.role.pay.currency) == (2_800_000, 4_000_000, "INR")


@pytest.mark.parametrize(
    ("about", "company"),
    [
        ("Kiranakart is a B2B ordering app used by 180,000 neighbourhood stores across India.", "Kiranakart"),
        ("At Acme Health, we build the triage tools that 40 clinics use every day.", "Acme Health"),
        (
            "Meridian Analytic Services supports a federal customer that reviews foreign-language reports.",
            "Meridian Analytic Services",
        ),
        ("We are a 120-person team and our AI group is six people strong.", "Unnamed company"),
        ("The Credit Decisioning team builds and runs the models that decide on loans.", "Unnamed company"),
    ],
)
def test_a_company_named_only_in_the_posting_s_prose_is_found(about, company, catalog):
    text = (
        "# AI Engineer – LLM Applications\n\n**Clearance:** Active TS/SCI required\n\n## Overview\n\n"
        f"{about}\n\n## What you'll do\n\n- Build the retrieval service for the ordering assistant\n"
    )
    imported = import_posting(text, catalog)
    assert imported.spec.company.name == company
    if company != "Unnamed company":
        assert any(company in note and "check company.name" in note for note in imported.notes)


def test_a_setext_title_s_underline_is_not_the_company_and_emphasis_is_not_part_of_it(catalog):
    text = (
        "Data Scientist (Founding Team)\n==============================\n\n"
        "*Brightpath Health · San Francisco*\n\n## What you'll do\n\n- Build the churn model's feature pipeline\n"
    )
    spec = import_posting(text, catalog).spec
    assert (spec.company.name, spec.role.location) == ("Brightpath Health", "San Francisco")
