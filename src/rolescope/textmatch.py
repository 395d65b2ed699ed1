"""Words and phrases: the small matcher shared by the classifier, titles and PhD signals.

Text and terms are normalised the same way: lower-cased, split on anything that
is not a letter or digit, and lightly stemmed so inflections meet ("monitoring",
"monitors", "monitored" -> "monitor"). A term word ending in * matches any word
that starts with it (stemmed the same way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

Payload = TypeVar("Payload")

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_VOWELS = set("aeiouy")


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    w = word.lower()
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and _VOWELS & set(w[: -len(suffix)]):
            w = w[: -len(suffix)]
            if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    return [stem(token) for token in _WORD.findall(text.lower())]


def raw_words(text: str) -> list[str]:
    """The words as written, index for index with `words(text)`."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class Term:
    """A compiled phrase: each part is (stem, is_prefix); `*` alone matches any one word."""

    source: str
    parts: tuple[tuple[str, bool], ...]

    def __len__(self) -> int:
        return len(self.parts)


@lru_cache(maxsize=5_000)
def compile_term(source: str) -> Term:
    parts = []
    for raw in source.lower().split():
        if raw == "*":
            parts.append(("", True))
        elif raw.endswith("*"):
            # Stem the prefix like a word, so "outage*" meets "outage" -> "outag".
            parts.append((stem("".join(_WORD.findall(raw[:-1]))), True))
        else:
            for token in _WORD.findall(raw):
                parts.append((stem(token), False))
    return Term(source, tuple(parts))


def _part_matches(part: tuple[str, bool], word: str) -> bool:
    text, prefix = part
    return word.startswith(text) if prefix else word == text


def find(term: Term, tokens: list[str], taken: set[int] | None = None) -> tuple[int, int] | None:
    """First (start, end) where `term` matches `tokens` on words not yet taken."""
    size = len(term.parts)
    if not size:
        return None
    for start in range(len(tokens) - size + 1):
        span = range(start, start + size)
        if taken and any(index in taken for index in span):
            continue
        if all(_part_matches(part, tokens[index]) for part, index in zip(term.parts, span)):
            return start, start + size
    return None


class TermIndex(Generic[Payload]):
    """Many terms, matched in one pass: each word position only tries the terms
    whose first word matches there, found by dictionary (exact words by the word,
    prefixes by each of the word's own prefixes), so the cost is linear in the
    line's length and does not grow with the size of the vocabulary."""

    def __init__(self, entries: list[tuple[str, Payload]]):
        self._exact: dict[str, list[tuple[Term, Payload]]] = {}
        self._prefix: dict[str, list[tuple[Term, Payload]]] = {}
        self._anything: list[tuple[Term, Payload]] = []
        for source, payload in entries:
            term = compile_term(source)
            if not term.parts:
                continue
            first, is_prefix = term.parts[0]
            if not is_prefix:
                self._exact.setdefault(first, []).append((term, payload))
            elif first:
                self._prefix.setdefault(first, []).append((term, payload))
            else:
                self._anything.append((term, payload))
        self._longest_prefix = max(map(len, self._prefix), default=0)

    def _candidates(self, token: str) -> list[tuple[Term, Payload]]:
        found = list(self._exact.get(token, ()))
        for size in range(1, min(len(token), self._longest_prefix) + 1):
            found.extend(self._prefix.get(token[:size], ()))
        return found + self._anything if self._anything else found

    def scan(self, tokens: list[str]) -> list[tuple[Term, Payload, int]]:
        """Every (term, payload, start) where the term matches `tokens`, by start."""
        found: list[tuple[Term, Payload, int]] = []
        count = len(tokens)
        for start, token in enumerate(tokens):
            for term, payload in self._candidates(token):
                parts = term.parts
                end = start + len(parts)
                # The first word matched already; check the rest.
                if end <= count and all(
                    _part_matches(parts[offset], tokens[start + offset]) for offset in range(1, len(parts))
                ):
                    found.append((term, payload, start))
        return found


def matches_any(terms: list[str], tokens: list[str]) -> list[str]:
    """The terms (as written) that occur in `tokens`."""
    return [source for source in terms if find(compile_term(source), tokens) is not None]


def matched_phrases(terms: list[str], text: str) -> list[str]:
    """The words of `text` (as written) that the terms match, in term order."""
    tokens, original = words(text), raw_words(text)
    found = []
    for source in terms:
        span = find(compile_term(source), tokens)
        if span is not None:
            found.append(" ".join(original[span[0] : span[1]]))
    return found
