"""The error tree. Callers match on the class and the ``code``, never on message text."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from app.core.messages import render


class AppError(Exception):
    """Root of every error the application raises on purpose."""


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field; ``code`` keys the message catalogue."""

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return render(self.code, "id", **self.params)

    @property
    def message_en(self) -> str:
        return render(self.code, "en", **self.params)

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "code": self.code, "message": self.message,
                "message_en": self.message_en, "params": _jsonable(self.params)}


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: (v if isinstance(v, (str, int, float, bool, type(None), list)) else str(v))
            for k, v in params.items()}


class ValidationError(AppError):
    """Bad input: one or more fields, each with an Indonesian message shown on the field."""

    def __init__(self, errors: list[FieldError] | FieldError):
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))

    @property
    def field(self) -> str:
        return self.errors[0].field

    @property
    def message(self) -> str:
        return self.errors[0].message

    def by_field(self) -> dict[str, list[FieldError]]:
        out: dict[str, list[FieldError]] = {}
        for e in self.errors:
            out.setdefault(e.field, []).append(e)
        return out


class ConfirmationRequired(AppError):
    """The input is acceptable only once a person confirms the listed warnings."""

    def __init__(self, warnings: list[FieldError]):
        self.warnings = list(warnings)
        super().__init__("; ".join(f"{w.field}: {w.message}" for w in self.warnings))


class UserError(AppError):
    """A refusal to show in a dialog (not tied to one field)."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return render(self.code, "id", **self.params)

    @property
    def message_en(self) -> str:
        return render(self.code, "en", **self.params)


class NotFound(UserError):
    pass


class ConcurrentEdit(UserError):
    """The record was changed by someone else since it was read."""


class StorageError(AppError):
    """The disk or the database refused (full, locked, read-only); shown with a hint."""

    def __init__(self, code: str, detail: str = "", **params: Any):
        self.code = code
        self.detail = detail
        self.params = params
        super().__init__(f"{self.message} ({detail})" if detail else self.message)

    @property
    def message(self) -> str:
        return render(self.code, "id", **self.params)

    @property
    def message_en(self) -> str:
        return render(self.code, "en", **self.params)


def sqlite_storage_error(orig: BaseException) -> StorageError:
    """The ``StorageError`` a person can act on for a ``sqlite3`` error (by error code, not text)."""
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        code &= 0xFF  # the primary code: SQLITE_BUSY_SNAPSHOT is a kind of SQLITE_BUSY
    if code == sqlite3.SQLITE_FULL:
        return StorageError("disk_full", str(orig))
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StorageError("db_locked", str(orig))
    if code == sqlite3.SQLITE_READONLY:
        return StorageError("db_readonly", str(orig))
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return StorageError("db_corrupt", str(orig))
    if code == sqlite3.SQLITE_IOERR:  # e.g. a write past a file-size limit (EFBIG), a pulled USB disk
        return StorageError("disk_io", str(orig))
    return StorageError("db_error", str(orig))
