"""TOML written canonically: the same data always gives the same bytes, tables in
a fixed order, values rendered by tomli_w (which owns the escaping).
"""

from __future__ import annotations

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
            out.append(tomli_w.dumps(plain))
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
