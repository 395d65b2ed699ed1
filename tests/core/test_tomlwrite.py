"""Specs are written with plain keys, texts, lists of texts, whole numbers and booleans put down
directly, and anything else by tomli_w: every line must be byte for byte what
tomli_w writes, and read back as the value it came from."""

from __future__ import annotations

import tomllib

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from rolescope.tomlwrite import _key_value, dump_toml

KEYS = st.one_of(st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True), st.text(max_size=12))
VALUES = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(max_codepoint=0x80)),  # control characters, quotes, backslashes
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.text(max_size=20), max_size=4),
    st.lists(st.text(alphabet=st.characters(max_codepoint=0x80), max_size=5), max_size=4),
    st.lists(st.integers(), max_size=3),
)


@settings(max_examples=500, deadline=None)
@given(KEYS, VALUES)
def test_a_line_is_what_tomli_w_writes(key, value):
    assert _key_value(key, value) == tomli_w.dumps({key: value})


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=6), st.lists(st.dictionaries(KEYS, VALUES, max_size=4), max_size=3))
def test_a_document_reads_back(plain, rows):
    data = {**plain, "section": dict(plain), "rows": [row for row in rows if row]}
    if not data["rows"]:
        del data["rows"]
    assert tomllib.loads(dump_toml(data)) == data
