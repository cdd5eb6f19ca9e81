"""Personal data requests (UU 27/2022): everything held about one applicant, and anonymisation of
an applicant who withdraws consent.

Anonymising keeps what the office's reports count — sex, birth year, kecamatan, education level,
marital status, status, preferred countries and sectors, funding scheme, registration date and
number, language codes and levels, the country, sector and dates of past work — and replaces every
other personal value: NIK (by a unique ``ANON-…`` marker, never a valid NIK), KK number, name,
birth place and day, religion, address, RT/RW, kelurahan, phone, e-mail, major, height, weight,
skills, photo, notes, certificates and the employers/positions/descriptions of past work. The
values in the applicant's old audit entries are redacted too (who changed which field when stays);
that redaction is the one change the append-only audit table allows.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.core import audit
from app.core.actor import Actor
from app.core.errors import NotFound, UserError, ValidationError
from app.core.permissions import require
from app.core.registration import (ANONYMOUS_NIK_PREFIX, _detail, _uuid, is_anonymised)
from app.core.validation import Collector
from app.models import Applicant, ApplicantLanguage, AuditEntry, WorkExperience, utcnow

REDACTED = "***"
# Applicant fields whose values stay (counts for reports); every other input field is personal.
KEPT_FIELDS = frozenset({
    "sex", "kecamatan_code", "education_level", "marital_status", "status", "preferred_countries",
    "preferred_sectors", "funding_scheme", "registration_number", "consent_on", "registered_on",
})
ANONYMOUS_NAME = "Dianonimkan"


@dataclass(frozen=True)
class PersonalDataReport:
    """Everything held about one applicant, as plain values (printable, JSON-able)."""

    generated_at: datetime
    generated_by: str
    applicant: dict[str, Any]
    audit: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"generated_at": self.generated_at.isoformat(), "generated_by": self.generated_by,
                "applicant": self.applicant, "audit": self.audit,
                "notice": "Berisi data pribadi (UU 27/2022). Pencetakan dan ekspor dicatat."}

    def as_text(self) -> str:
        """A plain listing for printing: every field, the languages and experience, the history."""
        a = self.applicant
        lines = ["DATA PRIBADI YANG DISIMPAN — PMI Desk", f"Dibuat {self.generated_at:%d/%m/%Y %H:%M} UTC "
                 f"oleh {self.generated_by}", "Berisi data pribadi (UU 27/2022); pencetakan ini dicatat.", ""]
        for key, value in a.items():
            if key in ("languages", "experience"):
                continue
            lines.append(f"{key}: {'' if value is None else value}")
        lines.append("")
        lines.append("Bahasa:")
        lines += [f"  {x['language_code']} {x['level']} {x.get('certificate') or ''}".rstrip()
                  for x in a.get("languages", [])] or ["  -"]
        lines.append("Pengalaman kerja:")
        lines += [f"  {x['employer']} / {x['position']} / {x['start_date']} – {x.get('end_date') or ''}"
                  for x in a.get("experience", [])] or ["  -"]
        lines.append("")
        lines.append("Riwayat perubahan:")
        for e in self.audit:
            lines.append(f"  {e['at']} {e['username']} {e['action']}: {json.dumps(e['changes'], ensure_ascii=False)}")
        return "\n".join(lines)


def _audit_dicts(rows: list[audit.AuditRow]) -> list[dict[str, Any]]:
    return [{"at": r.at.isoformat(), "username": r.username, "office_code": r.office_code,
             "action": r.action, "changes": r.changes} for r in rows]


def export_applicant_data(db, actor: Actor, applicant_id: uuid.UUID | str, *,
                          purpose: str = "permintaan data pribadi", kind: str = "personal_data") -> PersonalDataReport:
    """Everything held about one applicant (record, languages, experience, audit history); the
    export itself is written to the audit trail in the same transaction."""
    require(actor, "applicant.export")
    with db.session() as session:
        row = session.get(Applicant, _uuid(applicant_id))
        if row is None:
            raise NotFound("applicant_not_found")
        detail = _detail(session, row)
        history = audit.history(session, "applicant", row.id)
        audit.record_export(session, actor, kind, "applicant", row.id, purpose=purpose)
        return PersonalDataReport(utcnow(), actor.username, detail.to_dict(), _audit_dicts(history))


def export_by_registration_number(db, actor: Actor, number: str, **kw) -> PersonalDataReport:
    require(actor, "applicant.export")
    with db.session(write=False) as session:
        aid = session.exec(select(Applicant.id).where(Applicant.registration_number == number)).first()
    if aid is None:
        raise NotFound("applicant_not_found")
    return export_applicant_data(db, actor, aid, **kw)


def anonymous_nik(applicant_id: uuid.UUID) -> str:
    """``ANON-`` and 11 base32 characters of the applicant's id: 16 characters like a NIK column
    allows, unique like the id, and never a NIK (not digits)."""
    return ANONYMOUS_NIK_PREFIX + base64.b32encode(applicant_id.bytes).decode()[:11]


def anonymise_applicant(db, actor: Actor, applicant_id: uuid.UUID | str, reason: str) -> dict[str, Any]:
    """Replace the applicant's personal data by placeholders, keeping what reports count (see the
    module text); redact the values in their audit entries; audit the anonymisation. Refused for
    an applicant anonymised already. Returns the anonymised record as a dict."""
    require(actor, "applicant.anonymise")
    c = Collector()
    reason = c.text("reason", reason, max_len=500)
    if c.errors:
        raise ValidationError(c.errors)
    with db.session() as session:
        row = session.get(Applicant, _uuid(applicant_id))
        if row is None:
            raise NotFound("applicant_not_found")
        if is_anonymised(row.nik):
            raise UserError("already_anonymised")
        redacted_entries = _redact_history(session, row.id)
        values = dict(
            nik=anonymous_nik(row.id), kk_number="0" * 16, full_name=ANONYMOUS_NAME, birth_place="-",
            birth_date=date(row.birth_date.year, 7, 1), religion=None, address="-", rt="", rw="",
            kelurahan_code="", phone="", email=None, education_major=None, height_cm=None,
            weight_kg=None, skills=None, photo_sha256=None, notes=None)
        changed = sorted(k for k, v in values.items() if getattr(row, k) != v)
        session.execute(sa.update(Applicant).where(Applicant.id == row.id)
                        .values(**values, version=row.version + 1, updated_at=utcnow()))
        session.execute(sa.update(ApplicantLanguage).where(ApplicantLanguage.applicant_id == row.id)
                        .values(certificate=None, updated_at=utcnow()))
        session.execute(sa.update(WorkExperience).where(WorkExperience.applicant_id == row.id)
                        .values(employer="-", position="-", description=None, updated_at=utcnow()))
        audit.record(session, actor, "anonymise", "applicant", row.id, {
            "reason": [None, reason], "fields": [None, changed], "audit_entries_redacted": [None, redacted_entries]})
        session.flush()
        session.expire_all()
        return _detail(session, session.get(Applicant, row.id)).to_dict()


def _redact_history(session: Session, applicant_id: uuid.UUID) -> int:
    """Replace the personal values in the applicant's audit entries by ``***``; who, when, what
    action and which fields stay. Marked with ``_redacted`` (the audit table's triggers let
    exactly this change through)."""
    entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "applicant",
                                                    AuditEntry.entity_id == str(applicant_id))).all()
    count = 0
    for e in entries:
        if not e.changes:
            continue
        changes = json.loads(e.changes)
        if e.action != "create" and e.action != "update":
            continue
        redacted = {k: (v if k in KEPT_FIELDS or not isinstance(v, list) else [
            None if x is None else REDACTED for x in v]) for k, v in changes.items()}
        redacted["_redacted"] = [None, utcnow().date().isoformat()]
        session.execute(sa.update(AuditEntry).where(AuditEntry.id == e.id)
                        .values(changes=json.dumps(redacted, ensure_ascii=False)))
        count += 1
    return count
