"""Placements: the stages and the applicant's status, quota, one active order, ends, funding and
the KUR PMI pre-check."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import audit, job_orders, placements, registration
from app.core.errors import UserError, ValidationError
from app.core.permissions import PermissionDenied
from app.core.placements import FundingInput
from tests.conftest import TODAY, hold_documents
from tests.orders_helpers import agency_input, order_input, supervisor
from tests.test_matching import person


@pytest.fixture
def sup(actor):
    return supervisor(actor)


@pytest.fixture
def agency(db, sup):
    return job_orders.create_agency(db, agency_input(), sup)


@pytest.fixture
def order(db, sup, agency):
    return job_orders.create_order(db, order_input(agency.id, status="open", quota=2, min_height_cm=None), sup,
                                   today=TODAY)


def ready_person(db, sup, **kw):
    p = person(db, sup, **kw)
    # every required document verified: `ready` asks for the early ones, `departing` for all
    hold_documents(db, p.id, verify=True, stages=("registration", "placement", "departure"))
    registration.set_status(db, p.id, "ready", sup)
    return p


def status_of(db, sup, applicant) -> str:
    return registration.get_applicant(db, applicant.id, sup).status


def walk(db, sup, placement, stages):
    for st in stages:
        placement = placements.advance(db, sup, placement.id, st, today=TODAY)
    return placement


def test_full_pipeline_moves_the_applicant(db, sup, order):
    p = ready_person(db, sup)
    pl = placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    assert (pl.stage, pl.shortlisted_on, pl.score is not None) == ("shortlisted", TODAY, True)
    assert set(pl.score_parts) == {"language", "attendance", "test", "documents", "experience", "preference", "waiting"}
    assert status_of(db, sup, p) == "ready"
    expected = {"proposed": "proposed", "interview": "proposed", "selected": "selected", "contract": "selected",
                "visa": "departing", "opp": "departing", "departed": "departed"}
    for stage, status in expected.items():
        pl = placements.advance(db, sup, pl.id, stage, today=TODAY)
        assert (pl.stage, status_of(db, sup, p)) == (stage, status)
        assert pl.stage_date(stage) == TODAY
    assert pl.employment_contract_on == TODAY
    with db.session(write=False) as s:
        history = audit.history(s, "placement", pl.id)
        moves = [h.changes.get("status") for h in audit.history(s, "applicant", p.id) if "status" in h.changes]
    assert [h.changes["stage"][1] for h in history] == ["shortlisted", "proposed", "interview", "selected",
                                                       "contract", "visa", "opp", "departed"]
    assert moves[-4:] == [["ready", "proposed"], ["proposed", "selected"], ["selected", "departing"],
                          ["departing", "departed"]]


def test_stages_go_one_step_at_a_time_with_dates_in_order(db, sup, order):
    p = ready_person(db, sup)
    pl = placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    with pytest.raises(UserError) as err:
        placements.advance(db, sup, pl.id, "selected", today=TODAY)
    assert err.value.code == "placement_next_stage" and "Diusulkan ke P3MI" in err.value.message
    with pytest.raises(ValidationError) as err:
        placements.advance(db, sup, pl.id, "proposed", on=TODAY - timedelta(days=3), today=TODAY)
    assert err.value.errors[0].code == "stage_date_order"
    with pytest.raises(ValidationError) as err:
        placements.advance(db, sup, pl.id, "proposed", on=TODAY + timedelta(days=1), today=TODAY)
    assert err.value.errors[0].code == "date_in_future"


def test_an_applicant_not_ready_may_be_shortlisted_but_not_proposed(db, sup, order):
    p = person(db, sup)  # still "registered"
    pl = placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    with pytest.raises(UserError) as err:
        placements.advance(db, sup, pl.id, "proposed", today=TODAY)
    assert err.value.code == "placement_not_ready"
    assert "Terdaftar" in err.value.message and "Siap ditempatkan" in err.value.message
    hold_documents(db, p.id)
    registration.set_status(db, p.id, "ready", sup)
    assert placements.advance(db, sup, pl.id, "proposed", today=TODAY).stage == "proposed"


def test_shortlist_refuses_who_fails_a_requirement_and_duplicates(db, sup, order):
    short = ready_person(db, sup, birth_date="1980-02-02")
    with pytest.raises(UserError) as err:
        placements.shortlist(db, sup, order.id, short.id, today=TODAY)
    assert err.value.code == "shortlist_fails" and "umur 46, batas 18–35" in err.value.message
    p = ready_person(db, sup)
    placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    with pytest.raises(UserError) as err:
        placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    assert err.value.code == "placement_exists"


def test_proposing_needs_an_open_order_with_a_valid_sip(db, sup, agency):
    o = job_orders.create_order(db, order_input(agency.id, status="open", sip_valid_until="2026-11-30",
                                                min_height_cm=None), sup, today=TODAY)
    p = ready_person(db, sup)
    pl = placements.shortlist(db, sup, o.id, p.id, today=TODAY)
    with pytest.raises(UserError) as err:
        placements.advance(db, sup, pl.id, "proposed", today=TODAY + timedelta(days=6))
    assert err.value.code == "sip_expired"


def test_quota_is_respected_and_the_order_fills(db, sup, order):
    people = [ready_person(db, sup) for _ in range(3)]
    pls = [placements.shortlist(db, sup, order.id, p.id, today=TODAY) for p in people]
    pls = [walk(db, sup, pl, ["proposed", "interview"]) for pl in pls]
    walk(db, sup, pls[0], ["selected"])
    assert job_orders.get_order(db, order.id, sup).status == "open"
    walk(db, sup, pls[1], ["selected"])
    filled = job_orders.get_order(db, order.id, sup)
    assert (filled.status, filled.placed) == ("filled", 2)
    with pytest.raises(UserError) as err:
        placements.advance(db, sup, pls[2].id, "selected", today=TODAY)
    assert err.value.code == "quota_full"


def test_reopening_a_filled_order_needs_room(db, sup, order):
    people = [ready_person(db, sup) for _ in range(2)]
    for p in people:
        walk(db, sup, placements.shortlist(db, sup, order.id, p.id, today=TODAY), ["proposed", "interview", "selected"])
    with pytest.raises(UserError) as err:
        job_orders.set_order_status(db, order.id, "open", sup, today=TODAY)
    assert err.value.code == "quota_full"
    o = job_orders.get_order(db, order.id, sup)
    with pytest.raises(UserError) as err:  # read-only while filled
        job_orders.update_order(db, o.id, o.to_input(), sup, expected_version=o.version, today=TODAY)
    assert err.value.code == "order_read_only"


def test_one_active_order_past_selected(db, sup, agency, order):
    other = job_orders.create_order(db, order_input(agency.id, status="open", employer="Other", min_height_cm=None),
                                    sup, today=TODAY)
    third = job_orders.create_order(db, order_input(agency.id, status="open", employer="Third", min_height_cm=None),
                                    sup, today=TODAY)
    p = ready_person(db, sup)
    a = walk(db, sup, placements.shortlist(db, sup, order.id, p.id, today=TODAY), ["proposed", "interview"])
    b = walk(db, sup, placements.shortlist(db, sup, other.id, p.id, today=TODAY), ["proposed"])
    c = placements.shortlist(db, sup, third.id, p.id, today=TODAY)
    walk(db, sup, a, ["selected"])
    b2, c2 = placements.get_placement(db, sup, b.id), placements.get_placement(db, sup, c.id)
    assert (b2.stage, c2.stage) == ("withdrawn", "withdrawn")
    assert b2.end_reason == f"terpilih di lowongan {order.order_number}"
    assert status_of(db, sup, p) == "selected"
    fourth = job_orders.create_order(db, order_input(agency.id, status="open", employer="Fourth", min_height_cm=None),
                                     sup, today=TODAY)
    with pytest.raises(UserError) as err:  # a selected applicant is no candidate for another order
        placements.shortlist(db, sup, fourth.id, p.id, today=TODAY)
    assert err.value.code == "shortlist_fails" and "status Terpilih" in err.value.message


def test_rejection_returns_the_applicant_to_ready(db, sup, agency, order):
    other = job_orders.create_order(db, order_input(agency.id, status="open", employer="Other", min_height_cm=None),
                                    sup, today=TODAY)
    p = ready_person(db, sup)
    a = walk(db, sup, placements.shortlist(db, sup, order.id, p.id, today=TODAY), ["proposed"])
    b = walk(db, sup, placements.shortlist(db, sup, other.id, p.id, today=TODAY), ["proposed"])
    with pytest.raises(ValidationError) as err:
        placements.end(db, sup, a.id, "rejected", "  ", today=TODAY)
    assert err.value.errors[0].code == "required"
    placements.end(db, sup, a.id, "rejected", "tidak lolos wawancara", today=TODAY)
    assert status_of(db, sup, p) == "proposed"  # still proposed on the other order
    ended = placements.end(db, sup, b.id, "withdrawn", "memilih bekerja di dalam negeri", today=TODAY)
    assert (ended.stage, ended.ended_on, status_of(db, sup, p)) == ("withdrawn", TODAY, "ready")
    with pytest.raises(UserError) as err:
        placements.advance(db, sup, ended.id, "interview", today=TODAY)
    assert err.value.code == "placement_closed"


def test_rejection_after_selection_returns_to_ready(db, sup, order):
    p = ready_person(db, sup)
    pl = walk(db, sup, placements.shortlist(db, sup, order.id, p.id, today=TODAY),
              ["proposed", "interview", "selected", "contract", "visa"])
    assert status_of(db, sup, p) == "departing"
    placements.end(db, sup, pl.id, "rejected", "visa ditolak", today=TODAY)
    assert status_of(db, sup, p) == "ready"


def test_departed_cannot_be_ended(db, sup, order):
    p = ready_person(db, sup)
    pl = walk(db, sup, placements.shortlist(db, sup, order.id, p.id, today=TODAY),
              ["proposed", "interview", "selected", "contract", "visa", "opp", "departed"])
    with pytest.raises(UserError) as err:
        placements.end(db, sup, pl.id, "withdrawn", "x", today=TODAY)
    assert err.value.code == "placement_closed"


def test_funding_scheme_must_be_accepted_by_the_order(db, sup, order):
    p = ready_person(db, sup)
    pl = placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    with pytest.raises(ValidationError) as err:
        placements.set_funding(db, sup, pl.id, FundingInput(funding_scheme="government"), today=TODAY)
    assert err.value.errors[0].code == "funding_not_accepted"
    with pytest.raises(ValidationError) as err:
        placements.set_funding(db, sup, pl.id, FundingInput(funding_scheme="employer", loan_amount=5), today=TODAY)
    assert err.value.errors[0].code == "kur_only"
    done = placements.set_funding(db, sup, pl.id, FundingInput(funding_scheme="employer"), today=TODAY)
    assert done.funding_scheme == "employer"
    with db.session(write=False) as s:
        assert audit.history(s, "placement", pl.id)[-1].changes == {"funding_scheme": [None, "employer"]}


def test_kur_precheck_lists_what_is_missing(db, sup, order):
    p = ready_person(db, sup)
    pl = placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    placements.set_funding(db, sup, pl.id, FundingInput(funding_scheme="kur_pmi", loan_amount=120_000_000,
                                                        loan_term_months=30), today=TODAY)
    missing = {e.code for e in placements.kur_precheck(db, sup, pl.id)}
    assert missing == {"kur_bank_missing", "kur_placement_agreement", "kur_employment_contract", "kur_loan_limit",
                       "kur_npwp", "kur_term_contract"}
    for e in placements.kur_precheck(db, sup, pl.id):
        assert e.message and e.message_en and "{" not in e.message
    placements.set_funding(db, sup, pl.id, FundingInput(
        funding_scheme="kur_pmi", kur_bank="Bank Banten", loan_amount=60_000_000, loan_term_months=24,
        npwp="12.345.678.9-012.345", placement_agreement_on=TODAY, employment_contract_on=TODAY), today=TODAY)
    assert placements.kur_precheck(db, sup, pl.id) == []
    placements.set_funding(db, sup, pl.id, FundingInput(
        funding_scheme="kur_pmi", kur_bank="BNI", loan_amount=40_000_000, loan_term_months=12,
        placement_agreement_on=TODAY, employment_contract_on=TODAY), today=TODAY)
    assert placements.kur_precheck(db, sup, pl.id) == []  # no NPWP needed up to Rp50 juta
    with pytest.raises(ValidationError) as err:
        placements.set_funding(db, sup, pl.id, FundingInput(funding_scheme="kur_pmi", npwp="123", kur_bank="Bank X",
                                                            loan_amount=1.5), today=TODAY)
    assert {e.code for e in err.value.errors} == {"npwp_format", "invalid_choice", "invalid_number"}


def test_counter_staff_see_but_do_not_manage(db, actor, sup, order):
    p = ready_person(db, sup)
    pl = placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    assert placements.get_placement(db, actor, pl.id).stage == "shortlisted"
    assert [x.id for x in placements.list_placements(db, actor, applicant_id=p.id)] == [pl.id]
    with pytest.raises(PermissionDenied):
        placements.shortlist(db, actor, order.id, p.id, today=TODAY)
    with pytest.raises(PermissionDenied):
        placements.advance(db, actor, pl.id, "proposed", today=TODAY)


def test_board_groups_by_stage(db, sup, order):
    a, b = ready_person(db, sup), ready_person(db, sup)
    placements.shortlist(db, sup, order.id, a.id, today=TODAY)
    walk(db, sup, placements.shortlist(db, sup, order.id, b.id, today=TODAY), ["proposed", "interview"])
    board = placements.board(db, sup)
    assert list(board)[:3] == ["shortlisted", "proposed", "interview"]
    assert [x.applicant_id for x in board["shortlisted"]] == [a.id]
    assert [x.applicant_id for x in board["interview"]] == [b.id]
    assert board["interview"][0].order_number == order.order_number
