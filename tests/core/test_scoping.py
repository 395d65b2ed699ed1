"""Scoping from a lead's real words: vague work left out, titles with domain and
level, the data-engineering case, PhD-justifying work from what a task does, and
team advice that says exactly what this hire covers."""

from __future__ import annotations

import pytest

from rolescope.recommend import recommend
from rolescope.spec import RoleSpec, Task
from rolescope.titles import title_sentence

PAY = {"min": 150000, "max": 180000, "currency": "USD", "period": "year"}


def spec_with(tasks, stage="live-model", current=("developer",), **extra) -> RoleSpec:
    extra.setdefault("role", {"pay": PAY})
    return RoleSpec(
        company={"name": "Acme", "stage": stage},
        team={"current": list(current)},
        tasks=[Task(text=text, weeks=weeks) for text, weeks in tasks],
        **extra,
    )


def test_vague_tasks_are_shown_apart_and_left_out_of_the_split(catalog):
    spec = spec_with([("work on AI", 4), ("help with ML stuff", 4), ("Build the scoring API for the fraud model", 12)])
    result = recommend(spec, catalog)
    assert result.unclassified_weeks == 8
    assert result.shares["developer"] == 1.0  # the vague weeks move nothing
    assert [item.number for item in result.vague_tasks] == [1, 2]
    data = result.to_json()
    assert data["unclassified_weeks"] == 8 and data["unclassified_tasks"] == [1, 2]
    assert [task["counted"] for task in data["tasks"]] == [False, False, True]
    text = "\n".join(result.warnings)
    assert "Task 1 is too vague to classify (“work on AI”), so its 4 weeks are left out of the split" in text
    assert "Task 2 is too vague" in text


def test_mostly_vague_weeks_give_no_verdict_instead_of_clear(catalog):
    spec = spec_with([("work on AI", 8), ("help with ML stuff", 8), ("Build the inference API", 4)])
    result = recommend(spec, catalog)
    assert not result.enough_signal
    assert result.strength_label == "not enough signal"
    assert any(w.startswith("Not enough signal for a verdict: 16 of the 20 planned weeks") for w in result.warnings)
    assert result.to_json()["enough_signal"] is False
    nothing = recommend(spec_with([("work on AI", 10), ("help with ML stuff", 6)]), catalog)
    assert nothing.strength_label == "not enough signal"
    assert abs(nothing.engineering_share + nothing.research_share - 1) < 1e-9


def test_unsure_tasks_are_marked(catalog):
    spec = spec_with([("Build the inference API", 10), ("shadow eval vs human raters", 3)])
    result = recommend(spec, catalog)
    unsure = {item.number for item in result.unsure_tasks}
    assert result.to_json()["unsure_tasks"] == sorted(unsure)
    assert 1 not in unsure


@pytest.mark.parametrize(
    ("tasks", "stage", "current", "title"),
    [
        (
            [("Rerank search results with a cross-encoder behind the search API", 10), ("Query autocomplete svc", 8)],
            "live-model",
            ("researcher",),
            "Search ranking engineer",
        ),
        (
            [("drift monitor on fraud feats (PSI)", 8), ("on-call runbook for fraud model outages", 8)],
            "live-model",
            ("developer",),
            "Fraud ML operator",
        ),
        (
            [("ASR WER breakdown by accent + noise", 8), ("error analysis of speech recognition misses", 8)],
            "scaling",
            ("developer", "operator"),
            "Speech research scientist",
        ),
        (
            [("Build the inference API for the recs model", 10), ("Wire recommendations into the homepage", 8)],
            "pre-product",
            (),
            "Founding recommendations engineer",
        ),
        (
            [("k8s deploy for the scoring svc", 8), ("vLLM inference server on A100s", 10)],
            "live-model",
            (),
            "Senior ML infrastructure engineer",
        ),
    ],
)
def test_titles_carry_a_domain_and_a_level_from_the_work(catalog, tasks, stage, current, title):
    result = recommend(spec_with(tasks, stage=stage, current=current), catalog)
    assert result.title == title
    assert result.title_reason.startswith("because ")
    assert title_sentence(title, result.title_reason) in result.reasons


def test_there_are_more_than_seven_titles_and_never_a_bare_one(catalog):
    assert len({rule.title for rule in catalog.titles}) > 7


def test_data_pipelines_with_no_model_are_a_data_engineering_hire(catalog):
    spec = spec_with(
        [
            ("ETL Salesforce to warehouse nightly", 8),
            ("dbt models for revenue reporting", 8),
            ("CDC Postgres to lake", 6),
        ]
    )
    result = recommend(spec, catalog)
    assert result.data_engineering
    assert result.title == "Data engineer"
    assert any("this is a data-engineering hire, not an ML one" in reason for reason in result.reasons)
    with_model = spec_with([("ETL Salesforce to warehouse nightly", 8), ("feature pipeline for the churn model", 8)])
    assert not recommend(with_model, catalog).data_engineering


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("train our own 1B model on support transcripts", "training your own models"),
        ("Pretrain a small LM on our tickets", "training your own models"),
        ("judge new arXiv retrieval method for adoption", "evaluating research for adoption"),
        ("Reproduce the paper's gains on our fraud data", "evaluating research for adoption"),
        ("Build an inference engine for the on-device models", "core ML infrastructure"),
        ("Cross-lingual matching with no known approach: a novel problem", "a genuinely novel problem"),
    ],
)
def test_phd_work_is_decided_by_what_the_task_does(catalog, text, reason):
    result = recommend(spec_with([(text, 10)]), catalog)
    assert result.phd_tasks, text
    assert any(found.startswith(reason) for found in result.phd_tasks[0].phd_reasons)
    assert result.to_json()["phd_tasks"][0]["evidence"]


@pytest.mark.parametrize(
    "text",
    [
        "OCR the paper claim forms into the claims table",
        "Kafka consumer to online feature store",
        "Build a feature store for the ranking models",
        "Fine-tune the reranker on our click logs",
    ],
)
def test_keywords_alone_do_not_justify_a_phd(catalog, text):
    assert not recommend(spec_with([(text, 10)]), catalog).phd_tasks


def test_model_training_title_never_contradicts_the_phd_reasons(catalog):
    spec = spec_with([("Fine-tune the reranker on our click logs and compare architectures offline", 20)])
    result = recommend(spec, catalog)
    assert "model training" not in result.title
    assert not any("no task trains your own models" in reason.lower() and result.phd_tasks for reason in result.reasons)


def test_team_advice_says_which_gap_this_hire_closes_and_which_stays_open(catalog):
    spec = spec_with(
        [("Set up drift monitoring and on-call alerts for the fraud model", 20)], stage="scaling", current=()
    )
    team = recommend(spec, catalog).team
    assert team.lacks == ("researcher", "developer", "operator")
    assert team.covers == ("operator",)
    assert team.leaves_open == ("researcher", "developer")
    text = " ".join(team.sentences)
    assert "covers operator, and researcher and developer stay open" in text
    assert "For the missing researcher: a second req" in text
    assert "Hire the researcher first" in text
    assert "closes that gap" not in text


def test_an_operator_hire_at_pre_product_is_not_clear(catalog):
    spec = spec_with([("Set up drift monitoring and on-call alerts for the churn model", 20)], stage="pre-product")
    result = recommend(spec, catalog)
    assert result.hire_archetype == "operator"
    assert result.strength_label != "clear"
    assert any("An operator hire at the pre-product stage" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("role", "field", "start"),
    [
        ({}, "role.pay", "No pay range is given"),
        ({"pay": {"min": 9000, "max": 12000}}, "role.pay.max", "The pay range USD 9,000–12,000 per year is below"),
        ({"pay": {"min": 180000, "max": 220000, "period": "month"}}, "role.pay.min", "The pay range USD 180,000–"),
        ({"pay": {"min": 90000, "max": 250000}}, "role.pay", "The pay range USD 90,000–250,000 per year is too wide"),
        (
            {"title": "Staff ML platform engineer", "pay": {"min": 110000, "max": 140000}},
            "role.pay.max",
            "The pay range USD 110,000–140,000 per year tops out below what a staff ML hire expects",
        ),
    ],
    ids=["missing", "a-missing-zero", "yearly-as-monthly", "too-wide", "below-the-level"],
)
def test_a_missing_or_implausible_pay_range_is_warned_on_its_field(catalog, role, field, start):
    result = recommend(spec_with([("Build the inference API", 20)], role=role), catalog)
    pay_notes = [note for note in result.notes if note.field and note.field.startswith("role.pay")]
    assert [(note.field, note.message[: len(start)]) for note in pay_notes] == [(field, start)]


@pytest.mark.parametrize(
    "pay",
    [
        {"min": 150000, "max": 190000},
        {"min": 70, "max": 95, "period": "hour"},
        {"min": 9000, "max": 11000, "currency": "EUR", "period": "month"},
        {"min": 400000, "max": 600000, "currency": "JPY"},  # no bounds known for the currency: only the spread
    ],
)
def test_a_plausible_pay_range_is_not_warned(catalog, pay):
    result = recommend(spec_with([("Build the inference API", 20)], role={"pay": pay}), catalog)
    assert not [note for note in result.notes if note.field and note.field.startswith("role.pay")]


def test_reasons_are_sentences(catalog):
    result = recommend(spec_with([("Build the inference API", 20)]), catalog)
    for reason in result.reasons:
        assert (reason[0].isupper() or reason[0].isdigit()) and reason.endswith("."), reason
    assert "because the usual title" not in " ".join(result.reasons)


def test_a_vague_task_never_becomes_an_outcome(catalog):
    from rolescope.jd import render_jd

    spec = spec_with([("work on AI", 10), ("Build the scoring API for the fraud model", 12)])
    text = render_jd(spec, recommend(spec, catalog), catalog)
    assert "Build the scoring API" in text
    assert "work on AI" not in text
