"""The one thin adapter over ``QSettings``: every user setting is declared here with its default.

The settings file lives in the data dir (``PMI_DESK_HOME`` or platformdirs), so tests and a second
installation never share it. ``VERSION`` is bumped when a key changes meaning; ``_upgrade`` moves
old values forward.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app import paths

VERSION = 1
LANGUAGES = ("id", "en")  # Indonesian is the default; English means "no translator"


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    type: type


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("ui/language", "id", str),
    Option("window/geometry", b"", bytes),
    Option("demo/applicants", 1000, int),
    Option("window/page", 1, int),  # 0 registration, 1 applicant list
)}


class Settings:
    """Typed get/set over a ``QSettings`` INI file in the data dir."""

    def __init__(self, qsettings=None):
        from PySide6.QtCore import QSettings

        self._q = qsettings or QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        stored = int(self._q.value("settings/version", 0) or 0)
        if stored < VERSION:
            # Version 1 is the first one: nothing to move yet.
            self._q.setValue("settings/version", VERSION)

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value = self._q.value(key, option.default)
        if value is None:
            return option.default
        try:
            if option.type is bytes:
                return bytes(value.data()) if hasattr(value, "data") else option.default
            return option.type(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]  # unknown keys are a programming error
        if option.type is bytes:
            from PySide6.QtCore import QByteArray

            value = QByteArray(bytes(value))
        self._q.setValue(key, value)
        self._q.sync()

    @property
    def language(self) -> str:
        lang = self.get("ui/language")
        return lang if lang in LANGUAGES else OPTIONS["ui/language"].default

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(value)
        self.set("ui/language", value)
