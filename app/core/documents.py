"""Document checklists: what each applicant still needs, what was verified, what expires, the scans.

- Document types and checklist rules are data (tables ``document_type`` and ``checklist_rule``,
  seeded from ``resources/``, edited by administrators). A rule says whether a type is
  ``required``, ``optional`` or ``not_needed`` for a destination country and sector, ``*`` meaning
  any; the most specific rule wins: ``(country, sector)`` over ``(country, *)`` over
  ``(*, sector)`` over ``(*, *)``. A job order adds its own required types (``extra_type_codes``).
- An applicant's checklist follows their target: the country/sector set on the checklist, or else
  their first preferred country and sector.
- A stored document is ``submitted``, ``verified`` or ``rejected`` (``missing`` when there is no
  row or only a note); ``expired`` is derived from the expiry date against today. Only roles with
  ``document.verify`` (supervisors, admins) verify or reject, and a rejection needs a reason.
- Completeness is the share of required items verified and not expired; ``completeness_many``
  computes it for many applicants with one GROUP BY (a bit per document type).
- Scans are copied into ``<data dir>/scans/<sha[:2]>/<sha>``; size and type (by content) checked.

Every public function taking ``db`` is one service call (one transaction); every change is audited.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Iterable

import sqlalchemy as sa
from sqlmodel import Session, select

from app.core import audit, clock, office_settings, reference
from app.core.actor import Actor
from app.core.errors import ConcurrentEdit, FieldError, NotFound, StorageError, UserError, ValidationError
from app.core.permissions import require
from app.core.validation import Collector
from app.models import (ANY, REQUIREMENTS, STAGES, Applicant, ApplicantChecklist, ApplicantDocument,
                        ChecklistRule, DocumentScan, DocumentType, utcnow)

PASSPORT = "paspor"
MAX_SCAN_BYTES = 20 * 1024 * 1024
ALLOWED_SCAN_TYPES = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}
_PROGRAM_TYPES = {"application/x-msdownload", "application/x-executable", "application/x-elf",
                  "application/x-mach-binary", "application/x-sh", "application/vnd.microsoft.portable-executable"}
_PROGRAM_SUFFIXES = {".exe", ".com", ".bat", ".cmd", ".msi", ".scr", ".dll", ".ps1", ".vbs", ".js", ".jar",
                     ".sh", ".apk", ".app"}
# Statuses in which an applicant still works on documents (the expiring-soon list leaves out the rest).
ACTIVE_STATUSES = ("registered", "documents", "training", "ready", "proposed", "selected", "departing")
HELD = ("submitted", "verified")  # statuses of a document the office holds a copy of


# --- rules (document types and checklist rules) ---------------------------------------------------

@dataclass(frozen=True)
class TypeInfo:
    code: str
    name_id: str
    name_en: str
    expires: bool
    validity_days: int | None
    identity_bearing: bool
    stage: str
    sort_order: int
    active: bool
    version: int = 1


@dataclass(frozen=True)
class RuleInfo:
    country: str
    sector: str
    type_code: str
    requirement: str
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class Rules:
    types: dict[str, TypeInfo]  # in sort order
    rules: dict[tuple[str, str], dict[str, str]]

    def requirements(self, country: str | None, sector: str | None,
                     extra: Iterable[str] = ()) -> dict[str, str]:
        """type code → requirement for a target, most specific rule winning; job-order extras are
        required. Inactive types are left out."""
        out: dict[str, str] = {}
        for key in ((ANY, ANY), (ANY, sector or ANY), (country or ANY, ANY), (country or ANY, sector or ANY)):
            out.update(self.rules.get(key, {}))
        for code in extra:
            out[code] = "required"
        return {c: out[c] for c in self.types if c in out and self.types[c].active}


def load_rules(session: Session) -> Rules:
    types = session.exec(select(DocumentType).order_by(DocumentType.sort_order, DocumentType.code)).all()
    rules: dict[tuple[str, str], dict[str, str]] = {}
    for r in session.exec(select(ChecklistRule)).all():
        rules.setdefault((r.country, r.sector), {})[r.type_code] = r.requirement
    return Rules({t.code: TypeInfo(t.code, t.name_id, t.name_en, t.expires, t.validity_days, t.identity_bearing,
                                   t.stage, t.sort_order, t.active, t.version) for t in types}, rules)


# --- what services hand out -----------------------------------------------------------------------

@dataclass(frozen=True)
class ScanInfo:
    id: uuid.UUID
    sha256: str
    original_name: str
    mime_type: str
    size_bytes: int
    page_count: int | None
    added_by: str
    added_at: datetime

    @property
    def path(self) -> Path:
        return scan_path(self.sha256)


@dataclass
class ChecklistItem:
    type_code: str
    name_id: str
    name_en: str
    requirement: str  # required | optional | not_needed (a document held though not needed)
    stage: str
    expires: bool
    identity_bearing: bool
    status: str  # missing | submitted | verified | rejected | expired (derived from dates)
    stored_status: str | None = None
    document_id: uuid.UUID | None = None
    version: int | None = None
    number: str | None = None
    issued_on: date | None = None
    expires_on: date | None = None
    note: str | None = None
    printed_name: str | None = None
    printed_birth_date: date | None = None
    printed_nik: str | None = None
    verified_by: str | None = None
    verified_at: datetime | None = None
    reject_reason: str | None = None
    scans: list[ScanInfo] = field(default_factory=list)
    flags: list[FieldError] = field(default_factory=list)  # expiry warnings
    mismatches: list[FieldError] = field(default_factory=list)  # identity differences

    @property
    def done(self) -> bool:
        return self.status == "verified"


@dataclass
class Checklist:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    nik: str
    birth_date: date
    applicant_status: str
    country: str | None
    sector: str | None
    planned_departure: date | None
    job_order_id: uuid.UUID | None
    extra_type_codes: list[str]
    target_set: bool  # the target was chosen on the checklist (not taken from the preferences)
    version: int | None  # of the applicant_checklist row (None: none yet)
    today: date
    items: list[ChecklistItem]
    required_count: int
    verified_count: int
    percent: float
    missing: list[str]  # type codes of required items not verified
    flags: list[FieldError]
    mismatches: list[FieldError]

    def item(self, type_code: str) -> ChecklistItem:
        return next(i for i in self.items if i.type_code == type_code)

    def to_dict(self) -> dict[str, Any]:
        def plain(v):
            if isinstance(v, (date, datetime)):
                return v.isoformat()
            if isinstance(v, uuid.UUID):
                return str(v)
            if isinstance(v, FieldError):
                return v.to_dict()
            if isinstance(v, list):
                return [plain(x) for x in v]
            if isinstance(v, ScanInfo):
                return {k: plain(x) for k, x in dataclasses.asdict(v).items()}
            return v

        out = {f.name: plain(getattr(self, f.name)) for f in dataclasses.fields(self) if f.name != "items"}
        out["items"] = [{f.name: plain(getattr(i, f.name)) for f in dataclasses.fields(i)} for i in self.items]
        out["missing_names"] = [self.item(c).name_id for c in self.missing]
        return out


# --- pure rules -------------------------------------------------------------------------------

def effective_status(stored: str | None, expires_on: date | None, today: date) -> str:
    if stored is None:
        return "missing"
    if stored in HELD and expires_on is not None and expires_on < today:
        return "expired"
    return stored


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


@dataclass(frozen=True)
class ExpiryPolicy:
    today: date
    window_days: int
    passport_months: int

    @classmethod
    def of(cls, db_or_session, today: date | None = None) -> "ExpiryPolicy":
        return cls(today or clock.today(), office_settings.get(db_or_session, "documents.expiry_window_days"),
                   office_settings.get(db_or_session, "documents.passport_months"))


def expiry_flag(type_code: str, name_id: str, name_en: str, expires_on: date | None, departure: date | None,
                policy: ExpiryPolicy) -> FieldError | None:
    """The one expiry warning an item deserves (strongest first), or None."""
    if expires_on is None:
        return None
    names = {"document_id": name_id, "document_en": name_en, "date": expires_on.strftime("%d/%m/%Y")}
    if expires_on < policy.today:
        return FieldError(type_code, "document_expired", names)
    if departure is not None and expires_on < departure:
        return FieldError(type_code, "document_expires_before_departure",
                          names | {"departure": departure.strftime("%d/%m/%Y")})
    if type_code == PASSPORT and policy.passport_months:
        since = departure or policy.today
        if expires_on < add_months(since, policy.passport_months):
            return FieldError(type_code, "passport_validity_short", names | {"months": policy.passport_months})
    if expires_on < policy.today + timedelta(days=policy.window_days):
        days = (expires_on - policy.today).days
        return FieldError(type_code, "document_expiring_soon", names | {"days": days})
    return None


def normalize_name(text: str | None) -> str:
    """For comparing names as printed: no accents, punctuation or case, single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return " ".join(text.split())


def identity_mismatches(type_code: str, name_id: str, name_en: str, printed_name: str | None,
                        printed_birth: date | None, printed_nik: str | None, full_name: str, birth_date: date,
                        nik: str) -> list[FieldError]:
    names = {"document_id": name_id, "document_en": name_en}
    out = []
    if printed_name and normalize_name(printed_name) != normalize_name(full_name):
        out.append(FieldError(type_code, "identity_name_mismatch",
                              names | {"printed": printed_name, "registered": full_name}))
    if printed_birth and printed_birth != birth_date:
        out.append(FieldError(type_code, "identity_birth_mismatch", names | {
            "printed": printed_birth.strftime("%d/%m/%Y"), "registered": birth_date.strftime("%d/%m/%Y")}))
    if printed_nik and printed_nik != nik:
        out.append(FieldError(type_code, "identity_nik_mismatch", names | {"printed": printed_nik, "registered": nik}))
    return out


def _first(csv_text: str | None) -> str | None:
    return next((x for x in (csv_text or "").split(",") if x), None)


def _codes(csv_text: str | None) -> list[str]:
    return [x for x in (csv_text or "").split(",") if x]


# --- building a checklist inside a session ---------------------------------------------------------

def _uuid(value: uuid.UUID | str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound("applicant_not_found") from None


def _applicant(session: Session, applicant_id) -> Applicant:
    row = session.get(Applicant, _uuid(applicant_id))
    if row is None:
        raise NotFound("applicant_not_found")
    return row


def _target_row(session: Session, applicant_id: uuid.UUID) -> ApplicantChecklist | None:
    return session.exec(select(ApplicantChecklist).where(ApplicantChecklist.applicant_id == applicant_id)).first()


def build_checklist(session: Session, applicant: Applicant, *, policy: ExpiryPolicy | None = None,
                    rules: Rules | None = None) -> Checklist:
    """The checklist of ``applicant`` read in the caller's session (no permission check: callers
    check their own)."""
    policy = policy or ExpiryPolicy.of(session)
    rules = rules or load_rules(session)
    target = _target_row(session, applicant.id)
    country = (target.target_country if target else None) or _first(applicant.preferred_countries)
    sector = (target.target_sector if target else None) or _first(applicant.preferred_sectors)
    extra = _codes(target.extra_type_codes) if target else []
    departure = target.planned_departure if target else None
    required = rules.requirements(country, sector, extra)
    docs = {d.type_code: d for d in session.exec(
        select(ApplicantDocument).where(ApplicantDocument.applicant_id == applicant.id)).all()}
    scans: dict[uuid.UUID, list[ScanInfo]] = {}
    if docs:
        for s in session.exec(select(DocumentScan).where(
                DocumentScan.document_id.in_([d.id for d in docs.values()]),
                DocumentScan.removed_at.is_(None)).order_by(DocumentScan.created_at)).all():
            scans.setdefault(s.document_id, []).append(ScanInfo(
                s.id, s.sha256, s.original_name, s.mime_type, s.size_bytes, s.page_count, s.added_by, s.created_at))
    items: list[ChecklistItem] = []
    for code, t in rules.types.items():
        requirement = required.get(code, "not_needed")
        doc = docs.get(code)
        if requirement == "not_needed" and doc is None:
            continue
        item = ChecklistItem(code, t.name_id, t.name_en, requirement, t.stage, t.expires, t.identity_bearing,
                             effective_status(doc.status if doc else None, doc.expires_on if doc else None,
                                              policy.today))
        if doc is not None:
            for f in ("number", "issued_on", "expires_on", "note", "printed_name", "printed_birth_date",
                      "printed_nik", "verified_by", "verified_at", "reject_reason", "version"):
                setattr(item, f, getattr(doc, f))
            item.stored_status = doc.status
            item.document_id = doc.id
            item.scans = scans.get(doc.id, [])
            if doc.status in HELD:
                flag = expiry_flag(code, t.name_id, t.name_en, doc.expires_on, departure, policy)
                if flag is not None:
                    item.flags.append(flag)
            if t.identity_bearing and doc.status != "rejected":
                item.mismatches = identity_mismatches(
                    code, t.name_id, t.name_en, doc.printed_name, doc.printed_birth_date, doc.printed_nik,
                    applicant.full_name, applicant.birth_date, applicant.nik)
        items.append(item)
    req_items = [i for i in items if i.requirement == "required"]
    verified = sum(1 for i in req_items if i.status == "verified")
    percent = round(100.0 * verified / len(req_items), 1) if req_items else 100.0
    return Checklist(
        applicant.id, applicant.registration_number, applicant.full_name, applicant.nik, applicant.birth_date,
        applicant.status, country, sector, departure, target.job_order_id if target else None, extra,
        bool(target and (target.target_country or target.target_sector)), target.version if target else None,
        policy.today, items, len(req_items), verified, percent,
        [i.type_code for i in req_items if i.status != "verified"],
        [f for i in items for f in i.flags], [m for i in items for m in i.mismatches])


# --- pipeline guards ------------------------------------------------------------------------------

def departure_blockers(session: Session, applicant: Applicant) -> list[FieldError]:
    """Reasons ``applicant`` may not move to ``departing``: every required item not verified, and
    every held document that expires (before departure, within the window, or a passport short of
    its remaining validity)."""
    cl = build_checklist(session, applicant)
    out: list[FieldError] = []
    for item in cl.items:
        names = {"document_id": item.name_id, "document_en": item.name_en}
        if item.requirement == "required" and item.status != "verified":
            out.append(FieldError(item.type_code, "document_not_verified",
                                  names | {"status_id": _STATUS_ID[item.status], "status_en": item.status}))
        elif item.requirement == "required" or item.status == "verified":
            out.extend(item.flags)
    return out


def readiness_blockers(session: Session, applicant: Applicant) -> list[FieldError]:
    """Reasons ``applicant`` is not ready for placement: required documents of the registration and
    placement stages not held (submitted or verified, not expired). For the training area's
    ``ready`` guard."""
    cl = build_checklist(session, applicant)
    out = []
    for item in cl.items:
        if item.requirement == "required" and item.stage in ("registration", "placement") \
                and item.status not in HELD:
            out.append(FieldError(item.type_code, "document_not_held", {
                "document_id": item.name_id, "document_en": item.name_en,
                "status_id": _STATUS_ID[item.status], "status_en": item.status}))
    return out


def ready_blockers(session: Session, applicant: Applicant) -> list[FieldError]:
    """The pipeline's guard into ``ready``: ``readiness_blockers`` for an applicant coming from
    before it (registered, documents, training, returned); none for one coming back from a
    placement (proposed, selected, departing), whose documents were already held."""
    if applicant.status in ("proposed", "selected", "departing"):
        return []
    return readiness_blockers(session, applicant)


_STATUS_ID = {"missing": "belum ada", "submitted": "diserahkan", "verified": "terverifikasi",
              "rejected": "ditolak", "expired": "kedaluwarsa"}


# --- services: reading ------------------------------------------------------------------------------

def checklist(db, applicant_id, actor: Actor, *, today: date | None = None) -> Checklist:
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        return build_checklist(session, _applicant(session, applicant_id), policy=ExpiryPolicy.of(session, today))


def document_types(db, actor: Actor, *, include_inactive: bool = True) -> list[TypeInfo]:
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        return [t for t in load_rules(session).types.values() if include_inactive or t.active]


# --- services: changes ---------------------------------------------------------------------------

_DOC_FIELDS = ("number", "issued_on", "expires_on", "note", "printed_name", "printed_birth_date", "printed_nik")


def _doc_row(session: Session, applicant_id: uuid.UUID, type_code: str) -> ApplicantDocument | None:
    return session.exec(select(ApplicantDocument).where(ApplicantDocument.applicant_id == applicant_id,
                                                        ApplicantDocument.type_code == type_code)).first()


def _type(rules: Rules, type_code: Any) -> TypeInfo:
    t = rules.types.get(type_code) if isinstance(type_code, str) else None
    if t is None or not t.active:
        raise ValidationError(FieldError("type_code", "invalid_choice", {"value": str(type_code)[:40]}))
    return t


def _check_version(doc: ApplicantDocument | None, expected_version: int | None) -> None:
    if expected_version is not None and (doc.version if doc is not None else None) != expected_version:
        raise ConcurrentEdit("changed_by_other")


def _writable(row: Applicant) -> None:
    from app.core.registration import is_anonymised

    if is_anonymised(row.nik):
        raise UserError("anonymised_read_only")


def _clean_details(t: TypeInfo, values: dict[str, Any], today: date) -> dict[str, Any]:
    c = Collector()
    out = {
        "number": c.text("number", values.get("number"), max_len=64, required=False),
        "issued_on": c.date("issued_on", values.get("issued_on"), required=False),
        "expires_on": c.date("expires_on", values.get("expires_on"), required=False),
        "note": c.text("note", values.get("note"), max_len=500, required=False, multiline=True),
        "printed_name": c.text("printed_name", values.get("printed_name"), max_len=100, required=False),
        "printed_birth_date": c.date("printed_birth_date", values.get("printed_birth_date"), required=False),
        "printed_nik": c.text("printed_nik", values.get("printed_nik"), max_len=16, required=False),
    }
    nik = out["printed_nik"]
    if nik is not None and not (len(nik) == 16 and nik.isascii() and nik.isdigit()):
        c.add("printed_nik", "nik_format")
    if out["issued_on"] and out["issued_on"] > today:
        c.add("issued_on", "document_issued_future")
    if out["printed_birth_date"] and out["printed_birth_date"] > today:
        c.add("printed_birth_date", "birth_future")
    if t.expires and out["expires_on"] is None and "expires_on" not in [e.field for e in c.errors]:
        if t.validity_days and out["issued_on"]:
            out["expires_on"] = out["issued_on"] + timedelta(days=t.validity_days)
        else:
            c.add("expires_on", "document_expiry_required",
                  document_id=t.name_id, document_en=t.name_en)
    if out["expires_on"] and out["issued_on"] and out["expires_on"] <= out["issued_on"]:
        c.add("expires_on", "document_expiry_before_issue")
    if c.errors:
        raise ValidationError(c.errors)
    return out


def submit(db, actor: Actor, applicant_id, type_code: str, *, expected_version: int | None = None,
           today: date | None = None, **details: Any) -> Checklist:
    """Record that the office holds (a copy of) a document, with its number, dates and what is
    printed on it; the item becomes ``submitted``. Changing the details of a verified document
    takes its verification back (someone must check it again); a rejected one is submitted anew."""
    require(actor, "document.submit")
    unknown = set(details) - set(_DOC_FIELDS)
    if unknown:
        raise ValidationError([FieldError(k, "unknown_field", {"value": k}) for k in sorted(unknown)])
    with db.session() as session:
        policy = ExpiryPolicy.of(session, today)
        rules = load_rules(session)
        t = _type(rules, type_code)
        applicant = _applicant(session, applicant_id)
        _writable(applicant)
        clean = _clean_details(t, details, policy.today)
        doc = _doc_row(session, applicant.id, t.code)
        _check_version(doc, expected_version)
        if doc is None:
            doc = ApplicantDocument(applicant_id=applicant.id, type_code=t.code, status="submitted",
                                    origin_office=actor.office_code, **clean)
            session.add(doc)
            session.flush()
            audit.record(session, actor, "create", "document", doc.id, {
                "applicant_id": [None, str(applicant.id)], "type_code": [None, t.code],
                "status": [None, "submitted"]} | {k: [None, v] for k, v in clean.items() if v is not None})
        else:
            old = {k: getattr(doc, k) for k in _DOC_FIELDS}
            changes = audit.diff(old, clean)
            if not changes and doc.status != "rejected":  # the same details again: nothing to check anew
                return build_checklist(session, applicant, policy=policy, rules=rules)
            if doc.status != "submitted":
                changes["status"] = [doc.status, "submitted"]
            for k, v in clean.items():
                setattr(doc, k, v)
            doc.status = "submitted"
            doc.verified_by = doc.verified_at = doc.reject_reason = None
            doc.version += 1
            doc.updated_at = utcnow()
            session.add(doc)
            session.flush()
            audit.record(session, actor, "update", "document", doc.id,
                         changes | {"type_code": [t.code, t.code]})
        return build_checklist(session, applicant, policy=policy, rules=rules)


def verify(db, actor: Actor, applicant_id, type_code: str, *, expected_version: int | None = None,
           today: date | None = None) -> Checklist:
    """A supervisor confirms a submitted document is genuine and matches (``document.verify``)."""
    require(actor, "document.verify")
    with db.session() as session:
        policy = ExpiryPolicy.of(session, today)
        rules = load_rules(session)
        t = _type(rules, type_code)
        applicant = _applicant(session, applicant_id)
        _writable(applicant)
        doc = _doc_row(session, applicant.id, t.code)
        _check_version(doc, expected_version)
        status = effective_status(doc.status if doc else None, doc.expires_on if doc else None, policy.today)
        names = {"document_id": t.name_id, "document_en": t.name_en}
        if status == "verified":
            return build_checklist(session, applicant, policy=policy, rules=rules)
        if status == "expired":
            raise UserError("document_expired_cannot_verify", **names)
        if status != "submitted":
            raise UserError("document_not_submitted", **names)
        now = utcnow()
        audit.record(session, actor, "update", "document", doc.id, {
            "type_code": [t.code, t.code], "status": [doc.status, "verified"], "verified_by": [None, actor.username]})
        doc.status, doc.verified_by, doc.verified_at, doc.reject_reason = "verified", actor.username, now, None
        doc.version += 1
        doc.updated_at = now
        session.add(doc)
        session.flush()
        return build_checklist(session, applicant, policy=policy, rules=rules)


def reject(db, actor: Actor, applicant_id, type_code: str, reason: str, *, expected_version: int | None = None,
           today: date | None = None) -> Checklist:
    """A supervisor refuses a submitted (or earlier verified) document; the reason is required and
    shown to the counter."""
    require(actor, "document.verify")
    c = Collector()
    reason = c.text("reason", reason, max_len=500, multiline=True)
    if c.errors:
        if c.errors[0].code == "required":
            raise ValidationError(FieldError("reason", "reason_required"))
        raise ValidationError(c.errors)
    with db.session() as session:
        policy = ExpiryPolicy.of(session, today)
        rules = load_rules(session)
        t = _type(rules, type_code)
        applicant = _applicant(session, applicant_id)
        _writable(applicant)
        doc = _doc_row(session, applicant.id, t.code)
        _check_version(doc, expected_version)
        if doc is None or doc.status not in HELD:
            raise UserError("document_not_submitted", document_id=t.name_id, document_en=t.name_en)
        audit.record(session, actor, "update", "document", doc.id, {
            "type_code": [t.code, t.code], "status": [doc.status, "rejected"], "reject_reason": [None, reason]})
        doc.status, doc.reject_reason, doc.verified_by, doc.verified_at = "rejected", reason, None, None
        doc.version += 1
        doc.updated_at = utcnow()
        session.add(doc)
        session.flush()
        return build_checklist(session, applicant, policy=policy, rules=rules)


def set_target(db, actor: Actor, applicant_id, *, country: str | None = None, sector: str | None = None,
               planned_departure: Any = None, job_order_id: uuid.UUID | str | None = None,
               extra_type_codes: Iterable[str] = (), expected_version: int | None = None,
               today: date | None = None) -> Checklist:
    """Set the checklist's target (country, sector: empty = the applicant's first preference),
    the planned departure date and a job order's own required document types."""
    require(actor, "document.submit")
    c = Collector()
    country = c.choice("country", country, reference.countries(), required=False)
    sector = c.choice("sector", sector, reference.sectors(), required=False)
    departure = c.date("planned_departure", planned_departure, required=False)
    order = None
    if job_order_id not in (None, ""):
        try:
            order = job_order_id if isinstance(job_order_id, uuid.UUID) else uuid.UUID(str(job_order_id))
        except ValueError:
            c.add("job_order_id", "invalid_choice", value=str(job_order_id)[:40])
    extra = list(dict.fromkeys(extra_type_codes or ()))
    with db.session() as session:
        policy = ExpiryPolicy.of(session, today)
        rules = load_rules(session)
        for code in extra:
            if code not in rules.types:
                c.add("extra_type_codes", "invalid_choice", value=str(code)[:40])
        if departure is not None and departure < policy.today:
            c.add("planned_departure", "departure_in_past")
        if c.errors:
            raise ValidationError(c.errors)
        applicant = _applicant(session, applicant_id)
        _writable(applicant)
        row = _target_row(session, applicant.id)
        if expected_version is not None and (row.version if row else None) != expected_version:
            raise ConcurrentEdit("changed_by_other")
        new = {"target_country": country, "target_sector": sector, "planned_departure": departure,
               "job_order_id": str(order) if order else None, "extra_type_codes": ",".join(extra)}
        if row is None:
            row = ApplicantChecklist(applicant_id=applicant.id, origin_office=actor.office_code)
            old = {k: None for k in new} | {"extra_type_codes": ""}
        else:
            old = {k: getattr(row, k) for k in new}
            old["job_order_id"] = str(old["job_order_id"]) if old["job_order_id"] else None
            row.version += 1
        changes = audit.diff(old, new)
        if changes:
            row.target_country, row.target_sector, row.planned_departure = country, sector, departure
            row.job_order_id, row.extra_type_codes = order, ",".join(extra)
            row.updated_at = utcnow()
            session.add(row)
            session.flush()
            audit.record(session, actor, "update", "applicant_checklist", applicant.id, changes)
        return build_checklist(session, applicant, policy=policy, rules=rules)


# --- scans ------------------------------------------------------------------------------------------

def scans_dir() -> Path:
    """``<data dir>/scans``: the folder ``app.core.backup`` copies with every backup."""
    from app.core.backup import scans_dir as backup_scans_dir

    return backup_scans_dir()


def scan_path(sha256: str) -> Path:
    return scans_dir() / sha256[:2] / sha256


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    sha256: str
    mime_type: str
    name: str
    page_count: int | None


def _size_mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def check_scan_file(path: Path | str) -> CheckedFile:
    """Read a file a person chose and refuse what is not a scan: too big, empty, a program, or not
    a JPEG, PNG or PDF by its content (the name's extension is not trusted)."""
    import filetype

    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(name)
    except OSError as exc:
        raise ValidationError(FieldError("file", "file_unreadable", {"detail": exc.strerror or str(exc)})) from None
    if size > MAX_SCAN_BYTES:
        raise ValidationError(FieldError("file", "scan_too_large", {
            "name": name, "size": _size_mb(size), "max": MAX_SCAN_BYTES // (1024 * 1024)}))
    if size == 0:
        raise ValidationError(FieldError("file", "scan_empty", {"name": name}))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(FieldError("file", "file_unreadable", {"detail": exc.strerror or str(exc)})) from None
    if len(data) > MAX_SCAN_BYTES:  # grew while we looked
        raise ValidationError(FieldError("file", "scan_too_large", {
            "name": name, "size": _size_mb(len(data)), "max": MAX_SCAN_BYTES // (1024 * 1024)}))
    kind = filetype.guess(data)
    mime = kind.mime if kind else None
    if mime in _PROGRAM_TYPES or data[:2] == b"MZ" or data[:4] == b"\x7fELF" or (
            mime is None and path.suffix.lower() in _PROGRAM_SUFFIXES):
        raise ValidationError(FieldError("file", "scan_program", {"name": name}))
    if mime not in ALLOWED_SCAN_TYPES:
        raise ValidationError(FieldError("file", "scan_type", {"name": name, "kind": mime or "tidak dikenal"}))
    pages = pdf_page_count(data) if mime == "application/pdf" else None
    return CheckedFile(data, hashlib.sha256(data).hexdigest(), mime, name, pages)


_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PDF_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", re.S)


def pdf_page_count(data: bytes) -> int | None:
    """Pages of a PDF read from its page tree (no PDF library here); None when it cannot tell
    (compressed object streams hide the objects)."""
    counts = [int(a or b) for a, b in _PDF_COUNT.findall(data)]
    if counts:
        return max(counts)
    pages = len(_PDF_PAGE.findall(data))
    return pages or None


def _store_file(checked: CheckedFile) -> Path:
    target = scan_path(checked.sha256)
    if target.exists() and target.stat().st_size == len(checked.data):
        return target
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as f:
            f.write(checked.data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        import errno

        code = "disk_full" if exc.errno == errno.ENOSPC else "disk_io"
        raise StorageError(code, str(exc)) from exc
    return target


def attach_scan(db, actor: Actor, applicant_id, type_code: str, path: Path | str, *,
                today: date | None = None) -> Checklist:
    """Copy a scan into the data dir (under its SHA-256) and attach it to the item; an item not
    held yet becomes ``submitted`` (the scan is the copy the office holds)."""
    require(actor, "document.submit")
    checked = check_scan_file(path)
    with db.session() as session:
        policy = ExpiryPolicy.of(session, today)
        rules = load_rules(session)
        t = _type(rules, type_code)
        applicant = _applicant(session, applicant_id)
        _writable(applicant)
        doc = _doc_row(session, applicant.id, t.code)
        if doc is None:  # held from now on; dates and printed data are added with ``submit``
            doc = ApplicantDocument(applicant_id=applicant.id, type_code=t.code, status="submitted",
                                    origin_office=actor.office_code)
            session.add(doc)
            session.flush()
            audit.record(session, actor, "create", "document", doc.id, {
                "applicant_id": [None, str(applicant.id)], "type_code": [None, t.code],
                "status": [None, "submitted"]})
        elif doc.status == "rejected":  # a new scan of a rejected document is a new submission
            audit.record(session, actor, "update", "document", doc.id, {
                "type_code": [t.code, t.code], "status": ["rejected", "submitted"]})
            doc.status, doc.reject_reason = "submitted", None
            doc.version += 1
            doc.updated_at = utcnow()
            session.add(doc)
        _store_file(checked)
        scan = DocumentScan(document_id=doc.id, sha256=checked.sha256, original_name=checked.name[:255],
                            mime_type=checked.mime_type, size_bytes=len(checked.data), page_count=checked.page_count,
                            added_by=actor.username, origin_office=actor.office_code)
        session.add(scan)
        session.flush()
        audit.record(session, actor, "create", "document_scan", scan.id, {
            "document_id": [None, str(doc.id)], "type_code": [None, t.code], "sha256": [None, checked.sha256],
            "original_name": [None, scan.original_name], "mime_type": [None, checked.mime_type],
            "size_bytes": [None, len(checked.data)]})
        return build_checklist(session, applicant, policy=policy, rules=rules)


def remove_scan(db, actor: Actor, scan_id, *, today: date | None = None) -> Checklist:
    """Take a scan off its document. The file stays in the scans folder (and in backups) and the
    audit trail keeps who removed which file when."""
    require(actor, "document.submit")
    with db.session() as session:
        scan = session.get(DocumentScan, _uuid(scan_id))
        if scan is None or scan.removed_at is not None:
            raise NotFound("scan_not_found")
        doc = session.get(ApplicantDocument, scan.document_id)
        applicant = _applicant(session, doc.applicant_id)
        _writable(applicant)
        now = utcnow()
        audit.record(session, actor, "delete", "document_scan", scan.id, {
            "document_id": [str(doc.id), None], "type_code": [doc.type_code, None], "sha256": [scan.sha256, None],
            "original_name": [scan.original_name, None]})
        scan.removed_at, scan.removed_by, scan.updated_at = now, actor.username, now
        scan.version += 1
        session.add(scan)
        session.flush()
        return build_checklist(session, applicant, policy=ExpiryPolicy.of(session, today))


def scan_file(db, actor: Actor, scan_id) -> Path:
    """The stored file of a scan, to show or open (viewing personal data needs ``applicant.view``)."""
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        scan = session.get(DocumentScan, _uuid(scan_id))
        if scan is None:
            raise NotFound("scan_not_found")
        path, name = scan_path(scan.sha256), scan.original_name
    if not path.is_file():
        raise UserError("scan_file_missing", name=name)
    return path


# --- many applicants: completeness and the expiring-soon list ---------------------------------------

def _bit_sum(rules: Rules) -> sa.ColumnElement:
    """``SUM(CASE type_code WHEN 'ktp' THEN 1 WHEN 'kk' THEN 2 ...)``: one bit per type; a type
    appears once per applicant (unique), so the sum is the set of verified types."""
    whens = {code: 1 << i for i, code in enumerate(rules.types)}
    return sa.func.sum(sa.case(whens, value=ApplicantDocument.type_code, else_=0))


def _requirement_masks(rules: Rules, country: str | None, sector: str | None, extra: tuple[str, ...]) -> int:
    bits = {code: 1 << i for i, code in enumerate(rules.types)}
    req = rules.requirements(country, sector, extra)
    return sum(bits[c] for c, r in req.items() if r == "required")


def _popcount(values):
    import numpy as np

    return np.bitwise_count(values.astype(np.uint64)).astype(np.int64)


def completeness_arrays(conn, applicant_ids: list[uuid.UUID] | None = None, *, today: date | None = None):
    """``(ids, percent)``: applicant ids and the percentage of their required documents verified and
    not expired (numpy float array). One query for the targets, one GROUP BY for the verified
    documents (a bit per type); all applicants when ``applicant_ids`` is None. For all applicants
    the ids are the database's own values (32 hex digits on SQLite), read without conversion (the
    matching engine keeps them as arrays); for given ids they are ``uuid.UUID``."""
    import numpy as np

    today = today or clock.today()
    with Session(bind=conn) as session:
        rules = load_rules(session)
    if len(rules.types) > 63:
        raise UserError("too_many_document_types")
    a, c, d = Applicant.__table__, ApplicantChecklist.__table__, ApplicantDocument.__table__
    if applicant_ids is None:
        return _completeness_all(conn, rules, today)
    ids = [_uuid(x) for x in applicant_ids]
    if not ids:
        return [], np.zeros(0)
    targets = conn.execute(sa.select(a.c.id, a.c.preferred_countries, a.c.preferred_sectors, c.c.target_country,
                                     c.c.target_sector, c.c.extra_type_codes)
                           .select_from(a.outerjoin(c, c.c.applicant_id == a.c.id)).where(a.c.id.in_(ids))).all()
    verified = conn.execute(
        sa.select(d.c.applicant_id, _bit_sum(rules))
        .where(d.c.status == "verified", sa.or_(d.c.expires_on.is_(None), d.c.expires_on >= today),
               d.c.applicant_id.in_(ids)).group_by(d.c.applicant_id)).all()
    masks: dict[tuple, int] = {}
    req = np.zeros(len(targets), dtype=np.int64)
    index: dict = {}
    out_ids = []
    for i, (aid, pc, ps, tc, ts, extra) in enumerate(targets):
        key = (tc or _first(pc), ts or _first(ps), tuple(_codes(extra)) if extra else ())
        m = masks.get(key)
        if m is None:
            m = masks[key] = _requirement_masks(rules, *key)
        req[i] = m
        index[aid] = i
        out_ids.append(aid)
    have = np.zeros(len(targets), dtype=np.int64)
    for aid, bits in verified:
        i = index.get(aid)
        if i is not None:
            have[i] = bits
    return out_ids, _percent(req, have)


def _percent(req, have):
    import numpy as np

    need = _popcount(req)
    done = _popcount(req & have)
    return np.where(need > 0, np.round(100.0 * done / np.maximum(need, 1), 1), 100.0)


def _completeness_all(conn, rules: Rules, today: date):
    """Every applicant, vectorised: the driver's own cursor (no row objects, no UUID conversion),
    the target of each applicant as one key string computed in SQL, numpy for the rest."""
    import numpy as np

    sqlite = conn.dialect.name == "sqlite"
    # read from the covering index ix_applicant_id_preferred_countries_preferred_sectors, in its order
    targets_sql = "SELECT id, preferred_countries, preferred_sectors FROM applicant ORDER BY id"
    if sqlite:
        cur = conn.connection.driver_connection.cursor()
        targets = cur.execute(targets_sql).fetchall()
        cur.close()
    else:
        targets = [tuple(r) for r in conn.exec_driver_sql(targets_sql).fetchall()]
    if not targets:
        return [], np.zeros(0)
    # a comprehension per column: ``zip(*rows)`` over 200,000 rows costs several times more
    ids, countries, sectors = ([r[k] for r in targets] for k in range(3))
    sorted_ids = np.array(ids if sqlite else [str(x) for x in ids])
    if not sqlite:  # PostgreSQL orders uuids as uuids, numpy as text
        order = np.argsort(sorted_ids)
        sorted_ids = sorted_ids[order]
    else:
        order = np.arange(len(ids))

    def positions(values):
        arr = np.array(values if sqlite else [str(x) for x in values])
        pos = np.clip(np.searchsorted(sorted_ids, arr), 0, len(sorted_ids) - 1)
        hit = sorted_ids[pos] == arr
        return order[pos[hit]], hit

    return list(ids), _completeness_from_preferences(conn, rules, today, countries, sectors, positions)


def completeness_of(conn, index: dict, countries, sectors, *, today: date | None = None):
    """Percentages (numpy, in the order of ``countries``/``sectors``) of the applicants whose
    database id → position is ``index`` (ids as the database returns them: 32 hex digits on
    SQLite, else their hex form; or a function of a list of such ids giving their positions as a
    numpy array, -1 when absent), given their stored preference lists (or ``code_lists`` of each):
    what matching reads when it loads every applicant (it has those columns already, so they are
    not read twice)."""
    import numpy as np

    today = today or clock.today()
    with Session(bind=conn) as session:
        rules = load_rules(session)
    if len(rules.types) > 63:
        raise UserError("too_many_document_types")

    def positions(values):
        if callable(index):
            pos = index(values)
        else:
            pos = np.fromiter((index.get(v if isinstance(v, str) else uuid.UUID(str(v)).hex, -1) for v in values),
                              dtype=np.int64, count=len(values))
        hit = pos >= 0
        return pos[hit], hit

    return _completeness_from_preferences(conn, rules, today, countries, sectors, positions)


def code_lists(lists) -> tuple[list, Any]:
    """Stored lists (preferred countries or sectors, one text per applicant) as (the distinct
    texts, each applicant's index into them, a numpy array): what ``completeness_of`` works on
    (a caller that coded them already passes this instead of the lists)."""
    import numpy as np

    distinct = {text: k for k, text in enumerate(set(lists))}
    return list(distinct), np.fromiter(map(distinct.__getitem__, lists), dtype=np.int64, count=len(lists))


def _completeness_from_preferences(conn, rules: Rules, today: date, countries, sectors, positions):
    """The percentages given each applicant's preference lists (``positions(ids)``: the positions
    of the given database ids and a mask of those found): a checklist's chosen target overrides
    the preferences; one GROUP BY gives the verified types as bits."""
    import numpy as np

    sqlite = conn.dialect.name == "sqlite"
    whens = " ".join(f"WHEN '{code}' THEN {1 << i}" for i, code in enumerate(rules.types)
                     if re.fullmatch(r"[a-z][a-z0-9_]*", code))
    overrides_sql = ("SELECT applicant_id, target_country, target_sector, extra_type_codes FROM applicant_checklist "
                     "WHERE target_country IS NOT NULL OR target_sector IS NOT NULL OR extra_type_codes != ''")
    verified_sql = (f"SELECT applicant_id, SUM(CASE type_code {whens} ELSE 0 END) FROM applicant_document "
                    f"WHERE status = 'verified' AND (expires_on IS NULL OR expires_on >= {'?' if sqlite else '%s'}) "
                    "GROUP BY applicant_id")
    param = (today.isoformat() if sqlite else today,)
    if sqlite:
        cur = conn.connection.driver_connection.cursor()
        overrides = cur.execute(overrides_sql).fetchall()
        verified = cur.execute(verified_sql, param).fetchall()
        cur.close()
    else:
        overrides, verified = ([tuple(r) for r in conn.exec_driver_sql(q, *p).fetchall()] for q, p in (
            (overrides_sql, ()), (verified_sql, (param,))))
    coded = [lists if isinstance(lists, tuple) else code_lists(lists) for lists in (countries, sectors)]
    n = len(coded[0][1])
    # the first country and sector of each stored list count: few distinct lists, coded once each
    firsts = [[_first(text) for text in distinct] for distinct, _at in coded]
    codes = [{code: k for k, code in enumerate(set(f))} for f in firsts]
    country_ix, sector_ix = (np.array([c[v] for v in f], dtype=np.int64)[at]
                             for f, c, (_distinct, at) in zip(firsts, codes, coded))
    uniq, inverse = np.unique(country_ix * len(codes[1]) + sector_ix, return_inverse=True)
    by_ix = [{k: code for code, k in c.items()} for c in codes]
    by_target: dict[tuple, int] = {}

    def mask(target: tuple) -> int:
        m = by_target.get(target)
        if m is None:
            m = by_target[target] = _requirement_masks(rules, *target)
        return m

    masks = np.array([mask((by_ix[0][int(u) // len(codes[1])], by_ix[1][int(u) % len(codes[1])], ()))
                      for u in uniq], dtype=np.int64)
    req = masks[inverse.ravel()]
    if overrides:  # a chosen target replaces the preferences
        where, hit = positions([o[0] for o in overrides])
        for i, (_aid, tc, ts, extra) in zip(where.tolist(), [o for o, h in zip(overrides, hit.tolist()) if h]):
            country, sector = (distinct[at[i]] for distinct, at in coded)
            req[i] = mask((tc or _first(country) or None, ts or _first(sector) or None, tuple(_codes(extra or ""))))
    have = np.zeros(n, dtype=np.int64)
    if verified:
        doc_ids, bits = [r[0] for r in verified], [r[1] for r in verified]
        where, hit = positions(doc_ids)
        have[where] = np.array(bits, dtype=np.int64)[hit]
    return _percent(req, have)


def completeness_many(db_or_conn, applicant_ids: Iterable[uuid.UUID] | None = None, *,
                      today: date | None = None) -> dict[uuid.UUID, float]:
    """Applicant id → percentage of required documents verified (for the list column and matching).
    Takes a ``Database`` or a SQLAlchemy connection; no permission check (no personal data)."""
    ids = list(applicant_ids) if applicant_ids is not None else None
    if hasattr(db_or_conn, "reading"):
        with db_or_conn.reading() as conn:
            out_ids, percent = completeness_arrays(conn, ids, today=today)
    else:
        out_ids, percent = completeness_arrays(db_or_conn, ids, today=today)
    if ids is None and out_ids and not isinstance(out_ids[0], uuid.UUID):
        out_ids = [uuid.UUID(hex=x) for x in out_ids]
    return dict(zip(out_ids, percent.tolist()))


@dataclass(frozen=True)
class ExpiringRow:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    kecamatan_code: str
    country: str | None
    applicant_status: str
    type_code: str
    name_id: str
    name_en: str
    status: str  # submitted | verified | expired (derived)
    expires_on: date
    days_left: int  # negative when already expired
    phone: str


@dataclass(frozen=True)
class ExpiringPage:
    rows: list[ExpiringRow]
    total: int
    days: int
    today: date


def expiring(db, actor: Actor, days: int | None = None, kecamatan: str | None = None, country: str | None = None,
             *, limit: int = 1000, today: date | None = None, include_expired: bool = True) -> ExpiringPage:
    """Held documents (submitted or verified) of applicants still in the pipeline that expire within
    ``days`` (default: the office setting), and passports with less than the required remaining
    validity; soonest first. Filter by kecamatan code and destination (target country or first
    preference). ``include_expired`` keeps those already past their date (they need renewing)."""
    require(actor, "applicant.list")
    c = Collector()
    days_v = c.integer("days", days, lo=0, hi=3650)
    if kecamatan not in (None, "") and kecamatan not in reference.kecamatan():
        c.add("kecamatan", "invalid_choice", value=str(kecamatan)[:40])
    if country not in (None, "") and country not in reference.countries():
        c.add("country", "invalid_choice", value=str(country)[:40])
    if c.errors:
        raise ValidationError(c.errors)
    limit = max(1, min(int(limit), 10_000))
    with db.session(write=False) as session:
        policy = ExpiryPolicy.of(session, today)
        rules = load_rules(session)
        window = policy.window_days if days_v is None else days_v
        until = policy.today + timedelta(days=window)
        passport_until = add_months(policy.today, policy.passport_months)
        d, a, cl = ApplicantDocument.__table__, Applicant.__table__, ApplicantChecklist.__table__
        lower = [] if include_expired else [d.c.expires_on >= policy.today]
        # one range of the (expires_on, …) index, read in order: the first page stops early
        if passport_until > until:
            in_window = sa.and_(d.c.expires_on < passport_until,
                                sa.or_(d.c.expires_on < until, d.c.type_code == PASSPORT))
        else:
            in_window = d.c.expires_on < until
        where = [d.c.expires_on.is_not(None), in_window, *lower, d.c.status.in_(HELD),
                 a.c.status.in_(ACTIVE_STATUSES)]
        if session.get_bind().dialect.name == "postgresql":
            first_country = sa.func.split_part(a.c.preferred_countries, ",", 1)
        else:
            first_country = sa.func.substr(a.c.preferred_countries, 1,
                                           sa.func.instr(a.c.preferred_countries + ",", ",") - 1)
        dest = sa.func.coalesce(cl.c.target_country, sa.func.nullif(first_country, ""))
        if kecamatan:
            where.append(a.c.kecamatan_code == kecamatan)
        if country:
            where.append(dest == country)
        base = d.join(a, a.c.id == d.c.applicant_id).outerjoin(cl, cl.c.applicant_id == a.c.id)
        conn = session.connection()
        # The total counts the documents alone, their applicants picked by a subquery: looking up
        # the applicant of each of ~170,000 documents costs 5x more than one list of ids (the
        # inactive few, or those of the kecamatan or destination) probed in memory.
        doc_where = [d.c.expires_on.is_not(None), in_window, *lower, d.c.status.in_(HELD)]
        if kecamatan or country:
            chosen = sa.select(a.c.id).where(a.c.status.in_(ACTIVE_STATUSES))
            if kecamatan:
                chosen = chosen.where(a.c.kecamatan_code == kecamatan)
            if country:
                chosen = chosen.select_from(a.outerjoin(cl, cl.c.applicant_id == a.c.id)).where(dest == country)
            doc_where.append(d.c.applicant_id.in_(chosen))
        else:
            doc_where.append(d.c.applicant_id.not_in(sa.select(a.c.id).where(a.c.status.not_in(ACTIVE_STATUSES))))
        total = conn.execute(sa.select(sa.func.count()).select_from(d).where(*doc_where)).scalar_one()
        rows = conn.execute(
            sa.select(a.c.id, a.c.registration_number, a.c.full_name, a.c.kecamatan_code, dest, a.c.status,
                      d.c.type_code, d.c.status, d.c.expires_on, a.c.phone)
            .select_from(base).where(*where).order_by(d.c.expires_on, a.c.registration_number).limit(limit)).all()
    out = []
    for aid, number, name, kec, dst, ast, code, status, exp, phone in rows:
        t = rules.types.get(code)
        out.append(ExpiringRow(aid, number, name, kec, dst, ast, code, t.name_id if t else code,
                               t.name_en if t else code, effective_status(status, exp, policy.today), exp,
                               (exp - policy.today).days, phone))
    return ExpiringPage(out, total, window, policy.today)


# --- administration of document types and rules --------------------------------------------------

def list_rules(db, actor: Actor) -> list[RuleInfo]:
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        return [RuleInfo(r.country, r.sector, r.type_code, r.requirement, r.id) for r in session.exec(
            select(ChecklistRule).order_by(ChecklistRule.country, ChecklistRule.sector, ChecklistRule.type_code)).all()]


def save_type(db, actor: Actor, *, code: str, name_id: str, name_en: str, expires: bool = False,
              validity_days: Any = None, identity_bearing: bool = False, stage: str = "placement",
              sort_order: Any = 0, active: bool = True) -> TypeInfo:
    """Add a document type or change one (by code). Administrators only (``settings.manage``)."""
    require(actor, "settings.manage")
    c = Collector()
    code_v = c.text("code", code, max_len=32)
    if code_v and not re.fullmatch(r"[a-z][a-z0-9_]{1,31}", code_v):
        c.add("code", "document_type_code_format")
    values = {
        "name_id": c.text("name_id", name_id, max_len=120), "name_en": c.text("name_en", name_en, max_len=120),
        "expires": bool(expires), "validity_days": c.integer("validity_days", validity_days, lo=1, hi=3650),
        "identity_bearing": bool(identity_bearing), "stage": c.choice("stage", stage, STAGES),
        "sort_order": c.integer("sort_order", sort_order, lo=0, hi=100000, required=True), "active": bool(active)}
    if values["validity_days"] and not values["expires"]:
        c.add("validity_days", "document_validity_without_expiry")
    if c.errors:
        raise ValidationError(c.errors)
    with db.session() as session:
        row = session.exec(select(DocumentType).where(DocumentType.code == code_v)).first()
        if row is None:
            if session.exec(select(sa.func.count()).select_from(DocumentType)).one() >= 63:
                raise UserError("too_many_document_types")
            row = DocumentType(code=code_v, origin_office=actor.office_code, **values)
            session.add(row)
            session.flush()
            audit.record(session, actor, "create", "document_type", code_v, {k: [None, v] for k, v in values.items()})
        else:
            changes = audit.diff({k: getattr(row, k) for k in values}, values)
            if changes:
                for k, v in values.items():
                    setattr(row, k, v)
                row.version += 1
                row.updated_at = utcnow()
                session.add(row)
                session.flush()
                audit.record(session, actor, "update", "document_type", code_v, changes)
        return TypeInfo(row.code, row.name_id, row.name_en, row.expires, row.validity_days, row.identity_bearing,
                        row.stage, row.sort_order, row.active, row.version)


def save_rule(db, actor: Actor, *, country: str, sector: str, type_code: str, requirement: str) -> RuleInfo:
    """Set the requirement of a document type for a country and sector (``*`` = any)."""
    require(actor, "settings.manage")
    c = Collector()
    country = c.choice("country", country, {ANY, *reference.countries()})
    sector = c.choice("sector", sector, {ANY, *reference.sectors()})
    requirement = c.choice("requirement", requirement, REQUIREMENTS)
    with db.session() as session:
        if type_code not in load_rules(session).types:
            c.add("type_code", "invalid_choice", value=str(type_code)[:40])
        if c.errors:
            raise ValidationError(c.errors)
        row = session.exec(select(ChecklistRule).where(ChecklistRule.country == country, ChecklistRule.sector == sector,
                                                       ChecklistRule.type_code == type_code)).first()
        key = f"{country}/{sector}/{type_code}"
        if row is None:
            row = ChecklistRule(country=country, sector=sector, type_code=type_code, requirement=requirement,
                                origin_office=actor.office_code)
            session.add(row)
            session.flush()
            audit.record(session, actor, "create", "checklist_rule", key, {"requirement": [None, requirement]})
        elif row.requirement != requirement:
            audit.record(session, actor, "update", "checklist_rule", key, {"requirement": [row.requirement, requirement]})
            row.requirement = requirement
            row.version += 1
            row.updated_at = utcnow()
            session.add(row)
            session.flush()
        return RuleInfo(row.country, row.sector, row.type_code, row.requirement, row.id)


def delete_rule(db, actor: Actor, *, country: str, sector: str, type_code: str) -> None:
    """Remove a rule (the less specific rules apply again). The general ``*``/``*`` rules stay:
    set them to ``not_needed`` instead."""
    require(actor, "settings.manage")
    if (country, sector) == (ANY, ANY):
        raise UserError("rule_base_kept")
    with db.session() as session:
        row = session.exec(select(ChecklistRule).where(ChecklistRule.country == country, ChecklistRule.sector == sector,
                                                       ChecklistRule.type_code == type_code)).first()
        if row is None:
            raise NotFound("rule_not_found")
        audit.record(session, actor, "delete", "checklist_rule", f"{country}/{sector}/{type_code}",
                     {"requirement": [row.requirement, None]})
        session.delete(row)


def viewable_file(db, actor: Actor, scan_id) -> Path:
    """A copy of the scan named with its type's extension (``<data dir>/scans-view/<sha>.pdf``), for
    the system viewer: the stored file has no extension, by which viewers choose."""
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        scan = session.get(DocumentScan, _uuid(scan_id))
        if scan is None:
            raise NotFound("scan_not_found")
        sha, mime, name = scan.sha256, scan.mime_type, scan.original_name
    source = scan_path(sha)
    if not source.is_file():
        raise UserError("scan_file_missing", name=name)
    from app import paths

    target = paths.data_dir() / "scans-view" / f"{sha}.{ALLOWED_SCAN_TYPES.get(mime, 'bin')}"
    if not target.exists():
        import shutil

        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return target
