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
    monkeypatch.setattr(matching, "_PACKED_LOAD", False)
    monkeypatch.setattr(matching, "_fetch", lambda conn, stmt: [tuple(r) for r in conn.execute(stmt)])
    portable = _loaded(demo_db)
    assert portable.load_path == "rows"
    _same(fast, portable)


def _rows_pool(db, monkeypatch) -> matching.CandidatePool:
    with monkeypatch.context() as m:
        m.setattr(matching, "_PACKED_LOAD", False)
        pool = _loaded(db)
    assert pool.load_path == "rows"
    return pool


@pytest.mark.sqlite_only("the packed full load is SQLite's (group_concat through the driver's cursor)")
def test_the_packed_load_reads_the_same_pool_as_the_rows(demo_db, monkeypatch):
    packed = _loaded(demo_db)
    assert packed.load_path == "packed" and packed.n == 150
    assert packed.text and packed.skills and np.any(packed.lang >= 0) and np.any(packed.exp_closed > 0)
    assert np.any(~np.isnan(packed.docs)) and np.any(~np.isnan(packed.attend))
    _same(packed, _rows_pool(demo_db, monkeypatch))
    assert packed.index == {aid: i for i, aid in enumerate(packed.ids.tolist())}  # made on first use


@pytest.mark.sqlite_only("the packed full load is SQLite's")
def test_jobs_and_languages_the_reference_lacks_count_for_nothing_in_either_loader(demo_db, monkeypatch):
    aid = demo_db.engine.connect().exec_driver_sql("SELECT id FROM applicant LIMIT 1").scalar()
    stamp = "2026-01-01 00:00:00.000000"
    with demo_db.engine.begin() as conn:
        for sector in ("space_travel", None):  # an open job each: they would count to today
            conn.exec_driver_sql(
                "INSERT INTO work_experience (id, created_at, updated_at, origin_office, version, applicant_id, "
                "employer, position, country, sector, start_date, end_date) "
                "VALUES (?, ?, ?, 'SRG-0001', 1, ?, 'PT X', 'Staf', 'ID', ?, '2020-01-01', NULL)",
                (uuid.uuid4().hex, stamp, stamp, aid, sector))
        conn.exec_driver_sql(
            "INSERT INTO applicant_language (id, created_at, updated_at, origin_office, version, applicant_id, "
            "language_code, level, certificate) VALUES (?, ?, ?, 'SRG-0001', 1, ?, 'xx', 'B2', 'Zertifikat XX')",
            (uuid.uuid4().hex, stamp, stamp, aid))
    packed = _loaded(demo_db)
    assert packed.load_path == "packed"
    assert "zertifikat xx" not in packed.text.get(packed.index[aid], "")
    _same(packed, _rows_pool(demo_db, monkeypatch))


@pytest.mark.sqlite_only("the packed full load is SQLite's")
def test_equal_registration_times_are_ordered_by_id_as_in_sql(demo_db, monkeypatch):
    with demo_db.engine.begin() as conn:  # a third of everyone registered at one instant, in random rowid order
        conn.exec_driver_sql("UPDATE applicant SET created_at = '2026-05-01 08:00:00.000000' "
                             "WHERE rowid % 3 = 0")
    packed = _loaded(demo_db)
    assert packed.load_path == "packed"
    in_sql = [r[0] for r in demo_db.engine.connect().exec_driver_sql(
        "SELECT id FROM applicant ORDER BY created_at, id").all()]
    assert packed.ids.tolist() == in_sql
    _same(packed, _rows_pool(demo_db, monkeypatch))


@pytest.mark.sqlite_only("the packed full load is SQLite's")
@pytest.mark.parametrize("change", [
    "UPDATE applicant SET skills = 'las' || char(31) || 'forklift' WHERE rowid = 7",  # the separator in a text
    "UPDATE applicant SET created_at = '2026-05-01 08:00:00' WHERE rowid = 9",  # a time of another length
    "UPDATE applicant SET created_at = '2026-05-01 08:00:00.00000é' WHERE rowid = 9",  # not ASCII
])
def test_rows_the_strings_cannot_hold_are_read_as_rows(demo_db, monkeypatch, change):
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql(change)
    pool = _loaded(demo_db)
    assert pool.load_path == "rows"
    _same(pool, _rows_pool(demo_db, monkeypatch))


@pytest.mark.sqlite_only("the packed full load is SQLite's")
def test_a_string_longer_than_sqlite_allows_is_read_as_rows(demo_db, monkeypatch):
    import sqlite3

    real = matching._read_packed

    def limited(raw, what):  # SQLite's own "string or blob too big", as past SQLITE_MAX_LENGTH
        old = raw.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1000)  # 150 ids joined: 4,949 characters
        try:
            return real(raw, what)
        finally:
            raw.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, old)

    monkeypatch.setattr(matching, "_read_packed", limited)
    pool = _loaded(demo_db)
    assert pool.load_path == "rows"
    monkeypatch.undo()
    _same(pool, _loaded(demo_db))


def test_the_tie_order_refuses_what_text_and_numbers_would_sort_apart():
    with pytest.raises(matching._NotPacked):  # as text B < a, as numbers 0xb > 0xa
        matching._id_halves("0B" + "0" * 30 + " " + "0a" + "0" * 30, 2)
    ids = " ".join(["0" * 32, "1" * 32])
    hi, lo = matching._id_halves(ids, 2)
    with pytest.raises(matching._NotPacked):  # times of two lengths
        matching._tie_order("2026-01-01" + matching._SEP + "2026-01-1", 2, hi, lo)
    with pytest.raises(matching._NotPacked):
        matching._id_halves("0" * 31 + " " + "0" * 33, 2)  # the lengths add up, the pieces do not
    with pytest.raises(matching._NotPacked):
        matching._id_halves("g" * 32, 1)
    for numbers, n in (("1,,2", 3), ("1,x", 2), ("1,2", 3), ("1,2,3", 2)):
        with pytest.raises(matching._NotPacked):
            matching._numbers(numbers, n)
    assert matching._numbers("7,-1,9223372036854775807", 3).tolist() == [7, -1, 2 ** 63 - 1]
    same = "2026-01-01" + matching._SEP + "2026-01-01" + matching._SEP + "2025-12-31"
    ids = " ".join(["f" * 32, "0" * 31 + "1", "e" * 32])
    hi, lo = matching._id_halves(ids, 3)
    assert matching._tie_order(same, 3, hi, lo).tolist() == [2, 1, 0]


def test_ids_sharing_their_first_half_find_their_position_by_the_whole_id():
    ids = ["0123456789abcdef" + "0" * 16, "0123456789abcdef" + "f" * 16, "f" * 32]
    hi, lo = matching._id_halves(" ".join(ids), 3)
    positions = matching._IdPositions(hi, lo, lambda: {aid: i for i, aid in enumerate(ids)})
    asked = [ids[1], ids[0], ids[2], ids[1], "1" * 32]
    assert positions.of(asked).tolist() == [1, 0, 2, 1, -1]
    assert positions.of([uuid.UUID(ids[2])]).tolist() == [2]


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
