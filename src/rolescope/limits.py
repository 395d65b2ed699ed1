"""Every size limit on input, in one place (the README's "Limits" section lists them).

A spec is a few kilobytes with tens of tasks; these are far above any real one
and low enough that the work stays quick. Input past a limit is refused with one
line naming the file and field, exit 2, before any of it is parsed.
"""

from __future__ import annotations

from typing import Final

# A spec, a preset file or classify's standard input: at most this many bytes.
MAX_FILE_BYTES: Final = 5_000_000
# Tasks in one spec.
MAX_TASKS: Final = 10_000
# Characters in one text field of a spec (a task line, a name, a skill) and in one line given to classify.
MAX_TEXT_CHARS: Final = 10_000
