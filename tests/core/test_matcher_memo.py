"""The phrase and term indexes remember, per distinct word, which entries may start
there: what they find never depends on the words they met before, and a term
index kept in the presets cache is stored without the words it remembers."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from rolescope.phrases import PhraseIndex, tokenize
from rolescope.textmatch import TermIndex, words

TERMS = ["data pipeline", "deploy*", "model serving", "feature store", "train*", "on-call", "ab test", "k8s"]
WORDS = ["data", "pipeline", "deploys", "deployment", "model", "serving", "feature", "store", "training",
         "trains", "on", "call", "ab", "test", "k8s", "the", "we", "build"]  # fmt: skip
sentences = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=6))
def test_a_term_index_finds_the_same_whatever_it_met_before(texts):
    remembering = TermIndex([(term, term) for term in TERMS])
    for text in texts:
        fresh = TermIndex([(term, term) for term in TERMS])  # has met nothing
        assert remembering.scan(words(text)) == fresh.scan(words(text))


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=6))
def test_a_phrase_index_finds_the_same_whatever_it_met_before(texts):
    remembering = PhraseIndex((term, term) for term in TERMS)
    for text in texts:
        fresh = PhraseIndex((term, term) for term in TERMS)
        assert remembering.scan_all(tokenize(text)) == fresh.scan_all(tokenize(text))


def test_a_cached_term_index_leaves_the_words_it_met_behind():
    index = TermIndex([(term, term) for term in TERMS])
    found = index.scan(words("we deploy the data pipeline and the feature store"))
    kept = pickle.loads(pickle.dumps(index))
    assert kept._by_token == {} and len(pickle.dumps(index)) == len(pickle.dumps(kept))
    assert kept.scan(words("we deploy the data pipeline and the feature store")) == found
