"""The recommendation: shares, verdict, titles, team, warnings, split, for real specs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolescope.catalog import load_catalog
from rolescope.recommend import recommend
from rolescope.spec import RoleSpec, Task
from rolescope.specio import dump_spec, parse_spec, read_spec
from rolescope.split import split_specs
from rolescope.textmatch import matches_any, words
from tests.conftest import PRESET_NAMES, preset_path

# What a reader of the source articles expects from each bundled example.
EXPECTED = {
    "rag-support-search": ("engineer", "developer", "AI product engineer"),
    "fraud-model-operator": ("engineer", "operator", "ML reliability engineer"),
    "foundation-model-research": ("phd", "researcher", None),
    "ml-platform-scaling": ("engineer", "developer", "ML infrastructure engineer"),
    "two-roles-in-one": ("split", None, None),
    "recsys-live-model": ("engineer", "developer", None),
}


def spec_with(tasks: list[tuple[str, float, str | None]], stage="pre-product", **extra) -> RoleSpec:
    return RoleSpec(
        company={"name": "Acme", "stage": stage},
        tasks=[Task(text=text, weeks=weeks, archetype=archetype) for text, weeks, archetype in tasks],
        **extra,
    )


def test_every_preset_has_an_expectation():
    assert sorted(EXPECTED) == PRESET_NAMES


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_presets_get_the_verdict_a_reader_expects(name, catalog):
    hire, archetype, title = EXPECTED[name]
    result = recommend(read_spec(preset_path(name)), catalog)
    assert result.hire == hire
    if archetype:
        assert result.hire_archetype == archetype
    if title:
        assert result.title == title
    assert result.title.lower() not in ("ml engineer", "machine learning engineer")
    assert abs(result.engineering_share + result.research_share - 1) < 1e-9
    assert abs(sum(result.shares.values()) - 1) < 1e-3


def test_shares_are_by_weeks_and_overrides_win(catalog):
    spec = spec_with(
        [
            ("Monitor drift on the fraud model and page on-call", 3, None),
            ("Anything at all", 1, "researcher"),
        ]
    )
    result = recommend(spec, catalog)
    assert result.weeks == {"researcher": 1.0, "developer": 0.0, "operator": 3.0}
    assert result.research_share == 0.25
    assert result.engineering_share == 0.75
    assert result.tasks[1].classification.overridden


@pytest.mark.parametrize(
    ("research_weeks", "hire", "label"),
    [
        (0, "engineer", "clear"),
        (4, "engineer", "clear"),
        (6, "engineer", "leaning"),
        (10, "split", "even"),
        (8, "split", "leaning engineering"),
        (12, "split", "leaning research"),
        (13, "phd", "leaning"),
        (15, "phd", "leaning"),
        (17, "phd", "clear"),
        (20, "phd", "clear"),
    ],
)
def test_verdict_thresholds(catalog, research_weeks, hire, label):
    tasks = [("research", research_weeks, "researcher"), ("engineering", 20 - research_weeks, "developer")]
    tasks = [task for task in tasks if task[1] > 0]
    result = recommend(spec_with(tasks), catalog)
    assert (result.hire, result.strength_label) == (hire, label)
    assert result.strength == pytest.approx(abs(result.engineering_share - 0.5) * 2)


def test_split_names_two_roles_and_writes_two_specs(catalog):
    spec = read_spec(preset_path("two-roles-in-one"))
    result = recommend(spec, catalog)
    assert result.hire == "split"
    kinds = {role.kind for role in result.split}
    assert kinds == {"research", "engineering"}
    all_numbers = sorted(number for role in result.split for number in role.task_numbers)
    assert all_numbers == list(range(1, len(spec.tasks) + 1))
    first, second = split_specs(spec, result, catalog)
    for part, role in zip((first, second), result.split):
        assert part.role.title == role.title
        assert all(task.archetype for task in part.tasks)
        again = recommend(parse_spec(dump_spec(part)), catalog)
        assert again.hire in ("engineer", "phd")
        assert again.hire_archetype == role.archetype


def test_team_gap_and_next_failure(catalog):
    spec = spec_with(
        [("Build the inference API for the ranking model", 10, None)],
        stage="live-model",
        team={"current": ["developer"], "next_failure": "reliability"},
    )
    team = recommend(spec, catalog).team
    assert team.calls_for == ("developer", "operator")
    assert team.lacks == ("operator",)
    assert not team.covers_gap
    assert team.next_hire == "operator"
    text = " ".join(team.sentences)
    assert "does not close the gap" in text
    assert "will not prevent it" in text


def test_premature_failure_for_stage_is_called_out(catalog):
    spec = spec_with(
        [("Set up drift monitoring and alerting for the model", 10, None)],
        team={"next_failure": "reliability"},
    )
    team = recommend(spec, catalog).team
    assert any("does not call for operator work yet" in sentence for sentence in team.sentences)


def test_warnings(catalog):
    spec = spec_with(
        [
            ("Run ablations on the ranking features", 10, None),
            ("Build the serving API", 10, None),
            ("Set up drift alerts and on-call", 10, None),
            ("Work on our AI product", 2, None),
        ],
        role={"title": "ML Engineer", "must_have": ["PhD in machine learning", "Python"]},
    )
    result = recommend(spec, catalog)
    text = "\n".join(result.warnings)
    assert "Overbooked: 32 weeks planned in 26" in text
    assert "spans all three archetypes" in text
    assert "Task 4 is too vague to classify" in text
    assert "covers many different jobs" in text


def test_underplanned_and_credentials_warnings(catalog):
    spec = spec_with(
        [("Build the ingestion pipeline and API", 6, None)],
        role={"must_have": ["Publications at NeurIPS", "Python services in production"]},
    )
    result = recommend(spec, catalog)
    assert result.hire == "engineer"
    text = "\n".join(result.warnings)
    assert "Only 6 of the 26 weeks are written down" in text
    assert "“Publications at NeurIPS” asks an engineering hire for research credentials" in text


def test_phd_tasks_and_reasons(catalog):
    result = recommend(read_spec(preset_path("foundation-model-research")), catalog)
    assert result.phd_tasks
    reasons = {reason for item in result.phd_tasks for reason in item.phd_reasons}
    assert any("training your own models" in reason for reason in reasons)
    assert any("Research training is justified by" in reason for reason in result.reasons)


def test_research_hire_without_engineers_is_warned(catalog):
    spec = spec_with([("Pretrain a new architecture from scratch and run ablations", 20, None)])
    result = recommend(spec, catalog)
    assert result.hire == "phd"
    assert any("no engineer on the ML team" in warning for warning in result.warnings)


def test_interview_overrides_replace_only_what_is_set(catalog):
    spec = spec_with([("Set up drift monitoring", 10, None)], interview={"interview_prompt": "Our own prompt"})
    plan = recommend(spec, catalog).assessment
    assert plan["interview_prompt"] == "Our own prompt"
    assert plan["technical_exercise"] == catalog.archetypes["operator"].assessment.technical_exercise


def test_no_tasks_is_an_error(catalog):
    with pytest.raises(ValueError):
        recommend(RoleSpec(company={"name": "Acme"}), catalog)


def test_json_shape(catalog):
    data = recommend(read_spec(preset_path("rag-support-search")), catalog).to_json()
    for key in ("engineering_share", "research_share", "shares", "hire", "archetype", "title", "team"):
        assert key in data
    assert set(data["shares"]) == {"researcher", "developer", "operator"}
    assert data["hire"] in ("engineer", "phd", "split")
    assert data["team"] == ["researcher", "developer"]
    assert any("engineers" in line for line in data["funnel"])  # widen by skills, not by title


_CREDENTIAL_WORDS = sorted(
    {word for term in load_catalog().jd.credentials.terms for word in term.replace("*", "").split()}
    | {"PhD", "degree", "masters", "in", "the", "ship", "model", "computer", "science", "or", "equivalent"}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CREDENTIAL_WORDS) | st.text(max_size=8), max_size=12))
def test_credentials_are_found_through_the_index_as_by_each_term(pieces):
    """The compiled, memoised credential check answers as matching every term in turn does."""
    catalog = load_catalog()
    text = " ".join(pieces)
    expected = bool(matches_any(catalog.jd.credentials.terms, words(text)))
    assert catalog.matchers.asks_for_credentials(text) is expected
