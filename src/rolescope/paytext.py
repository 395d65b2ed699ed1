"""Pay as a posting writes it: "$150k–$190k", "EUR 78.000 - 96.000 p.a.", "₹28–40 LPA",
"£550-£650 per day", "CHF 120'000 to 150'000", "between $85 and $110 an hour".

`lint` (is there a pay range?) and `import` (which range, per what?) read pay
through this one module, so the two never disagree about a posting. A range is
two amounts with a currency (a symbol or an ISO code, before or after them; lakh
and crore say rupees on their own), joined by a dash or "to" ("and" after
"between"), each amount perhaps with a unit (k, lakh/L/LPA, crore, M where
salaries run in millions). The period is read after the range ("per day", "/hr",
"p.a.", "monthly") or, failing that, from the words before it on its line ("Day
rate:", "Hourly rate"); else a year is assumed and `period_said` is False.

A range never runs across lines: two amounts on two lines of a list are two
amounts, not a range. Money that is not pay ("raised $20–30 million") is not
read: an amount in millions counts only in a currency whose salaries run to
millions, and billions never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ISO codes a posting writes for pay (the symbols below name the common ones too);
# not TRY, PHP or PEN, which are words ("we try 2-3 designs", "PHP 7-8").
_CODES = (
    "usd", "eur", "gbp", "cad", "chf", "aud", "nzd", "sgd", "hkd", "jpy", "cny", "rmb", "inr", "pkr", "lkr",
    "sek", "nok", "dkk", "isk", "pln", "czk", "huf", "ron", "bgn", "ils", "aed", "sar", "qar", "zar",
    "brl", "mxn", "ars", "clp", "cop", "krw", "twd", "thb", "myr", "idr", "vnd", "ngn", "kes", "egp",
)  # fmt: skip
# Symbols, longest first: "C$" before "$".
_SYMBOLS = {
    "US$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
    "HK$": "HKD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₨": "INR",
    "rs": "INR", "rs.": "INR", "₩": "KRW", "₪": "ILS", "zł": "PLN", "₺": "TRY", "₱": "PHP", "₦": "NGN",
}  # fmt: skip
# Currencies whose yearly salaries run to millions: there "¥8M–12M" is pay, elsewhere
# "$5M–10M" is a funding round or revenue.
_MILLIONS = {"JPY", "INR", "PKR", "LKR", "KRW", "IDR", "VND", "HUF", "CLP", "COP", "NGN", "KES", "ISK", "ARS"}
_DOLLARS = {"USD", "CAD", "AUD", "NZD", "SGD", "HKD"}
_UNITS = {
    "k": 1e3, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "l": 1e5, "lpa": 1e5,
    "crore": 1e7, "crores": 1e7, "cr": 1e7, "m": 1e6, "mn": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
}  # fmt: skip
_INDIAN_UNITS = {"lakh", "lakhs", "lac", "lacs", "l", "lpa", "crore", "crores", "cr"}
_PERIOD_WORDS = {
    "year": "year", "yr": "year", "annum": "year", "annually": "year", "yearly": "year", "pa": "year",
    "ctc": "year", "lpa": "year",
    "month": "month", "mo": "month", "monthly": "month", "pm": "month", "pcm": "month",
    "week": "week", "wk": "week", "weekly": "week", "pw": "week",
    "day": "day", "daily": "day", "pd": "day", "dayrate": "day",
    "hour": "hour", "hr": "hour", "h": "hour", "hourly": "hour", "ph": "hour",
}  # fmt: skip
# Words before a range on its line that say its period ("Day rate: £550–650", "Annual salary").
_PERIOD_BEFORE = re.compile(
    r"\b(?:(?P<day>day[ \t-]rate|daily)|(?P<hour>hourly)|(?P<week>weekly)|(?P<month>monthly)"
    r"|(?P<year>annual|annually|yearly|per[ \t]annum))\b",
    re.I,
)

_SPACE = r"[ \t\u00a0\u202f]"
_SYMBOL = "|".join(re.escape(symbol) for symbol in sorted(_SYMBOLS, key=len, reverse=True) if symbol[0] != "r")
_CURRENCY = rf"(?:{_SYMBOL}|\brs\.?(?![a-z])|\b(?:{'|'.join(_CODES)})\b)"
# 85,000 · 85.000 · 85 000 · 120'000 · 28,00,000 (lakhs grouped in twos) · 85,000.50 · 27.50 · 1,5; bounded
# and never starting inside a run of digits, so a long line of numbers costs in proportion to its length.
_NUMBER = (
    r"(?<!\d)(?:\d{1,3}(?:[,.'’\u00a0\u202f ]\d{2}){0,3}(?:[,.'’\u00a0\u202f ]\d{3}){1,4}(?:[.,]\d{1,2})?"
    r"|\d{1,10}(?:[.,]\d{1,2})?)(?!\d)"
)
_UNIT = r"(?:thousand|lakhs?|lacs?|lpa|l|crores?|cr|million|mn|m|billion|bn|b|k)(?![\w])"


def _amount(number: int) -> str:
    return rf"(?P<cur{number}>{_CURRENCY})?{_SPACE}?(?P<num{number}>{_NUMBER}){_SPACE}?(?P<unit{number}>{_UNIT})?"


_PERIOD_AFTER = (
    rf"(?:{_SPACE}*(?:\+{_SPACE}*[a-z]+{_SPACE}*)?(?:(?:gross|base|brutto|total){_SPACE}*)?"
    rf"(?:(?:/|\bper\b|\ba\b|\ban\b|\beach\b){_SPACE}*(?P<per>year|yr|annum|month|mo|week|wk|day|hour|hr|h)\b"
    r"|(?P<adverb>annually|yearly|monthly|weekly|daily|hourly|day[ \t]rate|ctc|pcm|p/?[admhw]|p\.[ \t]?[admhw]\.?|pa|pm|pw|pd|ph)"
    r"(?![\w])))?"
)
# "$60/hr - $80/hr", "$180K/yr - $220K/yr": the period said after each end too.
_FIRST_PERIOD = rf"(?:{_SPACE}?/{_SPACE}?(?P<per1>year|yr|annum|month|mo|week|wk|day|hour|hr|h)\b)?"
_RANGE = re.compile(
    rf"(?:(?P<between>\bbetween){_SPACE}+)?{_amount(1)}(?:{_SPACE}?(?P<mid>{_CURRENCY}))?{_FIRST_PERIOD}{_SPACE}*"
    rf"(?P<sep>-|–|—|−|~|〜|～|\bto\b|\band\b){_SPACE}*"
    rf"{_amount(2)}(?:{_SPACE}?(?P<post>{_CURRENCY}))?{_PERIOD_AFTER}",
    re.I,
)


@dataclass(frozen=True)
class PayText:
    """A pay range found in a posting, in whole currency units."""

    low: float
    high: float
    currency: str  # ISO 4217 code
    period: str  # year, month, week, day or hour
    period_said: bool  # written in the posting; else a year is assumed
    text: str  # the range as written
    start: int  # where it starts in the text


_DIGIT = re.compile(r"\d")


def find_pay(text: str) -> PayText | None:
    """The first pay range in `text`, or None."""
    if not _DIGIT.search(text):
        return None  # most lines of a posting: the range's pattern is slow to try at every place
    for found in _RANGE.finditer(text):
        read = _read(found, text)
        if read is not None:
            return read
    return None


def has_pay_range(text: str) -> bool:
    """Whether the text gives a pay range (what lint asks; import asks which one)."""
    return find_pay(text) is not None


def _number(written: str) -> float:
    """85,000 → 85000; 85.000 → 85000; 28,00,000 → 2800000; 27.50 → 27.5; 1,5 → 1.5."""
    decimal = re.search(r"[.,](\d{1,2})$", written)
    whole = written[: decimal.start()] if decimal else written
    digits = re.sub(r"\D", "", whole)
    return float(f"{digits}.{decimal.group(1)}") if decimal else float(digits)


def _currency(mark: str | None) -> str | None:
    if not mark:
        return None
    lowered = mark.lower()
    return _SYMBOLS.get(mark) or _SYMBOLS.get(lowered) or (lowered.upper() if lowered in _CODES else None)


def _read(found: re.Match[str], text: str) -> PayText | None:
    if found.group("sep").lower() == "and" and not found.group("between"):
        return None
    if text[found.end() : found.end() + 1] == "%":
        return None
    marks = [_currency(found.group(name)) for name in ("cur1", "mid", "cur2", "post")]
    named = list(dict.fromkeys(mark for mark in marks if mark))
    if len(named) > 1 and "USD" in named and all(mark in _DOLLARS for mark in named):
        named.remove("USD")  # "$60–75k CAD": "$" is the dollar the code names
    if len(named) > 1:
        return None  # "$100–€200" is no one range
    units = [(found.group(name) or "").lower() for name in ("unit1", "unit2")]
    indian = any(unit in _INDIAN_UNITS for unit in units)
    currency = named[0] if named else ("INR" if indian else None)
    if currency is None or (indian and currency != "INR"):
        return None
    if any(_UNITS.get(unit, 1) >= 1e9 for unit in units):
        return None
    low, high = _number(found.group("num1")), _number(found.group("num2"))
    # A unit written once covers both ends: "$150–180k", "₹28–40 LPA".
    scale = [_UNITS.get(unit, 1.0) for unit in units]
    if units[0] and not units[1] and high < 1000:
        scale[1] = scale[0]
    if units[1] and not units[0] and low < 1000:
        scale[0] = scale[1]
    low, high = low * scale[0], high * scale[1]
    period, said = _period(found, text, units)
    if max(scale) >= 1e6 and currency not in _MILLIONS and not said:
        return None  # "$5M–10M": a funding round, not pay
    if low <= 0 or high < low or high > 1e9:
        return None
    start = found.start("cur1") if found.group("cur1") else found.start("num1")
    return PayText(low, high, currency, period, said, found.group().strip(), start)


def _period(found: re.Match[str], text: str, units: list[str]) -> tuple[str, bool]:
    written = (found.group("per") or found.group("adverb") or found.group("per1") or "").lower()
    if written:  # "p.a." and "p/h" as "pa" and "ph"
        return _PERIOD_WORDS.get(re.sub(r"[^a-z]", "", written), "year"), True
    if "lpa" in units:
        return "year", True
    line_start = text.rfind("\n", 0, found.start()) + 1
    said = [
        name
        for before in _PERIOD_BEFORE.finditer(text, line_start, found.start())
        for name, value in before.groupdict().items()
        if value
    ]
    if said:
        return said[-1], True  # the nearest
    return "year", False
