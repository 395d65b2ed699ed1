"""Saving through the session: one overwrite policy (rolescope.writer), the one in fileio."""

from __future__ import annotations

import os
import shutil

import pytest

from rolescope.catalog import load_catalog
from rolescope.session import ExistsError, Session
from rolescope.specio import read_spec
from tests.conftest import preset_path

CATALOG = load_catalog()


def renamed(session: Session, name: str) -> None:
    spec = session.spec
    session.update(spec.model_copy(update={"company": spec.company.model_copy(update={"name": name})}))


def test_saving_to_a_dangling_link_asks_first(tmp_path):
    session = Session.open(preset_path("fraud-model-operator"), CATALOG)
    link = tmp_path / "role.toml"
    link.symlink_to(tmp_path / "elsewhere" / "nowhere.toml")
    with pytest.raises(ExistsError) as raised:
        session.save(link)
    assert raised.value.paths == [link]
    assert "a link to" in raised.value.lines[0]
    assert os.path.islink(link) and not (tmp_path / "elsewhere").exists()


def test_a_new_file_from_the_command_line_that_is_a_dangling_link_asks_first(tmp_path):
    link = tmp_path / "new.toml"
    link.symlink_to(tmp_path / "missing.toml")
    session = Session.new_file(link, CATALOG)
    session.update(read_spec(preset_path("fraud-model-operator")))
    with pytest.raises(ExistsError):
        session.save()
    assert not (tmp_path / "missing.toml").exists()
    session.save(force=True)  # the lead said so: written through the link
    assert os.path.islink(link)
    assert read_spec(tmp_path / "missing.toml") == session.spec


def test_saving_a_spec_opened_through_a_link_writes_the_linked_file(tmp_path):
    real = tmp_path / "specs" / "role.toml"
    real.parent.mkdir()
    shutil.copy(preset_path("fraud-model-operator"), real)
    link = tmp_path / "role.toml"
    link.symlink_to(real)
    session = Session.open(link, CATALOG)
    renamed(session, "Through The Link Ltd")
    assert session.save() == link
    assert os.path.islink(link) and os.readlink(link) == str(real)
    assert read_spec(real).company.name == "Through The Link Ltd"
    renamed(session, "Twice Ltd")  # and again: the session's own file, no question
    session.save()
    assert read_spec(real).company.name == "Twice Ltd"


def test_an_export_target_that_is_a_dangling_link_is_a_conflict(tmp_path):
    session = Session.open(preset_path("fraud-model-operator"), CATALOG)
    (role,) = session.export_targets(tmp_path)
    spec_path, jd_path = role.spec_path, role.jd_path
    jd_path.symlink_to(tmp_path / "gone.md")
    assert session.export_conflicts(tmp_path) == [jd_path]
    with pytest.raises(ExistsError):
        session.export(tmp_path)
    assert not spec_path.exists() and not (tmp_path / "gone.md").exists()  # both or neither


def test_an_export_repeated_is_not_a_conflict(tmp_path):
    session = Session.open(preset_path("fraud-model-operator"), CATALOG)
    session.export(tmp_path)
    assert session.export_conflicts(tmp_path) == []
    session.export(tmp_path)


def test_the_wizards_export_of_a_split_writes_what_rolescope_export_writes(tmp_path):
    """The two roles of a split verdict, each with its spec, description and kit, byte
    for byte what `rolescope export` writes; never one combined posting."""
    from rolescope.export import export_specs

    session = Session.open(preset_path("two-roles-in-one"), CATALOG)
    plan = session.export(tmp_path / "wizard")
    assert len(plan) == 2 and plan[0].title != plan[1].title
    report = export_specs([preset_path("two-roles-in-one")], tmp_path / "cli", CATALOG)
    assert report.results[0].split
    wizard = {path.name: path.read_bytes() for path in (tmp_path / "wizard").iterdir()}
    cli = {path.name: path.read_bytes() for path in (tmp_path / "cli").iterdir()}
    assert wizard == cli and len(wizard) == 6
