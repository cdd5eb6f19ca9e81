"""What every ``pmi-desk`` subcommand module shares: exit codes, opening the database, the acting
user, printing results and refusals, and finding an applicant by registration number or id."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

EXIT_OK = 0
EXIT_INVALID = 2  # bad input: validation errors
EXIT_CONFIRM = 3  # warnings a person must confirm (--confirm-warnings)
EXIT_ERROR = 1  # refused for another reason (storage, not found...)


def open_db():
    from app.db import Database

    return Database.open()


def cli_actor(db, args):
    """The command line acts as an administrator named by ``--user`` (or ``PMI_DESK_USER``)."""
    from app.core import setup
    from app.core.actor import Actor
    from app.core.errors import ValidationError
    from app.core.validation import Collector

    c = Collector()
    user = c.text("user", getattr(args, "user", None) or os.environ.get("PMI_DESK_USER") or "cli", max_len=32)
    if c.errors:
        raise ValidationError(c.errors)
    office = setup.ensure_office(db)
    return Actor(user, office.code, "admin", user)


def emit(data: Any, as_json: bool, text: str | None = None) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif text is not None:
        print(text)


def fail(as_json: bool, code: int, payload: dict[str, Any], text: str) -> int:
    if as_json:
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str), file=sys.stderr)
    else:
        print(text, file=sys.stderr)
    return code


def handle_app_error(exc, as_json: bool) -> int:
    from app.core.errors import ConfirmationRequired

    if isinstance(exc, ConfirmationRequired):
        return fail(as_json, EXIT_CONFIRM, {"warnings": [w.to_dict() for w in exc.warnings],
                                            "hint": "--confirm-warnings"}, str(exc))
    message = getattr(exc, "message", str(exc))
    return fail(as_json, EXIT_ERROR, {"error": type(exc).__name__, "code": getattr(exc, "code", None),
                                      "message": message}, message)


def applicant_ref(db, text: str):
    """The id of the applicant that ``text`` names: an applicant id, or a registration number."""
    import uuid

    from sqlmodel import select

    from app.core.errors import NotFound
    from app.models import Applicant

    try:
        return uuid.UUID(text)
    except ValueError:
        pass
    with db.session(write=False) as session:
        aid = session.exec(select(Applicant.id).where(Applicant.registration_number == text.strip())).first()
    if aid is None:
        raise NotFound("applicant_not_found")
    return aid


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat 1–10000, bukan {text!r}")
    return value
