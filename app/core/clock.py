"""The office's clock: Kota Serang keeps WIB (UTC+7, no daylight saving), whatever the PC's zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")


def now_wib() -> datetime:
    return datetime.now(WIB)


def today() -> date:
    """Today's date in Kota Serang (registration dates, ages)."""
    return now_wib().date()
