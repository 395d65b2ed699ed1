"""Every wizard test: a cursor that holds still (see waiting.py for how tests wait)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch):
    """A blinking cursor would be sampled at a random phase into snapshots: keep it shown."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
