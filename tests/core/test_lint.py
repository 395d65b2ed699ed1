"""rolescope lint: output shapes, exit codes, rules as data, suppressions, and the
rule that everything rolescope itself publishes lints clean."""

from __future__ import annotations

import io
import json

import pytest

from rolescope.catalog import load_catalog
from rolescope.cli import main
from rolescope.export import RENDERERS, roles_to_publish
from rolescope.lint import lint_text
from rolescope.recommend import recommend
from rolescope.specio import read_spec
from tests.conftest import PRESET_NAMES, preset_path
from tests.core.test_golden import GOLDEN

BAD = """# AI Guru

## Mission

Keep our fraud models healthy.

## Responsibilities

- Set up drift monitoring and alerting for the fraud model in production
- Own the on-call rotation for the scoring service and its runbooks
- Build the deployment pipeline for the scoring service with tests and CI

## Requirements

- PhD in machine learning
- Operated production services on call
"""


def run(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "job.md"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_text_output_is_file_line_col_rule_severity_message(bad, capsys):
    code, out, err = run(capsys, "lint", str(bad))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert f"{bad}:1:6 empty-label warning “Guru”: " in "\n".join(lines)
    assert any(line.startswith(f"{bad}:15:3 credentials-on-engineering warning “PhD”") for line in lines)
    assert any(line.startswith(f"{bad}:15:3 production-buried warning") for line in lines)
    assert any(line.startswith(f"{bad}:0:0 missing-outcomes warning") for line in lines)


def test_json_is_one_object_per_finding(bad, capsys):
    code, out, _ = run(capsys, "lint", str(bad), "--json")
    findings = json.loads(out)
    assert code == 1 and findings
    for finding in findings:
        assert {"file", "line", "rule", "severity", "message"} <= set(finding)
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["line"] is None or finding["line"] >= 1
    assert any(f["rule"] == "missing-pay" and f["line"] is None for f in findings)


def test_sarif_is_2_1_0_with_rules_and_regions(bad, capsys):
    code, out, _ = run(capsys, "lint", str(bad), "--sarif")
    sarif = json.loads(out)
    assert code == 1 and sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    run_ = sarif["runs"][0]
    rules = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == str(bad)
        assert "region" not in location or location["region"]["startLine"] >= 1


def test_min_severity_and_exit_codes(tmp_path, bad, capsys):
    code, out, _ = run(capsys, "lint", str(bad), "--min-severity", "error")
    assert (code, out) == (0, "")
    clean = tmp_path / "clean.md"
    clean.write_text((GOLDEN / "rag-support-search.ai-product-engineer.md").read_text(encoding="utf-8"))
    assert run(capsys, "lint", str(clean))[0] == 0
    code, _, err = run(capsys, "lint", str(tmp_path / "missing.md"))
    assert code == 2 and err == f"{tmp_path / 'missing.md'}: no such file\n"
    code, _, err = run(capsys, "lint", str(tmp_path / "missing.md"), str(clean))
    assert code == 1 and err.count("\n") == 1
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"# Title\n\x81\x8d\x9d\n")  # neither UTF-8 nor Windows-1252
    code, _, err = run(capsys, "lint", str(binary))
    assert err == f"{binary}:2: is neither UTF-8 nor Windows-1252 text (byte 0x81)\n" and code == 2
    empty = tmp_path / "empty.md"
    empty.write_text(" \n\n", encoding="utf-8")
    code, _, err = run(capsys, "lint", str(empty))
    assert (code, err) == (2, f"{empty}: is empty; there is no posting to lint\n")


def test_a_posting_saved_by_windows_tools_is_read(tmp_path, capsys):
    """Windows-1252 (Word's "smart quotes" and dashes) and UTF-16 with its mark are
    postings as any other; every column is where it is in the file."""
    posting = "# ML engineer\n\n## What you'll do\n\n- Be a rockstar \u2013 \u201cown\u201d the caf\u00e9 model\n"
    for encoding in ("cp1252", "utf-16"):
        path = tmp_path / f"{encoding}.md"
        path.write_bytes(posting.encode(encoding))
        _, out, _ = run(capsys, "lint", "--json", str(path))
        found = {(f["rule"], f["line"], f["column"]) for f in json.loads(out)}
        assert ("empty-label", 5, 8) in found, (encoding, found)


def test_stdin_is_read_for_dash(monkeypatch, capsys):
    code, out, _ = run(capsys, "lint", "-", "--json", stdin=BAD, monkeypatch=monkeypatch)
    assert code == 1 and all(f["file"] == "-" for f in json.loads(out))


def test_a_comment_suppresses_one_finding_naming_rule_and_reason(tmp_path, capsys):
    path = tmp_path / "job.md"
    path.write_text(
        BAD.replace("# AI Guru", "<!-- rolescope: ignore empty-label the team's own name for the role -->\n# AI Guru")
    )
    _, out, _ = run(capsys, "lint", str(path), "--json")
    assert not [f for f in json.loads(out) if f["rule"] == "empty-label"]
    path.write_text(BAD.replace("# AI Guru", "<!-- rolescope: ignore empty-label -->\n# AI Guru"))
    _, out, _ = run(capsys, "lint", str(path), "--json")
    rules = [f["rule"] for f in json.loads(out)]
    assert "empty-label" in rules and "bad-suppression" in rules


def test_a_user_config_disables_rules_and_adds_phrases(tmp_path, bad, capsys):
    presets = tmp_path / "presets"
    presets.mkdir()
    (presets / "lint.toml").write_text(
        '[settings]\ndisable = ["empty-label"]\n\n[rules.hype]\nadd = ["healthy"]\n', encoding="utf-8"
    )
    _, out, _ = run(capsys, "lint", str(bad), "--json", "--presets", str(presets))
    findings = json.loads(out)
    assert not [f for f in findings if f["rule"] == "empty-label"]
    assert [f["line"] for f in findings if f["rule"] == "hype"] == [5]
    typo = tmp_path / "typo"
    typo.mkdir()
    (typo / "lint.toml").write_text('[settings]\ndisable = ["empty-labl"]\n', encoding="utf-8")
    code, _, err = run(capsys, "lint", str(bad), "--presets", str(typo))
    assert code == 2 and "did you mean 'empty-label'?" in err and err.count("\n") == 1


def test_plain_ml_postings_are_not_called_gender_coded(catalog):
    text = """# ML infrastructure engineer

## What you will own

- Error analysis and analytics dashboards for the decision tree models
- Active learning loops for the labelling queue, as an individual contributor
- Support for the data team: shared feature store, commit hooks, clear responsibilities
- Incident response and the connection pool of the inference service
- Dependency upgrades and the training objective of the ranking model
"""
    coded = [f for f in lint_text(text, catalog).findings if f.rule.startswith("gender-coded")]
    assert coded == []


def test_a_masculine_coded_posting_reports_the_balance(catalog):
    text = "## Must-have skills\n\n- Aggressive, competitive, dominant, fearless, decisive and ambitious: you lead\n"
    findings = lint_text(text, catalog).findings
    balance = [f for f in findings if f.rule == "gender-coded"]
    assert len(balance) == 1 and balance[0].line is None and "masculine-coded" in balance[0].message


def test_a_pay_transparency_place_makes_the_range_required(catalog):
    text = "## Pay\n\nCompetitive salary. Office in Denver, Colorado.\n"
    findings = {f.rule: f for f in lint_text(text, catalog).findings}
    assert "Colorado" in findings["pay-range-required"].message and "missing-pay" not in findings
    ranged = lint_text(text + "\nUSD 120,000–150,000 per year\n", catalog).findings
    assert "pay-range-required" not in {f.rule for f in ranged}


def _rules(text, catalog, fmt="md"):
    return [(f.rule, f.line) for f in lint_text(text, catalog, fmt).findings]


def test_a_name_is_not_a_gender_coded_word_but_the_posting_s_own_wording_is(catalog):
    """A coded word capitalised inside a sentence names a team, a company or a
    clearance; at the start of a line or a sentence it is the posting's wording."""
    text = (
        "## About the team\n\n"
        "You join the Decisioning team at Analytic Partners and need an Active clearance.\n"
        "- Decisive about trade-offs. Competitive drive, as a Leader would have.\n"
    )
    words = [
        f.message.split("”")[0].lstrip("“") for f in lint_text(text, catalog).findings if f.rule == "gender-coded-word"
    ]
    assert words == ["Decisive", "Competitive"]
    # After an emoji, a numbered item's ")" or bold, a word still opens its line.
    opened = "## Must have\n\n🚀 Decisive about trade-offs\n1) Competitive drive\n✅ **Ambitious** goals\n"
    found = [f.line for f in lint_text(opened, catalog).findings if f.rule == "gender-coded-word"]
    assert found == [3, 4, 5]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("What we're looking for", "must_have"),
        ("Your profile", "must_have"),
        ("Who you are", "must_have"),
        ("What you need", "must_have"),
        ("Desirable", "nice_to_have"),
        ("Good to have", "nice_to_have"),
        ("Your mission", "owns"),
        ("What you'll be doing", "owns"),
        ("Perks", "benefits"),
        ("What we offer", "benefits"),
        ("Recruitment process", "interview"),
    ],
)
def test_headings_as_postings_word_them_open_their_sections(heading, section, catalog):
    from rolescope.postparse import section_of

    assert section_of(heading, catalog.lint) == section


def test_benefits_are_never_read_as_duties(catalog):
    text = (
        "# ML engineer\n\n- Build the feature pipeline for the churn model\n\n"
        "## Perks\n\n- Team offsites twice a year\n- Hybrid working and a new office\n"
    )
    assert "vague-duty" not in {rule for rule, _ in _rules(text, catalog)}


def test_vague_pay_wording_beside_a_stated_range_is_not_a_finding(catalog):
    alone = "## Pay\n\nCompetitive salary, depending on experience.\n"
    assert [rule for rule, _ in _rules(alone, catalog) if rule == "pay-not-a-range"] == ["pay-not-a-range"] * 2
    ranged = "## Pay\n\n$85–$110 per hour, depending on experience.\n"
    assert "pay-not-a-range" not in {rule for rule, _ in _rules(ranged, catalog)}
    assert "pay-not-a-range" in {rule for rule, _ in _rules("## Pay\n\nTop-of-market compensation.\n", catalog)}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("- A degree from a top-tier university", "prestige"),
        ("- A top-10 CS program (Stanford, MIT or similar)", "prestige"),
        ("- Ideally a FAANG background", "prestige"),
        ("- He or she will own the ranking service", "gendered-term"),
        ("- Report to the chairman of the risk committee", "gendered-term"),
        ("- Plan the manpower for the labelling team", "gendered-term"),
        ("- A strong culture fit", "exclusionary-culture"),
        ("- Available evenings and weekends during launches", "exclusionary-culture"),
        ("- We work hard and play hard", "hype"),
        ("- Join the AI revolution", "hype"),
    ],
)
def test_prestige_gendered_terms_and_exclusionary_culture_are_found(line, rule, catalog):
    assert (rule, 3) in _rules(f"## Requirements\n\n{line}\n", catalog)


def test_a_migration_is_an_outcome_that_is_met_or_missed(catalog):
    text = (
        "## In your first six months\n\n"
        "- Ship the feature-store migration for the ETA model\n"
        "- Decommission the legacy scoring cron jobs\n"
        "- Make the alerts better\n"
    )
    assert [line for rule, line in _rules(text, catalog) if rule == "unmeasurable-outcome"] == [5]


def test_research_credentials_first_are_right_for_a_research_job(catalog):
    requirements = "## Requirements\n\n- PhD in machine learning\n- Operated production services on call\n"
    research = (
        "## Responsibilities\n\n- Design the ablation study for the new retrieval model\n"
        "- Decide whether uncertainty estimates reduce radiologist workload, with a prospective evaluation\n"
        "- Run error analysis on the misses of the triage model and propose the next experiments\n\n"
    )
    engineering = (
        "## Responsibilities\n\n- Build the deployment pipeline for the scoring service\n"
        "- Set up drift monitoring and alerting for the fraud model\n"
        "- Own the on-call rotation for the inference service\n\n"
    )
    assert "production-buried" not in {rule for rule, _ in _rules(research + requirements, catalog)}
    assert "production-buried" in {rule for rule, _ in _rules(engineering + requirements, catalog)}


def test_the_literal_senses_of_those_words_are_left_alone(catalog):
    text = (
        "## Responsibilities\n\n"
        "- Train the next generation of our in-house extraction models\n"
        "- Run the champion/challenger model comparison each quarter\n"
        "- Write the shell scripts the team uses, and the manual for them\n"
        "- Keep the on-call rota: one week in six, with a day off after\n"
    )
    rules = {rule for rule, _ in _rules(text, catalog)}
    assert not rules & {"hype", "gendered-term", "exclusionary-culture", "prestige", "gender-coded-word"}


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_every_description_rolescope_generates_lints_clean(name, catalog):
    """Every preset, and both roles of every split, in Markdown and plain text."""
    spec = read_spec(preset_path(name))
    for role in roles_to_publish(spec, recommend(spec, catalog), catalog):
        for extension in ("md", "txt"):
            findings = lint_text(RENDERERS[extension](role.document), load_catalog(), extension).findings
            assert [f for f in findings if f.at_least("warning")] == [], (role.document.title, extension)


def test_a_missing_pay_range_is_said_once_on_rolescopes_own_description(catalog):
    """The recommendation warns of the missing range, naming the field to fix; the
    linter's info about the same gap is not repeated beside it. On a posting from
    elsewhere the linter still says it."""
    from rolescope.document import build_document
    from rolescope.lint import lint_document

    spec = read_spec(preset_path("rag-support-search"))
    spec = spec.model_copy(update={"role": spec.role.model_copy(update={"pay": None})})
    document = build_document(spec, recommend(spec, catalog), catalog)
    about_pay = [f for f in [*document.findings, *lint_document(document, catalog)] if "pay range" in f.message]
    assert [(f.rule, f.field) for f in about_pay] == [("recommend", "role.pay")]
    plain = RENDERERS["md"](document)
    assert "missing-pay" in {f.rule for f in lint_text(plain, catalog).findings}
