"""Dates, money, percentages and numbers as a person reads them, in the chosen language (babel; no Qt).

The formats follow ``../shared/reference/glossary.md``: dates ``23 November 2026`` (short
``23/11/2026``), money ``Rp8.000.000``, a percentage ``85,5 %``. Indonesian uses CLDR's ``id``
locale; English uses ``en_GB`` (day before month, as everyone at the office reads dates) and keeps
the rupiah sign ``Rp`` rather than CLDR's ``IDR``: the money is always rupiah here.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

LOCALES = {"id": "id", "en": "en_GB"}
DEFAULT_LANGUAGE = "id"
SHORT_DATE = "dd/MM/yyyy"
LONG_DATE = "d MMMM y"


def locale_for(lang: str | None) -> str:
    """The babel locale of a UI language code (``id``/``en``); unknown codes fall back to Indonesian."""
    return LOCALES.get(lang or DEFAULT_LANGUAGE, LOCALES[DEFAULT_LANGUAGE])


def format_date(value: date | datetime | None, lang: str = DEFAULT_LANGUAGE, *, short: bool = False) -> str:
    """``23 November 2026`` (CLDR month names), or ``23/11/2026``
    with ``short=True``. ``None`` is an empty string."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if short:  # digits only, the same in both languages: no babel (its import is ~50 ms of the
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"  # list's first paint)
    from babel import dates as _dates

    return _dates.format_date(value, LONG_DATE, locale=locale_for(lang))


def format_datetime(value: datetime | None, lang: str = DEFAULT_LANGUAGE, *, seconds: bool = False,
                    time_only: bool = False) -> str:
    """``23/11/2026 14:05`` (``:ss`` with ``seconds``; only ``14:05`` with ``time_only``) on the
    office's clock: an aware time is shown in WIB, a naive one as it is. ``None`` is ""."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        from app.core.clock import WIB

        value = value.astimezone(WIB)
    pattern = ("" if time_only else SHORT_DATE + " ") + ("HH:mm:ss" if seconds else "HH:mm")
    from babel import dates as _dates

    return _dates.format_datetime(value.replace(tzinfo=None), pattern, locale=locale_for(lang))


def format_size(n_bytes: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """A file size: ``512 KB``, ``1,5 MB`` (``1.5 MB`` in English); at least 1 KB."""
    if n_bytes >= 1_048_576:
        return format_number(n_bytes / 1_048_576, lang, decimals=1) + " MB"
    return format_number(max(1, n_bytes // 1024), lang) + " KB"


def format_money(rupiah: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """An integer number of rupiah: ``Rp8.000.000`` (Indonesian), ``Rp8,000,000`` (English).
    Money is never a float (DESIGN §7): a float or a fraction is refused."""
    if isinstance(rupiah, bool) or not isinstance(rupiah, int):
        raise TypeError(f"money is an integer number of rupiah, not {type(rupiah).__name__}")
    from babel import numbers as _numbers

    digits = _numbers.format_decimal(abs(rupiah), "#,##0", locale=locale_for(lang))
    return f"{'-' if rupiah < 0 else ''}Rp{digits}"


def format_percent(percent: float | int | Decimal, lang: str = DEFAULT_LANGUAGE, *, decimals: int = 1) -> str:
    """A value in per cent (``85.5`` → ``85,5 %``); at most ``decimals`` digits after the comma,
    trailing zeros dropped (``80`` → ``80 %``)."""
    from babel import numbers as _numbers

    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "") + " %"
    return _numbers.format_percent(Decimal(str(percent)) / 100, pattern, locale=locale_for(lang))


def format_number(value: float | int | Decimal, lang: str = DEFAULT_LANGUAGE, *, decimals: int | None = None) -> str:
    """``1.234.567`` / ``1,234,567``; with ``decimals`` exactly that many digits after the separator."""
    from babel import numbers as _numbers

    if decimals is None:
        return _numbers.format_decimal(value, locale=locale_for(lang))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return _numbers.format_decimal(Decimal(str(value)), pattern, locale=locale_for(lang))
