"""TOML written canonically: the same data always gives the same bytes, tables in
a fixed order, values rendered by tomli_w (which owns the escaping).
"""

from __future__ import annotations

import re
from typing import Any

import tomli_w


def dump_toml(data: dict[str, Any]) -> str:
    """Canonical TOML: keys before tables, every table under its own header and
    every array of tables as [[name]] blocks, so specs diff well in git.
    Values are rendered by tomli_w, which owns the escaping."""
    out: list[str] = []

    def emit(table: dict[str, Any], path: tuple[str, ...]) -> None:
        plain = {key: value for key, value in table.items() if not _is_table(value) and not _is_table_array(value)}
        if plain:
            out.append("".join(_key_value(key, value) for key, value in plain.items()))
        for key, value in table.items():
            if _is_table(value):
                name = ".".join(_bare_key(part) for part in (*path, key))
                out.append(f"[{name}]\n")
                emit(value, (*path, key))
            elif _is_table_array(value):
                name = ".".join(_bare_key(part) for part in (*path, key))
                for item in value:
                    out.append(f"[[{name}]]\n")
                    emit(item, (*path, key))

    emit(data, ())
    blocks: list[str] = []
    for chunk in out:
        if chunk.startswith("[") and blocks:
            blocks.append("\n")
        blocks.append(chunk)
    return "".join(blocks)


# What tomli_w escapes in a basic string: the quote, the backslash and the control
# characters but tab. A text with none of them it writes as is, between quotes.
_ESCAPED = re.compile(r'["\\\x00-\x08\x0a-\x1f\x7f]')


def _key_value(key: str, value: Any) -> str:
    """`key = value` as tomli_w writes it: plain keys, texts and lists of texts,
    whole numbers and booleans directly (most of a spec), anything else by tomli_w
    itself."""
    if _BARE.fullmatch(key):
        if type(value) is str and not _ESCAPED.search(value):
            return f'{key} = "{value}"\n'
        if isinstance(value, bool):
            return f"{key} = {'true' if value else 'false'}\n"
        if type(value) is int:
            return f"{key} = {value}\n"
        if type(value) is list and all(type(item) is str and not _ESCAPED.search(item) for item in value):
            if not value:
                return f"{key} = []\n"
            items = "".join(f'    "{item}",\n' for item in value)
            return f"{key} = [\n{items}]\n"
    return tomli_w.dumps({key: value})


_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _bare_key(key: str) -> str:
    return (
        key
        if key and all((c.isalnum() and c.isascii()) or c in "_-" for c in key)
        else tomli_w.dumps({key: 0}).split(" = ")[0]
    )
