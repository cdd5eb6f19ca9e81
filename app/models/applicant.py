from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import Record, UTCDateTime

# Pipeline of an applicant (DESIGN.md §2).
STATUSES = ("registered", "documents", "training", "ready", "proposed", "selected", "departing",
            "departed", "returned", "withdrawn", "ineligible")
SEXES = ("L", "P")
MARITAL_STATUSES = ("belum_kawin", "kawin", "cerai_hidup", "cerai_mati")
RELIGIONS = ("islam", "kristen", "katolik", "hindu", "buddha", "konghucu", "lainnya")


class Applicant(Record, table=True):
    """A job seeker registered at an office (*pencari kerja / calon PMI*)."""

    # The applicant list sorts by one column with the registration number (unique) as tie-break,
    # keyset-paged: one composite index per sortable column serves both the order and the page
    # seek (app/core/search.py). They also serve lookups on their first column (birth date for
    # the duplicate check, status, kecamatan...).
    __table_args__ = tuple(
        sa.Index(f"ix_applicant_{'_'.join(cols)}", *cols) for cols in (
            ("registered_on", "registration_number"),
            ("full_name", "registration_number"),
            ("status", "registration_number"),
            ("kecamatan_code", "registration_number"),
            ("education_level", "registration_number"),
            ("birth_date", "registration_number"),
            ("status", "registered_on", "registration_number"),  # one status, newest first
            ("updated_at",),  # the matching engine re-reads the rows changed since its last look
            # NIK and phone prefixes newest first: the matches' sort keys come from the index
            # alone (no row read per match); the phone one also serves the same-phone lookup
            ("nik", "registered_on", "registration_number"),
            ("phone", "registered_on", "registration_number"),
        ))

    registration_number: str = Field(max_length=32, unique=True, index=True)
    office_code: str = Field(max_length=16)
    registered_on: date
    nik: str = Field(max_length=16, unique=True, index=True)
    kk_number: str = Field(max_length=16)
    full_name: str = Field(max_length=100)
    sex: str = Field(max_length=1)
    birth_place: str = Field(max_length=60)
    birth_date: date
    religion: Optional[str] = Field(default=None, max_length=16)
    marital_status: str = Field(default="belum_kawin", max_length=16)
    address: str = Field(max_length=200)
    rt: str = Field(default="", max_length=3)
    rw: str = Field(default="", max_length=3)
    kelurahan_code: str = Field(max_length=13, index=True)
    kecamatan_code: str = Field(max_length=8)
    phone: str = Field(max_length=20)  # indexed with the list's sort key (__table_args__)
    email: Optional[str] = Field(default=None, max_length=120)
    education_level: str = Field(max_length=4)
    education_major: Optional[str] = Field(default=None, max_length=100)
    height_cm: Optional[int] = Field(default=None)
    weight_kg: Optional[int] = Field(default=None)
    skills: Optional[str] = Field(default=None, max_length=1000)
    preferred_countries: str = Field(default="", max_length=200)  # comma-separated ISO codes
    preferred_sectors: str = Field(default="", max_length=200)  # comma-separated sector codes
    funding_scheme: Optional[str] = Field(default=None, max_length=16)
    photo_sha256: Optional[str] = Field(default=None, max_length=64)
    consent_on: date
    status: str = Field(default="registered", max_length=16)
    notes: Optional[str] = Field(default=None, max_length=2000)


class ApplicantLanguage(Record, table=True):
    __tablename__ = "applicant_language"

    applicant_id: uuid.UUID = Field(foreign_key="applicant.id", index=True, ondelete="CASCADE")
    language_code: str = Field(max_length=4)
    level: str = Field(max_length=20)
    certificate: Optional[str] = Field(default=None, max_length=100)


class WorkExperience(Record, table=True):
    __tablename__ = "work_experience"

    applicant_id: uuid.UUID = Field(foreign_key="applicant.id", index=True, ondelete="CASCADE")
    employer: str = Field(max_length=120)
    position: str = Field(max_length=100)
    country: str = Field(default="ID", max_length=2)
    sector: Optional[str] = Field(default=None, max_length=32)
    start_date: date
    end_date: Optional[date] = Field(default=None)
    description: Optional[str] = Field(default=None, max_length=500)


class RegistrationCounter(SQLModel, table=True):
    """Last registration number handed out per office and year (gap-free numbering)."""

    __tablename__ = "registration_counter"

    office_code: str = Field(primary_key=True, max_length=16)
    year: int = Field(primary_key=True)
    last_value: int = Field(default=0)


class AuditEntry(SQLModel, table=True):
    """Who did what to which record, when, with the changed fields (append-only)."""

    __tablename__ = "audit_entry"

    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UTCDateTime, index=True)
    username: str = Field(max_length=32, index=True)
    office_code: str = Field(max_length=16)
    action: str = Field(max_length=32)  # create | update | delete | export | print | login...
    entity: str = Field(max_length=32, index=True)
    entity_id: Optional[str] = Field(default=None, max_length=64, index=True)
    changes: Optional[str] = Field(default=None)  # JSON: {field: [old, new]}
