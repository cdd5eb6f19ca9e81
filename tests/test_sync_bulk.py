"""The fast paths of sync packets keep the packet's meaning: rows hash byte for byte as the
standard library's canonical JSON hashes them, lines read as ``json.loads`` reads them, and a
big import is one transaction that leaves the database exactly as it was when it fails."""

from __future__ import annotations

import hashlib
import json
import math
import uuid
import zipfile

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import sync
from app.core.errors import UserError
from tests.sync_offices import introduce, make_office

values = st.one_of(
    st.none(), st.booleans(), st.text(), st.text(alphabet=st.characters(max_codepoint=0x3000)),
    st.integers(), st.integers(min_value=-2**70, max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e16, 1e-7, 0.1, -0.0, 1e300, 72.5, 2**63, -2**63 - 1, 2**64, "\u2028", "\x85", "\x7f",
                     "\x00\x1f\"\\/", "é\U0001F600"]))
rows = st.dictionaries(st.text(min_size=1, max_size=12), values, max_size=20)


@settings(max_examples=400, deadline=None)
@given(rows)
def test_a_row_hashes_as_the_standard_librarys_canonical_json_hashes_it(row):
    assert sync._canonical_bytes(row) == sync._canonical(row).encode()


def test_rows_that_orjson_cannot_write_as_python_does_take_the_standard_library():
    for row in ({"score": 1e16}, {"score": 1e-7}, {"n": 2**64}, {"n": -2**70}, {"x": math.nan},
                {"x": math.inf}, {"b": True, "s": "\u2028"}):
        assert sync._canonical_bytes(row) == sync._canonical(row).encode()
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate: refused as before
        sync._canonical_bytes({"s": "\ud800"})


@settings(max_examples=300, deadline=None)
@given(st.recursive(values, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                                         max_size=4), max_leaves=12))
def test_a_line_reads_as_json_loads_reads_it(value):
    line = json.dumps(value, ensure_ascii=False).encode()
    got, want = sync._json_line(line), json.loads(line.decode())
    assert json.dumps(got) == json.dumps(want)  # NaN != NaN: compare the written forms


def test_lines_json_loads_refuses_are_refused():
    for line in (b"", b"{", b'{"a":1,}', b"\xff\xfe{}", b"\xef\xbb\xbf{}", b'{"a":"\x01"}'):
        with pytest.raises(ValueError):
            sync._json_line(line)


def test_a_name_with_a_unicode_line_separator_travels(pair, tmp_path):
    city, kec = pair
    detail = kec.register(1)
    with kec.db.session() as s:  # as a script or an old version could have written it
        s.execute(sa.text("UPDATE applicant SET full_name = :n, version = version + 1 WHERE id = :i"),
                  {"n": "Siti\u2028Aminah\x85Binti", "i": detail.id.hex})
    kec.export(city, tmp_path / "p.zip")
    assert city.import_(tmp_path / "p.zip").inserted > 0
    assert city.snapshot()["applicant"] == kec.snapshot()["applicant"]


def dump(office) -> list[str]:
    """The whole database as SQL: schema (tables, indexes, triggers, in sqlite_master's order)
    and every row."""
    import sqlite3

    with office.db.engine.connect() as conn:
        path = conn.engine.url.database
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def schema(office) -> set[tuple[str, str, str]]:
    with office.db.session(write=False) as s:
        return set(s.execute(sa.text("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")).all())


@pytest.fixture
def rebuilds(monkeypatch):
    """Every packet takes the bulk paths (name index, secondary indexes rebuilt, big cache);
    the list of indexes rebuilt, table by table."""
    seen: list[tuple[str, list[str]]] = []
    real = sync._rebuildable_indexes

    def spy(cur, t, n):
        found = real(cur, t, n)
        seen.append((t.name, [name for name, _ in found]))
        return found

    monkeypatch.setattr(sync, "INDEX_BULK", 1)
    monkeypatch.setattr(sync, "FTS_BULK", 1)
    monkeypatch.setattr(sync, "IMPORT_CACHE_FROM_ROWS", 1)
    monkeypatch.setattr(sync, "_rebuildable_indexes", spy)
    return seen


@pytest.mark.sqlite_only("the indexes dropped and rebuilt, sqlite_master and the page cache are SQLite's")
def test_a_bulk_import_leaves_every_index_and_trigger_as_it_was(pair, tmp_path, rebuilds):
    from app.core import search

    city, kec = pair
    for n, name in ((1, "Bunga Citra Lestari"), (2, "Ayu Lestari"), (3, "Rudi Hartono")):
        kec.register(n, full_name=name)
    before = schema(city)
    with city.db.engine.connect() as conn:
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    carried = kec.export(city, tmp_path / "p.zip").counts
    assert city.import_(tmp_path / "p.zip").inserted > 0
    rebuilt = dict(rebuilds)
    assert "ix_applicant_full_name_registration_number" in rebuilt["applicant"]
    assert not {"ix_applicant_nik", "ix_applicant_registration_number"} & set(rebuilt["applicant"])  # unique: kept
    assert schema(city) == before
    here, there = city.snapshot(), kec.snapshot()
    assert "applicant" in carried
    for table in carried:
        assert there[table].items() <= here[table].items(), table
    with city.db.session(write=False) as s:
        assert s.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
        plan = " ".join(str(r[-1]) for r in s.execute(sa.text(
            "EXPLAIN QUERY PLAN SELECT id FROM applicant WHERE kelurahan_code = '3673011001'")))
    assert "ix_applicant_kelurahan_code" in plan
    with city.db.engine.connect() as conn:  # the pooled connection has its usual cache again
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == cache
    assert sorted(r.full_name for r in search.search_page(city.db, "lestari", actor=city.supervisor).rows) == \
        ["Ayu Lestari", "Bunga Citra Lestari"]


@pytest.mark.sqlite_only("compares the SQLite file's full dump")
def test_a_bulk_import_that_fails_midway_leaves_the_database_exactly_as_before(pair, tmp_path, rebuilds):
    city, kec = pair
    detail = None
    for n in range(1, 4):
        detail = kec.register(n)
    good = tmp_path / "good.zip"
    kec.export(city, good)
    with zipfile.ZipFile(good) as z:
        manifest = json.loads(z.read("manifest.json"))
        files = {n: z.read(n) for n in z.namelist() if n != "manifest.json"}
    # a language row the checks let through but the table refuses (its level NOT NULL), in a
    # table applied after the applicants' inserts and index rebuilds
    row = {"id": "f" * 32, "created_at": "2026-11-25 01:00:00.000000", "updated_at": "2026-11-25 01:00:00.000000",
           "origin_office": "KSA-0001", "version": 1, "applicant_id": detail.id.hex, "language_code": "en",
           "level": None, "certificate": None}
    files["tables/applicant_language.jsonl"] = json.dumps({"id": row["id"], "v": 1, "base": None, "row": row}).encode()
    manifest["files"] = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d), "rows": None}
                         for n, d in files.items()}
    with kec.here():
        key = sync._private_key(kec.code)
    bad = tmp_path / "bad.zip"
    sync._write_zip(bad, key, json.dumps(manifest).encode(), files)
    before = dump(city)
    with pytest.raises(UserError) as err:
        city.import_(bad)
    assert err.value.code == "sync_apply_failed"
    assert dict(rebuilds)["applicant"]  # the applicants' indexes had been dropped and made again
    assert dump(city) == before
    del files["tables/applicant_language.jsonl"]  # without the bad row the rest goes in
    manifest["files"].pop("tables/applicant_language.jsonl")
    manifest["packet_id"] = str(uuid.uuid4())
    sync._write_zip(bad, key, json.dumps(manifest).encode(), files)
    assert city.import_(bad).inserted == len(b"".join(v for n, v in files.items() if n.startswith("tables/")).splitlines())


@pytest.fixture
def city_and_kec(tmp_path, _migrated_template, db):
    """The city office on the run's database (PostgreSQL in the PostgreSQL pass), a kecamatan
    office on SQLite."""
    city = make_office(tmp_path, _migrated_template, "SRG-0001", "city", db=db)
    kec = make_office(tmp_path, _migrated_template, "KSA-0001", "kecamatan")
    introduce(city, kec)
    yield city, kec
    kec.db.dispose()


def test_many_edits_in_one_packet_are_applied_together_and_logged(city_and_kec, tmp_path):
    import dataclasses

    from app.core import registration
    from tests.conftest import TODAY
    from tests.sync_offices import exchange

    city, kec = city_and_kec
    ids = [kec.register(n).id for n in range(1, 8)]
    exchange(kec, city, tmp_path, "first")
    for i, rid in enumerate(ids):  # edits of different fields: more than one set of columns
        with kec.here():
            detail = registration.get_applicant(kec.db, rid, kec.counter)
            change = {"address": f"Jl. Baru No. {i}"} if i % 2 else {"full_name": f"Nama Baru {i}", "skills": "las"}
            registration.update_applicant(kec.db, rid, dataclasses.replace(detail.to_input(), **change), kec.counter,
                                          expected_version=detail.version, confirm_warnings=True, today=TODAY)
    with city.db.session(write=False) as s:
        seq_before = s.execute(sa.text("SELECT MAX(seq) FROM sync_log")).scalar()
    result = exchange(kec, city, tmp_path, "edits")
    assert (result.updated, result.inserted, result.conflicts) == (len(ids), 0, 0)
    assert city.snapshot()["applicant"] == kec.snapshot()["applicant"]
    with city.db.session(write=False) as s:  # every edit logged once, after what was there
        logged = s.execute(sa.text("SELECT row_id, version FROM sync_log WHERE table_name = 'applicant' "
                                   "AND seq > :s"), {"s": seq_before}).all()
    assert sorted(r for r, _ in logged) == sorted(i.hex for i in ids) and {v for _, v in logged} == {2}
    assert exchange(city, kec, tmp_path, "back").conflicts == 0  # and they travel back as nothing new


@pytest.mark.parametrize("value", ["0123456789abcdef" * 2, "a-b", 'q"uote', "é", "\x7f", "", "x\n"])
def test_an_id_is_written_as_json_dumps_writes_it(value):
    assert sync._json_str(value) == json.dumps(value).encode()


def test_imported_rows_are_logged_once_and_later_writes_by_the_triggers(city_and_kec, tmp_path):
    from tests.sync_offices import exchange

    city, kec = city_and_kec
    ids = {kec.register(n).id.hex for n in range(1, 4)}
    with city.db.session(write=False) as s:
        top = s.execute(sa.text("SELECT MAX(seq) FROM sync_log")).scalar()
    exchange(kec, city, tmp_path, "first")
    with city.db.session(write=False) as s:
        logged = s.execute(sa.text("SELECT row_id, version, deleted FROM sync_log WHERE table_name = 'applicant' "
                                   "AND seq > :t"), {"t": top}).all()
        seqs = s.execute(sa.text("SELECT seq FROM sync_log WHERE seq > :t"), {"t": top}).scalars().all()
    assert sorted(logged) == sorted((i, 1, False) for i in ids)
    assert len(seqs) == len(set(seqs))
    if city.db.dialect == "postgresql":  # logged by the import alone: no number drawn twice at commit
        with city.db.session(write=False) as s:
            assert s.execute(sa.text("SELECT last_value FROM sync_log_seq")).scalar() == max(seqs) == top + len(seqs)
    mine = city.register(9).id.hex  # the triggers log again after the import's transaction
    with city.db.session(write=False) as s:
        row = s.execute(sa.text("SELECT seq, version FROM sync_log WHERE table_name = 'applicant' AND row_id = :r"),
                        {"r": mine}).one()
    assert row.seq > max(seqs) and row.version == 1


def test_a_change_log_trigger_of_an_older_version_is_made_again(db):
    """PostgreSQL: triggers made before the import's WHEN condition are replaced at the next open."""
    if db.dialect != "postgresql":
        pytest.skip("the WHEN condition is PostgreSQL's (SQLite's triggers are paused by the import)")
    from app.core.sync_tracking import PG_FUNCTION, ensure_tracking

    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER sync_log_applicant ON applicant")
        conn.exec_driver_sql("CREATE CONSTRAINT TRIGGER sync_log_applicant AFTER INSERT OR UPDATE OR DELETE ON "
                             f"applicant DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()")
    assert ensure_tracking(db.engine) == 1
    with db.engine.connect() as conn:
        quals = conn.exec_driver_sql("SELECT tgname, tgqual IS NOT NULL FROM pg_trigger "
                                     "WHERE tgname LIKE 'sync_log_%%'").all()
    assert quals and all(q for _, q in quals)
    assert ensure_tracking(db.engine) == 0


@pytest.mark.sqlite_only("the WAL and its checkpoints are SQLite's")
@pytest.mark.parametrize("later", [False, True])
def test_a_big_import_commits_without_a_checkpoint_and_one_runs_after_it(pair, tmp_path, monkeypatch, later):
    city, kec = pair
    for n in range(1, 41):
        kec.register(n)
    kec.export(city, tmp_path / "p.zip")
    monkeypatch.setattr(sync, "IMPORT_CACHE_FROM_ROWS", 1)
    started = []
    if not later:  # the thread is not started: what the commit alone left
        monkeypatch.setattr(sync, "_checkpoint_later", lambda db: started.append(db))
    with city.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db_file = city.home / "pmi-desk.sqlite3"
    size = db_file.stat().st_size
    # a packet this small would not reach the usual threshold (1,000 pages): every connection
    # checkpoints after each commit here, but the import's must not
    from sqlalchemy import event

    def eager(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA wal_autocheckpoint=1")
    city.db.engine.dispose()
    event.listen(city.db.engine, "connect", eager)
    imported_on = []
    real_restore = sync.restore_on_checkin

    def restore(conn, *sql):
        imported_on.append(conn.connection.dbapi_connection)
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0  # for its commit
        real_restore(conn, *sql)
    monkeypatch.setattr(sync, "restore_on_checkin", restore)
    try:
        result = city.import_(tmp_path / "p.zip")
        assert result.inserted > 0
        if later:
            assert sync.wait_for_checkpoint() is not None
            assert db_file.stat().st_size > size  # the pages are in the database file now
        else:
            assert started == [city.db]
            assert db_file.stat().st_size == size  # the commit left them in the WAL
        # the import's connection, back in the pool, checkpoints after its commits as before
        assert [c.execute("PRAGMA wal_autocheckpoint").fetchone()[0] for c in imported_on] == [1]
        assert city.snapshot()["applicant"] == kec.snapshot()["applicant"]
    finally:
        event.remove(city.db.engine, "connect", eager)
        city.db.engine.dispose()
