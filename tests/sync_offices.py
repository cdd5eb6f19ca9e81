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
        """{table: {id: hash of the row}} of every carried table."""
        out = {}
        with self.db.session(write=False) as s:
            for t in carried_tables():
                out[t.name] = {r["id"]: sync._hash(r) for r in sync.rows_of(s, t)}
        return out


def make_office(tmp_path: Path, template: Path, code: str, kind: str) -> Office:
    home = tmp_path / code
    home.mkdir()
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
