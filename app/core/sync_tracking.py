"""Which tables travel between offices, and the triggers that log every change to them.

A table travels when its model derives from ``app.models.base.Record`` (UUID id, version, origin)
and ROUTES does not keep it home. Every change of such a row (insert, update, delete: a service, an
import, a foreign-key cascade, a script) moves the row to the end of one local sequence in
``sync_log`` — triggers do it, so no service has to remember. The triggers are (re)created by
``ensure_tracking`` each time the database is opened: tables that later migrations add, or that a
batch migration rebuilt (which drops triggers), are covered without a sync migration of their own;
rows written while a table had no trigger are logged then too.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

# How each carried table travels: "both" ways, only "up" (kecamatan → city), only "down" (city →
# kecamatan), or None (stays in this office). A new Record table travels both ways unless listed.
DEFAULT_ROUTE = "both"
ROUTES: dict[str, str | None] = {
    # accounts stay with each office: password hashes are credentials and do not go on a USB
    # stick, and every office already has its own administrator from the first start
    "user": None,
    # reference data the city office's administrators keep; a kecamatan office uses it (the rows
    # the migrations seed have the same ids everywhere: app.models.base.seed_id)
    "document_type": "down",
    "checklist_rule": "down",
    "holiday": "down",
    # agencies, job orders and placements travel both ways: the city office brings the vacancies,
    # and a kecamatan office that records an order or a shortlist (working offline) sends it up
}

TRIGGER_PREFIX = "sync_log_"


@dataclass(frozen=True)
class CarriedTable:
    name: str
    table: sa.Table
    route: str


def carried_tables() -> list[CarriedTable]:
    """Every table that travels, parents before children (foreign-key order)."""
    import app.models  # noqa: F401  (registers every table)
    from sqlmodel.main import default_registry

    from app.models.base import Record

    record_tables = {m.local_table.name for m in default_registry.mappers if issubclass(m.class_, Record)}
    out = []
    for table in app.models.metadata.sorted_tables:
        if table.name in record_tables:
            route = ROUTES.get(table.name, DEFAULT_ROUTE)
            if route is not None:
                # a plain str: SQLAlchemy's quoted_name goes through sqlite3's slow adaptation path
                # each time it is bound as a parameter (100,000 rows of a packet's change log)
                out.append(CarriedTable(str(table.name), table, route))
    return out


def travels(route: str, direction: str) -> bool:
    """``direction`` is "up" (from a kecamatan office to the city) or "down"."""
    return route == "both" or route == direction


def trigger_sql(name: str) -> dict[str, str]:
    nxt = "(SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_log)"
    upsert = ("ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, "
              "deleted = excluded.deleted, version = excluded.version")
    return {
        f"{TRIGGER_PREFIX}{name}_ins": f"""CREATE TRIGGER {TRIGGER_PREFIX}{name}_ins AFTER INSERT ON "{name}"
            BEGIN INSERT INTO sync_log (table_name, row_id, seq, deleted, version)
            VALUES ('{name}', NEW.id, {nxt}, 0, NEW.version) {upsert}; END""",
        f"{TRIGGER_PREFIX}{name}_upd": f"""CREATE TRIGGER {TRIGGER_PREFIX}{name}_upd AFTER UPDATE ON "{name}"
            BEGIN INSERT INTO sync_log (table_name, row_id, seq, deleted, version)
            VALUES ('{name}', NEW.id, {nxt}, 0, NEW.version) {upsert}; END""",
        f"{TRIGGER_PREFIX}{name}_del": f"""CREATE TRIGGER {TRIGGER_PREFIX}{name}_del AFTER DELETE ON "{name}"
            BEGIN INSERT INTO sync_log (table_name, row_id, seq, deleted, version)
            VALUES ('{name}', OLD.id, {nxt}, 1, OLD.version + 1) {upsert}; END""",
    }


# --- PostgreSQL ---------------------------------------------------------------------------------
#
# Several seats write at once, so a sequence number taken during a transaction may become visible
# after a higher one taken by a transaction that committed first; an export reading "everything
# above the peer's mark" would then skip it for ever. So on PostgreSQL the change log is written
# at COMMIT: the triggers are constraint triggers, DEFERRABLE INITIALLY DEFERRED, and the first
# one of a transaction takes a transaction-scoped advisory lock before drawing its numbers. The
# lock is held until the commit has become visible (PostgreSQL releases locks after it marks the
# transaction committed), so numbers become visible in the order they were drawn: whatever an
# export sees is a gap-free prefix of the log. Writers only queue for the few milliseconds of
# their commit, not for their whole transaction.

PG_SEQUENCE = "sync_log_seq"
PG_FUNCTION = "pmi_sync_log"
PG_LOCK = 7_203_115  # pg_advisory_xact_lock key of the change log

PG_FUNCTION_SQL = f"""CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rid text;
BEGIN
    PERFORM pg_advisory_xact_lock({PG_LOCK});
    IF TG_OP = 'DELETE' THEN
        rid := replace(OLD.id::text, '-', '');  -- ids travel as 32 hex digits (SQLite's form)
        INSERT INTO sync_log (table_name, row_id, seq, deleted, version)
        VALUES (TG_TABLE_NAME, rid, nextval('{PG_SEQUENCE}'), true, OLD.version + 1)
        ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
            version = excluded.version;
        RETURN NULL;
    END IF;
    rid := replace(NEW.id::text, '-', '');
    INSERT INTO sync_log (table_name, row_id, seq, deleted, version)
    VALUES (TG_TABLE_NAME, rid, nextval('{PG_SEQUENCE}'), false, NEW.version)
    ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        version = excluded.version;
    RETURN NULL;
END;
$$"""


# A sync import logs the rows it writes itself, in one statement just before its commit (a
# packet of 100,000 rows would otherwise queue 100,000 deferred PL/pgSQL calls for the commit). It
# sets this transaction-local setting around its inserts and updates; the triggers' WHEN is
# evaluated as each row is written (not deferred), so those rows queue no event at all. Every
# other write, and the import's own deletions (their foreign-key cascades too), is logged by the
# triggers as before.
PG_IMPORT_SETTING = "pmi_desk.sync_import"


def pg_trigger_sql(name: str) -> tuple[str, str]:
    trigger = f"{TRIGGER_PREFIX}{name}"
    return trigger, (f'CREATE CONSTRAINT TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE ON "{name}" '
                     f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                     f"WHEN (current_setting('{PG_IMPORT_SETTING}', true) IS DISTINCT FROM 'on') "
                     f"EXECUTE FUNCTION {PG_FUNCTION}()")


def lock_log(conn) -> None:
    """Take the change log's lock (PostgreSQL) before writing ``sync_log`` rows by hand."""
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK})")


def _ensure_tracking_postgres(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("sync_log"):
            return 0
        tables = set(sa.inspect(conn).get_table_names())
        # a trigger made before the WHEN condition (no tgqual) is made again
        have = set(conn.exec_driver_sql(
            f"SELECT tgname FROM pg_trigger WHERE tgname LIKE '{TRIGGER_PREFIX}%%' AND tgqual IS NOT NULL").scalars())
        function = conn.exec_driver_sql(f"SELECT to_regproc('{PG_FUNCTION}')").scalar()
    wanted = [t.name for t in carried_tables() if t.name in tables and pg_trigger_sql(t.name)[0] not in have]
    if not wanted and function is not None:
        return 0
    created = 0
    with engine.begin() as conn:
        lock_log(conn)
        conn.exec_driver_sql(f"CREATE SEQUENCE IF NOT EXISTS {PG_SEQUENCE}")
        conn.exec_driver_sql(f"SELECT setval('{PG_SEQUENCE}', GREATEST((SELECT COALESCE(MAX(seq), 0) FROM sync_log), "
                             f"(SELECT last_value FROM {PG_SEQUENCE})), true)")
        conn.exec_driver_sql(PG_FUNCTION_SQL)
        for name in wanted:
            trigger, create = pg_trigger_sql(name)
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS {trigger} ON "{name}"')
            conn.exec_driver_sql(create)
            created += 1
            conn.exec_driver_sql(
                f"""INSERT INTO sync_log (table_name, row_id, seq, deleted, version)
                SELECT '{name}', replace(t.id::text, '-', ''), nextval('{PG_SEQUENCE}'), false, t.version
                FROM (SELECT id, version FROM "{name}" ORDER BY created_at, id) t WHERE NOT EXISTS (
                    SELECT 1 FROM sync_log l WHERE l.table_name = '{name}' AND l.row_id = replace(t.id::text, '-', ''))""")
    return created


def ensure_tracking(engine: sa.Engine) -> int:
    """Create the missing change-log triggers and log the rows not yet logged; the number of
    triggers created. Cheap when nothing is missing (one look at ``sqlite_master``)."""
    if engine.dialect.name == "postgresql":
        return _ensure_tracking_postgres(engine)
    if engine.dialect.name != "sqlite":
        return 0
    with engine.connect() as conn:
        names = set(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").scalars())
    if "sync_log" not in names:
        return 0  # a database at an older revision (migration tests)
    wanted: dict[str, dict[str, str]] = {}
    for t in carried_tables():
        if t.name not in names:
            continue
        sql = trigger_sql(t.name)
        if not set(sql) <= names:
            wanted[t.name] = sql
    if not wanted:
        return 0
    created = 0
    with engine.execution_options(pmi_write=True).begin() as conn:
        for name, sql in wanted.items():
            for trigger, create in sql.items():
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
                conn.exec_driver_sql(create)
                created += 1
            start = conn.exec_driver_sql("SELECT COALESCE(MAX(seq), 0) FROM sync_log").scalar_one()
            conn.exec_driver_sql(
                f"""INSERT INTO sync_log (table_name, row_id, seq, deleted, version)
                SELECT '{name}', t.id, {start} + ROW_NUMBER() OVER (ORDER BY t.rowid), 0, t.version
                FROM "{name}" t WHERE NOT EXISTS (
                    SELECT 1 FROM sync_log l WHERE l.table_name = '{name}' AND l.row_id = t.id)""")
    return created
