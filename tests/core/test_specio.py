"""Loading and writing specs: the one loader, the one writer, and every way a file can be wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolescope.errors import SpecError
from rolescope.spec import (
    ARCHETYPES,
    FAILURES,
    MAX_STAGE_MINUTES,
    STAGE_KINDS,
    STAGES,
    Company,
    Interview,
    InterviewStage,
    Pay,
    Role,
    RoleSpec,
    Task,
    Team,
)
from rolescope.specio import dump_spec, parse_spec, read_spec, write_spec
from tests.conftest import MINIMAL_SPEC, PRESET_NAMES, preset_path


def errors_of(text: str, source: str = "spec.toml") -> list[str]:
    with pytest.raises(SpecError) as caught:
        parse_spec(text, source)
    return caught.value.lines


def test_minimal_spec_loads():
    spec = parse_spec(MINIMAL_SPEC)
    assert spec.company.name == "Lumen Docs"
    assert spec.company.stage == "pre-product"
    assert spec.tasks[0].weeks == 6
    assert spec.tasks[0].archetype is None


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_presets_round_trip_byte_for_byte(name, tmp_path):
    spec = read_spec(preset_path(name))
    target = tmp_path / "out.toml"
    write_spec(spec, target)
    assert read_spec(target) == spec
    first = target.read_bytes()
    write_spec(read_spec(target), target)
    assert target.read_bytes() == first


def test_writer_uses_table_headers_for_tasks():
    text = dump_spec(parse_spec(MINIMAL_SPEC))
    assert text.startswith("schema_version = 1\n")
    assert "[[tasks]]\n" in text
    assert "weeks = 6\n" in text  # whole weeks stay whole


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            ('stage = "pre-product"', 'stage = "pre-prodct"'),
            "spec.toml:5: company.stage: 'pre-prodct' is not one of: pre-product, live-model, scaling (did you mean 'pre-product'?)",
        ),
        (("weeks = 6", "weeks = 0"), "spec.toml:9: tasks[1].weeks: must be more than 0 (got 0)"),
        (("weeks = 6", "weeks = -2"), "spec.toml:9: tasks[1].weeks: must be more than 0 (got -2)"),
        (("weeks = 6", 'weeks = "six"'), "spec.toml:9: tasks[1].weeks: must be a number (got 'six')"),
        (("weeks = 6", "weeks = nan"), "spec.toml:9: tasks[1].weeks: must be a finite number (got nan)"),
        (("weeks = 6", "weeks = inf"), "spec.toml:9: tasks[1].weeks: must be a finite number (got inf)"),
        (("weeks = 6", "weeks = 1e9"), "spec.toml:9: tasks[1].weeks: must be at most 52 (got 1000000000.0)"),
        (("weeks = 6", "weeks = true"), "spec.toml:9: tasks[1].weeks: must be a number (got True)"),
        (('text = "Build', 'text = "   "\n#"Build'), "spec.toml:8: tasks[1].text: must not be empty"),
        (
            ("weeks = 6", 'weeks = 6\narchetype = "dev"'),
            "spec.toml:10: tasks[1].archetype: 'dev' is not one of: researcher, developer, operator (did you mean 'developer'?)",
        ),
        (
            ("weeks = 6", "weeks = 6\nwekes = 2"),
            "spec.toml:10: tasks[1].wekes: unknown key 'wekes' (did you mean 'weeks'?); allowed here: text, weeks, archetype, outcome, estimated",
        ),
        (('name = "Lumen Docs"', "name = 7"), "spec.toml:4: company.name: must be text in quotes (got 7)"),
        (('name = "Lumen Docs"', 'name = ""'), "spec.toml:4: company.name: is required: the company's name"),
    ],
)
def test_each_mistake_is_one_line_naming_file_line_and_field(edit, expected):
    old, new = edit
    assert old in MINIMAL_SPEC
    assert errors_of(MINIMAL_SPEC.replace(old, new, 1)) == [expected]


def test_several_mistakes_each_get_a_line_in_file_order():
    text = MINIMAL_SPEC.replace('stage = "pre-product"', 'stage = "later"').replace("weeks = 6", "weeks = -1")
    lines = errors_of(text)
    assert len(lines) == 2
    assert lines[0].startswith("spec.toml:5: company.stage:")
    assert lines[1].startswith("spec.toml:9: tasks[1].weeks:")


def test_unknown_top_level_key_suggests_the_right_one():
    (line,) = errors_of(MINIMAL_SPEC + "\n[compnay]\nname = 'x'\n")
    assert "unknown key 'compnay' (did you mean 'company'?)" in line


def test_missing_pieces():
    assert errors_of("schema_version = 1\n[company]\nname = 'x'\n") == [
        "spec.toml: tasks: at least one [[tasks]] entry is required"
    ]
    (line,) = errors_of(MINIMAL_SPEC.replace("schema_version = 1\n", ""))
    assert line == "spec.toml: schema_version: is missing; add schema_version = 1 at the top"


def test_newer_schema_names_the_release_needed():
    (line,) = errors_of(MINIMAL_SPEC.replace("schema_version = 1", "schema_version = 2"))
    assert line.startswith("spec.toml:1: schema_version: 2 was written by a newer rolescope")
    assert "reads schema_version 1" in line


def test_malformed_toml_names_the_line():
    (line,) = errors_of(MINIMAL_SPEC.replace('stage = "pre-product"', "stage = pre-product"))
    assert line.startswith("spec.toml:5: malformed TOML:")


def test_pay_range_must_be_ordered():
    text = MINIMAL_SPEC.replace("[[tasks]]", "[role.pay]\nmin = 200\nmax = 100\n\n[[tasks]]")
    (line,) = errors_of(text)
    assert line == "spec.toml:7: role.pay: max (100) is below min (200)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is a binary file"),
        (b"schema_version = 1\n\xff\xfe", ":2: is not UTF-8 text"),
    ],
)
def test_unreadable_contents(tmp_path, content, expected):
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    with pytest.raises(SpecError) as caught:
        read_spec(path)
    (line,) = caught.value.lines
    assert line.startswith(str(path))
    assert expected in line


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(SpecError, match="no such file"):
        read_spec(tmp_path / "nope.toml")
    with pytest.raises(SpecError, match="is a directory"):
        read_spec(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.toml"
    path.write_text(MINIMAL_SPEC)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    # Tests often run as root, who can read a chmod-0 file; fail the read itself.
    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(SpecError) as caught:
        read_spec(path)
    assert caught.value.lines == [f"{path}: cannot read it: permission denied"]


def test_utf8_bom_is_accepted():
    assert parse_spec("\ufeff" + MINIMAL_SPEC).company.name == "Lumen Docs"


# ------------------------------------------------------------- property tests

_text = st.text(min_size=1, max_size=60).filter(lambda value: value.strip())
_weeks = st.one_of(st.integers(1, 52).map(float), st.floats(0.01, 52, allow_nan=False, allow_infinity=False))
_task = st.builds(
    Task,
    text=_text,
    weeks=_weeks,
    archetype=st.one_of(st.none(), st.sampled_from(ARCHETYPES)),
    outcome=st.one_of(st.none(), _text),
    estimated=st.one_of(st.none(), st.booleans()),
)
_pay = st.builds(
    lambda low, span, currency, period: Pay(min=float(low), max=float(low + span), currency=currency, period=period),
    st.integers(0, 500_000),
    st.integers(0, 200_000),
    st.sampled_from(["USD", "EUR", "GBP", "INR"]),
    st.sampled_from(["year", "month", "hour"]),
)
_stage = st.builds(
    InterviewStage,
    kind=st.sampled_from(STAGE_KINDS),
    minutes=st.integers(1, MAX_STAGE_MINUTES),
    take_home=st.booleans(),
    name=st.one_of(st.none(), _text),
)
_spec = st.builds(
    RoleSpec,
    description=st.one_of(st.none(), _text),
    company=st.builds(Company, name=_text, stage=st.sampled_from(STAGES)),
    team=st.builds(
        Team,
        current=st.lists(st.sampled_from(ARCHETYPES), max_size=3),
        next_failure=st.one_of(st.none(), st.sampled_from(FAILURES)),
    ),
    role=st.builds(
        Role,
        title=st.one_of(st.none(), _text),
        mission=st.one_of(st.none(), _text),
        location=st.one_of(st.none(), _text),
        must_have=st.lists(_text, max_size=4),
        nice_to_have=st.lists(_text, max_size=3),
        pay=st.one_of(st.none(), _pay),
    ),
    interview=st.builds(
        Interview,
        technical_exercise=st.one_of(st.none(), _text),
        interview_prompt=st.one_of(st.none(), _text),
        operational_check=st.one_of(st.none(), _text),
        stages=st.lists(_stage, max_size=6),
    ),
    tasks=st.lists(_task, min_size=1, max_size=6),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_spec)
def test_write_load_write_is_identical_and_lossless(spec):
    text = dump_spec(spec)
    loaded = parse_spec(text)
    assert loaded == spec
    assert dump_spec(loaded) == text


def test_write_is_atomic_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "role.toml"
    target.write_text("old contents")
    spec = parse_spec(MINIMAL_SPEC)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_spec(spec, target)
    assert target.read_text() == "old contents"
    assert [path.name for path in tmp_path.iterdir()] == ["role.toml"]


STAGED_SPEC = (
    MINIMAL_SPEC
    + """
[interview]
interview_prompt = "Accuracy dropped 10% overnight: what do you check first?"

[[interview.stages]]
kind = "exercise"
minutes = 120
take_home = true

[[interview.stages]]
kind = "scenario"
minutes = 45
name = "Broken search, live"
"""
)


def test_stages_load_in_order_and_write_back_the_same_bytes():
    spec = parse_spec(STAGED_SPEC)
    assert [(stage.kind, stage.minutes, stage.take_home) for stage in spec.interview.stages] == [
        ("exercise", 120, True),
        ("scenario", 45, False),
    ]
    assert spec.interview.stages[1].name == "Broken search, live"
    text = dump_spec(spec)
    assert "[[interview.stages]]" in text
    assert dump_spec(parse_spec(text)) == text


def test_a_spec_without_stages_still_loads():
    assert parse_spec(MINIMAL_SPEC).interview.stages == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("minutes = 45", "minutes = 0"), "interview.stages[2].minutes: must be more than 0 (got 0)"),
        (("minutes = 45", "minutes = 45.5"), "interview.stages[2].minutes: must be a whole number (got 45.5)"),
        (("minutes = 120", "minutes = 900"), "interview.stages[1].minutes: must be at most 480"),
        (('kind = "scenario"', 'kind = "scenaro"'), "did you mean 'scenario'?"),
        (
            ("take_home = true", 'take_home = "yes"'),
            "interview.stages[1].take_home: must be true or false, without quotes",
        ),
    ],
)
def test_a_bad_stage_is_one_line_naming_the_field(edit, expected):
    problems = errors_of(STAGED_SPEC.replace(*edit))
    assert len(problems) == 1
    assert expected in problems[0]
