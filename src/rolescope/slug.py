"""Safe file names from titles and company names."""

from __future__ import annotations

import re
import unicodedata

# Names Windows reserves whatever the extension; a spec may travel.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_SLUG = 80


def slugify(*parts: str) -> str:
    """Lower-case ASCII words joined by hyphens: never a path separator, never a
    dot file, never empty."""
    text = " ".join(parts)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    slug = slug[:MAX_SLUG].rstrip("-")
    if not slug:
        return "role"
    if slug in _RESERVED:
        slug += "-role"
    return slug
