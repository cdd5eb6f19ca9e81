"""The matching engine on hand-built cases: every filter and its reason, the score order on the
part that differs, ties, SIP rules, both directions, keeping the arrays current, permissions."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import numpy as np
import pytest
import sqlalchemy as sa

from app.core import job_orders, matching, registration
from app.core.errors import UserError
from app.core.permissions import PermissionDenied
from app.models import Applicant
from tests.conftest import TODAY, applicant_input, hold_documents
from tests.orders_helpers import agency_input, order_input, supervisor

_nik_serial = iter(range(1, 10_000))


def person(db, actor, **overrides):
    """Register one applicant (a woman born 17/03/2001 unless told), confirming warnings."""
    n = next(_nik_serial)
    sex = overrides.get("sex", "P")
    birth = overrides.get("birth_date", "2001-03-17")
    y, m, d = birth.split("-")
    nik = f"367301{int(d) + (40 if sex == 'P' else 0):02d}{m}{y[2:]}{n:04d}"
    values = dict(nik=nik, phone=f"0812-{3000 + n:04d}-{n:04d}", full_name=f"Pendaftar {n}", email=None)
    values.update(overrides)
    return registration.register_applicant(db, applicant_input(**values), actor, today=TODAY,
                                           confirm_warnings=True)


@pytest.fixture
def sup(actor):
    return supervisor(actor)


@pytest.fixture
def agency(db, sup):
    return job_orders.create_agency(db, agency_input(), sup)


def open_order(db, sup, agency, **overrides):
    return job_orders.create_order(db, order_input(agency.id, status="open", **overrides), sup, today=TODAY)


def ready(db, sup, applicant):
    hold_documents(db, applicant.id)  # the pipeline asks for the early documents before `ready`
    return registration.set_status(db, applicant.id, "ready", sup)


def reasons_of(db, sup, order, applicant) -> list[str]:
    return [r.message for r in matching.explain(db, sup, order.id, applicant.id, today=TODAY).reasons]


def test_each_filter_has_a_readable_reason(db, sup, agency):
    order = open_order(db, sup, agency, req_sex="P", age_min=18, age_max=35, min_education="SMA",
                       language_code="ja", language_min_level="N4", min_height_cm=160, min_experience_years=2,
                       required_certificates=["caregiver"], sector="caregiving")
    old = person(db, sup, birth_date="1985-01-10", education_level="SMP", height_cm=155, languages=[],
                 experience=[], skills=None)
    man = person(db, sup, sex="L", height_cm=None,
                 languages=[{"language_code": "ja", "level": "N5"}], skills="caregiver BNSP")
    texts = reasons_of(db, sup, order, old)
    assert texts == ["umur 41, batas 18–35", "pendidikan SMP, minimal SMA", "butuh Bahasa Jepang N4",
                     "tinggi 155 cm, min. 160 cm", "pengalaman pengasuh / caregiver 0 th, min. 2 th",
                     "butuh sertifikat caregiver"]
    en = [r.message_en for r in matching.explain(db, sup, order.id, old.id, today=TODAY).reasons]
    assert en[0] == "age 41, limit 18–35" and en[2] == "needs Japanese N4"
    texts = reasons_of(db, sup, order, man)
    assert texts[:3] == ["jenis kelamin L, dibutuhkan P", "Bahasa Jepang N5, butuh N4",
                         "tinggi badan belum diisi, min. 160 cm"]
    registration.set_status(db, man.id, "ineligible", sup)
    assert reasons_of(db, sup, order, man)[0] == "status Tidak memenuhi syarat"


def test_age_without_upper_limit_and_experience_counts_in_the_sector(db, sup, agency):
    order = open_order(db, sup, agency, age_min=25, age_max=None, min_experience_years=3, sector="nursing",
                       language_code=None, language_min_level=None, min_height_cm=None)
    young = person(db, sup, birth_date="2004-05-01")  # 22; 3 years 5 months of nursing (2020-02 … 2023-06)
    assert reasons_of(db, sup, order, young) == ["umur 22, minimal 25"]
    other = person(db, sup, birth_date="1995-05-01", experience=[
        {"employer": "PT A", "position": "Operator", "sector": "manufacturing", "start_date": "2015-01-01"}])
    assert reasons_of(db, sup, order, other) == ["pengalaman perawat 0 th, min. 3 th"]
    current = person(db, sup, birth_date="1995-05-01", experience=[
        {"employer": "RS B", "position": "Perawat", "sector": "nursing", "start_date": "2023-01-01"}])
    assert reasons_of(db, sup, order, current) == []  # a job without an end counts to today: 3.9 years


def test_score_order_follows_the_part_that_differs(db, sup, agency):
    order = open_order(db, sup, agency, language_code="ja", language_min_level="N4", min_height_cm=None,
                       country="JP", sector="caregiving")
    base = dict(experience=[], preferred_countries=[], preferred_sectors=[])
    n4 = person(db, sup, languages=[{"language_code": "ja", "level": "N4"}], **base)
    n3 = person(db, sup, languages=[{"language_code": "ja", "level": "N3"}], **base)
    n2 = person(db, sup, languages=[{"language_code": "ja", "level": "N2"}], **base)
    pref = person(db, sup, languages=[{"language_code": "ja", "level": "N4"}], experience=[],
                  preferred_countries=["JP"], preferred_sectors=[])
    both = person(db, sup, languages=[{"language_code": "ja", "level": "N4"}], experience=[],
                  preferred_countries=["JP"], preferred_sectors=["caregiving"])
    exp = person(db, sup, languages=[{"language_code": "ja", "level": "N4"}], preferred_countries=[],
                 preferred_sectors=[], experience=[{"employer": "Panti", "position": "Caregiver",
                                                    "sector": "caregiving", "start_date": "2022-01-01",
                                                    "end_date": "2024-01-01"}])
    result = matching.rank_candidates(db, sup, order.id, today=TODAY)
    by_id = {c.applicant_id: c for c in result.candidates}
    assert by_id[n2.id].score > by_id[n3.id].score > by_id[n4.id].score
    assert by_id[n3.id].parts["language"] - by_id[n4.id].parts["language"] == pytest.approx(12.5)
    assert by_id[both.id].score > by_id[pref.id].score > by_id[n4.id].score
    assert by_id[pref.id].parts["preference"] == pytest.approx(5.0)
    assert by_id[exp.id].score > by_id[n4.id].score and by_id[exp.id].parts["experience"] == pytest.approx(
        15.0 * (730 / 365.25) / 5)
    ranks = [c.applicant_id for c in result.candidates]
    assert ranks.index(n2.id) < ranks.index(n3.id) < ranks.index(n4.id)
    assert [c.rank for c in result.candidates] == list(range(1, len(ranks) + 1))
    for c in result.candidates:
        assert sum(c.parts.values()) == pytest.approx(c.score)


def test_signals_of_documents_and_training_rank_and_unknown_is_neutral(db, sup, agency, monkeypatch):
    order = open_order(db, sup, agency, min_height_cm=None)
    people = [person(db, sup) for _ in range(3)]
    values = {people[0].id.hex: 1.0, people[1].id.hex: 0.2, people[2].id.hex: float("nan")}
    monkeypatch.setattr(matching, "_document_completeness", lambda conn, ids, **_: np.array([values[i] for i in ids]))
    result = matching.rank_candidates(db, sup, order.id, today=TODAY)
    assert [c.applicant_id for c in result.candidates] == [people[0].id, people[2].id, people[1].id]
    assert [c.parts["documents"] for c in result.candidates] == [15.0, 7.5, 15.0 * 0.2]
    attendance = {people[0].id.hex: 0.5, people[1].id.hex: 0.95, people[2].id.hex: float("nan")}
    monkeypatch.setattr(matching, "_training_signal", lambda conn, ids, **_: (
        np.array([attendance[i] for i in ids]), np.full(len(ids), np.nan)))
    matching.pool_for(db).reload()
    result = matching.rank_candidates(db, sup, order.id, today=TODAY)
    # people[1]: documents 0.2 but attendance 0.95 now beats people[2] (both unknown: neutral)
    assert [c.applicant_id for c in result.candidates] == [people[0].id, people[1].id, people[2].id]
    assert [c.parts["attendance"] for c in result.candidates] == [7.5, 15.0 * 0.95, 7.5]


def test_waiting_time_breaks_ties_then_registration_time_then_id(db, sup, agency):
    order = open_order(db, sup, agency, min_height_cm=None, language_code=None, language_min_level=None)
    same = datetime(2026, 6, 1, 3, 0, tzinfo=timezone.utc)
    people = [person(db, sup, languages=[], experience=[], preferred_countries=[], preferred_sectors=[])
              for _ in range(40)]
    # 30 of them registered at the very same instant and day, 10 a day earlier
    with db.engine.begin() as conn:
        for k, p in enumerate(people):
            conn.execute(sa.update(Applicant).where(Applicant.id == p.id).values(
                created_at=same if k < 30 else same.replace(day=1, month=5),
                registered_on=TODAY.replace(month=6, day=1) if k < 30 else TODAY.replace(month=5, day=1),
                updated_at=datetime.now(timezone.utc), version=Applicant.version + 1))
    result = matching.rank_candidates(db, sup, order.id, today=TODAY, top=None)
    got = [c.applicant_id for c in result.candidates]
    earlier = sorted((p.id for p in people[30:]), key=lambda i: i.hex)
    later = sorted((p.id for p in people[:30]), key=lambda i: i.hex)
    assert got == earlier + later  # waiting longer first; among equals, by id
    again = matching.rank_candidates(db, sup, order.id, today=TODAY, top=35)
    assert [c.applicant_id for c in again.candidates] == got[:35]  # the cut-off is reproducible


def test_expired_sip_closes_matching_with_a_message(db, sup, agency):
    order = open_order(db, sup, agency, sip_valid_until="2026-12-31")
    person(db, sup)
    assert matching.rank_candidates(db, sup, order.id, today=TODAY).passed == 1
    later = TODAY.replace(year=2027, month=1, day=2)
    with pytest.raises(UserError) as err:
        matching.rank_candidates(db, sup, order.id, today=later)
    assert err.value.code == "sip_expired" and "31/12/2026" in err.value.message
    closed = job_orders.set_order_status(db, order.id, "closed", sup, today=TODAY)
    with pytest.raises(UserError) as err:
        matching.rank_candidates(db, sup, closed.id, today=TODAY)
    assert err.value.code == "order_not_matchable"


def test_orders_for_an_applicant_say_what_is_missing(db, actor, sup, agency):
    japan = open_order(db, sup, agency, language_code="ja", language_min_level="N4", min_height_cm=150)
    korea = open_order(db, sup, agency, employer="Daegu Metal", country="KR", sector="manufacturing",
                       language_code="ko", language_min_level="EPS-TOPIK", min_height_cm=160)
    expired = open_order(db, sup, agency, employer="Old", sip_valid_until="2026-11-30")
    draft = job_orders.create_order(db, order_input(agency.id, employer="Draft"), sup, today=TODAY)
    siti = person(db, sup, height_cm=158)
    result = matching.orders_for_applicant(db, actor, siti.id, today=TODAY.replace(day=28))
    assert [o.order_number for o in result.qualifies] == [japan.order_number, expired.order_number]
    assert [(o.order_number, [r.message for r in o.reasons]) for o in result.missing] == [
        (korea.order_number, ["butuh Bahasa Korea EPS-TOPIK", "tinggi 158 cm, min. 160 cm"])]
    later = matching.orders_for_applicant(db, actor, siti.id, today=TODAY.replace(month=12, day=1))
    assert expired.order_number not in [o.order_number for o in later.qualifies + later.missing]
    assert draft.order_number not in [o.order_number for o in later.qualifies + later.missing]


def test_the_arrays_are_kept_current_not_rebuilt(db, sup, agency):
    order = open_order(db, sup, agency, min_height_cm=None)
    first = person(db, sup)
    assert [c.applicant_id for c in matching.rank_candidates(db, sup, order.id, today=TODAY).candidates] == [first.id]
    pool = matching.pool_for(db)
    assert pool.loads == 1
    second = person(db, sup)
    data = registration.get_applicant(db, first.id, sup).to_input()
    data.languages = []  # first loses her Japanese
    registration.update_applicant(db, first.id, data, sup, expected_version=registration.get_applicant(
        db, first.id, sup).version, today=TODAY)
    result = matching.rank_candidates(db, sup, order.id, today=TODAY)
    assert [c.applicant_id for c in result.candidates] == [second.id]
    assert pool.loads == 1 and pool.refreshed_rows == 2
    registration.set_status(db, second.id, "withdrawn", sup)
    assert matching.rank_candidates(db, sup, order.id, today=TODAY).passed == 0
    assert pool.loads == 1


def test_near_misses_show_the_one_reason(db, sup, agency):
    order = open_order(db, sup, agency, min_height_cm=160)
    short = person(db, sup, height_cm=158)
    result = matching.rank_candidates(db, sup, order.id, today=TODAY, near=5)
    assert result.passed == 0 and result.failed_by["height"] == 1
    assert [(c.applicant_id, [r.message for r in c.reasons]) for c in result.near_misses] == [
        (short.id, ["tinggi 158 cm, min. 160 cm"])]
    assert result.near_misses[0].full_name == short.full_name


def test_rank_all_open_orders(db, sup, agency):
    a = open_order(db, sup, agency, min_height_cm=None)
    b = open_order(db, sup, agency, req_sex="L", min_height_cm=None)
    job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)  # a draft: not ranked
    person(db, sup)
    out = matching.rank_all_open(db, sup, today=TODAY)
    assert set(out) == {a.order_number, b.order_number}
    assert (out[a.order_number].passed, out[b.order_number].passed) == (1, 0)


def test_permissions(db, actor, sup, agency):
    order = open_order(db, sup, agency)
    p = person(db, sup)
    with pytest.raises(PermissionDenied):
        matching.rank_candidates(db, actor, order.id, today=TODAY)  # counter staff
    assert matching.orders_for_applicant(db, actor, p.id, today=TODAY).qualifies
    from app.core.actor import Actor
    with pytest.raises(PermissionDenied):
        matching.orders_for_applicant(db, Actor("t", actor.office_code, "trainer"), p.id, today=TODAY)


def test_unknown_applicant_or_order(db, sup, agency):
    order = open_order(db, sup, agency)
    from app.core.errors import NotFound
    with pytest.raises(NotFound):
        matching.orders_for_applicant(db, sup, uuid.uuid4(), today=TODAY)
    with pytest.raises(NotFound):
        matching.explain(db, sup, order.id, uuid.uuid4(), today=TODAY)
    with pytest.raises(NotFound):
        matching.rank_candidates(db, sup, "JO-2026-0099", today=TODAY)


def test_a_restored_older_file_is_loaded_again(db, sup, agency):
    order = open_order(db, sup, agency, min_height_cm=None)
    first = person(db, sup)
    second = person(db, sup)
    assert matching.rank_candidates(db, sup, order.id, today=TODAY).passed == 2
    pool = matching.pool_for(db)
    # as if an older backup came back: the newest change and the newest row are gone
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM applicant_language WHERE applicant_id = ?", (second.id.hex,))
        conn.exec_driver_sql("DELETE FROM work_experience WHERE applicant_id = ?", (second.id.hex,))
        conn.exec_driver_sql("DELETE FROM applicant WHERE id = ?", (second.id.hex,))
        conn.exec_driver_sql("UPDATE applicant SET status = 'withdrawn', updated_at = '2026-01-01 00:00:00.000000'")
    result = matching.rank_candidates(db, sup, order.id, today=TODAY)
    assert (result.passed, result.total, pool.loads) == (0, 1, 2)
    assert first.id.hex in pool.index


def test_changed_signals_are_read_again_when_told(db, sup, agency, monkeypatch):
    order = open_order(db, sup, agency, min_height_cm=None)
    a, b = person(db, sup), person(db, sup)
    values = {a.id.hex: 0.2, b.id.hex: 0.9}
    monkeypatch.setattr(matching, "_document_completeness", lambda conn, ids, **_: np.array([values[i] for i in ids]))
    first = matching.rank_candidates(db, sup, order.id, today=TODAY)
    assert [c.applicant_id for c in first.candidates] == [b.id, a.id]
    values[a.id.hex] = 1.0  # a's documents were verified (the applicant row itself did not change)
    assert [c.applicant_id for c in matching.rank_candidates(db, sup, order.id, today=TODAY).candidates] == [b.id, a.id]
    matching.signals_changed(db, [a.id])
    again = matching.rank_candidates(db, sup, order.id, today=TODAY)
    assert [c.applicant_id for c in again.candidates] == [a.id, b.id]
    assert again.candidates[0].parts["documents"] == 15.0 and matching.pool_for(db).loads == 1
