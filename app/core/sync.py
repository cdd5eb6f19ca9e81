"""Signed sync packets between the offline kecamatan offices and the city office.

One packet is one zip file:

- ``manifest.json``: format, packet id, sender and recipient office, the sender's change sequence it
  covers, and for every other file in the zip its SHA-256, size and row count;
- ``tables/<table>.jsonl``: one line per changed row ``{"id", "v", "base", "h", "row"}`` or
  deleted row ``{"id", "v", "base", "deleted": true}``; ``h`` is the hash of ``row`` (``_hash``: the
  SHA-256 of its canonical JSON, the very text after ``"row":``) and ``base`` the hash of the row as
  the sender knows the recipient holds it (None when it does not know). The recipient records
  ``h`` as the state the sender holds, as it records ``base``, without hashing the row again (the
  signature covers both); a line without ``h`` (written before it travelled) is hashed on arrival;
- ``attachments/<sha256>``: the scans the rows reference (columns named ``*sha256``);
- the zip comment: the sender's Ed25519 signature over every byte of the file before it (so the
  manifest, every member and the zip structure itself are signed).

What travels is decided in ``app.core.sync_tracking`` (every ``Record`` table, routed by ONE dict).
A packet carries every local change the recipient has not acknowledged yet, so a lost packet is
covered by the next one, and packets may arrive in any order or twice.

Import checks everything before it touches the database (zip, signature of a trusted office,
recipient, every file hash, known tables and columns), then applies the rows in one transaction:

- a row the recipient holds as the sender knew it (its hash equals ``base``) is replaced;
- a row the recipient changed since (hash differs from ``base``) becomes a **conflict** with both
  versions kept; so does a new row whose unique value (NIK, registration number, office code...)
  another row holds here, and an edit of a row deleted at the other end;
- an older state of a row than one already received from that office is skipped (reordering);
- rows with an open conflict are held back from every export until a supervisor resolves them.

The import returns a small signed acknowledgement; carried back and read with ``import_ack``, it
tells the sender which states the recipient now holds, so the next packet leaves them out.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import io
import json
import logging
import os
import re
import sqlite3
import struct
import threading
import time
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson
import sqlalchemy as sa
from sqlmodel import Session, select

from app import paths
from app.core import audit, setup
from app.core.actor import Actor
from app.core.errors import NotFound, UserError
from app.core.permissions import require
from app.core.sync_tracking import CarriedTable, carried_tables, travels
from app.db import restore_on_checkin
from app.models import (
    OfficeKey, SyncConflict, SyncLog, SyncPacketIn, SyncPeer, SyncSent, utcnow,
)

FORMAT = "pmi-desk-sync/1"
ACK_FORMAT = "pmi-desk-sync-ack/1"
KEY_FORMAT = "pmi-desk-office-key/1"
DELETED = "deleted"  # the hash of a deleted row
SIG_MARKER = b"PMI-DESK-ED25519:"
log = logging.getLogger("app.sync")
CHUNK = 200  # ids per IN (...) query (100-200 read 106,000 ids fastest: 0.14 s against 0.17 s with 500)
MAX_PACKET_BYTES = 2 * 1024 ** 3
FIXED = ("id", "created_at", "origin_office", "version")  # never merged field by field


# --- keys -------------------------------------------------------------------------------------

def key_path(office_code: str) -> Path:
    """This office's private key: ``<data dir>/sync/<office>.ed25519`` (PKCS#8 PEM, mode 0600).
    Kept out of the database, so a backup copy of the database cannot sign packets."""
    return paths.data_dir() / "sync" / f"{office_code}.ed25519"


def _private_key(office_code: str):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = key_path(office_code)
    if path.exists():
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, path)
    return key


def _public_b64(private_key) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def fingerprint(public_b64: str) -> str:
    """A short form to read out over the phone: 8 groups of 4 hex digits of the key's SHA-256."""
    digest = hashlib.sha256(base64.b64decode(public_b64)).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class OfficeKeyInfo:
    office_code: str
    public_key: str
    fingerprint: str
    own: bool
    added_at: datetime
    added_by: str


def ensure_keys(db, actor: Actor | None = None) -> OfficeKeyInfo:
    """This office's key pair (made on first use) with its public half recorded in the database."""
    office = setup.local_office(db)
    key = _private_key(office.code)
    public = _public_b64(key)
    with db.session() as s:
        row = s.get(OfficeKey, office.code)
        if row is None or row.public_key != public or not row.own:
            by = actor.username if actor else "system"
            if row is None:
                row = OfficeKey(office_code=office.code, public_key=public, own=True, added_at=utcnow(), added_by=by)
            else:
                row.public_key, row.own, row.added_at, row.added_by = public, True, utcnow(), by
            s.add(row)
            audit.record(s, actor or Actor("system", office.code, "admin", "Sistem"), "create",
                         "office_key", office.code, {"fingerprint": [None, fingerprint(public)]})
        return _key_info(row)


def _key_info(row: OfficeKey) -> OfficeKeyInfo:
    return OfficeKeyInfo(row.office_code, row.public_key, fingerprint(row.public_key), row.own,
                         row.added_at, row.added_by)


def own_key_file(db, actor: Actor) -> dict[str, str]:
    """This office's public key as the small JSON document another office trusts."""
    require(actor, "sync.run")
    info = ensure_keys(db, actor)
    office = setup.local_office(db)
    return {"format": KEY_FORMAT, "office": office.code, "name": office.name, "kind": office.kind,
            "public_key": info.public_key, "fingerprint": info.fingerprint}


def trust_office(db, actor: Actor, office_code: str, key_text: str) -> OfficeKeyInfo:
    """Register (or replace) the public key of another office. ``key_text`` is the JSON document of
    ``own_key_file`` or the bare base64 key."""
    require(actor, "sync.trust")
    code = (office_code or "").strip().upper()
    if not setup.OFFICE_CODE.fullmatch(code):
        raise UserError("office_code_format")
    public = _parse_key(key_text, code)
    local = setup.local_office(db)
    if code == local.code:
        raise UserError("sync_self")
    with db.session() as s:
        row = s.get(OfficeKey, code)
        old = row.public_key if row else None
        if row is None:
            row = OfficeKey(office_code=code, public_key=public, own=False, added_at=utcnow(), added_by=actor.username)
        else:
            row.public_key, row.added_at, row.added_by = public, utcnow(), actor.username
        s.add(row)
        if s.get(SyncPeer, code) is None:
            s.add(SyncPeer(office_code=code))
        audit.record(s, actor, "create" if old is None else "update", "office_key", code,
                     {"fingerprint": [fingerprint(old) if old else None, fingerprint(public)]})
        return _key_info(row)


def _parse_key(text: str, code: str) -> str:
    text = (text or "").strip()
    value = text
    if text.startswith("{"):
        try:
            doc = json.loads(text)
        except ValueError:
            raise UserError("sync_bad_key") from None
        if not isinstance(doc, dict) or doc.get("format") != KEY_FORMAT:
            raise UserError("sync_bad_key")
        if doc.get("office") != code:
            raise UserError("sync_key_other_office", office=str(doc.get("office")), expected=code)
        value = doc.get("public_key") or ""
    try:
        raw = base64.b64decode(value, validate=True)
    except (ValueError, TypeError):
        raise UserError("sync_bad_key") from None
    if len(raw) != 32:
        raise UserError("sync_bad_key")
    return base64.b64encode(raw).decode()


def office_keys(db, actor: Actor) -> list[OfficeKeyInfo]:
    require(actor, "sync.run")
    with db.session(write=False) as s:
        return [_key_info(r) for r in s.exec(select(OfficeKey).order_by(OfficeKey.own.desc(), OfficeKey.office_code))]


def _trusted_key(db, office_code: str) -> str | None:
    """The registered public key of another office (None when unknown or our own)."""
    with db.session(write=False) as s:
        row = s.get(OfficeKey, office_code)
        return row.public_key if row is not None and not row.own else None


def _verify(public_b64: str, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64)).verify(signature, data)
        return True
    except (InvalidSignature, ValueError):
        return False


# --- rows as JSON -----------------------------------------------------------------------------
#
# Rows travel in their stored SQLite form, read and written with the driver directly (no ORM, no
# type processing: 20,000 rows a packet): UUIDs as 32 hex digits, datetimes as
# "YYYY-MM-DD HH:MM:SS.ffffff" in UTC, dates as ISO, booleans as 0/1. Column names always come
# from the table's metadata, never from the packet; values are bound as parameters.

def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(t: CarriedTable) -> list[str]:
    return list(t.table.c.keys())


def _select(t: CarriedTable, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + _q(c) for c in _columns(t))


def _driver_integrity() -> tuple[type[Exception], ...]:
    out: list[type[Exception]] = [sqlite3.IntegrityError]
    try:
        import psycopg

        out.append(psycopg.IntegrityError)
    except ImportError:  # PostgreSQL not installed: SQLite only
        pass
    return tuple(out)


_DRIVER_INTEGRITY = _driver_integrity()


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _raw(s: Session):
    """The DB-API cursor of the session's transaction (SQL with qmark "?" parameters on every
    database: see ``_PgCursor``)."""
    conn = s.connection()
    cur = conn.connection.dbapi_connection.cursor()
    return _PgCursor(cur) if conn.dialect.name == "postgresql" else cur


def _is_pg(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


class _PgCursor:
    """A psycopg cursor that takes this module's qmark SQL. Values go in as SQLite's stored forms
    (hex ids, datetime and date text: PostgreSQL casts the untyped parameters to the columns'
    types); booleans are converted by the callers (``_pg_values``)."""

    def __init__(self, cur):
        self.cur = cur

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Iterable[Any] = ()):
        params = tuple(params)
        if params:
            self.cur.execute(self._sql(sql), params)
        else:
            self.cur.execute(sql)
        return self

    def executemany(self, sql: str, rows):
        self.cur.executemany(self._sql(sql), list(rows))
        return self

    def fetchall(self):
        return self.cur.fetchall()

    def fetchone(self):
        return self.cur.fetchone()

    def close(self):
        self.cur.close()


def _stored(t: CarriedTable) -> list:
    """Per column, the function giving SQLite's stored form of a value PostgreSQL returned (UUID
    → 32 hex digits, datetime → "YYYY-MM-DD HH:MM:SS.ffffff", date → ISO, bool → 0/1): rows read
    on either database hash alike, so a city office on PostgreSQL and kecamatan offices on SQLite
    agree on every row's state."""
    out = []
    for c in t.table.c:
        kind = c.type.impl if isinstance(c.type, sa.types.TypeDecorator) else c.type
        if isinstance(kind, sa.Uuid):
            out.append(lambda v: v.hex if isinstance(v, uuid.UUID) else v)
        elif isinstance(kind, sa.DateTime):
            out.append(lambda v: v.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v)
        elif isinstance(kind, sa.Date):
            out.append(lambda v: v.isoformat() if v is not None and not isinstance(v, str) else v)
        elif isinstance(kind, sa.Boolean):
            out.append(lambda v: int(v) if isinstance(v, bool) else v)
        else:
            out.append(None)
    return out


def _stored_rows(s: Session, t: CarriedTable, rows: list[tuple]) -> list[tuple]:
    """Rows as read (columns of ``t`` first, anything after unchanged) in SQLite's stored form."""
    if not _is_pg(s):
        return rows
    conv = _stored(t)
    return [tuple(f(v) if f else v for f, v in zip(conv, r)) + tuple(r[len(conv):]) for r in rows]


def _hex_id(value: Any) -> Any:
    """An id as stored in SQLite (32 hex digits), also when PostgreSQL returned a UUID."""
    return value.hex if isinstance(value, uuid.UUID) else value


def _pg_values(t: CarriedTable, cols: Iterable[str], values: Iterable[Any]) -> tuple:
    """Values in SQLite's stored form, ready for PostgreSQL: 0/1 become booleans."""
    return tuple(bool(v) if v is not None and isinstance(t.table.c[c].type, sa.Boolean) else v
                 for c, v in zip(cols, values))


def rows_of(s: Session, t: CarriedTable, where: str = "", params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """The rows of ``t`` (stored form) matching the SQL ``where`` (qmark parameters)."""
    cols = _columns(t)
    cur = _raw(s)
    try:
        cur.execute(f"SELECT {_select(t)} FROM {_q(t.name)} {where}", tuple(params))
        return [dict(zip(cols, r)) for r in _stored_rows(s, t, cur.fetchall())]
    finally:
        cur.close()


def _rows_by_id(s: Session, t: CarriedTable, ids: list[str]) -> dict[str, dict[str, Any]]:
    out = {}
    if _is_pg(s):  # one query with the ids as one array (a round trip per 500 ids otherwise)
        for row in rows_of(s, t, "WHERE id = ANY(CAST(? AS uuid[]))", [ids]):
            out[row["id"]] = row
        return out
    for chunk in _chunks(ids):
        for row in rows_of(s, t, f"WHERE id IN ({_marks(len(chunk))})", chunk):
            out[row["id"]] = row
    return out


def _insert_rows(s: Session, t: CarriedTable, rows: list[dict[str, Any]]) -> None:
    known = set(_columns(t))
    # rows of one packet normally all have the same columns in the same order: one batch; else a
    # batch per run of rows alike, so the rows go in in their order (``_log_written``)
    groups: list[tuple[tuple[str, ...], list[tuple]]] = []
    for row in rows:
        cols = tuple(row)
        if not groups or groups[-1][0] != cols:
            groups.append((cols, []))
        groups[-1][1].append(tuple(row.values()))
    cur = _raw(s)
    try:
        for cols, values in groups:
            if not set(cols) <= known:
                raise ValueError(f"unknown column in {t.name}: {sorted(set(cols) - known)}")
            if isinstance(cur, _PgCursor):
                # COPY takes the stored text forms as they are (hex ids, times, 0/1 for booleans
                # are valid input for uuid, timestamp, boolean) and is many times faster than
                # INSERTs; the change-log triggers fire for copied rows too
                with cur.cur.copy(f"COPY {_q(t.name)} ({', '.join(_q(c) for c in cols)}) FROM STDIN") as copy:
                    for v in values:
                        copy.write_row(v)
                continue
            cur.executemany(f"INSERT INTO {_q(t.name)} ({', '.join(_q(c) for c in cols)}) "
                            f"VALUES ({_marks(len(cols))})", values)
    finally:
        cur.close()


FTS_BULK = 500  # new applicants in one packet from which the name index is filled in one go
# New rows of one table in one packet from which its secondary (not unique) indexes are dropped
# before the insert and built again after it -- when the table holds at most INDEX_REBUILD_RATIO
# times as many rows already. Building an index sorts its rows once (about 1 us a row on this
# machine); keeping it during the insert puts every row at a random place (about 3 us), so the
# rebuild wins while the new rows are a good part of the table (a first packet, a new office).
INDEX_BULK = 2000
INDEX_REBUILD_RATIO = 2


def _insert_indexed(s: Session, t: CarriedTable, rows: list[dict[str, Any]], top: int | None) -> None:
    """Insert, in this transaction (so a failure rolls back rows, triggers and indexes alike):

    - many new applicants at once get their full-text name index (FTS5, otherwise kept row by
      row by the trigger ``applicant_fts_ai`` of migration 0001) filled by one statement
      afterwards, as ``demo.generate`` does;
    - many new rows for a table that holds few yet: its secondary indexes (not the unique ones,
      which check the rows as they go in) are dropped and made again from their own SQL after
      the insert. Other connections never see the table without them (WAL: they read the last
      commit).

    ``top``: on SQLite, the table's highest rowid before the insert (the caller reads it)."""
    if _is_pg(s):  # no FTS5 index to fill: PostgreSQL's trigram index keeps itself
        _insert_rows(s, t, rows)
        return
    cur = _raw(s)
    try:
        found = None
        if t.name == "applicant" and len(rows) >= FTS_BULK:
            cur.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'applicant_fts_ai'")
            found = cur.fetchone()
        indexes = _rebuildable_indexes(cur, t, len(rows))
        if found is not None:
            cur.execute("DROP TRIGGER applicant_fts_ai")
        for name, _ in indexes:
            cur.execute(f"DROP INDEX {_q(name)}")
        _insert_rows(s, t, rows)
        for _, create in indexes:
            cur.execute(create)
        if found is not None:
            cur.execute("INSERT INTO applicant_fts (rowid, full_name) SELECT rowid, full_name FROM applicant "
                        "WHERE rowid > ?", (top,))
            cur.execute(found[0])
    finally:
        cur.close()


def _rebuildable_indexes(cur, t: CarriedTable, new_rows: int) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes of ``t`` worth building again after inserting
    ``new_rows`` rows (none when the table already holds many): only plain CREATE INDEX ones,
    not UNIQUE ones nor the automatic indexes of primary keys and UNIQUE constraints."""
    if new_rows < INDEX_BULK:
        return []
    cur.execute(f"SELECT COUNT(*) FROM {_q(t.name)}")
    if cur.fetchone()[0] > INDEX_REBUILD_RATIO * new_rows:
        return []
    cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                "ORDER BY name", (t.name,))
    return [(name, sql) for name, sql in cur.fetchall() if re.match(r"\s*CREATE\s+INDEX\s", sql, re.I)]


def _update_row(s: Session, t: CarriedTable, row: dict[str, Any]) -> None:
    _update_rows(s, t, [row])


def _update_rows(s: Session, t: CarriedTable, rows: list[dict[str, Any]]) -> None:
    """UPDATE every row (by id) to the values it carries: one executemany per set of columns (on
    PostgreSQL psycopg sends them in one pipeline, not a round trip each)."""
    groups: dict[tuple[str, ...], list[tuple]] = {}
    pg = _is_pg(s)
    for row in rows:
        cols = tuple(c for c in row if c in t.table.c and c != "id")
        values = tuple(row[c] for c in cols)
        if pg:
            values = _pg_values(t, cols, values)
        groups.setdefault(cols, []).append((*values, row["id"]))
    cur = _raw(s)
    try:
        for cols, values in groups.items():
            cur.executemany(f"UPDATE {_q(t.name)} SET {', '.join(_q(c) + ' = ?' for c in cols)} WHERE id = ?",
                            values)
    finally:
        cur.close()


def _delete_rows(s: Session, t: CarriedTable, ids: list[str]) -> None:
    cur = _raw(s)
    try:
        for chunk in _chunks(ids):
            cur.execute(f"DELETE FROM {_q(t.name)} WHERE id IN ({_marks(len(chunk))})", chunk)
    finally:
        cur.close()


def _canonical(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _canonical_bytes(row: dict[str, Any]) -> bytes:
    """``_canonical(row).encode()``, byte for byte, about five times faster: orjson writes the
    same compact, key-sorted, non-ASCII-as-is JSON for strings, integers and nulls. Floats (orjson
    writes 1e16 where Python writes 1e+16), integers beyond 64 bits and anything else orjson
    refuses go through the standard library, so every row hashes as every version of this
    program hashed it."""
    for v in row.values():
        if v.__class__ is float:
            return _canonical(row).encode()
    try:
        return orjson.dumps(row, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError: a big integer, a key that is not a str...
        return _canonical(row).encode()


def _hash(row: dict[str, Any]) -> str:
    """The identity of one state of a row: SHA-256 of its canonical JSON."""
    return hashlib.sha256(_canonical_bytes(row)).hexdigest()


def _json_str(value: str) -> bytes:
    """``json.dumps(value).encode()`` of an id (letters and digits need no escape)."""
    return b'"%s"' % value.encode() if value.isascii() and value.isalnum() else json.dumps(value).encode()


def _plain_hash(row: dict[str, Any]) -> str:
    """``_hash(row)`` of a row known to hold only str, int (64 bits), bool and None values (a
    line ``_json_lines`` read as plain): orjson's canonical JSON is then the standard library's,
    so the per-value float test of ``_canonical_bytes`` is not needed."""
    return hashlib.sha256(orjson.dumps(row, option=orjson.OPT_SORT_KEYS)).hexdigest()


_PLAIN = (str, int, bool, type(None))
_PLAIN_TYPES = frozenset(_PLAIN)
_PLAIN_OR_DICT = _PLAIN_TYPES | {dict}


def _json_line(line: bytes) -> Any:
    """One line of a packet's table file, as ``json.loads(line.decode())`` reads it. orjson reads
    it (five times faster) unless it refuses the line (NaN, invalid text) or the result holds a
    float (orjson reads an integer beyond 64 bits as a float) or anything deeper than a packet
    line's two levels of objects: those lines get the standard library's reading."""
    try:
        value = orjson.loads(line)
    except ValueError:
        return json.loads(line.decode())
    return _plain_or_std(value, line)


def _plain_or_std(value: Any, line: bytes) -> Any:
    """``value`` (orjson's reading of ``line``) if it is an object of plain values and objects of
    plain values, else the standard library's reading of the line (see ``_json_line``)."""
    if value.__class__ is not dict:
        return json.loads(line.decode())
    for v in value.values():
        if v.__class__ is dict:
            for w in v.values():
                if w.__class__ not in _PLAIN:
                    return json.loads(line.decode())
        elif v.__class__ not in _PLAIN:
            return json.loads(line.decode())
    return value


def _json_lines(lines: list[bytes]) -> tuple[list[Any], bool]:
    """``[_json_line(line) for line in lines]``, and whether every line is orjson's reading with
    plain values only (objects of str, int, bool, None and objects of them: no float anywhere)."""
    values, by_orjson = _loads_lines(lines)
    return _as_std(values, lines, by_orjson)


def _loads_lines(lines: list[bytes]) -> tuple[list[Any], bool]:
    """Every line as orjson reads it -- or, if orjson refuses one, every line as ``_json_line``
    reads it -- and whether it was the former.

    orjson's reading equals the standard library's but for an integer beyond 64 bits, which it
    reads as a float. A file whose rows all carry the sender's hash is taken as orjson reads it:
    this program writes rows of SQLite and PostgreSQL columns, whose integers are 64 bits at most,
    and the rows are not hashed again here (floats read alike both ways)."""
    try:
        return list(map(orjson.loads, lines)), True
    except ValueError:  # a line orjson refuses: the standard library reads that one
        return [_json_line(line) for line in lines], False


def _as_std(values: list[Any], lines: list[bytes], by_orjson: bool = True) -> tuple[list[Any], bool]:
    """``values`` (``_loads_lines``'s reading of ``lines``) as ``_json_lines`` gives them. The
    types of all values are checked at once, level by level, as sets (C speed); only when some
    line holds something else is each line checked on its own."""
    if not by_orjson:
        return values, False
    if set(map(type, values)) <= {dict}:
        flat = list(chain.from_iterable(map(dict.values, values)))
        types = set(map(type, flat))
        if types <= _PLAIN_TYPES:
            return values, True
        if types <= _PLAIN_OR_DICT:
            inner = [v for v in flat if v.__class__ is dict]
            if set(map(type, chain.from_iterable(map(dict.values, inner)))) <= _PLAIN_TYPES:
                return values, True
    return [_plain_or_std(value, line) for value, line in zip(values, lines)], False


def _fetch_in(s: Session, sql: str, params: tuple, values: list, pg_type: str = "text") -> list[tuple]:
    """``sql`` with ``IN ({})`` filled by ``values``, a chunk at a time; on PostgreSQL one query
    with ``= ANY(array)``, the values (stored forms) cast to ``pg_type``."""
    out: list[tuple] = []
    cur = _raw(s)
    if isinstance(cur, _PgCursor):
        try:
            cur.execute(sql.replace("IN ({})", f"= ANY(CAST(? AS {pg_type}[]))"), (*params, list(values)))
            return cur.fetchall()
        finally:
            cur.close()
    try:
        for chunk in _chunks(values):
            cur.execute(sql.format(_marks(len(chunk))), (*params, *chunk))
            out.extend(cur.fetchall())
    finally:
        cur.close()
    return out


def _attachment_columns(t: CarriedTable) -> list[str]:
    return [c.name for c in t.table.c if c.name.endswith("sha256")]


def _unique_columns(t: CarriedTable) -> list[str]:
    cols = {c.name for c in t.table.c if c.unique and not c.primary_key}
    cols |= {i.columns[0].name for i in t.table.indexes if i.unique and len(i.columns) == 1}
    cols |= {c.columns[0].name for c in t.table.constraints
             if isinstance(c, sa.UniqueConstraint) and len(c.columns) == 1}
    return sorted(cols - {"id"})


def _pg_type(t: CarriedTable, col: str) -> str:
    """The PostgreSQL type of a column (for casting an array of stored values to it)."""
    from sqlalchemy.dialects import postgresql

    return t.table.c[col].type.compile(dialect=postgresql.dialect())


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _direction(local_kind: str) -> str:
    """Packets from a kecamatan office go "up" to the city; the city's go "down"."""
    return "down" if local_kind == "city" else "up"


def _tables_by_name() -> dict[str, CarriedTable]:
    return {t.name: t for t in carried_tables()}


# --- export -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportResult:
    packet_id: str
    to_office: str
    path: Path
    rows: int
    deletions: int
    attachments: int
    size: int
    counts: dict[str, int]


_STAMPS = ("created_at", "updated_at")


def _same_content(mine: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """The same row but for when it was written (a row both offices' migrations seeded alike)."""
    return {k: v for k, v in mine.items() if k not in _STAMPS} == \
        {k: v for k, v in theirs.items() if k not in _STAMPS}


def _open_conflict_rows(s: Session) -> set[tuple[str, str]]:
    rows = s.exec(select(SyncConflict.table_name, SyncConflict.row_id, SyncConflict.their_id)
                  .where(SyncConflict.status == "open")).all()
    return {(t, r) for t, r, _ in rows} | {(t, x) for t, _, x in rows}


def export_packet(db, actor: Actor, to_office: str, out_path: Path | str) -> ExportResult:
    """Write the packet for ``to_office``: every change it has not acknowledged yet."""
    require(actor, "sync.run")
    local = setup.local_office(db)
    to_office = (to_office or "").strip().upper()
    if to_office == local.code:
        raise UserError("sync_self")
    key = _private_key(local.code)
    ensure_keys(db, actor)
    out_path = Path(out_path)
    direction = _direction(local.kind)
    packet_id = str(uuid.uuid4())
    with db.session() as s:
        if s.get(OfficeKey, to_office) is None:
            raise UserError("sync_peer_unknown", office=to_office)
        peer = s.get(SyncPeer, to_office) or SyncPeer(office_code=to_office)
        acked = peer.acked_seq
        up_to = s.exec(select(sa.func.coalesce(sa.func.max(SyncLog.seq), 0))).one()
        held = _open_conflict_rows(s)
        files: dict[str, bytes] = {}
        counts: dict[str, int] = {}
        sent: list[dict[str, Any]] = []
        hashes: set[str] = set()
        n_rows = n_del = 0
        first_held = up_to + 1
        for t in carried_tables():
            if not travels(t.route, direction):
                continue
            cur = _raw(s)
            cur.execute("SELECT p.row_id, p.version, p.hash FROM sync_peer_row p JOIN sync_log l "
                        "ON l.table_name = p.table_name AND l.row_id = p.row_id "
                        "WHERE p.peer = ? AND p.table_name = ? AND l.seq > ?", (to_office, t.name, acked))
            known = {r: (v, h) for r, v, h in cur.fetchall()}
            cur.close()
            lines: list[bytes] = []
            attach_cols = _attachment_columns(t)
            fks = [(fk.parent.name, fk.column.table.name) for fk in t.table.foreign_keys]
            cols = _columns(t)
            cur = _raw(s)
            if _is_pg(s):  # ids are uuids in the table, 32 hex digits in the log
                cur.execute(f"SELECT {_select(t, 't')}, l.seq FROM {_q(t.name)} t JOIN sync_log l "
                            "ON l.table_name = ? AND l.row_id = replace(t.id::text, '-', '') "
                            "WHERE l.seq > ? AND NOT l.deleted ORDER BY l.seq", (t.name, acked))
            else:
                cur.execute(f"SELECT {_select(t, 't')}, l.seq FROM {_q(t.name)} t JOIN sync_log l "
                            "ON l.table_name = ? AND l.row_id = t.id WHERE l.seq > ? AND l.deleted = 0 "
                            "ORDER BY l.seq", (t.name, acked))
            rows = _stored_rows(s, t, cur.fetchall())
            cur.close()
            for values in rows:
                data = dict(zip(cols, values))
                seq = values[-1]
                rid = data["id"]
                if held and ((t.name, rid) in held or any((ref, data.get(col)) in held for col, ref in fks)):
                    held.add((t.name, rid))  # waits with its parent
                    first_held = min(first_held, seq)
                    continue
                text = _canonical_bytes(data)
                h = hashlib.sha256(text).hexdigest()
                k = known.get(rid)
                if k is not None and k[1] == h:
                    continue  # the peer holds this state already (it sent it, or acknowledged it)
                lines.append(b'{"id":%s,"v":%d,"base":%s,"h":"%s","row":%s}' % (
                    _json_str(rid), int(data["version"]),
                    b'"%s"' % k[1].encode() if k else b"null", h.encode(), text))
                sent.append((packet_id, t.name, rid, to_office, data["version"], h))
                for col in attach_cols:
                    if data.get(col):
                        hashes.add(data[col])
            n_put = len(lines)
            for rid, version, seq in s.execute(sa.select(SyncLog.row_id, SyncLog.version, SyncLog.seq).where(
                    SyncLog.table_name == t.name, SyncLog.deleted == sa.true(), SyncLog.seq > acked)
                    .order_by(SyncLog.seq)):
                k = known.get(rid)
                if (t.name, rid) in held:
                    first_held = min(first_held, seq)
                    continue
                if k is not None and k[1] == DELETED:
                    continue
                lines.append(json.dumps({"id": rid, "v": version, "base": k[1] if k else None,
                                         "deleted": True}, separators=(",", ":")).encode())
                sent.append((packet_id, t.name, rid, to_office, version, DELETED))
            if lines:
                files[f"tables/{t.name}.jsonl"] = b"\n".join(lines) + b"\n"
                counts[t.name] = len(lines)
                n_rows += n_put
                n_del += len(lines) - n_put
        # Rows held back by an open conflict are not covered: the acknowledgement must not move
        # the peer's mark past them, or they would never be sent once the conflict is resolved.
        up_to = min(up_to, first_held - 1)
        scans = paths.data_dir() / "scans"
        n_att = 0
        for digest in sorted(hashes):
            src = _scan_path(scans, digest)
            if src is not None:
                files[f"attachments/{digest}"] = src.read_bytes()
                n_att += 1
        manifest = {
            "format": FORMAT, "packet_id": packet_id, "from_office": local.code,
            "from_kind": local.kind, "to_office": to_office, "created_at": utcnow().isoformat(),
            "after_seq": acked, "up_to_seq": up_to, "counts": counts,
            "files": {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                             "rows": counts.get(name[len("tables/"):-len(".jsonl")]) if name.startswith("tables/") else None}
                      for name, data in sorted(files.items())},
        }
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        _write_zip(out_path, key, manifest_bytes, files)
        if sent:
            cur = _raw(s)
            cur.executemany("INSERT INTO sync_sent (packet_id, table_name, row_id, peer, version, hash) "
                            "VALUES (?, ?, ?, ?, ?, ?)", sent)
            cur.close()
        peer.last_export_seq = up_to
        peer.last_export_at = utcnow()
        s.add(peer)
        audit.record(s, actor, "sync_export", "sync_packet", packet_id, {
            "to_office": [None, to_office], "rows": [None, n_rows], "deletions": [None, n_del],
            "attachments": [None, n_att], "file": [None, out_path.name]})
        audit.record_export(s, actor, "sync_packet", "sync_packet", packet_id, destination=to_office)
    return ExportResult(packet_id, to_office, out_path, n_rows, n_del, n_att, out_path.stat().st_size, counts)


def _scan_path(scans: Path, digest: str) -> Path | None:
    for candidate in (scans / digest, *scans.glob(f"**/{digest}*")) if scans.is_dir() else ():
        if candidate.is_file() and not candidate.name.endswith(".partial"):
            return candidate
    return None


def _write_zip(path: Path, key, manifest: bytes, files: dict[str, bytes]) -> None:
    """The zip, signed as a whole: the signature goes in the zip comment (the last bytes of the
    file) and covers every byte before it, so no byte of the file can change unnoticed."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("manifest.json", manifest)
        for name, data in files.items():
            z.writestr(name, data, compress_type=zipfile.ZIP_STORED if name.startswith("attachments/")
                       else zipfile.ZIP_DEFLATED)
    data = buf.getvalue()
    assert data[-2:] == b"\0\0"  # an empty zip comment
    signature = key.sign(data)
    _atomic_write(path, data[:-2] + struct.pack("<H", len(SIG_MARKER) + 64) + SIG_MARKER + signature)


READ_APART_BYTES = 4 * 1024 * 1024


def _read_members(z: zipfile.ZipFile, names: set[str]) -> dict[str, bytes]:
    """The members ``names`` of ``z``, the biggest (the documents' table, in a big packet)
    inflated on a thread of its own while this one inflates the others: zlib and the CRC check
    let go of the GIL for a whole member (0.15 s for the 64 MB of a 106,000-row packet, about
    half of it in one member). ZipFile reads members from two threads safely (one lock around
    each seek and read of the file)."""
    names = sorted(names, key=lambda n: (-z.getinfo(n).file_size, n))
    if not names or z.getinfo(names[0]).file_size < READ_APART_BYTES:
        return {n: z.read(n) for n in names}
    with ThreadPoolExecutor(1, thread_name_prefix="pmi-desk-unzip") as pool:
        biggest = pool.submit(z.read, names[0])
        try:
            out = {n: z.read(n) for n in names[1:]}
        finally:
            data = biggest.result()  # (its error, if any, is raised here)
    out[names[0]] = data
    return out


def _split_signature(raw: bytes) -> tuple[bytes, bytes] | None:
    """(the signed bytes, the signature) of a packet file, or None when it carries no signature."""
    tail = len(SIG_MARKER) + 64
    if len(raw) < tail + 22 or raw[-tail:-64] != SIG_MARKER or raw[-tail - 2:-tail] != struct.pack("<H", tail):
        return None
    return raw[:-tail - 2] + b"\0\0", raw[-64:]


# --- reading and checking a packet --------------------------------------------------------------

@dataclass
class Packet:
    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    attachments: dict[str, bytes]
    # the tables whose every line holds plain values only (``_json_lines``): their rows hash
    # by ``_plain_hash``
    plain: set[str] = field(default_factory=set)


def _refuse(code: str, **params: Any) -> UserError:
    return UserError(code, **params)


def read_packet(db, path: Path | str) -> Packet:
    """Open and check a packet completely; raise ``UserError`` with the reason if anything is
    wrong. Reads the database (keys, local office) but changes nothing."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PACKET_BYTES:
            raise _refuse("sync_not_a_packet", file=path.name)
        raw = path.read_bytes()
        signed = _split_signature(raw)
        if signed is None:
            raise _refuse("sync_not_a_packet", file=path.name)
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = set(z.namelist())
            if "manifest.json" not in names or len(names) != len(z.namelist()):
                raise _refuse("sync_not_a_packet", file=path.name)
            manifest_bytes = z.read("manifest.json")
            contents = _read_members(z, names - {"manifest.json"})
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, KeyError, ValueError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise _refuse("sync_file_missing", file=path.name) from None
        raise _refuse("sync_not_a_packet", file=path.name) from None
    except UserError:
        raise
    except Exception:  # zlib errors on a damaged member, CRC errors...
        raise _refuse("sync_not_a_packet", file=path.name) from None
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError:
        raise _refuse("sync_not_a_packet", file=path.name) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse("sync_format", value=str(manifest.get("format") if isinstance(manifest, dict) else None))
    local = setup.local_office(db)
    sender = str(manifest.get("from_office"))
    if sender == local.code:
        raise _refuse("sync_own_packet")
    key = _trusted_key(db, sender)
    if key is None:
        raise _refuse("sync_unknown_office", office=sender)
    if not _verify(key, signed[1], signed[0]):
        raise _refuse("sync_bad_signature", office=sender)
    if manifest.get("to_office") != local.code:
        raise _refuse("sync_wrong_recipient", office=str(manifest.get("to_office")), local=local.code)
    listed = manifest.get("files") or {}
    if set(listed) != set(contents):
        missing = sorted(set(listed) ^ set(contents))
        raise _refuse("sync_hash_mismatch", file=missing[0])
    for name, info in listed.items():
        data = contents[name]
        if len(data) != info.get("size") or hashlib.sha256(data).hexdigest() != info.get("sha256"):
            raise _refuse("sync_hash_mismatch", file=name)
    by_name = _tables_by_name()
    direction = "up" if local.kind == "city" else "down"  # from what we are, not what the packet says
    tables: dict[str, list[dict[str, Any]]] = {}
    plain: set[str] = set()
    attachments: dict[str, bytes] = {}
    for name, data in contents.items():
        if name.startswith("attachments/"):
            digest = name[len("attachments/"):]
            if hashlib.sha256(data).hexdigest() != digest:
                raise _refuse("sync_hash_mismatch", file=name)
            attachments[digest] = data
            continue
        if not (name.startswith("tables/") and name.endswith(".jsonl")):
            raise _refuse("sync_not_a_packet", file=name)
        table = name[len("tables/"):-len(".jsonl")]
        t = by_name.get(table)
        if t is None:
            raise _refuse("sync_unknown_table", table=table)
        if not travels(t.route, direction):
            raise _refuse("sync_wrong_direction", table=table)
        columns = set(t.table.c.keys())
        # lines end at "\n" only: a row may hold U+2028 or U+0085 as is (str.splitlines would
        # cut it there)
        raw_lines = data.splitlines()
        try:
            lines, by_orjson = _loads_lines(raw_lines)
            if not _checked_lines(lines, name, table, columns):
                # rows without the sender's hash (``h``) are hashed here: read exactly as the
                # standard library reads them, and noted if plain (``_plain_hash``)
                lines, all_plain = _as_std(lines, raw_lines, by_orjson)
                _checked_lines(lines, name, table, columns)
                if all_plain:
                    plain.add(table)
        except ValueError:
            raise _refuse("sync_not_a_packet", file=name) from None
        tables[table] = lines
    return Packet(manifest, tables, attachments, plain)


def _checked_lines(lines: list[Any], name: str, table: str, columns: set[str]) -> bool:
    """Refuse (``UserError``) a table file with a line that is not a well-formed entry of
    ``table``; whether every row in it carries the sender's hash ``h``."""
    knows_all = columns.issuperset
    hashed = True
    for entry in lines:  # (json and orjson make exact dicts and strs, no subclasses)
        if entry.__class__ is not dict:
            raise _refuse("sync_not_a_packet", file=name)
        rid, version = entry.get("id"), entry.get("v")
        if rid.__class__ is not str or not isinstance(version, int):
            raise _refuse("sync_not_a_packet", file=name)
        h = entry.get("h")
        if h is not None and (h.__class__ is not str or len(h) != 64):
            raise _refuse("sync_not_a_packet", file=name)
        row = entry.get("row")
        if row is not None:
            if row.__class__ is not dict or not knows_all(row):
                unknown = set(row) - columns
                if unknown:
                    raise _refuse("sync_unknown_column", table=table, column=sorted(unknown)[0])
            if row.get("id") != rid or row.get("version") != version:
                raise _refuse("sync_not_a_packet", file=name)
            if h is None:
                hashed = False
    return hashed


# --- import -----------------------------------------------------------------------------------

@dataclass
class ImportResult:
    packet_id: str
    from_office: str
    already_imported: bool
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    stale: int = 0
    conflicts: int = 0
    attachments: int = 0
    ack_path: Path | None = None
    not_applied: list[list[str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in self.__dict__.items()}


class _Apply:
    """One import's work inside its transaction."""

    def __init__(self, s: Session, peer: str, result: ImportResult):
        self.s = s
        self.peer = peer
        self.result = result
        self.held: dict[tuple[str, str], int] = {}  # (table, id) → conflict id holding the row
        self.known_updates: list[tuple] = []
        # SQLite: the states of rows inserted by this import, (table, hashes in the order the rows
        # went in, the table's highest rowid before): ``flush_known`` reads their ids and versions
        # back by rowid instead of binding five values a row
        self.known_inserted: list[tuple[str, list[str], int]] = []
        # the rows inserted or updated, to log (``_log_written``): (table, rows, rowid) per batch,
        # rowid: on SQLite, for inserted rows, the table's highest rowid before they went in
        self.written: list[tuple[str, list[dict[str, Any]], int | None]] = []
        conflicts = s.exec(select(SyncConflict).where(SyncConflict.status == "open")).all()
        self.open: dict[tuple[str, str], SyncConflict] = {}
        for c in conflicts:
            self.open[(c.table_name, c.their_id)] = c
            self.open[(c.table_name, c.row_id)] = c

    def known(self, t: CarriedTable, ids: list[str]) -> dict[str, tuple[int, str]]:
        if len(ids) > CHUNK:  # none when this office sends this table for the first time
            cur = _raw(self.s)
            try:
                cur.execute("SELECT 1 FROM sync_peer_row WHERE peer = ? AND table_name = ? LIMIT 1",
                            (self.peer, t.name))
                if cur.fetchone() is None:
                    return {}
            finally:
                cur.close()
        return {r: (v, h) for r, v, h in _fetch_in(
            self.s, "SELECT row_id, version, hash FROM sync_peer_row WHERE peer = ? AND table_name = ? "
            "AND row_id IN ({})", (self.peer, t.name), ids)}

    def local_rows(self, t: CarriedTable, ids: list[str]) -> dict[str, dict[str, Any]]:
        return _rows_by_id(self.s, t, ids)

    def tombstones(self, t: CarriedTable, ids: list[str]) -> dict[str, int]:
        return dict(_fetch_in(self.s, "SELECT row_id, version FROM sync_log WHERE table_name = ? AND deleted "
                              "AND row_id IN ({})", (t.name,), ids))

    def conflict(self, t: CarriedTable, kind: str, row_id: str, their_id: str, mine: dict | None,
                 theirs: dict | None, their_version: int, unique_field: str | None = None) -> int:
        existing = self.open.get((t.name, their_id)) or self.open.get((t.name, row_id))
        if existing is not None and existing.peer == self.peer:
            existing.theirs = None if theirs is None else json.dumps(theirs, ensure_ascii=False)
            existing.their_version = their_version
            self.s.add(existing)
            self.s.flush()
            cid = existing.id
        else:
            c = SyncConflict(kind=kind, peer=self.peer, table_name=t.name, row_id=row_id, their_id=their_id,
                             unique_field=unique_field, mine=None if mine is None else json.dumps(mine, ensure_ascii=False),
                             theirs=None if theirs is None else json.dumps(theirs, ensure_ascii=False),
                             their_version=their_version, detected_at=utcnow())
            self.s.add(c)
            self.s.flush()
            self.open[(t.name, their_id)] = self.open[(t.name, row_id)] = c
            cid = c.id
        if kind in ("unique", "deleted_here"):
            self.held[(t.name, their_id)] = cid  # its child rows wait with it
        self.result.conflicts += 1
        self.result.not_applied.append([t.name, their_id])
        return cid

    def hold(self, cid: int, t: CarriedTable, row: dict[str, Any]) -> None:
        c = self.s.get(SyncConflict, cid)
        held = json.loads(c.held)
        held = [h for h in held if not (h["table"] == t.name and h["row"]["id"] == row["id"])]
        held.append({"table": t.name, "row": row})
        c.held = json.dumps(held, ensure_ascii=False)
        self.s.add(c)
        self.held[(t.name, row["id"])] = cid
        self.result.not_applied.append([t.name, row["id"]])

    def remember(self, t: CarriedTable, rid: str, version: int, h: str) -> None:
        self.known_updates.append((self.peer, t.name, rid, version, h))

    def puts(self, t: CarriedTable, entries: list[dict[str, Any]], plain: bool = False) -> None:
        """Apply the rows of ``entries``; ``plain``: every row holds plain values only (see
        ``_plain_hash``)."""
        ids = [e["id"] for e in entries]
        known = self.known(t, ids)
        local = self.local_rows(t, ids)
        dead = self.tombstones(t, ids)
        fks = [(fk.parent.name, fk.column.table.name) for fk in t.table.foreign_keys]
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        fresh: list[tuple[dict[str, Any], str]] = []
        inserted_hashes: list[str] = []
        remember, peer, name = self.known_updates.append, self.peer, t.name
        hash_of = _plain_hash if plain else _hash
        for e in entries:
            rid, vi, row, hi = e["id"], e["v"], e["row"], e.get("h")
            if hi is None:  # a line without the sender's hash of its row
                hi = hash_of(row)
            k = known.get(rid)
            if k is not None and vi <= k[0]:
                self.result.stale += 1  # an older state than one this office already sent us
                self.result.not_applied.append([t.name, rid])
                continue
            if self.held:  # rows held by a conflict (none in most packets) hold their children
                parent_cid = next((self.held[(ref, row[col])] for col, ref in fks
                                   if row.get(col) is not None and (ref, row[col]) in self.held), None)
                if parent_cid is not None:
                    remember((peer, name, rid, vi, hi))
                    self.hold(parent_cid, t, row)
                    continue
            cur = local.get(rid)
            if cur is None:
                if rid in dead and e.get("base") != DELETED:  # deleted here, not known there
                    remember((peer, name, rid, vi, hi))
                    if vi < dead[rid]:
                        self.result.stale += 1
                        self.result.not_applied.append([t.name, rid])
                    else:
                        self.conflict(t, "deleted_here", rid, rid, None, row, vi)
                    continue
                fresh.append((row, hi))  # its state is remembered below, as it goes in or not
                continue
            remember((peer, name, rid, vi, hi))
            hc = _hash(cur)
            if hc == hi or _same_content(cur, row):
                self.result.unchanged += 1
            elif e.get("base") == hc and (t.name, rid) not in self.open:
                updates.append(row)
            else:
                self.conflict(t, "edit", rid, rid, cur, row, vi)
        # new rows whose parent is not here (deleted here since): kept as a conflict, not applied
        if fresh and fks:
            missing: set[tuple[str, str]] = set()
            for col, ref in fks:
                wanted = sorted({r[col] for r, _ in fresh if r.get(col) is not None})
                present = {_hex_id(x) for (x,) in _fetch_in(self.s, f"SELECT id FROM {_q(ref)} WHERE id IN ({{}})",
                                                            (), wanted, "uuid")}
                missing |= {(col, v) for v in wanted if v not in present}
            if missing:
                keep = []
                for row, hi in fresh:
                    if any((col, row.get(col)) in missing for col, _ in fks):
                        remember((peer, name, row["id"], row["version"], hi))
                        self.conflict(t, "deleted_here", row["id"], row["id"], None, row, row["version"])
                    else:
                        keep.append((row, hi))
                fresh = keep
        # new rows: a unique value (NIK, number, code) held here by another row is a conflict
        if fresh:
            taken: dict[tuple[str, Any], str] = {}
            unique_cols = _unique_columns(t)
            for col in unique_cols:
                values = [r[col] for r, _ in fresh if r.get(col) is not None]
                for rid, value in _fetch_in(self.s, f"SELECT id, {_q(col)} FROM {_q(t.name)} WHERE {_q(col)} IN ({{}})",
                                            (), values, _pg_type(t, col)):
                    taken[(col, value)] = _hex_id(rid)
            for row, hi in fresh:
                clash = next(((col, taken[(col, row[col])]) for col in unique_cols
                              if (col, row.get(col)) in taken and taken[(col, row.get(col))] != row["id"]),
                             None) if taken else None
                if clash is not None:
                    remember((peer, name, row["id"], row["version"], hi))
                    col, holder = clash
                    mine = self.local_rows(t, [holder]).get(holder)
                    self.conflict(t, "unique", holder, row["id"], mine, row, row["version"], col)
                    continue
                inserts.append(row)
                inserted_hashes.append(hi)
        if inserts:
            top = None
            if not _is_pg(self.s):
                cur = _raw(self.s)
                cur.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {_q(t.name)}")
                top = cur.fetchone()[0]
                cur.close()
            _insert_indexed(self.s, t, inserts, top)
            self.result.inserted += len(inserts)
            self.written.append((t.name, inserts, top))
            if top is not None:
                self.known_inserted.append((name, inserted_hashes, top))
            else:
                self.known_updates.extend((peer, name, r["id"], r["version"], h)
                                          for r, h in zip(inserts, inserted_hashes))
        if updates:
            _update_rows(self.s, t, updates)
            self.written.append((t.name, updates, None))
        self.result.updated += len(updates)

    def deletes(self, t: CarriedTable, entries: list[dict[str, Any]]) -> None:
        ids = [e["id"] for e in entries]
        known = self.known(t, ids)
        local = self.local_rows(t, ids)
        dead = self.tombstones(t, ids)
        gone: list[str] = []
        for e in entries:
            rid, vi = e["id"], e["v"]
            k = known.get(rid)
            if k is not None and vi <= k[0]:
                self.result.stale += 1
                self.result.not_applied.append([t.name, rid])
                continue
            self.remember(t, rid, vi, DELETED)
            cur = local.get(rid)
            if cur is None:
                if rid not in dead:  # never had it (or it was held): remember the tombstone
                    self._tombstone(t.name, rid, vi)
                self.result.unchanged += 1
            elif e.get("base") == _hash(cur) and (t.name, rid) not in self.open:
                gone.append(rid)
            else:
                self.conflict(t, "deleted_there", rid, rid, cur, None, vi)
        _delete_rows(self.s, t, gone)
        self.result.deleted += len(gone)

    def _tombstone(self, table: str, rid: str, version: int) -> None:
        _write_tombstone(self.s, table, rid, version)

    def flush_known(self) -> None:
        _upsert_known(self.s, self.known_updates)
        if self.known_inserted:  # SQLite (see known_inserted): ids and versions read back by rowid
            cur = _raw(self.s)
            try:
                for table, hashes, top in self.known_inserted:
                    cur.execute(
                        "INSERT INTO sync_peer_row (peer, table_name, row_id, version, hash) "
                        f"SELECT ?, ?, x.id, x.version, j.value FROM json_each(?) j JOIN {_q(table)} x "
                        f"ON x.rowid = ? + j.key + 1 WHERE true {_PEER_ROW_UPSERT}",
                        (self.peer, table, orjson.dumps(hashes).decode(), top))
            finally:
                cur.close()


def _pause_triggers(s: Session, tables: list[str]) -> None:
    from app.core.sync_tracking import PG_IMPORT_SETTING, trigger_sql

    if _is_pg(s):  # rows written from here on queue no trigger event (see sync_tracking)
        s.connection().exec_driver_sql(f"SET LOCAL {PG_IMPORT_SETTING} = 'on'")
        return
    cur = _raw(s)
    try:
        for name in tables:
            for trigger in trigger_sql(name):
                cur.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    finally:
        cur.close()


def _resume_triggers(s: Session, tables: list[str]) -> None:
    from app.core.sync_tracking import PG_IMPORT_SETTING, trigger_sql

    if _is_pg(s):
        s.connection().exec_driver_sql(f"SET LOCAL {PG_IMPORT_SETTING} = 'off'")
        return
    cur = _raw(s)
    try:
        for name in tables:
            for create in trigger_sql(name).values():
                cur.execute(create)
    finally:
        cur.close()


_LOG_UPSERT = ("ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, deleted = 0, "
               "version = excluded.version")


def _log_written(s: Session, written: list[tuple[str, list[dict[str, Any]], int | None]]) -> None:
    """Log rows written while the triggers were paused, as the triggers would have: numbered in
    the order they were written (SQLite; on PostgreSQL ``_pg_log_written`` does it at the end of
    the import). Inserted rows are logged by one ``INSERT ... SELECT`` of the rows above the
    table's highest rowid before the insert (they went in in that order: ``_insert_rows``), with
    nothing bound per row (0.46-0.52 s -> 0.35-0.36 s for 106,000 rows)."""
    if not written or _is_pg(s):
        return
    cur = _raw(s)
    try:
        cur.execute("SELECT COALESCE(MAX(seq), 0) FROM sync_log")
        start = cur.fetchone()[0]
        for table, rows, top in written:
            if top is not None:
                # the rows took the rowids after ``top`` one by one (as ``flush_known`` reads
                # them back too): numbered by rowid, without a window function's sort
                cur.execute(
                    "INSERT INTO sync_log (table_name, row_id, seq, deleted, version) "
                    f"SELECT ?, id, ? + rowid, 0, version FROM {_q(table)} "
                    f"WHERE rowid > ? ORDER BY rowid {_LOG_UPSERT}", (table, start - top, top))
            else:
                cur.executemany(
                    f"INSERT INTO sync_log (table_name, row_id, seq, deleted, version) VALUES (?, ?, ?, 0, ?) "
                    f"{_LOG_UPSERT}", [(table, r["id"], start + i, r["version"]) for i, r in enumerate(rows, 1)])
            start += len(rows)
    finally:
        cur.close()


def _pg_log_written(s: Session, written: list[tuple[str, list[dict[str, Any]], int | None]]) -> None:
    """PostgreSQL: log rows written while the triggers were paused, as the triggers would have at
    the commit: numbers drawn under the change log's lock (held to the commit, so they become
    visible in order), by COPY into a temporary table and one INSERT ... SELECT. Called last
    before the commit, so other seats' commits wait for the lock as briefly as possible."""
    from app.core.sync_tracking import PG_SEQUENCE, lock_log

    if not written:
        return
    lock_log(s.connection())
    cur = _raw(s).cur
    try:
        _pg_stage(cur, "pmi_sync_written", "ord integer, table_name text, row_id text, version integer",
                  ((i, table, r["id"], r["version"]) for i, (table, r) in enumerate(
                      (table, r) for table, rows, _ in written for r in rows)))
        cur.execute(
            "INSERT INTO sync_log (table_name, row_id, seq, deleted, version) "
            f"SELECT table_name, row_id, nextval('{PG_SEQUENCE}'), false, version "
            "FROM (SELECT * FROM pmi_sync_written ORDER BY ord) w "
            "ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, "
            "version = excluded.version")
    finally:
        cur.close()


def _pg_stage(cur, name: str, columns: str, rows: Iterable[tuple]) -> None:
    """PostgreSQL: ``rows`` into the session's temporary table ``name`` (``columns``: its column
    definitions, in the rows' order), emptied first and at the commit, by COPY: the set-based
    statement that follows reads them from there."""
    cur.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {name} ({columns}) ON COMMIT DELETE ROWS")
    cur.execute(f"TRUNCATE {name}")
    names = ", ".join(c.split()[0] for c in columns.split(","))
    with cur.copy(f"COPY {name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _write_tombstone(s: Session, table: str, rid: str, version: int) -> None:
    if _is_pg(s):
        from app.core.sync_tracking import PG_SEQUENCE, lock_log

        lock_log(s.connection())  # numbers drawn under the log's lock (see sync_tracking)
        s.execute(sa.text(
            "INSERT INTO sync_log (table_name, row_id, seq, deleted, version) "
            f"VALUES (:t, :r, nextval('{PG_SEQUENCE}'), true, :v) "
            "ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, deleted = true, "
            "version = excluded.version"), {"t": table, "r": rid, "v": version})
        return
    s.execute(sa.text(
        "INSERT INTO sync_log (table_name, row_id, seq, deleted, version) "
        "VALUES (:t, :r, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_log), 1, :v) "
        "ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, deleted = 1, "
        "version = excluded.version"), {"t": table, "r": rid, "v": version})


_PEER_ROW_UPSERT = ("ON CONFLICT (peer, table_name, row_id) DO UPDATE SET version = excluded.version, "
                    "hash = excluded.hash WHERE excluded.version >= sync_peer_row.version")


def _upsert_known(s: Session, rows: list[tuple]) -> None:
    """Record the states a peer holds, (peer, table, id, version, hash) each; a state never
    replaces a newer one already recorded."""
    if not rows:
        return
    if _is_pg(s):  # COPY into a temporary table, then one INSERT ... SELECT (half the time of arrays)
        cur = _raw(s).cur
        try:
            _pg_stage(cur, "pmi_sync_peer_rows", "peer text, table_name text, row_id text, version integer, "
                      "hash text", rows)
            cur.execute(
                "INSERT INTO sync_peer_row (peer, table_name, row_id, version, hash) "
                "SELECT DISTINCT ON (table_name, row_id) peer, table_name, row_id, version, hash "
                f"FROM pmi_sync_peer_rows ORDER BY table_name, row_id, version DESC {_PEER_ROW_UPSERT}")
        finally:
            cur.close()
        return
    cur = _raw(s)
    try:
        cur.executemany(
            "INSERT INTO sync_peer_row (peer, table_name, row_id, version, hash) VALUES (?, ?, ?, ?, ?) "
            f"{_PEER_ROW_UPSERT}", rows)
    finally:
        cur.close()


def import_packet(db, actor: Actor, path: Path | str, *, ack_path: Path | str | None = None) -> ImportResult:
    """Check and apply one packet; write the acknowledgement to carry back (default: next to the
    packet, ``<name>.ack``). The same packet again changes nothing and gives the same
    acknowledgement."""
    require(actor, "sync.run")
    path = Path(path)
    with _gc_paused():
        return _import_packet(db, actor, path, ack_path)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a packet is read and applied: it makes a few hundred
    thousand dicts and tuples that live until the end of the import, and the collector walked
    them again and again as they were made (about 0.4 s of a 106,000-row packet, 9 % of its CPU
    time). Reference counting still frees everything acyclic; the collector runs again after.
    Left disabled if something else had disabled it; of two imports at once (two threads), the
    one that found it enabled enables it again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _import_packet(db, actor: Actor, path: Path, ack_path: Path | str | None) -> ImportResult:
    packet = read_packet(db, path)  # every check before anything is written
    m = packet.manifest
    packet_id, sender = str(m["packet_id"]), str(m["from_office"])
    ack_path = Path(ack_path) if ack_path else path.with_name(path.name + ".ack")
    result = ImportResult(packet_id, sender, False)
    _store_attachments(packet.attachments)  # content-addressed: harmless if the import fails
    result.attachments = len(packet.attachments)
    by_name = _tables_by_name()
    try:
        result = _apply_packet(db, actor, packet, result, by_name)
    except (sa.exc.IntegrityError, *_DRIVER_INTEGRITY) as exc:  # a row the checks did not foresee
        raise UserError("sync_apply_failed", detail=str(getattr(exc, "orig", exc))[:200]) from None
    ack = _ack_document(db, packet_id, sender, int(m.get("up_to_seq", 0)), result.not_applied)
    _atomic_write(ack_path, ack)
    result.ack_path = ack_path
    return result


def _apply_packet(db, actor: Actor, packet: Packet, result: ImportResult,
                  by_name: dict[str, CarriedTable]) -> ImportResult:
    m = packet.manifest
    packet_id, sender = str(m["packet_id"]), str(m["from_office"])
    big = False
    with db.session() as s:
        done = s.get(SyncPacketIn, packet_id)
        if done is not None:
            result = ImportResult(packet_id, sender, True, **json.loads(done.summary))
            result.not_applied = json.loads(done.not_applied)
        else:
            big = _big_import(s, sum(len(v) for v in packet.tables.values()))
            result = _apply_rows(s, actor, packet, result, by_name)
    if big:  # committed: the checkpoint its commit left out
        _checkpoint_later(db)
    return result


# SQLite's page cache while a big packet goes in (KiB, SQLite's negative convention): the pages a
# packet of 100,000 rows changes (about 90 MB with indexes and the change log) then stay in memory
# until the commit writes each once, instead of being spilled to the WAL and read back (a cache of
# 64 MiB, the connection's usual, spilled: +0.7 s at the commit, +0.5 s in the inserts).
IMPORT_CACHE_KIB = -262144
IMPORT_CACHE_FROM_ROWS = 5000


def _big_import(s: Session, rows: int) -> bool:
    """Whether ``rows`` make a big import on SQLite; if so, its connection gets the page cache
    above and no automatic checkpoint at the commit (see ``_checkpoint_later``), both set back
    when the connection returns to the pool after the commit (``restore_on_checkin``)."""
    if _is_pg(s) or rows < IMPORT_CACHE_FROM_ROWS:
        return False
    conn = s.connection()
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    auto = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size={IMPORT_CACHE_KIB}")
    conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    restore_on_checkin(conn, f"PRAGMA cache_size={int(old)}", f"PRAGMA wal_autocheckpoint={int(auto)}")
    return True


# The last checkpoint a big import left to its thread: (thread, seconds it took or None while it
# runs); ``wait_for_checkpoint`` waits for it.
_checkpoint: list[Any] = [None, None]


def _checkpoint_later(db) -> threading.Thread:
    """Copy a big import's pages from the WAL into the database file on a thread of its own.

    The import's rows are safe and visible once its commit has synced the WAL (``synchronous=
    FULL``); SQLite's automatic checkpoint would then copy every page the import changed (about
    90 MB for 100,000 rows) into the database file before the import returns (0.4-0.5 s of a
    106,000-row packet). The import's connection commits without it (``_big_import``) and this
    thread runs it while the caller goes on: readers read those pages from the WAL meanwhile,
    writers wait for nothing (a PASSIVE checkpoint takes no lock they need). If it cannot run,
    the next commit of any connection does it as usual."""
    def run() -> None:
        start = time.perf_counter()
        try:
            raw = db.engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                raw.close()
        except Exception as exc:  # the next automatic checkpoint does the same work
            log.warning("checkpoint after the import failed: %s", exc)
        _checkpoint[1] = time.perf_counter() - start

    thread = threading.Thread(target=run, name="pmi-desk-checkpoint")
    _checkpoint[:] = [thread, None]
    thread.start()
    return thread


def wait_for_checkpoint() -> float | None:
    """Wait for the checkpoint of the last big import, if one runs; the seconds it took."""
    thread = _checkpoint[0]
    if thread is not None:
        thread.join()
    return _checkpoint[1]


def _apply_rows(s: Session, actor: Actor, packet: Packet, result: ImportResult,
                by_name: dict[str, CarriedTable]) -> ImportResult:
    m = packet.manifest
    packet_id, sender = str(m["packet_id"]), str(m["from_office"])
    work = _Apply(s, sender, result)
    order = [t for t in carried_tables() if t.name in packet.tables]
    # deletions first (children before parents): they free unique values (a NIK kept
    # elsewhere after a conflict) for the rows that follow (parents before children)
    for t in reversed(order):
        dels = [e for e in packet.tables[t.name] if e.get("deleted")]
        if dels:
            work.deletes(by_name[t.name], dels)
    # New and changed rows are logged in one go rather than by the triggers row by row
    # (a third of the time of a big packet): the triggers are dropped and made again
    # inside this transaction, so no other connection ever sees the tables without them.
    # Inserts and updates cascade nothing, so the rows written are exactly those logged.
    puts_of = {t.name: [e for e in packet.tables[t.name] if not e.get("deleted")] for t in order}
    paused = [t.name for t in order if puts_of[t.name]]
    _pause_triggers(s, paused)
    for t in order:
        if puts_of[t.name]:
            work.puts(t, puts_of[t.name], t.name in packet.plain)
    _log_written(s, work.written)
    _resume_triggers(s, paused)
    work.flush_known()
    summary = {k: getattr(result, k) for k in ("inserted", "updated", "deleted", "unchanged",
                                                "stale", "conflicts", "attachments")}
    s.add(SyncPacketIn(packet_id=packet_id, from_office=sender, up_to_seq=int(m.get("up_to_seq", 0)),
                       imported_at=utcnow(), imported_by=actor.username,
                       not_applied=json.dumps(result.not_applied), summary=json.dumps(summary)))
    peer = s.get(SyncPeer, sender) or SyncPeer(office_code=sender)
    peer.last_import_at = utcnow()
    s.add(peer)
    audit.record(s, actor, "sync_import", "sync_packet", packet_id,
                 {"from_office": [None, sender]} | {k: [None, v] for k, v in summary.items()})
    if _is_pg(s):
        _pg_log_written(s, work.written)
    return result


def _store_attachments(attachments: dict[str, bytes]) -> None:
    if not attachments:
        return
    scans = paths.data_dir() / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    for digest, data in attachments.items():
        target = scans / digest
        if not target.exists():
            _atomic_write(target, data)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, path)


# --- acknowledgements ---------------------------------------------------------------------------

def _ack_document(db, packet_id: str, to_office: str, up_to_seq: int, not_applied: list) -> bytes:
    local = setup.local_office(db)
    key = _private_key(local.code)
    body = {"format": ACK_FORMAT, "packet_id": packet_id, "from_office": local.code, "to_office": to_office,
            "up_to_seq": up_to_seq, "not_applied": not_applied}
    data = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return json.dumps({"ack": body, "signature": base64.b64encode(key.sign(data)).decode()},
                      ensure_ascii=False).encode()


@dataclass(frozen=True)
class AckResult:
    packet_id: str
    from_office: str
    acknowledged_rows: int
    acked_seq: int
    already: bool


def import_ack(db, actor: Actor, path: Path | str) -> AckResult:
    """Read an acknowledgement: the peer now holds what that packet carried (except the rows it
    did not apply), so later packets leave them out."""
    require(actor, "sync.run")
    path = Path(path)
    try:
        doc = json.loads(path.read_bytes())
        body, signature = doc["ack"], base64.b64decode(doc["signature"])
        if body.get("format") != ACK_FORMAT:
            raise ValueError
    except FileNotFoundError:
        raise UserError("sync_file_missing", file=path.name) from None
    except (ValueError, KeyError, TypeError, OSError):
        raise UserError("sync_not_an_ack", file=path.name) from None
    local = setup.local_office(db)
    sender = str(body.get("from_office"))
    key = _trusted_key(db, sender)
    if key is None:
        raise UserError("sync_unknown_office", office=sender)
    data = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    if not _verify(key, signature, data):
        raise UserError("sync_bad_signature", office=sender)
    if body.get("to_office") != local.code:
        raise UserError("sync_wrong_recipient", office=str(body.get("to_office")), local=local.code)
    packet_id = str(body["packet_id"])
    skip = {tuple(x) for x in body.get("not_applied") or []}
    with db.session() as s:
        sent = s.exec(select(SyncSent).where(SyncSent.packet_id == packet_id, SyncSent.peer == sender)).all()
        peer = s.get(SyncPeer, sender) or SyncPeer(office_code=sender)
        already = not sent
        if sent:
            _upsert_known(s, [(sender, r.table_name, r.row_id, r.version, r.hash)
                              for r in sent if (r.table_name, r.row_id) not in skip])
            s.execute(sa.delete(SyncSent).where(SyncSent.packet_id == packet_id))
            # rows of earlier packets (lost, or acknowledged later) that the peer now holds
            s.execute(sa.text(
                "DELETE FROM sync_sent WHERE peer = :p AND EXISTS (SELECT 1 FROM sync_peer_row r "
                "WHERE r.peer = sync_sent.peer AND r.table_name = sync_sent.table_name "
                "AND r.row_id = sync_sent.row_id AND r.version >= sync_sent.version)"), {"p": sender})
            peer.acked_seq = max(peer.acked_seq, int(body.get("up_to_seq", 0)))
            s.add(peer)
            audit.record(s, actor, "sync_ack", "sync_packet", packet_id, {
                "from_office": [None, sender], "rows": [None, len(sent) - len(skip)]})
        return AckResult(packet_id, sender, len(sent) - len(skip & {(r.table_name, r.row_id) for r in sent}),
                         peer.acked_seq, already)


# --- conflicts ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ConflictInfo:
    id: int
    kind: str
    peer: str
    table_name: str
    row_id: str
    their_id: str
    unique_field: str | None
    mine: dict[str, Any] | None
    theirs: dict[str, Any] | None
    differing: list[str]
    mergeable: list[str]  # differing fields that may be taken from the other office one by one
    held_rows: int
    detected_at: datetime
    status: str
    resolution: str | None
    resolved_by: str | None

    @property
    def label(self) -> str:
        row = self.mine or self.theirs or {}
        return str(row.get("full_name") or row.get("registration_number") or row.get("name")
                   or row.get("code") or self.row_id)


def _info(c: SyncConflict) -> ConflictInfo:
    mine = json.loads(c.mine) if c.mine else None
    theirs = json.loads(c.theirs) if c.theirs else None
    skip = {"updated_at"}
    differing = sorted(k for k in set(mine or {}) | set(theirs or {})
                       if k not in skip and (mine or {}).get(k) != (theirs or {}).get(k)) if mine and theirs else []
    t = _tables_by_name().get(c.table_name)
    fixed = set(FIXED) | {"updated_at"} | (set(_unique_columns(t)) if t else set())
    mergeable = [f for f in differing if f not in fixed] if c.kind in ("edit", "unique") else []
    return ConflictInfo(c.id, c.kind, c.peer, c.table_name, c.row_id, c.their_id, c.unique_field, mine, theirs,
                        differing, mergeable, len(json.loads(c.held)), c.detected_at, c.status, c.resolution,
                        c.resolved_by)


def list_conflicts(db, actor: Actor, *, include_resolved: bool = False) -> list[ConflictInfo]:
    require(actor, "sync.resolve")
    with db.session(write=False) as s:
        q = select(SyncConflict).order_by(SyncConflict.id)
        if not include_resolved:
            q = q.where(SyncConflict.status == "open")
        return [_info(c) for c in s.exec(q)]


def get_conflict(db, actor: Actor, conflict_id: int) -> ConflictInfo:
    require(actor, "sync.resolve")
    with db.session(write=False) as s:
        c = s.get(SyncConflict, int(conflict_id))
        if c is None:
            raise NotFound("sync_conflict_not_found", value=conflict_id)
        return _info(c)


CHOICES = ("mine", "theirs", "merge")


def resolve_conflict(db, actor: Actor, conflict_id: int, choice: str,
                     fields: Iterable[str] | None = None) -> ConflictInfo:
    """Settle one conflict: keep this office's version (``mine``), the other office's
    (``theirs``), or ``merge``: this office's row with ``fields`` taken from theirs. The result gets
    a version above both, so it travels to every office and replaces both versions there."""
    require(actor, "sync.resolve")
    if choice not in CHOICES:
        raise UserError("invalid_choice", value=choice)
    by_name = _tables_by_name()
    try:
        return _resolve(db, actor, conflict_id, choice, fields, by_name)
    except (sa.exc.IntegrityError, *_DRIVER_INTEGRITY):  # their row needs a parent deleted here
        raise UserError("sync_parent_missing") from None


def _resolve(db, actor: Actor, conflict_id: int, choice: str, fields: Iterable[str] | None,
             by_name: dict[str, CarriedTable]) -> ConflictInfo:
    with db.session() as s:
        c = s.get(SyncConflict, int(conflict_id))
        if c is None:
            raise NotFound("sync_conflict_not_found", value=conflict_id)
        if c.status != "open":
            raise UserError("sync_conflict_closed", value=conflict_id)
        t = by_name[c.table_name]
        theirs = json.loads(c.theirs) if c.theirs else None
        picked = list(fields or [])
        if choice == "merge":
            if theirs is None or c.mine is None:
                raise UserError("sync_merge_impossible")
            bad = [f for f in picked if f not in t.table.c or f in FIXED or f in _unique_columns(t)]
            if bad:
                raise UserError("unknown_field", value=bad[0])
        mine = Applied(s, t).current(c.row_id)
        top = max(c.their_version, mine["version"] if mine else 0,
                  json.loads(c.mine)["version"] if c.mine else 0) + 1
        now = utcnow().replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")  # stored form
        held = json.loads(c.held)
        ap = Applied(s, t)
        if c.kind == "unique":
            if choice == "theirs":
                if mine is not None:
                    ap.delete(c.row_id)
                ap.insert(theirs)
                _release(s, by_name, held)
            else:
                if mine is not None:
                    new = dict(mine)
                    if choice == "merge":
                        new.update({f: theirs[f] for f in picked})
                    new["version"], new["updated_at"] = top, now
                    ap.update(new)
                _write_tombstone(s, t.name, c.their_id, c.their_version + 1)  # their copy goes
        elif c.kind in ("edit", "deleted_there"):
            if choice == "theirs" and theirs is None:  # they deleted it: delete here too
                if mine is not None:
                    ap.delete(c.row_id)
            elif mine is None:  # deleted here since: keep theirs if chosen, else stays deleted
                if choice != "mine" and theirs is not None:
                    ap.insert(dict(theirs, version=top, updated_at=now))
                else:
                    _write_tombstone(s, t.name, c.row_id, top)
            else:
                new = dict(mine)
                if choice == "theirs":
                    new = dict(theirs)
                elif choice == "merge":
                    new.update({f: theirs[f] for f in picked})
                new["version"], new["updated_at"] = top, now
                ap.update(new)
        elif c.kind == "deleted_here":
            if choice == "mine":
                _write_tombstone(s, t.name, c.row_id, top)
            else:
                ap.insert(dict(theirs, version=top, updated_at=now))
                _release(s, by_name, held)
        s.flush()
        c.status, c.resolution, c.resolved_by, c.resolved_at = "resolved", choice, actor.username, utcnow()
        s.add(c)
        audit.record(s, actor, "sync_resolve", t.name, c.row_id, {
            "conflict": [None, c.id], "kind": [None, c.kind], "choice": [None, choice],
            "fields": [None, picked] if picked else None, "peer": [None, c.peer]})
        s.flush()
        return _info(c)


class Applied:
    """Row writes of a resolution (the triggers log them, so they travel)."""

    def __init__(self, s: Session, t: CarriedTable):
        self.s, self.t = s, t

    def current(self, rid: str) -> dict[str, Any] | None:
        return _rows_by_id(self.s, self.t, [rid]).get(rid)

    def insert(self, row: dict[str, Any]) -> None:
        _insert_rows(self.s, self.t, [row])

    def update(self, row: dict[str, Any]) -> None:
        _update_row(self.s, self.t, row)

    def delete(self, rid: str) -> None:
        _delete_rows(self.s, self.t, [rid])


def _release(s: Session, by_name: dict[str, CarriedTable], held: list[dict[str, Any]]) -> None:
    """Insert the child rows that waited on a row now taken in."""
    order = {t.name: i for i, t in enumerate(by_name.values())}
    for h in sorted(held, key=lambda h: order.get(h["table"], 0)):
        Applied(s, by_name[h["table"]]).insert(h["row"])


# --- status for the screens -------------------------------------------------------------------

@dataclass(frozen=True)
class PeerStatus:
    office_code: str
    fingerprint: str
    acked_seq: int
    pending_changes: int
    last_export_at: datetime | None
    last_import_at: datetime | None


def peers(db, actor: Actor) -> list[PeerStatus]:
    require(actor, "sync.run")
    with db.session(write=False) as s:
        out = []
        top = s.exec(select(sa.func.coalesce(sa.func.max(SyncLog.seq), 0))).one()
        for k in s.exec(select(OfficeKey).where(OfficeKey.own == sa.false()).order_by(OfficeKey.office_code)):
            p = s.get(SyncPeer, k.office_code) or SyncPeer(office_code=k.office_code)
            pending = s.exec(select(sa.func.count()).select_from(SyncLog).where(SyncLog.seq > p.acked_seq)).one()
            out.append(PeerStatus(k.office_code, fingerprint(k.public_key), p.acked_seq,
                                  pending if top > p.acked_seq else 0, p.last_export_at, p.last_import_at))
        return out
