"""Classify a task line as researcher, developer or operator, and say why.

Explainable by construction: each archetype scores the weights of the vocabulary
terms found in the line, longest phrases first, so a phrase's words do not count
again on their own. The evidence is the list of terms that scored. A line with
too little evidence is flagged as vague rather than guessed at silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from rolescope.catalog import Catalog, Vocabulary
from rolescope.spec import ARCHETYPES, Task
from rolescope.textmatch import Term, compile_term, find, raw_words, words


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

    def to_json(self) -> dict:
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


_COMPILED: dict[int, tuple[Vocabulary, list[tuple[Term, str, float]]]] = {}


def _terms(catalog: Catalog) -> list[tuple[Term, str, float]]:
    """The vocabulary compiled once per catalog (catalogs are cached and immutable)."""
    vocabulary = catalog.vocabulary
    cached = _COMPILED.get(id(vocabulary))
    if cached is None or cached[0] is not vocabulary:
        cached = (vocabulary, _compile(vocabulary))
        _COMPILED[id(vocabulary)] = cached
    return cached[1]


def _compile(vocabulary: Vocabulary) -> list[tuple[Term, str, float]]:
    terms = [
        (compile_term(source), archetype, float(weight))
        for archetype in ARCHETYPES
        for source, weight in vocabulary.terms.get(archetype, {}).items()
    ]
    # Longest phrases claim their words first; heavier terms break ties.
    terms.sort(key=lambda item: (-len(item[0]), -item[2], item[0].source))
    return terms


# Order used to break exact ties: the engineering reading is the common case.
_TIE_ORDER = {"developer": 0, "operator": 1, "researcher": 2}


def classify_text(text: str, catalog: Catalog) -> Classification:
    tokens, original = words(text), raw_words(text)
    settings = catalog.vocabulary.settings
    taken: set[int] = set()
    scores = {archetype: 0.0 for archetype in ARCHETYPES}
    found: list[tuple[int, Evidence]] = []
    for term, archetype, weight in _terms(catalog):
        span = find(term, tokens, taken)
        if span is None:
            continue
        start, end = span
        taken.update(range(start, end))
        if start < settings.lead_words:
            weight *= settings.lead_bonus
        scores[archetype] += weight
        found.append((start, Evidence(term.source, archetype, weight, " ".join(original[start:end]))))
    if settings.question_archetype in scores and text.rstrip().endswith("?"):
        scores[settings.question_archetype] += settings.question_weight
        found.append((len(tokens), Evidence("(a question)", settings.question_archetype, settings.question_weight, "?")))
    total = sum(scores.values())
    best = max(ARCHETYPES, key=lambda archetype: (scores[archetype], -_TIE_ORDER[archetype]))
    # Laplace-smoothed share of the evidence: one weak hint is never "certain".
    confidence = (scores[best] + 0.5) / (total + 1.5)
    evidence = tuple(item for _, item in sorted(found, key=lambda pair: pair[0]))
    return Classification(
        text=text,
        archetype=best,
        kind=kind_of(best),
        confidence=confidence,
        evidence=evidence,
        scores=scores,
        vague=total < settings.min_evidence,
    )


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
