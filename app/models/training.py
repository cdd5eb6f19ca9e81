"""Language training: batches (*angkatan*), their sessions (*pertemuan*), enrolments, attendance
marks (*presensi*), test scores, and the office's closed days (holidays)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field

from app.models.base import Record

MARKS = ("H", "S", "I", "A")  # hadir, sakit, izin, alpa
RESULTS = ("active", "graduated", "failed", "dropped")
SCORE_KINDS = ("mock", "final")
SESSION_STATES = ("scheduled", "cancelled")


class Holiday(Record, table=True):
    """A day the office is closed: no training session is generated on it."""

    day: date = Field(unique=True, index=True)
    name: str = Field(max_length=120)
    source: Optional[str] = Field(default=None, max_length=200)


class TrainingBatch(Record, table=True):
    """One language class of 3 to 8 months (*angkatan pelatihan*)."""

    __tablename__ = "training_batch"
    __table_args__ = (sa.Index("ix_training_batch_trainer_username_start_date", "trainer_username", "start_date"),)

    code: str = Field(max_length=32, unique=True, index=True)
    language_code: str = Field(max_length=4, index=True)
    target_level: str = Field(max_length=40)
    provider: str = Field(max_length=120)
    venue: str = Field(max_length=200)
    trainer_username: str = Field(max_length=32)
    start_date: date
    duration_months: int
    end_date: date
    schedule_days: str = Field(max_length=16)  # ISO weekdays, e.g. "135" = Mon, Wed, Fri
    start_time: str = Field(max_length=5)  # "08:00" WIB
    end_time: str = Field(max_length=5)
    capacity: int
    min_attendance: int = Field(default=80)  # percent
    pass_mark: int = Field(default=70)  # of 100
    funding_scheme: Optional[str] = Field(default=None, max_length=16)
    notes: Optional[str] = Field(default=None, max_length=1000)


class TrainingSession(Record, table=True):
    """One class meeting of a batch; moved or cancelled ones keep their reason."""

    __tablename__ = "training_session"
    __table_args__ = (sa.UniqueConstraint("batch_id", "day"),)

    batch_id: uuid.UUID = Field(foreign_key="training_batch.id", index=True, ondelete="CASCADE")
    day: date
    start_time: str = Field(max_length=5)
    end_time: str = Field(max_length=5)
    state: str = Field(default="scheduled", max_length=16)
    moved_from: Optional[date] = Field(default=None)
    reason: Optional[str] = Field(default=None, max_length=300)
    added: bool = Field(default=False)  # added by hand (not generated from the schedule)


class TrainingEnrolment(Record, table=True):
    """An applicant in a batch; ``result`` is ``active`` until completion."""

    __tablename__ = "training_enrolment"
    __table_args__ = (sa.UniqueConstraint("batch_id", "applicant_id"),
                      sa.Index("ix_training_enrolment_applicant_id_result", "applicant_id", "result"))

    batch_id: uuid.UUID = Field(foreign_key="training_batch.id", index=True, ondelete="CASCADE")
    applicant_id: uuid.UUID = Field(foreign_key="applicant.id", ondelete="CASCADE")
    language_code: str = Field(max_length=4)  # the batch's, for "one active batch per language"
    enrolled_on: date
    status_before: str = Field(max_length=16)  # the applicant's pipeline status before enrolment
    result: str = Field(default="active", max_length=16)
    result_on: Optional[date] = Field(default=None)
    result_reason: Optional[str] = Field(default=None, max_length=300)


class TrainingAttendance(Record, table=True):
    """One candidate's mark at one session: H hadir, S sakit, I izin, A alpa."""

    __tablename__ = "training_attendance"
    __table_args__ = (sa.UniqueConstraint("session_id", "applicant_id"),
                      # covering index of the per-applicant GROUP BY (attendance_many)
                      sa.Index("ix_training_attendance_applicant_id_mark", "applicant_id", "mark"),
                      sa.Index("ix_training_attendance_batch_id", "batch_id"),
                      # matching re-reads the attendance of applicants with new marks (covered)
                      sa.Index("ix_training_attendance_updated_at_applicant_id", "updated_at", "applicant_id"))

    batch_id: uuid.UUID = Field(foreign_key="training_batch.id", ondelete="CASCADE")
    session_id: uuid.UUID = Field(foreign_key="training_session.id", ondelete="CASCADE")
    applicant_id: uuid.UUID = Field(foreign_key="applicant.id", ondelete="CASCADE")
    mark: str = Field(max_length=1)


class TrainingScore(Record, table=True):
    """A test result of 0–100: a mock test or the final test of the batch."""

    __tablename__ = "training_score"
    __table_args__ = (sa.Index("ix_training_score_applicant_id_test_date", "applicant_id", "test_date"),
                      sa.Index("ix_training_score_batch_id", "batch_id"),
                      sa.Index("ix_training_score_updated_at_applicant_id", "updated_at", "applicant_id"))

    batch_id: uuid.UUID = Field(foreign_key="training_batch.id", ondelete="CASCADE")
    applicant_id: uuid.UUID = Field(foreign_key="applicant.id", ondelete="CASCADE")
    kind: str = Field(max_length=8)
    title: str = Field(max_length=80)
    test_date: date
    score: int
