"""Pipeline rules: which status may follow which, guards added by other areas, audit of each move."""

from __future__ import annotations

import pytest

from app.core import pipeline, registration
from app.core.errors import FieldError, ValidationError
from app.core.actor import Actor
from app.models import STATUSES, Applicant
from tests.conftest import TODAY, applicant_input


def _register(db, actor):
    return registration.register_applicant(db, applicant_input(), actor, today=TODAY)


def test_every_status_has_a_way_out_except_none_is_a_dead_end():
    # every status can be left, and every status can be reached from `registered`
    reach, todo = {"registered"}, ["registered"]
    while todo:
        for nxt in pipeline.allowed_next(todo.pop()):
            if nxt not in reach:
                reach.add(nxt)
                todo.append(nxt)
    assert reach == set(STATUSES)
    assert all(pipeline.allowed_next(s) for s in STATUSES)
    assert set(pipeline.STATUS_NAMES) == set(STATUSES)


def test_the_happy_path_is_allowed_step_by_step(db, actor, monkeypatch):
    monkeypatch.setitem(pipeline.GUARDS, "departing", [])  # the documents guards: tests/test_documents.py
    monkeypatch.setitem(pipeline.GUARDS, "ready", [])
    d = _register(db, actor)
    for status in ("documents", "training", "ready", "proposed", "selected", "departing", "departed", "returned"):
        d = registration.set_status(db, d.id, status, actor)
    assert d.status == "returned"
    moves = [h.changes["status"] for h in registration.history(db, d.id, actor)[1:]]
    assert moves[0] == ["registered", "documents"] and moves[-1] == ["departed", "returned"]


def test_a_jump_the_rules_do_not_allow_is_refused_with_both_names(db, actor):
    d = _register(db, actor)
    with pytest.raises(ValidationError) as err:
        registration.set_status(db, d.id, "departed", actor)
    e = err.value.errors[0]
    assert e.code == "status_transition"
    assert "Terdaftar" in e.message and "Berangkat" in e.message
    assert "Registered" in e.message_en and "Departed" in e.message_en
    assert registration.get_applicant(db, d.id, actor).status == "registered"  # nothing changed


def test_a_guard_blocks_with_its_reasons_and_nothing_changes(db, actor, monkeypatch):
    calls = []

    def no_passport(session, applicant):
        calls.append(applicant.id)
        return [FieldError("passport", "required")]

    monkeypatch.setitem(pipeline.GUARDS, "training", ["tests.test_core_pipeline:_guard_for_test"])
    monkeypatch.setattr(__import__("tests.test_core_pipeline", fromlist=["x"]), "_guard_for_test", no_passport,
                        raising=False)
    pipeline._resolved.clear()
    d = _register(db, actor)
    with pytest.raises(pipeline.TransitionBlocked) as err:
        registration.set_status(db, d.id, "training", actor)
    assert calls == [d.id]
    assert err.value.reasons[0].field == "passport"
    assert "Pelatihan" in err.value.message and "Wajib diisi." in err.value.message
    assert "In training" in err.value.message_en and "Required." in err.value.message_en
    assert registration.get_applicant(db, d.id, actor).status == "registered"
    assert len(registration.history(db, d.id, actor)) == 1
    pipeline._resolved.clear()


def test_move_inside_a_service_transaction_records_the_reason(db, actor):
    d = _register(db, actor)
    with db.session() as session:
        row = session.get(Applicant, d.id)
        assert pipeline.move(session, actor, row, "withdrawn", reason="pindah kerja") is True
        assert pipeline.move(session, actor, row, "withdrawn") is False
    last = registration.history(db, d.id, actor)[-1]
    assert last.changes == {"status": ["registered", "withdrawn"], "reason": [None, "pindah kerja"]}
    assert registration.get_applicant(db, d.id, actor).version == 2


def test_into_ready_needs_the_early_documents_but_back_from_a_placement_does_not(db, actor, monkeypatch):
    from app.core import documents

    monkeypatch.setitem(pipeline.GUARDS, "departing", [])
    d = _register(db, actor)
    with pytest.raises(pipeline.TransitionBlocked) as err:
        registration.set_status(db, d.id, "ready", actor)
    missing = {r.field for r in err.value.reasons}
    assert {"ktp", "kk"} <= missing and "visa_kerja" not in missing  # departure documents come later
    supervisor = Actor("penyelia1", "SRG-0001", "supervisor")
    for item in documents.checklist(db, d.id, actor, today=TODAY).items:
        if item.type_code in missing:
            documents.submit(db, actor, d.id, item.type_code, number="X1", issued_on=TODAY,
                             expires_on=TODAY.replace(year=TODAY.year + 3) if item.expires else None, today=TODAY)
    assert registration.set_status(db, d.id, "ready", actor).status == "ready"  # held is enough
    registration.set_status(db, d.id, "proposed", supervisor)
    with db.session() as s:  # a document lost meanwhile does not stop a rejected proposal going back
        from sqlmodel import select

        from app.models import ApplicantDocument
        doc = s.exec(select(ApplicantDocument).where(ApplicantDocument.applicant_id == d.id,
                                                     ApplicantDocument.type_code == "ktp")).one()
        doc.status = "rejected"
        s.add(doc)
    assert registration.set_status(db, d.id, "ready", actor).status == "ready"
