"""Test helpers: several offices, each with its own SQLite database and data dir (keys, scans)."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core import registration, setup, sync
from app.core.actor import Actor
from app.core.sync_tracking import carried_tables
from app.db import Database
from tests.conftest import TODAY, applicant_input


@dataclass
class Office:
    code: str
    kind: str
    home: Path
    db: Database

    @property
    def supervisor(self) -> Actor:
        return Actor("spv." + self.code[:3].lower(), self.code, "supervisor", "Supervisor " + self.code)

    @property
    def admin(self) -> Actor:
        return Actor("admin", self.code, "admin", "Admin " + self.code)

    @property
    def counter(self) -> Actor:
        return Actor("petugas", self.code, "counter", "Petugas " + self.code)

    @contextmanager
    def here(self):
        """Run with this office's data dir (its private key and scans)."""
        old = os.environ.get("PMI_DESK_HOME")
        os.environ["PMI_DESK_HOME"] = str(self.home)
        try:
            yield self
        finally:
            os.environ["PMI_DESK_HOME"] = old

    def register(self, serial: int, **overrides):
        nik = overrides.pop("nik", f"367301570301{serial:04d}")
        with self.here():
            return registration.register_applicant(
                self.db, applicant_input(nik=nik, full_name=overrides.pop("full_name", f"Pendaftar {serial}"),
                                         phone=f"0812{serial:08d}", **overrides),
                self.counter, confirm_warnings=True, today=TODAY)

    def export(self, to: "Office", path: Path):
        with self.here():
            return sync.export_packet(self.db, self.supervisor, to.code, path)

    def import_(self, path: Path):
        with self.here():
            return sync.import_packet(self.db, self.supervisor, path)

    def ack(self, path: Path):
        with self.here():
            return sync.import_ack(self.db, self.supervisor, path)

    def snapshot(self) -> dict[str, dict[str, str]]:
        """{table: {id: hash of the row}} of every carried table. The reference rows the
        migrations seed (tables routed "down") are compared without their write times: each
        office's migration wrote them at its own moment (alike on SQLite offices copied from
        one template file, not on a city office migrated on PostgreSQL), and sync takes rows
        alike but for those times as unchanged."""
        out = {}
        with self.db.session(write=False) as s:
            for t in carried_tables():
                stamps = ("created_at", "updated_at") if t.route == "down" else ()
                out[t.name] = {r["id"]: sync._hash({k: v for k, v in r.items() if k not in stamps})
                               for r in sync.rows_of(s, t)}
        return out


def make_office(tmp_path: Path, template: Path, code: str, kind: str, db: Database | None = None) -> Office:
    """An office on a copy of the migrated SQLite ``template``, or on ``db`` when given (the
    ``db`` fixture's database: PostgreSQL in the PostgreSQL pass)."""
    home = tmp_path / code
    home.mkdir()
    if db is None:
        path = home / "pmi-desk.sqlite3"
        shutil.copyfile(template, path)
        db = Database.open(f"sqlite:///{path}")
    office = Office(code, kind, home, db)
    with office.here():
        setup.first_start(db, office_code=code, office_name=f"Kantor {code}", office_kind=kind,
                          admin_username="admin", admin_full_name="Admin Kantor", admin_password="rahasia-123")
        sync.ensure_keys(db)
    return office


def introduce(a: Office, b: Office) -> None:
    """Each office registers the other's public key (as the admins do with ``sync trust``)."""
    import json

    for x, y in ((a, b), (b, a)):
        with x.here():
            doc = sync.own_key_file(x.db, x.admin)
        with y.here():
            sync.trust_office(y.db, y.admin, x.code, json.dumps(doc))


def exchange(src: Office, dst: Office, folder: Path, name: str, *, ack: bool = True):
    """src → dst packet, imported; the acknowledgement carried back when ``ack``."""
    path = folder / f"{name}.zip"
    src.export(dst, path)
    result = dst.import_(path)
    if ack:
        src.ack(result.ack_path)
    return result
