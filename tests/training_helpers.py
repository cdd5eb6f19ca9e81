"""Helpers for the training tests: users, applicants and a batch in a fresh database."""

from __future__ import annotations

from datetime import date

from app.core import registration, training
from app.core.actor import Actor
from app.models import User
from tests.conftest import applicant_input, hold_documents

NAMES = ["Siti Nurhaliza", "Ahmad Fauzi", "Dewi Lestari", "Budi Santoso", "Rina Marlina", "Agus Salim",
         "Yuni Kartika", "Eko Prasetyo", "Lina Wati", "Hendra Gunawan", "Maya Sari", "Rudi Hartono",
         "Nur Aini", "Joko Susilo", "Fitri Handayani", "Dedi Kurniawan", "Wulan Dari", "Iwan Setiawan",
         "Ratna Sari", "Bayu Aji"]


def add_user(db, username: str, role: str, full_name: str = "") -> Actor:
    """A user row without hashing a password (argon2 is slow and not what these tests are about)."""
    with db.session() as s:
        s.add(User(username=username, full_name=full_name or username.title(), role=role,
                   password_hash="x", office_code="SRG-0001", origin_office="SRG-0001"))
    return Actor(username, "SRG-0001", role, full_name or username.title())


def register(db, actor: Actor, n: int, *, start: int = 0, documents: bool = True) -> list:
    """``n`` registered applicants (distinct NIKs, phones, names), with their early documents
    handed in unless ``documents`` is False (graduates move on to `ready` only with them)."""
    out = []
    for i in range(start, start + n):
        data = applicant_input(nik=f"36730157030100{i + 10:02d}", kk_number=f"36730101010100{i + 10:02d}",
                               full_name=f"{NAMES[i % len(NAMES)]} {chr(65 + i // len(NAMES))}",
                               phone=f"0812-3456-{7000 + i:04d}", email=None)
        out.append(registration.register_applicant(db, data, actor, confirm_warnings=True,
                                                   today=date(2026, 1, 5)).id)
        if documents:
            hold_documents(db, out[-1])
    return out


def batch_input(**overrides) -> training.BatchInput:
    values = dict(code="JP-2026-01", language_code="ja", target_level="JFT-Basic A2",
                  provider="BBPVP Serang", venue="Jl. Raya Serang Km 5", trainer_username="guru1",
                  start_date=date(2026, 2, 2), duration_months=3, schedule_days=[1, 3, 5],
                  start_time="08:00", end_time="12:00", capacity=30, min_attendance=80, pass_mark=70,
                  funding_scheme="government")
    values.update(overrides)
    return training.BatchInput(**values)
