"""Locale formatting (babel): the glossary's formats in Indonesian, and their English counterparts."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from app.core.formatting import format_date, format_money, format_number, format_percent, locale_for

D = date(2026, 11, 23)


def test_dates_follow_the_glossary():
    assert format_date(D, "id") == "23 November 2026"
    assert format_date(D, "id", short=True) == "23/11/2026"
    assert format_date(date(2026, 8, 5), "id") == "5 Agustus 2026"
    assert format_date(date(2026, 3, 1), "id", short=True) == "01/03/2026"
    assert format_date(datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc), "id") == "23 November 2026"
    assert format_date(None, "id") == ""


def test_english_dates_keep_day_before_month():
    assert format_date(D, "en") == "23 November 2026"
    assert format_date(date(2026, 8, 5), "en") == "5 August 2026"
    assert format_date(D, "en", short=True) == "23/11/2026"


def test_money_is_whole_rupiah():
    assert format_money(8_000_000, "id") == "Rp8.000.000"
    assert format_money(8_000_000, "en") == "Rp8,000,000"
    assert format_money(0, "id") == "Rp0"
    assert format_money(-1500, "id") == "-Rp1.500"
    with pytest.raises(TypeError):
        format_money(8000.5, "id")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_money(True, "id")  # type: ignore[arg-type]


def test_percent():
    assert format_percent(85.5, "id") == "85,5 %"
    assert format_percent(80, "id") == "80 %"
    assert format_percent(Decimal("85.55"), "id", decimals=2) == "85,55 %"
    assert format_percent(85.5, "en") == "85.5 %"
    assert format_percent(85.54, "id") == "85,5 %"


def test_numbers():
    assert format_number(200_000, "id") == "200.000"
    assert format_number(200_000, "en") == "200,000"
    assert format_number(1234.5, "id", decimals=2) == "1.234,50"
    assert format_number(1234.5, "en", decimals=0) == "1,234"  # half to even


def test_unknown_language_is_indonesian():
    assert locale_for("xx") == "id" and locale_for(None) == "id"
    assert format_money(1000, "xx") == "Rp1.000"


def test_date_and_time_on_the_office_clock():
    from app.core.formatting import format_datetime

    utc = datetime(2026, 11, 25, 17, 5, 9, tzinfo=timezone.utc)  # 00:05 WIB on the 26th
    assert format_datetime(utc, "id") == "26/11/2026 00:05"
    assert format_datetime(utc, "en", seconds=True) == "26/11/2026 00:05:09"
    assert format_datetime(utc, "id", time_only=True) == "00:05"
    assert format_datetime(datetime(2026, 1, 2, 3, 4), "id") == "02/01/2026 03:04"  # naive: as it is
    assert format_datetime(None) == ""


def test_file_sizes_follow_the_language():
    from app.core.formatting import format_size

    assert format_size(1_572_864, "id") == "1,5 MB" and format_size(1_572_864, "en") == "1.5 MB"
    assert format_size(2_500_000_000, "id") == "2.384,2 MB" and format_size(2_500_000_000, "en") == "2,384.2 MB"
    assert format_size(10, "id") == "1 KB" and format_size(524_288, "en") == "512 KB"


def test_short_dates_without_babel_are_babels():
    """The short date is made without babel (the list's first paint does not import it): the
    same text as babel's ``dd/MM/yyyy`` in both languages."""
    from datetime import date, timedelta

    from babel import dates

    from app.core import formatting

    day = date(1, 1, 1)
    samples = [day, date(999, 12, 31), date(1970, 1, 1), date(2026, 11, 26), date(9999, 12, 31)]
    samples += [date(1940, 1, 1) + timedelta(days=37 * i) for i in range(1000)]
    for d in samples:
        for lang in ("id", "en"):
            assert formatting.format_date(d, lang, short=True) == \
                dates.format_date(d, formatting.SHORT_DATE, locale=formatting.locale_for(lang)), (d, lang)
