"""Document types, checklist rules and each applicant's documents with their scans (issue 3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field

from app.models.applicant import Applicant
from app.models.base import Record, UTCDateTime

# What a stored document row may say; "missing" (no row, or a row holding only a note) and
# "expired" (an expiry date before today) are also derived when a checklist is read.
DOCUMENT_STATUSES = ("missing", "submitted", "verified", "rejected", "expired")
REQUIREMENTS = ("required", "optional", "not_needed")
STAGES = ("registration", "placement", "departure")
ANY = "*"  # a checklist rule for every country or every sector


class DocumentType(Record, table=True):
    """A kind of document (KTP, passport, medical...): seeded from resources/document_types.csv."""

    __tablename__ = "document_type"

    code: str = Field(max_length=32, unique=True)
    name_id: str = Field(max_length=120)
    name_en: str = Field(max_length=120)
    expires: bool = Field(default=False)
    validity_days: Optional[int] = Field(default=None)  # from the issue date, when it has a fixed life
    identity_bearing: bool = Field(default=False)  # name, birth date and NIK are printed on it
    stage: str = Field(default="placement", max_length=16)  # when it is needed (STAGES)
    sort_order: int = Field(default=0)
    active: bool = Field(default=True)


class ChecklistRule(Record, table=True):
    """Whether a document type is required for a destination country and sector ("*" = any)."""

    __tablename__ = "checklist_rule"
    __table_args__ = (sa.UniqueConstraint("country", "sector", "type_code"),)

    country: str = Field(max_length=8)
    sector: str = Field(max_length=32)
    type_code: str = Field(max_length=32)
    requirement: str = Field(max_length=16)


class ApplicantChecklist(Record, table=True):
    """An applicant's target when it differs from the first preferred country and sector."""

    __tablename__ = "applicant_checklist"

    applicant_id: uuid.UUID = Field(foreign_key="applicant.id", unique=True, ondelete="CASCADE")
    target_country: Optional[str] = Field(default=None, max_length=8)
    target_sector: Optional[str] = Field(default=None, max_length=32)
    planned_departure: Optional[date] = Field(default=None)
    job_order_id: Optional[uuid.UUID] = Field(default=None)  # no foreign key: job orders live elsewhere
    extra_type_codes: str = Field(default="", max_length=400)  # comma-separated, added by a job order


class ApplicantDocument(Record, table=True):
    """One applicant's copy of one document type."""

    __tablename__ = "applicant_document"
    __table_args__ = (
        sa.UniqueConstraint("applicant_id", "type_code"),
        # completeness of all applicants: one range of verified rows, grouped by applicant, covered
        sa.Index("ix_applicant_document_status_applicant_id_type_code_expires_on",
                 "status", "applicant_id", "type_code", "expires_on"),
        # the expiring-soon list: a range of expiry dates, covered (no table row read per document)
        sa.Index("ix_applicant_document_expires_on_status_type_code_applicant_id",
                 "expires_on", "status", "type_code", "applicant_id"),
        # matching re-reads the completeness of applicants whose documents changed (covered)
        sa.Index("ix_applicant_document_updated_at_applicant_id", "updated_at", "applicant_id"),
    )

    applicant_id: uuid.UUID = Field(foreign_key="applicant.id", ondelete="CASCADE")
    type_code: str = Field(max_length=32)
    status: str = Field(default="submitted", max_length=16)
    number: Optional[str] = Field(default=None, max_length=64)
    issued_on: Optional[date] = Field(default=None)
    expires_on: Optional[date] = Field(default=None)
    note: Optional[str] = Field(default=None, max_length=500)
    printed_name: Optional[str] = Field(default=None, max_length=100)
    printed_birth_date: Optional[date] = Field(default=None)
    printed_nik: Optional[str] = Field(default=None, max_length=16)
    verified_by: Optional[str] = Field(default=None, max_length=32)
    verified_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)
    reject_reason: Optional[str] = Field(default=None, max_length=500)


class DocumentScan(Record, table=True):
    """A scanned file of a document, stored in the data dir under its SHA-256."""

    __tablename__ = "document_scan"

    document_id: uuid.UUID = Field(foreign_key="applicant_document.id", index=True, ondelete="CASCADE")
    sha256: str = Field(max_length=64, index=True)
    original_name: str = Field(max_length=255)
    mime_type: str = Field(max_length=64)
    size_bytes: int
    page_count: Optional[int] = Field(default=None)
    added_by: str = Field(max_length=32)
    removed_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)
    removed_by: Optional[str] = Field(default=None, max_length=32)


# The bulk completeness (app/core/documents.py) reads every applicant's id and preferences: from
# this covering index instead of the wide applicant rows.
sa.Index("ix_applicant_id_preferred_countries_preferred_sectors", Applicant.__table__.c.id,
         Applicant.__table__.c.preferred_countries, Applicant.__table__.c.preferred_sectors)
