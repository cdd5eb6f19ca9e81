"""NIK (Nomor Induk Kependudukan) rules: ``PP KK CC DD MM YY SSSS``.

Province, regency/city and kecamatan of first issue; birth day (+40 for women), month, two-digit
year; a serial from 0001. The NIK never changes, even when issued with a wrong date: a NIK that
breaks the form is refused, a NIK whose date or sex differs from the entered ones is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.core import clock
from app.core.errors import FieldError
from app.core.reference import provinces

_NIK = re.compile(r"[0-9]{16}")  # ASCII digits only; fullmatch, so no trailing newline


@dataclass(frozen=True)
class NikInfo:
    nik: str
    province_code: str
    regency_code: str
    district_code: str
    birth_date: date
    sex: str  # "L" or "P"
    serial: str


def parse_nik(nik: str, *, today: date | None = None) -> NikInfo:
    """Parse a NIK or raise ``ValueError`` carrying a ``FieldError`` (field ``nik``)."""
    errors = nik_errors(nik, today=today)
    if errors:
        raise NikError(errors[0])
    return _decode(nik, today or clock.today())


class NikError(ValueError):
    def __init__(self, error: FieldError):
        self.error = error
        super().__init__(error.message)


def nik_errors(nik: str, *, today: date | None = None) -> list[FieldError]:
    """Every reason the NIK is malformed; an empty list when it is well formed."""
    if not isinstance(nik, str) or not _NIK.fullmatch(nik):
        return [FieldError("nik", "nik_format")]
    errors = []
    if nik[:2] not in provinces():
        errors.append(FieldError("nik", "nik_province", {"code": nik[:2]}))
    try:
        _decode(nik, today or clock.today())
    except ValueError:
        errors.append(FieldError("nik", "nik_date", {"value": nik[6:12]}))
    if nik[12:] == "0000":
        errors.append(FieldError("nik", "nik_serial"))
    return errors


def _decode(nik: str, today: date) -> NikInfo:
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "L"
    if day > 40:
        day -= 40
        sex = "P"
    # The latest year ending in ``yy`` whose date is not after today: on 25/11/2026, "151226"
    # is 15/12/1926, never a birth date in the future.
    year = 2000 + yy
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    birth = date(year, month, day)  # ValueError on an impossible date (day 0, 31 Feb, month 13...)
    return NikInfo(nik, nik[:2], nik[2:4], nik[4:6], birth, sex, nik[12:])


def nik_date_part(birth_date: date, sex: str) -> str:
    """Digits 7–12 of the NIK for a birth date and sex (used by demo data and tests)."""
    day = birth_date.day + (40 if sex == "P" else 0)
    return f"{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}"
