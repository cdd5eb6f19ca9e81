"""Money in foreign currencies: integer minor units plus an ISO code, and its rupiah equivalent.

The rates are a dated table in ``resources/exchange_rates.csv`` (one row per currency and date
from which the rate holds; the office edits it when the rate it uses changes). A job order keeps
its salary in the employer's currency; the rupiah figure shown next to it is computed with the
rate valid on the day asked, never stored.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from app import paths


@dataclass(frozen=True)
class Rate:
    currency: str
    valid_from: date
    idr_per_unit: Decimal  # rupiah for one whole unit (one yen, one dollar)
    minor_digits: int
    name_id: str
    name_en: str


@lru_cache(maxsize=None)
def rates() -> dict[str, tuple[Rate, ...]]:
    """currency → its rates, oldest first."""
    out: dict[str, list[Rate]] = {}
    with open(paths.resources_dir() / "exchange_rates.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.setdefault(r["currency"], []).append(Rate(
                r["currency"], date.fromisoformat(r["valid_from"]), Decimal(r["idr_per_unit"]),
                int(r["minor_digits"]), r["name_id"], r["name_en"]))
    return {k: tuple(sorted(v, key=lambda x: x.valid_from)) for k, v in out.items()}


def currencies() -> list[str]:
    return sorted(rates(), key=lambda c: (c != "IDR", c))


def minor_digits(currency: str) -> int:
    return rates()[currency][0].minor_digits


def rate_on(currency: str, day: date) -> Rate | None:
    """The rate valid on ``day`` (the latest one from on or before it), or None."""
    found = None
    for r in rates().get(currency, ()):
        if r.valid_from <= day:
            found = r
    return found


def to_rupiah(amount_minor: int, currency: str, day: date) -> int | None:
    """Whole rupiah for ``amount_minor`` minor units of ``currency`` at the rate of ``day``
    (half up); None when no rate is known for that day."""
    r = rate_on(currency, day)
    if r is None:
        return None
    value = Decimal(int(amount_minor)) * r.idr_per_unit / (Decimal(10) ** r.minor_digits)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_amount(amount_minor: int, currency: str) -> str:
    """``JPY 180,000`` / ``USD 1,250.50`` / ``Rp8.000.000`` (rupiah as the glossary writes it)."""
    from app.core.formatting import format_money, format_number

    if currency == "IDR":
        return format_money(int(amount_minor))
    digits = minor_digits(currency)
    value = Decimal(int(amount_minor)) / (Decimal(10) ** digits)
    return f"{currency} {format_number(value, 'id', decimals=digits)}"
