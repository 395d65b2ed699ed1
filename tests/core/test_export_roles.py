"""export obeys the verdict: a split publishes two roles (unless --as-one, which
carries a finding), every warning reaches the lead, and the files are written."""

from __future__ import annotations

import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolescope.catalog import load_catalog
from rolescope.cli import main
from rolescope.recommend import recommend
from rolescope.spec import RoleSpec, Task
from rolescope.specio import dump_spec, parse_spec, read_spec
from rolescope.split import split_specs
from tests.conftest import MINIMAL_SPEC, preset_path

SPLIT = preset_path("two-roles-in-one")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_split_spec_exports_as_its_two_roles(tmp_path, capsys):
    code, out, err = run(capsys, "export", str(SPLIT), "--out", str(tmp_path), "--format", "md,txt,html")
    assert code == 0, err
    assert "two roles, as the verdict says" in out
    names = sorted(path.name for path in tmp_path.iterdir())
    stems = sorted({name.split(".", 1)[0] for name in names})
    assert stems == [
        "fenwick-freight-founding-ai-product-engineer",
        "fenwick-freight-founding-applied-research-scientist",
    ]
    # Each role: its spec, its description and its interview kit in every format.
    assert len(names) == 14
    original = read_spec(SPLIT)
    for stem in stems:
        part = read_spec(tmp_path / f"{stem}.toml")
        description = (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
        assert description.startswith(f"# {part.role.title}\n")
        for extension in ("md", "txt", "html"):
            assert part.role.title in (tmp_path / f"{stem}.interview.{extension}").read_text(encoding="utf-8")
        # Everything the lead entered that applies: pay, location, mission, and the skills of its kind.
        assert part.role.pay == original.role.pay and part.role.location == original.role.location
        assert part.role.mission == original.role.mission
        assert set(part.role.must_have) <= set(original.role.must_have) and part.role.must_have
        assert all(task.text in {t.text for t in original.tasks} for task in part.tasks)
    research = read_spec(tmp_path / f"{stems[1]}.toml")
    engineering = read_spec(tmp_path / f"{stems[0]}.toml")
    assert "Built tabular models from scratch with time-based validation and leakage checks" in research.role.must_have
    assert (
        "Built tabular models from scratch with time-based validation and leakage checks"
        not in engineering.role.must_have
    )
    assert "Python and SQL" in research.role.must_have and "Python and SQL" in engineering.role.must_have
    assert len(research.tasks) + len(engineering.tasks) == len(original.tasks)


def test_as_one_publishes_one_posting_and_carries_a_finding(tmp_path, capsys):
    code, _out, err = run(capsys, "export", str(SPLIT), "--out", str(tmp_path), "--as-one")
    assert code == 1
    assert len(list(tmp_path.glob("*.toml"))) == 1 and len(list(tmp_path.glob("*.interview.md"))) == 1
    assert len(list(tmp_path.glob("*.md"))) == 2  # the description and the kit
    assert "[as-one]" in err and str(SPLIT) in err


def test_recommend_warnings_reach_export_and_files_are_still_written(tmp_path, capsys):
    spec = tmp_path / "role.toml"
    spec.write_text(MINIMAL_SPEC + '\n[[tasks]]\ntext = "Work on our AI product"\nweeks = 3\n', encoding="utf-8")
    code, _out, err = run(capsys, "export", str(spec), "--out", str(tmp_path / "out"))
    assert code == 1
    lines = err.splitlines()
    assert any(line.startswith(f"{spec}: tasks[2].text: warning: Task 2 is too vague") for line in lines)
    assert any(line.startswith(f"{spec}: tasks: warning: Only 9 of the 26 weeks") for line in lines)
    assert len(list((tmp_path / "out").glob("*.toml"))) == 1
    assert len(list((tmp_path / "out").glob("*.interview.md"))) == 1


def test_split_out_and_export_write_the_same_two_specs(tmp_path, capsys):
    code, _, err = run(capsys, "recommend", str(SPLIT), "--split-out", str(tmp_path / "split"))
    assert code == 0, err
    code, _, err = run(capsys, "export", str(SPLIT), "--out", str(tmp_path / "export"))
    assert code == 0, err
    for path in (tmp_path / "split").glob("*.toml"):
        assert path.read_bytes() == (tmp_path / "export" / path.name).read_bytes()


def test_a_bad_format_is_bad_usage(tmp_path, capsys):
    code, _, err = run(capsys, "export", str(SPLIT), "--out", str(tmp_path), "--format", "md,pdf")
    assert code == 2 and "md, txt, html" in err and err.count("\n") == 1


RESEARCH = [
    "Run ablations on the feature groups to choose which data sources to keep",
    "Develop a new ranking model: baselines, feature engineering and model selection",
    "Error analysis on the worst predictions, written up with the next experiments",
]
ENGINEERING = [
    "Build the low-latency prediction API that the product calls",
    "Set up monitoring and alerts for prediction drift and API health",
    "Build the daily pipelines that load events into the warehouse, with tests",
]
SKILLS = ["Python and SQL", "PhD in statistics", "Shipped production services with CI", "Ablation studies"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    research=st.lists(st.tuples(st.sampled_from(RESEARCH), st.integers(1, 8)), min_size=1, max_size=4),
    engineering=st.lists(st.tuples(st.sampled_from(ENGINEERING), st.integers(1, 8)), min_size=1, max_size=4),
    must=st.lists(st.sampled_from(SKILLS), max_size=4, unique=True),
)
def test_split_roles_load_back_equal_and_keep_what_applies(research, engineering, must):
    catalog = load_catalog()
    spec = RoleSpec(
        company={"name": "Acme Rockets", "stage": "live-model"},
        role={"must_have": must, "location": "Leeds"},
        tasks=[Task(text=text, weeks=weeks) for text, weeks in research + engineering],
    )
    recommendation = recommend(spec, catalog)
    if not recommendation.split:
        return
    parts = split_specs(spec, recommendation, catalog)
    assert len(parts) == 2
    assert sorted(len(part.tasks) for part in parts) == sorted(len(role.task_numbers) for role in recommendation.split)
    for part in parts:
        assert parse_spec(dump_spec(part)) == part  # what rolescope writes loads back equal
        assert tomllib.loads(dump_spec(part))["role"]["location"] == "Leeds"
    # Every skill the lead wrote goes to at least one role.
    assert set(must) <= {skill for part in parts for skill in part.role.must_have}
