"""TOML read with errors a lead can act on: tomllib's messages made plain, with the
line and, where the line shows it, the field.
"""

from __future__ import annotations

import ast
import re
import tomllib
from typing import Any

from rolescope.errors import SpecError
from rolescope.markdown import one_line
from rolescope.specerrors import field_name, where
from rolescope.tomlpos import iter_fields, path_on_line


def parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise SpecError(f"{one_line(source)}: malformed TOML: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as error:
        # Python 3.11 puts the position in the message: "... (at line 3, column 9)".
        message = str(error)
        line: int | None = None
        if "(at line " in message:
            message, _, position = message.rpartition(" (at line ")
            number = position.split(",")[0].strip(") ")
            line = int(number) if number.isdigit() else None
        elif "(at end of document)" in message:
            message = message.replace(" (at end of document)", "")
            if message == "Unterminated string" or message.startswith("Expected \"'"):
                # tomllib only says "at end of document"; find where the string opens.
                line = _unclosed_string_line(text)
            if line:
                message = "String never closed"
            else:
                message += " at the end of the file"
        message = _toml_message(message, text, line)
        raise SpecError(
            one_line(f"{where(source, line)}: malformed TOML: {message[:1].lower()}{message[1:]}")
        ) from None


def _toml_message(message: str, text: str, line: int | None) -> str:
    """tomllib's wording made plain where it is cryptic, naming the field where the line shows it."""
    path = path_on_line(text, line) if line else None
    field = f"{field_name(path)}: " if path else ""
    earlier = [number for number, other in iter_fields(text) if path and other == path and number < (line or 0)]
    first = f" (first on line {earlier[0]})" if earlier else ""
    declared = re.fullmatch(r"Cannot declare (\(.*\)) twice", message)
    if declared:
        return f"[{'.'.join(ast.literal_eval(declared.group(1)))}] is declared twice{first}"
    immutable = re.fullmatch(r"Cannot mutate immutable namespace (\(.*\))", message)
    if immutable:
        return (
            f"{'.'.join(ast.literal_eval(immutable.group(1)))} is already set as a value above, so it cannot be a table"
        )
    if message == "Cannot overwrite a value" and field:
        return f"{field}is set twice{first}" if earlier else f"{field}clashes with a value set above"
    if message in ("Illegal character '\\n'", "Found invalid character '\\n'"):
        return f"{field}a string is not closed on this line: add the closing quote (text over several lines goes in triple quotes)"
    if message == "String never closed":
        return f"{field}a string opens here and is never closed: add the closing quote"
    if message == "Invalid value":
        return f'{field}invalid value (text goes in quotes, like "pre-product")'
    return message


def _unclosed_string_line(text: str) -> int | None:
    """The line where a string that never closes opens: tomllib only says 'at end of document'."""
    line, index, opened, quote = 1, 0, 0, ""
    while index < len(text):
        char = text[index]
        if not quote:
            if char == "#":
                end = text.find("\n", index)
                index = len(text) if end < 0 else end
                continue
            if char in "\"'":
                quote = char * 3 if text.startswith(char * 3, index) else char
                opened = line
                index += len(quote)
                continue
        elif char == "\\" and quote[0] == '"':
            line += text[index + 1 : index + 2] == "\n"
            index += 2
            continue
        elif text.startswith(quote, index):
            index += len(quote)
            quote = ""
            continue
        line += char == "\n"
        index += 1
    return opened if quote else None
