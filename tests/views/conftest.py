"""GUI test fixtures: the domain messages in Indonesian, as the default UI language."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _indonesian_messages():
    from app.views import i18n

    i18n.set_language("id")
    yield
    i18n.set_language("id")
