"""Translations: the Indonesian ``.qm`` is loaded by default; English is the source text.

Domain messages (``FieldError.message`` / ``message_en``) come from ``app.core.messages``, not from
Qt; ``message()`` picks the one matching the chosen language.
"""

from __future__ import annotations

from app import paths

_language = "id"


def qm_path():
    return paths.resources_dir() / "i18n" / "pmi_desk_id.qm"


def install(app, language: str):
    """Install the translator for ``language`` on ``app``; returns it (keep a reference) or None."""
    global _language
    _language = language
    from PySide6.QtCore import QLocale, QTranslator

    # Numbers, dates and calendar names follow the language (200.000; Senin, Selasa...).
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
                       if language == "id" else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if language != "id":
        return None

    translator = QTranslator(app)
    if translator.load(str(qm_path())):
        app.installTranslator(translator)
        return translator
    import logging

    logging.getLogger("app.ui").warning("translation file missing: %s", qm_path())
    return None


def language() -> str:
    return _language


def set_language(value: str) -> None:
    """For tests and for a window built without ``install``."""
    global _language
    _language = value


def message(error) -> str:
    """The text of a FieldError / UserError / StorageError in the chosen language."""
    return error.message if _language == "id" else error.message_en


def choice_name(choice) -> str:
    """Name of a reference ``Choice``/``Language`` in the chosen language."""
    return choice.name_id if _language == "id" else choice.name_en


# --- dates and numbers in the chosen language (babel, app.core.formatting) ----------------------

def date_text(value, *, short: bool = True) -> str:
    from app.core import formatting

    return formatting.format_date(value, _language, short=short)


def datetime_text(value, *, seconds: bool = False, time_only: bool = False) -> str:
    """In WIB, as the office reads the clock."""
    from app.core import formatting

    return formatting.format_datetime(value, _language, seconds=seconds, time_only=time_only)


def number_text(value, *, decimals: int | None = None) -> str:
    from app.core import formatting

    return formatting.format_number(value, _language, decimals=decimals)


def size_text(n_bytes: int) -> str:
    from app.core import formatting

    return formatting.format_size(n_bytes, _language)
