"""The SQLite list's "range keys" plan (NIK/phone prefixes newest first, sorted from the
``ix_applicant_<nik|phone>_registered_on_registration_number`` indexes): the same pages as the
ORM query, also for a row that matches both the NIK and the phone range, with keyset paging."""

from __future__ import annotations

import sqlalchemy as sa
import pytest

from app.core import registration, search
from app.models import Applicant
from tests.conftest import applicant_input

pytestmark = pytest.mark.sqlite_only("the SQLite list query's plans")


def _expected(db, text, descending, sort="registered_on"):
    order = [getattr(Applicant, sort), Applicant.registration_number]
    order = [c.desc() for c in order] if descending else [c.asc() for c in order]
    with db.session(write=False) as s:
        query = sa.select(Applicant.registration_number).where(*search._filters(text, None, db.dialect))
        return list(s.execute(query.order_by(*order)).scalars())


def _walk(db, actor, text, descending, limit, sort="registered_on"):
    seen, after = [], None
    while True:
        page = search.search_page(db, text, actor=actor, sort=sort, descending=descending, after=after,
                                  limit=limit)
        seen += [r.registration_number for r in page.rows]
        if page.next_after is None:
            return seen
        after = page.next_after


def test_range_keys_pages_match_the_orm_with_a_row_in_both_ranges(db, actor, monkeypatch):
    # NIK 628121 57 03 01 xxxx (province 62, a woman born 2001-03-17) and phones +62812...
    people = [dict(nik="6281215703010001", phone="0812-3456-7890", full_name="Ayu Lestari"),  # NIK and phone
              dict(nik="3673015703010001", phone="0812-9999-0000", full_name="Siti Aminah"),  # phone only
              dict(nik="6281215703010002", phone="0856-1111-2222", full_name="Dewi Sartika"),  # NIK only
              dict(nik="3673015703010003", phone="0813-5555-6666", full_name="Rina Marlina")]  # neither
    for p in people:
        registration.register_applicant(db, applicant_input(**p), actor, confirm_warnings=True)
    used = []
    original = search._range_keys_sql
    monkeypatch.setattr(search, "_range_keys_sql", lambda *a: used.append(a) or original(*a))
    monkeypatch.setattr(search, "_choose", lambda *a, **k: "probe_set")  # the plan's range of counts
    for text in ("62812", "6281215", "0812", "+62812", "0856", "3673015703010003", "0899"):
        for descending in (True, False):
            expected = _expected(db, text, descending)
            for limit in (1, 2, 200):
                assert _walk(db, actor, text, descending, limit) == expected, (text, descending, limit)
    assert len(_expected(db, "62812", True)) == 3  # the row in both ranges once
    assert used and any(len(a[0].ranges) == 2 for a in used)  # both ranges live for "62812"
    used.clear()
    search.search_page(db, "0856", actor=actor)  # the NIK range "0856…" has no row: left out
    assert [[c for c, _lo, _hi in a[0].ranges] for a in used] == [["phone"]]


def test_name_walk_is_fts5s_prefix_match(db, actor, monkeypatch):
    """Names sorted by name for a common first letter: the name index walked with the words it
    holds gives exactly FTS5's pages — accents, other scripts, apostrophes, dots, commas,
    hyphens, underscores, tabs, digits and capitals included (a name with other characters than
    ASCII letters, digits and . , ' - is asked of the FTS index)."""
    names = ["Dìan Pertiwi", "O'Dian Sari", "Anna-Diana Putri", "Budi_Santoso", "Ádi Wijaya", "DIAN KAPITAL",
             "dian kecil", "Siti Aisyah", "Ayu 2Dian", "Dewi Dian", "Ahmad Di", "Ди Иван", "Rudi Hartono",
             "Dian Sastro", "Didi Kempot", "Wawan Setiawan", "Ådne Dinata", "Made Wiwin", "Moh.Dian",
             "Dian,S.Pd", "Abd. Rahman-Diah", "Nur'aini", "  Dian Spasi", "Dian\tTab", "Ani/Dian", "A.-,'Di"]
    for i, name in enumerate(names):
        nik = f"3673015703{i:02d}{i + 1:04d}"[:16]
        detail = registration.register_applicant(
            db, applicant_input(nik=nik, phone=f"0812-7000-{i:04d}", full_name="Siti Nurhaliza"), actor,
            confirm_warnings=True)
        with db.session() as s:  # names the form would not take are still searched right
            s.execute(sa.text("UPDATE applicant SET full_name = :n WHERE registration_number = :r"),
                      {"n": name, "r": detail.registration_number})
    used = []
    original = search._name_walk_sql
    monkeypatch.setattr(search, "_name_walk_sql", lambda *a: used.append(a[0]) or original(*a))
    monkeypatch.setattr(search, "_WALK_FROM", 10 ** 9)  # the walk at any count
    monkeypatch.setattr(search, "_MIN_CUTOVER", 1)
    for text in ("d", "di", "DI", "dia", "dian", "a", "ad", "w", "s", "siti a", "2dian", "2", "x", "ki",
                 "dì", "ди", "pd", "aini", "rahman d", "tab", "spasi", "moh"):
        for descending in (False, True):
            expected = _expected(db, text, descending, "full_name")
            for limit in (1, 3, 200):
                assert _walk(db, actor, text, descending, limit, "full_name") == expected, (text, descending, limit)
    assert ("di",) in used and ("siti", "a") in used
    assert ("dì",) not in used and ("ди",) not in used  # typed accents: the FTS plans
    # not Budi_Santoso, Ádi, 2Dian, Rudi; Moh.Dian, Dian,S.Pd, Rahman-Diah, Dian Spasi, Dian\tTab,
    # Ani/Dian, A.-,'Di are
    assert len(_expected(db, "di", False, "full_name")) == 17
    assert len(_expected(db, "pd", False, "full_name")) == 1 and len(_expected(db, "aini", False, "full_name")) == 1


def test_the_name_walk_reads_the_words_from_the_index(db):
    """The walk's words are the index's own expression, read from the index (no name computed per
    entry); the index the migration made and the one ``ensure_name_words_index`` makes again
    after a table rebuild are the same."""
    with db.engine.connect() as conn:
        made = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_applicant_name_words'").scalar_one()
        assert search.NAME_WORDS_SQL in made
        plan = conn.exec_driver_sql(
            "EXPLAIN " + search._name_walk_sql(("di", "an"), "ASC", ""), {"fts": '"di"* AND "an"*', "limit": 201}).all()
    functions = [r[5] for r in plan if r[1] in ("Function", "PureFunc")]
    assert functions.count("like(2)") == 2  # one per typed word
    assert not any(f.startswith(("replace", "glob")) for f in functions)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_applicant_name_words")
    search.ensure_name_words_index(db.engine)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_applicant_name_words'").scalar_one() == made
    search.ensure_name_words_index(db.engine)  # there: nothing to do
