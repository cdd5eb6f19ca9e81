"""Demo data (app/core/demo.py) and the SQLite list query plans (app/core/search.py) on it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
import sqlalchemy as sa

from app.core import demo, registration, search
from app.core.actor import SYSTEM, Actor
from app.core.nik import nik_errors
from app.core.validation import normalize_phone
from app.db import Database
from app.models import Applicant, AuditEntry, RegistrationCounter
from tests.conftest import TODAY, applicant_input

N = 300


@pytest.fixture
def demo_db(db, actor):
    result = demo.generate(db, actor, applicants=N, seed=7, today=TODAY)
    return db, result


def _rows(db) -> list[tuple]:
    cols = [c for c in Applicant.__table__.columns]
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.select(*cols).order_by(Applicant.registration_number))]


def test_summary_and_counts(demo_db):
    db, result = demo_db
    assert result["applicants"] == N
    assert result["languages"] > 0 and result["experience"] > 0
    with db.session(write=False) as s:
        assert s.execute(sa.select(sa.func.count()).select_from(Applicant)).scalar() == N
        entries = s.execute(sa.select(AuditEntry.changes).where(AuditEntry.action == "demo-data")).scalars().all()
    assert len(entries) == 1 and json.loads(entries[0])["applicants"] == N


def test_every_row_passes_validation(demo_db):
    db, _ = demo_db
    with db.session(write=False) as s:
        ids = s.execute(sa.select(Applicant.id)).scalars().all()
    for aid in ids:
        detail = registration.get_applicant(db, aid, SYSTEM)
        clean = registration.validate(detail.to_input(), today=TODAY)  # raises on any error
        assert clean.values["phone"] == detail.phone
        assert clean.values["kecamatan_code"] == detail.kecamatan_code
        assert TODAY >= detail.registered_on >= date(2025, 12, 1)
        assert detail.consent_on == detail.registered_on


def test_variety(demo_db):
    db, _ = demo_db
    with db.session(write=False) as s:
        rows = s.execute(sa.select(Applicant.sex, Applicant.education_level, Applicant.status,
                                   Applicant.nik, Applicant.phone, Applicant.birth_date,
                                   Applicant.registered_on)).all()
    sexes = Counter(r.sex for r in rows)
    assert sexes["L"] > N * 0.25 and sexes["P"] > N * 0.25
    edu = Counter(r.education_level for r in rows)
    assert edu["SMA"] + edu["SMK"] > N * 0.6 and {"D3", "S1", "SMP"} <= set(edu)
    statuses = Counter(r.status for r in rows)
    assert statuses.most_common(1)[0][0] == "registered" and len(statuses) >= 5
    assert sum(r.nik.startswith("36") for r in rows) > N * 0.85
    assert all(not nik_errors(r.nik, today=TODAY) for r in rows)
    assert all(normalize_phone(r.phone) == r.phone and r.phone.startswith("+628") for r in rows)
    ages = [(r.registered_on - r.birth_date).days / 365.25 for r in rows]
    assert min(ages) >= 18 and sum(18 <= a < 46 for a in ages) > N * 0.9


def test_nik_and_numbers_unique_and_gap_free(demo_db, actor):
    db, result = demo_db
    with db.session(write=False) as s:
        rows = s.execute(sa.select(Applicant.nik, Applicant.registration_number, Applicant.registered_on)).all()
        counters = {(c.office_code, c.year): c.last_value
                    for c in s.execute(sa.select(RegistrationCounter)).scalars()}
    assert len({r.nik for r in rows}) == N
    by_year: dict[int, list[int]] = {}
    for r in rows:
        office, year, value = r.registration_number.rsplit("-", 2)[0], int(r.registration_number.split("-")[2]), \
            int(r.registration_number.rsplit("-", 1)[1])
        assert office == actor.office_code and year == r.registered_on.year
        by_year.setdefault(year, []).append(value)
    for year, values in by_year.items():
        assert sorted(values) == list(range(1, len(values) + 1))
        assert counters[(actor.office_code, year)] == len(values)
    # A walk-in after the demo data continues the numbering without a gap.
    walk_in = registration.register_applicant(db, applicant_input(nik="3673015703019999"), actor,
                                              today=TODAY, confirm_warnings=True)
    assert walk_in.registration_number == registration.format_registration_number(
        actor.office_code, TODAY.year, len(by_year[TODAY.year]) + 1)


def test_deterministic_by_seed(tmp_path, actor):
    def build(name, seed):
        db = Database.open(f"sqlite:///{tmp_path / name}")
        from app.core import setup

        setup.ensure_office(db)
        demo.generate(db, actor, applicants=120, seed=seed, today=TODAY)
        rows = _rows(db)
        db.dispose()
        return rows

    first, again, other = build("a.sqlite3", 11), build("b.sqlite3", 11), build("c.sqlite3", 12)
    assert first == again
    assert [r[1:] for r in first] != [r[1:] for r in other]


def test_second_run_adds_new_people_and_continues(demo_db, actor):
    db, first = demo_db
    second = demo.generate(db, actor, applicants=N, seed=7, today=TODAY)
    rows = _rows(db)
    assert len(rows) == 2 * N
    assert len({r[Applicant.__table__.columns.keys().index("nik")] for r in rows}) == 2 * N
    year = str(TODAY.year)
    last_first = int(first["registration_numbers"][year][1].rsplit("-", 1)[1])
    assert int(second["registration_numbers"][year][0].rsplit("-", 1)[1]) == last_first + 1


@pytest.mark.sqlite_only("the FTS5 name index and its trigger")
def test_fts_index_complete_and_trigger_back(demo_db, actor):
    db, _ = demo_db
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM applicant_fts").scalar() == N
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name='applicant_fts_ai'").scalar() == 1
    saved = registration.register_applicant(
        db, applicant_input(nik="3673015703019998", full_name="Zulkarnaen Qowiyyul"), actor, today=TODAY,
        confirm_warnings=True)
    assert [r.id for r in search.search(db, "zulkar qowi", actor=actor)] == [saved.id]


def test_searchable_by_name(demo_db, actor):
    db, _ = demo_db
    with db.session(write=False) as s:
        sample = s.execute(sa.select(Applicant.id, Applicant.full_name).limit(25)).all()
    for aid, name in sample:
        ids = [r.id for r in search.search_page(db, name, actor=actor, limit=200).rows]
        assert aid in ids, name
        assert search.count(db, name, actor=actor) >= 1


# --- the list query: every plan gives the same pages -------------------------------------------

def _expected(db, text, status, sort, descending):
    column = search.SORT_COLUMNS[sort]
    order = [column.desc(), Applicant.registration_number.desc()] if descending else [
        column.asc(), Applicant.registration_number.asc()]
    with db.session(write=False) as s:
        query = sa.select(Applicant.registration_number).where(*search._filters(text, status, db.dialect))
        return list(s.execute(query.order_by(*order)).scalars())


def _walk(db, actor, text, status, sort, descending, limit):
    seen, after = [], None
    while True:
        page = search.search_page(db, text, actor=actor, status=status, sort=sort, descending=descending, after=after,
                                  limit=limit)
        seen += [r.registration_number for r in page.rows]
        if page.next_after is None:
            return seen
        after = page.next_after


@pytest.mark.parametrize("plan", ["filter_first", "probe_set", "check_rows", None])
def test_list_plans_agree(demo_db, actor, monkeypatch, plan):
    db, _ = demo_db
    # the first-page shortcut by FTS rowid order: always with "probe_set", never with the others
    monkeypatch.setattr(search, "_ROWID_FROM", 0 if plan == "probe_set" else 10 ** 9)
    if plan is not None:
        def forced(conn, parsed, sql, status, params, limit, sort="registered_on", **_known):
            return "probe_set" if plan == "check_rows" and sql.check_rows is None else plan
        monkeypatch.setattr(search, "_choose", forced)
    with db.session(write=False) as s:
        names = s.execute(sa.select(Applicant.full_name, Applicant.nik, Applicant.phone).limit(3)).all()
    texts = ["", "a", "s", names[0].full_name.split()[0][:3], names[1].full_name, names[2].nik[:6],
             "0" + names[0].phone[3:7], "SRG-0001-2026-0001", "qqqzzz"]
    for text in texts:
        for status in (None, "registered", "training"):
            for sort in ("registered_on", "full_name", "status", "birth_date"):
                for descending in (True, False):
                    expected = _expected(db, text, status, sort, descending)
                    got = _walk(db, actor, text, status, sort, descending, limit=37)
                    assert got == expected, (text, status, sort, descending, plan)


@pytest.mark.sqlite_only("the bulk load drops and rebuilds SQLite indexes (sqlite_master, PRAGMA integrity_check)")
def test_bulk_path_rebuilds_every_index(db, actor, monkeypatch):
    """Big loads drop and rebuild the secondary indexes; the schema must come back exactly."""
    def schema():
        with db.engine.connect() as conn:
            return sorted(conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all())

    before = schema()
    monkeypatch.setattr(demo, "REBUILD_INDEXES_FROM", 0)
    demo.generate(db, actor, applicants=150, seed=3, today=TODAY)
    assert schema() == before
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("SELECT count(*) FROM applicant_fts").scalar() == 150


@pytest.mark.sqlite_only("the bulk load drops and rebuilds SQLite indexes (sqlite_master)")
def test_failed_load_rolls_back_indexes_and_trigger(db, actor, monkeypatch):
    def schema():
        with db.engine.connect() as conn:
            return sorted(conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master").all())

    before = schema()
    monkeypatch.setattr(demo, "REBUILD_INDEXES_FROM", 0)
    monkeypatch.setattr(demo, "_split_children", lambda *a: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        demo.generate(db, actor, applicants=50, seed=3, today=TODAY)
    assert schema() == before
    with db.session(write=False) as s:
        assert s.execute(sa.select(sa.func.count()).select_from(Applicant)).scalar() == 0


@pytest.mark.sqlite_only("SQLite's stored text forms (typeof, 32-hex ids)")
def test_stored_exactly_like_a_walk_in(demo_db, actor):
    """Demo rows skip SQLAlchemy's value processing: their stored forms must equal the ORM's."""
    db, _ = demo_db
    walk_in = registration.register_applicant(db, applicant_input(nik="3673015703019997"), actor,
                                              today=TODAY, confirm_warnings=True)
    checks = {
        "applicant": ["id", "created_at", "updated_at", "registered_on", "birth_date", "consent_on"],
        "applicant_language": ["id", "applicant_id", "created_at", "updated_at"],
        "work_experience": ["id", "applicant_id", "created_at", "start_date", "end_date"],
    }
    shape = "typeof({c}) || ':' || length({c}) || ':' || " \
            "replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(" \
            "lower({c}), '0','9'),'1','9'),'2','9'),'3','9'),'4','9'),'5','9'),'6','9'),'7','9'),'8','9')," \
            "'a','9')"
    hexid = walk_in.id.hex
    with db.engine.connect() as conn:
        for table, cols in checks.items():
            key = "id" if table == "applicant" else "applicant_id"
            for c in cols:
                sql = f"SELECT DISTINCT {shape.format(c=c)} FROM {table} WHERE {c} IS NOT NULL AND {key} {{}} ?"
                ours = {r[0] for r in conn.exec_driver_sql(sql.format("="), (hexid,))}
                demo_shapes = {r[0] for r in conn.exec_driver_sql(sql.format("!="), (hexid,))}
                assert ours and demo_shapes, (table, c)
                # hex digits b-f are not folded: compare typeof and length, and the digit pattern
                # of dates and datetimes (ids are 32 hex digits either way)
                norm = {x.split(":", 2)[0] + ":" + x.split(":", 2)[1] for x in ours}
                assert {x.split(":", 2)[0] + ":" + x.split(":", 2)[1] for x in demo_shapes} == norm, (table, c)
                if c not in ("id", "applicant_id"):
                    assert demo_shapes == ours, (table, c)


@pytest.mark.sqlite_only("the FTS5 rowid shortcut of the SQLite list query")
def test_rowid_shortcut_detects_rows_out_of_order(demo_db, actor, monkeypatch):
    """The first page by registration day may come from the newest FTS rowids only when no older
    row sorts before its end: a re-dated old row must still appear in its place."""
    db, _ = demo_db
    monkeypatch.setattr(search, "_choose", lambda *a, **k: "probe_set")
    monkeypatch.setattr(search, "_ROWID_FROM", 0)
    monkeypatch.setattr(search, "_cutover", lambda conn, limit: 0)  # the shortcut is tried at any count
    used = []
    original = search._by_rowid_order
    monkeypatch.setattr(search, "_by_rowid_order", lambda *a: used.append(original(*a)) or used[-1])
    with db.engine.begin() as conn:
        oldest = conn.exec_driver_sql("SELECT rowid, registration_number FROM applicant WHERE rowid IN "
                                      "(SELECT rowid FROM applicant_fts WHERE applicant_fts MATCH 'a*') "
                                      "ORDER BY rowid LIMIT 1").first()
        conn.exec_driver_sql("UPDATE applicant SET registered_on = ? WHERE rowid = ?",
                             ("2026-11-26", oldest[0]))
    for descending in (True, False):
        got = [r.registration_number for r in search.search_page(db, "a", actor=actor, descending=descending, limit=20).rows]
        assert got == _expected(db, "a", None, "registered_on", descending)[:20]
    assert search.search_page(db, "a", actor=actor, limit=20).rows[0].registration_number == oldest[1]
    assert used and used[0] is None  # the shortcut saw the re-dated row and stepped aside


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index "
                            "ix_applicant_name_words")  # SQLite's (migration 0012), by hand too
def test_models_and_first_migration_agree(db):
    """The list's composite indexes live in both the models and the first migration (the FTS5
    tables are the migration's own and not in the metadata)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.models import metadata

    def include(name, type_, parent):
        return not ((type_ == "table" and name.startswith("applicant_fts"))
                    or (type_ == "index" and name == "ix_applicant_name_words"))  # by hand

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include})
        assert compare_metadata(context, metadata) == []



@pytest.mark.sqlite_only("a locked SQLite file in the SQLite list query")
def test_search_on_a_locked_database_is_a_storage_error(demo_db, actor, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from app.core.errors import StorageError

    db, _ = demo_db

    def locked(*args, **kwargs):
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(search, "_sqlite_page", locked)
    with pytest.raises(StorageError):
        search.search_page(db, "siti", actor=actor)
