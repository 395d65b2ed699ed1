"""Numbers are never rounded: what the lead typed is what is saved and what is shown."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolescope.catalog import load_catalog
from rolescope.errors import SpecError
from rolescope.jd import render_jd
from rolescope.numbers import exact_sum, format_number, parse_number
from rolescope.recommend import recommend
from rolescope.spec import MAX_TASK_WEEKS, Company, Pay, Role, RoleSpec, Task
from rolescope.specio import dump_spec, parse_spec
from rolescope.termtext import render_recommendation
from rolescope.wording import format_pay
from tests.conftest import MINIMAL_SPEC, run_cli

CATALOG = load_catalog()

# Anything the spec accepts: whole numbers as TOML integers, and any float, however many digits.
_weeks = st.one_of(
    st.integers(1, int(MAX_TASK_WEEKS)),
    st.floats(min_value=0, max_value=MAX_TASK_WEEKS, exclude_min=True, allow_nan=False),
)
_amount = st.one_of(st.integers(0, 10**9), st.floats(min_value=0, max_value=1e9, allow_nan=False))


def reads_back(text: str) -> float:
    """A number as a person reads it, thousands separators and all."""
    return float(text.replace(",", ""))


@settings(max_examples=300, deadline=None)
@given(weeks=_weeks, low=_amount, high=_amount)
def test_any_weeks_and_pay_load_back_equal_and_print_without_loss(weeks, low, high):
    low, high = sorted((low, high))
    spec = RoleSpec(
        company=Company(name="Lumen Docs"),
        role=Role(pay=Pay(min=low, max=high)),
        tasks=[Task(text="Build the pipeline that loads articles into a vector index", weeks=weeks)],
    )
    text = dump_spec(spec)
    loaded = parse_spec(text)
    assert loaded == spec
    assert (loaded.tasks[0].weeks, loaded.role.pay.min, loaded.role.pay.max) == (weeks, low, high)
    if float(weeks).is_integer():
        assert f"\nweeks = {int(weeks)}\n" in text  # integers stay integers
    if float(low).is_integer():
        assert f"\nmin = {int(low)}\n" in text

    for value in (weeks, low, high):
        assert reads_back(format_number(value)) == value
        assert float(format_number(value, thousands=False)) == value
        assert "e" not in format_number(value)

    recommendation = recommend(loaded, CATALOG)
    shown = render_recommendation("role.toml", loaded, recommendation, CATALOG, colour=False)
    task_line = next(line for line in shown.splitlines() if "vector index" in line)
    assert f" {format_number(weeks)} wk " in task_line
    pay = re.fullmatch(r"USD (\S+)–(\S+) per year", format_pay(loaded.role.pay))
    assert pay and (reads_back(pay[1]), reads_back(pay[2])) == (low, high)
    assert format_pay(loaded.role.pay) in render_jd(loaded, recommendation, CATALOG)


@pytest.mark.parametrize(
    ("value", "for_people", "for_editing"),
    [
        (2345678, "2,345,678", "2345678"),
        (2345678.0, "2,345,678", "2345678"),
        (4.123456789, "4.123456789", "4.123456789"),
        (1e-7, "0.0000001", "0.0000001"),
        (1234567.5, "1,234,567.5", "1234567.5"),
        (6.0, "6", "6"),
        (-0.0, "0", "0"),
    ],
)
def test_format_number(value, for_people, for_editing):
    assert format_number(value) == for_people
    assert format_number(value, thousands=False) == for_editing


def test_totals_add_up_as_typed():
    assert exact_sum([0.1, 0.2]) == 0.3
    spec = parse_spec(MINIMAL_SPEC.replace("weeks = 6", "weeks = 0.1") + '\n[[tasks]]\ntext = "Ship it"\nweeks = 0.2\n')
    assert spec.total_weeks == 0.3
    assert recommend(spec, CATALOG).total_weeks == 0.3


def test_pay_in_the_description_keeps_every_digit():
    assert format_pay(Pay(min=2345678, max=2345679.125)) == "USD 2,345,678–2,345,679.125 per year"
    assert format_pay(Pay(min=52.5, max=60, period="hour")) == "USD 52.50–60 per hour"


def test_an_unordered_pay_range_names_both_amounts_as_written():
    text = MINIMAL_SPEC.replace("[[tasks]]", "[role.pay]\nmin = 2345679\nmax = 2345678\n\n[[tasks]]")
    with pytest.raises(SpecError) as caught:
        parse_spec(text, "spec.toml")
    assert caught.value.lines == ["spec.toml:7: role.pay: max (2345678) is below min (2345679)"]


def test_limits_in_messages_are_written_out():
    text = MINIMAL_SPEC.replace("[[tasks]]", "[role.pay]\nmin = 1\nmax = 2000000000\n\n[[tasks]]")
    with pytest.raises(SpecError) as caught:
        parse_spec(text, "spec.toml")
    assert caught.value.lines == ["spec.toml:9: role.pay.max: must be at most 1,000,000,000 (got 2000000000)"]


def test_the_commands_keep_what_the_lead_typed(tmp_path):
    source = tmp_path / "role.toml"
    source.write_text(
        MINIMAL_SPEC.replace("weeks = 6", "weeks = 4.123456789")
        + '\n[role]\ntitle = "AI product engineer"\n\n[role.pay]\nmin = 2345678\nmax = 2400000\n',
        encoding="utf-8",
    )
    shown = run_cli("recommend", str(source))
    assert shown.returncode == 0, shown.stderr
    assert " 4.123456789 wk " in shown.stdout
    exported = run_cli("export", str(source), "--out", str(tmp_path / "out"))
    assert exported.returncode == 1, exported.stderr  # one short task: findings, files still written
    written = {path.name.partition(".")[2]: path.read_text(encoding="utf-8") for path in (tmp_path / "out").iterdir()}
    assert "weeks = 4.123456789\n" in written["toml"]
    assert "min = 2345678\n" in written["toml"]
    assert "Pay: USD 2,345,678–2,400,000 per year" in written["md"]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("2345678", 2345678), ("4.123456789", 4.123456789), (".5", 0.5), ("6.", 6), ("0.10", 0.1), ("0", 0)],
)
def test_a_typed_number_is_kept_exactly(typed, kept):
    value = parse_number(typed)
    assert value == kept
    assert format_number(value, thousands=False) == format_number(kept, thousands=False)
    assert Decimal(format_number(value, thousands=False)) == Decimal(typed)


@pytest.mark.parametrize(
    "typed", ["", ".", "1..2", "1e5", "-3", "+3", "1,000", "nan", "inf", "１２", "1.23456789012345678901"]
)
def test_what_is_not_a_plain_number_or_cannot_be_kept_exactly_is_refused(typed):
    assert parse_number(typed) is None
