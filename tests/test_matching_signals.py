"""Matching's soft-fit signals come from the documents and training areas, and follow their changes."""

from __future__ import annotations

import uuid

import numpy as np

from app.core import demo, documents, matching, training
from app.core.actor import Actor
from tests.conftest import TODAY, applicant_input

SUPERVISOR = Actor("penyelia1", "SRG-0001", "supervisor")
ADMIN = Actor("admin1", "SRG-0001", "admin")


def _pool(db):
    pool = matching.pool_for(db)
    pool.ensure_current()
    return pool


def _at(pool, applicant_id) -> int:
    return pool.index[uuid.UUID(str(applicant_id)).hex]


def test_the_pool_holds_documents_and_training_figures_of_the_demo(db, actor):
    demo.generate(db, ADMIN, applicants=120, seed=5, today=TODAY)
    pool = _pool(db)
    completeness = documents.completeness_many(db, today=TODAY)
    summary = training.attendance_many(db)
    assert summary, "the demo has training attendance"
    for aid, percent in completeness.items():
        assert abs(pool.docs[_at(pool, aid)] - percent / 100.0) < 1e-9
    for aid, s in summary.items():
        i = _at(pool, aid)
        assert (np.isnan(pool.attend[i]) if s.rate is None else abs(pool.attend[i] - s.rate / 100.0) < 1e-9)
        assert (np.isnan(pool.test[i]) if s.latest_score is None else
                abs(pool.test[i] - s.latest_score / 100.0) < 1e-9)
    untrained = [i for aid, i in ((a, _at(pool, a)) for a in completeness) if uuid.UUID(str(aid)) not in summary]
    assert untrained and np.isnan(pool.attend[untrained]).all()


def test_a_verified_document_and_a_new_mark_reach_the_pool_without_a_reload(db, actor):
    from app.core import registration

    demo.generate(db, ADMIN, applicants=60, seed=9, today=TODAY)
    d = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    pool = _pool(db)
    loads = pool.loads
    before = pool.docs[_at(pool, d.id)]
    documents.submit(db, actor, d.id, "ktp", number="3673015703010001", today=TODAY)
    documents.verify(db, SUPERVISOR, d.id, "ktp", today=TODAY)
    pool = _pool(db)
    after = pool.docs[_at(pool, d.id)]
    expected = documents.completeness_many(db, [d.id], today=TODAY)[d.id] / 100.0
    assert after > before and abs(after - expected) < 1e-9

    batch = next(b for b in training.list_batches(db, ADMIN) if b.enrolled and b.start_date < TODAY)
    sheet = training.batch_attendance(db, batch.id, ADMIN)
    row, j = next((r, j) for r, marks in enumerate(sheet.marks) for j, m in enumerate(marks) if m == "H")
    candidate, session = sheet.candidates[row], sheet.sessions[j]
    rate_before = pool.attend[_at(pool, candidate.applicant_id)]
    training.set_mark(db, ADMIN, batch.id, session.id, candidate.applicant_id, "A", today=TODAY)
    pool = _pool(db)
    s = training.attendance_many(db, [candidate.applicant_id])[uuid.UUID(str(candidate.applicant_id))]
    assert abs(pool.attend[_at(pool, candidate.applicant_id)] - s.rate / 100.0) < 1e-9
    assert pool.attend[_at(pool, candidate.applicant_id)] < rate_before
    assert pool.loads == loads  # kept current, not reloaded
