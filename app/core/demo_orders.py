"""Demo agencies, job orders and placements (called by ``demo.generate`` after the applicants).

Realistic requirements per destination (``TEMPLATES``), salaries in the employer's currency, a
spread of statuses (open with a valid SIP, drafts, closed ones with an expired SIP, filled ones),
and placements in every stage, each on an applicant whose pipeline status fits the stage. Bulk
Core inserts in the caller's transaction, numpy randomness from a seeded generator: a few
milliseconds for the default 40 orders, well under a second for the benchmark's 1,000.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa

from app.core.actor import Actor
from app.models import Agency, Applicant, JobOrder, Placement, utcnow

AGENCIES = [
    ("PT Sinar Jaya Abadi", True), ("PT Banten Karya Mandiri", True), ("PT Mitra Nusantara Global", True),
    ("PT Cahaya Sakura Indonesia", True), ("PT Hanjin Tenaga Prima", True), ("PT Anugerah Timur Tengah", True),
    ("PT Eropa Medika Karier", False), ("PT Samudra Bahari Jaya", True), ("PT Lama Tidak Aktif", False),
]

# (country, sector, position, currency, salary min, max in minor units, requirements)
TEMPLATES: list[tuple[str, str, str, str, int, int, dict[str, Any]]] = [
    ("JP", "caregiving", "Caregiver (kaigo) panti lansia", "JPY", 170_000, 230_000,
     dict(age_min=18, age_max=35, min_education="SMA", language_code="ja", language_min_level="N4",
          min_height_cm=None, required_documents="ktp,ijazah,paspor,medical")),
    ("JP", "manufacturing", "Operator pabrik komponen otomotif", "JPY", 180_000, 240_000,
     dict(req_sex="L", age_min=18, age_max=30, min_education="SMK", language_code="ja", language_min_level="N4",
          min_height_cm=160, required_documents="ktp,ijazah,paspor,medical,skck")),
    ("JP", "agriculture", "Pekerja pertanian (Tokutei Ginou)", "JPY", 160_000, 200_000,
     dict(age_min=18, age_max=35, min_education="SMA", language_code="ja", language_min_level="N5",
          required_documents="ktp,paspor,medical")),
    ("KR", "manufacturing", "Operator produksi (EPS E-9)", "KRW", 2_100_000, 2_600_000,
     dict(age_min=18, age_max=39, min_education="SMA", language_code="ko", language_min_level="EPS-TOPIK",
          required_documents="ktp,paspor,medical,skck")),
    ("KR", "fishery", "Anak buah kapal (EPS E-9)", "KRW", 2_200_000, 2_800_000,
     dict(req_sex="L", age_min=18, age_max=39, language_code="ko", language_min_level="EPS-TOPIK",
          min_height_cm=160, required_documents="ktp,paspor,medical")),
    ("TW", "manufacturing", "Operator pabrik elektronik", "TWD", 2_747_000, 3_200_000,
     dict(age_min=20, age_max=35, min_education="SMK", min_height_cm=155, required_documents="ktp,paspor,medical")),
    ("HK", "caregiving", "Perawat lansia (care home)", "HKD", 499_000, 600_000,
     dict(req_sex="P", age_min=21, age_max=40, language_code="en", language_min_level="A2",
          required_documents="ktp,paspor,medical")),
    ("DE", "nursing", "Perawat (Pflegefachkraft)", "EUR", 280_000, 360_000,
     dict(age_min=21, age_max=40, min_education="D3", language_code="de", language_min_level="B1",
          min_experience_years=1, required_documents="ktp,ijazah,paspor,medical,skck,str")),
    ("SA", "hospitality", "Pramusaji hotel", "SAR", 180_000, 250_000,
     dict(age_min=21, age_max=40, min_education="SMA", language_code="en", language_min_level="A2",
          min_height_cm=155, required_documents="ktp,paspor,medical")),
    ("MY", "plantation", "Pekerja kebun sawit", "MYR", 170_000, 220_000,
     dict(req_sex="L", age_min=18, age_max=45, min_height_cm=None, required_documents="ktp,paspor,medical")),
    ("TR", "hospitality", "Housekeeping hotel (tanpa biaya)", "TRY", 3_000_000, 3_600_000,
     dict(age_min=20, age_max=35, min_education="SMA", language_code="en", language_min_level="A2",
          required_documents="ktp,paspor,medical")),
    ("AE", "construction", "Tukang bangunan", "AED", 150_000, 220_000,
     dict(req_sex="L", age_min=21, age_max=45, min_experience_years=2, required_documents="ktp,paspor,medical")),
    ("PL", "manufacturing", "Operator gudang dan produksi", "PLN", 466_600, 560_000,
     dict(age_min=20, age_max=40, language_code="en", language_min_level="A2",
          required_documents="ktp,paspor,medical,skck")),
]
_EMPLOYERS = {
    "JP": ["Sakura Care Co., Ltd.", "Hokkaido Kaigo Group", "Nagoya Parts Kogyo", "Kyushu Farm Cooperative"],
    "KR": ["Daegu Metal Co.", "Busan Marine Fisheries", "Incheon Plastics"],
    "TW": ["Formosa Electronics", "Taichung Precision"], "HK": ["Golden Age Care Home", "Harbour Elderly Centre"],
    "DE": ["Klinikum Nordstadt", "Pflegeheim Sonnenhof"], "SA": ["Riyadh Grand Hotel", "Jeddah Palace Resort"],
    "MY": ["Sabah Palm Estates", "Johor Agro Sdn Bhd"], "TR": ["Antalya Beach Resort", "Istanbul Bosphorus Hotel"],
    "AE": ["Dubai Build LLC", "Abu Dhabi Contracting"], "PL": ["Wroclaw Logistics Sp. z o.o.", "Poznan Foods"],
}
# stage → applicant statuses it fits (see app/core/placements.py)
_STAGE_STATUS = {"shortlisted": "ready", "proposed": "proposed", "interview": "proposed", "selected": "selected",
                 "contract": "selected", "visa": "departing", "opp": "departing", "departed": "departed",
                 "rejected": "ready", "withdrawn": "ready"}
_STAGE_ORDER = ("shortlisted", "proposed", "interview", "selected", "contract", "visa", "opp", "departed")


def generate(conn, actor: Actor, *, seed: int, today: date, orders: int = 40,
             placements_per_stage: int = 12) -> dict[str, int]:
    """Agencies, ``orders`` job orders and placements; nothing when orders exist already. The
    caller's one audit entry for the demo load records the counts returned."""
    if conn.execute(sa.select(sa.func.count()).select_from(JobOrder)).scalar_one():
        return {"agencies": 0, "job_orders": 0, "placements": 0}
    rng = np.random.default_rng([seed, 5])
    office = actor.office_code
    now = utcnow()
    base = dict(created_at=now, updated_at=now, origin_office=office, version=1)
    agency_rows = []
    for k, (name, member) in enumerate(AGENCIES):
        valid = today + timedelta(days=int(rng.integers(200, 1400))) if k < len(AGENCIES) - 1 else \
            today - timedelta(days=90)
        agency_rows.append(dict(base, id=uuid.UUID(bytes=rng.bytes(16), version=4), name=name,
                                licence_number=f"KEP.{100 + k}/PPTKIS/{2022 + k % 3}", licence_valid_until=valid,
                                apjati_member=member, contact_person=None, phone=f"+62254{2000000 + k * 7919}",
                                email=None, address="Kota Serang, Banten", active=k < len(AGENCIES) - 1))
    conn.execute(sa.insert(Agency), agency_rows)
    live_agencies = agency_rows[:-1]

    # statuses: most open; some drafts, closed (with an expired SIP) and filled
    roll = rng.random(orders)
    statuses = np.where(roll < 0.62, "open", np.where(roll < 0.75, "draft", np.where(roll < 0.88, "closed", "filled")))
    order_rows = []
    for i in range(orders):
        country, sector, position, cur, lo, hi, req = TEMPLATES[i % len(TEMPLATES)]
        status = str(statuses[i])
        start = today - timedelta(days=int(rng.integers(10, 200)))
        sip_until = start + timedelta(days=int(rng.integers(240, 420)))
        if status == "closed" and i % 2 == 0:
            start = today - timedelta(days=500)
            sip_until = today - timedelta(days=int(rng.integers(1, 60)))  # expired SIP
        agency = live_agencies[int(rng.integers(0, len(live_agencies)))]
        scale = 1 + float(rng.integers(0, 10)) / 100
        schemes = ["employer", "kur_pmi"] if country in ("JP", "KR", "DE") else ["employer", "government"]
        if country == "TR":
            schemes = ["employer"]
        row = dict(base, id=uuid.UUID(bytes=rng.bytes(16), version=4), order_number=f"JO-{start.year}-{i + 1:04d}",
                   agency_id=agency["id"], employer=_EMPLOYERS[country][i % len(_EMPLOYERS[country])], country=country,
                   sector=sector, position=position, quota=int(rng.integers(2, 25)), currency=cur,
                   salary_min=int(lo * scale), salary_max=int(hi * scale), contract_months=36 if country == "TW" else 24,
                   worker_cost=0 if country in ("TR", "JP", "DE") or rng.random() < 0.5 else int(rng.integers(5, 30)) * 1_000_000,
                   funding_schemes=",".join(schemes), deadline=today + timedelta(days=int(rng.integers(20, 150))),
                   status=status, sip_number=f"SIP.{i + 1:03d}/3673/PK/{start.year}", sip_valid_from=start,
                   sip_valid_until=sip_until, req_sex=None, age_max=None, min_education=None, language_code=None,
                   language_min_level=None, min_height_cm=None, min_experience_years=0, required_certificates="",
                   required_documents="", description=None, opened_on=start if status != "draft" else None,
                   closed_on=today - timedelta(days=int(rng.integers(1, 30))) if status in ("closed", "filled") else None)
        row.update(req)
        order_rows.append(row)
    # placements in every stage, on applicants whose status fits
    by_status: dict[str, list] = {}
    wanted = set(_STAGE_STATUS.values())
    for aid, status in conn.execute(sa.select(Applicant.id, Applicant.status).where(Applicant.status.in_(wanted))
                                    .order_by(Applicant.created_at, Applicant.id)):
        by_status.setdefault(status, []).append(aid)
    for v in by_status.values():
        rng.shuffle(v)
    open_orders = [o for o in order_rows if o["status"] == "open"]
    filled = [o for o in order_rows if o["status"] == "filled"]
    placement_rows = []
    used: set = set()
    placed_count: dict = {}
    for stage in (*_STAGE_ORDER, "rejected", "withdrawn"):
        pool = by_status.get(_STAGE_STATUS[stage], [])
        targets = filled if stage == "departed" and filled else open_orders
        if not targets:
            continue
        for k in range(min(placements_per_stage, len(pool))):
            aid = pool.pop()
            if aid in used:
                continue
            used.add(aid)
            # departures go round the filled orders, so each of them holds some
            order = targets[k % len(targets)] if stage == "departed" else targets[int(rng.integers(0, len(targets)))]
            if stage in _STAGE_ORDER[3:]:
                placed_count[order["id"]] = placed_count.get(order["id"], 0) + 1
            placement_rows.append(_placement(base, rng, order, aid, stage, today))
    for o in order_rows:  # quotas hold what was placed; filled orders are exactly full
        n = placed_count.get(o["id"], 0)
        if o["status"] == "filled" and not n:
            o["status"] = "closed"  # too few departed applicants (a tiny demo) to fill it
        o["quota"] = n if o["status"] == "filled" and n else max(o["quota"], n + 1)
    conn.execute(sa.insert(JobOrder), order_rows)
    if placement_rows:
        conn.execute(sa.insert(Placement), placement_rows)
    return {"agencies": len(agency_rows), "job_orders": len(order_rows), "placements": len(placement_rows)}


def _placement(base: dict, rng, order: dict, aid, stage: str, today: date) -> dict:
    steps = _STAGE_ORDER[:(_STAGE_ORDER.index(stage) + 1) if stage in _STAGE_ORDER else int(rng.integers(1, 4))]
    day = today - timedelta(days=int(rng.integers(20, 120)))
    dates: dict[str, Any] = {f"{s}_on": None for s in _STAGE_ORDER}
    for s in steps:
        dates[f"{s}_on"] = min(day, today)
        day += timedelta(days=int(rng.integers(3, 20)))
    ended = stage in ("rejected", "withdrawn")
    from app.core.matching import WEIGHTS

    # the score as it stood at the shortlist: each part a share of its weight (the engine's own
    # scores need the pool loaded; the demo only has to look like real shortlists)
    parts = {name: round(weight * float(rng.uniform(0.2, 1.0)), 2) for name, weight in WEIGHTS.items()}
    return dict(base, id=uuid.UUID(bytes=rng.bytes(16), version=4), job_order_id=order["id"], applicant_id=aid,
                stage=stage, score=round(sum(parts.values()), 4), score_parts=json.dumps(parts), **dates,
                ended_on=min(day, today) if ended else None,
                end_reason=("tidak lolos wawancara" if stage == "rejected" else "memilih bekerja di dalam negeri")
                if ended else None,
                funding_scheme=order["funding_schemes"].split(",")[0], kur_bank=None, loan_amount=None,
                loan_term_months=None, npwp=None, placement_agreement_on=dates["proposed_on"] if stage in _STAGE_ORDER[2:] else None,
                employment_contract_on=dates["contract_on"])
