"""How the candidate pool is read: the fast SQLite path, the portable Core path and the signals of
everyone agree with what the other services say."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

from app.core import demo, documents, matching, training
from app.core.actor import Actor
from tests.conftest import TODAY

ADMIN = Actor("admin1", "SRG-0001", "admin")
ARRAYS = ("sex", "birth_ord", "reg_ord", "edu", "height", "status", "version", "pref_c", "pref_s", "lang",
          "exp_closed", "exp_open_n", "exp_open_start", "docs", "attend", "test")


@pytest.fixture
def demo_db(db):
    demo.generate(db, ADMIN, applicants=150, seed=11, today=TODAY)
    return db


def _loaded(db) -> matching.CandidatePool:
    pool = matching.CandidatePool(db)
    pool.ensure_current()
    return pool


def _same(a: matching.CandidatePool, b: matching.CandidatePool) -> None:
    assert a.ids.tolist() == b.ids.tolist() and a.created.tolist() == b.created.tolist()
    for name in ARRAYS:
        assert np.array_equal(getattr(a, name), getattr(b, name), equal_nan=True), name
    assert a.text == b.text and a.skills == b.skills


def test_the_portable_path_reads_the_same_pool_as_the_sqlite_cursor(demo_db, monkeypatch):
    fast = _loaded(demo_db)
    # what runs on other databases: the same Core statements through SQLAlchemy's rows
    monkeypatch.setattr(matching, "_fetch", lambda conn, stmt: [tuple(r) for r in conn.execute(stmt)])
    _same(fast, _loaded(demo_db))


def test_the_packed_columns_hold_the_values_of_the_rows(demo_db):
    from datetime import date

    from app.core import reference
    from app.models import STATUSES

    pool = _loaded(demo_db)
    with demo_db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, birth_date, registered_on, sex, education_level, height_cm, status "
                                    "FROM applicant").all()
    assert len(rows) == pool.n
    ranks = reference.education_levels()
    for aid, birth, reg, sex, edu, height, status in rows:
        i = pool.index[aid]
        assert pool.birth_ord[i] == date.fromisoformat(birth).toordinal()
        assert pool.reg_ord[i] == date.fromisoformat(reg).toordinal()
        assert pool.sex[i] == (sex == "P") and pool.edu[i] == ranks[edu][0]
        assert pool.height[i] == (height or 0) and STATUSES[pool.status[i]] == status


def test_everyone_s_signals_agree_with_the_documents_and_training_services(demo_db):
    pool = _loaded(demo_db)
    completeness = documents.completeness_many(demo_db, today=TODAY)
    assert len(completeness) == pool.n
    for aid, percent in completeness.items():
        assert pool.docs[pool.index[aid.hex]] == percent / 100.0
    summary = training.attendance_many(demo_db)
    assert summary
    for aid, s in summary.items():
        i = pool.index[aid.hex]
        assert np.isnan(pool.attend[i]) if s.rate is None else pool.attend[i] == s.rate / 100.0


def test_many_changed_signals_are_read_for_everyone_and_picked(demo_db, monkeypatch):
    """Above the threshold a signal is read for all applicants and the changed ones are picked
    by id (this once mapped raw ids against UUIDs and found none)."""
    pool = _loaded(demo_db)
    expected = pool.docs.copy()
    pool.docs[:] = -1.0
    monkeypatch.setattr(matching, "_SIGNAL_ALL_ABOVE", 0)
    where = np.arange(0, pool.n, 3)
    with demo_db.reading() as conn:
        pool.docs[where] = matching._document_completeness(conn, pool.ids[where].tolist())
        attend, _test = matching._training_signal(conn, pool.ids[where].tolist())
    assert np.array_equal(pool.docs[where], expected[where])
    assert (pool.docs[np.setdiff1d(np.arange(pool.n), where)] == -1.0).all()
    assert np.array_equal(attend, pool.attend[where], equal_nan=True)
    assert pool.index[uuid.UUID(pool.ids[where[0]]).hex] == where[0]
