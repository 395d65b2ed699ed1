"""`lint --sarif` is SARIF 2.1.0: every output is validated against the OASIS schema
shipped in tests/data (the network is not reachable when tests run)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import run_cli

DATA = Path(__file__).parents[1] / "data"
CORPUS = Path(__file__).parents[1] / "corpus"
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _problems(document: dict) -> list[str]:
    return [f"{list(error.absolute_path)}: {error.message}" for error in VALIDATOR.iter_errors(document)]


def test_the_schema_is_the_sarif_2_1_0_schema():
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")


@pytest.mark.parametrize(
    "args",
    [
        [str(CORPUS / "postings" / "bad-health-imaging.md"), str(CORPUS / "postings" / "bad-ecommerce-laundry.txt")],
        [str(CORPUS / "postings" / "clean-legal-search.txt"), "--min-severity", "warning"],
        [
            str(CORPUS / "imports" / "inflated-search.md"),
            "--spec",
            str(CORPUS / "imports" / "inflated-search.spec.toml"),
        ],
    ],
    ids=["findings", "none", "against-a-spec"],
)
def test_sarif_output_validates(args):
    result = run_cli("lint", "--sarif", *args)
    assert result.returncode in (0, 1), result.stderr
    document = json.loads(result.stdout)
    assert _problems(document) == []
    run = document["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for finding in run["results"]:
        assert ids[finding["ruleIndex"]] == finding["ruleId"]
    assert "credentials-not-needed" in ids and "outcome-missing" in ids


def test_the_validator_rejects_what_is_not_sarif():
    result = run_cli("lint", "--sarif", str(CORPUS / "postings" / "bad-health-imaging.md"))
    document = json.loads(result.stdout)
    broken = copy.deepcopy(document)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert _problems(broken)
    broken = copy.deepcopy(document)
    del broken["version"]
    assert _problems(broken)
