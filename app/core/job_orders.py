"""Agencies (P3MI) and their job orders: validation, the recruitment permit (SIP) rules, status
``draft → open → closed/filled``, quota, audit.

Rules:
- a job order is opened, and matched, only with a SIP number whose validity covers today, from an
  active agency whose licence is valid today; an expired SIP closes matching on it with a message
  saying since when (``check_matchable``);
- ``draft`` may be edited freely; ``open`` may be edited (the SIP rules apply again on save);
  ``closed`` and ``filled`` orders are read-only until reopened;
- ``open → filled`` happens when the selected (or later) placements reach the quota
  (``app.core.placements``); a quota below the placements already selected is refused.

Every public function is one service call (one transaction) and returns plain dataclasses.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.core import audit, clock, currency, reference
from app.core.actor import Actor
from app.core.errors import ConcurrentEdit, FieldError, NotFound, UserError, ValidationError
from app.core.permissions import require
from app.core.validation import Collector, check_email, normalize_phone
from app.models import (ORDER_STATUSES, SEXES, Agency, JobOrder, Placement, utcnow)

DEFAULT_CONTRACT_MONTHS = 24
MIN_AGE = 18  # UU 18/2017 art. 5
MAX_AGE = 75
MAX_MONEY = 10 ** 12
ACTIVE_STAGES_FROM_SELECTED = ("selected", "contract", "visa", "opp", "departed")
_DOC_CODE = re.compile(r"[a-z0-9_]{1,32}")

# status → (Indonesian, English)
ORDER_STATUS_NAMES = {
    "draft": ("Draf", "Draft"),
    "open": ("Terbuka", "Open"),
    "closed": ("Ditutup", "Closed"),
    "filled": ("Terpenuhi", "Filled"),
}
ORDER_TRANSITIONS = {
    "draft": frozenset({"open", "closed"}),
    "open": frozenset({"closed", "filled"}),
    "closed": frozenset({"open"}),
    "filled": frozenset({"open", "closed"}),
}

ORDER_INPUT_FIELDS = (
    "agency_id", "agency", "employer", "country", "sector", "position", "quota", "currency",
    "salary_min", "salary_max", "contract_months", "worker_cost", "funding_schemes", "deadline",
    "sip_number", "sip_valid_from", "sip_valid_until", "req_sex", "age_min", "age_max",
    "min_education", "language_code", "language_min_level", "min_height_cm",
    "min_experience_years", "required_certificates", "required_documents", "description", "status",
)
AGENCY_INPUT_FIELDS = ("name", "licence_number", "licence_valid_until", "apjati_member",
                       "contact_person", "phone", "email", "address", "active")
_LIST_COLUMNS = ("funding_schemes", "required_certificates", "required_documents")


# --- agencies -----------------------------------------------------------------------------------

@dataclass
class AgencyInput:
    name: Any = ""
    licence_number: Any = ""
    licence_valid_until: Any = None
    apjati_member: Any = False
    contact_person: Any = None
    phone: Any = None
    email: Any = None
    address: Any = None
    active: Any = True

    @classmethod
    def from_dict(cls, data: Any) -> "AgencyInput":
        return cls(**_known_keys(data, AGENCY_INPUT_FIELDS, "agency"))


@dataclass
class AgencyDetail:
    id: uuid.UUID
    version: int
    name: str
    licence_number: str
    licence_valid_until: date
    apjati_member: bool
    contact_person: str | None
    phone: str | None
    email: str | None
    address: str | None
    active: bool

    def licence_valid(self, day: date) -> bool:
        return self.licence_valid_until >= day

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(dataclasses.asdict(self))


def _known_keys(data: Any, allowed: tuple[str, ...], prefix: str = "") -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValidationError(FieldError(prefix or "json", "json_invalid", {"detail": "bukan objek"}))
    unknown = [k for k in data if k not in allowed]
    if unknown:
        raise ValidationError([FieldError(f"{prefix}.{k}" if prefix else k, "unknown_field", {"value": k})
                               for k in unknown])
    return dict(data)


def _jsonable(d: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in d.items():
        if isinstance(v, uuid.UUID):
            v = str(v)
        elif isinstance(v, date):
            v = v.isoformat()
        out[k] = v
    return out


def validate_agency(data: AgencyInput, prefix: str = "") -> dict[str, Any]:
    c = Collector()
    p = f"{prefix}." if prefix else ""
    v: dict[str, Any] = {}
    v["name"] = c.text(f"{p}name", data.name, max_len=120)
    v["licence_number"] = c.text(f"{p}licence_number", data.licence_number, max_len=64)
    v["licence_valid_until"] = c.date(f"{p}licence_valid_until", data.licence_valid_until)
    v["apjati_member"] = _bool(c, f"{p}apjati_member", data.apjati_member)
    v["contact_person"] = c.text(f"{p}contact_person", data.contact_person, max_len=100, required=False)
    phone = c.text(f"{p}phone", data.phone, max_len=30, required=False)
    if phone:
        normalized = normalize_phone(phone)
        if normalized is None:
            c.add(f"{p}phone", "phone_invalid", value=phone)
        phone = normalized
    v["phone"] = phone
    email = c.text(f"{p}email", data.email, max_len=120, required=False)
    if email:
        email, _reason = check_email(email)
        if email is None:
            c.add(f"{p}email", "email_invalid", value=str(data.email)[:40])
    v["email"] = email
    v["address"] = c.text(f"{p}address", data.address, max_len=200, required=False)
    v["active"] = _bool(c, f"{p}active", True if data.active is None else data.active)
    if c.errors:
        raise ValidationError(c.errors)
    return v


def _bool(c: Collector, name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in (None, ""):
        return False
    c.add(name, "invalid_choice", value=str(value)[:40])
    return False


def _agency_detail(row: Agency) -> AgencyDetail:
    return AgencyDetail(**{f.name: getattr(row, f.name) for f in dataclasses.fields(AgencyDetail)})


def _insert_agency(session: Session, actor: Actor, values: dict[str, Any]) -> Agency:
    existing = session.exec(select(Agency).where(Agency.licence_number == values["licence_number"])).first()
    if existing is not None:
        raise ValidationError(FieldError("licence_number", "licence_duplicate", {
            "value": values["licence_number"], "name": existing.name}))
    row = Agency(**values, origin_office=actor.office_code)
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "agency", row.id, {k: [None, v] for k, v in values.items()})
    return row


def create_agency(db, data: AgencyInput, actor: Actor) -> AgencyDetail:
    require(actor, "order.manage")
    values = validate_agency(data)
    with db.session() as session:
        return _agency_detail(_insert_agency(session, actor, values))


def update_agency(db, agency_id: uuid.UUID | str, data: AgencyInput, actor: Actor, *,
                  expected_version: int) -> AgencyDetail:
    require(actor, "order.manage")
    values = validate_agency(data)
    with db.session() as session:
        row = session.get(Agency, _uuid(agency_id, "agency_not_found"))
        if row is None:
            raise NotFound("agency_not_found")
        if row.version != expected_version:
            raise ConcurrentEdit("changed_by_other")
        if values["licence_number"] != row.licence_number:
            other = session.exec(select(Agency).where(Agency.licence_number == values["licence_number"])).first()
            if other is not None:
                raise ValidationError(FieldError("licence_number", "licence_duplicate", {
                    "value": values["licence_number"], "name": other.name}))
        changes = audit.diff({k: getattr(row, k) for k in values}, values)
        if changes:
            for k, val in values.items():
                setattr(row, k, val)
            row.version += 1
            row.updated_at = utcnow()
            session.add(row)
            audit.record(session, actor, "update", "agency", row.id, changes)
        session.flush()
        return _agency_detail(row)


def list_agencies(db, actor: Actor, *, active_only: bool = False) -> list[AgencyDetail]:
    require(actor, "order.view")
    with db.session(write=False) as session:
        q = select(Agency).order_by(Agency.name)
        if active_only:
            q = q.where(Agency.active == sa.true())
        return [_agency_detail(r) for r in session.exec(q).all()]


# --- job orders ---------------------------------------------------------------------------------

@dataclass
class JobOrderInput:
    """What the form or the JSON file gives; loose types, checked by ``validate_order``.
    ``agency`` (an agency object, matched or created by its licence number) may stand in for
    ``agency_id`` in a JSON file."""

    agency_id: Any = None
    agency: Any = None
    employer: Any = ""
    country: Any = ""
    sector: Any = ""
    position: Any = ""
    quota: Any = None
    currency: Any = "IDR"
    salary_min: Any = None
    salary_max: Any = None
    contract_months: Any = DEFAULT_CONTRACT_MONTHS
    worker_cost: Any = 0
    funding_schemes: Any = field(default_factory=list)
    deadline: Any = None
    sip_number: Any = None
    sip_valid_from: Any = None
    sip_valid_until: Any = None
    req_sex: Any = None
    age_min: Any = MIN_AGE
    age_max: Any = None
    min_education: Any = None
    language_code: Any = None
    language_min_level: Any = None
    min_height_cm: Any = None
    min_experience_years: Any = 0
    required_certificates: Any = field(default_factory=list)
    required_documents: Any = field(default_factory=list)
    description: Any = None
    status: Any = "draft"

    @classmethod
    def from_dict(cls, data: Any) -> "JobOrderInput":
        return cls(**_known_keys(data, ORDER_INPUT_FIELDS))


@dataclass
class JobOrderDetail:
    """A job order as services hand it out (plain values; lists as lists)."""

    id: uuid.UUID
    version: int
    order_number: str
    agency_id: uuid.UUID
    agency_name: str
    agency_licence_valid_until: date
    employer: str
    country: str
    sector: str
    position: str
    quota: int
    currency: str
    salary_min: int
    salary_max: int
    contract_months: int
    worker_cost: int
    funding_schemes: list[str]
    deadline: date | None
    status: str
    sip_number: str | None
    sip_valid_from: date | None
    sip_valid_until: date | None
    req_sex: str | None
    age_min: int
    age_max: int | None
    min_education: str | None
    language_code: str | None
    language_min_level: str | None
    min_height_cm: int | None
    min_experience_years: int
    required_certificates: list[str]
    required_documents: list[str]
    description: str | None
    opened_on: date | None
    closed_on: date | None
    placed: int = 0  # placements at selected or later (not ended)
    in_process: int = 0  # placements shortlisted … interview (not ended)

    @property
    def zero_cost(self) -> bool:
        return self.worker_cost == 0

    def sip_valid_on(self, day: date) -> bool:
        return bool(self.sip_number) and self.sip_valid_from is not None and self.sip_valid_until is not None \
            and self.sip_valid_from <= day <= self.sip_valid_until

    def salary_rupiah(self, day: date | None = None) -> tuple[int | None, int | None]:
        day = day or clock.today()
        return (currency.to_rupiah(self.salary_min, self.currency, day),
                currency.to_rupiah(self.salary_max, self.currency, day))

    @property
    def country_name(self) -> str:
        c = reference.countries().get(self.country)
        return c.name_id if c else self.country

    @property
    def sector_name(self) -> str:
        s = reference.sectors().get(self.sector)
        return s.name_id if s else self.sector

    def to_input(self) -> JobOrderInput:
        values = {f: getattr(self, f) for f in ORDER_INPUT_FIELDS if f not in ("agency",)}
        values["funding_schemes"] = list(self.funding_schemes)
        values["required_certificates"] = list(self.required_certificates)
        values["required_documents"] = list(self.required_documents)
        return JobOrderInput(**values)

    def to_dict(self, day: date | None = None) -> dict[str, Any]:
        out = _jsonable(dataclasses.asdict(self))
        lo, hi = self.salary_rupiah(day)
        out.update(zero_cost=self.zero_cost, salary_min_idr=lo, salary_max_idr=hi,
                   sip_valid_today=self.sip_valid_on(day or clock.today()))
        return out


def _code_list(c: Collector, name: str, value: Any, choices) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)):
        c.add(name, "not_a_list")
        return []
    out: list[str] = []
    for v in value:
        ok = isinstance(v, str) and (v in choices if not callable(choices) else choices(v))
        if not ok:
            c.add(name, "invalid_choice", value=str(v)[:40])
        elif v not in out:
            out.append(v)
    return out


def _text_list(c: Collector, name: str, value: Any, *, max_len: int, total: int) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, (list, tuple)):
        c.add(name, "not_a_list")
        return []
    out: list[str] = []
    for v in value:
        if isinstance(v, str) and "," in v:
            c.add(name, "invalid_choice", value=v[:40])
            continue
        t = c.text(name, v, max_len=max_len, required=False)
        if t and t not in out:
            out.append(t)
    if len(",".join(out)) > total:
        c.add(name, "too_long", max=total)
    return out


def _money(c: Collector, name: str, value: Any, *, required: bool = True) -> int | None:
    if isinstance(value, float):  # money is never a float
        c.add(name, "invalid_number")
        return None
    return c.integer(name, value, lo=0, hi=MAX_MONEY, required=required)


def validate_order(data: JobOrderInput) -> dict[str, Any]:
    """Check every field of a job order; raise ``ValidationError`` with all problems, or return
    the column values (lists joined with commas; ``agency_id`` as given, resolved by the caller)."""
    c = Collector()
    v: dict[str, Any] = {}
    if data.agency_id in (None, "") and data.agency in (None, ""):
        c.add("agency_id", "required")
    v["employer"] = c.text("employer", data.employer, max_len=160)
    v["country"] = c.choice("country", data.country, reference.countries())
    v["sector"] = c.choice("sector", data.sector, reference.sectors())
    v["position"] = c.text("position", data.position, max_len=100)
    v["quota"] = c.integer("quota", data.quota, lo=1, hi=10_000, required=True)
    cur = data.currency if data.currency not in (None, "") else "IDR"
    v["currency"] = c.choice("currency", cur, currency.rates())
    v["salary_min"] = _money(c, "salary_min", data.salary_min)
    v["salary_max"] = _money(c, "salary_max", data.salary_max)
    if v["salary_min"] is not None and v["salary_max"] is not None and v["salary_min"] > v["salary_max"]:
        c.add("salary_max", "salary_range")
    months = DEFAULT_CONTRACT_MONTHS if data.contract_months in (None, "") else data.contract_months
    v["contract_months"] = c.integer("contract_months", months, lo=1, hi=120, required=True)
    v["worker_cost"] = _money(c, "worker_cost", 0 if data.worker_cost in (None, "") else data.worker_cost)
    v["funding_schemes"] = ",".join(_code_list(c, "funding_schemes", data.funding_schemes,
                                               reference.funding_schemes()))
    v["deadline"] = c.date("deadline", data.deadline, required=False)
    v["sip_number"] = c.text("sip_number", data.sip_number, max_len=64, required=False)
    v["sip_valid_from"] = c.date("sip_valid_from", data.sip_valid_from, required=False)
    v["sip_valid_until"] = c.date("sip_valid_until", data.sip_valid_until, required=False)
    if v["sip_number"] and (v["sip_valid_from"] is None or v["sip_valid_until"] is None):
        for f in ("sip_valid_from", "sip_valid_until"):
            if v[f] is None and getattr(data, f) in (None, ""):
                c.add(f, "required")
    if v["sip_valid_from"] and v["sip_valid_until"] and v["sip_valid_until"] < v["sip_valid_from"]:
        c.add("sip_valid_until", "sip_dates")
    v["req_sex"] = c.choice("req_sex", data.req_sex, SEXES, required=False)
    age_min = MIN_AGE if data.age_min in (None, "") else data.age_min
    v["age_min"] = c.integer("age_min", age_min, lo=MIN_AGE, hi=MAX_AGE, required=True)
    v["age_max"] = c.integer("age_max", data.age_max, lo=MIN_AGE, hi=MAX_AGE)
    if v["age_min"] is not None and v["age_max"] is not None and v["age_max"] < v["age_min"]:
        c.add("age_max", "age_range", min=v["age_min"], max=v["age_max"])
    v["min_education"] = c.choice("min_education", data.min_education, reference.education_levels(),
                                  required=False)
    v["language_code"] = c.choice("language_code", data.language_code, reference.languages(), required=False)
    level = c.text("language_min_level", data.language_min_level, max_len=20, required=False)
    if v["language_code"] and not level:
        c.add("language_min_level", "required")
    elif level and not v["language_code"] and data.language_code in (None, ""):
        c.add("language_code", "required")
    elif level and v["language_code"] and level not in reference.languages()[v["language_code"]].levels:
        c.add("language_min_level", "level_unknown", level=level,
              language=reference.languages()[v["language_code"]].name_id)
    v["language_min_level"] = level
    v["min_height_cm"] = c.integer("min_height_cm", data.min_height_cm, lo=100, hi=230)
    exp = 0 if data.min_experience_years in (None, "") else data.min_experience_years
    v["min_experience_years"] = c.integer("min_experience_years", exp, lo=0, hi=40, required=True)
    v["required_certificates"] = ",".join(_text_list(c, "required_certificates", data.required_certificates,
                                                     max_len=60, total=500))
    v["required_documents"] = ",".join(_code_list(c, "required_documents", data.required_documents,
                                                  lambda x: bool(_DOC_CODE.fullmatch(x))))
    if len(v["required_documents"]) > 500:
        c.add("required_documents", "too_long", max=500)
    v["description"] = c.text("description", data.description, max_len=2000, required=False, multiline=True)
    status = "draft" if data.status in (None, "") else data.status
    v["status"] = c.choice("status", status, ("draft", "open"))
    if c.errors:
        raise ValidationError(c.errors)
    return v


def _fmt(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else "-"


def sip_problem(order, day: date) -> UserError | None:
    """Why ``order`` (a row or a detail) may not be opened or matched on ``day``, or None."""
    if not order.sip_number or order.sip_valid_from is None or order.sip_valid_until is None:
        return UserError("sip_missing", order=order.order_number or "-")
    if day < order.sip_valid_from:
        return UserError("sip_not_yet_valid", sip=order.sip_number, valid_from=_fmt(order.sip_valid_from))
    if day > order.sip_valid_until:
        return UserError("sip_expired", sip=order.sip_number, valid_until=_fmt(order.sip_valid_until),
                         order=order.order_number or "-")
    return None


def _agency_problem(agency: Agency, day: date) -> UserError | None:
    if not agency.active:
        return UserError("agency_inactive", agency=agency.name)
    if agency.licence_valid_until < day:
        return UserError("agency_licence_expired", agency=agency.name,
                         valid_until=_fmt(agency.licence_valid_until))
    return None


def _open_problem(session: Session, row: JobOrder, day: date) -> UserError | None:
    problem = sip_problem(row, day)
    if problem is None:
        problem = _agency_problem(session.get(Agency, row.agency_id), day)
    if problem is None and row.deadline is not None and row.deadline < day:
        problem = UserError("order_deadline_passed", order=row.order_number, deadline=_fmt(row.deadline))
    return problem


def check_matchable(session: Session, row: JobOrder, day: date) -> None:
    """Raise ``UserError`` unless candidates may be matched to ``row`` on ``day``: a draft or an
    open order, with a SIP valid that day, from an agency whose licence is valid."""
    if row.status not in ("draft", "open"):
        raise UserError("order_not_matchable", order=row.order_number,
                        status_id=ORDER_STATUS_NAMES[row.status][0], status_en=ORDER_STATUS_NAMES[row.status][1])
    problem = sip_problem(row, day) or _agency_problem(session.get(Agency, row.agency_id), day)
    if problem is not None:
        raise problem


def _next_order_number(session: Session, year: int) -> str:
    prefix = f"JO-{year}-"
    top = session.exec(select(sa.func.max(JobOrder.order_number)).where(
        JobOrder.order_number.startswith(prefix, autoescape=True))).one()
    n = int(top[len(prefix):]) + 1 if top and top[len(prefix):].isdigit() else 1
    return f"{prefix}{n:04d}"


def _resolve_agency(session: Session, actor: Actor, data: JobOrderInput) -> Agency:
    if data.agency_id not in (None, ""):
        try:
            aid = data.agency_id if isinstance(data.agency_id, uuid.UUID) else uuid.UUID(str(data.agency_id))
        except ValueError:
            raise ValidationError(FieldError("agency_id", "agency_not_found")) from None
        row = session.get(Agency, aid)
        if row is None:
            raise ValidationError(FieldError("agency_id", "agency_not_found"))
        return row
    values = validate_agency(AgencyInput.from_dict(data.agency), prefix="agency")
    row = session.exec(select(Agency).where(Agency.licence_number == values["licence_number"])).first()
    if row is not None:
        if row.name != values["name"]:
            raise ValidationError(FieldError("agency.licence_number", "licence_duplicate", {
                "value": values["licence_number"], "name": row.name}))
        return row
    require(actor, "order.manage")
    return _insert_agency(session, actor, values)


def _order_detail(session: Session, row: JobOrder, counts: tuple[int, int] | None = None) -> JobOrderDetail:
    agency = session.get(Agency, row.agency_id)
    if counts is None:
        counts = _placement_counts(session, [row.id]).get(row.id, (0, 0))
    values = {f.name: getattr(row, f.name) for f in dataclasses.fields(JobOrderDetail)
              if f.name not in ("agency_name", "agency_licence_valid_until", "placed", "in_process",
                                *_LIST_COLUMNS)}
    return JobOrderDetail(**values, agency_name=agency.name, agency_licence_valid_until=agency.licence_valid_until,
                          **{k: [x for x in getattr(row, k).split(",") if x] for k in _LIST_COLUMNS},
                          placed=counts[0], in_process=counts[1])


def _placement_counts(session: Session, order_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[int, int]]:
    if not order_ids:
        return {}
    placed = sa.func.sum(sa.case((Placement.stage.in_(ACTIVE_STAGES_FROM_SELECTED), 1), else_=0))
    active = sa.func.sum(sa.case((Placement.stage.in_(("shortlisted", "proposed", "interview")), 1), else_=0))
    rows = session.exec(select(Placement.job_order_id, placed, active)
                        .where(Placement.job_order_id.in_(order_ids)).group_by(Placement.job_order_id)).all()
    return {r[0]: (int(r[1] or 0), int(r[2] or 0)) for r in rows}


def _uuid(value, code: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound(code) from None


def find_order(session: Session, ref: uuid.UUID | str) -> JobOrder:
    """An order by its id or its number (``JO-2026-0001``)."""
    row = None
    if isinstance(ref, str) and ref.upper().startswith("JO-"):
        row = session.exec(select(JobOrder).where(JobOrder.order_number == ref.upper())).first()
    else:
        try:
            row = session.get(JobOrder, ref if isinstance(ref, uuid.UUID) else uuid.UUID(str(ref)))
        except ValueError:
            row = None
    if row is None:
        raise NotFound("order_not_found", value=str(ref)[:40])
    return row


def create_order(db, data: JobOrderInput, actor: Actor, *, today: date | None = None) -> JobOrderDetail:
    """Save a new job order as a draft (or open it at once with ``status="open"``, under the
    same SIP rules as ``open_order``); audited."""
    require(actor, "order.manage")
    today = today or clock.today()
    values = validate_order(data)
    with db.session() as session:
        agency = _resolve_agency(session, actor, data)
        status = values.pop("status")
        row = JobOrder(**values, agency_id=agency.id, origin_office=actor.office_code, status="draft",
                       order_number=_next_order_number(session, today.year))
        if status == "open":
            problem = _open_problem(session, row, today)
            if problem is not None:
                raise problem
            row.status, row.opened_on = "open", today
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "job_order", row.id, {
            k: [None, getattr(row, k)] for k in (*values, "status", "order_number", "agency_id", "opened_on")})
        return _order_detail(session, row, (0, 0))


def update_order(db, order_id: uuid.UUID | str, data: JobOrderInput, actor: Actor, *,
                 expected_version: int, today: date | None = None) -> JobOrderDetail:
    require(actor, "order.manage")
    today = today or clock.today()
    values = validate_order(dataclasses.replace(data, status=None))  # status moves by set_order_status
    values.pop("status")
    with db.session() as session:
        row = find_order(session, order_id)
        if row.version != expected_version:
            raise ConcurrentEdit("changed_by_other")
        if row.status in ("closed", "filled"):
            raise UserError("order_read_only", order=row.order_number,
                            status_id=ORDER_STATUS_NAMES[row.status][0], status_en=ORDER_STATUS_NAMES[row.status][1])
        agency = _resolve_agency(session, actor, data)
        values["agency_id"] = agency.id
        placed = _placement_counts(session, [row.id]).get(row.id, (0, 0))[0]
        if values["quota"] < placed:
            raise ValidationError(FieldError("quota", "quota_below_placed", {"quota": values["quota"],
                                                                             "placed": placed}))
        changes = audit.diff({k: getattr(row, k) for k in values}, values)
        if not changes:
            return _order_detail(session, row)
        for k, val in values.items():
            setattr(row, k, val)
        if row.status == "open":
            problem = _open_problem(session, row, today)
            if problem is not None:
                raise problem
        row.version += 1
        row.updated_at = utcnow()
        session.add(row)
        session.flush()
        audit.record(session, actor, "update", "job_order", row.id, changes)
        return _order_detail(session, row)


def set_order_status(db, order_id: uuid.UUID | str, status: str, actor: Actor, *,
                     reason: str | None = None, today: date | None = None) -> JobOrderDetail:
    """``open`` (SIP valid today, agency licence valid, deadline not passed), ``closed`` or
    ``filled`` (by hand; also set by placements when the quota is reached)."""
    require(actor, "order.manage")
    today = today or clock.today()
    with db.session() as session:
        row = find_order(session, order_id)
        change_status(session, actor, row, status, today=today, reason=reason)
        return _order_detail(session, row)


def change_status(session: Session, actor: Actor, row: JobOrder, status: str, *, today: date,
                  reason: str | None = None) -> bool:
    """Move ``row`` to ``status`` inside the caller's transaction, audited (False: already there)."""
    if status not in ORDER_STATUSES:
        raise ValidationError(FieldError("status", "invalid_choice", {"value": str(status)[:40]}))
    if status == row.status:
        return False
    if status not in ORDER_TRANSITIONS[row.status]:
        raise UserError("order_status_transition", order=row.order_number,
                        from_status_id=ORDER_STATUS_NAMES[row.status][0], from_status_en=ORDER_STATUS_NAMES[row.status][1],
                        to_status_id=ORDER_STATUS_NAMES[status][0], to_status_en=ORDER_STATUS_NAMES[status][1])
    if status == "open":
        problem = _open_problem(session, row, today)
        if problem is not None:
            raise problem
        placed = _placement_counts(session, [row.id]).get(row.id, (0, 0))[0]
        if placed >= row.quota:
            raise UserError("quota_full", order=row.order_number, quota=row.quota)
    change: dict[str, Any] = {"status": [row.status, status]}
    row.status = status
    if status == "open":
        change["opened_on"] = [_plain(row.opened_on), today.isoformat()]
        row.opened_on, row.closed_on = today, None
    else:
        change["closed_on"] = [_plain(row.closed_on), today.isoformat()]
        row.closed_on = today
    if reason:
        change["reason"] = [None, reason]
    row.version += 1
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    audit.record(session, actor, "update", "job_order", row.id, change)
    return True


def _plain(d: date | None) -> str | None:
    return d.isoformat() if d else None


def get_order(db, order_id: uuid.UUID | str, actor: Actor) -> JobOrderDetail:
    require(actor, "order.view")
    with db.session(write=False) as session:
        return _order_detail(session, find_order(session, order_id))


def list_orders(db, actor: Actor, *, status: str | None = None, text: str | None = None,
                limit: int = 2000) -> list[JobOrderDetail]:
    """Orders, newest first; ``status`` one of ORDER_STATUSES; ``text`` found in the number,
    employer, position or agency name."""
    require(actor, "order.view")
    with db.session(write=False) as session:
        q = select(JobOrder).join(Agency, Agency.id == JobOrder.agency_id)
        if status:
            q = q.where(JobOrder.status == status)
        if text and text.strip():
            needle = text.strip()
            q = q.where(sa.or_(*(col.contains(needle, autoescape=True) for col in (
                JobOrder.order_number, JobOrder.employer, JobOrder.position, Agency.name))))
        rows = session.exec(q.order_by(JobOrder.order_number.desc()).limit(max(1, min(limit, 10_000)))).all()
        counts = _placement_counts(session, [r.id for r in rows])
        agencies = {a.id: a for a in session.exec(select(Agency)).all()}
        out = []
        for r in rows:
            a = agencies[r.agency_id]
            values = {f.name: getattr(r, f.name) for f in dataclasses.fields(JobOrderDetail)
                      if f.name not in ("agency_name", "agency_licence_valid_until", "placed", "in_process",
                                        *_LIST_COLUMNS)}
            c = counts.get(r.id, (0, 0))
            out.append(JobOrderDetail(**values, agency_name=a.name, agency_licence_valid_until=a.licence_valid_until,
                                      **{k: [x for x in getattr(r, k).split(",") if x] for k in _LIST_COLUMNS},
                                      placed=c[0], in_process=c[1]))
        return out


def order_history(db, order_id: uuid.UUID | str, actor: Actor) -> list[audit.AuditRow]:
    require(actor, "order.view")
    with db.session(write=False) as session:
        row = find_order(session, order_id)
        return audit.history(session, "job_order", row.id)
