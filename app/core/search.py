"""Finding applicants again: search-as-you-type and the paged, sortable applicant list.

What a clerk types decides the access path, each one an index:
- digits: a NIK prefix (unique index) or a phone prefix (``0812…`` → ``+62812…``);
- something shaped like a registration number (``SRG-0001-2026-0001``): its prefix;
- anything else: name words as prefixes in the SQLite FTS5 index (unranked), or on PostgreSQL a
  word-start regular expression over the folded name, served by a trigram index.
Pages are keyset-paged (``after`` = the last row's sort key), so scrolling to row 150,000 costs the
same as the first page.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.permissions import require

# The list's sort orders. SQLAlchemy and the models are imported only by the paths that build
# queries with them (PostgreSQL, counts by status): the SQLite list reads through the driver, so
# the GUI's first page needs neither (app/core/quickstart.py).
SORT_KEYS = ("registration_number", "full_name", "registered_on", "status", "kecamatan_code",
             "education_level", "birth_date")
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


def __getattr__(name: str):
    """``SORT_COLUMNS`` (sort key → model column) and ``_ROW_COLUMNS``, made on first use."""
    if name in ("SORT_COLUMNS", "_ROW_COLUMNS"):
        from app.models import Applicant

        if name == "SORT_COLUMNS":
            return {key: getattr(Applicant, key) for key in SORT_KEYS}
        return [getattr(Applicant, f.name) for f in dataclasses.fields(ApplicantRow)]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _fts_query(text: str) -> str | None:
    words = _WORD.findall(text)
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _next_prefix(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _prefix_range(column, prefix: str):
    import sqlalchemy as sa

    return sa.and_(column >= prefix, column < _next_prefix(prefix))


@dataclass(frozen=True)
class _Text:
    """What the typed text asks for: ``kind`` is "all", "none", "ranges" (prefix ranges on indexed
    columns, any of them), "fts" (an FTS5 query) or "words" (name words, other databases)."""

    kind: str
    ranges: tuple[tuple[str, str, str], ...] = ()  # (column, low, high): low <= column < high
    fts: str | None = None
    words: tuple[str, ...] = ()


def _parse(text: str, dialect: str) -> _Text:
    from app.core.validation import phone_search_prefix

    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        return _Text("all")
    compact = re.sub(r"[\s.()\-]", "", text)  # 0813-1005, (0254) 20 1234, 3673 0157
    if compact.isdigit() or (compact.startswith("+") and compact[1:].isdigit()):
        digits = compact.lstrip("+")
        ranges = [("nik", digits, _next_prefix(digits))] if not compact.startswith("+") else []
        phone = "+" + digits if compact.startswith("+") else phone_search_prefix(digits)
        if phone:
            ranges.append(("phone", phone, _next_prefix(phone)))
        return _Text("ranges", tuple(ranges)) if ranges else _Text("none")
    if _REGNO.match(text):
        prefix = text.upper()
        return _Text("ranges", (("registration_number", prefix, _next_prefix(prefix)),))
    if dialect == "sqlite":
        query = _fts_query(text)
        return _Text("fts", fts=query, words=tuple(_WORD.findall(text))) if query is not None else _Text("none")
    words = _WORD.findall(text)
    return _Text("words", words=tuple(words)) if words else _Text("none")


def text_filter(text: str, dialect: str):
    """The WHERE clause for what the clerk typed, or None for everything."""
    import sqlalchemy as sa

    from app.models import Applicant

    parsed = _parse(text, dialect)
    if parsed.kind == "all":
        return None
    if parsed.kind == "none":
        return sa.false()
    if parsed.kind == "ranges":
        clauses = [_prefix_range(getattr(Applicant, col), lo) for col, lo, _hi in parsed.ranges]
        return sa.or_(*clauses) if len(clauses) > 1 else clauses[0]
    if parsed.kind == "fts":
        return sa.literal_column("applicant.rowid").in_(
            sa.select(sa.literal_column("rowid")).select_from(sa.table("applicant_fts"))
            .where(sa.text("applicant_fts MATCH :fts").bindparams(fts=parsed.fts)))
    # PostgreSQL: every word the start of a word of the name, case and accents folded (as FTS5's
    # ``unicode61 remove_diacritics`` prefix query does on SQLite); ``\\m`` is the start of a word,
    # and the words are ``\\w+`` so they carry no pattern characters. The trigram index on
    # ``pmi_fold(full_name)`` (migration 0001) serves the match.
    folded = sa.func.pmi_fold(Applicant.full_name)
    return sa.and_(*[folded.regexp_match("\\m" + fold(w)) for w in parsed.words])


def fold(word: str) -> str:
    """Lower case without accents (what ``pmi_fold`` does in PostgreSQL): the pattern is folded
    here, so it reaches the planner as a constant the trigram index can use."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).lower()


def _filters(text: str, status: str | None, dialect: str) -> list:
    from app.models import Applicant

    out = []
    clause = text_filter(text, dialect)
    if clause is not None:
        out.append(clause)
    if status:
        out.append(Applicant.status == status)
    return out


def search_page(db, text: str = "", *, actor, status: str | None = None, sort: str = "registered_on",
                descending: bool = True, after: tuple | None = None,
                limit: int = PAGE_SIZE) -> Page:
    """One page of the applicant list matching ``text`` and ``status``, sorted by ``sort``.

    Ties on the sort column are broken by the registration number (unique), so keyset paging is
    exact. ``actor`` must be allowed ``applicant.list`` (trainers are not).
    """
    require(actor, "applicant.list")
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort column {sort!r}")
    if db.dialect == "sqlite":
        with db.driver_reading() as conn:
            raw = _sqlite_page(conn, _parse(text, "sqlite"), status, sort, descending, after, limit)
        rows = [_row(r) for r in raw]
    else:
        import sqlalchemy as sa

        from app.models import Applicant

        column = getattr(Applicant, sort)
        tie = Applicant.registration_number
        with db.session(write=False) as session:
            query = sa.select(*__getattr__("_ROW_COLUMNS")).where(*_filters(text, status, db.dialect))
            if after is not None:
                key = sa.tuple_(column, tie)
                query = query.where(key < sa.tuple_(*after) if descending else key > sa.tuple_(*after))
            order = [column.desc(), tie.desc()] if descending else [column.asc(), tie.asc()]
            rows = [ApplicantRow(*r) for r in session.execute(query.order_by(*order).limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    next_after = (rows[-1].sort_value(sort), rows[-1].registration_number) if more and rows else None
    return Page(rows, next_after)


# --- the SQLite list query ------------------------------------------------------------------
#
# A page is "the first ``limit`` matches in sort order". Two plans, chosen per query by how many
# rows match, counted up to a cap on the filter's own index (cheap):
# - few matches (filter first): find them through the filter's index (FTS, NIK/phone/number
#   prefix, status), sort only their keys, then read the page's rows;
# - many matches (sort first): walk the sort column's composite index in order and keep the rows
#   that match, stopping after one page; the filter terms get a unary ``+`` so SQLite does not
#   drive the query from their index, and an FTS match becomes a rowid set probed per index step.
# Sorting m matches costs ~m row reads; walking costs ~limit * N / m index steps; both are equal
# at m* = sqrt(limit * N * step/read): about 2,000 at 200,000 applicants, where either plan reads a
# few thousand entries. Without text (and with status only for the default sort) the composite
# index gives the page directly. Dates are ISO text in SQLite, so the keyset binds them as such.

_COLUMNS_SQL = ("a.id, a.registration_number, a.full_name, a.nik, a.sex, a.birth_date, a.phone, "
                "a.kecamatan_code, a.education_level, a.status, a.registered_on")
_STEP_PER_READ = 0.12  # cost of an index step relative to a row read + sort (bench/bench_search.py)
_MIN_CUTOVER = 200
_SET_FACTOR = 4
_NAME_SORT_FACTOR = 2


def _sqlite_page(conn, parsed: _Text, status: str | None, sort: str, descending: bool,
                 after: tuple | None, limit: int) -> list[tuple]:
    if parsed.kind == "none":
        return []
    params: dict[str, Any] = {"limit": limit + 1}
    direction = "DESC" if descending else "ASC"
    keyset = plus_keyset = ""
    if after is not None:
        params["k0"], params["k1"] = (v.isoformat() if isinstance(v, date) else v for v in after)
        op = "<" if descending else ">"
        keyset = f"(a.{sort}, a.registration_number) {op} (:k0, :k1)"
        plus_keyset = f"(+a.{sort}, +a.registration_number) {op} (:k0, :k1)"
    if status:
        params["status"] = status

    if parsed.kind == "all" and (not status or sort == "registered_on"):
        where = [w for w in (keyset, "a.status = :status" if status else "") if w]
        return _fetch(conn, _select(where, sort, direction), params)

    sql = _text_sql(parsed, params)
    if parsed.kind == "fts" and after is None and sort in _ROWID_ORDERED:
        enough = max(_ROWID_FROM * (limit + 1), _cutover(conn, limit))
        if conn.exec_driver_sql(sql.count, {**params, "cap": enough}).scalar() >= enough:
            rows = _by_rowid_order(conn, sort, direction, status, params)
            if rows is not None:
                return rows
    matches = None  # the exact number of matches, when a count below its cap gave it
    if parsed.kind == "fts" and sort == "full_name" and not status and _walkable(parsed.words):
        enough = max(_MIN_CUTOVER, _total(conn) // _WALK_FROM)
        matches = conn.exec_driver_sql(sql.count, {**params, "cap": enough}).scalar()
        if matches >= enough:
            return _fetch(conn, _name_walk_sql(parsed.words, direction, keyset), params)
    plan = _choose(conn, parsed, sql, status, params, limit, sort, matches=matches)
    if parsed.kind == "ranges" and sort == "registered_on" and not status and plan == "probe_set" and \
            all(col in ("nik", "phone") for col, _lo, _hi in parsed.ranges):
        # a range with no row at all (a phone prefix is never the start of a NIK) is left out:
        # one index range sorted straight is cheaper than two merged
        live = tuple(r for i, r in enumerate(parsed.ranges) if conn.exec_driver_sql(
            f"SELECT 1 FROM applicant WHERE {r[0]} >= :lo{i} AND {r[0]} < :hi{i} LIMIT 1", params).first())
        if not live:
            return []
        params.update({f"lo{i}": lo for i, (_c, lo, _h) in enumerate(live)})
        params.update({f"hi{i}": hi for i, (_c, _l, hi) in enumerate(live)})
        return _fetch(conn, _range_keys_sql(_Text("ranges", live), direction, after is not None), params)
    if plan == "filter_first":
        where = [w for w in (sql.filter_first, "a.status = :status" if status else "", plus_keyset) if w]
        inner = (f"SELECT a.rowid FROM applicant a WHERE {' AND '.join(where)} "
                 f"ORDER BY +a.{sort} {direction}, +a.registration_number {direction} LIMIT :limit")
        return _fetch(conn, f"SELECT {_COLUMNS_SQL} FROM applicant a WHERE a.rowid IN ({inner}) "
                            f"ORDER BY a.{sort} {direction}, a.registration_number {direction}", params)
    text = sql.probe_set if plan == "probe_set" else sql.check_rows
    where = [w for w in (text, "+a.status = :status" if status else "", keyset) if w]
    return _fetch(conn, _select(where, sort, direction), params)


def _range_keys_sql(parsed: _Text, direction: str, keyset: bool) -> str:
    """NIK/phone prefixes in the default order (newest first, or oldest) matching more rows than
    the filter-first cut-over and fewer than where walking the sort index wins (a 4-digit phone
    or 7-digit NIK prefix, ~2.8 % of the rows): each prefix range is read from an index that
    carries the sort key (``ix_applicant_<nik|phone>_registered_on_registration_number``), so
    the matches are sorted without reading their rows, instead of building a rowid set of them
    to probe; only the page's rows are read (measured: 5.1-5.5 ms -> 2.7-3.0 ms CPU). A row
    matching two ranges (a NIK and a phone that both start with the digits) comes twice from
    ``UNION ALL``: taking ``len(ranges)`` pages of keys keeps the page exact, and the ``IN``
    list drops the repeat."""
    op = "<" if direction == "DESC" else ">"
    branches = []
    for i, (col, _lo, _hi) in enumerate(parsed.ranges):
        index = f"ix_applicant_{col}_registered_on_registration_number"
        where = f"a.{col} >= :lo{i} AND a.{col} < :hi{i}"
        if keyset:
            where += f" AND (a.registered_on, a.registration_number) {op} (:k0, :k1)"
        branches.append(f"SELECT a.rowid AS r, a.registered_on AS k0, a.registration_number AS k1 "
                        f"FROM applicant a INDEXED BY {index} WHERE {where}")
    keys = (f"SELECT r FROM ({' UNION ALL '.join(branches)}) ORDER BY k0 {direction}, k1 {direction} "
            f"LIMIT {len(branches)} * :limit")
    return (f"SELECT {_COLUMNS_SQL} FROM applicant a WHERE a.rowid IN ({keys}) "
            f"ORDER BY a.registered_on {direction}, a.registration_number {direction} LIMIT :limit")


_ROW_FIELDS = [f.name for f in dataclasses.fields(ApplicantRow)]


def _row(r: tuple) -> ApplicantRow:
    """An ApplicantRow from a raw SQLite row (id as 32 hex digits, dates as ISO text), filled
    without the frozen dataclass's per-field ``__setattr__`` (a page has a few hundred rows)."""
    row = object.__new__(ApplicantRow)
    row.__dict__.update(zip(_ROW_FIELDS, (uuid.UUID(int=int(r[0], 16)), r[1], r[2], r[3], r[4],
                                          date.fromisoformat(r[5]), r[6], r[7], r[8], r[9],
                                          date.fromisoformat(r[10]))))
    return row


# Registrations are appended: rowid order follows the registration day and number. For the first
# page of a common name prefix in that order, the newest (or oldest) few hundred FTS matches by
# rowid are enough, provided no older row sorts before the page's last row: checked on the sort
# index (it holds the rowid), so the page is exact; when the check fails (rows imported or
# re-dated later), the general plan runs. The check walks every row that sorts before the
# page's last one, about N * k / m index steps for m matches, so the plan is only tried past the
# filter-first cut-over: below it, sorting the m matches is cheaper (measured, 200,000 rows:
# 842 matches 11.9 ms this way against 3.2 ms filter-first; 15,635 matches 1.2 ms against 27 ms).
_ROWID_ORDERED = ("registered_on", "registration_number")
_ROWID_SLACK = 4  # candidates: the page plus a quarter
_ROWID_FROM = 4  # tried when the prefix matches at least this many pages


def _by_rowid_order(conn, sort: str, direction: str, status: str | None,
                    params: dict[str, Any]) -> list[tuple] | None:
    params = {**params, "k": params["limit"] + params["limit"] // _ROWID_SLACK}
    candidates = (f"SELECT rowid FROM applicant_fts WHERE applicant_fts MATCH :fts "
                  f"ORDER BY rowid {direction} LIMIT :k")
    where = f"a.rowid IN ({candidates})" + (" AND a.status = :status" if status else "")
    order = f"a.{sort} {direction}, a.registration_number {direction}"
    rows = conn.exec_driver_sql(
        f"SELECT {_COLUMNS_SQL}, a.rowid FROM applicant a WHERE a.rowid IN ("
        f"SELECT a.rowid FROM applicant a WHERE {where} ORDER BY {order.replace('a.', '+a.')} LIMIT :limit) "
        f"ORDER BY {order}", params).fetchall()
    if len(rows) < params["limit"]:
        return None
    edge = conn.exec_driver_sql(f"SELECT {'min' if direction == 'DESC' else 'max'}(rowid) FROM ({candidates})",
                                params).scalar()
    last = rows[-1]
    key = last[_COLUMNS_SQL.split(", ").index(f"a.{sort}")]
    before, outside = (">", "<") if direction == "DESC" else ("<", ">")
    earlier = conn.exec_driver_sql(
        f"SELECT 1 FROM applicant a WHERE (a.{sort}, a.registration_number) {before} (:key, :number) "
        f"AND a.rowid {outside} :edge LIMIT 1", {"key": key, "number": last[1], "edge": edge}).first()
    if earlier is not None:
        return None
    return [r[:-1] for r in rows]


def _select(where: list[str], sort: str, direction: str) -> str:
    clause = f"WHERE {' AND '.join(where)} " if where else ""
    return (f"SELECT {_COLUMNS_SQL} FROM applicant a {clause}"
            f"ORDER BY a.{sort} {direction}, a.registration_number {direction} LIMIT :limit")


def _fetch(conn, sql: str, params: dict[str, Any]) -> list[tuple]:
    return conn.exec_driver_sql(sql, params).fetchall()


@dataclass(frozen=True)
class _TextSql:
    filter_first: str  # drives the query from the filter's index
    probe_set: str  # the filter as a rowid set, probed while walking the sort index
    check_rows: str | None  # the filter checked on each row while walking the sort index (ranges)
    count: str | None  # how many rows match, up to :cap


def _text_sql(parsed: _Text, params: dict[str, Any]) -> _TextSql:
    if parsed.kind == "all":
        return _TextSql("", "", "", None)
    if parsed.kind == "fts":
        params["fts"] = parsed.fts
        fts = "SELECT rowid FROM applicant_fts WHERE applicant_fts MATCH :fts"
        return _TextSql(f"a.rowid IN ({fts})", f"+a.rowid IN ({fts})", None,
                        f"SELECT count(*) FROM ({fts} LIMIT :cap)")
    terms, plus_terms = [], []
    for i, (col, lo, hi) in enumerate(parsed.ranges):
        params[f"lo{i}"], params[f"hi{i}"] = lo, hi
        terms.append(f"(a.{col} >= :lo{i} AND a.{col} < :hi{i})")
        plus_terms.append(f"(+a.{col} >= :lo{i} AND +a.{col} < :hi{i})")
    where = "(" + " OR ".join(terms) + ")"
    return _TextSql(where, f"+a.rowid IN (SELECT a.rowid FROM applicant a WHERE {where})",
                    "(" + " OR ".join(plus_terms) + ")",
                    f"SELECT count(*) FROM (SELECT 1 FROM applicant a WHERE {where} LIMIT :cap)")


def _total(conn) -> int:
    return conn.exec_driver_sql("SELECT max(rowid) FROM applicant").scalar() or 0


def _cutover(conn, limit: int) -> int:
    """The match count where sorting the matches and walking the sort index cost the same."""
    return max(_MIN_CUTOVER, int(math.sqrt((limit + 1) * _total(conn) * _STEP_PER_READ)))


# Name words sorted by name, when they match at least 1/_WALK_FROM of the rows (a first letter):
# the name index is walked in order and each entry's words are tested right there, instead of
# building the set of every FTS match (20,000 rowids) to probe or reading and sorting every
# matching row. The index ``ix_applicant_name_words`` (migration 0012) holds, next to the name and
# the registration number, the name's words as text: a space, then the name with its usual
# separators (. , ' -) made spaces. For such a name (ASCII letters, digits and those separators
# only) "a word starts with w" is exactly what FTS5's unicode61 prefix query asks (tokens are
# runs of letters and digits, compared without case), and it is ``LIKE '% w%'`` of that text
# (LIKE ignores ASCII case). Any other name has NULL words there and is asked of the FTS index
# itself for its own rowid. SQLite reads the indexed expression from the index when the query
# spells it as the index does (``NAME_WORDS_SQL``), so no name is computed on the way: about
# 0.15-0.3 us per entry passed against 0.6-0.8 us for two GLOBs on the name (measured, CPU,
# 200,000 rows: "i" 7.9 -> 2.1 ms, "e" 21 -> 5.4 ms). The walk is long when the matches sit
# late in name order (the typed letters begin few first names early in the alphabet), so it is
# used from 1/60 of the rows: CPU medians of 11 against the other plans, 200,000 rows, the other
# core busy: "o" (5,016 matches) 7.1 against 13.5 ms, "e" (10,005) 7.5 against 13.8 ms, "di"
# (4,243) 6.5-10.8 against 7.5-9.1 ms, "naj" (2,377) 4.9 against 6.5 ms but "ri" (2,912) 8.2
# against 7.0 ms and "tit" (1,264) 21.6 against 4.2 ms.
_WALK_FROM = 60
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
# the same characters as migration 0012's index expression: SQLite matches the expression by form
NAME_WORDS_SQL = ("CASE WHEN full_name GLOB '*[^A-Za-z0-9 .,''-]*' THEN NULL ELSE "
                  "' ' || replace(replace(replace(replace(full_name, '.', ' '), ',', ' '), '''', ' '), "
                  "'-', ' ') END")


def ensure_name_words_index(engine) -> None:
    """Make ``ix_applicant_name_words`` on SQLite if it is missing (migration 0012 made it; a later
    migration that rebuilds the applicant table in batch mode would leave it out, as SQLAlchemy
    cannot reflect an index over an expression). One look at the schema when it is there."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        names = set(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name IN ('applicant', 'ix_applicant_name_words')").scalars())
    if names != {"applicant"}:
        return  # there, or no applicant table yet (a database at an older revision)
    with engine.execution_options(pmi_write=True).begin() as conn:
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_applicant_name_words ON applicant "
                             f"(full_name, registration_number, ({NAME_WORDS_SQL}))")


def _walkable(words: tuple[str, ...]) -> bool:
    """Typed words the name walk can test from the index: ASCII letters and digits."""
    return bool(words) and all(_ASCII_WORD.fullmatch(w) for w in words)


def _name_walk_sql(words: tuple[str, ...], direction: str, keyset: str) -> str:
    exact = "EXISTS (SELECT 1 FROM applicant_fts f WHERE applicant_fts MATCH :fts AND f.rowid = a.rowid)"
    plain = " AND ".join(f"{NAME_WORDS_SQL} LIKE '% {w}%'" for w in words)
    where = [f"(({plain}) OR ({NAME_WORDS_SQL} IS NULL AND {exact}))"]
    if keyset:
        where.append(keyset)
    inner = (f"SELECT a.rowid FROM applicant a INDEXED BY ix_applicant_name_words "
             f"WHERE {' AND '.join(where)} "
             f"ORDER BY a.full_name {direction}, a.registration_number {direction} LIMIT :limit")
    return (f"SELECT {_COLUMNS_SQL} FROM applicant a WHERE a.rowid IN ({inner}) "
            f"ORDER BY a.full_name {direction}, a.registration_number {direction}")


def _choose(conn, parsed: _Text, sql: _TextSql, status: str | None, params: dict[str, Any],
            limit: int, sort: str = "registered_on", *, matches: int | None = None) -> str:
    """"filter_first", "probe_set" or "check_rows" (see the comment above ``_sqlite_page``).

    Past the cut-over, probing a rowid set costs building it (~m inserts) while checking a prefix
    range on each row costs a row read per index step (NIK and phone are not in the sort
    indexes); so the set is used up to ``_SET_FACTOR`` times the cut-over and rows are checked
    beyond (the walk is short then). FTS matches are always probed as a set: FTS5 hands them
    over in rowid order, which makes the set cheap to build. ``matches``: the exact match count
    when the caller has it (a count that stayed below its cap).
    """
    cap = _cutover(conn, limit)
    if status and conn.exec_driver_sql(
            "SELECT count(*) FROM (SELECT 1 FROM applicant WHERE status = :status LIMIT :cap)",
            {"status": status, "cap": cap}).scalar() < cap:
        return "filter_first"
    if sql.count is None:
        return "check_rows"
    if sort == "full_name" and parsed.kind == "fts":
        # Name words and name order are correlated (many matches start with the typed word and
        # sit together in the index), so walking the name index finds a page later than the
        # match count suggests: sort more matches instead (measured, bench/bench_search.py).
        cap *= _NAME_SORT_FACTOR
    big = cap * _SET_FACTOR
    wanted = big if sql.check_rows else cap
    if matches is not None and not status:  # counted already (exactly): the FTS doclist is not walked again
        found = min(matches, wanted)
    else:
        found = conn.exec_driver_sql(sql.count, {**params, "cap": wanted}).scalar()
    if found < cap:
        return "filter_first"
    return "probe_set" if found < big or not sql.check_rows else "check_rows"


def count(db, text: str = "", *, actor, status: str | None = None) -> int:
    require(actor, "applicant.list")
    if db.dialect == "sqlite":
        parsed = _parse(text, "sqlite")
        if parsed.kind == "none":
            return 0
        with db.driver_reading() as conn:
            if parsed.kind == "fts" and not status:
                # Name words only: the FTS index has exactly one row per applicant (kept by triggers).
                return conn.exec_driver_sql("SELECT count(*) FROM applicant_fts WHERE applicant_fts MATCH ?",
                                            (parsed.fts,)).scalar()
            params: dict[str, Any] = {"status": status} if status else {}
            where = [w for w in (_text_sql(parsed, params).filter_first, "a.status = :status" if status else "")
                     if w]
            return conn.exec_driver_sql("SELECT count(*) FROM applicant a"
                                        + (f" WHERE {' AND '.join(where)}" if where else ""), params).scalar()
    import sqlalchemy as sa

    from app.models import Applicant

    with db.session(write=False) as session:
        query = sa.select(sa.func.count()).select_from(Applicant).where(*_filters(text, status, db.dialect))
        return session.execute(query).scalar_one()


def search(db, text: str, *, actor, limit: int = 50) -> list[ApplicantRow]:
    """The first ``limit`` matches, newest registration first (CLI and quick lookups)."""
    return search_page(db, text, actor=actor, sort="registered_on", descending=True, limit=limit).rows


def status_counts(db, *, actor) -> dict[str, int]:
    import sqlalchemy as sa

    from app.models import Applicant

    require(actor, "applicant.list")
    with db.session(write=False) as session:
        rows = session.execute(sa.select(Applicant.status, sa.func.count()).group_by(Applicant.status))
        return {status: n for status, n in rows}


def rebuild_index(db) -> None:
    """Refill the FTS index from the applicant table (after a VACUUM or a bulk load)."""
    if db.dialect != "sqlite":
        return
    import sqlalchemy as sa

    with db.session() as session:
        session.execute(sa.text("DELETE FROM applicant_fts"))
        session.execute(sa.text(
            "INSERT INTO applicant_fts(rowid, full_name) SELECT rowid, full_name FROM applicant"))
