"""The words a pattern requires: a pattern whose words a text lacks never matches it."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from rolescope.catalog import load_catalog
from rolescope.lint import _compiled, lint_text
from rolescope.rxliterals import may_match, required_literals


def test_every_character_matched_against_an_ascii_one_lowers_to_it_but_three():
    # What `may_match` rests on, over every code point and every ASCII character.
    every = "".join(chr(point) for point in range(0x110000) if not 0xD800 <= point <= 0xDFFF)
    unlike = {
        (ascii_char, found)
        for ascii_char in map(chr, range(128))
        for found in re.compile(re.escape(ascii_char), re.I).findall(every)
        if found.lower() != ascii_char.lower()
    }
    assert {found for _, found in unlike} == {"\u0130", "\u0131", "\u017f"}


def test_the_clauses_of_a_pattern_are_its_literal_runs_and_alternatives():
    assert required_literals(re.compile(r"\bnative[\s-]+(?:level|speaker\w*)\b", re.I)) == (
        ("native",),
        ("level", "speaker"),
    )
    # Optional parts, classes and one-letter words require nothing.
    assert required_literals(re.compile(r"(?:max)?\s*[a-z]+\dx")) == ()
    # A repeat that must happen once requires its words; an alternative with no word spoils its branch.
    assert required_literals(re.compile(r"(?:lift){1,3}\s(?:kg|\d+)")) == (("lift",),)
    # A group with flags of its own still requires its words.
    assert required_literals(re.compile(r"Up(?i:\s+TO)\s")) == (("up",), ("to",))


def test_a_text_without_the_words_is_not_searched_and_one_with_them_is():
    clauses = required_literals(re.compile(r"\blift(?:ing)?\s+\d+\s*(?:lbs?|kg)\b", re.I))
    assert not may_match(clauses, "Own the ranking API.", "own the ranking api.")
    assert may_match(clauses, "LIFT 20 KG", "lift 20 kg")
    assert may_match(clauses, "Lİft 20 kg", "Lİft 20 kg".lower())  # dotted I: searched in full
    assert may_match((), "anything", "anything")


LINT_PATTERNS = [
    pattern
    for compiled in [_compiled(load_catalog())]
    for pattern in [*compiled.patterns.values(), *(since for since, _ in compiled.since.values())]
    if pattern is not None
]
WORDS = ["no more than", "at most", "max", "years", "year", "native", "speaker", "English", "lift", "lbs", "kg", "up",
         "to", "$", "€", "5", "20", "PyTorch", "3 years of", "in", "İ", "ı", "ſ", "K", "MAX.", "\n", " ", "-"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(LINT_PATTERNS),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=14).map("".join),
    st.booleans(),
)
@example(LINT_PATTERNS[0], "No more than 5 years", False)
@example(LINT_PATTERNS[0], "NO MORE THAN 5 YEARſ", True)
def test_a_pattern_that_matches_always_has_its_words(pattern, text, upper):
    text = text.upper() if upper else text
    if pattern.search(text):
        assert may_match(required_literals(pattern), text, text.lower())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ab", "Cd", "x", "st", "In", "ſt", "İn", "ab|cd", "x|"]),
            st.sampled_from(["", "?", "+", "{2}", "*"]),
        ),
        min_size=1,
        max_size=5,
    ).map(lambda parts: "".join(f"(?:{word}){repeat}" if repeat or "|" in word else word for word, repeat in parts)),
    st.text(alphabet="abcdefnstxACDEFNST İıſ", max_size=12),
    st.booleans(),
)
@example("(?:st)+", "ſT", True)
@example("x(?:In)", "xıN", True)
def test_any_pattern_of_words_and_repeats_keeps_the_rule(source, text, ignore_case):
    pattern = re.compile(source, re.I if ignore_case else 0)
    if pattern.search(text):
        assert may_match(required_literals(pattern), text, text.lower())


def test_the_linter_finds_the_same_with_and_without_the_words_asked_first(monkeypatch):
    catalog = load_catalog()
    posting = (
        "# ML engineer\n\n## Requirements\n\n- Native English speaker\n- Able to lift 25 lbs\n"
        "- No more than 8 years of experience\n- Up to $150k plus equity\n"
    )
    found = lint_text(posting, catalog).findings
    assert {finding.rule for finding in found} >= {"native-speaker", "physical-demands", "age-coded"}
    monkeypatch.setattr("rolescope.lint.may_match", lambda *_: True)
    assert lint_text(posting, catalog).findings == found
