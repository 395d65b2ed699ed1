"""Pay and the company's ML stage as real postings write them: `lint` and `import`
read one pay range the same way (currency by symbol or code, k, lakh/LPA, crore,
per year, month, day or hour), a day rate is never called a yearly salary, and the
stage comes from what the posting says of its ML team and models, with a note
that it is a guess when the posting says nothing."""

from __future__ import annotations

import pytest

from rolescope.importer import import_posting
from rolescope.lint import lint_text
from rolescope.paytext import has_pay_range
from rolescope.specio import dump_spec, parse_spec

_DUTIES = (
    "## What you will do\n\n"
    "- Build the scoring API for the checkout page\n"
    "- Set up drift alerts on the ranking model\n"
    "- Write the deployment pipeline for the model service\n"
)


def _posting(top: str, about: str = "", pay: str = "") -> str:
    parts = ["# Senior Machine Learning Engineer", top, about, _DUTIES, pay]
    return "\n\n".join(part for part in parts if part) + "\n"


def _import(text: str, catalog, fmt: str = "md"):
    return import_posting(text, catalog, fmt=fmt, source="posting.md")


def _lint_rules(text: str, catalog, fmt: str = "md") -> set[str]:
    return {finding.rule for finding in lint_text(text, catalog, fmt).findings}


# ------------------------------------------------------------------------------- pay


@pytest.mark.parametrize(
    ("line", "pay"),
    [
        ("📍 Bengaluru (hybrid) · 💼 Full-time · 💰 ₹28–40 LPA + ESOPs", (2_800_000, 4_000_000, "INR", "year")),
        ("CTC: ₹1.2–1.5 crore", (12_000_000, 15_000_000, "INR", "year")),
        ("Salary: Rs. 28,00,000 - 40,00,000 per annum", (2_800_000, 4_000_000, "INR", "year")),
        (
            "**Location:** London (hybrid) | **Team:** Credit Decisioning | **Salary:** £70,000 - £85,000 + bonus",
            (70_000, 85_000, "GBP", "year"),
        ),
        ("Vergütung: EUR 78.000 – 96.000 gross per year", (78_000, 96_000, "EUR", "year")),
        ("Base salary: CHF 120'000 to 150'000 p.a.", (120_000, 150_000, "CHF", "year")),
        ("We pay between $120,000 and $150,000 a year.", (120_000, 150_000, "USD", "year")),
        ("Pay: $85–$110/hr, depending on experience (W-2)", (85, 110, "USD", "hour")),
        ("Package: S$8,000 – 12,000 monthly", (8_000, 12_000, "SGD", "month")),
        ("Compensation: C$120k—C$140k plus equity", (120_000, 140_000, "CAD", "year")),
        ("Annual salary ¥8M–¥12M", (8_000_000, 12_000_000, "JPY", "year")),
        ("Salary: 65 000 – 80 000 € brutto", (65_000, 80_000, "EUR", "year")),
        ("Rate: $60/hr - $80/hr on a W-2", (60, 80, "USD", "hour")),
        ("Base salary range: $180K/yr - $220K/yr", (180_000, 220_000, "USD", "year")),
        ("年収 ¥8,000,000〜¥12,000,000", (8_000_000, 12_000_000, "JPY", "year")),
    ],
)
def test_lint_and_import_read_the_same_pay_range(catalog, line, pay):
    text = _posting("Acme Retail", pay=f"## Pay\n\n{line}")
    assert has_pay_range(line)
    assert not {"missing-pay", "pay-range-required"} & _lint_rules(text, catalog)
    spec = _import(text, catalog).spec
    assert spec.role.pay is not None
    assert (spec.role.pay.min, spec.role.pay.max, spec.role.pay.currency, spec.role.pay.period) == pay
    assert parse_spec(dump_spec(spec)) == spec


@pytest.mark.parametrize(
    "line",
    [
        "We raised $20–30 million from investors who back deep tech.",
        "Series B: $5M-$10M ARR and growing",
        "Competitive salary, up to €95k",
        "3-5 years of Python and 2–3 years of PyTorch",
        "- Learning budget: $1,000\n- $1,500 home-office allowance",
        "Bonus of $10-15% of base",
    ],
)
def test_money_that_is_not_a_pay_range_is_not_read_as_one(catalog, line):
    text = _posting("Acme Retail", pay=f"## Benefits\n\n{line}")
    assert not has_pay_range(line)
    assert "missing-pay" in _lint_rules(text, catalog)
    assert _import(text, catalog).spec.role.pay is None


@pytest.mark.parametrize(
    "line",
    ["Day rate: £550-£650 per day, outside IR35", "Rate: £550–£650/day (outside IR35)", "£550 to £650 daily"],
)
def test_a_day_rate_is_pay_but_never_a_yearly_salary(catalog, line):
    text = (
        "MLOps Engineer (Contract)\nNorthgate Health\n\n"
        + line
        + "\n\nKey responsibilities:\n"
        + (
            "- Deploy vendor models into each hospital's on-premise environment\n"
            "- Build monitoring for model performance, uptime and data drift across sites\n"
        )
    )
    assert "missing-pay" not in _lint_rules(text, catalog, "txt")
    imported = _import(text, catalog, fmt="txt")
    assert imported.spec.role.pay is None  # not GBP 550–650 "per year"
    note = next(note for note in imported.notes if "per day" in note)
    assert "GBP 550–650 per day" in note and "68.75–81.25 per hour" in note


def test_a_week_rate_is_left_out_with_the_hours_it_assumes(catalog):
    text = _posting("Acme Retail", pay="## Pay\n\n£2,500 – £3,000 per week")
    imported = _import(text, catalog)
    assert imported.spec.role.pay is None
    assert any("per week" in note and "At 40 hours a week" in note for note in imported.notes)


# ----------------------------------------------------------------------------- stage


@pytest.mark.parametrize(
    ("about", "stage", "cue"),
    [
        ("You'll join a team of 14 ML engineers across search and ads.", "live-model", "team of 14 ML"),
        ("We're a 120-person company and our AI group is six people.", "live-model", "AI group is six"),
        ("You'll report to the Head of ML Platform.", "live-model", "Head of ML"),
        ("You'll work closely with two data scientists and our SRE team.", "live-model", "two data scientists"),
        ("We're looking for an engineer to join our Recommendations team.", "live-model", "Recommendations team"),
        (
            "The recommendation models serving 40M users need someone to keep them healthy.",
            "live-model",
            "models serving",
        ),
        (
            "We run 30 models in production for payments, lending and insurance.",
            "scaling",
            "30 models in production",
        ),
        (
            "We're a bank with millions of customers, and you'll be our first ML hire.",
            "pre-product",
            "first ML hire",
        ),
        (
            "There are no models in production yet: you will ship the first one.",
            "pre-product",
            "no models in production",
        ),
    ],
)
def test_the_stage_is_read_from_what_the_posting_says_of_its_ml(catalog, about, stage, cue):
    imported = _import(_posting("Acme Retail", f"## About us\n\n{about}"), catalog)
    assert imported.spec.company.stage == stage
    assert f"The stage is read as {stage} from “{cue}”: check company.stage." in imported.notes


def test_the_candidate_s_experience_and_the_title_say_nothing_of_the_company_s_stage(catalog):
    text = (
        "# Head of ML\n\nAcme Retail\n\n"
        + _DUTIES
        + "\n## Requirements\n\n- 3+ years running Python services in production\n- Led an ML team of 5 or more\n"
    )
    imported = _import(text, catalog)
    assert imported.spec.company.stage == "pre-product"
    guess = [note for note in imported.notes if "stage" in note]
    assert guess and "is a guess" in guess[0]


def test_an_import_never_claims_there_is_no_ml_team(catalog):
    imported = _import(_posting("Acme Retail", "## About us\n\nWe sell furniture online."), catalog)
    assert imported.spec.team.current == []
    assert not any("no ML team yet" in note for note in imported.notes)
    assert any("team.current" in note and "set it" in note for note in imported.notes)
