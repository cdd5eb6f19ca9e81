"""Finding applicants again: search-as-you-type and the paged, sortable applicant list.

What a clerk types decides the access path, each one an index:
- digits: a NIK prefix (unique index) or a phone prefix (``0812…`` → ``+62812…``);
- something shaped like a registration number (``SRG-0001-2026-0001``): its prefix;
- anything else: name words as prefixes in the SQLite FTS5 index (unranked), or ``LIKE`` on
  other databases.
Pages are keyset-paged (``after`` = the last row's sort key), so scrolling to row 150,000 costs the
same as the first page.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from app.models import Applicant

SORT_COLUMNS = {
    "registration_number": Applicant.registration_number,
    "full_name": Applicant.full_name,
    "registered_on": Applicant.registered_on,
    "status": Applicant.status,
    "kecamatan_code": Applicant.kecamatan_code,
    "education_level": Applicant.education_level,
    "birth_date": Applicant.birth_date,
}
PAGE_SIZE = 200
_REGNO = re.compile(r"^[A-Za-z]{2,4}-[\d-]*$")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ApplicantRow:
    """One line of the applicant list."""

    id: uuid.UUID
    registration_number: str
    full_name: str
    nik: str
    sex: str
    birth_date: date
    phone: str
    kecamatan_code: str
    education_level: str
    status: str
    registered_on: date

    def sort_value(self, column: str) -> Any:
        return getattr(self, column)


@dataclass(frozen=True)
class Page:
    rows: list[ApplicantRow]
    next_after: tuple | None  # pass back as ``after`` for the next page; None at the end


_ROW_COLUMNS = [Applicant.id, Applicant.registration_number, Applicant.full_name, Applicant.nik,
                Applicant.sex, Applicant.birth_date, Applicant.phone, Applicant.kecamatan_code,
                Applicant.education_level, Applicant.status, Applicant.registered_on]


def _fts_query(text: str) -> str | None:
    words = _WORD.findall(text)
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _next_prefix(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _prefix_range(column, prefix: str):
    return sa.and_(column >= prefix, column < _next_prefix(prefix))


def text_filter(text: str, dialect: str):
    """The WHERE clause for what the clerk typed, or None for everything."""
    from app.core.validation import phone_search_prefix

    text = (text or "").strip()
    if not text:
        return None
    compact = re.sub(r"[\s.]", "", text)
    if compact.isdigit() or (compact.startswith("+") and compact[1:].isdigit()):
        digits = compact.lstrip("+")
        clauses = [_prefix_range(Applicant.nik, digits)] if not compact.startswith("+") else []
        phone = "+" + digits if compact.startswith("+") else phone_search_prefix(digits)
        if phone:
            clauses.append(_prefix_range(Applicant.phone, phone))
        return sa.or_(*clauses) if clauses else sa.false()
    if _REGNO.match(text):
        return _prefix_range(Applicant.registration_number, text.upper())
    if dialect == "sqlite":
        query = _fts_query(text)
        if query is None:
            return sa.false()
        return sa.literal_column("applicant.rowid").in_(
            sa.select(sa.literal_column("rowid")).select_from(sa.table("applicant_fts"))
            .where(sa.text("applicant_fts MATCH :fts").bindparams(fts=query)))
    words = _WORD.findall(text)
    return sa.and_(*[Applicant.full_name.ilike(f"%{w}%") for w in words]) if words else sa.false()


def _filters(text: str, status: str | None, dialect: str) -> list:
    out = []
    clause = text_filter(text, dialect)
    if clause is not None:
        out.append(clause)
    if status:
        out.append(Applicant.status == status)
    return out


def search_page(db, text: str = "", *, status: str | None = None, sort: str = "registered_on",
                descending: bool = True, after: tuple | None = None,
                limit: int = PAGE_SIZE) -> Page:
    """One page of the applicant list matching ``text`` and ``status``, sorted by ``sort``.

    Ties on the sort column are broken by the registration number (unique), so keyset paging is
    exact.
    """
    column = SORT_COLUMNS.get(sort)
    if column is None:
        raise ValueError(f"unknown sort column {sort!r}")
    tie = Applicant.registration_number
    with db.session(write=False) as session:
        query = sa.select(*_ROW_COLUMNS).where(*_filters(text, status, db.dialect))
        if after is not None:
            key = sa.tuple_(column, tie)
            query = query.where(key < sa.tuple_(*after) if descending else key > sa.tuple_(*after))
        order = [column.desc(), tie.desc()] if descending else [column.asc(), tie.asc()]
        rows = [ApplicantRow(*r) for r in session.execute(query.order_by(*order).limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    next_after = (rows[-1].sort_value(sort), rows[-1].registration_number) if more and rows else None
    return Page(rows, next_after)


def count(db, text: str = "", *, status: str | None = None) -> int:
    with db.session(write=False) as session:
        query = sa.select(sa.func.count()).select_from(Applicant).where(*_filters(text, status, db.dialect))
        return session.execute(query).scalar_one()


def search(db, text: str, *, limit: int = 50) -> list[ApplicantRow]:
    """The first ``limit`` matches, newest registration first (CLI and quick lookups)."""
    return search_page(db, text, sort="registered_on", descending=True, limit=limit).rows


def status_counts(db) -> dict[str, int]:
    with db.session(write=False) as session:
        rows = session.execute(sa.select(Applicant.status, sa.func.count()).group_by(Applicant.status))
        return {status: n for status, n in rows}


def rebuild_index(db) -> None:
    """Refill the FTS index from the applicant table (after a VACUUM or a bulk load)."""
    if db.dialect != "sqlite":
        return
    with db.session() as session:
        session.execute(sa.text("DELETE FROM applicant_fts"))
        session.execute(sa.text(
            "INSERT INTO applicant_fts(rowid, full_name) SELECT rowid, full_name FROM applicant"))
