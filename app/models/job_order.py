"""Placement agencies (P3MI), their job orders (*lowongan*) and placements (*penempatan*)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field

from app.models.base import Record

ORDER_STATUSES = ("draft", "open", "closed", "filled")
# Placement stages in order; ``rejected`` and ``withdrawn`` end a placement from any stage before
# ``departed``.
PLACEMENT_STAGES = ("shortlisted", "proposed", "interview", "selected", "contract", "visa", "opp",
                    "departed")
PLACEMENT_ENDS = ("rejected", "withdrawn")


class Agency(Record, table=True):
    """A placement company (P3MI) with its licence (SIP3MI) and APJATI membership."""

    name: str = Field(max_length=120)
    licence_number: str = Field(max_length=64, unique=True, index=True)
    licence_valid_until: date
    apjati_member: bool = Field(default=False)
    contact_person: Optional[str] = Field(default=None, max_length=100)
    phone: Optional[str] = Field(default=None, max_length=20)
    email: Optional[str] = Field(default=None, max_length=120)
    address: Optional[str] = Field(default=None, max_length=200)
    active: bool = Field(default=True)


class JobOrder(Record, table=True):
    """A vacancy an agency brings: where, what, how many, for how much, and who may apply.

    Money is an integer number of minor units of ``currency`` (yen, won, cents...). List-valued
    fields (funding schemes, certificates, document type codes) are comma-separated codes."""

    __tablename__ = "job_order"
    __table_args__ = (sa.Index("ix_job_order_status_deadline", "status", "deadline"),)

    order_number: str = Field(max_length=32, unique=True, index=True)
    agency_id: uuid.UUID = Field(foreign_key="agency.id", index=True)
    employer: str = Field(max_length=160)
    country: str = Field(max_length=2)
    sector: str = Field(max_length=32)
    position: str = Field(max_length=100)
    quota: int
    currency: str = Field(default="IDR", max_length=3)
    salary_min: int  # minor units of ``currency`` a month
    salary_max: int
    contract_months: int = Field(default=24)
    worker_cost: int = Field(default=0)  # rupiah charged to the worker; 0 = zero-cost scheme
    funding_schemes: str = Field(default="", max_length=100)
    deadline: Optional[date] = Field(default=None)
    status: str = Field(default="draft", max_length=8)
    sip_number: Optional[str] = Field(default=None, max_length=64)
    sip_valid_from: Optional[date] = Field(default=None)
    sip_valid_until: Optional[date] = Field(default=None)
    # requirements (hard filters of the matching engine)
    req_sex: Optional[str] = Field(default=None, max_length=1)
    age_min: int = Field(default=18)
    age_max: Optional[int] = Field(default=None)
    min_education: Optional[str] = Field(default=None, max_length=4)
    language_code: Optional[str] = Field(default=None, max_length=4)
    language_min_level: Optional[str] = Field(default=None, max_length=20)
    min_height_cm: Optional[int] = Field(default=None)
    min_experience_years: int = Field(default=0)
    required_certificates: str = Field(default="", max_length=500)
    required_documents: str = Field(default="", max_length=500)
    description: Optional[str] = Field(default=None, max_length=2000)
    opened_on: Optional[date] = Field(default=None)
    closed_on: Optional[date] = Field(default=None)


class Placement(Record, table=True):
    """One applicant on one job order: stage, the date of each stage, the match at shortlisting,
    and the funding of the placement (with the KUR PMI loan details)."""

    __table_args__ = (
        sa.UniqueConstraint("job_order_id", "applicant_id"),
        sa.Index("ix_placement_stage_job_order_id", "stage", "job_order_id"),
    )

    job_order_id: uuid.UUID = Field(foreign_key="job_order.id", index=True)
    applicant_id: uuid.UUID = Field(foreign_key="applicant.id", index=True)
    stage: str = Field(default="shortlisted", max_length=12)
    score: Optional[float] = Field(default=None)
    score_parts: Optional[str] = Field(default=None, max_length=2000)  # JSON {part: points}
    shortlisted_on: date
    proposed_on: Optional[date] = Field(default=None)
    interview_on: Optional[date] = Field(default=None)
    selected_on: Optional[date] = Field(default=None)
    contract_on: Optional[date] = Field(default=None)
    visa_on: Optional[date] = Field(default=None)
    opp_on: Optional[date] = Field(default=None)
    departed_on: Optional[date] = Field(default=None)
    ended_on: Optional[date] = Field(default=None)
    end_reason: Optional[str] = Field(default=None, max_length=500)
    # funding
    funding_scheme: Optional[str] = Field(default=None, max_length=16)
    kur_bank: Optional[str] = Field(default=None, max_length=32)
    loan_amount: Optional[int] = Field(default=None)  # rupiah
    loan_term_months: Optional[int] = Field(default=None)
    npwp: Optional[str] = Field(default=None, max_length=20)
    placement_agreement_on: Optional[date] = Field(default=None)
    employment_contract_on: Optional[date] = Field(default=None)
