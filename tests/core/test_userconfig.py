"""The wizard's remembered settings: where they live, how they round-trip, and that a
broken file only costs the defaults and one line."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from rolescope.userconfig import MAX_RECENT, UserConfig, config_path, load_config, save_config


def test_lives_under_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "rolescope" / "config.toml"


def test_defaults_to_dot_config(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config_path() == tmp_path / ".config" / "rolescope" / "config.toml"


def test_missing_file_is_the_defaults_without_a_word(tmp_path):
    assert load_config(tmp_path / "none.toml") == (UserConfig(), None)


def test_save_creates_the_folder_and_loads_back(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    config = UserConfig(theme="textual-light").opened(tmp_path / "a.toml")
    save_config(config)
    assert load_config() == (config, None)


@given(
    theme=st.none() | st.text(st.characters(blacklist_categories=["Cs"]), max_size=30),
    recent=st.lists(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40), max_size=MAX_RECENT),
)
def test_round_trip(tmp_path_factory, theme, recent):
    path = tmp_path_factory.mktemp("cfg") / "config.toml"
    config = UserConfig(theme=theme, recent=tuple(recent))
    save_config(config, path)
    assert load_config(path) == (config, None)


def test_opened_puts_the_path_first_once_and_keeps_at_most_ten(tmp_path):
    config = UserConfig()
    for number in range(MAX_RECENT + 3):
        config = config.opened(tmp_path / f"{number}.toml")
    config = config.opened(tmp_path / "5.toml")
    assert config.recent[0] == os.path.abspath(tmp_path / "5.toml")
    assert len(config.recent) == MAX_RECENT
    assert config.recent.count(config.recent[0]) == 1


def test_corrupt_file_gives_defaults_and_one_line_naming_it(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "textual-light\nrecent = [', encoding="utf-8")
    config, problem = load_config(path)
    assert config == UserConfig()
    assert problem is not None and str(path) in problem and "\n" not in problem
    assert problem.endswith("using the defaults")


def test_wrong_types_and_binary_and_a_folder_are_each_one_line(tmp_path):
    cases = {
        "types.toml": b'theme = 3\nrecent = ["a"]\n',
        "recent.toml": b'recent = "a"\n',
        "binary.toml": b"\x00\x01\x02",
        "latin1.toml": b'theme = "caf\xe9"\n',
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        config, problem = load_config(tmp_path / name)
        assert config == UserConfig(), name
        assert problem is not None and name in problem and "\n" not in problem, name
    (tmp_path / "folder.toml").mkdir()
    assert load_config(tmp_path / "folder.toml")[0] == UserConfig()
    assert load_config(tmp_path / "folder.toml")[1] is not None
