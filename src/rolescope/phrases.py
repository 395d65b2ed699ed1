"""Phrase lists matched in one pass over a text's words, whatever their number:
the linter's hype words, labels, gender-coded words, frameworks and places.

Words are letters and digits (with a trailing ++ or #, for C++ and C#), compared
without case; a phrase's words must follow each other, with any punctuation or
spaces between them, so "cutting edge" also finds "cutting-edge". A phrase word
ending in * matches any word starting with it. Offsets are kept, so a match says
exactly where it is in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

Payload = TypeVar("Payload")

_TOKEN = re.compile(r"[^\W_]+(?:\+\+|#)?")
_KEY = 3  # prefix words are found by their first letters
_MEMO_WORDS = 50_000  # distinct words remembered per index (a bound on its memory)


# A word: (lower-cased text, start, end). Plain tuples: a posting has thousands.
Token = tuple[str, int, int]
# A phrase in an index: its parts, the phrase as written, and its payload.
Entry = tuple[tuple[tuple[str, bool], ...], str, Payload]


def tokenize(text: str) -> list[Token]:
    # Lower-casing can change a string's length (İ -> i̇): then case is folded word by word.
    lowered = text.lower()
    if len(lowered) == len(text):
        return [(match.group(), *match.span()) for match in _TOKEN.finditer(lowered)]
    return [(match.group().lower(), *match.span()) for match in _TOKEN.finditer(text)]


def phrase_parts(phrase: str) -> tuple[tuple[str, bool], ...]:
    """("game chang*") -> (("game", False), ("chang", True))."""
    parts: list[tuple[str, bool]] = []
    for chunk in re.split(r"[\s-]+", phrase.strip().lower()):
        prefix = chunk.endswith("*")
        words = [match.group() for match in _TOKEN.finditer(chunk.rstrip("*"))]
        parts += [(word, prefix and index == len(words) - 1) for index, word in enumerate(words)]
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class Match(Generic[Payload]):
    first: int  # token index
    last: int  # token index, inclusive
    start: int  # character offsets
    end: int
    phrase: str
    payload: Payload


class PhraseIndex(Generic[Payload]):
    def __init__(self, phrases: Iterable[tuple[str, Payload]]):
        self.exact: dict[str, list[Entry[Payload]]] = {}
        self.prefix: dict[str, list[Entry[Payload]]] = {}
        self.short: list[Entry[Payload]] = []  # prefixes under _KEY letters
        self.size = 0
        for phrase, payload in phrases:
            parts = phrase_parts(phrase)
            if not parts:
                continue
            self.size += 1
            word, is_prefix = parts[0]
            entry = (parts, phrase, payload)
            if is_prefix and len(word) < _KEY:
                self.short.append(entry)
            elif is_prefix:
                self.prefix.setdefault(word[:_KEY], []).append(entry)
            else:
                self.exact.setdefault(word, []).append(entry)
        # word -> the entries that may start at it: postings reuse most of their
        # words, so each distinct word is looked up in the three tables only once.
        self._starting: dict[str, list[Entry[Payload]]] = {}

    def _starting_at(self, word: str) -> list[Entry[Payload]]:
        candidates = self.exact.get(word, [])
        key = word[:_KEY]
        if key in self.prefix:
            candidates = candidates + [entry for entry in self.prefix[key] if word.startswith(entry[0][0][0])]
        if self.short:
            candidates = candidates + [entry for entry in self.short if word.startswith(entry[0][0][0])]
        if len(self._starting) < _MEMO_WORDS:
            self._starting[word] = candidates
        return candidates

    def __bool__(self) -> bool:
        return self.size > 0

    def scan_all(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[Match[Payload]]:
        """Every match in tokens[lo:hi], overlapping ones included, by start."""
        hi = len(tokens) if hi is None else hi
        starting = self._starting
        found: list[Match[Payload]] = []
        for index in range(lo, hi):
            word = tokens[index][0]
            candidates = starting.get(word)
            if candidates is None:
                candidates = self._starting_at(word)
            for parts, phrase, payload in candidates:
                last = index + len(parts) - 1
                if last >= hi:
                    continue
                if len(parts) == 1 or all(
                    tokens[index + offset][0].startswith(part) if is_prefix else tokens[index + offset][0] == part
                    for offset, (part, is_prefix) in enumerate(parts[1:], start=1)
                ):
                    found.append(Match(index, last, tokens[index][1], tokens[last][2], phrase, payload))
        return found

    def scan(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[Match[Payload]]:
        """Matches in tokens[lo:hi], left to right, the longest at each place, never overlapping."""
        return longest(self.scan_all(tokens, lo, hi))


def longest(matches: list[Match[Payload]]) -> list[Match[Payload]]:
    """From matches ordered by start: the longest at each place, none overlapping."""
    chosen: list[Match[Payload]] = []
    for match in sorted(matches, key=lambda m: (m.first, -m.last)):
        if not chosen or match.first > chosen[-1].last:
            chosen.append(match)
    return chosen
