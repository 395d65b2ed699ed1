"""Words and phrases: the small matcher shared by the classifier, titles and PhD signals.

Text and terms are normalised the same way: lower-cased, split on anything that
is not a letter or digit, and lightly stemmed so inflections meet ("monitoring",
"monitors", "monitored" -> "monitor"). A term word ending in * matches any word
that starts with it ("trace*" meets "traces" and "tracing", never "track"); a
term word `#size` matches a model size such as "1B" or "350M", and `#count` a
count such as "300" or "1k".

`tokenize` also keeps where a task's sentences and hyphenated words are, because
a lead's shorthand packs several thoughts into one line: a phrase never matches
across sentence punctuation ("data? model?" holds no phrase "data model"), and
never a piece of a hyphenated word ("shrink-wrapped" is not "wrapped"), except
beside prefix- and suffix-like parts ("re-train", "LLM-backed") that a
`Lexicon` lists, with the abbreviations it spells out ("k8s" -> "kubernetes").
Boards are typed fast: a long word the vocabulary does not know, one letter away
from exactly one word it does ("monitering", "retrian", "latnecy"), is read as
that word, and shown as written. Words inside double quotes name something (a
feature, a screen: "because you watched"); the classifier does not read them as
work.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Generic, TypeVar

from rolescope.values import field, replace, valueclass

Payload = TypeVar("Payload")

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_VOWELS = set("aeiouy")
# Between two words: a hyphen joins them into one word; these end a sentence or
# a clause (a dot or colon only when followed by a space or the end, so "Node.js"
# and "10:30" stay whole).
_HYPHENS = {"-", "\u2010", "\u2011"}
_BREAK = re.compile(r"[?!;()\[\]{}|\u2014\u2013\u2192\u2022\u00b7]|[.:,](?:\s|$)|\s[-+>]+\s|\s/\s")
_SIZE = re.compile(r"\d+(?:\.\d+)?(?:b|bn|m)")
# A ticket id or board tags before the task ("DS-412", "PROJ-1234:", "[search]")
# are not its first words.
TICKET = re.compile(r"\s*(?:\[[^\[\]]{1,30}\]\s*)*(?:[A-Za-z]{1,12}-\d+\b)?")
# A leading "spike:" or "FRD-90 label delay:" labels the line when this short.
_LABEL_WORDS = 3
SIZE = "#size"
# A term word `#count` matches a count of things ("label 300", "annotate 1k"); never a term's first word.
COUNT = "#count"
_COUNT = re.compile(r"\d+(?:[.,]\d+)?k?")


# British -ise spellings ("optimise", "quantisation", "dockerised") are read as
# the -ize ones, so one term meets both; these words are spelled -ise everywhere.
_BRITISH = re.compile(r"([a-z]{4,}?)is(ation|ations|e|es|ed|ing|er|ers)")
_ALWAYS_ISE = frozenset(
    [
        "advertise",
        "chastise",
        "circumcise",
        "comprise",
        "compromise",
        "concise",
        "denoise",
        "despise",
        "disguise",
        "enterprise",
        "exercise",
        "expertise",
        "franchise",
        "improvise",
        "merchandise",
        "paradise",
        "precise",
        "premise",
        "promise",
        "supervise",
        "surmise",
        "surprise",
        "televise",
        "treatise",
    ]
)


def _american(word: str) -> str:
    found = _BRITISH.fullmatch(word)
    if found is None or word.endswith("wise") or found.group(1) + "ise" in _ALWAYS_ISE:
        return word
    return found.group(1) + "iz" + found.group(2)


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    w = _american(word.lower())
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


@valueclass(eq=False)  # hashed by identity: one per vocabulary
class Lexicon:
    """What the tokenizer reads from the presets: abbreviations spelled out, and
    the parts of hyphenated words that may stand on their own."""

    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stem -> stems
    free_prefixes: frozenset[str] = frozenset()  # "re" in "re-train": "train" stands alone
    free_suffixes: frozenset[str] = frozenset()  # "backed" in "LLM-backed": "LLM" stands alone

    spelling: Spelling | None = None  # typos read as the vocabulary's words

    @classmethod
    def build(cls, abbreviations: dict[str, str], prefixes: list[str], suffixes: list[str]) -> Lexicon:
        return cls(
            {stem(key): tuple(words(value)) for key, value in abbreviations.items() if words(value)},
            frozenset(stem(word) for word in prefixes),
            frozenset(stem(word) for word in suffixes),
        )

    def with_spelling(self, terms: list[str]) -> Lexicon:
        """This lexicon, also reading a typo as the word of `terms` it is one letter from."""
        return replace(self, spelling=Spelling(terms))


# A typo is only corrected in a word this long (its stem): shorter words are too
# often another real word one letter away ("stable" is not "stale").
_TYPO_LENGTH = 7


def _deletes(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


def _typo_of(typed: str, word: str) -> bool:
    """`typed` is `word` with one slip of the kind fast typing makes: two
    neighbouring letters swapped ("latnecy"), one of a doubled letter or a vowel
    left out ("recomend", "implment"), or one vowel for another ("moniter").
    Other one-letter differences are too often another real word ("content" and
    "context", "project" and "protect")."""
    if len(typed) == len(word):
        diff = [index for index in range(len(word)) if typed[index] != word[index]]
        if len(diff) == 1:
            return typed[diff[0]] in _VOWELS and word[diff[0]] in _VOWELS
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == word[diff[1]]
            and typed[diff[1]] == word[diff[0]]
        )
    if len(typed) + 1 != len(word):
        return False
    for index in range(1, len(word)):
        if word[:index] + word[index + 1 :] == typed:
            letter = word[index]
            if letter in _VOWELS or letter == word[index - 1]:
                return True
    return False


class Spelling:
    """The words a vocabulary's terms are made of (whole stems, and the written
    prefixes of `word*` terms), and the typos one slip from exactly one of them.
    Lookups go by deleted letters (the symmetric-delete method), so a word costs
    a few dictionary probes whatever the vocabulary's size."""

    def __init__(self, terms: list[str]):
        self.words: set[str] = set()
        self.prefixes: set[str] = set()
        self.stems: set[str] = set()  # of prefixes: "trac" for "trace*"
        for source in terms:
            for text, is_prefix, written in compile_term(source).parts:
                if text in (SIZE, COUNT) or not text:
                    continue
                if is_prefix:
                    self.prefixes.add(written)
                    self.stems.add(text)
                else:
                    self.words.add(text)
        by_delete: dict[str, set[str]] = {}
        for word in self.words | self.prefixes:
            if len(word) >= _TYPO_LENGTH - 1:
                for key in _deletes(word) | {word}:
                    by_delete.setdefault(key, set()).add(word)
        # Tuples, not sets: nearly every key has one word, and the presets cache
        # loads thousands of one-word tuples in half the time of as many sets.
        self._by_delete = {key: tuple(sorted(found)) for key, found in by_delete.items()}
        self._shortest_prefix = min(map(len, self.prefixes), default=0)
        self._memo: dict[str, str | None] = {}  # words repeat from line to line

    def known(self, word: str) -> bool:
        return (
            word in self.words
            or word in self.stems
            or any(word[:size] in self.prefixes for size in range(self._shortest_prefix, len(word) + 1))
        )

    def correct(self, word: str) -> str | None:
        """The one vocabulary word `word` is a typo of, or None."""
        if len(word) < _TYPO_LENGTH:
            return None
        if word not in self._memo:
            if len(self._memo) >= 20_000:
                self._memo.clear()
            self._memo[word] = self._correct(word)
        return self._memo[word]

    def _correct(self, word: str) -> str | None:
        if not word.isalpha() or self.known(word):
            return None
        found = {
            candidate
            for key in _deletes(word) | {word}
            for candidate in self._by_delete.get(key, ())
            if _typo_of(word, candidate)
        }
        if not found:
            return None
        # "feasability" is both "feasibility" and "feasib*": one reading, the longest.
        longest = max(found, key=lambda candidate: (len(candidate), candidate))
        return longest if all(longest.startswith(candidate) for candidate in found) else None


PLAIN = Lexicon()


@valueclass
class Tokens:
    """A line's stems with what matching must respect. An abbreviation spelled out
    gives several stems for one written word (they share its span)."""

    text: str
    stems: list[str]
    spans: list[tuple[int, int]]  # characters of the text each stem came from
    segments: list[int]  # which sentence or clause each stem is in
    questions: frozenset[int]  # segments that end with "?"
    can_start: list[bool]  # a phrase may begin at this stem
    can_end: list[bool]  # a phrase may end at this stem
    heads: list[bool]  # the last part of a hyphenated word: a "tariff-code" is a code
    label: int  # stems in a leading "spike:"-style label (0 when there is none)
    quoted: frozenset[int] = frozenset()  # stems inside double quotes: a name, not work

    def __len__(self) -> int:
        return len(self.stems)

    def allows(self, start: int, end: int) -> bool:
        return (
            (self.can_start[start] or self.heads[start])
            and self.can_end[end - 1]
            and self.segments[start] == self.segments[end - 1]
        )

    def phrase(self, start: int, end: int) -> str:
        """The text as written from stem `start` to stem `end - 1`."""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]


# Shared by the classifier and the matchers reading the same line a moment apart.
# Each line's results are remembered by its reader, so a few hundred lines are
# enough; every line of a 2,000-task spec would hold about 10 MB.
@lru_cache(maxsize=512)
def _tokenize(text: str, lexicon: Lexicon) -> Tokens:
    stems: list[str] = []
    spans: list[tuple[int, int]] = []
    segments: list[int] = []
    can_start: list[bool] = []
    can_end: list[bool] = []
    questions: set[int] = set()
    segment, previous_end, label = 0, 0, 0
    ticket = TICKET.match(text)
    ticket_end, ticket_stems = (ticket.end() if ticket else 0), 0
    for match in _WORD.finditer(text):
        gap = text[previous_end : match.start()]
        joined = bool(stems) and gap in _HYPHENS
        # With the next word's first letter, so "Node.js" is no sentence end.
        if stems and not joined and _BREAK.search(text, previous_end, match.start() + 1):
            if "?" in gap:
                questions.add(segment)
            # "spike:" or a leading "[Spike]" tag labels the line.
            labelled = ":" in gap or ("]" in gap and text.lstrip().startswith("["))
            if segment == 0 and labelled and not label and len(stems) - ticket_stems <= _LABEL_WORDS:
                label = len(stems)
            segment += 1
        word = match.group()
        lowered = word.lower()
        base = SIZE if _SIZE.fullmatch(lowered) else stem(lowered)
        if lexicon.spelling is not None and base not in lexicon.abbreviations:
            base = lexicon.spelling.correct(base) or base
        parts = lexicon.abbreviations.get(base, (base,))
        if joined:
            # A phrase may not end before this part, nor start at it, unless the
            # parts around the hyphen are free to stand alone.
            previous = stems[-1]
            can_end[-1] = can_end[-1] and base in lexicon.free_suffixes
            start_ok = previous in lexicon.free_prefixes and can_start[-1]
        else:
            start_ok = True
        for position, part in enumerate(parts):
            stems.append(part)
            spans.append((match.start(), match.end()))
            segments.append(segment)
            # Inside a spelled-out abbreviation only the whole counts ("out of memory").
            can_start.append(start_ok if position == 0 else False)
            can_end.append(position == len(parts) - 1)
        if match.end() <= ticket_end:
            ticket_stems = len(stems)
        previous_end = match.end()
    if "?" in text[previous_end:]:
        questions.add(segment)
    heads = [
        not can_start[index] and can_end[index] and index > 0 and spans[index - 1][1] < spans[index][0]
        for index in range(len(stems))
    ]
    quoted = _quoted(text, spans)
    return Tokens(text, stems, spans, segments, frozenset(questions), can_start, can_end, heads, label, quoted)


_NONE: frozenset[int] = frozenset()  # one empty set for every line: each new one costs 200 bytes
_QUOTED = re.compile(r'"([^"]*)"|\u201c([^\u201d]*)\u201d')
# A quoted name is short; a longer quotation is the task itself, pasted in quotes.
_NAME_WORDS = 5


def _quoted(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Stems inside short double-quoted names ("because you watched" row), when
    the line has words outside them too."""
    if '"' not in text and "\u201c" not in text:
        return _NONE
    inside: set[int] = set()
    index = 0  # quotes and words both run left to right: one pass over each
    for match in _QUOTED.finditer(text):
        start, end = match.span()
        while index < len(spans) and spans[index][0] <= start:
            index += 1
        found = []
        while index < len(spans) and spans[index][1] < end:
            found.append(index)
            index += 1
        if len({spans[position] for position in found}) <= _NAME_WORDS:
            inside.update(found)
    return frozenset(inside) if inside and len(inside) < len(spans) else _NONE


def tokenize(text: str, lexicon: Lexicon = PLAIN) -> Tokens:
    return _tokenize(text, lexicon)


@valueclass
class Term:
    """A compiled phrase: each part is (stem, is_prefix, written); `*` alone matches any one word."""

    source: str
    parts: tuple[tuple[str, bool, str], ...]

    def __len__(self) -> int:
        return len(self.parts)


@lru_cache(maxsize=5_000)
def compile_term(source: str) -> Term:
    parts = []
    for raw in source.lower().split():
        if raw == "*":
            parts.append(("", True, ""))
        elif raw in (SIZE, COUNT):
            parts.append((raw, False, raw))
        elif raw.endswith("*"):
            # "outage*" meets "outage", "outages" ("outag") and "outage-free", but
            # "trace*" must not meet "track": a prefix is the stem itself or the
            # prefix as written.
            written = "".join(_WORD.findall(raw[:-1]))
            parts.append((stem(written), True, written))
        else:
            for token in _WORD.findall(raw):
                parts.append((stem(token), False, token))
    return Term(source, tuple(parts))


def is_count(word: str) -> bool:
    """Whether a word is what `#count` meets: a count in digits ("300", "1.5k")."""
    return _COUNT.fullmatch(word) is not None


def _part_matches(part: tuple[str, bool, str], word: str) -> bool:
    text, prefix, written = part
    if text == COUNT:
        return is_count(word)
    if not prefix:
        return word == text
    if text == written:
        return word.startswith(text)
    return word == text or word.startswith(written)


def _index_key(part: tuple[str, bool, str]) -> str:
    """The longest prefix every word this part matches starts with."""
    text, _, written = part
    size = 0
    while size < min(len(text), len(written)) and text[size] == written[size]:
        size += 1
    return text[:size]


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


# Distinct words whose candidate terms an index remembers (a bound on its memory).
_MEMO_TOKENS = 50_000
_NO_CANDIDATES: list[Any] = []  # never appended to: callers only read it


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
            first = term.parts[0]
            key = _index_key(first)
            if not first[1]:
                self._exact.setdefault(first[0], []).append((term, payload))
            elif key:
                self._prefix.setdefault(key, []).append((term, payload))
            else:
                self._anything.append((term, payload))
        self._longest_prefix = max(map(len, self._prefix), default=0)
        self._by_token: dict[str, list[tuple[Term, Payload]]] = {}

    def __getstate__(self) -> dict[str, object]:
        # The index without the words it met: kept (in the presets cache) as built.
        return {name: value for name, value in self.__dict__.items() if name != "_by_token"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._by_token = {}

    def _candidates(self, token: str) -> list[tuple[Term, Payload]]:
        """The terms that may start at `token`; each distinct word is looked up once."""
        found = self._by_token.get(token)
        if found is not None:
            return found
        found = list(self._exact.get(token, ()))
        for size in range(1, min(len(token), self._longest_prefix) + 1):
            found.extend(self._prefix.get(token[:size], ()))
        if self._anything:
            found += self._anything
        if not found:
            found = _NO_CANDIDATES  # most words start no term: one shared empty list
        if len(self._by_token) < _MEMO_TOKENS:
            self._by_token[token] = found
        return found

    def scan(self, tokens: list[str] | Tokens) -> list[tuple[Term, Payload, int]]:
        """Every (term, payload, start) where the term matches, by start. Given
        `Tokens`, a match also keeps within one sentence and to whole words."""
        found: list[tuple[Term, Payload, int]] = []
        checked = tokens if isinstance(tokens, Tokens) else None
        stems = tokens.stems if isinstance(tokens, Tokens) else tokens
        count = len(stems)
        for start, token in enumerate(stems):
            # A phrase starts at a word, or at the last part of a hyphenated word
            # when it names that part exactly ("code" in "tariff-code", never "wrap*"
            # in "shrink-wrapped").
            head_only = checked is not None and not checked.can_start[start]
            if head_only and not (checked is not None and checked.heads[start]):
                continue
            for term, payload in self._candidates(token):
                parts = term.parts
                if head_only and parts[0][1]:
                    continue
                end = start + len(parts)
                # The first word matched already; check the rest.
                first = parts[0]
                if (
                    end <= count
                    # Found by a shorter key than its stem ("trac" for "trace*"): check it.
                    and (first[0] == first[2] or not first[1] or _part_matches(first, token))
                    and all(_part_matches(parts[offset], stems[start + offset]) for offset in range(1, len(parts)))
                    and (checked is None or checked.allows(start, end))
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
