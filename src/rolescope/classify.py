"""Classify a task line as researcher, developer or operator, and say why.

Explainable by construction: each archetype scores the weights of the vocabulary
terms found in the line, longest phrases first, so a phrase's words do not count
again on their own. The evidence is the list of terms that scored. A line with
too little evidence is flagged as vague rather than guessed at silently, and one
whose confidence is below the vocabulary's threshold is marked unsure.

An ambiguous word (`[senses]` in the vocabulary) is read in the sense its
neighbours give it: "spike" is research in "research spike" and a production
problem in "latency spike"; the evidence shows the word with the neighbour.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from rolescope.catalog import Catalog, Vocabulary
from rolescope.spec import ARCHETYPES, Task
from rolescope.textmatch import TICKET, Term, TermIndex, Tokens, stem, tokenize
from rolescope.values import valueclass


@valueclass
class Evidence:
    term: str
    archetype: str
    weight: float
    text: str  # the words of the line that matched


@valueclass
class Classification:
    text: str
    archetype: str
    kind: str
    confidence: float
    evidence: tuple[Evidence, ...]
    scores: dict[str, float]
    vague: bool
    overridden: bool = False
    unsure: bool = False  # below the vocabulary's confidence threshold: ask the lead

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
            "unsure": self.unsure,
            "overridden": self.overridden,
        }


def kind_of(archetype: str) -> str:
    return "research" if archetype == "researcher" else "engineering"


# Exact ties go to the engineering reading: it is the common case.
_TIE_ORDER = {"developer": 0, "operator": 1, "researcher": 2}
# ... unless the line says something misbehaves: then keeping it running is.
_SICK_TIE_ORDER = {"operator": 0, "developer": 1, "researcher": 2}
_CACHE_LIMIT = 20_000

_Hit = tuple[int, int, str | None, float, str, tuple[int, int]]  # start, end, archetype, weight, term, shown span
_MARK_KINDS = ("vague", "head", "code head", "model head", "opener", "unmarked opener", "symptom")
_Marks = dict[str, dict[int, int]]  # kind -> where each word of the list starts -> where it ends


class Classifier:
    """The vocabulary compiled once, with a memo of lines already seen: the wizard
    re-reads every task on each keystroke, and only the edited one is new."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.lexicon = vocabulary.lexicon.with_spelling(
            [source for terms in vocabulary.terms.values() for source in terms]
            + [source for source in vocabulary.senses]
            + [near for sense in vocabulary.senses.values() for cue in sense.cues for near in cue.near]
        )
        # Terms and sense words in one index (a sense word's archetype is None: its
        # neighbours decide), so a line is scanned once for both.
        self.index: TermIndex[tuple[str | None, float]] = TermIndex(
            [
                (source, (archetype, float(weight)))
                for archetype in ARCHETYPES
                for source, weight in vocabulary.terms.get(archetype, {}).items()
                if source not in vocabulary.senses
            ]
            + [(source, (None, 0.0)) for source in vocabulary.senses]
        )
        self.cue_index: TermIndex[tuple[str, int]] = TermIndex(
            [
                (near, (source, number))
                for source, sense in vocabulary.senses.items()
                for number, cue in enumerate(sense.cues)
                for near in cue.near
            ]
        )
        # The short word lists the rules consult, found in one pass over a line.
        settings = vocabulary.settings
        self.marks: TermIndex[str] = TermIndex(
            [
                (term, kind)
                for kind, terms in (
                    ("vague", settings.vague_terms),
                    ("head", settings.artefact_heads),
                    ("code head", settings.code_heads),
                    ("model head", settings.model_heads),
                    ("opener", settings.question_openers),
                    ("unmarked opener", settings.unmarked_question_openers),
                    ("symptom", settings.symptoms),
                )
                for term in terms
            ]
        )
        self.prepositions = frozenset(stem(word) for word in vocabulary.settings.target_prepositions)
        self.memo: dict[str, Classification] = {}

    def classify(self, text: str) -> Classification:
        result = self.memo.get(text)
        if result is None:
            if len(self.memo) >= _CACHE_LIMIT:
                self.memo.clear()
            result = self.memo[text] = self._classify(text)
        return result

    def _senses(self, tokens: Tokens, found: list[tuple[Term, int]]) -> list[_Hit]:
        """Each ambiguous word found read in the sense its neighbours give it; the
        evidence shows the word with the neighbour that decided."""
        if not found:
            return []
        ends: dict[int, list[tuple[tuple[str, int], int]]] = {}
        starts: dict[int, list[tuple[tuple[str, int], int]]] = {}
        for term, key, start in self.cue_index.scan(tokens):
            ends.setdefault(start + len(term), []).append((key, start))
            starts.setdefault(start, []).append((key, start + len(term)))
        hits: list[_Hit] = []
        for term, start in found:
            end = start + len(term)
            source = term.source
            sense = self.vocabulary.senses[source]
            archetype, weight, shown = sense.archetype, sense.weight, (start, end)
            segment = tokens.segments[start]
            for number, cue in enumerate(sense.cues):
                if cue.in_label and start >= tokens.label and not _is_tag(tokens, start, end):
                    continue
                if cue.in_question and segment not in tokens.questions:
                    continue
                if cue.near:
                    near = _near(tokens, (source, number), start, end, cue.window, cue.side, ends, starts)
                    if near is None:
                        continue
                    shown = (min(start, near[0]), max(end, near[1]))
                archetype, weight = cue.archetype, cue.weight
                break
            hits.append((start, end, archetype, weight, term.source, shown))
        return hits

    def _questions(self, tokens: Tokens, skip: int, marks: _Marks) -> tuple[frozenset[int], set[int]]:
        """The sentences that are questions (a "?", or an opener that asks without
        one: "does the new tokenizer hurt Thai"), and those of them that ask whether
        something holds ("does X help Y?"), with the line's label when it is the
        topic of one ("retrain cadence: how often ...?")."""
        questions = tokens.questions
        opens = {tokens.segments[start] for start in marks["unmarked opener"] if _opens_sentence(tokens, start, skip)}
        if opens - questions:
            questions = questions | opens
        if not questions:
            return questions, set()
        asked = {
            tokens.segments[start]
            for start in marks["opener"]
            if tokens.segments[start] in questions and _opens_sentence(tokens, start, skip)
        }
        if tokens.label and 1 in asked:
            asked.add(0)
        return questions, asked

    def _served(self, tokens: Tokens, chores: dict[int, int], start: int) -> bool:
        """The words at `start` name a system after an operations word and a
        preposition in the same sentence ("SLO for the search endpoint")."""
        segment = tokens.segments[start]
        for before in range(start - 1, max(0, start - _TARGET_GAP) - 1, -1):
            if tokens.segments[before] != segment:
                return False
            if tokens.stems[before] in self.prepositions:
                return any(at < before and chores[at] == segment for at in chores)
        return False

    def _classify(self, text: str) -> Classification:
        tokens = tokenize(text, self.lexicon)
        settings = self.vocabulary.settings
        ticket = TICKET.match(text)
        skip = len(tokenize(ticket.group(), self.lexicon)) if ticket else 0
        hits: list[_Hit] = []
        senses: list[tuple[Term, int]] = []
        for term, (archetype, weight), start in self.index.scan(tokens):
            if archetype is None:
                senses.append((term, start))
            else:
                hits.append((start, start + len(term), archetype, weight, term.source, (start, start + len(term))))
        hits += self._senses(tokens, senses)
        # Longest phrases claim their words first; heavier terms, then earlier ones, break ties.
        hits.sort(key=lambda hit: (-(hit[1] - hit[0]), -hit[3], hit[4], hit[0]))
        marks: _Marks = {kind: {} for kind in _MARK_KINDS}
        for term, kind, start in self.marks.scan(tokens):
            marks[kind][start] = start + len(term)
        heads = marks["head"]
        head_starts = {end: start for start, end in heads.items()}
        code_heads = marks["code head"]
        model_heads = set(marks["model head"])
        questions, asked = self._questions(tokens, skip, marks)
        # A label that introduces a research question or step is its topic
        # ("drift: which feature shifts hurt accuracy?"), not the work.
        topic = (
            tokens.label if questions or any(hit[2] == "researcher" and hit[0] >= tokens.label for hit in hits) else 0
        )
        symptoms = marks["symptom"]
        taken: set[int] = set()
        used: set[str] = set()
        kept: list[tuple[int, str, float, str, tuple[int, int]]] = []  # start, archetype, weight, term, shown
        sick: set[int] = set()  # sentences where an operations word says something is misbehaving
        for start, end, archetype, weight, source, shown in hits:
            if source in used or any(index in taken for index in range(start, end)):
                continue
            if tokens.quoted and any(index in tokens.quoted for index in range(start, end)):
                continue  # words of a quoted name ("because you watched" row) are not work
            used.add(source)
            taken.update(range(start, end))
            if archetype is None or not weight:
                continue  # a word that, in this context, says nothing
            if archetype != "researcher" and _names_target(tokens, model_heads, start, end, skip):
                continue  # "capacity forecast", "incident classifier": what the model predicts
            if archetype == "researcher":
                head = _artefact_after(tokens, heads, end)
                if head is not None:  # "ablation runner": building the runner
                    if weight < _NAMES_RESEARCH:
                        continue  # "feature jobs": the jobs are the work
                    archetype, shown = "developer", (shown[0], max(shown[1], head))
            elif archetype == "operator":
                head = _artefact_after(tokens, code_heads, end)
                if head is not None:  # "model registry client": writing the client
                    archetype, shown = "developer", (shown[0], max(shown[1], head))
            if skip <= start < skip + settings.lead_words and head_starts.get(end, -1) < start:
                weight *= settings.lead_bonus  # the main verb; not a software's name ("feature pipeline lag")
            if archetype != "researcher" and end <= topic:
                weight *= settings.topic_weight
            if archetype != settings.question_archetype and tokens.segments[start] in asked:
                weight *= settings.asked_weight  # "does adding titles to chunks help retrieval?"
            if archetype == "operator" and tokens.segments[start] not in questions and _covers(symptoms, start, end):
                sick.add(tokens.segments[start])
            kept.append((start, archetype, weight, source, shown))
        scores = {archetype: 0.0 for archetype in ARCHETYPES}
        found: list[tuple[int, Evidence]] = []
        chores = {
            start: tokens.segments[start]
            for start, archetype, weight, *_ in kept
            if archetype == "operator" and weight >= 2
        }
        for start, archetype, weight, source, shown in kept:
            if archetype == "developer" and chores and self._served(tokens, chores, start):
                weight *= settings.topic_weight  # "runbook for the scoring API": the API is what it is for
            if archetype != "operator" and tokens.segments[start] in sick:
                weight *= settings.symptom_weight  # "lead scores stopped syncing": the sync is what broke
            scores[archetype] += weight
            found.append((start, Evidence(source, archetype, weight, tokens.phrase(*shown))))
        # A line that asks something is a decision still to be made, wherever the
        # question stands ("worth it? offline lift"); counted once.
        if settings.question_archetype in scores and (questions or text.rstrip().endswith("?")):
            scores[settings.question_archetype] += settings.question_weight
            found.append(
                (len(tokens), Evidence("(a question)", settings.question_archetype, settings.question_weight, "?"))
            )
        total = sum(scores.values())
        ties = _SICK_TIE_ORDER if sick else _TIE_ORDER
        best = max(ARCHETYPES, key=lambda archetype: (scores[archetype], -ties[archetype]))
        # The winner's share of the evidence, smoothed so one weak hint is never
        # "certain"; a line too vague to classify is a guess and says so.
        confidence = calibrated((scores[best] + 1) / (total + 3), settings.calibration)
        vague = total < settings.min_evidence or (total < settings.vague_evidence and bool(marks["vague"]))
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
            unsure=confidence < settings.unsure_below,
        )


# At most this many words from a preposition to the system it names ("for the scoring API").
_TARGET_GAP = 4
# A research word names what a piece of software is for when the software's name
# follows it at once or after one more word ("ablation runner", "offline eval job").
_HEAD_GAP = 2
# A research word this heavy names research ("ablation", "offline"); a lighter one
# ("feature", "label") is only a modifier there.
_NAMES_RESEARCH = 1.5


def _artefact_after(tokens: Tokens, heads: dict[int, int], end: int) -> int | None:
    """Where the software's name after a research word ends, when one follows in its sentence."""
    for start in range(end, min(len(tokens), end + _HEAD_GAP)):
        if start in heads and tokens.segments[start] == tokens.segments[end - 1]:
            return heads[start]
    return None


def _names_target(tokens: Tokens, model_heads: set[int], start: int, end: int, skip: int) -> bool:
    """The words stand just before a model's name in the singular ("shipping cost
    prediction"), and do not open their sentence, where they would be the verb
    ("monitor forecast bias"); a plural is what a verb acts on ("storing predictions")."""
    if end not in model_heads or tokens.segments[end] != tokens.segments[start]:
        return False
    if tokens.phrase(end, end + 1).lower().endswith("s"):
        return False
    return start > skip and tokens.segments[start - 1] == tokens.segments[start]


def _covers(spans: dict[int, int], start: int, end: int) -> bool:
    """One of the spans (start -> end) lies within [start, end)."""
    return any(spans.get(index, end + 1) <= end for index in range(start, end))


def _opens_sentence(tokens: Tokens, start: int, skip: int) -> bool:
    """The word is its sentence's first (a ticket id before it does not count)."""
    return start in (0, skip) or tokens.segments[start - 1] != tokens.segments[start]


def _is_tag(tokens: Tokens, start: int, end: int) -> bool:
    """The words stand alone after the line's last punctuation ("... w/o labels? spike")."""
    last = tokens.segments[-1]
    return end == len(tokens) and start > 0 and tokens.segments[start] == last and tokens.segments[start - 1] != last


def calibrated(share: float, points: list[tuple[float, float]]) -> float:
    """The evidence share read as a probability of being right, along the points."""
    if not points:
        return share
    if share <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in pairwise(points):
        if share <= x1:
            return y0 + (y1 - y0) * (share - x0) / (x1 - x0) if x1 > x0 else y1
    return points[-1][1]


def _near(
    tokens: Tokens,
    key: tuple[str, int],
    start: int,
    end: int,
    window: int,
    side: str,
    ends: dict[int, list[tuple[tuple[str, int], int]]],
    starts: dict[int, list[tuple[tuple[str, int], int]]],
) -> tuple[int, int] | None:
    """The span of a cue of `key` within `window` words of [start, end) in the same
    sentence, looking only at those few positions (linear in the line). A word in
    the line's label ("label delay: measure how long ...") is read with the
    sentence the label introduces."""
    segment = tokens.segments[start]
    sentences = {segment, segment + 1} if start < tokens.label else {segment}
    if 0 < tokens.label < len(tokens) and segment == tokens.segments[tokens.label]:
        sentences.add(segment - 1)  # and with the label that sets its topic ("AML: alert job")
    if side in ("any", "before"):
        for cue_end in range(start, max(0, start - window), -1):
            for found, cue_start in ends.get(cue_end, ()):
                if found == key and tokens.segments[cue_start] in sentences:
                    return cue_start, cue_end
    if side in ("any", "after"):
        for cue_start in range(end, min(len(tokens), end + window)):
            for found, cue_end in starts.get(cue_start, ()):
                if found == key and tokens.segments[cue_start] in sentences:
                    return cue_start, cue_end
    return None


def classify_text(text: str, catalog: Catalog) -> Classification:
    return catalog.classifier.classify(text)


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
