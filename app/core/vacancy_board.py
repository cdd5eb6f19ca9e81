"""The vacancy board (*papan lowongan*): the open job orders as the public may read them (the MoU
promises open vacancy information) — no personal data, so only ``order.view`` and no audit.

Each row: order number, employer, agency (P3MI), country, sector, position, places still open
(quota − placed), salary in the order's currency with its rupiah value at today's rate, contract
length, the cost charged to the worker (0 = zero-cost scheme, flagged), funding schemes, the SIP
number with its validity (an open order whose SIP is not valid today is flagged, never hidden),
the requirements in one line, and the application deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.core import clock, currency, job_orders, reference
from app.core.actor import Actor
from app.core.mou_report import office_contact

SEX_NAMES = {"L": "laki-laki", "P": "perempuan"}


@dataclass(frozen=True)
class Vacancy:
    order_number: str
    employer: str
    agency_name: str
    country: str
    sector: str
    position: str
    quota: int
    open_places: int
    salary: str  # "JPY 180.000 – 200.000"
    salary_rupiah: str  # "± Rp18.000.000 – Rp20.000.000" ("" without a rate)
    contract_months: int
    worker_cost: int
    zero_cost: bool
    funding: str
    sip_number: str
    sip_valid_until: date | None
    sip_valid: bool
    requirements: str
    deadline: date | None


@dataclass(frozen=True)
class VacancyBoard:
    day: date
    generated_at: datetime
    office_name: str
    office_contact: str
    vacancies: list[Vacancy]


def requirements_text(o: job_orders.JobOrderDetail) -> str:
    parts = []
    if o.req_sex:
        parts.append(SEX_NAMES.get(o.req_sex, o.req_sex))
    parts.append(f"umur {o.age_min}–{o.age_max} th" if o.age_max else f"umur ≥ {o.age_min} th")
    if o.min_education:
        parts.append(f"pendidikan min. {o.min_education}")
    if o.language_code:
        lang = reference.languages().get(o.language_code)
        name = lang.name_id if lang else o.language_code
        parts.append(f"{name} {o.language_min_level}" if o.language_min_level else name)
    if o.min_height_cm:
        parts.append(f"tinggi ≥ {o.min_height_cm} cm")
    if o.min_experience_years:
        parts.append(f"pengalaman ≥ {o.min_experience_years} th")
    if o.required_certificates:
        parts.append("sertifikat: " + ", ".join(o.required_certificates))
    return "; ".join(parts)


def _salary(o: job_orders.JobOrderDetail, day: date) -> tuple[str, str]:
    from app.core.formatting import format_money

    lo, hi = currency.format_amount(o.salary_min, o.currency), currency.format_amount(o.salary_max, o.currency)
    text = lo if o.salary_min == o.salary_max else f"{lo} – {hi.split(' ')[-1] if o.currency != 'IDR' else hi}"
    if o.currency == "IDR":
        return text, ""
    rlo, rhi = o.salary_rupiah(day)
    if rlo is None or rhi is None:
        return text, ""
    return text, "± " + (format_money(rlo) if rlo == rhi else f"{format_money(rlo)} – {format_money(rhi)}")


def board(db, actor: Actor, *, day: date | None = None) -> VacancyBoard:
    """The open job orders, by country then order number."""
    day = day or clock.today()
    orders = job_orders.list_orders(db, actor, status="open")  # requires order.view
    schemes = reference.funding_schemes()
    rows = []
    for o in sorted(orders, key=lambda o: (o.country_name, o.order_number)):
        salary, rupiah = _salary(o, day)
        rows.append(Vacancy(
            o.order_number, o.employer, o.agency_name, o.country_name, o.sector_name, o.position, o.quota,
            max(0, o.quota - o.placed), salary, rupiah, o.contract_months, o.worker_cost, o.zero_cost,
            ", ".join(schemes[s].name_id if s in schemes else s for s in o.funding_schemes),
            o.sip_number or "", o.sip_valid_until, o.sip_valid_on(day), requirements_text(o), o.deadline))
    with db.session(write=False) as session:
        name, contact = office_contact(session, actor.office_code)
    return VacancyBoard(day, clock.now_wib(), name, contact, rows)
