"""What a regular expression cannot match without: the literal words it requires.

A lint rule's patterns are searched over a whole posting, and Python's engine
tries a case-ignoring pattern that starts with `\\b` at every position: a few
dozen microseconds per pattern and page. Most postings hold none of the words
such a pattern is built on ("native", "lift", "no more than"), so asking
whether they are in the lowered text first (a fast substring search) spares the
engine's pass without changing what is found.

`required_literals` reads the pattern's parse tree (as `re` itself parses it)
for runs of ASCII literal characters that every match must contain; they come
as clauses, and a match holds one alternative of every clause.
`may_match(clauses, text, lowered)` is False only when some clause has no
alternative in the text, and then the pattern cannot match it.

Why lowering is exact here: every character the engine matches against an
ASCII character (case ignored or not, in any part of the pattern) lowers to
that character's lower case, except the three in `_FOLDED_ELSEWHERE` (dotted
capital I, dotless i, long s); a text with one of those is searched in full. A
test checks this over every code point.
"""

from __future__ import annotations

import re
from typing import Any

# re's own parser, a private module: should a later Python move it, nothing is spared.
try:  # pragma: no cover - present in every Python rolescope supports
    from re import _constants as _ops  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _ops = _parse = None

Clauses = tuple[tuple[str, ...], ...]

# Characters the engine matches against an ASCII letter without lowering to it:
# "İ".lower() is two characters, "ı" and "ſ" match "i" and "s" only by re's own table.
_FOLDED_ELSEWHERE = ("\u0130", "\u0131", "\u017f")
_SHORTEST = 2  # a one-letter word is in nearly every text: not worth asking


def required_literals(pattern: re.Pattern[str]) -> Clauses:
    """Clauses of words every match contains (lower case); empty when none is known."""
    if _parse is None or not isinstance(pattern.pattern, str):
        return ()
    try:
        return tuple(_sequence(list(_parse.parse(pattern.pattern, pattern.flags))))
    except Exception:  # a parser that has changed: do without
        return ()


def may_match(clauses: Clauses, text: str, lowered: str) -> bool:
    """False only when the pattern `clauses` came from cannot match `text`
    (`lowered` is `text.lower()`)."""
    if not clauses or any(char in text for char in _FOLDED_ELSEWHERE):
        return True
    return all(any(word in lowered for word in clause) for clause in clauses)


def _sequence(items: list[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    """The clauses of a sequence: each run of literals, and what its groups require."""
    clauses: list[tuple[str, ...]] = []
    run: list[str] = []

    def end_run() -> None:
        if len(run) >= _SHORTEST:
            clauses.append(("".join(run).lower(),))
        run.clear()

    for op, value in items:
        if op is _ops.LITERAL and value < 128:
            run.append(chr(value))
            continue
        end_run()
        if op is _ops.SUBPATTERN:  # a group, its flags whatever they are (see above)
            clauses += _sequence(list(value[3]))
        elif op is _ops.ATOMIC_GROUP:
            clauses += _sequence(list(value))
        elif op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, getattr(_ops, "POSSESSIVE_REPEAT", None)):
            least, _most, inner = value
            if least >= 1:
                clauses += _sequence(list(inner))
        elif op is _ops.BRANCH:
            clause = _branch(value[1])
            if clause:
                clauses.append(clause)
    end_run()
    return clauses


def _branch(branches: list[Any]) -> tuple[str, ...]:
    """One clause for alternatives: each must require a word; one of them is in any match."""
    words: list[str] = []
    for branch in branches:
        clauses = _sequence(list(branch))
        if not clauses:
            return ()  # this alternative needs no word: the branch tells nothing
        words += max(clauses, key=lambda clause: min(map(len, clause)))
    return tuple(dict.fromkeys(words))
