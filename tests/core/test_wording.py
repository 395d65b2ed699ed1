"""Small pieces of English: articles as said aloud."""

from __future__ import annotations

import pytest

from rolescope.wording import with_article


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("ML reliability engineer", "an ML reliability engineer"),
        ("LLM application engineer", "an LLM application engineer"),
        ("NLP research scientist", "an NLP research scientist"),
        ("AI product engineer", "an AI product engineer"),
        ("CV engineer", "a CV engineer"),
        ("engineering", "an engineering"),
        ("research", "a research"),
        ("senior", "a senior"),
        ("unified ranking engineer", "a unified ranking engineer"),
        ("one-off", "a one-off"),
        ("hour", "an hour"),
        ("applied scientist", "an applied scientist"),
    ],
)
def test_the_article_follows_how_the_phrase_is_said(phrase, expected):
    assert with_article(phrase) == expected
