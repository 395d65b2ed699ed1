"""Small pieces of English every sentence about the verdict is built from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolescope.numbers import format_number

if TYPE_CHECKING:
    from rolescope.spec import Pay


def pct(share: float) -> str:
    return f"{round(share * 100)}%"


def weeks_text(weeks: float) -> str:
    return f"{format_number(weeks)} week" + ("" if weeks == 1 else "s")


def join_words(items: list[str] | tuple[str, ...], last: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


# Letters whose spoken name starts with a vowel sound: "an ML engineer", "an LLM".
_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")
# Words that start with a vowel letter but a consonant sound: "a unified", "a one-off".
_CONSONANT_SOUND_STARTS = ("uni", "use", "usu", "eu", "one", "ubiq")


def with_article(phrase: str) -> str:
    """The phrase after "a" or "an", as it is said aloud (titles often open with an acronym)."""
    first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    word = first.strip("“”\"'(")
    if len(word) > 1 and word.isupper():
        vowel = word[0] in _VOWEL_SOUND_LETTERS
    else:
        lower = word.lower()
        vowel = lower[:1] in set("aeiou") and not lower.startswith(_CONSONANT_SOUND_STARTS)
        vowel = vowel or lower.startswith(("hour", "honest", "honor", "honour"))
    return ("an " if vowel else "a ") + phrase


_PERIOD = {"year": "per year", "month": "per month", "hour": "per hour"}


def format_pay(pay: Pay) -> str:
    def amount(value: float) -> str:
        # Every digit the lead typed; cents read as cents (52.5 -> 52.50).
        text = format_number(value)
        whole, point, fraction = text.partition(".")
        return f"{whole}.{fraction:0<2}" if point else text

    return f"{pay.currency} {amount(pay.min)}–{amount(pay.max)} {_PERIOD[pay.period]}"
