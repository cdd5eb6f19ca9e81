"""The matching engine: candidates for one job order, and job orders for one applicant.

How it works (DESIGN.md §3):

- ``CandidatePool`` holds, once per process and database, the columns matching needs of every
  applicant as numpy arrays (sex, birth date, education rank, height, status, language levels,
  months of experience per sector, preferred countries and sectors as bit masks, registration
  day, certificate text, and the document and training signals). The rows are kept in tie order
  (registration time, then id), so a stable sort on the score alone gives reproducible ranks.
  The full load reads few values per row (the database packs the small columns into one integer;
  SQLAlchemy Core statements, so any dialect); on SQLite each of its three statements comes back
  as one row of joined strings parsed by numpy, and the rows are put in tie order by numpy
  (``_load_packed``; the row loader when a string cannot hold the rows exactly). The id → position
  dict is made on first use. ``ensure_current`` first compares one statement of
  index look-ups with the last look (nothing changed: nothing read), else re-reads only the rows
  changed since: the indexed ``updated_at`` plus new rowids; nothing is rebuilt per query. A
  supervisor's window preloads the pool on a worker thread after sign-in (``preload``).
- Hard filters (status, sex, age range, minimum education, language and level, height,
  experience in the sector, certificates) are vectorised boolean masks; for one order without
  near misses, their failures are counted on columns sorted once and only the rows of the
  narrowest range are checked (``_passing``). Each failed filter has a readable reason in
  Indonesian and English ("umur 41, batas 18–35").
- Among those who pass, a score of soft fit: ``WEIGHTS`` (one dict) times parts between 0 and 1,
  summed in ``SUM_ORDER`` (the parts that do not depend on the order first: their sum is made
  once per day). The parts are shown with every rank, so a supervisor can explain it.
- Ties: registration time (``applicant.created_at``), then id.
- The same ``_evaluate`` serves both directions: the applicant arrays have one row per applicant
  and the order criteria are scalars (candidates for an order), or one applicant against arrays
  of open orders (orders for an applicant); numpy broadcasting does the rest.

``tests/test_matching_reference.py`` keeps a plain Python implementation over rows and checks that
both agree (hypothesis, random small databases).
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

import numpy as np
import sqlalchemy as sa

# documents and training give the signals every full load of the pool reads: loaded with this
# module (as the window has them loaded) rather than inside the first match
from app.core import clock, documents, reference, training
from app.core.actor import Actor
from app.core.errors import NotFound
from app.core.messages import render
from app.core.permissions import require
from app.core.validation import age_on
from app.core.pipeline import STATUS_NAMES
from app.models import STATUSES

# Soft score: weight of each part (points at the part's best). The parts are in [0, 1].
WEIGHTS: dict[str, float] = {
    "language": 25.0,     # levels above the order's minimum (two levels above: full)
    "attendance": 15.0,   # training attendance rate
    "test": 15.0,         # training test scores
    "documents": 15.0,    # completeness of the required documents
    "experience": 15.0,   # years in the order's sector (five years: full)
    "preference": 10.0,   # the order's country and sector among the applicant's stated preferences
    "waiting": 5.0,       # days since registration (a year: full): a fair tie-breaker
}
PART_NAMES: dict[str, tuple[str, str]] = {
    "language": ("Bahasa", "Language"),
    "attendance": ("Kehadiran", "Attendance"),
    "test": ("Nilai tes", "Test scores"),
    "documents": ("Dokumen", "Documents"),
    "experience": ("Pengalaman", "Experience"),
    "preference": ("Preferensi", "Preference"),
    "waiting": ("Lama menunggu", "Waiting time"),
}
NEUTRAL = 0.5  # the part of an unknown signal (no training, documents not tracked yet)
LANGUAGE_FULL_STEPS = 2.0
EXPERIENCE_FULL_YEARS = 5.0
WAITING_FULL_DAYS = 365.0
DAYS_PER_YEAR = 365.25

# Who is a candidate at all: looking for a placement (``proposed`` may be proposed to several
# orders; from ``selected`` on an applicant is active on one order only).
CANDIDATE_STATUSES = ("registered", "documents", "training", "ready", "proposed", "returned")
FILTERS = ("status", "sex", "age", "education", "language", "height", "experience", "certificates")
FILTER_NAMES: dict[str, tuple[str, str]] = {
    "status": ("Status", "Status"), "sex": ("Jenis kelamin", "Sex"), "age": ("Umur", "Age"),
    "education": ("Pendidikan", "Education"), "language": ("Bahasa", "Language"),
    "height": ("Tinggi badan", "Height"), "experience": ("Pengalaman", "Experience"),
    "certificates": ("Sertifikat", "Certificates"),
}
NO_MAX_AGE = 999
FULL_RELOAD_ABOVE = 20_000  # changed rows: above this, a full reload is cheaper


def _status_index() -> dict[str, int]:
    return {s: i for i, s in enumerate(STATUSES)}


def _languages() -> list[str]:
    return list(reference.languages())


def _sectors() -> list[str]:
    return list(reference.sectors())


def _countries() -> list[str]:
    return list(reference.countries())


def _mask(codes: str, index: dict[str, int]) -> int:
    out = 0
    for code in codes.split(","):
        i = index.get(code)
        if i is not None:
            out |= 1 << i
    return out


# --- signals from other areas -------------------------------------------------------------------

def _uuids(ids: list[str]) -> list[uuid.UUID]:
    return [x if isinstance(x, uuid.UUID) else uuid.UUID(str(x)) for x in ids]


# Above this many applicants a signal is read for everyone and picked here (one scan of the index
# instead of thousands of bound parameters).
_SIGNAL_ALL_ABOVE = 2000


def _document_completeness(conn, ids: list[str], *, index: dict | None = None, prefs=None) -> np.ndarray:
    """Share (0..1) of the required documents each applicant has verified and not expired (one
    GROUP BY). The full load passes its ``index`` (id → position, the same order as ``ids``; or a
    function of a list of database ids giving their positions, -1 when absent) and
    the preference lists it read (``prefs``: countries, sectors), so nothing is read twice."""
    if not ids:
        return np.zeros(0)
    if index is not None and prefs is not None:
        return documents.completeness_of(conn, index, *prefs) / 100.0
    if len(ids) > _SIGNAL_ALL_ABOVE:
        out_ids, percent = documents.completeness_arrays(conn, None)
        out = np.full(len(ids), np.nan)
        where = index or {k: i for i, k in enumerate(ids)}
        pos = np.fromiter((where.get(_hex(k), -1) for k in out_ids), dtype=np.int64, count=len(out_ids))
        hit = pos >= 0
        out[pos[hit]] = percent[hit] / 100.0
        return out
    keys = _uuids(ids)
    out_ids, percent = documents.completeness_arrays(conn, keys)
    by_id = dict(zip(out_ids, (percent / 100.0).tolist()))
    return np.array([by_id.get(k, np.nan) for k in keys], dtype=float)


def _training_signal(conn, ids: list[str], *, index: dict | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(attendance rate 0..1, latest test score 0..1) per applicant over all their batches
    (``training.attendance_many``); NaN = no training yet, scored neutrally."""
    if not ids:
        return np.zeros(0), np.zeros(0)
    many = len(ids) > _SIGNAL_ALL_ABOVE
    summary = training.attendance_many(conn, None if many else _uuids(ids))
    attend = np.full(len(ids), np.nan)
    test = np.full(len(ids), np.nan)
    where = index if index is not None else {k: i for i, k in enumerate(ids)}
    if callable(where):  # database ids → positions (-1: absent), as the full load passes it
        found = dict(zip(summary, where(list(summary)).tolist()))
        where = {_hex(k): i for k, i in found.items() if i >= 0}
    for k, s in summary.items():  # the trained ones only (few next to everyone)
        i = where.get(_hex(k))
        if i is None:
            continue
        if s.rate is not None:
            attend[i] = s.rate / 100.0
        if s.latest_score is not None:
            test[i] = s.latest_score / 100.0
    return attend, test


# Tables whose rows feed the signals above: a change there (by ``updated_at``, indexed) re-reads
# the signals of the applicants concerned. A deleted row (a removed attendance mark) is seen at
# the next full load.
_SIGNAL_TABLES = ("applicant_document", "training_attendance", "training_score")


def _signal_table(name: str) -> sa.TableClause:
    return sa.table(name, sa.column("applicant_id"), sa.column("updated_at"))


def _signal_marks(conn) -> dict[str, Any]:
    """The newest ``updated_at`` of each signal table (one statement; None for an empty table)."""
    tops = [sa.select(sa.func.max(sa.type_coerce(_signal_table(t).c.updated_at, sa.String))).scalar_subquery()
            for t in _SIGNAL_TABLES]
    return dict(zip(_SIGNAL_TABLES, conn.execute(sa.select(*tops)).one()))


@lru_cache(maxsize=None)
def _stamp_select(dialect: str, with_log: bool) -> sa.Select:
    """One statement of index look-ups: the newest ``updated_at`` of the applicants and of each
    signal table, on SQLite the highest rowid, and the change log's last sequence number (every
    insert, update and delete of a carried table moves it: app.core.sync_tracking)."""
    from app.models import Applicant

    a = Applicant.__table__
    cols = [sa.select(sa.func.max(sa.type_coerce(a.c.updated_at, sa.String))).scalar_subquery()]
    cols += [sa.select(sa.func.max(sa.type_coerce(_signal_table(t).c.updated_at, sa.String))).scalar_subquery()
             for t in _SIGNAL_TABLES]
    if dialect == "sqlite":
        cols.append(sa.select(sa.func.max(sa.literal_column("rowid"))).select_from(a).scalar_subquery())
    if with_log:
        log = sa.table("sync_log", sa.column("seq"))
        cols.append(sa.select(sa.func.max(log.c.seq)).scalar_subquery())
    return sa.select(*cols)


def _signal_changes(conn, since: dict[str, Any]) -> tuple[set, dict[str, Any]]:
    """Applicant ids (hex) whose signal rows changed since ``since``, and the new marks."""
    marks = _signal_marks(conn)
    changed: set = set()
    for t, top in marks.items():
        if _newer(top, since.get(t)):
            table = _signal_table(t)
            q = sa.select(table.c.applicant_id).distinct()
            start = _before(since.get(t), UPDATE_OVERLAP_S)
            if start is not None:
                q = q.where(_after(table.c.updated_at, start))
            changed.update(_hex(r[0]) for r in conn.execute(q))
    return changed, marks


def signals_changed(db, applicant_ids: Iterable) -> None:
    """Tell the engine that these applicants' documents or training results changed (those do not
    touch ``applicant.updated_at``): their signals are read again before the next match. The
    documents and training services call this after a change (wired by the lead at the merge)."""
    pool = getattr(db, "_matching_pool", None)
    if pool is None:
        return  # nothing loaded yet: the first load reads everything
    with pool.lock:
        pool._stale_signals.update(a.hex if isinstance(a, uuid.UUID) else uuid.UUID(str(a)).hex
                                   for a in applicant_ids)


# --- the candidate arrays -----------------------------------------------------------------------
#
# The pool is read with few values per row (a Python object per value is what costs here, not
# SQLite's scan): the database computes the small columns into one integer per applicant
# (``_PACKED``: registration day, birth day, sex, education rank, status, height) and one per
# language or job row; the statements are SQLAlchemy Core, so they run on any dialect, and on
# SQLite the full load runs them through the driver's own cursor (no row processing).

_DAY_BITS = 20  # a day number (``date.toordinal()``) below 2**20: up to the year 2870
_SMALL_SHIFT = 2 * _DAY_BITS
_HEIGHT_MAX = 2 ** 15 - 1  # 15 bits on top of the 48 below: the packed value stays under 2**63


def _day_number(col, dialect: str):
    """The date column as ``date.toordinal()``, computed by the database (0 when unreadable)."""
    if dialect == "sqlite":
        return sa.func.coalesce(sa.cast(sa.func.julianday(col) - 1721424.5, sa.Integer), 0)
    # 64-bit from here on: shifted by 2**20 or 2**40 it outgrows a 32-bit integer
    return sa.cast(col - sa.cast(sa.literal("0001-01-01"), sa.Date), sa.BigInteger) + 1


def _wide(expr, dialect: str):
    """``expr`` as a 64-bit integer where the database would compute it in 32 bits (SQLite's
    integers are 64-bit already)."""
    return expr if dialect == "sqlite" else sa.cast(expr, sa.BigInteger)


def _id_text(col, dialect: str):
    """The id as the pool keeps it: 32 hex digits (SQLite stores exactly that)."""
    if dialect == "sqlite":
        return sa.type_coerce(col, sa.String)
    return sa.func.replace(sa.cast(col, sa.String), "-", "")


@lru_cache(maxsize=None)
def _applicant_select(dialect: str, *, changes: bool) -> sa.Select:
    """id, created_at, packed, version, preferred countries, preferred sectors, skills; for
    ``changes`` also updated_at."""
    from app.models import Applicant

    a = Applicant.__table__
    status = sa.case({s: i + 1 for i, s in enumerate(STATUSES)}, value=a.c.status, else_=0)
    ranks = {c: r for c, (r, _i, _e) in reference.education_levels().items()}
    assert max(ranks.values(), default=0) < 8 and len(STATUSES) < 15
    edu = sa.case(ranks, value=a.c.education_level, else_=0)
    sex = sa.case((a.c.sex == "P", 1), else_=0)
    height = sa.case((a.c.height_cm.between(1, _HEIGHT_MAX), a.c.height_cm), else_=0)
    small = _wide(((height * 16 + status) * 8 + edu) * 2 + sex, dialect)
    packed = (small * (2 ** _SMALL_SHIFT) + _day_number(a.c.birth_date, dialect) * (2 ** _DAY_BITS)
              + _day_number(a.c.registered_on, dialect))
    cols = [_id_text(a.c.id, dialect).label("id"), sa.type_coerce(a.c.created_at, sa.String).label("created_at"),
            sa.type_coerce(packed, sa.BigInteger).label("packed"), a.c.version, a.c.preferred_countries,
            a.c.preferred_sectors, a.c.skills]
    if changes:
        cols.append(sa.type_coerce(a.c.updated_at, sa.String).label("updated_at"))
    return sa.select(*cols)


@lru_cache(maxsize=None)
def _language_select(dialect: str) -> sa.Select:
    """applicant id, ``code:level`` (one string: a CASE over every language's levels costs the
    database more than the dict look-up of ``_language_code``), certificate (mostly none: one
    pass reads both)."""
    from app.models import ApplicantLanguage

    t = ApplicantLanguage.__table__
    return sa.select(_id_text(t.c.applicant_id, dialect), t.c.language_code + ":" + t.c.level,
                     t.c.certificate).where(t.c.language_code.in_(_languages()))


@lru_cache(maxsize=None)
def _language_codes() -> dict[str, int]:
    """``code:level`` → language index × 64 + level index + 1."""
    out = {f"{c}:{lv}": i * 64 + j + 1 for i, c in enumerate(_languages())
           for j, lv in enumerate(reference.languages()[c].levels)}
    assert all(v % 64 for v in out.values())  # fewer than 63 levels a language
    return out


def _language_code(key: str | None) -> int:
    """See ``_language_codes``; a level the reference lacks is level -1 (index × 64 + 0)."""
    code = _language_codes().get(key)
    if code is not None:
        return code
    lang = (key or "").split(":", 1)[0]
    return _languages().index(lang) * 64 if lang in _languages() else 0


@lru_cache(maxsize=None)
def _experience_select(dialect: str, every: bool = False) -> sa.Select:
    """applicant id, sector index × 2**40 + start day × 2**20 + end day (0: still working); the
    sectors of the reference only, unless ``every`` (another sector's value is negative)."""
    from app.models import WorkExperience

    t = WorkExperience.__table__
    sectors = _sectors()
    sector = _wide(sa.case({s: i for i, s in enumerate(sectors)}, value=t.c.sector, else_=-1), dialect)
    end = sa.case((t.c.end_date.is_(None), 0), else_=_day_number(t.c.end_date, dialect))
    packed = (sector * (2 ** _SMALL_SHIFT) + _day_number(t.c.start_date, dialect) * (2 ** _DAY_BITS) + end)
    stmt = sa.select(_id_text(t.c.applicant_id, dialect), sa.type_coerce(packed, sa.BigInteger))
    return stmt if every else stmt.where(t.c.sector.in_(sectors))


def _fetch(conn, stmt) -> list:
    """All rows of a Core statement without bound parameters. On SQLite through the driver's own
    cursor (SQLAlchemy's row processing costs a third more on 200,000 rows), inside the
    connection's transaction (begun here if need be, so every read sees one snapshot)."""
    if conn.dialect.name == "sqlite":
        if not conn.in_transaction():
            conn.exec_driver_sql("SELECT 1")  # begins the transaction (``BEGIN``, see app/db.py)
        sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        return conn.connection.driver_connection.execute(sql).fetchall()
    return [tuple(r) for r in conn.execute(stmt)]


# --- the full load on SQLite: each column of each statement as one string -------------------------
#
# What costs in reading 200,000 rows is a Python object per value (and a tuple per row), not
# SQLite. On SQLite the full load reads each statement of the portable loader (the ``_*_select``
# above) as ONE row: every column joined into one string by ``group_concat`` (ids by a space,
# numbers by a comma, texts by the unit separator U+001F), split and parsed by C code (str.split,
# ``np.fromstring``, ``bytes.fromhex``). Child rows find their applicant's position through the
# ids' two 64-bit halves (a sorted numpy array), not through a dict of 200,000 strings. Each
# string is checked (count, separators, hex, the tie order); if anything does not fit (a text
# holding U+001F, an id not of 32 hex digits), the full load reads rows as before (``_fetch``).

_SEP = "\x1f"
_PACKED_LOAD = True  # tests switch it off to compare with the rows' loader


def _tie_order(created: str, n: int, hi: np.ndarray, lo: np.ndarray) -> np.ndarray:
    """The permutation that sorts ``n`` rows by registration time (``created``: the stored texts
    joined by U+001F), then id (32 lower-case hex digits, as their 64-bit halves: ``_id_halves``),
    as SQLite's ``ORDER BY created_at, id`` does: the texts as fixed-width byte strings (all of
    one length, ASCII), the ids as numbers. Rows mostly come in that order already."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    width = created.find(_SEP) if n > 1 else len(created)
    if width < 0 or len(created) != (width + 1) * n - 1 or created[width::width + 1] != _SEP * (n - 1):
        raise _NotPacked("registration times of different lengths")
    try:
        key = np.frombuffer((created + _SEP).encode("ascii"), dtype=f"S{width + 1}")
    except UnicodeEncodeError:
        raise _NotPacked("registration times not in ASCII") from None
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    same = ordered[1:] == ordered[:-1]
    if same.any():  # equal times: by id, within each run of them
        tied = np.flatnonzero(np.concatenate([same, [False]]) | np.concatenate([[False], same]))
        run = np.cumsum(np.concatenate([[True], ~same]))[tied]
        rows = order[tied]
        order[tied] = rows[np.lexsort((lo[rows], hi[rows], run))]
    return order


def _at(ufunc, table: np.ndarray, rows: np.ndarray, cols: np.ndarray, values) -> None:
    """``ufunc.at(table, (rows, cols), values)``, through flat indices on a C-ordered ``table``:
    numpy's fast path for ``at`` takes one index array (a tuple of two was ~30x slower here,
    0.1 s of a full load)."""
    if table.flags.c_contiguous:
        ufunc.at(table.reshape(-1), rows.astype(np.intp) * table.shape[1] + cols, values)
    else:
        ufunc.at(table, (rows, cols), values)


class _NotPacked(Exception):
    """The strings do not hold the rows exactly: read them as rows instead."""


@lru_cache(maxsize=None)
def _packed_sql(what: str) -> str:
    """The SQLite statement (text, compiled once) that reads ``what`` ("applicants", "languages",
    "experience") as one row of joined strings, the row count last."""
    from sqlalchemy.dialects import sqlite

    # (separator, the column may be NULL) per column: a NULL where none is expected is skipped by
    # group_concat and caught by the count. Every job row is read (the sectors the reference
    # lacks are dropped in numpy: cheaper than SQLite's IN on every row).
    if what == "applicants":  # in the table's order: sorted here (``_tie_order``), cheaper than a sorter
        inner = _applicant_select("sqlite", changes=False).subquery()
        seps = ((" ", False), (_SEP, False), (",", False), (",", False), (_SEP, True), (_SEP, True), (_SEP, True))
    elif what == "languages":
        inner = _language_select("sqlite").subquery()
        seps = ((" ", False), (_SEP, False), (_SEP, True))
    else:
        inner = _experience_select("sqlite", every=True).subquery()
        seps = ((" ", False), (",", False))

    def joined(col, sep: str, nullable: bool):
        value = sa.func.coalesce(col, "") if nullable else col
        # the separator as a literal: SQLite evaluates a function argument (char(31)) on every row
        return sa.func.coalesce(sa.func.group_concat(value, sa.literal_column(f"'{sep}'")), "")

    stmt = sa.select(*(joined(c, *s) for c, s in zip(inner.c, seps)), sa.func.count())
    return str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def _read_packed(raw, what: str) -> tuple[list[str], int]:
    """The joined strings of ``_packed_sql(what)`` and the row count (on the driver's cursor)."""
    import sqlite3

    try:
        row = raw.execute(_packed_sql(what)).fetchone()
    except sqlite3.DataError:  # a string longer than SQLite allows (SQLITE_MAX_LENGTH, 1 GB by default)
        raise _NotPacked(f"{what}: too long for one string") from None
    return list(row[:-1]), int(row[-1])


def _texts(joined: str, n: int) -> list[str]:
    values = joined.split(_SEP) if n else []
    if len(values) != n:
        raise _NotPacked(f"{len(values)} texts for {n} rows")
    return values


def _joined_texts(joined: str, n: int) -> str | list[str]:
    """``joined`` kept whole for a later ``split`` when it holds ``n`` texts (counted, not split)."""
    if n == 0:
        return []
    if joined.count(_SEP) != n - 1:
        raise _NotPacked(f"{joined.count(_SEP) + 1} texts for {n} rows")
    return joined


def _numbers(joined: str, n: int) -> np.ndarray:
    # numpy 2 refuses text it cannot read (numpy 1 warns and stops there: fewer values, counted);
    # warnings are not made errors here: that would touch the filters of every thread
    try:
        values = np.fromstring(joined, sep=",", dtype=np.int64) if n else np.zeros(0, dtype=np.int64)
    except ValueError:
        raise _NotPacked("not integers") from None
    if len(values) != n:
        raise _NotPacked(f"{len(values)} numbers for {n} rows")
    return values


def _id_halves(joined: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The two 64-bit halves of ``n`` ids of 32 hex digits joined by spaces."""
    if n == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint64)
    if len(joined) != 33 * n - 1 or joined[32::33] != " " * (n - 1):
        raise _NotPacked("ids are not 32 characters each")
    if any(ch in joined for ch in "ABCDEF"):  # as text they would not match (nor sort) as numbers do
        raise _NotPacked("upper-case ids")
    try:
        raw = np.frombuffer(bytes.fromhex(joined), dtype=">u8")
    except ValueError:
        raise _NotPacked("ids are not hexadecimal") from None
    halves = raw.reshape(n, 2).astype(np.uint64)
    return halves[:, 0].copy(), halves[:, 1].copy()


class _IdPositions:
    """Pool position of an id, by the ids' 64-bit halves: the first half sorted once, searched
    for every child row; a row whose second half differs (two ids sharing a first half: about
    one database in 10⁹) or that is not in the pool is looked up in ``fallback`` (id → position)."""

    def __init__(self, hi: np.ndarray, lo: np.ndarray, fallback):
        self.hi, self.lo, self.fallback = hi, lo, fallback
        self.order = np.argsort(hi, kind="stable")
        self.sorted_hi = hi[self.order]

    def of_joined(self, joined: str, n: int) -> np.ndarray:
        """Positions (int64, -1: not in the pool) of ``n`` ids joined by spaces."""
        hi, lo = _id_halves(joined, n)
        if n == 0 or self.hi.size == 0:
            return np.full(n, -1, dtype=np.int64)
        # the needles sorted first: numpy's binary search starts from the previous answer
        needles = np.argsort(hi)
        j = np.empty(n, dtype=np.int64)
        j[needles] = np.searchsorted(self.sorted_hi, hi[needles])
        j = np.minimum(j, self.hi.size - 1)
        pos = self.order[j].astype(np.int64)
        bad = np.flatnonzero((self.hi[pos] != hi) | (self.lo[pos] != lo))
        if bad.size:
            index = self.fallback()
            pos[bad] = [index.get(joined[33 * k:33 * k + 32], -1) for k in bad.tolist()]
        return pos

    def of(self, ids: list) -> np.ndarray:
        """Positions of ids as the database returns them (hex text, or UUIDs elsewhere)."""
        try:
            joined = " ".join(ids)  # SQLite's ids are text already
        except TypeError:
            joined = " ".join(_hex(x) for x in ids)
        return self.of_joined(joined, len(ids))


def _columns(rows: list, k: int) -> list[list]:
    """The ``k`` columns of ``rows`` (one list comprehension each: ``zip(*rows)`` over 200,000
    rows costs several times more)."""
    return [[r[j] for r in rows] for j in range(k)]


def _unpack(packed: np.ndarray) -> dict[str, np.ndarray]:
    low = (1 << _DAY_BITS) - 1
    small = packed >> _SMALL_SHIFT
    return {"reg_ord": (packed & low).astype(np.int32), "birth_ord": ((packed >> _DAY_BITS) & low).astype(np.int32),
            "sex": (small & 1).astype(np.int8), "edu": ((small >> 1) & 7).astype(np.int8),
            "status": (((small >> 4) & 15) - 1).astype(np.int8), "height": (small >> 8).astype(np.int16)}


def _hex(value) -> str:
    return value if isinstance(value, str) else uuid.UUID(str(value)).hex


# Rows are re-read from a little before the newest ``updated_at`` seen: a transaction that took
# its timestamp just before another one's but committed after it is not missed.
UPDATE_OVERLAP_S = 5


def _before(stamp, seconds: int):
    """``stamp`` (stored text ``YYYY-MM-DD HH:MM:SS.ffffff``, or a datetime) minus ``seconds``,
    same form; None stays None."""
    from datetime import datetime, timedelta

    if stamp is None or stamp == "":
        return None
    if isinstance(stamp, datetime):
        return stamp - timedelta(seconds=seconds)
    try:
        t = datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    return (t - timedelta(seconds=seconds)).isoformat(" ", "microseconds")


def _after(col, since, name: str = "since"):
    """``col`` (an ``updated_at``) later than the stamp ``since``: stored text on SQLite (compared
    as text, which keeps its index), a datetime where the driver returns one (PostgreSQL)."""
    from datetime import datetime

    if isinstance(since, datetime):
        return col > sa.bindparam(name, since, sa.DateTime)
    return sa.type_coerce(col, sa.String) > sa.bindparam(name, since, sa.String)


def _newer(a, b) -> bool:
    """Stamp ``a`` after stamp ``b`` (None: nothing yet)."""
    return a is not None and (b is None or a > b)


class CandidatePool:
    """The columns of every applicant that matching needs, as numpy arrays, kept current."""

    def __init__(self, db):
        self.db = db
        self.lock = threading.RLock()
        self.loaded = False
        self.n = 0
        self.loads = 0  # full loads so far (tests and the benchmark read these)
        self.load_path: str | None = None  # how the last full load read: "packed" (SQLite) or "rows"
        self.refreshed_rows = 0
        self._max_rowid = 0
        self._max_updated = None
        self._signal_since: dict[str, Any] = {}
        self._cert_cache: dict[str, np.ndarray] = {}
        self._status_cache: dict[tuple, np.ndarray] = {}
        self._exp_day = None
        self._stale_signals: set[str] = set()  # applicant ids (hex) whose signals changed
        self._stamp: tuple | None = None  # ``_stamp_select`` when last current
        self._static: tuple | None = None  # (day, ``static_score``)
        self._sorted: dict = {}  # ``sorted_column`` and ``count``
        self.uuids: dict[str, uuid.UUID] = {}  # hex id → UUID of the candidates handed out so far
        self._with_log: bool | None = None  # the database has the change log (app.core.sync_tracking)
        self._text: dict[int, str] | None = {}
        self._skills: dict[int, str] | None = {}
        self._skills_src: tuple | None = None  # the full load's (skills, positions), until ``skills`` is first read
        self._certs_src: tuple | None = None  # its language rows' (positions, certificates), until ``text`` is
        self._index: dict[str, int] | None = None

    @property
    def index(self) -> dict[str, int]:
        """Id (32 hex digits) → position; made on first use after a full load."""
        if self._index is None:
            self._index = dict(zip(self.ids.tolist(), range(self.n)))
        return self._index

    @index.setter
    def index(self, value: dict[str, int] | None) -> None:
        self._index = value

    @property
    def skills(self) -> dict[int, str]:
        """Position → skills text (lower case), for the applicants with any."""
        if self._skills is None:
            (src, at), self._skills_src = self._skills_src or ([], None), None
            if isinstance(src, str):
                src = src.split(_SEP)
            if at is None:
                self._skills = {i: t.lower() for i, t in enumerate(src) if t}
            else:  # in another order: value j belongs to position at[j]
                at = at.tolist()
                self._skills = {at[j]: t.lower() for j, t in enumerate(src) if t}
        return self._skills

    @skills.setter
    def skills(self, value: dict[int, str]) -> None:
        self._skills, self._skills_src = value, None

    @property
    def text(self) -> dict[int, str]:
        """Position → skills and language certificates (lower case, `` | `` between): where a
        required certificate is looked for. Built on first use: most orders require none."""
        if self._text is None:
            where, certs = self._certs_src or ((), ())
            self._certs_src = None
            if isinstance(certs, str):
                certs = certs.split(_SEP)
            text = dict(self.skills)
            for i, cert in zip(where.tolist() if len(where) else (), certs):
                if cert and i >= 0:
                    text[i] = f"{text[i]} | {cert.lower()}" if i in text else cert.lower()
            self._text = text
        return self._text

    @text.setter
    def text(self, value: dict[int, str]) -> None:
        self._text, self._certs_src = value, None

    # ---- loading ----
    def ensure_current(self) -> None:
        """Load on first use; afterwards re-read only new rows and rows changed since the last
        look (the indexed ``updated_at``, and on SQLite ``rowid`` above the last one seen). Rows
        whose version is unchanged are skipped; deletions (never done by the application) and a
        database that went back in time (a restored backup) force a full load. Not seen: a row
        changed with an ``updated_at`` older than the newest one seen (a sync import keeping the
        other office's times) — ``reload()`` reads everything again."""
        from app.models import Applicant

        with self.lock:
            if not self.loaded:
                self._full_load()
                return
            with self.db.reading() as conn:
                stamp = self._read_stamp(conn)
                if stamp == self._stamp and not self._stale_signals:
                    return  # nothing changed since the last look (a few index look-ups)
                a = Applicant.__table__
                sqlite = conn.dialect.name == "sqlite"
                updated = sa.type_coerce(a.c.updated_at, sa.String)
                top_updated, count = conn.execute(sa.select(sa.func.max(updated), sa.func.count())).one()
                top_rowid = conn.execute(sa.select(sa.func.max(sa.literal_column("rowid"))).select_from(a)).scalar() or 0 \
                    if sqlite else 0
                if top_rowid < self._max_rowid or _newer(self._max_updated, top_updated):
                    self._full_load(conn)  # the file went back in time (a restored backup)
                    return
                if self._stale_signals:
                    stale = [self.index[x] for x in self._stale_signals if x in self.index]
                    self._stale_signals.clear()
                    if stale:
                        self._set_signals(conn, np.array(sorted(stale), dtype=np.int64))
                q = _applicant_select(conn.dialect.name, changes=True)
                found: dict[str, tuple] = {}
                since = _before(self._max_updated, UPDATE_OVERLAP_S)
                if _newer(top_updated, since):
                    where = _after(a.c.updated_at, since) if since is not None else sa.true()
                    found.update((r[0], tuple(r)) for r in conn.execute(q.where(where)))
                if top_rowid > self._max_rowid:  # new rows, whatever their ``updated_at``
                    found.update((r[0], tuple(r)) for r in conn.execute(
                        q.where(sa.literal_column("rowid") > sa.bindparam("rowid", self._max_rowid))))
                rows = [r for r in found.values() if r[0] not in self.index or r[3] != self.version[self.index[r[0]]]]
                if len(rows) > FULL_RELOAD_ABOVE:
                    self._full_load(conn)
                    return
                if rows:
                    self._apply(conn, rows)
                if count != self.n:
                    self._full_load(conn)  # rows were deleted (or, off SQLite, came in unseen)
                    return
                self._max_rowid, self._max_updated = top_rowid, top_updated
                changed, self._signal_since = _signal_changes(conn, self._signal_since)
                where = [self.index[i] for i in changed if i in self.index]
                if where:
                    self._set_signals(conn, np.array(sorted(where), dtype=np.int64))
                self._stamp = stamp

    def _read_stamp(self, conn) -> tuple:
        if self._with_log is None:
            self._with_log = sa.inspect(conn).has_table("sync_log")
        return tuple(conn.execute(_stamp_select(conn.dialect.name, self._with_log)).one())

    def reload(self) -> None:
        with self.lock:
            self._full_load()

    def _full_load(self, conn=None) -> None:
        if conn is None:
            with self.db.reading() as c:
                return self._full_load(c)
        dialect = conn.dialect.name
        # the marks first: on SQLite the first read fixes the snapshot every later one sees; the
        # stamp holds them (the applicants' newest ``updated_at``, the signal tables', the rowid)
        stamp = self._read_stamp(conn)
        top_updated = stamp[0]
        top_rowid = (stamp[1 + len(_SIGNAL_TABLES)] or 0) if dialect == "sqlite" else 0
        self._signal_since = dict(zip(_SIGNAL_TABLES, stamp[1:1 + len(_SIGNAL_TABLES)]))
        loaded = self._load_packed(conn) if dialect == "sqlite" and _PACKED_LOAD else False
        if not loaded:
            self._load_rows(conn)
        self.load_path = "packed" if loaded else "rows"
        self._max_rowid = top_rowid
        self._max_updated = top_updated
        self._stamp = stamp
        self._cert_cache.clear()
        self._exp_day = None
        self.loaded = True
        self.loads += 1

    def _load_rows(self, conn) -> None:
        """Everyone, a row at a time (any dialect; on SQLite the fallback of ``_load_packed``)."""
        from app.models import Applicant

        a = Applicant.__table__
        dialect = conn.dialect.name
        rows = _fetch(conn, _applicant_select(dialect, changes=False).order_by(a.c.created_at, a.c.id))
        n = len(rows)
        ids, created, packed, version, pc, ps, skills = _columns(rows, 7)
        self.n = n
        self.ids = np.array(ids, dtype=object)
        self.created = np.array(created, dtype=object)
        self.index = None
        where = np.arange(n)
        self._set_columns(where, packed, version, pc, ps, skills, new=True)
        self._set_children(where, _fetch(conn, _language_select(dialect)), _fetch(conn, _experience_select(dialect)),
                           fresh=True)
        self._set_signals(conn, where, prefs=(pc, ps))

    def _load_packed(self, conn) -> bool:
        """Everyone on SQLite, each statement as one row of joined strings (see ``_packed_sql``);
        False (nothing changed) when the strings do not hold the rows exactly."""
        if not conn.in_transaction():
            conn.exec_driver_sql("SELECT 1")  # begins the transaction (``BEGIN``, see app/db.py)
        raw = conn.connection.driver_connection
        try:
            (ids_s, created_s, packed_s, version_s, pc_s, ps_s, skills_s), n = _read_packed(raw, "applicants")
            hi, lo = _id_halves(ids_s, n)
            # the rows come in the table's order: ``order`` lists them in tie order (pool position
            # k is table row order[k]); ``inverse`` gives a table row's pool position
            order = _tie_order(created_s, n, hi, lo)
            inverse = np.empty(n, dtype=np.int64)
            inverse[order] = np.arange(n)
            table_ids = ids_s.split(" ") if n else []
            ids_a = np.array(table_ids, dtype=object)[order]
            created_a = np.array(_texts(created_s, n), dtype=object)[order]
            packed, version = _numbers(packed_s, n), _numbers(version_s, n)
            # table order, coded: the distinct lists and each row's index (the masks and the
            # documents signal both work on the few distinct lists)
            pc, ps = documents.code_lists(_texts(pc_s, n)), documents.code_lists(_texts(ps_s, n))
            skills = _joined_texts(skills_s, n)  # split when first needed
            del ids_s, created_s, packed_s, version_s, pc_s, ps_s
            (lang_ids, keys_s, certs_s), n_lang = _read_packed(raw, "languages")
            keys, certs = _texts(keys_s, n_lang), _joined_texts(certs_s, n_lang)
            (exp_ids, exp_s), n_exp = _read_packed(raw, "experience")
            exp_code = _numbers(exp_s, n_exp)
            in_table = _IdPositions(hi, lo, lambda: dict(zip(ids_a[inverse].tolist(), range(n))))

            def positions(ids: list) -> np.ndarray:  # database ids → pool positions (-1: absent)
                found = in_table.of(ids)
                return np.where(found >= 0, inverse[np.maximum(found, 0)], -1)

            lang_pos = in_table.of_joined(lang_ids, n_lang)
            exp_pos = in_table.of_joined(exp_ids, n_exp)
        except _NotPacked:
            return False
        self.n = n
        self.ids, self.created = ids_a, created_a
        self.index = None  # made on first use (``index``): the first match does not need it
        where = np.arange(n)
        self._set_columns(where, packed, version, pc, ps, skills, new=True, order=order, inverse=inverse)
        distinct = {k: _language_code(k) for k in set(keys)}
        lang_code = np.fromiter(map(distinct.__getitem__, keys), dtype=np.int64, count=n_lang)
        lang_pos = np.where(lang_pos >= 0, inverse[np.maximum(lang_pos, 0)], -1)
        # jobs in other sectors (negative values): dropped, as ``_experience_select`` does
        exp_pos = np.where((exp_pos >= 0) & (exp_code >= 0), inverse[np.maximum(exp_pos, 0)], -1)
        self._set_child_arrays(where, lang_pos, lang_code, certs, exp_pos, exp_code, full=True, fresh=True)
        # the documents signal in table order (the preference lists are), then in tie order
        self.docs[:] = _document_completeness(conn, table_ids, index=in_table.of, prefs=(pc, ps))[order]
        attend, test = _training_signal(conn, self.ids.tolist(), index=positions)
        self.attend[:] = attend
        self.test[:] = test
        self._static = None
        self._sorted = {}
        return True

    def _set_columns(self, where: np.ndarray, packed, version, pc, ps, skills, *, new: bool,
                     order: np.ndarray | None = None, inverse: np.ndarray | None = None) -> None:
        """Fill the scalar columns of positions ``where`` from the packed values, versions,
        preference lists and skills (text or None; same order). With ``order`` (a full load:
        ``where`` is every position) the values come in another order: position k holds value
        ``order[k]``, and value j goes to position ``inverse[j]``."""
        k = len(packed)

        def placed(values: np.ndarray) -> np.ndarray:
            return values if order is None else values[order]

        def integers(values) -> np.ndarray:
            if isinstance(values, np.ndarray):
                return values.astype(np.int64, copy=False)
            return np.fromiter(values, dtype=np.int64, count=k)

        lang_n, sect_n = len(_languages()), len(_sectors())
        if new:
            self.sex = np.zeros(self.n, dtype=np.int8)
            self.birth_ord = np.zeros(self.n, dtype=np.int32)
            self.reg_ord = np.zeros(self.n, dtype=np.int32)
            self.edu = np.zeros(self.n, dtype=np.int8)
            self.height = np.zeros(self.n, dtype=np.int16)
            self.status = np.zeros(self.n, dtype=np.int8)
            self.version = np.zeros(self.n, dtype=np.int64)
            self.pref_c = np.zeros(self.n, dtype=np.int64)
            self.pref_s = np.zeros(self.n, dtype=np.int64)
            # per language / per sector one contiguous row over all applicants
            self.lang = np.full((lang_n, self.n), -1, dtype=np.int8)
            self.exp_closed = np.zeros((sect_n, self.n), dtype=np.int32)
            self.exp_open_n = np.zeros((sect_n, self.n), dtype=np.int32)
            self.exp_open_start = np.zeros((sect_n, self.n), dtype=np.int64)
            self.docs = np.full(self.n, np.nan)
            self.attend = np.full(self.n, np.nan)
            self.test = np.full(self.n, np.nan)
            self.text = {}
            self.skills = {}
        if k == 0:
            return
        for name, values in _unpack(placed(integers(packed))).items():
            getattr(self, name)[where] = values
        self._status_cache.clear()
        self._static = None
        self._sorted = {}
        self.version[where] = placed(integers(version))
        # few distinct preference lists: each one's bit mask once (the lists may come coded:
        # ``documents.code_lists``)
        for target, texts, codes in ((self.pref_c, pc, _countries()), (self.pref_s, ps, _sectors())):
            ix = {c: i for i, c in enumerate(codes)}
            if isinstance(texts, tuple):
                distinct, at = texts
                masks = np.array([_mask(t or "", ix) for t in distinct], dtype=np.int64)
                target[where] = placed(masks[at])
                continue
            masks = {t: _mask(t or "", ix) for t in set(texts)}
            target[where] = placed(np.fromiter(map(masks.__getitem__, texts), dtype=np.int64, count=k))
        if new:  # ``where`` is every position: the dict is made when first needed
            self._skills, self._skills_src = None, (skills if isinstance(skills, str) else list(skills), inverse)
            return
        for i, text in zip(where.tolist(), skills):
            if text:
                self.skills[i] = text.lower()
            else:
                self.skills.pop(i, None)

    def _set_children(self, where: np.ndarray, langs: list, exps: list, *, fresh: bool = False) -> None:
        """Languages, certificates and experience of positions ``where`` (their old values reset)
        from the rows of ``_language_select`` and ``_experience_select``."""
        index = self.index

        def positions(aids):
            try:  # every child row's applicant is in the pool (same snapshot, foreign key)
                return np.fromiter(map(index.__getitem__, aids), dtype=np.int64, count=len(aids))
            except KeyError:
                return np.fromiter((index.get(x, -1) for x in aids), dtype=np.int64, count=len(aids))

        aids, keys, certs = _columns(langs, 3)
        known = _language_codes()
        lang_code = np.fromiter((known.get(k) or _language_code(k) for k in keys), dtype=np.int64, count=len(keys))
        exp_aids, exp_code = _columns(exps, 2)
        self._set_child_arrays(where, positions(aids), lang_code, certs, positions(exp_aids),
                               np.fromiter(exp_code, dtype=np.int64, count=len(exp_code)),
                               full=len(where) == self.n, fresh=fresh)

    def _set_child_arrays(self, where: np.ndarray, lang_pos: np.ndarray, lang_code: np.ndarray, certs: list,
                          exp_pos: np.ndarray, exp_code: np.ndarray, *, full: bool, fresh: bool = False) -> None:
        """Languages (pool position and ``_language_codes`` code of each row, with its
        certificate) and experience (position and ``_experience_select``'s packed value of each
        row) of positions ``where``, their old values reset (unless ``fresh``: a full load's
        arrays are new); a position of -1 is skipped. ``certs`` may be the full load's
        certificates joined by U+001F (split when first needed)."""
        if not fresh:
            self.lang[:, where] = -1
            self.exp_closed[:, where] = 0
            self.exp_open_n[:, where] = 0
            self.exp_open_start[:, where] = 0
        if lang_pos.size:
            keep = lang_pos >= 0
            ai, code = lang_pos[keep], lang_code[keep]
            _at(np.maximum, self.lang, code >> 6, ai, ((code & 63) - 1).astype(np.int8))
        texts: dict[int, list[str]] = {}
        if full:  # the text of certificates is made when first needed
            self._text, self._certs_src = None, (lang_pos, certs)
        else:
            for i, cert in zip(lang_pos.tolist(), certs):
                if cert and i >= 0:
                    texts.setdefault(i, []).append(cert.lower())
        if exp_pos.size:
            keep = exp_pos >= 0
            ai, code = exp_pos[keep], exp_code[keep]
            low = (1 << _DAY_BITS) - 1
            si = code >> _SMALL_SHIFT
            start = (code >> _DAY_BITS) & low
            end = code & low
            has_end = end != 0
            _at(np.add, self.exp_closed, si[has_end], ai[has_end],
                np.maximum(0, end[has_end] - start[has_end]).astype(self.exp_closed.dtype))
            _at(np.add, self.exp_open_n, si[~has_end], ai[~has_end], 1)
            _at(np.add, self.exp_open_start, si[~has_end], ai[~has_end],
                start[~has_end].astype(self.exp_open_start.dtype))
        for i in ([] if full else where.tolist()):
            parts = [self.skills[i]] if i in self.skills else []
            parts += texts.get(i, [])
            if parts:
                self.text[i] = " | ".join(parts)
            else:
                self.text.pop(i, None)
        self._exp_day = None
        self._status_cache.clear()
        self._static = None
        self._sorted = {}

    def _set_signals(self, conn, where: np.ndarray, *, prefs=None) -> None:
        """The documents and training signals of positions ``where`` (the row loader passes
        everyone with the preference lists it read: ``prefs``)."""
        ids = self.ids[where].tolist()
        if prefs is not None:  # everyone, in pool order: the full load
            self.docs[where] = _document_completeness(conn, ids, index=self.index, prefs=prefs)
            attend, test = _training_signal(conn, ids, index=self.index)
        else:
            self.docs[where] = _document_completeness(conn, ids)
            attend, test = _training_signal(conn, ids)
        self.attend[where] = attend
        self.test[where] = test
        self._static = None
        self._sorted = {}

    def _apply(self, conn, rows: list) -> None:
        """Changed and new applicant rows (``_applicant_select(changes=True)``): update in place,
        append, keep the tie order."""
        from app.models import ApplicantLanguage, WorkExperience

        known = [r for r in rows if r[0] in self.index]
        new = [r for r in rows if r[0] not in self.index]
        resort = any(self.created[self.index[r[0]]] != r[1] for r in known)
        if new:
            new.sort(key=lambda r: (r[1], r[0]))
            if self.n and (new[0][1], new[0][0]) < (self.created[-1], self.ids[-1]):
                resort = True  # e.g. rows of another office with earlier registration times
            old_n = self.n
            self.n = old_n + len(new)
            self._grow(len(new))
            self.ids = np.concatenate([self.ids, np.array([r[0] for r in new], dtype=object)])
            self.created = np.concatenate([self.created, np.array([r[1] for r in new], dtype=object)])
            for j, r in enumerate(new):
                self.index[r[0]] = old_n + j
        touched = known + new
        where = np.array([self.index[r[0]] for r in touched], dtype=np.int64)
        for j, r in enumerate(known):  # a changed registration time (sync import) moves the row
            self.created[where[j]] = r[1]
        _ids, _created, packed, version, pc, ps, skills, _updated = _columns(touched, 8)
        self._set_columns(where, packed, version, pc, ps, skills, new=False)
        dialect = conn.dialect.name
        ids = [uuid.UUID(r[0]) for r in touched]
        langs, exps = [], []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            langs += conn.execute(_language_select(dialect).where(
                ApplicantLanguage.__table__.c.applicant_id.in_(chunk))).all()
            exps += conn.execute(_experience_select(dialect).where(
                WorkExperience.__table__.c.applicant_id.in_(chunk))).all()
        self._set_children(where, langs, exps)
        self._set_signals(conn, where)
        self.refreshed_rows += len(rows)
        for needle, mask in self._cert_cache.items():
            if len(mask) != self.n:
                mask = np.concatenate([mask, np.zeros(self.n - len(mask), dtype=bool)])
            mask[where] = [needle in self.text.get(i, "") for i in where.tolist()]
            self._cert_cache[needle] = mask
        if resort:
            self._resort()


    _COLUMNS = ("sex", "birth_ord", "reg_ord", "edu", "height", "status", "version", "pref_c", "pref_s", "docs",
                "attend", "test")
    _MATRICES = ("lang", "exp_closed", "exp_open_n", "exp_open_start")

    def _grow(self, k: int) -> None:
        self._static = None
        self._sorted = {}
        for name in (*self._COLUMNS, *self._MATRICES):
            a = getattr(self, name)
            shape = (a.shape[0], k) if name in self._MATRICES else (k,)
            pad = np.full(shape, -1 if name == "lang" else (np.nan if a.dtype.kind == "f" else 0), dtype=a.dtype)
            setattr(self, name, np.concatenate([a, pad], axis=a.ndim - 1))

    def _resort(self) -> None:
        text, skills = self.text, self.skills  # made from the old positions, before they move
        order = sorted(range(self.n), key=lambda i: (self.created[i], self.ids[i]))
        perm = np.array(order, dtype=np.int64)
        inverse = np.empty_like(perm)
        inverse[perm] = np.arange(self.n)
        for name in ("ids", "created", *self._COLUMNS):
            setattr(self, name, getattr(self, name)[perm])
        for name in self._MATRICES:
            setattr(self, name, getattr(self, name)[:, perm])
        self._status_cache.clear()
        self._static = None
        self._sorted = {}
        self.index = {aid: i for i, aid in enumerate(self.ids.tolist())}
        self.text = {int(inverse[i]): t for i, t in text.items()}
        self.skills = {int(inverse[i]): t for i, t in skills.items()}
        self._cert_cache = {k: v[perm] for k, v in self._cert_cache.items()}
        self._exp_day = None

    # ---- derived columns ----
    def static_score(self, day: date) -> np.ndarray:
        """Everyone's sum of the parts that do not depend on the order (``STATIC_PARTS``), on
        ``day``; made again after any change of the arrays."""
        if self._static is None or self._static[0] != day:
            cols = {"attend": self.attend, "test": self.test, "docs": self.docs, "reg_ord": self.reg_ord}
            self._static = (day, _score(_static_parts(cols, day), STATIC_PARTS))
        return self._static[1]

    def column_of(self, key: tuple, day: date) -> np.ndarray:
        """The column a ``sorted_column`` key names."""
        if key[0] == "lang":
            return self.lang[key[1]]
        if key[0] == "exp":
            return self.experience_days(day)[key[1]]
        return getattr(self, key[0])

    def sorted_column(self, key: tuple, day: date) -> tuple[np.ndarray, np.ndarray]:
        """(values sorted, positions in that order) of a column; made once, dropped on any change
        (experience: per day)."""
        full = (*key, day) if key[0] == "exp" else key
        found = self._sorted.get(full)
        if found is None:
            column = self.column_of(key, day)
            order = np.argsort(column, kind="stable")
            found = self._sorted[full] = (column[order], order)
        return found

    def count(self, key: tuple, mask: np.ndarray) -> int:
        """``count_nonzero(mask)``, kept with the sorted columns."""
        found = self._sorted.get(key)
        if found is None:
            found = self._sorted[key] = int(np.count_nonzero(mask))
        return found

    def experience_days(self, day: date) -> np.ndarray:
        """Days of experience per (applicant, sector) on ``day`` (jobs without an end run to it)."""
        if self._exp_day != day:
            # the open jobs only (a fraction of the cells): the rest is the closed jobs' days
            exp = self.exp_closed.copy()
            sector, row = np.nonzero(self.exp_open_n)
            exp[sector, row] += (self.exp_open_n[sector, row].astype(np.int64) * day.toordinal()
                                 - self.exp_open_start[sector, row]).astype(np.int32)
            self._exp = exp
            self._exp_day = day
        return self._exp

    def certificate_mask(self, needle: str) -> np.ndarray:
        needle = needle.lower()
        mask = self._cert_cache.get(needle)
        if mask is None:
            mask = np.zeros(self.n, dtype=bool)
            hits = [i for i, t in self.text.items() if needle in t]
            mask[hits] = True
            self._cert_cache[needle] = mask
        return mask

    def status_ok(self, statuses: Iterable[str]) -> np.ndarray:
        """Mask of the applicants whose status is one of ``statuses`` (cached until rows change)."""
        key = tuple(sorted(set(statuses)))
        mask = self._status_cache.get(key)
        if mask is None:
            mask = self._status_cache[key] = _statuses_ok(key)[self.status]
        return mask

    def status_fail(self, statuses: Iterable[str]) -> np.ndarray:
        """``~status_ok(statuses)``, cached alike."""
        key = ("not", *sorted(set(statuses)))
        mask = self._status_cache.get(key)
        if mask is None:
            mask = self._status_cache[key] = ~self.status_ok(statuses)
        return mask

    def columns(self, rows, day: date, lang: int, sector: int,
                statuses: Iterable[str] = CANDIDATE_STATUSES) -> dict[str, np.ndarray]:
        """The columns ``_failures`` and ``_parts`` read, for positions ``rows`` (a slice or an
        index array), with the level of language ``lang`` and the days in ``sector``."""
        return {"status_ok": self.status_ok(statuses)[rows], "status_fail": self.status_fail(statuses)[rows],
                "status": self.status[rows], "sex": self.sex[rows], "birth_ord": self.birth_ord[rows],
                "edu": self.edu[rows], "height": self.height[rows], **self.part_columns(rows, day, lang, sector)}

    def part_columns(self, rows, day: date, lang: int, sector: int) -> dict[str, np.ndarray]:
        return {"reg_ord": self.reg_ord[rows], "pref_c": self.pref_c[rows], "pref_s": self.pref_s[rows],
                "level": self.lang[max(lang, 0)][rows], "exp": self.experience_days(day)[sector][rows],
                "docs": self.docs[rows], "attend": self.attend[rows], "test": self.test[rows]}

    def applicant_columns(self, i: int, day: date, langs: np.ndarray, sectors: np.ndarray,
                          statuses: Iterable[str] = CANDIDATE_STATUSES) -> dict[str, np.ndarray]:
        """One applicant's columns (shape 1) with its level and days for each order (shape m)."""
        one = slice(i, i + 1)
        return {"status_ok": self.status_ok(statuses)[one], "status": self.status[one], "sex": self.sex[one], "birth_ord": self.birth_ord[one],
                "edu": self.edu[one], "height": self.height[one], "reg_ord": self.reg_ord[one],
                "pref_c": self.pref_c[one], "pref_s": self.pref_s[one],
                "level": self.lang[:, i][np.maximum(langs, 0)], "exp": self.experience_days(day)[:, i][sectors],
                "docs": self.docs[one], "attend": self.attend[one], "test": self.test[one]}


_EPOCH_ORD = date(1970, 1, 1).toordinal()


_POOL_MADE = threading.Lock()


def pool_for(db) -> CandidatePool:
    """The process's pool for ``db`` (made on first use, loaded on the first match or by
    ``preload``)."""
    pool = getattr(db, "_matching_pool", None)
    if pool is None:
        with _POOL_MADE:  # the preloading thread and the GUI thread make one pool between them
            pool = getattr(db, "_matching_pool", None)
            if pool is None:
                pool = db._matching_pool = CandidatePool(db)
    return pool


def preload(db) -> bool:
    """Load the candidate arrays ahead of the first match (the GUI runs this on a worker thread
    a moment after a supervisor or an administrator signs in; a match asked for meanwhile waits
    for it instead of loading again). False when they were loaded already."""
    pool = pool_for(db)
    with pool.lock:
        if pool.loaded:
            return False
        pool.ensure_current()
        _ = pool.index  # the id dict too: the first match does not need it, one applicant's orders do
        return True


# --- criteria of orders -------------------------------------------------------------------------

@dataclass(frozen=True)
class Criteria:
    """A job order's requirements as the engine reads them (codes turned into indexes)."""

    order_id: str
    order_number: str
    country: str
    sector: str
    sex: int  # -1 any, 0 L, 1 P
    age_min: int
    age_max: int  # NO_MAX_AGE when none
    edu_min: int  # education rank, 0 when none
    education_code: str | None
    lang: int  # language index, -1 when none
    lang_min: int  # level index, -1 when none
    language_code: str | None
    language_level: str | None
    height_min: int  # 0 when none
    exp_years: int
    certificates: tuple[str, ...]
    country_bit: int
    sector_bit: int
    sector_ix: int

    @classmethod
    def of(cls, order) -> "Criteria":
        langs = reference.languages()
        lang_codes = _languages()
        sectors = _sectors()
        countries = _countries()
        lc, ll = order.language_code, order.language_min_level
        lang_ix = lang_codes.index(lc) if lc in lang_codes else -1
        lvl = langs[lc].levels.index(ll) if lang_ix >= 0 and ll in langs[lc].levels else -1
        certs = order.required_certificates
        if isinstance(certs, str):
            certs = [c for c in certs.split(",") if c]
        sector_ix = sectors.index(order.sector) if order.sector in sectors else 0
        country_ix = countries.index(order.country) if order.country in countries else None
        return cls(
            order_id=order.id.hex if isinstance(order.id, uuid.UUID) else str(order.id),
            order_number=order.order_number, country=order.country, sector=order.sector,
            sex={"L": 0, "P": 1}.get(order.req_sex or "", -1), age_min=int(order.age_min or 0),
            age_max=int(order.age_max) if order.age_max is not None else NO_MAX_AGE,
            edu_min=reference.education_rank(order.min_education) if order.min_education else 0,
            education_code=order.min_education, lang=lang_ix, lang_min=lvl if lang_ix >= 0 else -1,
            language_code=lc if lang_ix >= 0 else None, language_level=ll if lang_ix >= 0 else None,
            height_min=int(order.min_height_cm or 0), exp_years=int(order.min_experience_years or 0),
            certificates=tuple(certs), country_bit=(1 << country_ix) if country_ix is not None else 0,
            sector_bit=1 << sector_ix if order.sector in sectors else 0, sector_ix=sector_ix,
        )


_CRIT_FIELDS = ("sex", "edu_min", "lang", "lang_min", "height_min", "exp_years", "country_bit", "sector_bit",
                "sector_ix")


def _born_by(day: date, years: int) -> int:
    """Ordinal of the latest birth date of someone at least ``years`` old on ``day``."""
    try:
        return date(day.year - years, day.month, day.day).toordinal()
    except ValueError:  # 29 February on a year without it
        return date(day.year - years, 3, 1).toordinal() - 1


def _age_bounds(c: Criteria, day: date) -> tuple[int, int]:
    """(born on or before: old enough; born on or before: too old, 0 without a maximum)."""
    return _born_by(day, c.age_min), (_born_by(day, c.age_max + 1) if c.age_max != NO_MAX_AGE else 0)


def _criteria_arrays(crits: list[Criteria], day: date) -> dict[str, np.ndarray]:
    out = {k: np.array([getattr(c, k) for c in crits], dtype=np.int64) for k in _CRIT_FIELDS}
    bounds = [_age_bounds(c, day) for c in crits]
    out["born_by"] = np.array([b[0] for b in bounds], dtype=np.int64)
    out["too_old_by"] = np.array([b[1] for b in bounds], dtype=np.int64)
    return out


def _criteria_scalars(c: Criteria, day: date) -> dict[str, Any]:
    out = {k: getattr(c, k) for k in _CRIT_FIELDS}
    out["born_by"], out["too_old_by"] = _age_bounds(c, day)
    return out


# --- the evaluation (both directions) -----------------------------------------------------------

def _applies(value, absent) -> bool:
    """False when a scalar requirement is absent (its filter is skipped: nobody fails it)."""
    return np.ndim(value) > 0 or value != absent


def _failures(cols, crit) -> dict[str, np.ndarray]:
    """Filter name → mask of rows that fail it, for the filters that apply (certificates are
    added by the caller)."""
    out = {"status": cols["status_fail"] if "status_fail" in cols else ~cols["status_ok"]}
    if _applies(crit["sex"], -1):
        out["sex"] = _guard(crit["sex"] >= 0, cols["sex"] != crit["sex"])
    out["age"] = (cols["birth_ord"] > crit["born_by"])
    if _applies(crit["too_old_by"], 0):
        out["age"] |= cols["birth_ord"] <= crit["too_old_by"]
    if _applies(crit["edu_min"], 0):
        out["education"] = cols["edu"] < crit["edu_min"]
    if _applies(crit["lang"], -1):
        out["language"] = _guard(crit["lang"] >= 0, cols["level"] < crit["lang_min"])
    if _applies(crit["height_min"], 0):
        out["height"] = _guard(crit["height_min"] > 0, cols["height"] < crit["height_min"])
    if _applies(crit["exp_years"], 0):
        # whole days below the (fractional) years: compare with the next whole day, in integers
        need = np.ceil(np.asarray(crit["exp_years"]) * DAYS_PER_YEAR).astype(np.int64)
        out["experience"] = _guard(crit["exp_years"] > 0, cols["exp"] < need)
    return out


def _guard(applies, fails: np.ndarray) -> np.ndarray:
    """``applies & fails``, without a pass over the rows when ``applies`` is one value (one order)."""
    if np.ndim(applies) == 0:
        return fails if applies else np.zeros(np.shape(fails), dtype=bool)
    return applies & fails


def _signal(a):
    return np.where(np.isnan(a), NEUTRAL, a)


def _waiting(reg_ord, day: date):
    return np.minimum(1.0, np.maximum(0, day.toordinal() - reg_ord) / WAITING_FULL_DAYS)


def _static_parts(cols, day: date) -> dict[str, np.ndarray]:
    """The parts that do not depend on the order (``STATIC_PARTS``)."""
    return {"attendance": _signal(cols["attend"]), "test": _signal(cols["test"]), "documents": _signal(cols["docs"]),
            "waiting": _waiting(cols["reg_ord"], day)}


def _order_parts(cols, crit) -> dict[str, np.ndarray]:
    """The parts that depend on the order: language, experience, preference."""
    level = cols["level"]
    has_req = crit["lang"] >= 0
    language = np.where(has_req, np.minimum(1.0, np.maximum(0, level - crit["lang_min"]) / LANGUAGE_FULL_STEPS), 0.0)
    experience = np.minimum(1.0, (cols["exp"] / DAYS_PER_YEAR) / EXPERIENCE_FULL_YEARS)
    preference = 0.5 * ((cols["pref_c"] & crit["country_bit"]) != 0) + 0.5 * ((cols["pref_s"] & crit["sector_bit"]) != 0)
    return {"language": language, "experience": experience, "preference": preference}


def _parts(cols, crit, day: date) -> dict[str, np.ndarray]:
    """Each soft part in [0, 1] (see WEIGHTS)."""
    parts = {**_order_parts(cols, crit), **_static_parts(cols, day)}
    return {n: parts[n] for n in WEIGHTS}


# The score is summed in this order (the reference implementation does the same): the parts that
# do not depend on the order first, so their sum is made once per day for everyone
# (``CandidatePool.static_score``) and each order adds only its own three.
SUM_ORDER = ("attendance", "test", "documents", "waiting", "language", "experience", "preference")
STATIC_PARTS = SUM_ORDER[:4]


def _score(parts: dict[str, np.ndarray], names: Iterable[str] = SUM_ORDER, start=0.0):
    total = start
    for name in names:
        total = total + WEIGHTS[name] * parts[name]
    return total


# --- results ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reason:
    """One failed requirement: a code of the message catalogue and its values."""

    filter: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return render(self.code, "id", **self.params)

    @property
    def message_en(self) -> str:
        return render(self.code, "en", **self.params)

    def to_dict(self) -> dict[str, Any]:
        return {"filter": self.filter, "code": self.code, "message": self.message, "message_en": self.message_en}


@dataclass
class Candidate:
    applicant_id: uuid.UUID
    rank: int | None  # 1-based among those who pass; None for one who fails
    score: float
    parts: dict[str, float]  # points per part (weight × part)
    reasons: list[Reason] = field(default_factory=list)
    registration_number: str = ""
    full_name: str = ""
    status: str = ""
    registered_at: str = ""

    @property
    def passed(self) -> bool:
        return not self.reasons

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "applicant_id": str(self.applicant_id),
                "registration_number": self.registration_number, "full_name": self.full_name,
                "status": self.status, "score": round(self.score, 2),
                "parts": {k: round(v, 2) for k, v in self.parts.items()},
                "reasons": [r.to_dict() for r in self.reasons]}


@dataclass
class OrderMatch:
    order_id: uuid.UUID
    order_number: str
    day: date
    total: int  # applicants looked at
    passed: int  # who meet every requirement
    failed_by: dict[str, int]  # filter → applicants failing it
    candidates: list[Candidate]  # the top ones, ranked
    near_misses: list[Candidate]  # failing exactly one requirement (not the status), best first
    elapsed_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"order_id": str(self.order_id), "order_number": self.order_number, "day": self.day.isoformat(),
                "total": self.total, "passed": self.passed, "failed_by": self.failed_by,
                "weights": WEIGHTS, "candidates": [c.to_dict() for c in self.candidates],
                "near_misses": [c.to_dict() for c in self.near_misses]}


class OrderFit:
    """One open order for one applicant: the score (and its parts) and what is missing.

    The parts and the reasons are built when first read: the counter screen shows a page of
    them, while the ranking of a thousand orders needs only the arrays."""

    __slots__ = ("order_id", "order_number", "employer", "country", "sector", "position", "deadline", "score",
                 "_j", "_parts", "_failed", "_row", "_crit", "_day", "_reasons")

    def __init__(self, info: tuple, score: float, j: int, parts, failed: tuple, row, crit, day):
        (self.order_id, self.order_number, self.employer, self.country, self.sector, self.position,
         self.deadline) = info
        self.score = score
        self._j, self._parts, self._failed, self._row, self._crit, self._day = j, parts, failed, row, crit, day
        self._reasons = None

    @property
    def parts(self) -> dict[str, float]:
        return {n: WEIGHTS[n] * float(self._parts[n][self._j]) for n in WEIGHTS}

    @property
    def reasons(self) -> list[Reason]:
        if self._reasons is None:
            self._reasons = _reasons(self._failed, _row_values(self._row, self._j), self._crit, self._day) \
                if self._failed else []
        return self._reasons

    @property
    def missing_count(self) -> int:
        return len(self._failed)

    @property
    def qualifies(self) -> bool:
        return not self._failed

    def to_dict(self) -> dict[str, Any]:
        return {"order_id": str(self.order_id), "order_number": self.order_number, "employer": self.employer,
                "country": self.country, "sector": self.sector, "position": self.position,
                "deadline": self.deadline.isoformat() if self.deadline else None,
                "score": round(self.score, 2), "parts": {k: round(v, 2) for k, v in self.parts.items()},
                "missing": [r.to_dict() for r in self.reasons]}


@dataclass
class ApplicantMatch:
    applicant_id: uuid.UUID
    day: date
    qualifies: list[OrderFit]  # best first
    missing: list[OrderFit]  # the other open orders with what is missing, fewest gaps first

    def to_dict(self) -> dict[str, Any]:
        return {"applicant_id": str(self.applicant_id), "day": self.day.isoformat(),
                "qualifies": [o.to_dict() for o in self.qualifies], "missing": [o.to_dict() for o in self.missing]}


# --- reasons ------------------------------------------------------------------------------------

def _names(table: dict[str, Any], code: str | None, lang_name=("name_id", "name_en")) -> tuple[str, str]:
    item = table.get(code) if code else None
    if item is None:
        return (code or "-", code or "-")
    if isinstance(item, tuple):
        return item[1], item[2]
    return getattr(item, lang_name[0]), getattr(item, lang_name[1])


@lru_cache(maxsize=None)
def _education_by_rank() -> dict[int, str]:
    out: dict[int, str] = {}
    for code, (rank, _i, _e) in reference.education_levels().items():
        out.setdefault(rank, code)
    return out


def _reasons(failed: Iterable[str], row: dict[str, Any], c: Criteria, day: date) -> list[Reason]:
    """Readable reasons for one applicant (``row``: its scalar columns) failing ``failed``."""
    out: list[Reason] = []
    for f in failed:
        if f == "status":
            st = STATUSES[int(row["status"])] if 0 <= int(row["status"]) < len(STATUSES) else "?"
            n = STATUS_NAMES.get(st, (st, st))
            out.append(Reason(f, "match_status", {"status_id": n[0], "status_en": n[1]}))
        elif f == "sex":
            out.append(Reason(f, "match_sex", {"sex": "P" if row["sex"] else "L", "required": "P" if c.sex else "L"}))
        elif f == "age":
            age = age_on(date.fromordinal(int(row["birth_ord"])), day)
            if c.age_max == NO_MAX_AGE:
                out.append(Reason(f, "match_age_min", {"age": age, "min": c.age_min}))
            else:
                out.append(Reason(f, "match_age", {"age": age, "min": c.age_min, "max": c.age_max}))
        elif f == "education":
            out.append(Reason(f, "match_education", {"level": _education_by_rank().get(int(row["edu"]), "-"),
                                                     "required": c.education_code}))
        elif f == "language":
            lang = reference.languages()[c.language_code]
            level = int(row["level"])
            if level < 0:
                out.append(Reason(f, "match_language_missing", {"language_id": lang.name_id, "language_en": lang.name_en,
                                                                "required": c.language_level}))
            else:
                out.append(Reason(f, "match_language_level", {"language_id": lang.name_id, "language_en": lang.name_en,
                                                              "level": lang.levels[level], "required": c.language_level}))
        elif f == "height":
            if int(row["height"]) <= 0:
                out.append(Reason(f, "match_height_unknown", {"required": c.height_min}))
            else:
                out.append(Reason(f, "match_height", {"height": int(row["height"]), "required": c.height_min}))
        elif f == "experience":
            s = reference.sectors().get(c.sector)
            years = int(row["exp"]) / DAYS_PER_YEAR
            shown = f"{math.floor(years * 10) / 10:g}"
            out.append(Reason(f, "match_experience", {
                "sector_id": s.name_id.lower() if s else c.sector, "sector_en": s.name_en.lower() if s else c.sector,
                "years_id": shown.replace(".", ","), "years_en": shown, "required": c.exp_years}))
        elif f.startswith("certificate:"):
            out.append(Reason("certificates", "match_certificate", {"certificate": f.split(":", 1)[1]}))
    return out


def _row_values(cols: dict[str, np.ndarray], i: int) -> dict[str, Any]:
    """Position ``i`` of every column; a column of one value (one applicant) gives that value."""
    return {k: (v[0] if v.shape[0] == 1 else v[i]) for k, v in cols.items()}


# --- candidates for one order -------------------------------------------------------------------

def _statuses_ok(statuses: Iterable[str]) -> np.ndarray:
    ok = np.zeros(len(STATUSES) + 1, dtype=bool)  # the last one: an unknown status (-1)
    ix = _status_index()
    for s in statuses:
        if s in ix:
            ok[ix[s]] = True
    return ok


def rank_pool(pool: CandidatePool, crit: Criteria, day: date, *, top: int | None = 50,
              near: int = 0, statuses: Iterable[str] = CANDIDATE_STATUSES) -> OrderMatch:
    """Rank the pool's applicants for ``crit`` (the pool is read as it is; no database access)."""
    t = time.perf_counter()
    scalars = _criteria_scalars(crit, day)
    if not near:  # the failures counted on sorted columns, the filters checked on the fewest rows
        passing, failed_by = _passing(pool, crit, scalars, day, statuses)
        ranked, scores, parts = _rank_rows(pool, passing, crit, scalars, day, top)
        return OrderMatch(uuid.UUID(crit.order_id), crit.order_number, day, pool.n, int(passing.size), failed_by,
                          _candidates(pool, ranked, scores, parts), [], (time.perf_counter() - t) * 1000)
    cols = pool.columns(slice(None), day, crit.lang, crit.sector_ix, statuses)
    fails = _failures(cols, scalars)
    failed_by = {f: int(np.count_nonzero(fails[f])) if f in fails else 0 for f in FILTERS}
    any_fail = np.zeros(pool.n, dtype=bool)
    for m in fails.values():
        any_fail |= m
    cert_fail = np.zeros(pool.n, dtype=bool)
    for cert in crit.certificates:
        fails[f"certificate:{cert}"] = m = ~pool.certificate_mask(cert)
        cert_fail |= m
    any_fail |= cert_fail
    failed_by["certificates"] = int(np.count_nonzero(cert_fail))
    passing = np.flatnonzero(~any_fail)  # ascending = tie order
    ranked, scores, parts = _rank_rows(pool, passing, crit, scalars, day, top)
    candidates = _candidates(pool, ranked, scores, parts)
    near_list: list[Candidate] = []
    if near:
        nfail = np.zeros(pool.n, dtype=np.int8)
        for m in fails.values():
            nfail += m
        close = np.flatnonzero((nfail == 1) & cols["status_ok"])
        n_ranked, n_scores, n_parts = _rank_rows(pool, close, crit, scalars, day, near)
        for k, (i, s) in enumerate(zip(n_ranked.tolist(), n_scores.tolist())):
            failed = [f for f, m in fails.items() if m[i]]
            near_list.append(_candidate(pool, i, None, s, {n: float(p[k]) for n, p in n_parts.items()},
                                        _reasons(failed, _row_values(cols, i), crit, day)))
    return OrderMatch(uuid.UUID(crit.order_id), crit.order_number, day, pool.n, int(passing.size), failed_by,
                      candidates, near_list, (time.perf_counter() - t) * 1000)


def _passing(pool: CandidatePool, crit: Criteria, c: dict, day: date, statuses) -> tuple[np.ndarray, dict]:
    """(positions passing every filter, ascending; failures per filter) for one order, as
    ``_failures`` defines them: each range filter's failures are counted by two binary searches
    on the column sorted once (``CandidatePool.sorted_column``), and only the rows in the
    narrowest range are checked against the other filters."""
    n = pool.n
    failed_by = dict.fromkeys(FILTERS, 0)
    status_ok = pool.status_ok(statuses)
    failed_by["status"] = n - pool.count(("status", *sorted(set(statuses))), status_ok)
    ranges: list[tuple[str, tuple, int, int]] = []  # (filter, column key, first, end) in the sorted column

    def between(name: str, key: tuple, low, high, *, low_side="left") -> None:
        values, _order = pool.sorted_column(key, day)
        lo = 0 if low is None else _search(values, low, low_side)
        hi = n if high is None else _search(values, high, "right")
        hi = max(lo, hi)
        failed_by[name] = n - (hi - lo)
        ranges.append((name, key, lo, hi))

    if c["sex"] >= 0:
        between("sex", ("sex",), c["sex"], c["sex"])
    # passes: born after the date for too old (when there is a maximum), on or before the date
    # for the minimum age
    between("age", ("birth_ord",), c["too_old_by"] if c["too_old_by"] != 0 else None, c["born_by"],
            low_side="right")
    if c["edu_min"] != 0:
        between("education", ("edu",), c["edu_min"], None)
    if c["lang"] >= 0:
        between("language", ("lang", c["lang"]), c["lang_min"], None)
    if c["height_min"] > 0:
        between("height", ("height",), c["height_min"], None)
    if c["exp_years"] > 0:
        need = int(np.ceil(np.asarray(c["exp_years"]) * DAYS_PER_YEAR))
        between("experience", ("exp", c["sector_ix"]), need, None)
    name, key, lo, hi = min(ranges, key=lambda r: r[3] - r[2])
    rows = pool.sorted_column(key, day)[1][lo:hi]
    ok = status_ok[rows]
    for other, okey, olo, ohi in ranges if rows.size else ():  # (an empty range is the narrowest)
        if other != name and (olo > 0 or ohi < n):
            values, _order = pool.sorted_column(okey, day)
            column = pool.column_of(okey, day)[rows]
            if olo > 0:  # at or above the range's first sorted value
                ok &= column >= values[olo]
            if ohi < n:  # below the first sorted value past the range
                ok &= column < values[ohi]
    if crit.certificates:
        cert_fail = np.zeros(n, dtype=bool)
        for cert in crit.certificates:
            cert_fail |= ~pool.certificate_mask(cert)
        failed_by["certificates"] = int(np.count_nonzero(cert_fail))
        ok &= ~cert_fail[rows]
    rows = rows[ok]
    if rows.size * 64 < n:
        return np.sort(rows), failed_by
    mask = np.zeros(n, dtype=bool)  # many: a pass over a mask is cheaper than sorting them
    mask[rows] = True
    return np.flatnonzero(mask), failed_by


def _search(values: np.ndarray, x, side: str) -> int:
    """``np.searchsorted(values, x, side)`` with ``x`` in the dtype of ``values`` (a needle of
    another type makes numpy convert the whole column first); beyond the dtype's range, the end."""
    if values.dtype.kind in "iu":
        info = np.iinfo(values.dtype)
        if x > info.max:
            return len(values)
        if x < info.min:
            return 0
    return int(np.searchsorted(values, values.dtype.type(x), side))


def _rank_rows(pool: CandidatePool, rows: np.ndarray, crit: Criteria, scalars: dict, day: date,
               top: int | None):
    """The best ``top`` of ``rows`` (ascending, i.e. tie order) by score, ties in tie order:
    (rows, scores, parts of those rows)."""
    if rows.size == 0:
        return rows, np.zeros(0), {n: np.zeros(0) for n in WEIGHTS}
    # everyone's order-free sum, then this order's three parts (the same additions, in the same
    # order, as ``_score`` of all the parts)
    cols = {"level": pool.lang[max(crit.lang, 0)][rows], "exp": pool.experience_days(day)[crit.sector_ix][rows],
            "pref_c": pool.pref_c[rows], "pref_s": pool.pref_s[rows]}
    score = np.broadcast_to(_score(_order_parts(cols, scalars), SUM_ORDER[len(STATIC_PARTS):],
                                   pool.static_score(day)[rows]), rows.shape)
    if top is not None and rows.size > top:
        # everyone strictly above the top-th score, then those equal to it (in tie order)
        cut = -np.partition(-score, top - 1)[top - 1]
        keep = np.flatnonzero(score >= cut)
    else:
        keep = np.arange(rows.size)
    order = keep[np.argsort(-score[keep], kind="stable")]  # ties keep the tie order
    if top is not None:
        order = order[:top]
    chosen = rows[order]
    parts = _parts(pool.part_columns(chosen, day, crit.lang, crit.sector_ix), scalars, day)  # to show
    return chosen, score[order], {n: np.broadcast_to(p, chosen.shape) for n, p in parts.items()}


def _candidates(pool: CandidatePool, rows: np.ndarray, scores: np.ndarray, parts) -> list[Candidate]:
    """The ranked rows as candidates 1, 2, … (the points of each part: weight × part, as
    ``_candidate`` makes them; built from lists, as a thousand orders make 50,000 of them)."""
    names = list(parts)
    points = [(WEIGHTS[n] * np.broadcast_to(parts[n], rows.shape)).tolist() for n in names]
    ids, created = pool.ids[rows].tolist(), pool.created[rows].tolist()
    uuids = pool.uuids
    return [Candidate(uuids.get(aid) or uuids.setdefault(aid, uuid.UUID(aid)), k + 1, score, dict(zip(names, values)), [], registered_at=str(at))
            for k, (aid, at, score, values) in enumerate(zip(ids, created, scores.tolist(), zip(*points)))]


def _candidate(pool: CandidatePool, i: int, rank, score, parts01, reasons) -> Candidate:
    return Candidate(uuid.UUID(pool.ids[i]), rank, score, {n: WEIGHTS[n] * p for n, p in parts01.items()},
                     reasons, registered_at=str(pool.created[i]))


def _fill_names(db, candidates: list[Candidate]) -> None:
    if not candidates:
        return
    from app.models import Applicant

    ids = [c.applicant_id for c in candidates]
    with db.reading() as conn:
        rows = conn.execute(sa.select(Applicant.id, Applicant.registration_number, Applicant.full_name,
                                      Applicant.status).where(Applicant.id.in_(ids))).all()
    by_id = {r[0]: r for r in rows}
    for c in candidates:
        r = by_id.get(c.applicant_id)
        if r is not None:
            c.registration_number, c.full_name, c.status = r[1], r[2], r[3]


def _load_order(db, order_ref, *, matchable: bool, day: date):
    """The order as a plain row (Core, no ORM session: this runs per match), checked as
    ``job_orders.check_matchable`` does when ``matchable``."""
    from types import SimpleNamespace

    from app.core import job_orders
    from app.core.errors import UserError
    from app.models import Agency, JobOrder

    if isinstance(order_ref, str) and order_ref.upper().startswith("JO-"):
        where = JobOrder.order_number == order_ref.upper()
    else:
        try:
            where = JobOrder.id == (order_ref if isinstance(order_ref, uuid.UUID) else uuid.UUID(str(order_ref)))
        except ValueError:
            raise NotFound("order_not_found", value=str(order_ref)[:40]) from None
    with db.reading() as conn:
        found = conn.execute(sa.select(JobOrder.__table__, Agency.name.label("agency_name"),
                                       Agency.active.label("agency_active"),
                                       Agency.licence_valid_until.label("agency_licence_valid_until"))
                             .join(Agency, Agency.id == JobOrder.agency_id).where(where)).first()
    if found is None:
        raise NotFound("order_not_found", value=str(order_ref)[:40])
    row = SimpleNamespace(**found._mapping)
    if matchable:
        names = job_orders.ORDER_STATUS_NAMES
        if row.status not in ("draft", "open"):
            raise UserError("order_not_matchable", order=row.order_number, status_id=names[row.status][0],
                            status_en=names[row.status][1])
        problem = job_orders.sip_problem(row, day)
        if problem is None and not row.agency_active:
            problem = UserError("agency_inactive", agency=row.agency_name)
        if problem is None and row.agency_licence_valid_until < day:
            problem = UserError("agency_licence_expired", agency=row.agency_name,
                                valid_until=row.agency_licence_valid_until.strftime("%d/%m/%Y"))
        if problem is not None:
            raise problem
    return row


def rank_candidates(db, actor: Actor, order_ref, *, top: int | None = 50, near: int = 0,
                    statuses: Iterable[str] = CANDIDATE_STATUSES, today: date | None = None) -> OrderMatch:
    """Candidates for one job order: the ``top`` who pass every requirement, best first, with
    the parts of their score; how many fail each requirement; and (``near``) the best of those
    who fail just one, with the reason. Refused on an order whose SIP is not valid today."""
    require(actor, "match.run")
    day = today or clock.today()
    row = _load_order(db, order_ref, matchable=True, day=day)
    pool = pool_for(db)
    with pool.lock:
        pool.ensure_current()
        result = rank_pool(pool, Criteria.of(row), day, top=top, near=near, statuses=statuses)
    _fill_names(db, result.candidates + result.near_misses)
    return result


def explain(db, actor: Actor, order_ref, applicant_id, *, today: date | None = None) -> Candidate:
    """One applicant against one order: the score parts, or the reasons it fails."""
    require(actor, "match.run")
    day = today or clock.today()
    row = _load_order(db, order_ref, matchable=False, day=day)
    pool = pool_for(db)
    aid = applicant_id.hex if isinstance(applicant_id, uuid.UUID) else uuid.UUID(str(applicant_id)).hex
    with pool.lock:
        pool.ensure_current()
        i = pool.index.get(aid)
        if i is None:
            raise NotFound("applicant_not_found")
        crit = Criteria.of(row)
        cols = pool.columns(slice(i, i + 1), day, crit.lang, crit.sector_ix)
        fails = _failures(cols, _criteria_scalars(crit, day))
        failed = [f for f, m in fails.items() if m[0]]
        failed += [f"certificate:{c}" for c in crit.certificates if not pool.certificate_mask(c)[i]]
        parts = {n: np.broadcast_to(p, (1,)) for n, p in _parts(cols, _criteria_scalars(crit, day), day).items()}
        score = float(_score(parts)[0])
        cand = _candidate(pool, i, None, score, {n: float(p[0]) for n, p in parts.items()},
                          _reasons(failed, _row_values(cols, 0), crit, day))
    _fill_names(db, [cand])
    return cand


# --- all open orders ----------------------------------------------------------------------------

def open_orders(db, day: date) -> list:
    """Orders candidates can be matched to on ``day``: open, SIP valid, agency licence valid,
    deadline not passed (detached rows)."""
    from app.models import Agency, JobOrder

    with db.session(write=False) as s:
        rows = s.exec(sa.select(JobOrder).join(Agency, Agency.id == JobOrder.agency_id).where(
            JobOrder.status == "open", JobOrder.sip_number.is_not(None), JobOrder.sip_valid_from <= day,
            JobOrder.sip_valid_until >= day, Agency.active == sa.true(), Agency.licence_valid_until >= day,
            sa.or_(JobOrder.deadline.is_(None), JobOrder.deadline >= day))
            .order_by(JobOrder.order_number)).scalars().all()
        for r in rows:
            s.expunge(r)
        return list(rows)


def rank_all_open(db, actor: Actor, *, top: int | None = 50, today: date | None = None,
                  progress=None, cancelled=None) -> dict[str, OrderMatch]:
    """Every open order ranked (order number → result). ``progress(done, total)`` and
    ``cancelled()`` let a worker thread report and stop."""
    require(actor, "match.run")
    day = today or clock.today()
    orders = open_orders(db, day)
    pool = pool_for(db)
    out: dict[str, OrderMatch] = {}
    with pool.lock:
        pool.ensure_current()
        for k, row in enumerate(orders):
            if cancelled is not None and cancelled():
                break
            out[row.order_number] = rank_pool(pool, Criteria.of(row), day, top=top)
            if progress is not None:
                progress(k + 1, len(orders))
    return out


# --- orders for one applicant -------------------------------------------------------------------

class OrderTable:
    """The open orders as arrays (kept until an order or agency changes, or the day does)."""

    def __init__(self, orders: list, day: date, stamp):
        self.orders = orders
        self.crits = [Criteria.of(o) for o in orders]
        self.arrays = _criteria_arrays(self.crits, day) if orders else {}
        self.info = [(o.id, o.order_number, o.employer, o.country, o.sector, o.position, o.deadline) for o in orders]
        self.numbers = np.arange(len(orders))  # the orders come sorted by number
        self.with_certs = [j for j, c in enumerate(self.crits) if c.certificates]
        self.day = day
        self.stamp = stamp


def _orders_stamp(db):
    with db.reading() as conn:
        return tuple(conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM job_order), (SELECT max(updated_at) FROM job_order), "
            "(SELECT max(updated_at) FROM agency)").one())


def order_table(db, day: date) -> OrderTable:
    stamp = _orders_stamp(db)
    table = getattr(db, "_matching_orders", None)
    if table is None or table.day != day or table.stamp != stamp:
        table = OrderTable(open_orders(db, day), day, stamp)
        db._matching_orders = table
    return table


def fits_for_row(pool: CandidatePool, i: int, table: OrderTable, day: date) -> tuple[list[OrderFit], list[OrderFit]]:
    """Applicant at position ``i`` against every order of ``table``: (qualifies, best first;
    missing, fewest gaps first, then best)."""
    m = len(table.orders)
    if not m:
        return [], []
    crit = table.arrays
    cols = pool.applicant_columns(i, day, crit["lang"], crit["sector_ix"])
    fails = _failures(cols, crit)
    names = list(fails)
    matrix = np.zeros((len(names), m), dtype=bool)
    for k, name in enumerate(names):
        matrix[k] = fails[name]  # broadcasts a one-applicant result to every order
    nfail = matrix.sum(axis=0)
    text = pool.text.get(i, "")
    cert_failed: dict[int, tuple[str, ...]] = {}
    for j in table.with_certs:
        missing_certs = tuple(f"certificate:{x}" for x in table.crits[j].certificates if x.lower() not in text)
        if missing_certs:
            cert_failed[j] = missing_certs
            nfail[j] += len(missing_certs)
    parts = {k: np.broadcast_to(np.asarray(v).reshape(-1), (m,)) for k, v in _parts(cols, crit, day).items()}
    score = np.broadcast_to(_score(parts), (m,))
    order = np.lexsort((table.numbers, -score, nfail))  # fewest gaps, best score, order number
    row = cols  # OrderFit picks its order's values when its reasons are read
    failing = matrix.T.tolist()
    score_l = score.tolist()
    nfail_l = nfail.tolist()
    qualifies: list[OrderFit] = []
    missing: list[OrderFit] = []
    for j in order.tolist():
        if nfail_l[j] == 0:
            qualifies.append(OrderFit(table.info[j], score_l[j], j, parts, (), row, table.crits[j], day))
        else:
            failed = tuple(n for n, bad in zip(names, failing[j]) if bad) + cert_failed.get(j, ())
            missing.append(OrderFit(table.info[j], score_l[j], j, parts, failed, row, table.crits[j], day))
    return qualifies, missing


def orders_for_applicant(db, actor: Actor, applicant_id, *, today: date | None = None) -> ApplicantMatch:
    """What this applicant qualifies for now among the open orders (best first), and what is
    missing for each of the others ("butuh Bahasa Jepang N4", "tinggi min. 160 cm")."""
    require(actor, "match.applicant")
    day = today or clock.today()
    try:
        aid = applicant_id if isinstance(applicant_id, uuid.UUID) else uuid.UUID(str(applicant_id))
    except ValueError:
        raise NotFound("applicant_not_found") from None
    table = order_table(db, day)
    pool = pool_for(db)
    with pool.lock:
        pool.ensure_current()
        i = pool.index.get(aid.hex)
        if i is None:
            raise NotFound("applicant_not_found")
        qualifies, missing = fits_for_row(pool, i, table, day)
    return ApplicantMatch(aid, day, qualifies, missing)
