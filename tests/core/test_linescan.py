"""The linter reads a posting's phrases line by line, each distinct line once: the
matches must be exactly those of one pass over the whole text, phrases that run
on from one line into the next included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rolescope.catalog import load_catalog
from rolescope.linescan import LineScanner
from rolescope.lint import _compiled
from rolescope.phrases import PhraseIndex, tokenize

PHRASES = [
    "first language english",
    "mother tongue",
    "rock star",
    "rockstar",
    "ninja",
    "game chang*",
    "c++",
    "a b c d e",
]
WORDS = ["first", "language", "english", "mother", "tongue", "rock", "star", "game", "changer", "C++", "a", "b", "c",
         "d", "e", "İstanbul", "ΟΔΟΣ", "x"]  # fmt: skip
SEPARATORS = [" ", "\n", "\n\n", " - ", "\n  \n", ", ", "-"]


def whole(index: PhraseIndex[str], text: str) -> list[tuple[int, int, int, int, str, str, int]]:
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return sorted(
        (m.first, m.last, m.start, m.end, m.phrase, m.payload, sum(s <= m.start for s in starts) - 1)
        for m in index.scan_all(tokenize(text))
    )


def by_lines(scanner: LineScanner[str], text: str) -> list[tuple[int, int, int, int, str, str, int]]:
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return sorted(scanner.scan_lines(lines, starts, len(text.lower()) == len(text)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40))
def test_lines_find_what_the_whole_text_finds(pieces):
    index = PhraseIndex((phrase, phrase) for phrase in PHRASES)
    scanner = LineScanner(index)
    text = "".join(word + separator for word, separator in pieces)
    assert by_lines(scanner, text) == whole(index, text)
    assert by_lines(scanner, text) == whole(index, text)  # again, from what it remembers


def test_a_phrase_across_lines_and_blank_lines_is_found():
    index = PhraseIndex((phrase, phrase) for phrase in PHRASES)
    text = "Our team:\nfirst\n\n  language\nEnglish speakers, a b\nc d e"
    found = by_lines(LineScanner(index), text)
    assert [match[4] for match in found] == ["first language english", "a b c d e"]
    assert found == whole(index, text)


def test_the_linters_own_index_on_the_corpus_breaks():
    catalog = load_catalog(())
    compiled = _compiled(catalog)
    text = "We want a native\nspeaker who is a rock\nstar, digital\nnative, and a ninja in New\nYork City."
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found = sorted(compiled.lines.scan_lines(lines, starts, True))
    expected = sorted(
        (m.first, m.last, m.start, m.end, m.phrase, m.payload, sum(s <= m.start for s in starts) - 1)
        for m in compiled.index.scan_all(tokenize(text))
    )
    assert found == expected
    assert any(match[6] != sum(s <= match[3] - 1 for s in starts) - 1 for match in found)  # one runs across lines
