"""Language training: batches of 3 to 8 months, sessions from a weekly schedule, enrolment,
attendance marks, test scores, the figures a supervisor watches, and completion.

Rules (each one tested in tests/test_training*.py):

- A batch lasts 3 to 8 whole months from its start date (the end date is the day before the same
  day of the month ``duration_months`` later). Its sessions are generated from the weekly schedule
  (ISO weekdays 1 = Monday … 7 = Sunday) between start and end, skipping the office's closed days
  (the ``holiday`` table admins maintain). Sessions can then be added, moved or cancelled, each
  with a reason. While no attendance is recorded, editing the schedule regenerates the sessions;
  afterwards the schedule is locked and only single sessions change.
- Enrolment: an applicant whose pipeline status may move to ``training`` (registered, documents,
  ready, returned), the batch not finished and not full, and no other *active* batch of the same
  language. The applicant moves to ``training``.
- Attendance: ``H`` hadir, ``S`` sakit, ``I`` izin, ``A`` alpa, one per candidate per session,
  only for a held session (not cancelled, not in the future) and an active candidate.
- Figures: the attendance rate is ``H`` over the marked sessions (sick and excused count as not
  attended: the minimum is about the hours of class a candidate really had). Consecutive absences
  are the current run of meetings without ``H``. A candidate is at risk when the rate is below the
  batch minimum (once 4 meetings are marked) or the run reaches 3. The trend compares the last 8 marked meetings with the
  ones before (±10 points).
- Completion: ``graduated`` needs a final test score at or above the batch's pass mark and a rate
  at or above the minimum; it then moves the applicant to ``ready`` if the pipeline's guards (the
  documents) allow it, otherwise the applicant stays in ``training`` with the reasons reported.
  ``failed`` and ``dropped`` need a reason and send the applicant back to where they were before
  (``registered`` or ``documents``; ``documents`` when they came from elsewhere).

Who: ``training.view`` / ``training.mark`` (trainer, supervisor, admin); a trainer only sees and
marks the batches they teach. ``training.manage`` (supervisor, admin): batches, holidays,
enrolment and completion.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable

import sqlalchemy as sa
from sqlmodel import Session, select

from app.core import audit, clock, pipeline, reference
from app.core.actor import Actor
from app.core.errors import ConcurrentEdit, FieldError, NotFound, UserError, ValidationError
from app.core.permissions import allowed, require
from app.core.validation import Collector
from app.models import (MARKS, SCORE_KINDS, Applicant, Holiday, TrainingAttendance, TrainingBatch,
                        TrainingEnrolment, TrainingScore, TrainingSession, User, utcnow)

MIN_MONTHS, MAX_MONTHS = 3, 8
DEFAULT_MIN_ATTENDANCE = 80
DEFAULT_PASS_MARK = 70
RISK_STREAK = 3
RISK_MIN_MARKED = 4
TREND_WINDOW = 8
TREND_DELTA = 10.0
ENROLLABLE = ("registered", "documents", "ready", "returned")
COMPLETION_RESULTS = ("graduated", "failed", "dropped")
RESULT_NAMES = {"active": ("Aktif", "Active"), "graduated": ("Lulus", "Graduated"),
                "failed": ("Tidak lulus", "Failed"), "dropped": ("Mengundurkan diri", "Dropped out")}
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

BATCH_FIELDS = ("code", "language_code", "target_level", "provider", "venue", "trainer_username",
                "start_date", "duration_months", "schedule_days", "start_time", "end_time", "capacity",
                "min_attendance", "pass_mark", "funding_scheme", "notes")
SCHEDULE_FIELDS = ("start_date", "duration_months", "schedule_days", "start_time", "end_time")


# --- plain values handed out ------------------------------------------------------------------

@dataclass
class BatchInput:
    """What the form or a script gives; loose types, checked by ``validate_batch``."""

    code: Any = ""
    language_code: Any = ""
    target_level: Any = ""
    provider: Any = ""
    venue: Any = ""
    trainer_username: Any = ""
    start_date: Any = None
    duration_months: Any = None
    schedule_days: Any = ""
    start_time: Any = "08:00"
    end_time: Any = "12:00"
    capacity: Any = 30
    min_attendance: Any = DEFAULT_MIN_ATTENDANCE
    pass_mark: Any = DEFAULT_PASS_MARK
    funding_scheme: Any = None
    notes: Any = None


@dataclass
class BatchInfo:
    id: uuid.UUID
    version: int
    code: str
    language_code: str
    target_level: str
    provider: str
    venue: str
    trainer_username: str
    start_date: date
    duration_months: int
    end_date: date
    schedule_days: tuple[int, ...]
    start_time: str
    end_time: str
    capacity: int
    min_attendance: int
    pass_mark: int
    funding_scheme: str | None
    notes: str | None
    enrolled: int = 0  # active candidates
    sessions: int = 0  # scheduled (not cancelled)
    trainer_name: str = ""
    participants: int = 0  # every enrolment, whatever its result

    @property
    def language_name(self) -> str:
        lang = reference.languages().get(self.language_code)
        return lang.name_id if lang else self.language_code

    def state(self, today: date | None = None) -> str:
        today = today or clock.today()
        if today < self.start_date:
            return "planned"
        if today > self.end_date:
            return "finished"
        return "running"

    @property
    def schedule_text(self) -> str:
        days = ", ".join(WEEKDAYS_ID[d - 1] for d in self.schedule_days)
        return f"{days}, {self.start_time}–{self.end_time} WIB"

    def to_input(self) -> BatchInput:
        return BatchInput(**{f: getattr(self, f) for f in BATCH_FIELDS if f != "schedule_days"},
                          schedule_days=list(self.schedule_days))

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["id"] = str(self.id)
        out["schedule_days"] = list(self.schedule_days)
        for k in ("start_date", "end_date"):
            out[k] = out[k].isoformat()
        out["language_name"] = self.language_name
        out["state"] = self.state()
        return out


@dataclass
class SessionInfo:
    id: uuid.UUID
    number: int  # 1… among the scheduled sessions, by date; 0 for a cancelled one
    day: date
    start_time: str
    end_time: str
    state: str
    moved_from: date | None
    reason: str | None
    added: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": str(self.id), "number": self.number, "day": self.day.isoformat(),
                "start_time": self.start_time, "end_time": self.end_time, "state": self.state,
                "moved_from": self.moved_from.isoformat() if self.moved_from else None,
                "reason": self.reason, "added": self.added}


@dataclass
class Figures:
    """Attendance figures of one candidate over the marked sessions, oldest first."""

    present: int = 0
    sick: int = 0
    excused: int = 0
    absent: int = 0
    streak: int = 0  # current run of meetings without H
    longest_streak: int = 0
    trend: str | None = None  # "up" | "down" | "flat" | None (too few meetings)

    @property
    def marked(self) -> int:
        return self.present + self.sick + self.excused + self.absent

    @property
    def rate(self) -> float | None:
        return round(100.0 * self.present / self.marked, 1) if self.marked else None


@dataclass
class CandidateRow:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    result: str
    result_reason: str | None
    figures: Figures
    latest_score: int | None = None
    final_score: int | None = None
    risks: list[str] = field(default_factory=list)  # "below_minimum", "absent_streak"

    def to_dict(self) -> dict[str, Any]:
        f = self.figures
        return {"applicant_id": str(self.applicant_id), "registration_number": self.registration_number,
                "full_name": self.full_name, "result": self.result, "result_reason": self.result_reason,
                "present": f.present, "sick": f.sick, "excused": f.excused, "absent": f.absent,
                "marked": f.marked, "rate": f.rate, "consecutive_absences": f.streak,
                "longest_absence_run": f.longest_streak, "trend": f.trend,
                "latest_score": self.latest_score, "final_score": self.final_score, "at_risk": self.risks}


@dataclass
class BatchAttendance:
    batch: BatchInfo
    sessions: list[SessionInfo]  # scheduled and cancelled, by date
    candidates: list[CandidateRow]  # by name
    marks: list[list[str | None]]  # candidates × sessions

    @property
    def rate(self) -> float | None:
        present = sum(c.figures.present for c in self.candidates)
        marked = sum(c.figures.marked for c in self.candidates)
        return round(100.0 * present / marked, 1) if marked else None

    @property
    def trend(self) -> str | None:
        """The batch's attendance over its last 8 marked meetings against the ones before."""
        rates = []
        for j, s in enumerate(self.sessions):
            marks = [row[j] for row in self.marks if row[j]]
            if s.state == "scheduled" and marks:
                rates.append(marks.count("H") / len(marks))
        if len(rates) < TREND_WINDOW + TREND_WINDOW // 2:
            return None
        recent, earlier = rates[-TREND_WINDOW:], rates[:-TREND_WINDOW]
        delta = 100.0 * (sum(recent) / len(recent) - sum(earlier) / len(earlier))
        return "up" if delta >= TREND_DELTA else "down" if delta <= -TREND_DELTA else "flat"

    @property
    def at_risk(self) -> int:
        return sum(1 for c in self.candidates if c.risks)

    def to_dict(self) -> dict[str, Any]:
        return {"batch": self.batch.to_dict(), "rate": self.rate, "trend": self.trend, "at_risk": self.at_risk,
                "sessions": [s.to_dict() for s in self.sessions],
                "candidates": [dict(c.to_dict(), marks=self.marks[i]) for i, c in enumerate(self.candidates)]}


@dataclass(frozen=True)
class MarkChange:
    session_id: uuid.UUID
    applicant_id: uuid.UUID
    mark: str | None  # None clears the mark


@dataclass(frozen=True)
class AttendanceSummary:
    present: int
    marked: int
    latest_score: int | None

    @property
    def rate(self) -> float | None:
        return round(100.0 * self.present / self.marked, 1) if self.marked else None


@dataclass
class AtRisk:
    batch_id: uuid.UUID
    batch_code: str
    language_code: str
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    rate: float | None
    streak: int
    min_attendance: int
    reasons: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"batch_id": str(self.batch_id), "batch_code": self.batch_code,
                "language_code": self.language_code, "applicant_id": str(self.applicant_id),
                "registration_number": self.registration_number, "full_name": self.full_name,
                "rate": self.rate, "consecutive_absences": self.streak,
                "min_attendance": self.min_attendance, "reasons": self.reasons}


@dataclass
class ScoreInfo:
    id: uuid.UUID
    applicant_id: uuid.UUID
    kind: str
    title: str
    test_date: date
    score: int


@dataclass
class CompletionCheck:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    result: str
    rate: float | None
    final_score: int | None
    reasons: list[FieldError]  # why ``graduated`` is not possible (empty: it is)

    @property
    def eligible(self) -> bool:
        return not self.reasons


@dataclass
class CompletionResult:
    applicant_id: uuid.UUID
    result: str
    applicant_status: str
    blocked: list[FieldError]  # graduated but the move to ``ready`` was refused (documents…)


@dataclass
class HolidayInfo:
    id: uuid.UUID
    day: date
    name: str
    source: str | None
    sessions_on_day: int = 0  # scheduled sessions of any batch on that day


# --- pure rules ---------------------------------------------------------------------------------

def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def end_date_of(start: date, months: int) -> date:
    return add_months(start, months) - timedelta(days=1)


def schedule_dates(start: date, end: date, weekdays: Iterable[int], closed: Iterable[date] = ()) -> list[date]:
    """Every date from ``start`` to ``end`` (inclusive) on one of ``weekdays`` (ISO) not ``closed``."""
    wanted = set(weekdays)
    shut = set(closed)
    out = []
    day = start
    while day <= end:
        if day.isoweekday() in wanted and day not in shut:
            out.append(day)
        day += timedelta(days=1)
    return out


def parse_weekdays(value: Any) -> tuple[int, ...] | None:
    """``[1, 3, 5]``, ``"135"`` or ``"1,3,5"`` → ``(1, 3, 5)``; None when not weekdays."""
    if isinstance(value, str):
        items = [ch for ch in value if ch not in ", "]
    elif isinstance(value, (list, tuple, set)):
        items = list(value)
    else:
        return None
    out = set()
    for item in items:
        try:
            number = int(item)
        except (TypeError, ValueError):
            return None
        if isinstance(item, bool) or not 1 <= number <= 7:
            return None
        out.add(number)
    return tuple(sorted(out))


def _time(c: Collector, name: str, value: Any) -> str | None:
    text = c.text(name, value, max_len=5)
    if text is None:
        return None
    parts = text.replace(".", ":").split(":")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        h, m = int(parts[0]), int(parts[1])
        if 0 <= h <= 23 and 0 <= m <= 59:
            return f"{h:02d}:{m:02d}"
    c.add(name, "time_format", value=text)
    return None


def figures_of(marks: Iterable[str | None]) -> Figures:
    """Figures over one candidate's marks in session order (None: not marked, skipped)."""
    f = Figures()
    seq = [m for m in marks if m]
    run = 0
    for m in seq:
        if m == "H":
            f.present += 1
            run = 0
        else:
            if m == "S":
                f.sick += 1
            elif m == "I":
                f.excused += 1
            else:
                f.absent += 1
            run += 1
            f.longest_streak = max(f.longest_streak, run)
    f.streak = run
    if len(seq) >= TREND_WINDOW + TREND_WINDOW // 2:  # at least 4 meetings before the window
        recent, earlier = seq[-TREND_WINDOW:], seq[:-TREND_WINDOW]
        delta = 100.0 * (recent.count("H") / len(recent) - earlier.count("H") / len(earlier))
        f.trend = "up" if delta >= TREND_DELTA else "down" if delta <= -TREND_DELTA else "flat"
    return f


def risks_of(f: Figures, min_attendance: int) -> list[str]:
    out = []
    # The rate says little over the first few meetings (one sick day is 0 %): it counts from the
    # RISK_MIN_MARKED-th marked meeting; the run of absences counts from the start.
    if f.rate is not None and f.marked >= RISK_MIN_MARKED and f.rate < min_attendance:
        out.append("below_minimum")
    if f.streak >= RISK_STREAK:
        out.append("absent_streak")
    return out


def validate_batch(data: BatchInput) -> dict[str, Any]:
    """Check every field of a batch; raise ``ValidationError`` with all problems, or return values."""
    c = Collector()
    v: dict[str, Any] = {}
    v["code"] = c.text("code", data.code, max_len=32)
    v["language_code"] = c.choice("language_code", data.language_code, reference.languages())
    v["target_level"] = c.text("target_level", data.target_level, max_len=40)
    v["provider"] = c.text("provider", data.provider, max_len=120)
    v["venue"] = c.text("venue", data.venue, max_len=200)
    v["trainer_username"] = c.text("trainer_username", data.trainer_username, max_len=32)
    v["start_date"] = c.date("start_date", data.start_date)
    months = data.duration_months
    if months is None or (isinstance(months, str) and not months.strip()):
        c.add("duration_months", "required")
        v["duration_months"] = None
    else:
        try:
            number = int(str(months).strip()) if not isinstance(months, int) or isinstance(months, bool) else months
        except ValueError:
            number = None
        if number is None or isinstance(months, bool):
            c.add("duration_months", "invalid_number")
        elif not MIN_MONTHS <= number <= MAX_MONTHS:
            c.add("duration_months", "duration_range", value=number, min=MIN_MONTHS, max=MAX_MONTHS)
            number = None
        v["duration_months"] = number
    days = parse_weekdays(data.schedule_days)
    if not days:
        c.add("schedule_days", "schedule_days_required")
    v["schedule_days"] = "".join(str(d) for d in days or ())
    v["start_time"] = _time(c, "start_time", data.start_time)
    v["end_time"] = _time(c, "end_time", data.end_time)
    if v["start_time"] and v["end_time"] and v["end_time"] <= v["start_time"]:
        c.add("end_time", "time_order")
    v["capacity"] = c.integer("capacity", data.capacity, lo=1, hi=200, required=True)
    v["min_attendance"] = c.integer("min_attendance", data.min_attendance, lo=50, hi=100, required=True)
    v["pass_mark"] = c.integer("pass_mark", data.pass_mark, lo=1, hi=100, required=True)
    v["funding_scheme"] = c.choice("funding_scheme", data.funding_scheme, reference.funding_schemes(),
                                   required=False)
    v["notes"] = c.text("notes", data.notes, max_len=1000, required=False, multiline=True)
    if v["start_date"] and v["duration_months"]:
        v["end_date"] = end_date_of(v["start_date"], v["duration_months"])
    if c.errors:
        raise ValidationError(c.errors)
    return v


# --- helpers used inside services (never commit) -------------------------------------------------

def _uuid(value: uuid.UUID | str, code: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound(code) from None


def _batch_info(row: TrainingBatch, enrolled: int = 0, sessions: int = 0, trainer_name: str = "",
                participants: int = 0) -> BatchInfo:
    return BatchInfo(
        id=row.id, version=row.version, code=row.code, language_code=row.language_code,
        target_level=row.target_level, provider=row.provider, venue=row.venue,
        trainer_username=row.trainer_username, start_date=row.start_date,
        duration_months=row.duration_months, end_date=row.end_date,
        schedule_days=tuple(int(d) for d in row.schedule_days), start_time=row.start_time,
        end_time=row.end_time, capacity=row.capacity, min_attendance=row.min_attendance,
        pass_mark=row.pass_mark, funding_scheme=row.funding_scheme, notes=row.notes,
        enrolled=enrolled, sessions=sessions, trainer_name=trainer_name, participants=participants)


def _may_see_all(actor: Actor) -> bool:
    return allowed(actor.role, "training.manage")


def _batch_for(session: Session, actor: Actor, batch_id: uuid.UUID | str) -> TrainingBatch:
    """The batch, if the actor may work with it (a trainer: only the batches they teach)."""
    row = session.get(TrainingBatch, _uuid(batch_id, "batch_not_found"))
    if row is None:
        raise NotFound("batch_not_found")
    if not _may_see_all(actor) and row.trainer_username != actor.username:
        raise UserError("batch_not_assigned", batch=row.code)
    return row


def closed_days(session: Session, start: date, end: date) -> set[date]:
    return set(session.exec(select(Holiday.day).where(Holiday.day >= start, Holiday.day <= end)).all())


def _counts(session: Session, batch_ids: list[uuid.UUID]) -> tuple[dict, dict]:
    enrolled, sessions, _all = _counts3(session, batch_ids)
    return enrolled, sessions


def _counts3(session: Session, batch_ids: list[uuid.UUID]) -> tuple[dict, dict, dict]:
    """Per batch: active candidates, scheduled sessions, all enrolments."""
    if not batch_ids:
        return {}, {}, {}
    enrolled: dict = {}
    everyone: dict = {}
    for bid, active, n in session.exec(
            select(TrainingEnrolment.batch_id,
                   sa.func.sum(sa.case((TrainingEnrolment.result == "active", 1), else_=0)), sa.func.count())
            .where(TrainingEnrolment.batch_id.in_(batch_ids)).group_by(TrainingEnrolment.batch_id)).all():
        enrolled[bid], everyone[bid] = int(active or 0), n
    sessions = dict(session.exec(
        select(TrainingSession.batch_id, sa.func.count()).where(
            TrainingSession.batch_id.in_(batch_ids), TrainingSession.state == "scheduled")
        .group_by(TrainingSession.batch_id)).all())
    return enrolled, sessions, everyone


def _info(session: Session, row: TrainingBatch) -> BatchInfo:
    enrolled, sessions, everyone = _counts3(session, [row.id])
    name = session.exec(select(User.full_name).where(User.username == row.trainer_username)).first() or ""
    return _batch_info(row, enrolled.get(row.id, 0), sessions.get(row.id, 0), name, everyone.get(row.id, 0))


def _has_marks(session: Session, batch_id: uuid.UUID) -> bool:
    return session.exec(select(TrainingAttendance.id).where(TrainingAttendance.batch_id == batch_id).limit(1)).first() is not None


def _generate_sessions(session: Session, row: TrainingBatch, office: str) -> int:
    days = schedule_dates(row.start_date, row.end_date, [int(d) for d in row.schedule_days],
                          closed_days(session, row.start_date, row.end_date))
    now = utcnow()
    if days:
        session.execute(sa.insert(TrainingSession), [dict(
            id=uuid.uuid4(), created_at=now, updated_at=now, origin_office=office, version=1,
            batch_id=row.id, day=d, start_time=row.start_time, end_time=row.end_time, state="scheduled",
            moved_from=None, reason=None, added=False) for d in days])
    return len(days)


def _check_trainer(session: Session, username: str | None) -> None:
    if not username:
        return
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None or not user.active or user.role not in ("trainer", "supervisor", "admin"):
        raise ValidationError(FieldError("trainer_username", "trainer_unknown", {"value": username}))


def _check_code_free(session: Session, code: str, exclude: uuid.UUID | None = None) -> None:
    other = session.exec(select(TrainingBatch.id).where(TrainingBatch.code == code)).first()
    if other is not None and other != exclude:
        raise ValidationError(FieldError("code", "batch_code_taken", {"value": code}))


# --- batches ------------------------------------------------------------------------------------

def create_batch(db, actor: Actor, data: BatchInput) -> BatchInfo:
    """Create a batch and generate its sessions from the schedule, skipping closed days."""
    require(actor, "training.manage")
    values = validate_batch(data)
    with db.session() as session:
        _check_code_free(session, values["code"])
        _check_trainer(session, values["trainer_username"])
        row = TrainingBatch(**values, origin_office=actor.office_code)
        session.add(row)
        session.flush()
        count = _generate_sessions(session, row, actor.office_code)
        if count == 0:
            raise ValidationError(FieldError("schedule_days", "schedule_empty"))
        audit.record(session, actor, "create", "training_batch", row.id,
                     {k: [None, v] for k, v in values.items()} | {"sessions": [None, count]})
        return _info(session, row)


def update_batch(db, actor: Actor, batch_id: uuid.UUID | str, data: BatchInput, *,
                 expected_version: int) -> BatchInfo:
    """Save an edit. A schedule change regenerates the sessions while nothing is marked yet."""
    require(actor, "training.manage")
    values = validate_batch(data)
    with db.session() as session:
        row = _batch_for(session, actor, batch_id)
        if row.version != expected_version:
            raise ConcurrentEdit("changed_by_other")
        _check_code_free(session, values["code"], exclude=row.id)
        _check_trainer(session, values["trainer_username"])
        old = {k: getattr(row, k) for k in values}
        changes = audit.diff(old, values)
        if not changes:
            return _info(session, row)
        if values["language_code"] != row.language_code and session.exec(
                select(TrainingEnrolment.id).where(TrainingEnrolment.batch_id == row.id).limit(1)).first():
            raise ValidationError(FieldError("language_code", "batch_language_locked"))
        enrolled, _ = _counts(session, [row.id])
        if values["capacity"] < enrolled.get(row.id, 0):
            raise ValidationError(FieldError("capacity", "capacity_below_enrolled",
                                             {"enrolled": enrolled.get(row.id, 0)}))
        regenerate = any(k in changes for k in SCHEDULE_FIELDS + ("end_date",))
        if regenerate and _has_marks(session, row.id):
            raise ValidationError(FieldError("schedule_days", "schedule_locked"))
        for k, v in values.items():
            setattr(row, k, v)
        row.version += 1
        row.updated_at = utcnow()
        session.add(row)
        session.flush()
        if regenerate:
            session.execute(sa.delete(TrainingSession).where(TrainingSession.batch_id == row.id))
            count = _generate_sessions(session, row, actor.office_code)
            if count == 0:
                raise ValidationError(FieldError("schedule_days", "schedule_empty"))
            changes["sessions"] = [None, count]
        audit.record(session, actor, "update", "training_batch", row.id, changes)
        return _info(session, row)


def get_batch(db, actor: Actor, batch_id: uuid.UUID | str) -> BatchInfo:
    require(actor, "training.view")
    with db.session(write=False) as session:
        return _info(session, _batch_for(session, actor, batch_id))


def batch_id_by_code(db, actor: Actor, code: str) -> uuid.UUID:
    """The id of the batch with this code (or this id), if the actor may see it."""
    require(actor, "training.view")
    with db.session(write=False) as session:
        row = session.exec(select(TrainingBatch).where(TrainingBatch.code == str(code).strip())).first()
        if row is None:
            try:
                row = session.get(TrainingBatch, uuid.UUID(str(code)))
            except ValueError:
                row = None
        if row is None:
            raise NotFound("batch_not_found")
        return _batch_for(session, actor, row.id).id


def list_batches(db, actor: Actor, *, language_code: str | None = None) -> list[BatchInfo]:
    """Batches the actor may see (a trainer: the ones they teach), newest start first."""
    require(actor, "training.view")
    with db.session(write=False) as session:
        q = select(TrainingBatch)
        if not _may_see_all(actor):
            q = q.where(TrainingBatch.trainer_username == actor.username)
        if language_code:
            q = q.where(TrainingBatch.language_code == language_code)
        rows = session.exec(q.order_by(TrainingBatch.start_date.desc(), TrainingBatch.code)).all()
        enrolled, sessions, everyone = _counts3(session, [r.id for r in rows])
        names = dict(session.exec(select(User.username, User.full_name)).all())
        return [_batch_info(r, enrolled.get(r.id, 0), sessions.get(r.id, 0), names.get(r.trainer_username, ""),
                            everyone.get(r.id, 0)) for r in rows]


def trainers(db, actor: Actor) -> list[tuple[str, str]]:
    """(username, full name) of active users who can teach (role trainer), for the batch form."""
    require(actor, "training.manage")
    with db.session(write=False) as session:
        return [tuple(r) for r in session.exec(
            select(User.username, User.full_name).where(User.role == "trainer", User.active == True)  # noqa: E712
            .order_by(User.full_name)).all()]


# --- sessions -----------------------------------------------------------------------------------

def _session_infos(rows) -> list[SessionInfo]:
    out, n = [], 0
    for r in rows:
        if r.state == "scheduled":
            n += 1
        out.append(SessionInfo(r.id, n if r.state == "scheduled" else 0, r.day, r.start_time, r.end_time,
                               r.state, r.moved_from, r.reason, r.added))
    return out


def list_sessions(db, actor: Actor, batch_id: uuid.UUID | str) -> list[SessionInfo]:
    require(actor, "training.view")
    with db.session(write=False) as session:
        row = _batch_for(session, actor, batch_id)
        return _session_infos(session.exec(select(TrainingSession).where(TrainingSession.batch_id == row.id)
                                           .order_by(TrainingSession.day)).all())


def _reason(value: Any) -> str:
    c = Collector()
    text = c.text("reason", value, max_len=300)
    if c.errors:
        raise ValidationError(c.errors)
    return text


def _session_for(session: Session, actor: Actor, session_id) -> tuple[TrainingSession, TrainingBatch]:
    srow = session.get(TrainingSession, _uuid(session_id, "session_not_found"))
    if srow is None:
        raise NotFound("session_not_found")
    return srow, _batch_for(session, actor, srow.batch_id)


def _check_free_day(session: Session, batch: TrainingBatch, day: date, exclude: uuid.UUID | None = None) -> None:
    holiday = session.exec(select(Holiday).where(Holiday.day == day)).first()
    if holiday is not None:
        raise ValidationError(FieldError("day", "day_closed", {"day": day.strftime("%d/%m/%Y"), "name": holiday.name}))
    other = session.exec(select(TrainingSession).where(TrainingSession.batch_id == batch.id,
                                                       TrainingSession.day == day)).first()
    if other is not None and other.id != exclude:
        raise ValidationError(FieldError("day", "session_exists", {"day": day.strftime("%d/%m/%Y")}))
    last = batch.end_date + timedelta(days=31)
    if not batch.start_date <= day <= last:
        raise ValidationError(FieldError("day", "session_outside", {
            "start": batch.start_date.strftime("%d/%m/%Y"), "end": last.strftime("%d/%m/%Y")}))


def add_session(db, actor: Actor, batch_id, day: Any, reason: Any, *, start_time: Any = None,
                end_time: Any = None) -> SessionInfo:
    """An extra meeting (make-up class…), between the batch's start and a month after its end."""
    require(actor, "training.mark")
    c = Collector()
    when = c.date("day", day)
    if c.errors:
        raise ValidationError(c.errors)
    text = _reason(reason)
    with db.session() as session:
        batch = _batch_for(session, actor, batch_id)
        c = Collector()
        st = _time(c, "start_time", start_time or batch.start_time)
        et = _time(c, "end_time", end_time or batch.end_time)
        if st and et and et <= st:
            c.add("end_time", "time_order")
        if c.errors:
            raise ValidationError(c.errors)
        _check_free_day(session, batch, when)
        row = TrainingSession(batch_id=batch.id, day=when, start_time=st, end_time=et, state="scheduled",
                              reason=text, added=True, origin_office=actor.office_code)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "training_session", row.id,
                     {"batch": [None, batch.code], "day": [None, when], "reason": [None, text]})
        return _one_session(session, row)


def _one_session(session: Session, row: TrainingSession) -> SessionInfo:
    infos = _session_infos(session.exec(select(TrainingSession).where(TrainingSession.batch_id == row.batch_id)
                                        .order_by(TrainingSession.day)).all())
    return next(s for s in infos if s.id == row.id)


def move_session(db, actor: Actor, session_id, new_day: Any, reason: Any) -> SessionInfo:
    """Move a meeting to another day (not a closed day, not a day with a meeting already)."""
    require(actor, "training.mark")
    c = Collector()
    when = c.date("day", new_day)
    if c.errors:
        raise ValidationError(c.errors)
    text = _reason(reason)
    with db.session() as session:
        row, batch = _session_for(session, actor, session_id)
        if row.state != "scheduled":
            raise UserError("session_cancelled")
        if when == row.day:
            return _one_session(session, row)
        if session.exec(select(TrainingAttendance.id).where(TrainingAttendance.session_id == row.id).limit(1)).first():
            raise UserError("session_has_marks")
        _check_free_day(session, batch, when, exclude=row.id)
        audit.record(session, actor, "update", "training_session", row.id,
                     {"day": [row.day, when], "reason": [row.reason, text]})
        row.moved_from = row.moved_from or row.day
        row.day, row.reason = when, text
        row.version += 1
        row.updated_at = utcnow()
        session.add(row)
        session.flush()
        return _one_session(session, row)


def cancel_session(db, actor: Actor, session_id, reason: Any) -> SessionInfo:
    """Cancel a meeting that has no attendance yet; it stays listed with its reason."""
    require(actor, "training.mark")
    text = _reason(reason)
    with db.session() as session:
        row, batch = _session_for(session, actor, session_id)
        if row.state == "cancelled":
            raise UserError("session_cancelled")
        if session.exec(select(TrainingAttendance.id).where(TrainingAttendance.session_id == row.id).limit(1)).first():
            raise UserError("session_has_marks")
        audit.record(session, actor, "update", "training_session", row.id,
                     {"state": [row.state, "cancelled"], "reason": [row.reason, text]})
        row.state, row.reason = "cancelled", text
        row.version += 1
        row.updated_at = utcnow()
        session.add(row)
        session.flush()
        return _one_session(session, row)


# --- enrolment ----------------------------------------------------------------------------------

@dataclass
class EnrolCandidate:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    status: str


def enrolment_candidates(db, actor: Actor, batch_id, text: str = "", *, limit: int = 50) -> list[EnrolCandidate]:
    """Applicants who could join the batch (by status), matching a name or registration number."""
    require(actor, "training.manage")
    with db.session(write=False) as session:
        batch = _batch_for(session, actor, batch_id)
        busy = select(TrainingEnrolment.applicant_id).where(
            sa.or_(TrainingEnrolment.batch_id == batch.id,
                   sa.and_(TrainingEnrolment.result == "active",
                           TrainingEnrolment.language_code == batch.language_code)))
        q = select(Applicant.id, Applicant.registration_number, Applicant.full_name, Applicant.status).where(
            Applicant.status.in_(ENROLLABLE), Applicant.id.not_in(busy), ~Applicant.nik.startswith("ANON-"))
        needle = (text or "").strip()
        if needle:
            q = q.where(sa.or_(Applicant.full_name.contains(needle, autoescape=True),
                               Applicant.registration_number.contains(needle, autoescape=True)))
        rows = session.exec(q.order_by(Applicant.full_name).limit(max(1, min(limit, 500)))).all()
        return [EnrolCandidate(*r) for r in rows]


def enrol(db, actor: Actor, batch_id, applicant_ids: Iterable[uuid.UUID | str], *,
          today: date | None = None) -> BatchInfo:
    """Enrol applicants in a batch (all or none): each moves to ``training``."""
    require(actor, "training.manage")
    today = today or clock.today()
    ids = list(dict.fromkeys(_uuid(a, "applicant_not_found") for a in applicant_ids))
    with db.session() as session:
        batch = _batch_for(session, actor, batch_id)
        if today > batch.end_date:
            raise UserError("batch_finished", batch=batch.code)
        errors: list[FieldError] = []
        rows: list[Applicant] = []
        for aid in ids:
            a = session.get(Applicant, aid)
            if a is None:
                raise NotFound("applicant_not_found")
            who = {"name": a.full_name, "registration_number": a.registration_number}
            if a.nik.startswith("ANON-"):
                errors.append(FieldError(a.registration_number, "anonymised_read_only"))
                continue
            same = session.exec(select(TrainingEnrolment).where(TrainingEnrolment.applicant_id == aid,
                                                                TrainingEnrolment.batch_id == batch.id)).first()
            if same is not None:
                errors.append(FieldError(a.registration_number, "enrol_already", who | {"code": batch.code}))
                continue
            other = session.exec(select(TrainingBatch.code).join(
                TrainingEnrolment, TrainingEnrolment.batch_id == TrainingBatch.id).where(
                TrainingEnrolment.applicant_id == aid, TrainingEnrolment.result == "active",
                TrainingEnrolment.language_code == batch.language_code)).first()
            if other is not None:
                errors.append(FieldError(a.registration_number, "enrol_same_language", who | {"code": other}))
                continue
            if a.status not in ENROLLABLE:
                st = pipeline.STATUS_NAMES.get(a.status, (a.status, a.status))
                errors.append(FieldError(a.registration_number, "enrol_status",
                                         who | {"status_id": st[0], "status_en": st[1]}))
                continue
            rows.append(a)
        if errors:
            raise ValidationError(errors)
        enrolled, _ = _counts(session, [batch.id])
        free = batch.capacity - enrolled.get(batch.id, 0)
        if len(rows) > free:
            raise UserError("batch_full", batch=batch.code, capacity=batch.capacity, free=max(free, 0))
        for a in rows:
            e = TrainingEnrolment(batch_id=batch.id, applicant_id=a.id, language_code=batch.language_code,
                                  enrolled_on=today, status_before=a.status, origin_office=actor.office_code)
            session.add(e)
            session.flush()
            audit.record(session, actor, "create", "training_enrolment", e.id, {
                "batch": [None, batch.code], "applicant_id": [None, str(a.id)],
                "registration_number": [None, a.registration_number]})
            pipeline.move(session, actor, a, "training", reason=f"angkatan {batch.code}")
        return _info(session, batch)


# --- attendance ---------------------------------------------------------------------------------

def set_marks(db, actor: Actor, batch_id, changes: Iterable[MarkChange], *,
              today: date | None = None) -> list[MarkChange]:
    """Record attendance marks (one transaction, one audit entry per changed mark).

    Returns the marks as they were before, in the same order, for an undo."""
    require(actor, "training.mark")
    today = today or clock.today()
    changes = list(changes)
    for ch in changes:
        if ch.mark is not None and ch.mark not in MARKS:
            raise ValidationError(FieldError("mark", "mark_invalid", {"value": str(ch.mark)[:5]}))
    with db.session() as session:
        batch = _batch_for(session, actor, batch_id)
        sids = {_uuid(ch.session_id, "session_not_found") for ch in changes}
        aids = {_uuid(ch.applicant_id, "applicant_not_found") for ch in changes}
        sessions = {r.id: r for r in session.exec(select(TrainingSession).where(TrainingSession.id.in_(sids))).all()}
        enrol_rows = {r.applicant_id: r for r in session.exec(select(TrainingEnrolment).where(
            TrainingEnrolment.batch_id == batch.id, TrainingEnrolment.applicant_id.in_(aids))).all()}
        existing = {(r.session_id, r.applicant_id): r for r in session.exec(select(TrainingAttendance).where(
            TrainingAttendance.session_id.in_(sids), TrainingAttendance.applicant_id.in_(aids))).all()}
        before: list[MarkChange] = []
        now = utcnow()
        for ch in changes:
            sid, aid = _uuid(ch.session_id, "session_not_found"), _uuid(ch.applicant_id, "applicant_not_found")
            srow = sessions.get(sid)
            if srow is None or srow.batch_id != batch.id:
                raise NotFound("session_not_found")
            if srow.state != "scheduled":
                raise UserError("session_cancelled")
            if srow.day > today:
                raise UserError("session_future", day=srow.day.strftime("%d/%m/%Y"))
            e = enrol_rows.get(aid)
            if e is None:
                raise NotFound("enrolment_not_found")
            if e.result != "active":
                raise UserError("enrolment_closed")
            row = existing.get((sid, aid))
            old = row.mark if row is not None else None
            before.append(MarkChange(sid, aid, old))
            if old == ch.mark:
                continue
            if ch.mark is None:
                session.delete(row)
                existing.pop((sid, aid))
                rid = row.id
            elif row is None:
                row = TrainingAttendance(batch_id=batch.id, session_id=sid, applicant_id=aid, mark=ch.mark,
                                         origin_office=actor.office_code)
                session.add(row)
                existing[(sid, aid)] = row
                rid = row.id
            else:
                row.mark = ch.mark
                row.version += 1
                row.updated_at = now
                session.add(row)
                rid = row.id
            audit.record(session, actor, "update" if old and ch.mark else "create" if ch.mark else "delete",
                         "training_attendance", rid, {"mark": [old, ch.mark], "batch": [None, batch.code],
                                                      "day": [None, srow.day], "applicant_id": [None, str(aid)]})
        session.flush()
        return before


def set_mark(db, actor: Actor, batch_id, session_id, applicant_id, mark: str | None, *,
             today: date | None = None) -> str | None:
    """One mark; returns the previous one."""
    return set_marks(db, actor, batch_id, [MarkChange(session_id, applicant_id, mark)], today=today)[0].mark


def _hex(value) -> str:
    """A UUID key as 32 hex digits, whether the driver gave a UUID (PostgreSQL) or text (SQLite)."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


def _marks_grid(session_ids: list[uuid.UUID], applicant_ids: list[uuid.UUID],
                rows: Iterable[tuple]) -> list[list[str | None]]:
    """Candidates × sessions; ``rows`` carry the ids uncoerced (``_hex`` keys), which spares
    building two UUID objects per mark (a 40 × 100 batch has 4,000)."""
    col = {sid.hex: j for j, sid in enumerate(session_ids)}
    line = {aid.hex: i for i, aid in enumerate(applicant_ids)}
    grid: list[list[str | None]] = [[None] * len(session_ids) for _ in applicant_ids]
    for sid, aid, mark in rows:
        i, j = line.get(_hex(aid)), col.get(_hex(sid))
        if i is not None and j is not None:
            grid[i][j] = mark
    return grid


def batch_attendance(db, batch_id, actor: Actor) -> BatchAttendance:
    """Everything the attendance grid shows: sessions, candidates with figures, the marks."""
    require(actor, "training.view")
    with db.session(write=False) as session:
        row = _batch_for(session, actor, batch_id)
        info = _info(session, row)
        conn = session.connection()
        srows = conn.execute(sa.select(
            TrainingSession.id, TrainingSession.day, TrainingSession.start_time, TrainingSession.end_time,
            TrainingSession.state, TrainingSession.moved_from, TrainingSession.reason, TrainingSession.added)
            .where(TrainingSession.batch_id == row.id).order_by(TrainingSession.day)).all()
        sessions = _session_infos(srows)
        crows = conn.execute(sa.select(
            TrainingEnrolment.applicant_id, Applicant.registration_number, Applicant.full_name,
            TrainingEnrolment.result, TrainingEnrolment.result_reason)
            .join(Applicant, Applicant.id == TrainingEnrolment.applicant_id)
            .where(TrainingEnrolment.batch_id == row.id)
            .order_by(Applicant.full_name, Applicant.registration_number)).all()
        aids = [r[0] for r in crows]
        marks = _marks_grid([s.id for s in sessions], aids, conn.execute(sa.select(
            sa.type_coerce(TrainingAttendance.session_id, sa.String),
            sa.type_coerce(TrainingAttendance.applicant_id, sa.String), TrainingAttendance.mark)
            .where(TrainingAttendance.batch_id == row.id)).all())
        latest, final = _scores_by_applicant(conn, row.id)
        candidates = []
        for i, (aid, number, name, result, reason) in enumerate(crows):
            f = figures_of(marks[i])
            candidates.append(CandidateRow(aid, number, name, result, reason, f, latest.get(aid), final.get(aid),
                                           risks_of(f, row.min_attendance) if result == "active" else []))
        return BatchAttendance(info, sessions, candidates, marks)


def _scores_by_applicant(conn, batch_id: uuid.UUID) -> tuple[dict, dict]:
    latest: dict = {}
    final: dict = {}
    for aid, kind, score in conn.execute(sa.select(TrainingScore.applicant_id, TrainingScore.kind, TrainingScore.score)
                                         .where(TrainingScore.batch_id == batch_id)
                                         .order_by(TrainingScore.test_date, TrainingScore.created_at)).all():
        latest[aid] = score
        if kind == "final":
            final[aid] = score
    return latest, final


def attendance_many(db_or_conn, applicant_ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, AttendanceSummary]:
    """Per applicant: marks present and marked over all batches, and the latest test score.

    For matching and reports: one GROUP BY on the covering index (applicant_id, mark) and one pass
    over the scores; no permission check (callers check their own action). Takes a ``Database``,
    a ``Session`` or a ``Connection``."""
    if hasattr(db_or_conn, "reading"):
        with db_or_conn.reading() as conn:
            return _attendance_many(conn, applicant_ids)
    if isinstance(db_or_conn, Session):
        return _attendance_many(db_or_conn.connection(), applicant_ids)
    return _attendance_many(db_or_conn, applicant_ids)


def _attendance_many(conn, applicant_ids) -> dict[uuid.UUID, AttendanceSummary]:
    ids = None if applicant_ids is None else list(applicant_ids)
    # A long list is cheaper filtered here than bound as thousands of parameters: the GROUP BY
    # scans the covering index (applicant_id, mark) either way.
    chunks = [None] if ids is None or len(ids) > 2000 else [ids]
    present: dict = {}
    marked: dict = {}
    scores: dict = {}
    t_att = TrainingAttendance.__table__
    t_score = TrainingScore.__table__
    for chunk in chunks:
        q = sa.select(t_att.c.applicant_id, sa.func.count(),
                      sa.func.sum(sa.case((t_att.c.mark == "H", 1), else_=0))).group_by(t_att.c.applicant_id)
        if chunk is not None:
            q = q.where(t_att.c.applicant_id.in_(chunk))
        for aid, n, h in conn.execute(q):
            marked[aid], present[aid] = n, int(h or 0)
        if conn.dialect.name == "sqlite":
            # SQLite: with max(), the bare columns come from the row holding the max (documented).
            latest = sa.select(t_score.c.applicant_id, t_score.c.score,
                               sa.func.max(sa.type_coerce(t_score.c.test_date, sa.String) + " " +
                                           sa.type_coerce(t_score.c.created_at, sa.String))
                               ).group_by(t_score.c.applicant_id)
            if chunk is not None:
                latest = latest.where(t_score.c.applicant_id.in_(chunk))
            rows = conn.execute(latest)
        else:
            ranked = sa.select(t_score.c.applicant_id, t_score.c.score, sa.func.row_number().over(
                partition_by=t_score.c.applicant_id,
                order_by=(t_score.c.test_date.desc(), t_score.c.created_at.desc())).label("rn"))
            if chunk is not None:
                ranked = ranked.where(t_score.c.applicant_id.in_(chunk))
            sub = ranked.subquery()
            rows = conn.execute(sa.select(sub.c.applicant_id, sub.c.score).where(sub.c.rn == 1))
        for row in rows:
            scores[row[0]] = row[1]
    wanted = None if ids is None or chunks[0] is not None else set(ids)
    keys = set(marked) | set(scores)
    if wanted is not None:
        keys &= wanted
    return {aid: AttendanceSummary(present.get(aid, 0), marked.get(aid, 0), scores.get(aid)) for aid in keys}


def at_risk(db, actor: Actor, *, batch_id=None) -> list[AtRisk]:
    """Active candidates under their batch's minimum or absent 3 meetings in a row (the actor's
    batches for a trainer), worst rate first."""
    require(actor, "training.view")
    with db.session(write=False) as session:
        q = select(TrainingBatch)
        if batch_id is not None:
            q = q.where(TrainingBatch.id == _batch_for(session, actor, batch_id).id)
        elif not _may_see_all(actor):
            q = q.where(TrainingBatch.trainer_username == actor.username)
        batches = {b.id: b for b in session.exec(q).all()}
        if not batches:
            return []
        conn = session.connection()
        active = conn.execute(sa.select(TrainingEnrolment.batch_id, TrainingEnrolment.applicant_id,
                                        Applicant.registration_number, Applicant.full_name)
                              .join(Applicant, Applicant.id == TrainingEnrolment.applicant_id)
                              .where(TrainingEnrolment.result == "active",
                                     TrainingEnrolment.batch_id.in_(list(batches)))).all()
        seqs: dict = defaultdict(list)
        for bid, aid, mark in conn.execute(
                sa.select(TrainingAttendance.batch_id, TrainingAttendance.applicant_id, TrainingAttendance.mark)
                .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
                .join(TrainingEnrolment, sa.and_(TrainingEnrolment.batch_id == TrainingAttendance.batch_id,
                                                 TrainingEnrolment.applicant_id == TrainingAttendance.applicant_id))
                .where(TrainingEnrolment.result == "active", TrainingAttendance.batch_id.in_(list(batches)))
                .order_by(TrainingSession.day)):
            seqs[(bid, aid)].append(mark)
        out = []
        for bid, aid, number, name in active:
            b = batches[bid]
            f = figures_of(seqs.get((bid, aid), ()))
            reasons = risks_of(f, b.min_attendance)
            if reasons:
                out.append(AtRisk(bid, b.code, b.language_code, aid, number, name, f.rate, f.streak,
                                  b.min_attendance, reasons))
        out.sort(key=lambda r: (r.rate if r.rate is not None else 101.0, -r.streak, r.full_name))
        return out


# --- scores -------------------------------------------------------------------------------------

def record_score(db, actor: Actor, batch_id, applicant_id, *, kind: Any, title: Any, test_date: Any,
                 score: Any, today: date | None = None) -> ScoreInfo:
    """A mock or final test result of 0–100 for an enrolled candidate."""
    require(actor, "training.mark")
    today = today or clock.today()
    c = Collector()
    kind_v = c.choice("kind", kind, SCORE_KINDS)
    title_v = c.text("title", title, max_len=80)
    day = c.date("test_date", test_date)
    value = c.integer("score", score, lo=0, hi=100, required=True)
    if day and day > today:
        c.add("test_date", "date_future")
    if c.errors:
        raise ValidationError(c.errors)
    with db.session() as session:
        batch = _batch_for(session, actor, batch_id)
        aid = _uuid(applicant_id, "applicant_not_found")
        e = session.exec(select(TrainingEnrolment).where(TrainingEnrolment.batch_id == batch.id,
                                                         TrainingEnrolment.applicant_id == aid)).first()
        if e is None:
            raise NotFound("enrolment_not_found")
        if e.result != "active":
            raise UserError("enrolment_closed")
        if day < batch.start_date:
            raise ValidationError(FieldError("test_date", "test_before_start",
                                             {"start": batch.start_date.strftime("%d/%m/%Y")}))
        row = TrainingScore(batch_id=batch.id, applicant_id=aid, kind=kind_v, title=title_v, test_date=day,
                            score=value, origin_office=actor.office_code)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "training_score", row.id, {
            "batch": [None, batch.code], "applicant_id": [None, str(aid)], "kind": [None, kind_v],
            "title": [None, title_v], "test_date": [None, day], "score": [None, value]})
        return ScoreInfo(row.id, aid, kind_v, title_v, day, value)


def delete_score(db, actor: Actor, score_id) -> None:
    require(actor, "training.mark")
    with db.session() as session:
        row = session.get(TrainingScore, _uuid(score_id, "score_not_found"))
        if row is None:
            raise NotFound("score_not_found")
        batch = _batch_for(session, actor, row.batch_id)
        e = session.exec(select(TrainingEnrolment).where(TrainingEnrolment.batch_id == batch.id,
                                                         TrainingEnrolment.applicant_id == row.applicant_id)).first()
        if e is not None and e.result != "active":
            raise UserError("enrolment_closed")
        audit.record(session, actor, "delete", "training_score", row.id, {
            "batch": [batch.code, None], "applicant_id": [str(row.applicant_id), None],
            "kind": [row.kind, None], "title": [row.title, None], "score": [row.score, None]})
        session.delete(row)


def list_scores(db, actor: Actor, batch_id) -> list[ScoreInfo]:
    require(actor, "training.view")
    with db.session(write=False) as session:
        batch = _batch_for(session, actor, batch_id)
        rows = session.exec(select(TrainingScore).where(TrainingScore.batch_id == batch.id)
                            .order_by(TrainingScore.test_date, TrainingScore.created_at)).all()
        return [ScoreInfo(r.id, r.applicant_id, r.kind, r.title, r.test_date, r.score) for r in rows]


# --- completion ---------------------------------------------------------------------------------

def _graduation_reasons(batch: TrainingBatch, f: Figures, final: int | None) -> list[FieldError]:
    out = []
    if final is None:
        out.append(FieldError("final_score", "final_missing"))
    elif final < batch.pass_mark:
        out.append(FieldError("final_score", "final_below_pass", {"score": final, "pass_mark": batch.pass_mark}))
    if f.rate is None or f.rate < batch.min_attendance:
        out.append(FieldError("attendance", "attendance_below", {
            "rate": "-" if f.rate is None else f"{f.rate:.1f}".replace(".", ","), "minimum": batch.min_attendance}))
    return out


def completion_checks(db, actor: Actor, batch_id) -> list[CompletionCheck]:
    """Each candidate of the batch: may they graduate now, and if not, why."""
    require(actor, "training.view")
    data = batch_attendance(db, batch_id, actor)
    with db.session(write=False) as session:
        batch = _batch_for(session, actor, batch_id)
        return [CompletionCheck(c.applicant_id, c.registration_number, c.full_name, c.result, c.figures.rate,
                                c.final_score, _graduation_reasons(batch, c.figures, c.final_score))
                for c in data.candidates]


def complete(db, actor: Actor, batch_id, applicant_id, result: str, *, reason: Any = None,
             today: date | None = None) -> CompletionResult:
    """Close a candidate's enrolment as ``graduated``, ``failed`` or ``dropped`` (see module doc)."""
    require(actor, "training.manage")
    today = today or clock.today()
    if result not in COMPLETION_RESULTS:
        raise ValidationError(FieldError("result", "invalid_choice", {"value": str(result)[:20]}))
    text = None
    if result != "graduated" or (reason not in (None, "")):
        text = _reason(reason)
    with db.session() as session:
        batch = _batch_for(session, actor, batch_id)
        aid = _uuid(applicant_id, "applicant_not_found")
        e = session.exec(select(TrainingEnrolment).where(TrainingEnrolment.batch_id == batch.id,
                                                         TrainingEnrolment.applicant_id == aid)).first()
        if e is None:
            raise NotFound("enrolment_not_found")
        if e.result != "active":
            raise UserError("enrolment_closed")
        applicant = session.get(Applicant, aid)
        blocked: list[FieldError] = []
        if result == "graduated":
            marks = session.exec(select(TrainingAttendance.mark).join(
                TrainingSession, TrainingSession.id == TrainingAttendance.session_id).where(
                TrainingAttendance.batch_id == batch.id, TrainingAttendance.applicant_id == aid)
                .order_by(TrainingSession.day)).all()
            _latest, final = _scores_by_applicant(session.connection(), batch.id)
            reasons = _graduation_reasons(batch, figures_of(marks), final.get(aid))
            if reasons:
                raise ValidationError(reasons)
        audit.record(session, actor, "update", "training_enrolment", e.id, {
            "result": [e.result, result], "reason": [e.result_reason, text], "batch": [None, batch.code],
            "applicant_id": [None, str(aid)]})
        e.result, e.result_on, e.result_reason = result, today, text
        e.version += 1
        e.updated_at = utcnow()
        session.add(e)
        session.flush()
        if applicant.status == "training":
            if result == "graduated":
                try:
                    pipeline.move(session, actor, applicant, "ready", reason=f"lulus angkatan {batch.code}")
                except pipeline.TransitionBlocked as exc:
                    blocked = exc.reasons
            else:
                back = e.status_before if e.status_before in ("registered", "documents") else "documents"
                word = "tidak lulus" if result == "failed" else "mengundurkan diri dari"
                pipeline.move(session, actor, applicant, back, reason=f"{word} angkatan {batch.code}: {text}")
        return CompletionResult(aid, result, applicant.status, blocked)


@dataclass
class WaitingGraduate:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    batch_code: str
    reasons: list[FieldError]  # what still blocks the move to ``ready`` (empty: it can move now)


def graduates_waiting(db, actor: Actor, batch_id) -> list[WaitingGraduate]:
    """Graduates of the batch still in ``training`` (their move to ``ready`` was blocked), with
    what blocks them now."""
    require(actor, "training.view")
    with db.session(write=False) as session:
        batch = _batch_for(session, actor, batch_id)
        rows = session.exec(select(Applicant).join(
            TrainingEnrolment, TrainingEnrolment.applicant_id == Applicant.id).where(
            TrainingEnrolment.batch_id == batch.id, TrainingEnrolment.result == "graduated",
            Applicant.status == "training").order_by(Applicant.full_name)).all()
        return [WaitingGraduate(a.id, a.registration_number, a.full_name, batch.code,
                                pipeline.blockers(session, a, "ready")) for a in rows]


def move_graduates_to_ready(db, actor: Actor, batch_id) -> tuple[int, list[WaitingGraduate]]:
    """Move every waiting graduate of the batch whose documents now allow it to ``ready``;
    returns how many moved and who still waits (with the reasons)."""
    require(actor, "training.manage")
    moved = 0
    still: list[WaitingGraduate] = []
    with db.session() as session:
        batch = _batch_for(session, actor, batch_id)
        rows = session.exec(select(Applicant).join(
            TrainingEnrolment, TrainingEnrolment.applicant_id == Applicant.id).where(
            TrainingEnrolment.batch_id == batch.id, TrainingEnrolment.result == "graduated",
            Applicant.status == "training").order_by(Applicant.full_name)).all()
        for a in rows:
            try:
                pipeline.move(session, actor, a, "ready", reason=f"lulus angkatan {batch.code}")
                moved += 1
            except pipeline.TransitionBlocked as exc:
                still.append(WaitingGraduate(a.id, a.registration_number, a.full_name, batch.code, exc.reasons))
    return moved, still


# --- holidays (closed days) --------------------------------------------------------------------

def list_holidays(db, *, year: int | None = None) -> list[HolidayInfo]:
    """The office's closed days (not personal data: any signed-in user may read them)."""
    with db.session(write=False) as session:
        q = select(Holiday)
        if year is not None:
            q = q.where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
        rows = session.exec(q.order_by(Holiday.day)).all()
        busy = dict(session.exec(select(TrainingSession.day, sa.func.count()).where(
            TrainingSession.state == "scheduled", TrainingSession.day.in_([r.day for r in rows]))
            .group_by(TrainingSession.day)).all()) if rows else {}
        return [HolidayInfo(r.id, r.day, r.name, r.source, busy.get(r.day, 0)) for r in rows]


def add_holiday(db, actor: Actor, day: Any, name: Any, source: Any = None) -> HolidayInfo:
    """Mark a day closed. Sessions already on it are not touched: ``sessions_on_day`` says how many
    to move or cancel (new batches skip the day)."""
    require(actor, "training.manage")
    c = Collector()
    when = c.date("day", day)
    text = c.text("name", name, max_len=120)
    src = c.text("source", source, max_len=200, required=False)
    if c.errors:
        raise ValidationError(c.errors)
    with db.session() as session:
        if session.exec(select(Holiday.id).where(Holiday.day == when)).first() is not None:
            raise ValidationError(FieldError("day", "holiday_exists", {"day": when.strftime("%d/%m/%Y")}))
        row = Holiday(day=when, name=text, source=src, origin_office=actor.office_code)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "holiday", row.id, {"day": [None, when], "name": [None, text]})
        busy = session.exec(select(sa.func.count()).select_from(TrainingSession).where(
            TrainingSession.day == when, TrainingSession.state == "scheduled")).one()
        return HolidayInfo(row.id, when, text, src, busy)


def remove_holiday(db, actor: Actor, holiday_id) -> None:
    require(actor, "training.manage")
    with db.session() as session:
        row = session.get(Holiday, _uuid(holiday_id, "holiday_not_found"))
        if row is None:
            raise NotFound("holiday_not_found")
        audit.record(session, actor, "delete", "holiday", row.id, {"day": [row.day, None], "name": [row.name, None]})
        session.delete(row)
