"""Placements: an applicant on a job order, from the shortlist to departure, and its funding.

Stages, one step at a time, each with its date:
``shortlisted → proposed → interview → selected → contract → visa → opp → departed``; or
``rejected``/``withdrawn`` (with a reason) from any stage before ``departed``.

The applicant's status follows (``app.core.pipeline.move``, audited there):

| placement stage | applicant status |
| --- | --- |
| shortlisted, interview, contract, opp | unchanged |
| proposed | ``proposed`` (only from ``ready`` or ``proposed``: an applicant still collecting documents or in training may be shortlisted, not proposed) |
| selected | ``selected`` |
| visa | ``departing`` (the work visa is in hand: preparing to leave, OPP next) |
| departed | ``departed`` |
| rejected / withdrawn | back to ``ready`` if it had moved and no other placement keeps it ``proposed`` |

Rules: shortlisting needs an order that may be matched (SIP valid today) and an applicant who
meets every requirement; proposing needs an open order with a valid SIP; selection respects the
quota (the order becomes ``filled`` when it is reached) and an applicant is active on one order at
a time from ``selected`` on (their other open placements are withdrawn, with the reason).

Funding per placement: government-funded, employer-paid, or a KUR PMI bank loan; ``kur_precheck``
lists what a KUR PMI application still lacks.
"""

from __future__ import annotations

import dataclasses
import json
import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.core import audit, clock, job_orders, pipeline, reference
from app.core.actor import Actor
from app.core.errors import ConcurrentEdit, FieldError, NotFound, UserError, ValidationError
from app.core.permissions import require
from app.core.validation import Collector
from app.models import PLACEMENT_ENDS, PLACEMENT_STAGES, Applicant, JobOrder, Placement, utcnow

STAGE_NAMES: dict[str, tuple[str, str]] = {
    "shortlisted": ("Daftar pendek", "Shortlisted"),
    "proposed": ("Diusulkan ke P3MI", "Proposed to the agency"),
    "interview": ("Wawancara", "Interview"),
    "selected": ("Terpilih", "Selected"),
    "contract": ("Kontrak kerja", "Employment contract"),
    "visa": ("Visa kerja", "Work visa"),
    "opp": ("OPP", "Pre-departure orientation"),
    "departed": ("Berangkat", "Departed"),
    "rejected": ("Ditolak", "Rejected"),
    "withdrawn": ("Mengundurkan diri", "Withdrawn"),
}
APPLICANT_STATUS_AT = {"proposed": "proposed", "selected": "selected", "visa": "departing", "departed": "departed"}
FROM_SELECTED = PLACEMENT_STAGES[PLACEMENT_STAGES.index("selected"):]
BEFORE_SELECTED = PLACEMENT_STAGES[:PLACEMENT_STAGES.index("selected")]

FUNDING_SCHEMES = ("government", "employer", "kur_pmi")
KUR_BANKS = ("BNI", "BRI", "Mandiri", "BSI", "BTN", "BJB", "Bank Banten")
KUR_MAX_LOAN = 100_000_000
KUR_NPWP_ABOVE = 50_000_000
KUR_MAX_TERM_MONTHS = 36
_NPWP = re.compile(r"\d{15,16}")


@dataclass
class PlacementDetail:
    id: uuid.UUID
    version: int
    job_order_id: uuid.UUID
    order_number: str
    employer: str
    country: str
    position: str
    contract_months: int
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    applicant_status: str
    stage: str
    score: float | None
    score_parts: dict[str, float]
    shortlisted_on: date
    proposed_on: date | None
    interview_on: date | None
    selected_on: date | None
    contract_on: date | None
    visa_on: date | None
    opp_on: date | None
    departed_on: date | None
    ended_on: date | None
    end_reason: str | None
    funding_scheme: str | None
    kur_bank: str | None
    loan_amount: int | None
    loan_term_months: int | None
    npwp: str | None
    placement_agreement_on: date | None
    employment_contract_on: date | None

    @property
    def active(self) -> bool:
        return self.stage not in PLACEMENT_ENDS and self.stage != "departed"

    @property
    def next_stage(self) -> str | None:
        if self.stage not in PLACEMENT_STAGES or self.stage == "departed":
            return None
        return PLACEMENT_STAGES[PLACEMENT_STAGES.index(self.stage) + 1]

    def stage_date(self, stage: str) -> date | None:
        return getattr(self, f"{stage}_on", None) if stage in PLACEMENT_STAGES else self.ended_on

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        for k, v in list(out.items()):
            if isinstance(v, uuid.UUID):
                out[k] = str(v)
            elif isinstance(v, date):
                out[k] = v.isoformat()
        return out


@dataclass
class FundingInput:
    funding_scheme: Any = None
    kur_bank: Any = None
    loan_amount: Any = None
    loan_term_months: Any = None
    npwp: Any = None
    placement_agreement_on: Any = None
    employment_contract_on: Any = None


def _names(stage: str, prefix: str = "stage") -> dict[str, str]:
    n = STAGE_NAMES.get(stage, (stage, stage))
    return {f"{prefix}_id": n[0], f"{prefix}_en": n[1]}


def _detail(session: Session, row: Placement) -> PlacementDetail:
    order = session.get(JobOrder, row.job_order_id)
    app = session.get(Applicant, row.applicant_id)
    values = {f.name: getattr(row, f.name) for f in dataclasses.fields(PlacementDetail)
              if hasattr(Placement, f.name) and f.name != "score_parts"}
    return PlacementDetail(**values, order_number=order.order_number, employer=order.employer,
                           country=order.country, position=order.position, contract_months=order.contract_months,
                           registration_number=app.registration_number, full_name=app.full_name,
                           applicant_status=app.status, score_parts=json.loads(row.score_parts or "{}"))


def _uuid(value, code: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound(code) from None


def _get(session: Session, placement_id) -> Placement:
    row = session.get(Placement, _uuid(placement_id, "placement_not_found"))
    if row is None:
        raise NotFound("placement_not_found")
    return row


def _fmt(d: date) -> str:
    return d.strftime("%d/%m/%Y")


# --- shortlist ----------------------------------------------------------------------------------

def shortlist(db, actor: Actor, order_ref, applicant_id, *, today: date | None = None) -> PlacementDetail:
    """Put an applicant who meets every requirement of a matchable order on its shortlist, with
    the score and its parts at that moment."""
    from app.core import matching

    require(actor, "placement.manage")
    day = today or clock.today()
    candidate = matching.explain(db, actor, order_ref, applicant_id, today=day)
    with db.session() as session:
        order = job_orders.find_order(session, order_ref)
        job_orders.check_matchable(session, order, day)
        if candidate.reasons:
            raise UserError("shortlist_fails", name=candidate.full_name, order=order.order_number,
                            reasons_id="; ".join(r.message for r in candidate.reasons),
                            reasons_en="; ".join(r.message_en for r in candidate.reasons))
        existing = session.exec(select(Placement).where(Placement.job_order_id == order.id,
                                                        Placement.applicant_id == candidate.applicant_id)).first()
        if existing is not None:
            raise UserError("placement_exists", name=candidate.full_name, order=order.order_number,
                            **_names(existing.stage))
        parts = {k: round(v, 4) for k, v in candidate.parts.items()}
        row = Placement(job_order_id=order.id, applicant_id=candidate.applicant_id, stage="shortlisted",
                        score=round(candidate.score, 4), score_parts=json.dumps(parts), shortlisted_on=day,
                        origin_office=actor.office_code)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "placement", row.id, {
            "job_order": [None, order.order_number], "applicant_id": [None, str(candidate.applicant_id)],
            "stage": [None, "shortlisted"], "score": [None, row.score], "shortlisted_on": [None, day]})
        return _detail(session, row)


# --- stages -------------------------------------------------------------------------------------

def _active_other(session: Session, row: Placement, stages) -> list[Placement]:
    return list(session.exec(select(Placement).where(
        Placement.applicant_id == row.applicant_id, Placement.id != row.id, Placement.stage.in_(stages))).all())


def advance(db, actor: Actor, placement_id, stage: str, *, on: date | None = None,
            expected_version: int | None = None, today: date | None = None) -> PlacementDetail:
    """Move a placement to its next ``stage`` on the date ``on`` (default today)."""
    require(actor, "placement.manage")
    day = today or clock.today()
    on = on or day
    with db.session() as session:
        row = _get(session, placement_id)
        if expected_version is not None and row.version != expected_version:
            raise ConcurrentEdit("changed_by_other")
        if row.stage in PLACEMENT_ENDS or row.stage == "departed":
            raise UserError("placement_closed", **_names(row.stage))
        expected = PLACEMENT_STAGES[PLACEMENT_STAGES.index(row.stage) + 1]
        if stage != expected:
            raise UserError("placement_next_stage", **_names(row.stage), **_names(expected, "next"))
        previous = getattr(row, f"{row.stage}_on")
        if on > day:
            raise ValidationError(FieldError("on", "date_in_future", {"value": _fmt(on)}))
        if previous is not None and on < previous:
            raise ValidationError(FieldError("on", "stage_date_order", {"value": _fmt(on), "previous": _fmt(previous),
                                                                        **_names(row.stage)}))
        order = session.get(JobOrder, row.job_order_id)
        applicant = session.get(Applicant, row.applicant_id)
        if stage == "proposed":
            if order.status != "open":
                raise UserError("order_not_open", order=order.order_number,
                                status_id=job_orders.ORDER_STATUS_NAMES[order.status][0],
                                status_en=job_orders.ORDER_STATUS_NAMES[order.status][1])
            job_orders.check_matchable(session, order, day)
            if applicant.status not in ("ready", "proposed"):
                names = pipeline.STATUS_NAMES.get(applicant.status, (applicant.status,) * 2)
                raise UserError("placement_not_ready", name=applicant.full_name, status_id=names[0], status_en=names[1])
        if stage == "selected":
            taken = _active_other(session, row, FROM_SELECTED)
            if taken:
                other = session.get(JobOrder, taken[0].job_order_id)
                raise UserError("placement_active_elsewhere", name=applicant.full_name, order=other.order_number)
            placed = session.exec(select(sa.func.count()).select_from(Placement).where(
                Placement.job_order_id == order.id, Placement.stage.in_(FROM_SELECTED))).one()
            if placed >= order.quota:
                raise UserError("quota_full", order=order.order_number, quota=order.quota)
        change = {"stage": [row.stage, stage], f"{stage}_on": [None, on]}
        row.stage = stage
        setattr(row, f"{stage}_on", on)
        if stage == "contract" and row.employment_contract_on is None:
            row.employment_contract_on = on
            change["employment_contract_on"] = [None, on]
        row.version += 1
        row.updated_at = utcnow()
        session.add(row)
        session.flush()
        audit.record(session, actor, "update", "placement", row.id, change)
        target = APPLICANT_STATUS_AT.get(stage)
        if target:
            pipeline.move(session, actor, applicant, target,
                          reason=f"penempatan {order.order_number}: {STAGE_NAMES[stage][0]}")
        if stage == "selected":
            for other in _active_other(session, row, BEFORE_SELECTED):
                _end(session, actor, other, "withdrawn", f"terpilih di lowongan {order.order_number}", on,
                     move_applicant=False)
            placed = session.exec(select(sa.func.count()).select_from(Placement).where(
                Placement.job_order_id == order.id, Placement.stage.in_(FROM_SELECTED))).one()
            if placed >= order.quota and order.status == "open":
                job_orders.change_status(session, actor, order, "filled", today=day,
                                         reason="kuota terpenuhi")
        return _detail(session, row)


def end(db, actor: Actor, placement_id, outcome: str, reason: str, *, on: date | None = None,
        expected_version: int | None = None, today: date | None = None) -> PlacementDetail:
    """``rejected`` (by the agency or employer) or ``withdrawn`` (by the applicant), with a reason.
    The applicant returns to ``ready`` unless another placement keeps them ``proposed``."""
    require(actor, "placement.manage")
    if outcome not in PLACEMENT_ENDS:
        raise ValidationError(FieldError("outcome", "invalid_choice", {"value": str(outcome)[:40]}))
    c = Collector()
    reason = c.text("reason", reason, max_len=500)
    if c.errors:
        raise ValidationError(c.errors)
    day = today or clock.today()
    on = on or day
    if on > day:
        raise ValidationError(FieldError("on", "date_in_future", {"value": _fmt(on)}))
    with db.session() as session:
        row = _get(session, placement_id)
        if expected_version is not None and row.version != expected_version:
            raise ConcurrentEdit("changed_by_other")
        if row.stage in PLACEMENT_ENDS or row.stage == "departed":
            raise UserError("placement_closed", **_names(row.stage))
        _end(session, actor, row, outcome, reason, on)
        return _detail(session, row)


def _end(session: Session, actor: Actor, row: Placement, outcome: str, reason: str, on: date,
         *, move_applicant: bool = True) -> None:
    was = row.stage
    row.stage, row.ended_on, row.end_reason = outcome, on, reason
    row.version += 1
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    audit.record(session, actor, "update", "placement", row.id, {
        "stage": [was, outcome], "ended_on": [None, on], "end_reason": [None, reason]})
    if not move_applicant or was == "shortlisted":
        return  # a shortlisted applicant's status never moved for this placement
    applicant = session.get(Applicant, row.applicant_id)
    if applicant.status not in ("proposed", "selected", "departing"):
        return  # shortlisted only: the applicant's status never moved
    others = _active_other(session, row, ("proposed", "interview", *FROM_SELECTED[:-1]))
    if any(o.stage in FROM_SELECTED for o in others):
        return
    target = "proposed" if others else "ready"
    order = session.get(JobOrder, row.job_order_id)
    pipeline.move(session, actor, applicant, target,
                  reason=f"penempatan {order.order_number}: {STAGE_NAMES[outcome][0]} ({reason})")


# --- funding ------------------------------------------------------------------------------------

def set_funding(db, actor: Actor, placement_id, data: FundingInput, *, expected_version: int | None = None,
                today: date | None = None) -> PlacementDetail:
    """The funding of a placement: the scheme (one the order accepts) and, for KUR PMI, the bank,
    the loan, its term, the NPWP and the dates the agreements were signed."""
    require(actor, "placement.manage")
    day = today or clock.today()
    c = Collector()
    v: dict[str, Any] = {}
    v["funding_scheme"] = c.choice("funding_scheme", data.funding_scheme, FUNDING_SCHEMES)
    kur = v["funding_scheme"] == "kur_pmi"
    v["kur_bank"] = c.choice("kur_bank", data.kur_bank, KUR_BANKS, required=False)
    if isinstance(data.loan_amount, float):
        c.add("loan_amount", "invalid_number")
        v["loan_amount"] = None
    else:
        v["loan_amount"] = c.integer("loan_amount", data.loan_amount, lo=0, hi=10 ** 12)
    v["loan_term_months"] = c.integer("loan_term_months", data.loan_term_months, lo=1, hi=120)
    npwp = c.text("npwp", data.npwp, max_len=30, required=False)
    if npwp:
        digits = re.sub(r"[.\-\s]", "", npwp)
        if not _NPWP.fullmatch(digits):
            c.add("npwp", "npwp_format", value=npwp)
        npwp = digits
    v["npwp"] = npwp
    for f in ("placement_agreement_on", "employment_contract_on"):
        v[f] = c.date(f, getattr(data, f), required=False)
        if v[f] and v[f] > day:
            c.add(f, "date_in_future", value=_fmt(v[f]))
    if not kur:
        for f in ("kur_bank", "loan_amount", "loan_term_months"):
            if v.get(f) is not None:
                c.add(f, "kur_only")
    if c.errors:
        raise ValidationError(c.errors)
    with db.session() as session:
        row = _get(session, placement_id)
        if expected_version is not None and row.version != expected_version:
            raise ConcurrentEdit("changed_by_other")
        order = session.get(JobOrder, row.job_order_id)
        accepted = [x for x in order.funding_schemes.split(",") if x]
        if accepted and v["funding_scheme"] not in accepted:
            scheme = reference.funding_schemes().get(v["funding_scheme"])
            raise ValidationError(FieldError("funding_scheme", "funding_not_accepted", {
                "order": order.order_number, "scheme_id": scheme.name_id if scheme else v["funding_scheme"],
                "scheme_en": scheme.name_en if scheme else v["funding_scheme"]}))
        changes = audit.diff({k: getattr(row, k) for k in v}, v)
        if changes:
            for k, val in v.items():
                setattr(row, k, val)
            row.version += 1
            row.updated_at = utcnow()
            session.add(row)
            session.flush()
            audit.record(session, actor, "update", "placement", row.id, changes)
        return _detail(session, row)


def kur_precheck(db, actor: Actor, placement_id) -> list[FieldError]:
    """What a KUR PMI application for this placement still lacks (empty: ready to submit)."""
    from app.core.nik import nik_errors
    from app.core.registration import is_anonymised

    require(actor, "placement.view")
    with db.session(write=False) as session:
        row = _get(session, placement_id)
        applicant = session.get(Applicant, row.applicant_id)
        order = session.get(JobOrder, row.job_order_id)
        out: list[FieldError] = []
        if row.funding_scheme != "kur_pmi":
            out.append(FieldError("funding_scheme", "kur_not_chosen"))
        if is_anonymised(applicant.nik) or nik_errors(applicant.nik):
            out.append(FieldError("nik", "kur_nik"))
        if row.kur_bank is None:
            out.append(FieldError("kur_bank", "kur_bank_missing"))
        if row.placement_agreement_on is None:
            out.append(FieldError("placement_agreement_on", "kur_placement_agreement"))
        if row.employment_contract_on is None:
            out.append(FieldError("employment_contract_on", "kur_employment_contract"))
        if row.loan_amount is None:
            out.append(FieldError("loan_amount", "kur_loan_missing"))
        else:
            if row.loan_amount > KUR_MAX_LOAN:
                out.append(FieldError("loan_amount", "kur_loan_limit", {"max": "Rp100 juta"}))
            if row.loan_amount > KUR_NPWP_ABOVE and not row.npwp:
                out.append(FieldError("npwp", "kur_npwp", {"above": "Rp50 juta"}))
        if row.loan_term_months is None:
            out.append(FieldError("loan_term_months", "kur_term_missing"))
        else:
            if row.loan_term_months > order.contract_months:
                out.append(FieldError("loan_term_months", "kur_term_contract", {
                    "term": row.loan_term_months, "contract": order.contract_months}))
            if row.loan_term_months > KUR_MAX_TERM_MONTHS:
                out.append(FieldError("loan_term_months", "kur_term_max", {"max": KUR_MAX_TERM_MONTHS}))
        return out


# --- lists --------------------------------------------------------------------------------------

def get_placement(db, actor: Actor, placement_id) -> PlacementDetail:
    require(actor, "placement.view")
    with db.session(write=False) as session:
        return _detail(session, _get(session, placement_id))


def list_placements(db, actor: Actor, *, order_ref=None, applicant_id=None, stages=None,
                    limit: int = 5000) -> list[PlacementDetail]:
    """Placements, latest first, of one order, one applicant, or in the given stages."""
    require(actor, "placement.view")
    with db.session(write=False) as session:
        q = select(Placement, JobOrder, Applicant).join(JobOrder, JobOrder.id == Placement.job_order_id).join(
            Applicant, Applicant.id == Placement.applicant_id)
        if order_ref is not None:
            q = q.where(Placement.job_order_id == job_orders.find_order(session, order_ref).id)
        if applicant_id is not None:
            q = q.where(Placement.applicant_id == _uuid(applicant_id, "applicant_not_found"))
        if stages:
            q = q.where(Placement.stage.in_(list(stages)))
        rows = session.exec(q.order_by(Placement.updated_at.desc()).limit(limit)).all()
        out = []
        for p, o, a in rows:
            values = {f.name: getattr(p, f.name) for f in dataclasses.fields(PlacementDetail)
                      if hasattr(Placement, f.name) and f.name != "score_parts"}
            out.append(PlacementDetail(**values, order_number=o.order_number, employer=o.employer, country=o.country,
                                       position=o.position, contract_months=o.contract_months,
                                       registration_number=a.registration_number, full_name=a.full_name,
                                       applicant_status=a.status, score_parts=json.loads(p.score_parts or "{}")))
        return out


def board(db, actor: Actor, *, order_ref=None) -> dict[str, list[PlacementDetail]]:
    """Placements by stage (every stage a key, in order, then the ends)."""
    out: dict[str, list[PlacementDetail]] = {s: [] for s in (*PLACEMENT_STAGES, *PLACEMENT_ENDS)}
    for p in list_placements(db, actor, order_ref=order_ref):
        out[p.stage].append(p)
    return out
