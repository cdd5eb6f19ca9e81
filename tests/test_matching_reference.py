"""The vectorised engine agrees with a plain reference implementation (pure Python over rows) on
random small databases, in both directions, after a full load and after an incremental refresh."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import matching, reference
from app.core.matching import (CANDIDATE_STATUSES, DAYS_PER_YEAR, EXPERIENCE_FULL_YEARS, LANGUAGE_FULL_STEPS,
                               NEUTRAL, SUM_ORDER, WAITING_FULL_DAYS, WEIGHTS)
from app.models import STATUSES, Applicant, ApplicantLanguage, WorkExperience

DAY = date(2026, 11, 25)
LANGS = ["ja", "ko", "en"]
SECTORS = ["caregiving", "manufacturing", "nursing"]
COUNTRIES = ["JP", "KR", "TW"]
SKILLS = [None, "Sertifikat Caregiver BNSP", "Las listrik, forklift", "caregiver"]
CERT_OPTIONS = [(), ("caregiver",), ("forklift", "las")]
STAMPS = ["2026-01-05 01:00:00.000000", "2026-01-05 01:00:00.000000", "2026-02-01 03:00:00.000000",
          "2026-03-01 02:00:00.000000"]


def _signal(aid_hex: str, salt: str) -> float:
    h = hashlib.sha256((aid_hex + salt).encode()).digest()
    return float("nan") if h[0] < 80 else h[1] / 255.0


def fake_documents(conn, ids, **_):
    return np.array([_signal(i, "d") for i in ids])


def fake_training(conn, ids, **_):
    return np.array([_signal(i, "a") for i in ids]), np.array([_signal(i, "t") for i in ids])


applicants_st = st.lists(st.fixed_dictionaries({
    "id": st.uuids(version=4),
    "sex": st.sampled_from("LP"),
    "age_days": st.integers(16 * 365, 60 * 365),
    "edu": st.sampled_from(list(reference.education_levels())),
    "height": st.one_of(st.none(), st.integers(140, 190)),
    "status": st.sampled_from(STATUSES),
    "created": st.sampled_from(STAMPS),
    "reg_days": st.integers(0, 800),
    "pref_c": st.lists(st.sampled_from(COUNTRIES), max_size=2, unique=True),
    "pref_s": st.lists(st.sampled_from(SECTORS), max_size=2, unique=True),
    "skills": st.sampled_from(SKILLS),
    "langs": st.lists(st.tuples(st.sampled_from(LANGS), st.integers(0, 5), st.sampled_from([None, "JLPT N4", "forklift"])),
                      max_size=2, unique_by=lambda x: x[0]),
    "exps": st.lists(st.tuples(st.sampled_from(SECTORS), st.integers(30, 3000), st.one_of(st.none(), st.integers(0, 2000))),
                     max_size=2),
}), max_size=25, unique_by=lambda a: a["id"])

order_st = st.fixed_dictionaries({
    "req_sex": st.sampled_from([None, "L", "P"]),
    "age_min": st.integers(18, 30),
    "age_span": st.one_of(st.none(), st.integers(0, 20)),
    "min_education": st.sampled_from([None, "SMP", "SMA", "D3"]),
    "lang": st.one_of(st.none(), st.tuples(st.sampled_from(LANGS), st.integers(0, 3))),
    "min_height_cm": st.one_of(st.none(), st.integers(145, 175)),
    "min_experience_years": st.integers(0, 3),
    "certs": st.sampled_from(CERT_OPTIONS),
    "country": st.sampled_from(COUNTRIES),
    "sector": st.sampled_from(SECTORS),
})


class FakeOrder:
    def __init__(self, o, number="JO-2026-0001"):
        self.id = uuid.UUID(int=7 + int(number[-4:]))
        self.order_number = number
        self.country, self.sector = o["country"], o["sector"]
        self.req_sex = o["req_sex"]
        self.age_min = o["age_min"]
        self.age_max = None if o["age_span"] is None else o["age_min"] + o["age_span"]
        self.min_education = o["min_education"]
        if o["lang"]:
            code, lvl = o["lang"]
            levels = reference.languages()[code].levels
            self.language_code, self.language_min_level = code, levels[min(lvl, len(levels) - 1)]
        else:
            self.language_code = self.language_min_level = None
        self.min_height_cm = o["min_height_cm"]
        self.min_experience_years = o["min_experience_years"]
        self.required_certificates = list(o["certs"])
        self.employer, self.position, self.deadline = "E", "P", None


def insert(db, apps) -> None:
    now = "2026-11-25 00:00:00.000000"
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM applicant_language")
        conn.exec_driver_sql("DELETE FROM work_experience")
        conn.exec_driver_sql("DELETE FROM applicant")
        for k, a in enumerate(apps):
            _insert_one(conn, a, k, now)


def _insert_one(conn, a, k, now):
    levels = reference.languages()
    birth = DAY - timedelta(days=a["age_days"])
    conn.execute(sa.insert(Applicant), [dict(
        id=a["id"], created_at=datetime.fromisoformat(a["created"]).replace(tzinfo=timezone.utc),
        updated_at=datetime.fromisoformat(now).replace(tzinfo=timezone.utc), origin_office="SRG-0001",
        version=a.get("version", 1), registration_number=f"R{k:05d}-{a['id'].hex[:6]}", office_code="SRG-0001",
        registered_on=DAY - timedelta(days=a["reg_days"]), nik=a["id"].hex[:16], kk_number="1" * 16,
        full_name=f"A{k}", sex=a["sex"], birth_place="Serang", birth_date=birth, marital_status="belum_kawin",
        address="x", rt="", rw="", kelurahan_code="36.73.01.1002", kecamatan_code="36.73.01",
        phone=f"+62812{k:08d}", education_level=a["edu"], height_cm=a["height"],
        preferred_countries=",".join(a["pref_c"]), preferred_sectors=",".join(a["pref_s"]),
        skills=a["skills"], consent_on=DAY, status=a["status"])])
    for code, lvl, cert in a["langs"]:
        lv = levels[code].levels
        conn.execute(sa.insert(ApplicantLanguage), [dict(
            id=uuid.uuid4(), origin_office="SRG-0001", applicant_id=a["id"], language_code=code,
            level=lv[min(lvl, len(lv) - 1)], certificate=cert)])
    for sector, start_back, length in a["exps"]:
        start = DAY - timedelta(days=start_back)
        end = None if length is None else start + timedelta(days=length)
        conn.execute(sa.insert(WorkExperience), [dict(
            id=uuid.uuid4(), origin_office="SRG-0001", applicant_id=a["id"], employer="x", position="y",
            sector=sector, start_date=start, end_date=end)])


# --- the reference implementation ---------------------------------------------------------------

def reference_evaluate(db, order, day):
    """applicant id hex → (failed filters as a set, score) by plain Python over the rows."""
    with db.engine.connect() as conn:
        apps = conn.exec_driver_sql(
            "SELECT id, created_at, registered_on, birth_date, sex, education_level, height_cm, status, "
            "preferred_countries, preferred_sectors, skills FROM applicant").all()
        langs = conn.exec_driver_sql("SELECT applicant_id, language_code, level, certificate FROM applicant_language").all()
        exps = conn.exec_driver_sql("SELECT applicant_id, sector, start_date, end_date FROM work_experience").all()
    ids = [a[0] for a in apps]
    docs = dict(zip(ids, fake_documents(None, ids)))
    att, tst = fake_training(None, ids)
    att, tst = dict(zip(ids, att)), dict(zip(ids, tst))
    lang_levels = reference.languages()
    out = {}
    for (aid, created, reg, birth, sex, edu, height, status, pc, ps, skills) in apps:
        birth = date.fromisoformat(birth)
        age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
        level = -1
        texts = [skills.lower()] if skills else []
        for a2, code, lvl, cert in langs:
            if a2 != aid:
                continue
            if code == order.language_code:
                level = max(level, lang_levels[code].levels.index(lvl))
            if cert:
                texts.append(cert.lower())
        text = " | ".join(texts)
        exp_days = 0
        for a2, sector, start, end in exps:
            if a2 == aid and sector == order.sector:
                end_d = date.fromisoformat(end) if end else day
                exp_days += max(0, (end_d - date.fromisoformat(start)).days) if end else (day - date.fromisoformat(start)).days
        failed = set()
        if status not in CANDIDATE_STATUSES:
            failed.add("status")
        if order.req_sex and sex != order.req_sex:
            failed.add("sex")
        if age < order.age_min or (order.age_max is not None and age > order.age_max):
            failed.add("age")
        if order.min_education and reference.education_rank(edu) < reference.education_rank(order.min_education):
            failed.add("education")
        min_level = -1
        if order.language_code:
            min_level = lang_levels[order.language_code].levels.index(order.language_min_level)
            if level < min_level:
                failed.add("language")
        if order.min_height_cm and (height or 0) < order.min_height_cm:
            failed.add("height")
        if order.min_experience_years and exp_days < order.min_experience_years * DAYS_PER_YEAR:
            failed.add("experience")
        for cert in order.required_certificates:
            if cert.lower() not in text:
                failed.add(f"certificate:{cert}")
        parts = {
            "language": min(1.0, max(0, level - min_level) / LANGUAGE_FULL_STEPS) if order.language_code else 0.0,
            "attendance": NEUTRAL if np.isnan(att[aid]) else float(att[aid]),
            "test": NEUTRAL if np.isnan(tst[aid]) else float(tst[aid]),
            "documents": NEUTRAL if np.isnan(docs[aid]) else float(docs[aid]),
            "experience": min(1.0, (exp_days / DAYS_PER_YEAR) / EXPERIENCE_FULL_YEARS),
            "preference": 0.5 * (order.country in pc.split(",")) + 0.5 * (order.sector in ps.split(",")),
            "waiting": min(1.0, max(0, (day - date.fromisoformat(reg)).days) / WAITING_FULL_DAYS),
        }
        score = 0.0
        for name in SUM_ORDER:
            score = score + WEIGHTS[name] * parts[name]
        out[aid] = (failed, score, created)
    return out


def reference_rank(db, order, day):
    ev = reference_evaluate(db, order, day)
    passing = [(aid, v[1], v[2]) for aid, v in ev.items() if not v[0]]
    passing.sort(key=lambda x: (-x[1], x[2], x[0]))
    return [(aid, score) for aid, score, _ in passing], ev


@pytest.fixture
def fake_signals(monkeypatch):
    monkeypatch.setattr(matching, "_document_completeness", fake_documents)
    monkeypatch.setattr(matching, "_training_signal", fake_training)


def _compare(db, pool, orders):
    evaluations = []
    for order in orders:
        crit = matching.Criteria.of(order)
        result = matching.rank_pool(pool, crit, DAY, top=None, near=1000)
        expected, ev = reference_rank(db, order, DAY)
        evaluations.append(ev)
        got = [(c.applicant_id.hex, c.score) for c in result.candidates]
        assert [g[0] for g in got] == [e[0] for e in expected]
        assert [g[1] for g in got] == [e[1] for e in expected]  # exactly: the same sums in the same order
        assert result.passed == len(expected) and result.total == len(ev)
        for f in matching.FILTERS:
            if f == "certificates":
                want = sum(1 for v in ev.values() if any(x.startswith("certificate:") for x in v[0]))
            else:
                want = sum(1 for v in ev.values() if f in v[0])
            assert result.failed_by[f] == want, f
        near = {c.applicant_id.hex: c for c in result.near_misses}
        want_near = {aid for aid, v in ev.items() if len(v[0]) == 1 and "status" not in v[0]}
        assert set(near) == want_near
        for aid, c in near.items():
            (only,) = ev[aid][0]
            assert [r.filter for r in c.reasons] == ["certificates" if only.startswith("certificate:") else only]
            assert c.reasons[0].message and c.reasons[0].message_en
        # without near misses the filters run on sorted columns: the same ranking and counts
        fast = matching.rank_pool(pool, crit, DAY, top=None)
        assert [(c.applicant_id, c.score) for c in fast.candidates] == [(c.applicant_id, c.score)
                                                                         for c in result.candidates]
        assert (fast.failed_by, fast.passed, fast.total) == (result.failed_by, result.passed, result.total)
        top = matching.rank_pool(pool, crit, DAY, top=3)  # the cut-off keeps the same order
        assert [c.applicant_id.hex for c in top.candidates] == [e[0] for e in expected[:3]]
    # the other direction: each applicant against all the orders at once
    table = matching.OrderTable(orders, DAY, None)
    for aid in evaluations[0] if evaluations else ():
        qualifies, missing = matching.fits_for_row(pool, pool.index[aid], table, DAY)
        fits = {f.order_number: f for f in qualifies + missing}
        assert len(fits) == len(orders)
        for order, ev in zip(orders, evaluations):
            failed, score, _ = ev[aid]
            fit = fits[order.order_number]
            assert fit.score == score and fit.qualifies == (not failed)
            assert {("certificate:" + r.params["certificate"]) if r.filter == "certificates" else r.filter
                    for r in fit.reasons} == failed
            # the values in the reasons are this order's: the same as against this order alone
            alone = matching.fits_for_row(pool, pool.index[aid], matching.OrderTable([order], DAY, None), DAY)
            (single,) = alone[0] + alone[1]
            assert [r.message for r in fit.reasons] == [r.message for r in single.reasons]
            assert fit.parts == single.parts
        assert [f.score for f in qualifies] == sorted((f.score for f in qualifies), reverse=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(apps=applicants_st, orders=st.lists(order_st, min_size=1, max_size=3))
def test_engine_agrees_with_reference(db, fake_signals, apps, orders):
    insert(db, apps)
    pool = matching.CandidatePool(db)
    pool.ensure_current()
    _compare(db, pool, [FakeOrder(o, f"JO-2026-{k + 1:04d}") for k, o in enumerate(orders)])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(apps=applicants_st, later=applicants_st, changes=st.lists(st.tuples(st.integers(0, 30), st.sampled_from(STATUSES),
                                                                          st.sampled_from(STAMPS)), max_size=5),
       order=order_st)
def test_incremental_refresh_agrees_with_reference(db, fake_signals, apps, later, changes, order):
    """Load, then change rows (status, registration time, languages) and add new ones: the
    refreshed arrays rank as the reference does on the changed database."""
    insert(db, apps)
    pool = matching.CandidatePool(db)
    pool.ensure_current()
    known = {a["id"] for a in apps}
    with db.engine.begin() as conn:
        for k, (i, status, stamp) in enumerate(changes):
            if not apps:
                break
            a = apps[i % len(apps)]
            conn.execute(sa.update(Applicant).where(Applicant.id == a["id"]).values(
                status=status, created_at=datetime.fromisoformat(stamp).replace(tzinfo=timezone.utc),
                version=Applicant.version + 1, updated_at=datetime.now(timezone.utc)))
            conn.execute(sa.delete(ApplicantLanguage).where(ApplicantLanguage.applicant_id == a["id"]))
        for k, a in enumerate(later):
            if a["id"] not in known:
                _insert_one(conn, a, 1000 + k, "2026-11-25 00:00:00.000000")
    pool.ensure_current()
    assert pool.loads == 1 or not apps  # refreshed, not rebuilt
    _compare(db, pool, [FakeOrder(order)])
