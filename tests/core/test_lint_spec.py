"""`rolescope lint POSTING --spec SPEC.toml`: the posting compared with the work the
spec plans. A bad posting shows credential inflation the wording rules alone cannot
prove; a description rolescope exports from a spec, linted against that spec, is
clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rolescope.catalog import load_catalog
from rolescope.export import roles_to_publish
from rolescope.jd import build_document, render_markdown
from rolescope.jd_text import render_text
from rolescope.lint import SPEC_KINDS, lint_document, lint_text
from rolescope.lint_spec import description_findings, lint_against_spec, published_against_spec
from rolescope.postparse import parse_posting
from rolescope.recommend import recommend
from rolescope.specio import read_spec
from tests.conftest import PRESET_NAMES, preset_path, run_cli

IMPORTS = Path(__file__).parents[1] / "corpus" / "imports"
BAD = IMPORTS / "inflated-search.md"
BAD_SPEC = IMPORTS / "inflated-search.spec.toml"


def _spec_rules(catalog) -> set[str]:
    return {key for key, rule in catalog.lint.rules.items() if rule.kind in SPEC_KINDS}


def test_the_spec_rules_are_data():
    catalog = load_catalog()
    assert _spec_rules(catalog) == {
        "credentials-not-needed",
        "skill-without-tasks",
        "outcome-missing",
        "title-contradicts-spec",
    }


def test_without_a_spec_the_spec_rules_say_nothing():
    catalog = load_catalog()
    findings = lint_text(BAD.read_text(encoding="utf-8"), catalog).findings
    assert not {finding.rule for finding in findings} & _spec_rules(catalog)


def test_credential_inflation_the_wording_rules_cannot_prove():
    """The posting's own duties read as research, so the wording rule has nothing to
    stand on; the spec says the work is engineering, so the PhD and the publication
    record are asked of work that does not need them."""
    catalog = load_catalog()
    text = BAD.read_text(encoding="utf-8")
    lines = text.splitlines()
    phd = next(number for number, line in enumerate(lines, start=1) if "PhD in machine learning" in line)
    papers = next(number for number, line in enumerate(lines, start=1) if "publication record" in line)
    wording = lint_text(text, catalog).findings
    assert not [finding for finding in wording if finding.rule == "credentials-on-engineering"]
    against = lint_against_spec(parse_posting(text, catalog.lint), read_spec(BAD_SPEC), catalog).findings
    flagged = {finding.line for finding in against if finding.rule == "credentials-not-needed"}
    assert flagged == {phd, papers}
    title = [finding for finding in against if finding.rule == "title-contradicts-spec"]
    assert [finding.line for finding in title] == [1]
    assert "Search ranking engineer" in title[0].message
    missing = [finding for finding in against if finding.rule == "outcome-missing"]
    assert {finding.task for finding in missing} == {1, 2, 3, 4, 5}
    assert all(finding.field == f"tasks[{finding.task}].outcome" for finding in missing)


def test_a_requirement_for_work_no_task_plans():
    catalog = load_catalog()
    text = BAD.read_text(encoding="utf-8").replace(
        "- Experience with learning-to-rank", "- Run ablation studies and error analysis on ranking models"
    )
    findings = lint_against_spec(parse_posting(text, catalog.lint), read_spec(BAD_SPEC), catalog).findings
    skills = [finding for finding in findings if finding.rule == "skill-without-tasks"]
    assert len(skills) == 1 and "researcher work" in skills[0].message


def test_a_research_spec_keeps_its_credentials():
    """The same PhD line against research work that needs it is not flagged."""
    catalog = load_catalog()
    spec = read_spec(preset_path("foundation-model-research"))
    text = BAD.read_text(encoding="utf-8")
    findings = lint_against_spec(parse_posting(text, catalog.lint), spec, catalog).findings
    assert not [finding for finding in findings if finding.rule == "credentials-not-needed"]


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_rolescopes_own_export_against_its_own_spec_is_clean(name):
    catalog = load_catalog()
    spec = read_spec(preset_path(name))
    for role in roles_to_publish(spec, recommend(spec, catalog), catalog):
        for text, markdown in ((render_markdown(role.document), True), (render_text(role.document), False)):
            posting = parse_posting(text, catalog.lint, markdown=markdown)
            findings = lint_against_spec(posting, spec, catalog).findings
            assert [f for f in findings if f.rule in _spec_rules(catalog) or f.at_least("warning")] == []


def test_lint_spec_on_the_command_line(tmp_path):
    result = run_cli("lint", str(BAD), "--spec", str(BAD_SPEC), "--json")
    assert result.returncode == 1
    rules = {finding["rule"] for finding in json.loads(result.stdout)}
    assert {"credentials-not-needed", "title-contradicts-spec", "outcome-missing"} <= rules
    exported = tmp_path / "out"
    run_cli("export", str(preset_path("fraud-model-operator")), "--out", str(exported))
    (posting,) = (path for path in exported.glob("*.md") if not path.name.endswith(".interview.md"))
    clean = run_cli(
        "lint", str(posting), "--spec", str(preset_path("fraud-model-operator")), "--min-severity", "warning"
    )
    assert clean.returncode == 0, clean.stdout
    assert clean.stdout == ""
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\n[company]\nname = 'x'\n")
    bad = run_cli("lint", str(BAD), "--spec", str(broken))
    assert bad.returncode == 2
    assert "broken.toml" in bad.stderr and "tasks" in bad.stderr


def test_html_postings_are_linted_on_their_own_lines():
    path = IMPORTS / "laundry-list-everything.html"
    result = run_cli("lint", str(path), "--json")
    assert result.returncode == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    vague = [finding for finding in json.loads(result.stdout) if finding["rule"] == "vague-duty"]
    assert [lines[finding["line"] - 1].strip() for finding in vague] == ["<li>Be a rockstar team player</li>"]


def test_the_wizards_check_is_lint_spec_on_what_export_publishes(tmp_path):
    """The description step lists what `lint --spec` says of the exported description,
    each finding on the spec field it came from."""
    catalog = load_catalog()
    spec = read_spec(preset_path("fraud-model-operator"))
    assert published_against_spec(spec, recommend(spec, catalog), catalog) == []
    skills = [*spec.role.must_have, "Designing ablation studies for new model architectures"]
    spec = spec.model_copy(update={"role": spec.role.model_copy(update={"title": "ML engineer", "must_have": skills})})
    found = published_against_spec(spec, recommend(spec, catalog), catalog)
    assert {finding.rule for finding in found} == {"title-contradicts-spec", "skill-without-tasks"}
    (skill,) = (finding for finding in found if finding.rule == "skill-without-tasks")
    assert skill.field == f"role.must_have[{len(skills)}]"
    (role,) = roles_to_publish(spec, recommend(spec, catalog), catalog)
    posting = parse_posting(render_markdown(role.document), catalog.lint)
    command_line = lint_against_spec(posting, spec, catalog).findings
    assert {(f.rule, f.message) for f in found} == {
        (f.rule, f.message) for f in command_line if f.rule in _spec_rules(catalog)
    }


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_the_description_steps_findings_are_one_lint_and_what_export_publishes(name):
    """One pass of every rule over the description of a role that is not split says
    what linting it and linting what export publishes say apart; a split's halves
    are linted on their own."""
    catalog = load_catalog()
    written = read_spec(preset_path(name))
    skills = [*written.role.must_have, "Designing ablation studies for new model architectures"]
    more_skills = written.model_copy(update={"role": written.role.model_copy(update={"must_have": skills})})
    for spec in (written, more_skills):
        r = recommend(spec, catalog)
        document = build_document(spec, r, catalog)
        apart = [*lint_document(document, catalog), *published_against_spec(spec, r, catalog)]
        assert sorted(map(repr, description_findings(document, spec, r, catalog))) == sorted(map(repr, apart))
