"""The import's speed measures keep its meaning: the garbage collector is paused only while a
packet is read and applied, and given back as it was found, also when the import fails; a table
file reads as its lines read one by one, and rows found plain hash as ``_hash`` hashes them."""

from __future__ import annotations

import gc
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import sync
from app.core.errors import UserError


def test_the_collector_is_paused_during_an_import_and_enabled_again(pair, tmp_path, monkeypatch):
    city, kec = pair
    kec.register(1)
    kec.export(city, tmp_path / "p.zip")
    seen = []
    real = sync._apply_packet

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(sync, "_apply_packet", spy)
    assert gc.isenabled()
    assert city.import_(tmp_path / "p.zip").inserted > 0
    assert seen == [False] and gc.isenabled()


def test_the_collector_is_enabled_again_when_the_import_fails(pair, tmp_path):
    city, kec = pair
    kec.register(1)
    kec.export(city, tmp_path / "p.zip")
    data = bytearray((tmp_path / "p.zip").read_bytes())
    data[len(data) // 2] ^= 0xFF  # a byte of the signed part: refused
    (tmp_path / "bad.zip").write_bytes(bytes(data))
    with pytest.raises(UserError):
        city.import_(tmp_path / "bad.zip")
    assert gc.isenabled()


def test_a_collector_disabled_by_someone_else_stays_disabled(pair, tmp_path):
    city, kec = pair
    kec.register(1)
    kec.export(city, tmp_path / "p.zip")
    gc.disable()
    try:
        assert city.import_(tmp_path / "p.zip").inserted > 0
        assert not gc.isenabled()
    finally:
        gc.enable()

plain_values = st.one_of(st.none(), st.booleans(), st.text(), st.integers(min_value=-2**63, max_value=2**64 - 1),
                         st.sampled_from(["\u2028", "\x85", "\x7f", "\x00\x1f\"\\/", "é\U0001F600", "2026-11-25 08:30:15.5"]))
other_values = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(min_value=2**64, max_value=2**70),
                         st.integers(min_value=-2**70, max_value=-2**63 - 1), st.sampled_from([1e16, -0.0, 72.5]),
                         st.lists(plain_values, max_size=3))
rows = st.dictionaries(st.text(min_size=1, max_size=8), plain_values, max_size=8)
entry = st.fixed_dictionaries({"id": st.text(max_size=4), "v": st.integers(0, 9), "base": st.none() | st.text(max_size=4),
                               "row": rows})
odd_entry = st.fixed_dictionaries({"id": st.text(max_size=4), "row": st.dictionaries(
    st.text(max_size=4), st.one_of(plain_values, other_values, st.dictionaries(st.text(max_size=3), other_values,
                                                                             max_size=2)), max_size=4)})
line_values = st.one_of(entry, entry, odd_entry, other_values, plain_values)


@settings(max_examples=300, deadline=None)
@given(st.lists(line_values, max_size=6), st.data())
def test_a_table_file_reads_as_its_lines_read_one_by_one(values, data):
    lines = [json.dumps(v, ensure_ascii=data.draw(st.booleans())).encode() for v in values]
    if data.draw(st.booleans()):
        lines.append(data.draw(st.sampled_from([b"NaN", b'{"a":NaN}', b'{"s":"\\ud800"}', b"[1,2]", b'{"a":1,"a":2}'])))
    got, plain = sync._json_lines(lines)
    want = [json.loads(line.decode()) for line in lines]
    assert json.dumps(got) == json.dumps(want)  # NaN != NaN: compare the written forms
    assert json.dumps([sync._json_line(line) for line in lines]) == json.dumps(got)
    if plain:
        for value in got:
            assert type(value) is dict
            for v in value.values():
                assert type(v) in (str, int, bool, type(None)) or (
                    type(v) is dict and all(type(w) in (str, int, bool, type(None)) for w in v.values()))
                if type(v) is dict:
                    assert sync._plain_hash(v) == sync._hash(v)


def test_a_file_with_a_float_or_a_big_integer_is_not_plain():
    for line in (b'{"id":"a","v":1,"row":{"score":72.5}}', b'{"id":"a","v":1,"row":{"n":18446744073709551616}}',
                 b'{"id":"a","v":1,"row":{"x":[1]}}', b'{"id":"a","v":1,"row":{"x":{"y":1}}}', b'{"id":"a","v":1.0}'):
        got, plain = sync._json_lines([b'{"id":"b","v":1,"row":{"n":1}}', line])
        assert not plain
        assert got == [json.loads(x) for x in (b'{"id":"b","v":1,"row":{"n":1}}', line)]
    got, plain = sync._json_lines([b'{"id":"b","v":1,"base":null,"row":{"n":-9223372036854775808,"s":"1e16"}}'])
    assert plain and got[0]["row"]["n"] == -2**63


@pytest.mark.sqlite_only("the adapter is the sqlite3 driver's")
def test_none_is_still_bound_as_null_with_its_adapter_registered(db):
    import sqlite3

    import app.db  # noqa: F401  (registers the adapter)

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (a, b)")
    con.executemany("INSERT INTO t VALUES (?, ?)", [(None, 1), (None, None)])
    assert con.execute("SELECT typeof(a), typeof(b) FROM t ORDER BY rowid").fetchall() == \
        [("null", "integer"), ("null", "null")]
    con.close()
    with db.session() as s:  # and through the engine
        s.connection().exec_driver_sql("CREATE TEMP TABLE t_null (a)")
        s.connection().exec_driver_sql("INSERT INTO t_null VALUES (?)", (None,))
        assert s.connection().exec_driver_sql("SELECT a IS NULL FROM t_null").scalar() == 1


@pytest.mark.sqlite_only("a REAL stored in an INTEGER column is SQLite's typing")
def test_a_table_file_holding_a_float_is_hashed_row_by_row_and_arrives_alike(pair, tmp_path):
    city, kec = pair
    plain_one, odd_one = kec.register(1), kec.register(2)
    with kec.db.session() as s:  # as a script could have written it: a float where an int goes, one
        # that orjson writes otherwise than the standard library (1.5e-7, 1.5e-07)
        s.connection().exec_driver_sql("UPDATE applicant SET height_cm = 1.5e-7, version = version + 1 WHERE id = ?",
                                       (odd_one.id.hex,))
    kec.export(city, tmp_path / "p.zip")
    with city.here():
        packet = sync.read_packet(city.db, tmp_path / "p.zip")
    # every row carries its hash as the sender made it (the float written by the standard
    # library, as _hash writes it): nothing is hashed again here
    assert not packet.plain
    assert all(e["h"] == sync._hash(e["row"]) for entries in packet.tables.values() for e in entries)
    rows = {e["id"]: e["row"] for e in packet.tables["applicant"]}
    assert rows[odd_one.id.hex]["height_cm"] == 1.5e-7 and plain_one.id.hex in rows
    result = city.import_(tmp_path / "p.zip")
    assert city.snapshot()["applicant"] == kec.snapshot()["applicant"]
    kec.ack(result.ack_path)
    # the city now holds those states as the kecamatan office hashes them: nothing to send again
    # either way (a wrong hash kept for a row would send it back)
    assert kec.export(city, tmp_path / "q.zip").rows == 0
    assert city.export(kec, tmp_path / "r.zip").counts.get("applicant") is None


def test_the_rows_an_import_writes_are_logged_in_the_order_they_were_written(pair, tmp_path):
    from app.core.sync_tracking import carried_tables

    city, kec = pair
    for n in range(1, 5):
        kec.register(n)
    exported = kec.export(city, tmp_path / "p.zip")
    with city.here():
        packet = sync.read_packet(city.db, tmp_path / "p.zip")
    with city.db.session(write=False) as s:
        before = s.connection().exec_driver_sql("SELECT COALESCE(MAX(seq), 0) FROM sync_log").scalar()
        held = {(t, r) for t, r in s.connection().exec_driver_sql("SELECT table_name, row_id FROM sync_log")}
    result = city.import_(tmp_path / "p.zip")
    assert result.inserted == exported.rows and result.updated == 0
    # each table in its turn (parents first), its rows in the packet's order; a row the city
    # already held (the office rows the migrations seeded alike) is not written, not logged
    expected = [(t.name, e["id"]) for t in carried_tables() for e in packet.tables.get(t.name, ())
                if (t.name, e["id"]) not in held]
    with city.db.session(write=False) as s:
        logged = s.connection().exec_driver_sql(
            "SELECT table_name, row_id, seq FROM sync_log WHERE seq > ? ORDER BY seq", (before,)).all()
    assert [(t, r) for t, r, _ in logged] == expected
    assert [q for _, _, q in logged] == list(range(before + 1, before + 1 + len(expected)))


def test_each_wrong_line_of_a_signed_packet_is_refused_with_its_reason(pair, tmp_path):
    import zipfile

    from tests.test_sync_packets import _signed_packet, refused

    city, kec = pair
    kec.register(1)
    kec.export(city, tmp_path / "good.zip")
    with zipfile.ZipFile(tmp_path / "good.zip") as z:
        manifest = json.loads(z.read("manifest.json"))
        good = json.loads(z.read("tables/applicant.jsonl").splitlines()[0])
    cases = [
        ([1, 2], "sync_not_a_packet", None),
        ({**good, "id": 5}, "sync_not_a_packet", None),
        ({**good, "v": "1"}, "sync_not_a_packet", None),
        ({**good, "v": 1.0}, "sync_not_a_packet", None),
        ({**good, "row": {**good["row"], "id": "other"}}, "sync_not_a_packet", None),
        ({**good, "row": {**good["row"], "version": 7}}, "sync_not_a_packet", None),
        ({**good, "row": {**good["row"], "b_extra": 1, "a_extra": 2}}, "sync_unknown_column", "a_extra"),
        ({**good, "row": ["full_name", "zz"]}, "sync_unknown_column", "zz"),
        # the sender's hash of the row, when given, is one (absent, the row is hashed here)
        ({**good, "h": 7}, "sync_not_a_packet", None),
        ({**good, "h": good["h"][:63]}, "sync_not_a_packet", None),
        ({**good, "h": good["h"] + "0"}, "sync_not_a_packet", None),
        ({**good, "h": [good["h"]]}, "sync_not_a_packet", None),
    ]
    assert good["h"] == sync._hash(good["row"])
    for n, (line, code, column) in enumerate(cases):
        path = tmp_path / f"bad{n}.zip"
        _signed_packet(kec, path, manifest, {"tables/applicant.jsonl": json.dumps(line).encode() + b"\n"})
        err = refused(city, path)
        assert (err.code, err.params.get("column")) == (code, column), (n, err.code, err.params)
    assert city.import_(tmp_path / "good.zip").inserted > 0  # and the good one goes in


def _without_hashes(src, dst, office, drop=lambda e: True):
    """``src`` made again and signed by ``office`` with ``h`` left out of the lines ``drop``
    picks (as a packet written before the hash travelled)."""
    import zipfile

    from tests.test_sync_packets import _signed_packet

    with zipfile.ZipFile(src) as z:
        manifest = json.loads(z.read("manifest.json"))
        files = {n: z.read(n) for n in z.namelist() if n != "manifest.json"}
    for name, data in files.items():
        if name.startswith("tables/"):
            lines = [json.loads(line) for line in data.splitlines()]
            files[name] = b"".join(json.dumps({k: v for k, v in e.items() if not (k == "h" and drop(e))},
                                              ensure_ascii=False).encode() + b"\n" for e in lines)
    _signed_packet(office, dst, manifest, files)


@pytest.mark.parametrize("drop", [None, "all", "every other"])
def test_the_states_an_import_records_for_the_sender_are_the_rows_hashes(pair, tmp_path, drop):
    """As the sender hashed them (``h``), or, from lines without it, as hashed here."""
    city, kec = pair
    for n in range(1, 5):
        kec.register(n)
    kec.export(city, tmp_path / "p.zip")
    if drop is not None:
        picked = (lambda e: True) if drop == "all" else (lambda e: int(e["id"][-1], 16) % 2 == 0)
        _without_hashes(tmp_path / "p.zip", tmp_path / "p.zip", kec, picked)
    with city.here():
        packet = sync.read_packet(city.db, tmp_path / "p.zip")
    lines = [e for entries in packet.tables.values() for e in entries]
    assert any("h" not in e for e in lines) == (drop is not None)
    # a file with a row without its hash is read as the standard library reads it, and noted
    # plain for _plain_hash
    assert ("applicant" in packet.plain) == any("h" not in e for e in packet.tables["applicant"])
    city.import_(tmp_path / "p.zip")
    expected = {(table, e["id"]): (e["v"], sync._hash(e["row"])) for table, entries in packet.tables.items()
                for e in entries}
    with city.db.session(write=False) as s:
        recorded = {(t, r): (v, h) for t, r, v, h in s.connection().exec_driver_sql(
            "SELECT table_name, row_id, version, hash FROM sync_peer_row WHERE peer = 'KSA-0001'")}
    assert recorded == expected
    assert {t for t, _ in recorded} >= {"applicant", "applicant_language", "work_experience", "office"}
    back = city.export(kec, tmp_path / "r.zip").counts  # the city's own rows only: none sent back
    assert not set(back) & (set(packet.tables) - {"office"})
