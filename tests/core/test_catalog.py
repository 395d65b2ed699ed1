"""Presets are data the user can extend: folders merge, mistakes are named."""

from __future__ import annotations

import pytest

from rolescope.catalog import load_catalog, merge
from rolescope.classify import classify_text
from rolescope.errors import SpecError


def test_merge_rules():
    assert merge({"a": {"x": 1, "y": 2}}, {"a": {"y": 3}}) == {"a": {"x": 1, "y": 3}}
    assert merge({"t": [{"n": 1}]}, {"t": [{"n": 2}]}) == {"t": [{"n": 1}, {"n": 2}]}
    assert merge({"team": ["a", "b"]}, {"team": ["c"]}) == {"team": ["c"]}
    plans = {"loops": {"x": [{"n": 1}], "y": [{"n": 2}]}}
    assert merge(plans, {"loops": {"x": [{"n": 3}]}}, (("loops", "*"),)) == {
        "loops": {"x": [{"n": 3}], "y": [{"n": 2}]}
    }


def test_a_users_interview_loop_replaces_the_archetypes_not_appends_to_it(tmp_path, monkeypatch):
    folder = tmp_path / "presets"
    folder.mkdir()
    (folder / "interview.toml").write_text(
        '[loops]\ndeveloper = [{ kind = "exercise", minutes = 120 }, { kind = "conversation", minutes = 45 }]\n'
    )
    monkeypatch.setenv("ROLESCOPE_PRESETS", str(folder))
    catalog = load_catalog()
    loop = catalog.interview.loops["developer"]
    assert [(stage.kind, stage.minutes) for stage in loop] == [("exercise", 120), ("conversation", 45)]
    assert len(catalog.interview.loops["researcher"]) == 4  # the loops not written are kept


def test_user_folder_extends_vocabulary_titles_and_thresholds(tmp_path, monkeypatch):
    folder = tmp_path / "presets"
    folder.mkdir()
    (folder / "vocabulary.toml").write_text('[terms.operator]\n"zorblax" = 4\n')
    (folder / "titles.toml").write_text(
        '[[titles]]\ntitle = "Zorblax keeper"\narchetype = "operator"\nsignals = ["zorblax"]\n'
    )
    (folder / "recommend.toml").write_text("[verdict]\ndecisive_share = 0.7\n")
    monkeypatch.setenv("ROLESCOPE_PRESETS", str(folder))
    catalog = load_catalog()
    assert catalog.thresholds.verdict.decisive_share == 0.7
    assert catalog.thresholds.verdict.clear_share == 0.8  # the rest is kept
    result = classify_text("Keep the zorblax happy", catalog)
    assert result.archetype == "operator"
    assert any(rule.title == "Zorblax keeper" for rule in catalog.titles)
    assert any(rule.title == "ML reliability engineer" for rule in catalog.titles)


def test_bad_preset_file_is_named(tmp_path):
    folder = tmp_path / "presets"
    folder.mkdir()
    (folder / "recommend.toml").write_text("[verdict]\ndecisive_share = 'high'\n")
    with pytest.raises(SpecError) as caught:
        load_catalog((folder,))
    assert str(folder / "recommend.toml") in caught.value.lines[0]
    assert "verdict.decisive_share" in caught.value.lines[0]


def test_bare_title_is_refused_as_data(tmp_path):
    folder = tmp_path / "presets"
    folder.mkdir()
    (folder / "titles.toml").write_text('[[titles]]\ntitle = "ML engineer"\narchetype = "developer"\n')
    with pytest.raises(SpecError, match="too vague to recommend"):
        load_catalog((folder,))
