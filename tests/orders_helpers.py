"""Helpers shared by the job order, matching and placement tests."""

from __future__ import annotations

from datetime import date

from app.core.actor import Actor
from app.core.job_orders import AgencyInput, JobOrderInput

TODAY = date(2026, 11, 25)


def supervisor(actor: Actor) -> Actor:
    return Actor("penyelia1", actor.office_code, "supervisor", "Penyelia Satu")


def agency_input(**overrides) -> AgencyInput:
    values = dict(name="PT Sinar Jaya Abadi", licence_number="B-123/KEP/2025", licence_valid_until="2028-12-31",
                  apjati_member=True, contact_person="Budi Santoso", phone="0254-123456",
                  email="info@sinarjaya.co.id", address="Jl. Raya Serang No. 1")
    values.update(overrides)
    return AgencyInput(**values)


def order_input(agency_id=None, **overrides) -> JobOrderInput:
    """A complete, valid job order (Japan, caregiving) with a SIP valid on TODAY."""
    values = dict(
        agency_id=agency_id, employer="Sakura Care Co., Ltd.", country="JP", sector="caregiving",
        position="Caregiver (kaigo)", quota=3, currency="JPY", salary_min=180_000, salary_max=220_000,
        contract_months=24, worker_cost=0, funding_schemes=["employer", "kur_pmi"], deadline="2027-03-31",
        sip_number="SIP-001/2026", sip_valid_from="2026-01-01", sip_valid_until="2027-06-30",
        req_sex=None, age_min=18, age_max=35, min_education="SMA", language_code="ja",
        language_min_level="N4", min_height_cm=150, min_experience_years=0,
        required_certificates=[], required_documents=["paspor", "medical"],
    )
    values.update(overrides)
    return JobOrderInput(**values)
