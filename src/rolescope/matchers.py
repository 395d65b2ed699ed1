"""What the recommender reads in a task's text: PhD-justifying work, title, domain
and level signals, whether it is about a model, and credential words.

Compiled once per catalog (`Catalog.matchers`) and kept with it in the presets cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolescope.textmatch import TermIndex, tokenize, words

if TYPE_CHECKING:
    from rolescope.catalog import Catalog


class TaskMatchers:
    """A catalog's answers that depend only on a task's text, so recomputing a
    recommendation on every keystroke costs one new line, not all of them. The
    PhD, title, domain and level terms are each compiled into one index, matched
    in one pass over a task's words (linear in its length, whatever the number of
    terms), with the classifier's tokens (sentences, hyphenated words, abbreviations)."""

    LIMIT = 20_000

    def __init__(self, catalog: Catalog):
        self.title_count = len(catalog.titles)
        self.lexicon = catalog.vocabulary.lexicon
        self.phd: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.titles: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.phd_keys = list(catalog.vocabulary.phd)
        self.phd_rules = list(catalog.vocabulary.phd.values())
        # Payload: (rule, role) where role is "term", "act" or "object".
        self.phd_index: TermIndex[tuple[int, str]] = TermIndex(
            [
                (term, (number, role))
                for number, rule in enumerate(self.phd_rules)
                for role, terms in (("term", rule.terms), ("act", rule.acts), ("object", rule.objects))
                for term in terms
            ]
        )
        # Payload: (title rule, the signal's place among the rule's signals).
        self.title_index: TermIndex[tuple[int, int]] = TermIndex(
            [
                (signal, (number, place))
                for number, rule in enumerate(catalog.titles)
                for place, signal in enumerate(rule.signals)
            ]
        )
        self.domain_index: TermIndex[int] = TermIndex(
            [(signal, number) for number, domain in enumerate(catalog.domains) for signal in domain.signals]
        )
        self.level_index: TermIndex[int] = TermIndex(
            [(signal, number) for number, level in enumerate(catalog.levels) for signal in level.signals]
        )
        settings = catalog.title_settings
        self.model_index: TermIndex[bool] = TermIndex(
            [(term, True) for term in settings.model_signals] + [(term, False) for term in settings.not_model]
        )
        self.extras: dict[str, tuple[frozenset[int], frozenset[int], bool]] = {}
        # Plain words, as a description's lines are matched (no sentence or hyphen rules).
        self.credential_index: TermIndex[bool] = TermIndex([(term, True) for term in catalog.jd.credentials.terms])
        self.credentials: dict[str, bool] = {}

    def phd_found(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The PhD reasons a task shows, with the words that showed each."""
        if text not in self.phd:
            if len(self.phd) > self.LIMIT:
                self.phd.clear()
            tokens = tokenize(text, self.lexicon)
            found: dict[int, str] = {}
            # The last act and object seen per rule, to pair them in one pass.
            last: dict[tuple[int, str], tuple[int, int]] = {}
            for term, (number, role), start in sorted(self.phd_index.scan(tokens), key=lambda hit: hit[2]):
                end = start + len(term)
                if number in found:
                    continue
                if role == "term":
                    found[number] = tokens.phrase(start, end)
                    continue
                other = last.get((number, "object" if role == "act" else "act"))
                window = self.phd_rules[number].window
                if (
                    other is not None
                    and tokens.segments[other[0]] == tokens.segments[start]
                    and start - other[1] < window
                ):
                    found[number] = tokens.phrase(other[0], end)
                else:
                    last[(number, role)] = (start, end)
            ordered = sorted(found)
            self.phd[text] = (
                tuple(self.phd_rules[number].reason for number in ordered),
                tuple(found[number] for number in ordered),
            )
        return self.phd[text]

    def phd_reasons(self, text: str) -> tuple[str, ...]:
        return self.phd_found(text)[0]

    def phd_keys_of(self, text: str) -> set[str]:
        reasons = set(self.phd_found(text)[0])
        return {key for key, rule in zip(self.phd_keys, self.phd_rules) if rule.reason in reasons}

    def title_signals(self, text: str) -> tuple[tuple[str, ...], ...]:
        """For each title rule, in catalog order, the words of `text` that its signals
        match (each signal's first match, in the order the rule lists its signals)."""
        if text not in self.titles:
            if len(self.titles) > self.LIMIT:
                self.titles.clear()
            tokens = tokenize(text, self.lexicon)
            first: dict[tuple[int, int], tuple[int, int]] = {}
            for term, key, start in self.title_index.scan(tokens):
                if key not in first:  # scan goes by start: the first is the earliest
                    first[key] = (start, start + len(term))
            hits: list[list[tuple[int, str]]] = [[] for _ in range(self.title_count)]
            for (number, place), (start, end) in first.items():
                hits[number].append((place, tokens.phrase(start, end)))
            self.titles[text] = tuple(tuple(phrase for _, phrase in sorted(found)) for found in hits)
        return self.titles[text]

    def asks_for_credentials(self, text: str) -> bool:
        if text not in self.credentials:
            if len(self.credentials) > self.LIMIT:
                self.credentials.clear()
            self.credentials[text] = bool(self.credential_index.scan(words(text)))
        return self.credentials[text]

    def text_facts(self, text: str) -> tuple[frozenset[int], frozenset[int], bool]:
        """The domains and level signals a task mentions, and whether it is about a model."""
        if text not in self.extras:
            if len(self.extras) > self.LIMIT:
                self.extras.clear()
            tokens = tokenize(text, self.lexicon)
            domains = frozenset(number for _, number, _ in self.domain_index.scan(tokens))
            levels = frozenset(number for _, number, _ in self.level_index.scan(tokens))
            # Longest first, so "dbt models" is not a model.
            taken: set[int] = set()
            about_model = False
            for term, is_model, start in sorted(self.model_index.scan(tokens), key=lambda hit: -len(hit[0])):
                span = range(start, start + len(term))
                if any(index in taken for index in span):
                    continue
                taken.update(span)
                about_model = about_model or is_model
            self.extras[text] = (domains, levels, about_model)
        return self.extras[text]
