"""Demo job orders: agencies, a spread of statuses, placements in every stage on applicants whose
status fits, quotas that hold, and open orders that can be matched."""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa

from app.core import demo, job_orders, matching, placements
from app.core.actor import Actor
from app.models import AuditEntry

TODAY = date(2026, 11, 25)


def test_demo_data_creates_orders_and_placements(db, actor):
    admin = Actor("admin", actor.office_code, "admin")
    result = demo.generate(db, admin, applicants=2500, seed=3, today=TODAY)
    assert result["orders"]["job_orders"] == 40 and result["orders"]["agencies"] >= 5
    orders = job_orders.list_orders(db, admin)
    assert {o.status for o in orders} == {"draft", "open", "closed", "filled"}
    assert any(o.status == "closed" and not o.sip_valid_on(TODAY) for o in orders)
    for o in orders:
        assert o.placed <= o.quota
        if o.status == "filled":
            assert o.placed == o.quota
    board = placements.board(db, admin)
    assert all(board[stage] for stage in board), {k: len(v) for k, v in board.items()}
    fits = {"shortlisted": {"ready"}, "proposed": {"proposed"}, "interview": {"proposed"},
            "selected": {"selected"}, "contract": {"selected"}, "visa": {"departing"}, "opp": {"departing"},
            "departed": {"departed"}, "rejected": {"ready"}, "withdrawn": {"ready"}}
    for stage, rows in board.items():
        for p in rows:
            assert p.applicant_status in fits[stage]
            dates = [p.stage_date(s) for s in placements.PLACEMENT_STAGES if p.stage_date(s)]
            assert dates == sorted(dates) and dates[-1] <= TODAY
    ranked = matching.rank_all_open(db, admin, today=TODAY)
    assert len(ranked) >= 10 and sum(r.passed > 0 for r in ranked.values()) >= 5
    with db.session(write=False) as s:
        entries = s.execute(sa.select(AuditEntry.changes).where(AuditEntry.action == "demo-data")).scalars().all()
    assert json.loads(entries[0])["orders"] == result["orders"]
    again = demo.generate(db, admin, applicants=10, seed=4, today=TODAY)
    assert again["orders"]["job_orders"] == 0  # orders are made once
