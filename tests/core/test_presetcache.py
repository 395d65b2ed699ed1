"""The built presets are kept in the user's cache between runs, and the cache is
never stale: an edited, added or removed preset file, or a damaged cache, means
building again, silently."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from rolescope import catalog as catalog_module
from rolescope import classify, matchers
from rolescope.catalog import BUILTIN_DIR, load_catalog
from rolescope.classify import classify_text
from rolescope.errors import SpecError
from rolescope.presetcache import cache_dir
from rolescope.recommend import recommend
from rolescope.specio import read_spec

TERM = "zorblax"  # a word no preset knows
ROLE = BUILTIN_DIR / "roles" / "rag-support-search.toml"


@pytest.fixture
def builds(monkeypatch, tmp_path):
    """How many times the presets were built; the cache is this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ROLESCOPE_PRESETS", str(tmp_path / "user-presets"))
    counted: list[int] = []
    real_build = catalog_module._build

    def counting_build(*args):
        counted.append(1)
        return real_build(*args)

    monkeypatch.setattr(catalog_module, "_build", counting_build)
    catalog_module._load.cache_clear()
    yield counted
    catalog_module._load.cache_clear()


def load(*extra):
    catalog_module._load.cache_clear()  # as a new process would
    return load_catalog(tuple(extra))


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "rolescope").glob("presets-*.pickle"))


def vocabulary_file(folder: Path, weight: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "vocabulary.toml"
    path.write_text(f'[terms.researcher]\n"{TERM}" = {weight}\n', encoding="utf-8")
    return path


def test_a_second_start_uses_the_cache_and_decides_the_same(builds, tmp_path):
    first = load()
    assert len(builds) == 1
    assert len(cache_files(tmp_path)) == 1
    expected = recommend(read_spec(ROLE), first).to_json()
    second = load()
    assert len(builds) == 1  # not built again
    assert second is not first
    assert second == first
    assert second.roles == first.roles
    assert recommend(read_spec(ROLE), second).to_json() == expected
    assert classify_text("Run ablations on the encoder", second) == classify_text("Run ablations on the encoder", first)
    assert (
        second.archetypes["developer"].assessment.model_dump() == first.archetypes["developer"].assessment.model_dump()
    )


def test_the_engine_comes_from_the_cache_compiled_and_is_never_compiled_again(builds, monkeypatch):
    """The classifier and the matchers are built with the presets, kept in the cache
    with them, and a catalog from the cache uses its own: nothing compiles them again."""
    load()
    compiled: list[str] = []
    for module, name in ((classify, "Classifier"), (matchers, "TaskMatchers")):
        real = getattr(module, name).__init__

        def counting(self, *args, real=real, name=name):
            compiled.append(name)
            real(self, *args)

        monkeypatch.setattr(getattr(module, name), "__init__", counting)
    second = load()
    assert {"classifier", "matchers"} <= set(vars(second))  # unpickled with it
    recommend(read_spec(ROLE), second)
    classify_text("Run ablations on the encoder", second)
    assert compiled == []
    fresh = dataclasses.replace(second)  # a catalog of its own compiles its own engine, once
    recommend(read_spec(ROLE), fresh)
    recommend(read_spec(ROLE), fresh)
    assert sorted(compiled) == ["Classifier", "TaskMatchers"]


def test_preset_data_is_read_only(builds):
    catalog = load()
    with pytest.raises(AttributeError, match="read-only"):
        catalog.thresholds.verdict.decisive_share = 0.1


def test_a_preset_file_edited_to_the_same_size_and_time_is_built_again(builds, tmp_path):
    folder = tmp_path / "presets"
    path = vocabulary_file(folder, 5)
    assert load(folder).vocabulary.terms["researcher"][TERM] == 5
    stat = path.stat()
    vocabulary_file(folder, 0)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    rebuilt = load(folder)
    assert len(builds) == 2
    assert rebuilt.vocabulary.terms["researcher"][TERM] == 0
    assert classify_text(f"Tune the {TERM}", rebuilt).scores["researcher"] == 0


def test_a_user_preset_added_changed_or_removed_is_picked_up(builds, tmp_path):
    user = tmp_path / "user-presets"
    assert TERM not in load().vocabulary.terms["researcher"]
    vocabulary_file(user, 5)
    (user / "roles").mkdir()
    (user / "roles" / "mine.toml").write_bytes(ROLE.read_bytes())
    picked = load()
    assert picked.vocabulary.terms["researcher"][TERM] == 5
    assert "mine" in picked.roles
    assert classify_text(f"Tune the {TERM}", picked).archetype == "researcher"
    vocabulary_file(user, 3)
    assert load().vocabulary.terms["researcher"][TERM] == 3
    (user / "vocabulary.toml").unlink()
    (user / "roles" / "mine.toml").unlink()
    gone = load()
    assert TERM not in gone.vocabulary.terms["researcher"]
    assert "mine" not in gone.roles
    assert len(builds) == 4


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle", b"\x80\x05K\x01."],  # empty, garbage, a valid pickle of the wrong thing
    ids=["empty", "garbage", "foreign"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(builds, tmp_path, damage):
    good = load()
    (path,) = cache_files(tmp_path)
    path.write_bytes(damage)
    assert load() == good
    assert len(builds) == 2
    assert load() == good  # rewritten whole, used again
    assert len(builds) == 2


def test_a_truncated_cache_is_ignored_and_rebuilt(builds, tmp_path):
    good = load()
    (path,) = cache_files(tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert load() == good
    assert len(builds) == 2


def test_a_cache_others_may_write_is_not_trusted(builds, tmp_path):
    good = load()
    (path,) = cache_files(tmp_path)
    path.chmod(0o666)
    assert load() == good
    assert len(builds) == 2
    assert path.stat().st_mode & 0o022 == 0  # replaced by one of the user's own


def test_an_unwritable_cache_folder_still_works(builds, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    assert load().archetypes and load().archetypes
    assert len(builds) == 2  # built each time, nothing cached, no error


def test_no_home_folder_means_no_cache(builds, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    assert cache_dir() is None
    assert load().archetypes
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG spec says
    assert cache_dir() is None


def test_a_broken_preset_file_is_reported_every_time_and_never_cached(builds, tmp_path):
    folder = tmp_path / "presets"
    folder.mkdir()
    (folder / "titles.toml").write_text("[[titles]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(SpecError, match="malformed TOML"):
            load(folder)
    assert cache_files(tmp_path) == []
