"""The registration receipt (*tanda terima pendaftaran*) handed to a walk-in applicant: what it
shows, gathered in one service (``receipt_data``) that checks the permission and logs the print as an
export of personal data (the receipt carries the name).

Verification hash: the first 12 hex digits of SHA-256 over ``"<registration number>|<NIK>|<registered
on, YYYY-MM-DD>"`` (UTF-8). The QR code holds ``PMI-DESK|<registration number>|<hash>``: the office
recomputes the hash from its own record to tell a genuine receipt from an altered one, without the
NIK being printed. An anonymised applicant's NIK changed, so their old receipts no longer verify.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import select

from app.core import audit, clock, documents
from app.core.actor import Actor
from app.core.errors import NotFound
from app.core.mou_report import office_contact
from app.core.permissions import require
from app.models import Applicant

QR_PREFIX = "PMI-DESK"
HASH_DIGITS = 12
BRING_STATUSES = ("missing", "rejected", "expired")  # a required document still to bring
STAGE_NAMES = {"registration": "pendaftaran", "placement": "penempatan", "departure": "keberangkatan"}


def verification_hash(registration_number: str, nik: str, registered_on: date) -> str:
    text = f"{registration_number}|{nik}|{registered_on.isoformat()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]


def qr_payload(registration_number: str, hash_: str) -> str:
    return f"{QR_PREFIX}|{registration_number}|{hash_}"


@dataclass(frozen=True)
class BringItem:
    type_code: str
    name: str
    stage: str
    status: str  # missing | rejected | expired


@dataclass(frozen=True)
class Receipt:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    registered_on: date
    verification_hash: str
    qr_payload: str
    to_bring: list[BringItem]
    office_name: str
    office_contact: str  # address · phone (may be empty)
    printed_at: datetime
    printed_by: str


def _resolve(session, applicant: uuid.UUID | str) -> Applicant:
    row = None
    if isinstance(applicant, uuid.UUID):
        row = session.get(Applicant, applicant)
    else:
        text = str(applicant).strip()
        try:
            row = session.get(Applicant, uuid.UUID(text))
        except ValueError:
            row = None
        if row is None:
            row = session.exec(select(Applicant).where(Applicant.registration_number == text)).first()
    if row is None:
        raise NotFound("applicant_not_found")
    return row


def receipt_data(db, actor: Actor, applicant: uuid.UUID | str, *, destination: str | None = None) -> Receipt:
    """Everything the receipt prints for one applicant (by id or registration number); the print is
    audited (``export``, kind ``receipt``)."""
    require(actor, "applicant.view")
    with db.session() as session:
        row = _resolve(session, applicant)
        checklist = documents.build_checklist(session, row,
                                              policy=documents.ExpiryPolicy.of(session, clock.today()))
        name, contact = office_contact(session, actor.office_code)
        audit.record_export(session, actor, "receipt", "applicant", row.id, purpose="tanda terima pendaftaran",
                            destination=destination)
        hash_ = verification_hash(row.registration_number, row.nik, row.registered_on)
        bring = [BringItem(i.type_code, i.name_id, i.stage, i.status) for i in checklist.items
                 if i.requirement == "required" and i.status in BRING_STATUSES]
        return Receipt(row.id, row.registration_number, row.full_name, row.registered_on, hash_,
                       qr_payload(row.registration_number, hash_), bring, name, contact, clock.now_wib(),
                       actor.full_name or actor.username)


def verify(db, actor: Actor, payload: str) -> bool:
    """Whether a scanned QR text (``PMI-DESK|<number>|<hash>``) matches the office's record now
    (False for a malformed text, an unknown number, or a hash that does not match — e.g. after
    the applicant's data were anonymised)."""
    import hmac

    require(actor, "applicant.view")
    parts = str(payload or "").strip().split("|")
    if len(parts) != 3 or parts[0] != QR_PREFIX or len(parts[2]) != HASH_DIGITS:
        return False
    with db.session(write=False) as session:
        row = session.exec(select(Applicant).where(Applicant.registration_number == parts[1])).first()
        if row is None:
            return False
        expected = verification_hash(row.registration_number, row.nik, row.registered_on)
    return hmac.compare_digest(expected, parts[2].lower())
