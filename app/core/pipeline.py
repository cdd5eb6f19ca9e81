"""The applicant pipeline: which status may follow which, and what must be true before a move.

``registered → documents → training → ready → proposed → selected → departing → departed →
returned``, with ``withdrawn`` and ``ineligible`` as exits. Every area that moves an applicant
(the status menu, training enrolment and completion, placements) calls ``move`` inside its own
transaction, so the rules and the audit entry are the same whoever moves them.

Guards are the rules other areas add ("required documents verified before departing"): a target
status maps to functions ``fn(session, applicant) -> list[FieldError]``; each returned error is a
reason the move is refused. They are named as ``"module:function"`` and imported when first used,
so this module imports none of the areas that depend on it.
"""

from __future__ import annotations

import importlib
from typing import Callable

from app.core import audit
from app.core.actor import Actor
from app.core.errors import FieldError, UserError, ValidationError
from app.core.messages import render
from app.models import STATUSES, Applicant, utcnow

_EXITS = {"withdrawn", "ineligible"}

# status → the statuses it may move to. Backward moves exist where real life goes back (a rejected
# proposal returns the candidate to `ready`; a dropped trainee to `documents`).
TRANSITIONS: dict[str, frozenset[str]] = {
    "registered": frozenset({"documents", "training", "ready"} | _EXITS),
    "documents": frozenset({"registered", "training", "ready"} | _EXITS),
    "training": frozenset({"registered", "documents", "ready"} | _EXITS),
    "ready": frozenset({"documents", "training", "proposed"} | _EXITS),
    "proposed": frozenset({"ready", "selected"} | _EXITS),
    "selected": frozenset({"ready", "proposed", "departing"} | _EXITS),
    "departing": frozenset({"ready", "selected", "departed"} | _EXITS),
    "departed": frozenset({"returned"}),
    "returned": frozenset({"registered", "documents", "training", "ready", "withdrawn"}),
    "withdrawn": frozenset({"registered"}),
    "ineligible": frozenset({"registered"}),
}
assert set(TRANSITIONS) == set(STATUSES) and all(t <= set(STATUSES) for t in TRANSITIONS.values())

# status → (Indonesian, English) name, for messages of the domain layer (the GUI has its own tr()).
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "registered": ("Terdaftar", "Registered"),
    "documents": ("Melengkapi dokumen", "Collecting documents"),
    "training": ("Pelatihan", "In training"),
    "ready": ("Siap ditempatkan", "Ready for placement"),
    "proposed": ("Diusulkan", "Proposed"),
    "selected": ("Terpilih", "Selected"),
    "departing": ("Persiapan berangkat", "Preparing to depart"),
    "departed": ("Berangkat", "Departed"),
    "returned": ("Kembali", "Returned"),
    "withdrawn": ("Mengundurkan diri", "Withdrawn"),
    "ineligible": ("Tidak memenuhi syarat", "Ineligible"),
}


def _names(from_status: str, to_status: str) -> dict[str, str]:
    f, t = STATUS_NAMES.get(from_status, (from_status,) * 2), STATUS_NAMES.get(to_status, (to_status,) * 2)
    return {"from_status_id": f[0], "from_status_en": f[1], "to_status_id": t[0], "to_status_en": t[1]}


# target status → guard functions "module:function" (see the module docstring).
GUARDS: dict[str, list[str]] = {
    "departing": ["app.core.documents:departure_blockers"],  # required documents verified, none expiring
    # into `ready` from before it (not back from a placement): documents of registration and placement held
    "ready": ["app.core.documents:ready_blockers"],
}

_resolved: dict[str, Callable] = {}


class TransitionBlocked(UserError):
    """A move the rules allow in general but this applicant does not meet yet (reasons listed)."""

    def __init__(self, from_status: str, to_status: str, reasons: list[FieldError]):
        self.reasons = list(reasons)
        super().__init__("status_blocked", **_names(from_status, to_status))

    @property
    def message(self) -> str:
        head = render("status_blocked", "id", **self.params)
        return head + "".join(f"\n• {r.message}" for r in getattr(self, "reasons", []))

    @property
    def message_en(self) -> str:
        head = render("status_blocked", "en", **self.params)
        return head + "".join(f"\n• {r.message_en}" for r in getattr(self, "reasons", []))


def allowed_next(status: str) -> frozenset[str]:
    return TRANSITIONS.get(status, frozenset())


def _guard(name: str) -> Callable:
    fn = _resolved.get(name)
    if fn is None:
        module, _, attr = name.partition(":")
        fn = _resolved[name] = getattr(importlib.import_module(module), attr)
    return fn


def blockers(session, applicant: Applicant, to_status: str) -> list[FieldError]:
    """Reasons the guards give against moving ``applicant`` to ``to_status`` (empty: none)."""
    out: list[FieldError] = []
    for name in GUARDS.get(to_status, ()):
        out.extend(_guard(name)(session, applicant))
    return out


def check(session, applicant: Applicant, to_status: str) -> None:
    """Raise if ``applicant`` may not move to ``to_status`` now (unknown, not a next step, or guarded)."""
    if to_status not in STATUSES:
        raise ValidationError(FieldError("status", "status_unknown", {"value": to_status}))
    if to_status == applicant.status:
        return
    if to_status not in allowed_next(applicant.status):
        raise ValidationError(FieldError("status", "status_transition", _names(applicant.status, to_status)))
    reasons = blockers(session, applicant, to_status)
    if reasons:
        raise TransitionBlocked(applicant.status, to_status, reasons)


def move(session, actor: Actor, applicant: Applicant, to_status: str, *, reason: str | None = None) -> bool:
    """Move ``applicant`` to ``to_status`` in the caller's transaction, audited. False if already there.

    The caller checks the actor's permission for its own action (enrolment, placement, status menu).
    """
    check(session, applicant, to_status)
    if applicant.status == to_status:
        return False
    change: dict = {"status": [applicant.status, to_status]}
    if reason:
        change["reason"] = [None, reason]
    audit.record(session, actor, "update", "applicant", applicant.id, change)
    applicant.status = to_status
    applicant.version += 1
    applicant.updated_at = utcnow()
    session.add(applicant)
    session.flush()
    return True
