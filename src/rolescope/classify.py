"""Classify a task line as researcher, developer or operator, and say why.

Explainable by construction: each archetype scores the weights of the vocabulary
terms found in the line, longest phrases first, so a phrase's words do not count
again on their own. The evidence is the list of terms that scored. A line with
too little evidence is flagged as vague rather than guessed at silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rolescope.catalog import Catalog, Vocabulary
from rolescope.spec import ARCHETYPES, Task
from rolescope.textmatch import TermIndex, raw_words, words


@dataclass(frozen=True)
class Evidence:
    term: str
    archetype: str
    weight: float
    text: str  # the words of the line that matched


@dataclass(frozen=True)
class Classification:
    text: str
    archetype: str
    kind: str
    confidence: float
    evidence: tuple[Evidence, ...]
    scores: dict[str, float]
    vague: bool
    overridden: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "archetype": self.archetype,
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "evidence": [item.text for item in self.evidence if item.archetype == self.archetype]
            or [item.text for item in self.evidence],
            "evidence_terms": [
                {"words": item.text, "term": item.term, "archetype": item.archetype, "weight": item.weight}
                for item in self.evidence
            ],
            "scores": {key: round(value, 2) for key, value in self.scores.items()},
            "vague": self.vague,
            "overridden": self.overridden,
        }


def kind_of(archetype: str) -> str:
    return "research" if archetype == "researcher" else "engineering"


# Exact ties go to the engineering reading: it is the common case.
_TIE_ORDER = {"developer": 0, "operator": 1, "researcher": 2}
_CACHE_LIMIT = 20_000


class _Classifier:
    """The vocabulary compiled once, with a memo of lines already seen: the wizard
    re-reads every task on each keystroke, and only the edited one is new."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.index: TermIndex[tuple[str, float]] = TermIndex(
            [
                (source, (archetype, float(weight)))
                for archetype in ARCHETYPES
                for source, weight in vocabulary.terms.get(archetype, {}).items()
            ]
        )
        self.memo: dict[str, Classification] = {}

    def classify(self, text: str) -> Classification:
        result = self.memo.get(text)
        if result is None:
            if len(self.memo) >= _CACHE_LIMIT:
                self.memo.clear()
            result = self.memo[text] = self._classify(text)
        return result

    def _classify(self, text: str) -> Classification:
        tokens, original = words(text), raw_words(text)
        settings = self.vocabulary.settings
        # Longest phrases claim their words first; heavier terms, then earlier ones, break ties.
        matches = sorted(
            self.index.scan(tokens),
            key=lambda match: (-len(match[0]), -match[1][1], match[0].source, match[2]),
        )
        taken: set[int] = set()
        used: set[str] = set()
        scores = {archetype: 0.0 for archetype in ARCHETYPES}
        found: list[tuple[int, Evidence]] = []
        for term, (archetype, weight), start in matches:
            end = start + len(term)
            if term.source in used or any(index in taken for index in range(start, end)):
                continue
            used.add(term.source)
            taken.update(range(start, end))
            if start < settings.lead_words:
                weight *= settings.lead_bonus
            scores[archetype] += weight
            found.append((start, Evidence(term.source, archetype, weight, " ".join(original[start:end]))))
        if settings.question_archetype in scores and text.rstrip().endswith("?"):
            scores[settings.question_archetype] += settings.question_weight
            found.append(
                (len(tokens), Evidence("(a question)", settings.question_archetype, settings.question_weight, "?"))
            )
        total = sum(scores.values())
        best = max(ARCHETYPES, key=lambda archetype: (scores[archetype], -_TIE_ORDER[archetype]))
        # The winner's share of the evidence, smoothed so one weak hint is never
        # "certain"; a line too vague to classify is a guess and says so.
        confidence = (scores[best] + 1) / (total + 3)
        vague = total < settings.min_evidence
        if vague:
            confidence = min(confidence, 0.4)
        return Classification(
            text=text,
            archetype=best,
            kind=kind_of(best),
            confidence=confidence,
            evidence=tuple(item for _, item in sorted(found, key=lambda pair: pair[0])),
            scores=scores,
            vague=vague,
        )


_CLASSIFIERS: dict[int, _Classifier] = {}


def _classifier(catalog: Catalog) -> _Classifier:
    """One compiled classifier per vocabulary (catalogs are cached and immutable)."""
    vocabulary = catalog.vocabulary
    current = _CLASSIFIERS.get(id(vocabulary))
    if current is None or current.vocabulary is not vocabulary:
        current = _CLASSIFIERS[id(vocabulary)] = _Classifier(vocabulary)
    return current


def classify_text(text: str, catalog: Catalog) -> Classification:
    return _classifier(catalog).classify(text)


def classify_task(task: Task, catalog: Catalog) -> Classification:
    """A task's classification; its own `archetype`, when set, always wins."""
    result = classify_text(task.text, catalog)
    if task.archetype is None:
        return result
    return Classification(
        text=result.text,
        archetype=task.archetype,
        kind=kind_of(task.archetype),
        confidence=1.0,
        evidence=result.evidence,
        scores=result.scores,
        vague=False,
        overridden=True,
    )
