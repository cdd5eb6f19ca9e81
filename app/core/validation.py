"""Field-level parsing shared by the services: text, dates, numbers, phones, e-mail."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from app.core.errors import FieldError

# C0 and C1 controls (tab, newline and carriage return are whitespace, handled below), zero-width
# and bidi controls, the BOM, and lone surrogates (a JSON "\\ud800" cannot even be stored).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069"
                      r"\ufeff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")


class Collector:
    """Collects field errors so a form can show all of them at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(field, code, params))

    def text(self, field: str, value: Any, *, max_len: int, required: bool = True,
             multiline: bool = False) -> str | None:
        """Trimmed, NFC-normalised text without control characters; None when empty."""
        if value is None:
            value = ""
        if not isinstance(value, str):  # a number, list or object where text belongs (JSON)
            self.add(field, "not_text")
            return None
        value = unicodedata.normalize("NFC", value)
        if _CONTROL.search(value.replace("\n", "").replace("\t", "") if multiline else value):
            self.add(field, "control_chars")
            return None
        value = value.strip() if multiline else _SPACES.sub(" ", value).strip()
        if not value:
            if required:
                self.add(field, "required")
            return None
        if len(value) > max_len:
            self.add(field, "too_long", max=max_len)
            return None
        return value

    def choice(self, field: str, value: Any, choices, *, required: bool = True) -> str | None:
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return None
        if not isinstance(value, str) or value not in choices:  # a list is not even hashable
            self.add(field, "invalid_choice", value=str(value)[:40])
            return None
        return value

    def date(self, field: str, value: Any, *, required: bool = True) -> date | None:
        if value in (None, ""):
            if required:
                self.add(field, "required")
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.add(field, "invalid_date", value=str(value)[:40])
        return parsed

    def integer(self, field: str, value: Any, *, lo: int, hi: int, required: bool = False) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(field, "required")
            return None
        try:
            number = int(str(value).strip()) if not isinstance(value, int) or isinstance(value, bool) else value
        except ValueError:
            self.add(field, "invalid_number")
            return None
        if isinstance(value, bool):
            self.add(field, "invalid_number")
            return None
        if not lo <= number <= hi:
            self.add(field, "out_of_range", min=lo, max=hi)
            return None
        return number


def parse_date(value: Any) -> date | None:
    """ISO ``2001-03-17`` or Indonesian ``17/03/2001`` / ``17-03-2001``; None when not a date."""
    if isinstance(value, datetime):  # a datetime is a date too, but cannot be compared with one
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def normalize_phone(value: str) -> str | None:
    """An Indonesian or international number in E.164 (``+62…``), or None when not valid."""
    import phonenumbers

    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 30:
        return None
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """``+62 812-3456-7890`` as the glossary writes it."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if number.country_code == 62:
        digits = national.lstrip("0").replace(" ", "-")
        return f"+62 {digits}"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_search_prefix(digits: str) -> str | None:
    """The E.164 prefix a typed phone fragment stands for (``0812`` → ``+62812``)."""
    if digits.startswith("0"):
        return "+62" + digits[1:]
    if digits.startswith("62"):
        return "+" + digits
    if digits.startswith("8"):
        return "+62" + digits
    return None


def check_email(value: str) -> tuple[str | None, str | None]:
    """(normalised address, None) or (None, reason)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return None, str(exc)
    return result.normalized, None


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
