"""Sync packets: keys, refusals of damaged, altered and foreign packets (nothing applied),
attachments by SHA-256, and which tables travel."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile

import pytest
import sqlalchemy as sa

from app.core import sync, sync_tracking
from app.core.errors import UserError
from app.core.permissions import PermissionDenied
from app.models import SyncPacketIn
from tests.sync_offices import introduce, make_office


def imported_packets(office) -> int:
    with office.db.session(write=False) as s:
        return s.execute(sa.select(sa.func.count()).select_from(SyncPacketIn)).scalar_one()


def refused(office, path) -> UserError:
    before = office.snapshot()
    count = imported_packets(office)
    with pytest.raises(UserError) as err:
        office.import_(path)
    assert office.snapshot() == before and imported_packets(office) == count  # nothing applied
    assert err.value.message and err.value.message_en and err.value.message != err.value.message_en
    return err.value


def rezip(src, dst, change):
    """Copy a packet, letting ``change(name, data)`` alter members; the signature (in the zip
    comment) is copied as it was."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        zout.comment = zin.comment
        for name in zin.namelist():
            zout.writestr(name, change(name, zin.read(name)))


def test_the_private_key_is_made_once_and_readable_by_the_owner_only(pair):
    city, _ = pair
    path = city.home / "sync" / "SRG-0001.ed25519"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with city.here():
        first = sync.ensure_keys(city.db)
        again = sync.ensure_keys(city.db)
    assert first.public_key == again.public_key and first.own
    assert len(first.fingerprint.split()) == 8


def test_trusting_a_key_checks_the_file_and_the_permission(pair, tmp_path):
    city, kec = pair
    with kec.here():
        doc = sync.own_key_file(kec.db, kec.admin)
    with city.here():
        with pytest.raises(UserError) as err:
            sync.trust_office(city.db, city.admin, "KSB-0001", json.dumps(doc))
        assert err.value.code == "sync_key_other_office"
        with pytest.raises(UserError) as err:
            sync.trust_office(city.db, city.admin, "KSB-0001", "bm90IGEga2V5")
        assert err.value.code == "sync_bad_key"
        with pytest.raises(UserError) as err:
            sync.trust_office(city.db, city.admin, "SRG-0001", doc["public_key"])
        assert err.value.code == "sync_self"
        with pytest.raises(PermissionDenied):
            sync.trust_office(city.db, city.supervisor, "KSA-0001", json.dumps(doc))
        info = sync.trust_office(city.db, city.admin, "KSA-0001", doc["public_key"])  # the bare key works too
        assert info.fingerprint == doc["fingerprint"] and not info.own
        keys = sync.office_keys(city.db, city.supervisor)
    assert [(k.office_code, k.own) for k in keys] == [("SRG-0001", True), ("KSA-0001", False)]


def test_export_needs_a_known_office_and_the_permission(pair, tmp_path):
    city, kec = pair
    with pytest.raises(UserError) as err:
        with kec.here():
            sync.export_packet(kec.db, kec.supervisor, "KSZ-0009", tmp_path / "x.zip")
    assert err.value.code == "sync_peer_unknown"
    with pytest.raises(PermissionDenied):
        with kec.here():
            sync.export_packet(kec.db, kec.counter, city.code, tmp_path / "x.zip")
    with pytest.raises(UserError) as err:
        with kec.here():
            sync.export_packet(kec.db, kec.supervisor, kec.code, tmp_path / "x.zip")
    assert err.value.code == "sync_self"


def test_a_packet_with_any_byte_changed_or_cut_short_is_refused(pair, tmp_path):
    city, kec = pair
    for n in range(1, 4):
        kec.register(n)
    good = tmp_path / "good.zip"
    kec.export(city, good)
    data = good.read_bytes()
    positions = sorted({0, 10, 35, len(data) // 3, len(data) // 2, 2 * len(data) // 3, len(data) - 30,
                        len(data) - 1} | set(range(40, len(data), max(1, len(data) // 25))))
    for pos in positions:
        bad = tmp_path / f"bad-{pos}.zip"
        bad.write_bytes(data[:pos] + bytes([data[pos] ^ 0x01]) + data[pos + 1:])
        err = refused(city, bad)
        assert err.code in ("sync_not_a_packet", "sync_hash_mismatch", "sync_bad_signature"), (pos, err.code)
    for cut in (len(data) // 2, len(data) - 1, 10):
        short = tmp_path / f"short-{cut}.zip"
        short.write_bytes(data[:cut])
        assert refused(city, short).code == "sync_not_a_packet"
    # the untouched packet still goes in
    assert city.import_(good).inserted > 0


def test_altered_rows_or_a_re_made_manifest_are_refused(pair, tmp_path):
    city, kec = pair
    kec.register(1)
    good = tmp_path / "good.zip"
    kec.export(city, good)
    rows = tmp_path / "rows.zip"
    rezip(good, rows, lambda n, d: d.replace(b"Pendaftar 1", b"Pendaftar X") if n.endswith(".jsonl") else d)
    assert refused(city, rows).code == "sync_bad_signature"
    # change a row and fix the manifest's hashes to match: the signature still tells
    with zipfile.ZipFile(good) as z:
        members = {n: z.read(n) for n in z.namelist()}
    manifest = json.loads(members["manifest.json"])
    for n in list(members):
        if n.endswith(".jsonl"):
            members[n] = members[n].replace(b"Pendaftar 1", b"Pendaftar X")
            manifest["files"][n].update(sha256=hashlib.sha256(members[n]).hexdigest(), size=len(members[n]))
    forged = tmp_path / "forged.zip"
    rezip(good, forged, lambda n, d: json.dumps(manifest).encode() if n == "manifest.json" else members[n])
    assert refused(city, forged).code == "sync_bad_signature"
    unsigned = tmp_path / "unsigned.zip"
    with zipfile.ZipFile(unsigned, "w") as z:
        for n, d in members.items():
            z.writestr(n, d)
    assert refused(city, unsigned).code == "sync_not_a_packet"


def test_foreign_packets_are_refused(pair, tmp_path, _migrated_template):
    city, kec = pair
    stranger = make_office(tmp_path, _migrated_template, "KSZ-0009", "kecamatan")
    with city.here():  # the stranger knows the city's key, but the city never trusted the stranger
        doc = sync.own_key_file(city.db, city.admin)
    with stranger.here():
        sync.trust_office(stranger.db, stranger.admin, city.code, json.dumps(doc))
    stranger.register(1)
    path = tmp_path / "stranger.zip"
    stranger.export(city, path)
    err = refused(city, path)
    assert err.code == "sync_unknown_office" and err.params["office"] == "KSZ-0009"

    other = make_office(tmp_path, _migrated_template, "KSB-0001", "kecamatan")
    introduce(kec, other)  # kec now also knows KSB-0001; a packet for KSB must not go into the city
    to_b = tmp_path / "to-b.zip"
    kec.export(other, to_b)
    introduce(city, other)
    err = refused(city, to_b)
    assert err.code in ("sync_wrong_recipient", "sync_bad_signature")

    own = tmp_path / "own.zip"
    city.export(kec, own)
    assert refused(city, own).code == "sync_own_packet"
    assert refused(city, tmp_path / "missing.zip").code == "sync_file_missing"
    not_zip = tmp_path / "note.zip"
    not_zip.write_text("hello")
    assert refused(city, not_zip).code == "sync_not_a_packet"
    stranger.db.dispose()
    other.db.dispose()


def test_attachments_travel_by_sha256(pair, tmp_path):
    city, kec = pair
    x = kec.register(1)
    scan = b"%PDF-1.4 scan of a KTP"
    digest = hashlib.sha256(scan).hexdigest()
    (kec.home / "scans").mkdir()
    (kec.home / "scans" / digest).write_bytes(scan)
    with kec.db.session() as s:
        s.execute(sa.text("UPDATE applicant SET photo_sha256 = :h, version = version + 1 WHERE id = :i"),
                  {"h": digest, "i": x.id.hex})
    path = tmp_path / "p.zip"
    result = kec.export(city, path)
    assert result.attachments == 1
    with zipfile.ZipFile(path) as z:
        assert z.read(f"attachments/{digest}") == scan
    bad = tmp_path / "bad.zip"  # a swapped scan
    rezip(path, bad, lambda n, d: b"other content" if n.startswith("attachments/") else d)
    assert refused(city, bad).code == "sync_bad_signature"
    assert not (city.home / "scans" / digest).exists()
    imported = city.import_(path)
    assert imported.attachments == 1
    assert (city.home / "scans" / digest).read_bytes() == scan


def test_which_tables_travel():
    names = {t.name: t.route for t in sync_tracking.carried_tables()}
    assert {"applicant", "applicant_language", "work_experience", "office"} <= set(names)
    assert "user" not in names  # accounts and password hashes stay home
    for local in ("audit_entry", "app_setting", "registration_counter", "sync_log", "sync_conflict"):
        assert local not in names
    # a table that refers to a carried row must itself travel (a Record table) or be listed as local
    import app.models

    carried = set(names)
    for table in app.models.metadata.sorted_tables:
        refers = {fk.column.table.name for fk in table.foreign_keys}
        if refers & carried:
            assert table.name in carried or sync_tracking.ROUTES.get(table.name, "x") is None, table.name
    assert sync_tracking.travels("both", "up") and sync_tracking.travels("down", "down")
    assert not sync_tracking.travels("down", "up")


def test_a_table_that_only_travels_down_is_refused_coming_up(pair, tmp_path, monkeypatch):
    city, kec = pair
    kec.register(1)
    path = tmp_path / "up.zip"
    kec.export(city, path)  # carries applicant rows up
    monkeypatch.setitem(sync_tracking.ROUTES, "applicant", "down")
    err = refused(city, path)
    assert err.code == "sync_wrong_direction" and err.params["table"] == "applicant"
    # and the kecamatan office no longer sends them
    result = kec.export(city, tmp_path / "up2.zip")
    assert "applicant" not in result.counts


def test_triggers_log_every_change_and_come_back_after_a_table_rebuild(db):
    from app.core.sync_tracking import ensure_tracking
    from app.models import SyncLog

    assert ensure_tracking(db.engine) == 0  # installed when the database was opened
    with db.session(write=False) as s:
        before = len(s.exec(sa.select(SyncLog.seq)).all())  # the rows the migrations seeded
    with db.engine.begin() as conn:
        if db.dialect == "postgresql":  # one deferred constraint trigger per table there
            conn.exec_driver_sql("DROP TRIGGER sync_log_office ON office")
        else:
            conn.exec_driver_sql("DROP TRIGGER sync_log_office_ins")
    from app.core import setup

    setup.ensure_office(db)  # an office row written while its trigger is missing
    assert ensure_tracking(db.engine) == (1 if db.dialect == "postgresql" else 3)
    with db.session(write=False) as s:
        logged = s.exec(sa.select(SyncLog.table_name, SyncLog.deleted).order_by(SyncLog.seq)).all()
    assert logged[before:] == [("office", False)]


@pytest.mark.parametrize("bulk", [1, 10_000])
def test_imported_applicants_are_found_by_name(pair, tmp_path, monkeypatch, bulk):
    """Many new applicants get the name index filled in one statement; a few go row by row."""
    from app.core import search

    city, kec = pair
    monkeypatch.setattr(sync, "FTS_BULK", bulk)
    city.register(7, full_name="Dewi Sartika")
    for n, name in ((1, "Bunga Citra Lestari"), (2, "Ayu Lestari"), (3, "Rudi Hartono")):
        kec.register(n, full_name=name)
    path = tmp_path / "p.zip"
    kec.export(city, path)
    city.import_(path)
    with city.db.session(write=False) as s:
        triggers = set(s.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    assert {"applicant_fts_ai", "sync_log_applicant_ins"} <= triggers
    found = search.search_page(city.db, "lestari", actor=city.supervisor)
    assert sorted(r.full_name for r in found.rows) == ["Ayu Lestari", "Bunga Citra Lestari"]
    assert [r.full_name for r in search.search_page(city.db, "dewi", actor=city.supervisor).rows] == ["Dewi Sartika"]
    city.register(8, full_name="Sari Lestari")  # the trigger works again after the import
    assert len(search.search_page(city.db, "lestari", actor=city.supervisor).rows) == 3


def test_the_manifest_lists_counts_and_hashes_of_every_file(pair, tmp_path):
    city, kec = pair
    kec.register(1)
    path = tmp_path / "p.zip"
    result = kec.export(city, path)
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        members = {n: z.read(n) for n in z.namelist() if n != "manifest.json"}
    assert manifest["format"] == sync.FORMAT and manifest["packet_id"] == result.packet_id
    assert (manifest["from_office"], manifest["to_office"]) == ("KSA-0001", "SRG-0001")
    assert set(manifest["files"]) == set(members)
    for name, data in members.items():
        info = manifest["files"][name]
        assert info["sha256"] == hashlib.sha256(data).hexdigest() and info["size"] == len(data)
        assert info["rows"] == len(data.splitlines()) == manifest["counts"][name[len("tables/"):-len(".jsonl")]]
    line = json.loads(members["tables/applicant.jsonl"].splitlines()[0])
    assert line["row"]["id"] == line["id"] and line["v"] == 1 and line["row"]["origin_office"] == "KSA-0001"


def _signed_packet(office, path, manifest: dict, files: dict[str, bytes]) -> None:
    """A packet made and signed by ``office`` with any content (as a newer version might send)."""
    manifest = dict(manifest, files={n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d), "rows": 1}
                                     for n, d in files.items()})
    with office.here():
        key = sync._private_key(office.code)
    sync._write_zip(path, key, json.dumps(manifest).encode(), files)


def test_a_table_or_column_this_version_does_not_know_is_refused(pair, tmp_path):
    city, kec = pair
    kec.register(1)
    good = tmp_path / "good.zip"
    kec.export(city, good)
    with zipfile.ZipFile(good) as z:
        manifest = json.loads(z.read("manifest.json"))
        rows = z.read("tables/applicant.jsonl")
    newer = tmp_path / "newer.zip"
    _signed_packet(kec, newer, manifest, {"tables/vaccination.jsonl": b'{"id":"a","v":1,"base":null,"row":{}}\n'})
    err = refused(city, newer)
    assert err.code == "sync_unknown_table" and err.params["table"] == "vaccination"
    line = json.loads(rows.splitlines()[0])
    line["row"]["shoe_size"] = 42
    extra = tmp_path / "extra.zip"
    _signed_packet(kec, extra, manifest, {"tables/applicant.jsonl": json.dumps(line).encode() + b"\n"})
    err = refused(city, extra)
    assert err.code == "sync_unknown_column" and err.params["column"] == "shoe_size"
    garbage = tmp_path / "garbage.zip"
    _signed_packet(kec, garbage, manifest, {"tables/applicant.jsonl": b"{not json\n"})
    assert refused(city, garbage).code == "sync_not_a_packet"
