"""A posting's phrase matches found line by line, each distinct line read once.

Postings share most of their lines (a batch export lints descriptions built from
the same presets and task lines), so the words of a line and the matches within
it are remembered by the line's text. A phrase may still run on from one line
into the next ("first language" / "English"): a line remembers where such a
match could start, and only there are the next lines' first words read with it.
The matches are those `PhraseIndex.scan_all` finds in the whole text, with the
same token indices and offsets, and the line each is on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic

from rolescope.phrases import Entry, Payload, PhraseIndex, Token, tokenize

# A match as (first token, last token, start, end, phrase, payload, line index).
Found = tuple[int, int, int, int, str, Payload, int]
# Distinct lines remembered (a bound on memory: a posting has a few hundred).
_MEMO_LINES = 20_000


class _Line(Generic[Payload]):
    """What is kept of one line (offsets from its start): how many words it has, the
    matches within it, and its words from `cross_from` on (the first word a phrase
    may start at and run past the line's end; most lines have none). Its first
    words, where a phrase from the line above may end, are read only when asked."""

    __slots__ = ("count", "cross_from", "head", "matches", "tail")

    def __init__(
        self, tokens: list[Token], matches: tuple[tuple[int, int, int, int, str, Payload], ...], cross_from: int
    ):
        self.count = len(tokens)
        self.matches = matches
        self.cross_from = cross_from
        self.tail = tokens[cross_from:] if cross_from < len(tokens) else _NONE
        self.head: list[Token] | None = None

    def first_words(self, text: str, reach: int) -> list[Token]:
        if self.head is None:
            self.head = tokenize(text)[:reach] if self.count else _NONE
        return self.head


_NONE: list[Token] = []  # shared by every line with no such words (never changed)


class LineScanner(Generic[Payload]):
    def __init__(self, index: PhraseIndex[Payload]):
        self.index = index
        entries: list[Entry[Payload]] = [
            *(entry for group in index.exact.values() for entry in group),
            *(entry for group in index.prefix.values() for entry in group),
            *index.short,
        ]
        # Phrases of more than one word, by their first word: how many words they have.
        self._longest_exact: dict[str, int] = {}
        self._longest_prefix: list[tuple[str, int]] = []
        for parts, _, _ in entries:
            if len(parts) < 2:
                continue
            word, is_prefix = parts[0]
            if is_prefix:
                self._longest_prefix.append((word, len(parts)))
            else:
                self._longest_exact[word] = max(self._longest_exact.get(word, 0), len(parts))
        self.reach = max((len(parts) for parts, _, _ in entries), default=1) - 1
        self._lines: dict[str, _Line[Payload]] = {}
        # (words of a line's tail, words after it) -> the matches across its end.
        self._crossings: dict[tuple[int, tuple[str, ...]], list[tuple[int, int, str, Payload]]] = {}

    def _words_from(self, word: str) -> int:
        """The most words a phrase starting at `word` has."""
        most = self._longest_exact.get(word, 1)
        for prefix, size in self._longest_prefix:
            if size > most and word.startswith(prefix):
                most = size
        return most

    def _line(self, text: str) -> _Line[Payload]:
        line = self._lines.get(text)
        if line is None:
            tokens = tokenize(text)
            matches = tuple((m.first, m.last, m.start, m.end, m.phrase, m.payload) for m in self.index.scan_all(tokens))
            count = len(tokens)
            cross_from = next(
                (i for i in range(max(count - self.reach, 0), count) if self._words_from(tokens[i][0]) > count - i),
                count,
            )
            line = _Line(tokens, matches, cross_from)
            if len(self._lines) >= _MEMO_LINES:
                self._lines.clear()
            self._lines[text] = line
        return line

    def scan_lines(self, lines: Sequence[str], starts: Sequence[int], lowered_whole: bool) -> list[Found[Payload]]:
        """Every match in the text whose lines (without their newlines) are `lines`,
        starting at the offsets `starts`, overlapping ones included. `lowered_whole`:
        lower-casing the whole text keeps its length (else words are read from the
        whole text at once, as `tokenize` does then)."""
        if not lowered_whole:
            return self._whole("\n".join(lines), starts)
        found: list[Found[Payload]] = []
        read = [self._line(text) for text in lines]
        base = 0  # token index of the line's first word in the whole text
        for number, (line, offset) in enumerate(zip(read, starts)):
            for first, last, start, end, phrase, payload in line.matches:
                found.append((first + base, last + base, start + offset, end + offset, phrase, payload, number))
            if line.tail:
                found += self._crossing(lines, read, starts, number, base)
            base += line.count
        return found

    def _crossing(
        self, lines: Sequence[str], read: list[_Line[Payload]], starts: Sequence[int], number: int, base: int
    ) -> list[Found[Payload]]:
        """Matches that start in line `number` and end in a later line: found by the
        words alone, once for each run of words (then placed by their offsets)."""
        line = read[number]
        tail = len(line.tail)
        words = [word for word, _, _ in line.tail]
        after: list[tuple[int, int]] = []  # (line, word in it) of each word past the line
        following = number + 1
        while len(after) < self.reach and following < len(read):
            first_words = read[following].first_words(lines[following], self.reach)
            for index in range(min(self.reach - len(after), len(first_words))):
                words.append(first_words[index][0])
                after.append((following, index))
            following += 1
        key = (tail, tuple(words))
        spans = self._crossings.get(key)
        if spans is None:
            window = [(word, 0, 0) for word in words]
            spans = [
                (m.first, m.last, m.phrase, m.payload)
                for m in self.index.scan_all(window, 0, len(window))
                if m.first < tail <= m.last
            ]
            if len(self._crossings) >= _MEMO_LINES:
                self._crossings.clear()
            self._crossings[key] = spans
        if not spans:
            return []
        first_token = base + line.cross_from

        def token(position: int) -> tuple[Token, int]:  # a word of the window, and its line's offset
            if position < tail:
                return line.tail[position], starts[number]
            at, index = after[position - tail]
            return read[at].first_words(lines[at], self.reach)[index], starts[at]

        def start(position: int) -> int:
            (_, begins, _), shift = token(position)
            return begins + shift

        def end(position: int) -> int:
            (_, _, ends), shift = token(position)
            return ends + shift

        return [
            (first + first_token, last + first_token, start(first), end(last), phrase, payload, number)
            for first, last, phrase, payload in spans
        ]

    def _whole(self, text: str, starts: Sequence[int]) -> list[Found[Payload]]:
        from bisect import bisect_right

        return [
            (m.first, m.last, m.start, m.end, m.phrase, m.payload, bisect_right(starts, m.start) - 1)
            for m in self.index.scan_all(tokenize(text))
        ]
