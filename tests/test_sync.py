"""Sync between offices: the three-office scenario (city and two kecamatan offices, each with its
own SQLite database and data dir) with packets lost, repeated and reordered, edits at both ends
and one NIK registered twice."""

from __future__ import annotations

import dataclasses
import json

import pytest
import sqlalchemy as sa

from app.core import registration, sync
from app.core.errors import UserError
from app.models import Applicant
from tests.conftest import TODAY
from tests.sync_offices import exchange, introduce, make_office


@pytest.fixture
def offices(tmp_path, _migrated_template, db):
    # the city office on the run's database (PostgreSQL in the PostgreSQL pass), the kecamatan
    # offices on SQLite files of their own
    city = make_office(tmp_path, _migrated_template, "SRG-0001", "city", db=db)
    a = make_office(tmp_path, _migrated_template, "KSA-0001", "kecamatan")
    b = make_office(tmp_path, _migrated_template, "KSB-0001", "kecamatan")
    introduce(city, a)
    introduce(city, b)
    yield city, a, b
    for o in (city, a, b):
        o.db.dispose()


def edit(office, applicant_id, **changes):
    with office.here():
        detail = registration.get_applicant(office.db, applicant_id, office.counter)
        data = dataclasses.replace(detail.to_input(), **changes)
        return registration.update_applicant(office.db, applicant_id, data, office.counter,
                                             expected_version=detail.version, confirm_warnings=True, today=TODAY)


def niks(office) -> set[str]:
    with office.db.session(write=False) as s:
        return set(s.exec(sa.select(Applicant.nik)).scalars())


def numbers(office) -> list[str]:
    with office.db.session(write=False) as s:
        return list(s.exec(sa.select(Applicant.registration_number)).scalars())


def with_children(offices, applicant_ids):
    """The applicants and their child rows, at any of the offices."""
    out = set(applicant_ids)
    for o in offices:
        with o.db.session(write=False) as s:
            for table in ("applicant_language", "work_experience"):
                out |= set(s.execute(sa.text(f"SELECT id FROM {table} WHERE applicant_id IN "
                                             f"({','.join(repr(x) for x in applicant_ids)})")).scalars())
    return out


def without(snapshot, ids):
    return {t: {k: v for k, v in rows.items() if k not in ids} for t, rows in snapshot.items()}


def sync_round(city, kecamatans, folder, tag):
    for i, k in enumerate(kecamatans):
        exchange(k, city, folder, f"{tag}-up{i}")
    for i, k in enumerate(kecamatans):
        exchange(city, k, folder, f"{tag}-down{i}")


@pytest.fixture(params=["usual", "bulk"])
def paths(request, monkeypatch):
    """The scenario once as small packets go, once with every packet on a big packet's paths
    (every lookup shortcut, indexes rebuilt, name index filled at once, checkpoint after)."""
    if request.param == "bulk":
        for name in ("CHUNK", "IMPORT_CACHE_FROM_ROWS", "INDEX_BULK", "FTS_BULK"):
            monkeypatch.setattr(sync, name, 1)
    yield request.param
    sync.wait_for_checkpoint()


def test_three_offices_converge_through_lost_repeated_and_reordered_packets(offices, tmp_path, paths):
    city, a, b = offices
    folder = tmp_path / "usb"
    folder.mkdir()
    a1 = a.register(1)
    a.register(2)
    b.register(11)
    b.register(12)
    dup_a = a.register(50, full_name="Rina Duplikat A")
    dup_b = b.register(50, full_name="Rina Duplikat B")  # the same NIK at the other office

    # registration numbers carry the office code: no collision between offices
    assert a1.registration_number == "KSA-0001-2026-000001"
    assert numbers(b)[0].startswith("KSB-0001-2026-")

    lost = folder / "lost.zip"
    lost_rows = a.export(city, lost).rows  # this packet never arrives (for now)
    a.register(3)
    registered = niks(a) | niks(b)
    second = folder / "a2.zip"
    a.export(city, second)  # still carries everything: nothing was acknowledged
    first_import = city.import_(second)
    assert first_import.inserted == 4 * 3 + 1  # four applicants with one language and one job each, A's office row
    before = city.snapshot()
    again = city.import_(second)  # the same packet twice
    assert again.already_imported and city.snapshot() == before
    late = city.import_(lost)  # the lost one turns up after the newer one
    assert late.inserted == late.updated == late.conflicts == 0
    assert late.stale == lost_rows and late.unchanged == 0  # known older states, skipped unread
    assert city.snapshot() == before
    a.ack(first_import.ack_path)

    # B's duplicate NIK becomes a conflict at the city; B's other rows come in
    from_b = exchange(b, city, folder, "b1")
    assert from_b.conflicts == 1
    conflicts = sync.list_conflicts(city.db, city.supervisor)
    assert [(c.kind, c.unique_field, c.row_id, c.their_id) for c in conflicts] == [
        ("unique", "nik", dup_a.id.hex, dup_b.id.hex)]
    assert conflicts[0].mine["full_name"] == "Rina Duplikat A"
    assert conflicts[0].theirs["full_name"] == "Rina Duplikat B"
    assert conflicts[0].held_rows == 2  # B's language and experience rows wait with it

    exchange(city, a, folder, "c-a1")
    exchange(city, b, folder, "c-b1")

    # everything but the open conflict's rows is the same at the three offices
    held = with_children((city, a, b), {dup_a.id.hex, dup_b.id.hex})
    snaps = [without(o.snapshot(), held) for o in (city, a, b)]
    assert snaps[0] == snaps[1] == snaps[2]
    assert len(snaps[0]["applicant"]) == 6 - 1  # seven registered, the two of one NIK held apart
    kept = {a.code: numbers(a), b.code: numbers(b)}
    assert len(set(numbers(city))) == len(numbers(city)) == 6

    # edits at both ends of one row → conflict at the city; an edit at one end → travels
    edit(a, a1.id, address="Jl. Baru A No. 1")
    edit(city, a1.id, phone="0813-1111-2222")
    b11 = next(x for x in registration_rows(b) if x[1].endswith("0011"))[0]
    edit(b, b11, address="Jl. Kecamatan B No. 9")
    sync_round(city, [a, b], folder, "r2")
    open_ = sync.list_conflicts(city.db, city.supervisor)
    assert sorted(c.kind for c in open_) == ["edit", "unique"]
    edit_conflict = next(c for c in open_ if c.kind == "edit")
    assert {"address", "phone"} <= set(edit_conflict.differing)
    with a.db.session(write=False) as s:  # A kept its own edit: nothing silently overwritten
        assert s.get(Applicant, a1.id).address == "Jl. Baru A No. 1"
    with city.db.session(write=False) as s:
        assert s.get(Applicant, a1.id).phone == "+6281311112222" or s.get(Applicant, a1.id).phone.endswith("11112222")
        assert s.get(Applicant, b11).address == "Jl. Kecamatan B No. 9"

    # the supervisor resolves: merge (A's address, the city's phone) and keep A's registration
    merged = sync.resolve_conflict(city.db, city.supervisor, edit_conflict.id, "merge", fields=["address"])
    assert merged.status == "resolved" and merged.resolution == "merge"
    unique = next(c for c in open_ if c.kind == "unique")
    sync.resolve_conflict(city.db, city.supervisor, unique.id, "mine")
    assert sync.list_conflicts(city.db, city.supervisor) == []
    with pytest.raises(UserError) as err:
        sync.resolve_conflict(city.db, city.supervisor, unique.id, "theirs")
    assert err.value.code == "sync_conflict_closed"

    sync_round(city, [a, b], folder, "r3")
    sync_round(city, [a, b], folder, "r4")
    final = [o.snapshot() for o in (city, a, b)]
    assert final[0] == final[1] == final[2]
    for o in (city, a, b):
        assert sync.list_conflicts(o.db, o.supervisor) == []
        assert niks(o) == registered  # nothing registered is missing
        with o.db.session(write=False) as s:  # nothing left waiting for an acknowledgement
            assert s.execute(sa.text("SELECT COUNT(*) FROM sync_sent")).scalar_one() == 0
    with b.db.session(write=False) as s:
        row = s.get(Applicant, a1.id)
        assert row.address == "Jl. Baru A No. 1" and row.phone.endswith("11112222")
        assert s.get(Applicant, dup_b.id) is None and s.get(Applicant, dup_a.id) is not None
    assert set(kept[a.code]) <= set(numbers(b))


def registration_rows(office):
    with office.db.session(write=False) as s:
        return list(s.execute(sa.select(Applicant.id, Applicant.nik)).all())


def test_an_unchanged_office_exports_nothing_new_after_the_acknowledgement(offices, tmp_path):
    city, a, _ = offices
    a.register(1)
    exchange(a, city, tmp_path, "p1")
    result = a.export(city, tmp_path / "p2.zip")
    assert (result.rows, result.deletions) == (0, 0)
    echo = city.export(a, tmp_path / "echo.zip")  # what came from A does not go back to A
    assert echo.counts.get("applicant", 0) == 0


def test_deletions_travel_as_tombstones(offices, tmp_path):
    city, a, b = offices
    x = a.register(1)
    sync_round(city, [a, b], tmp_path, "r1")
    with a.db.session() as s:  # e.g. a later feature deletes a language row
        s.execute(sa.text("DELETE FROM applicant_language WHERE applicant_id = :i"), {"i": x.id.hex})
    sync_round(city, [a, b], tmp_path, "r2")
    for o in (city, a, b):
        with o.db.session(write=False) as s:
            assert s.execute(sa.text("SELECT COUNT(*) FROM applicant_language")).scalar_one() == 0
    assert city.snapshot() == a.snapshot() == b.snapshot()


def test_edit_here_and_delete_there_is_a_conflict(offices, tmp_path):
    city, a, _ = offices
    x = a.register(1)
    exchange(a, city, tmp_path, "p1")
    exchange(city, a, tmp_path, "p2")
    with city.db.session() as s:
        s.execute(sa.text("DELETE FROM applicant_language WHERE applicant_id = :i"), {"i": x.id.hex})
    with a.db.session() as s:
        s.execute(sa.text("UPDATE applicant_language SET level = 'N3', version = version + 1 "
                          "WHERE applicant_id = :i"), {"i": x.id.hex})
    result = exchange(a, city, tmp_path, "p3")
    assert result.conflicts == 1
    [c] = sync.list_conflicts(city.db, city.supervisor)
    assert c.kind == "deleted_here" and c.theirs["level"] == "N3" and c.mine is None
    sync.resolve_conflict(city.db, city.supervisor, c.id, "theirs")
    exchange(city, a, tmp_path, "p4")
    exchange(a, city, tmp_path, "p5")
    assert city.snapshot() == a.snapshot()
    with a.db.session(write=False) as s:
        assert s.execute(sa.text("SELECT level FROM applicant_language")).scalar_one() == "N3"


def test_resolution_is_audited_and_needs_the_permission(offices, tmp_path):
    from app.core import audit
    from app.core.permissions import PermissionDenied

    city, a, b = offices
    a.register(50)
    b.register(50, full_name="Orang Lain")
    exchange(a, city, tmp_path, "p1")
    exchange(b, city, tmp_path, "p2")
    [c] = sync.list_conflicts(city.db, city.supervisor)
    with pytest.raises(PermissionDenied):
        sync.resolve_conflict(city.db, city.counter, c.id, "mine")
    with pytest.raises(PermissionDenied):
        sync.list_conflicts(city.db, city.counter)
    with pytest.raises(UserError) as err:
        sync.resolve_conflict(city.db, city.supervisor, c.id, "merge", fields=["id"])
    assert err.value.code == "unknown_field"
    sync.resolve_conflict(city.db, city.supervisor, c.id, "theirs")
    entries = audit.search(city.db, city.admin, action="sync_resolve").rows
    assert len(entries) == 1 and entries[0].changes["choice"] == [None, "theirs"]
    imports = audit.search(city.db, city.admin, action="sync_import").rows
    assert len(imports) == 2
    # keep theirs: B's registration replaces A's everywhere, with its held child rows
    sync_round(city, [a, b], tmp_path, "r")
    sync_round(city, [a, b], tmp_path, "r2")
    assert city.snapshot() == a.snapshot() == b.snapshot()
    with a.db.session(write=False) as s:
        [row] = s.exec(sa.select(Applicant)).scalars().all()
        assert row.full_name == "Orang Lain" and row.registration_number.startswith("KSB-0001-")
        assert s.execute(sa.text("SELECT COUNT(*) FROM work_experience")).scalar_one() == 1


def test_the_acknowledgement_is_signed_and_checked(offices, tmp_path):
    city, a, b = offices
    a.register(1)
    path = tmp_path / "p.zip"
    a.export(city, path)
    result = city.import_(path)
    doc = json.loads(result.ack_path.read_text())
    doc["ack"]["up_to_seq"] += 100
    forged = tmp_path / "forged.ack"
    forged.write_text(json.dumps(doc))
    with pytest.raises(UserError) as err:
        a.ack(forged)
    assert err.value.code == "sync_bad_signature"
    with pytest.raises(UserError) as err:
        b.ack(result.ack_path)  # addressed to A
    assert err.value.code in ("sync_unknown_office", "sync_wrong_recipient")
    first = a.ack(result.ack_path)
    assert first.acknowledged_rows == 4 and not first.already
    assert a.ack(result.ack_path).already


def test_a_new_child_of_a_row_deleted_here_is_kept_as_a_conflict(offices, tmp_path):
    city, a, _ = offices
    x = a.register(1)
    exchange(a, city, tmp_path, "p1")
    exchange(city, a, tmp_path, "p2")
    with city.db.session() as s:  # the city deletes the applicant (children go with it)
        s.execute(sa.text("DELETE FROM applicant WHERE id = :i"), {"i": x.id.hex})
    with a.db.session() as s:  # meanwhile the kecamatan adds a language to it
        s.execute(sa.text(
            "INSERT INTO applicant_language (id, created_at, updated_at, origin_office, version, applicant_id, "
            "language_code, level) VALUES ('00000000000000000000000000000abc', '2026-11-25 01:00:00.000000', "
            "'2026-11-25 01:00:00.000000', 'KSA-0001', 1, :i, 'ko', 'TOPIK 2')"), {"i": x.id.hex})
    result = exchange(a, city, tmp_path, "p3")  # not refused: the orphan waits as a conflict
    assert result.conflicts == 1
    [c] = sync.list_conflicts(city.db, city.supervisor)
    assert c.kind == "deleted_here" and c.theirs["level"] == "TOPIK 2"
    with pytest.raises(UserError) as err:
        sync.resolve_conflict(city.db, city.supervisor, c.id, "theirs")
    assert err.value.code == "sync_parent_missing"
    sync.resolve_conflict(city.db, city.supervisor, c.id, "mine")
    exchange(city, a, tmp_path, "p4")
    exchange(a, city, tmp_path, "p5")
    assert city.snapshot() == a.snapshot()
    assert city.snapshot()["applicant"] == {}
