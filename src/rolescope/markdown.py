"""Escaping user text for Markdown, in one place.

User text (task lines, names, skills) goes into the description literally: no
markup it contains can make a heading, a link, a list, HTML or a table, and
control characters (ANSI escapes among them) are shown as visible symbols so
they cannot drive a terminal that prints the file.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Punctuation that means something anywhere in a line (emphasis, code, links,
# tables, strikethrough, math, headings); escaped punctuation renders literally.
_SPECIAL = re.compile(r"([\\`*_\[\]|~$#])")
# Markers that only mean something at the start of a line: lists, quotes, numbering.
_LEADING = re.compile(r"^(\s*)([-+>]|\d+(?=[.)]))")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# C0/C1 controls, and the bidirectional overrides and isolates that can make a
# line display in an order other than the one it is stored in.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
# What GFM turns into a link with no markup: a scheme's "://", "www." and the "@"
# of an address. The last character of each match gets a backslash.
_AUTOLINK = re.compile(r"(?i)(?<![\w.])(?:https?|ftp|mailto|xmpp):|(?<![\w.])www\.|(?<=[\w.+-])@(?=[\w-]+\.\w)")


def visible_controls(text: str) -> str:
    """C0/C1 control characters become Unicode control pictures (ESC -> ␛)."""

    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        if code >= 0x202A:
            return f"<U+{code:04X}>"
        return "\ufffd"

    return _CONTROL.sub(picture, text)


# One symbol for each control character, so a field that shows text keeps its
# positions: C0 as control pictures (ESC -> ␛), DEL as ␡, C1 and bidi controls as �.
_ONE_FOR_ONE = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x09}
_ONE_FOR_ONE |= {0x7F: "\u2421"} | {code: "\ufffd" for code in (*range(0x80, 0xA0), *range(0x202A, 0x202F))}
_ONE_FOR_ONE |= {code: "\ufffd" for code in range(0x2066, 0x206A)}


def screen_safe(text: str) -> str:
    """`text` with each control character replaced by one visible symbol (tabs
    kept): what an editable field shows, character for character."""
    return text.translate(_ONE_FOR_ONE)


def one_line(text: str) -> str:
    """`text` as one harmless line for a terminal or a log: every control character,
    newlines and tabs included, shown as a visible symbol."""
    return visible_controls(text.replace("\n", "\u240a").replace("\t", "\u2409"))


@lru_cache(maxsize=8192)
def md_inline(text: str) -> str:
    """`text` as one literal line of Markdown: markup escaped, newlines folded.
    Remembered: a batch of descriptions repeats the presets' lines thousands of times."""
    # Only ASCII white space folds; a non-breaking space stays what it is.
    text = visible_controls(_SPACE_RUN.sub(" ", text).strip(" "))
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LEADING.sub(
        lambda m: m.group(1) + ("\\" + m.group(2) if not m.group(2).isdigit() else m.group(2) + "\\"), text
    )
    # A bare URL, www address or e-mail would become a live link (GFM autolinks):
    # an escape inside the pattern keeps it plain text that reads the same.
    text = _AUTOLINK.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], text)
    # HTML: a tag or an entity is neutralised by its first character.
    text = _ENTITY.sub("&amp;", text)
    return text.replace("<", "&lt;")
