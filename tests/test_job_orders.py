"""Agencies and job orders: validation, SIP rules, status, quota, audit, permissions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.core import audit, currency, job_orders
from app.core.errors import ConcurrentEdit, NotFound, UserError, ValidationError
from app.core.job_orders import JobOrderInput
from app.core.permissions import PermissionDenied
from tests.orders_helpers import TODAY, agency_input, order_input, supervisor

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sup(actor):
    return supervisor(actor)


@pytest.fixture
def agency(db, sup):
    return job_orders.create_agency(db, agency_input(), sup)


def codes(exc) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.value.errors}


def test_create_order_as_draft_with_number_and_audit(db, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)
    assert (o.status, o.order_number, o.agency_name) == ("draft", "JO-2026-0001", "PT Sinar Jaya Abadi")
    assert o.funding_schemes == ["employer", "kur_pmi"] and o.required_documents == ["paspor", "medical"]
    assert o.zero_cost and o.contract_months == 24
    second = job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)
    assert second.order_number == "JO-2026-0002"
    history = job_orders.order_history(db, o.id, sup)
    assert [h.action for h in history] == ["create"]
    assert history[0].changes["employer"] == [None, "Sakura Care Co., Ltd."]
    assert history[0].changes["status"] == [None, "draft"]


def test_contract_length_defaults_to_24_months(db, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id, contract_months=None), sup, today=TODAY)
    assert o.contract_months == 24


def test_validation_lists_every_problem(db, sup, agency):
    bad = order_input(agency.id, employer="", country="XX", sector="space", quota=0, currency="ABC",
                      salary_min=300, salary_max=200, age_min=16, age_max=None, min_education="SMX",
                      language_code="ja", language_min_level="B2", min_height_cm=20,
                      funding_schemes=["gratis"], required_documents=["Paspor!"],
                      sip_valid_from="2026-05-01", sip_valid_until="2026-01-01")
    with pytest.raises(ValidationError) as err:
        job_orders.create_order(db, bad, sup, today=TODAY)
    assert codes(err) >= {("employer", "required"), ("country", "invalid_choice"), ("sector", "invalid_choice"),
                          ("quota", "out_of_range"), ("currency", "invalid_choice"), ("salary_max", "salary_range"),
                          ("age_min", "out_of_range"), ("min_education", "invalid_choice"),
                          ("language_min_level", "level_unknown"), ("min_height_cm", "out_of_range"),
                          ("funding_schemes", "invalid_choice"), ("required_documents", "invalid_choice"),
                          ("sip_valid_until", "sip_dates")}
    for e in err.value.errors:
        assert e.message != e.code and e.message_en != e.code


def test_age_max_below_min_and_language_without_level(db, sup, agency):
    with pytest.raises(ValidationError) as err:
        job_orders.create_order(db, order_input(agency.id, age_min=30, age_max=25, language_min_level=None),
                                sup, today=TODAY)
    assert codes(err) == {("age_max", "age_range"), ("language_min_level", "required")}


def test_money_is_integer_minor_units(db, sup, agency):
    with pytest.raises(ValidationError) as err:
        job_orders.create_order(db, order_input(agency.id, salary_min=1800.5), sup, today=TODAY)
    assert ("salary_min", "invalid_number") in codes(err)


def test_rupiah_equivalent_uses_the_dated_rate_table():
    assert currency.to_rupiah(180_000, "JPY", TODAY) == 180_000 * 108
    assert currency.to_rupiah(125_050, "USD", TODAY) == 20_758_300  # 1,250.50 × 16,600
    assert currency.to_rupiah(1, "KRW", TODAY) == 12  # 11.5, half up
    assert currency.to_rupiah(1_000, "KWD", TODAY) == 54_000  # three minor digits
    assert currency.to_rupiah(100, "JPY", date(2020, 1, 1)) is None  # no rate known that early
    assert currency.to_rupiah(8_000_000, "IDR", TODAY) == 8_000_000
    assert currency.format_amount(125_050, "USD") == "USD 1.250,50"


def test_order_detail_carries_rupiah_range(db, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)
    assert o.salary_rupiah(TODAY) == (19_440_000, 23_760_000)
    d = o.to_dict(TODAY)
    assert d["salary_min_idr"] == 19_440_000 and d["zero_cost"] is True and d["sip_valid_today"] is True


def test_open_needs_a_sip_valid_today(db, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id, sip_number=None, sip_valid_from=None,
                                                sip_valid_until=None), sup, today=TODAY)
    with pytest.raises(UserError) as err:
        job_orders.set_order_status(db, o.id, "open", sup, today=TODAY)
    assert err.value.code == "sip_missing"
    late = job_orders.create_order(db, order_input(agency.id, sip_valid_from="2026-12-01"), sup, today=TODAY)
    with pytest.raises(UserError) as err:
        job_orders.set_order_status(db, late.id, "open", sup, today=TODAY)
    assert err.value.code == "sip_not_yet_valid" and "01/12/2026" in err.value.message
    expired = job_orders.create_order(db, order_input(agency.id, sip_valid_until="2026-11-24"), sup, today=TODAY)
    with pytest.raises(UserError) as err:
        job_orders.set_order_status(db, expired.id, "open", sup, today=TODAY)
    assert err.value.code == "sip_expired"
    assert "24/11/2026" in err.value.message and "SIP-001/2026" in err.value.message
    ok = job_orders.create_order(db, order_input(agency.id, sip_valid_until="2026-11-25"), sup, today=TODAY)
    opened = job_orders.set_order_status(db, ok.id, "open", sup, today=TODAY)  # the last valid day
    assert (opened.status, opened.opened_on) == ("open", TODAY)


def test_create_open_at_once_follows_the_same_rules(db, sup, agency):
    with pytest.raises(UserError) as err:
        job_orders.create_order(db, order_input(agency.id, status="open", sip_valid_until="2026-01-31"), sup,
                                today=TODAY)
    assert err.value.code == "sip_expired"
    assert job_orders.list_orders(db, sup) == []  # nothing half-saved
    o = job_orders.create_order(db, order_input(agency.id, status="open"), sup, today=TODAY)
    assert o.status == "open"


def test_open_needs_a_valid_agency_licence_and_a_future_deadline(db, sup):
    old = job_orders.create_agency(db, agency_input(licence_number="X-1", licence_valid_until="2026-06-30"), sup)
    o = job_orders.create_order(db, order_input(old.id), sup, today=TODAY)
    with pytest.raises(UserError) as err:
        job_orders.set_order_status(db, o.id, "open", sup, today=TODAY)
    assert err.value.code == "agency_licence_expired"
    good = job_orders.create_agency(db, agency_input(licence_number="X-2"), sup)
    late = job_orders.create_order(db, order_input(good.id, deadline="2026-11-01"), sup, today=TODAY)
    with pytest.raises(UserError) as err:
        job_orders.set_order_status(db, late.id, "open", sup, today=TODAY)
    assert err.value.code == "order_deadline_passed"


def test_status_transitions_and_read_only_closed_orders(db, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)
    o = job_orders.set_order_status(db, o.id, "open", sup, today=TODAY)
    o = job_orders.set_order_status(db, o.id, "closed", sup, reason="pemberi kerja menunda", today=TODAY)
    assert (o.status, o.closed_on) == ("closed", TODAY)
    with pytest.raises(UserError) as err:
        job_orders.update_order(db, o.id, o.to_input(), sup, expected_version=o.version, today=TODAY)
    assert err.value.code == "order_read_only"
    with pytest.raises(UserError) as err:
        job_orders.set_order_status(db, o.id, "filled", sup, today=TODAY)
    assert err.value.code == "order_status_transition"
    o = job_orders.set_order_status(db, o.id, "open", sup, today=TODAY)
    assert o.status == "open" and o.closed_on is None
    changes = [h.changes.get("status") for h in job_orders.order_history(db, o.id, sup)]
    assert changes == [[None, "draft"], ["draft", "open"], ["open", "closed"], ["closed", "open"]]


def test_update_is_audited_and_checks_the_version(db, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)
    data = o.to_input()
    data.quota = 5
    data.required_certificates = ["Sertifikat caregiver BNSP"]
    updated = job_orders.update_order(db, o.id, data, sup, expected_version=o.version, today=TODAY)
    assert (updated.quota, updated.version, updated.required_certificates) == (5, o.version + 1,
                                                                               ["Sertifikat caregiver BNSP"])
    last = job_orders.order_history(db, o.id, sup)[-1]
    assert last.action == "update" and last.changes["quota"] == [3, 5]
    with pytest.raises(ConcurrentEdit):
        job_orders.update_order(db, o.id, data, sup, expected_version=o.version, today=TODAY)


def test_an_open_order_cannot_be_saved_with_an_expired_sip(db, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id, status="open"), sup, today=TODAY)
    data = o.to_input()
    data.sip_valid_until = "2026-11-01"
    with pytest.raises(UserError) as err:
        job_orders.update_order(db, o.id, data, sup, expected_version=o.version, today=TODAY)
    assert err.value.code == "sip_expired"
    assert job_orders.get_order(db, o.id, sup).sip_valid_until == date(2027, 6, 30)


def test_agency_licence_number_is_unique_and_edits_are_audited(db, sup, agency):
    with pytest.raises(ValidationError) as err:
        job_orders.create_agency(db, agency_input(name="Lain"), sup)
    assert codes(err) == {("licence_number", "licence_duplicate")}
    data = agency_input(apjati_member=False)
    changed = job_orders.update_agency(db, agency.id, data, sup, expected_version=agency.version)
    assert changed.apjati_member is False and changed.version == agency.version + 1
    with db.session(write=False) as s:
        rows = audit.history(s, "agency", agency.id)
    assert [r.action for r in rows] == ["create", "update"]
    assert rows[1].changes == {"apjati_member": [True, False]}


def test_agency_inline_in_the_order_is_matched_or_created(db, sup):
    raw = order_input(None).__dict__ | {"agency": agency_input().__dict__}
    o1 = job_orders.create_order(db, JobOrderInput(**raw), sup, today=TODAY)
    o2 = job_orders.create_order(db, JobOrderInput(**raw), sup, today=TODAY)
    assert o1.agency_id == o2.agency_id
    assert len(job_orders.list_agencies(db, sup)) == 1


def test_counter_staff_see_orders_but_do_not_manage_them(db, actor, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)
    assert job_orders.get_order(db, o.id, actor).order_number == o.order_number
    assert [x.id for x in job_orders.list_orders(db, actor)] == [o.id]
    with pytest.raises(PermissionDenied):
        job_orders.create_order(db, order_input(agency.id), actor, today=TODAY)
    with pytest.raises(PermissionDenied):
        job_orders.set_order_status(db, o.id, "open", actor, today=TODAY)
    from app.core.actor import Actor
    with pytest.raises(PermissionDenied):
        job_orders.list_orders(db, Actor("trainer1", actor.office_code, "trainer"))


def test_find_by_number_or_id_and_list_filters(db, sup, agency):
    a = job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)
    b = job_orders.create_order(db, order_input(agency.id, employer="Daegu Metal", country="KR",
                                                language_code="ko", language_min_level="EPS-TOPIK"), sup,
                                today=TODAY)
    job_orders.set_order_status(db, b.id, "open", sup, today=TODAY)
    assert job_orders.get_order(db, "jo-2026-0002", sup).id == b.id
    assert job_orders.get_order(db, str(a.id), sup).id == a.id
    with pytest.raises(NotFound):
        job_orders.get_order(db, "JO-2026-9999", sup)
    assert [o.id for o in job_orders.list_orders(db, sup, status="open")] == [b.id]
    assert [o.id for o in job_orders.list_orders(db, sup, text="Daegu")] == [b.id]
    assert [o.id for o in job_orders.list_orders(db, sup)] == [b.id, a.id]


def test_unknown_keys_of_a_json_order_are_refused():
    with pytest.raises(ValidationError) as err:
        JobOrderInput.from_dict({"employer": "x", "salary": 5})
    assert codes(err) == {("salary", "unknown_field")}


def test_example_job_order_file_is_complete_and_valid(db, sup):
    data = json.loads((ROOT / "docs" / "examples" / "job_order.json").read_text(encoding="utf-8"))
    o = job_orders.create_order(db, JobOrderInput.from_dict(data), sup, today=TODAY)
    assert o.status == "open"
    missing = [f for f in job_orders.ORDER_INPUT_FIELDS if f not in data and f != "agency_id"]
    assert missing == []
