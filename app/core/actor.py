"""Who is acting: every service call names the signed-in user and their office."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    username: str
    office_code: str
    role: str = "counter"
    full_name: str = ""


SYSTEM = Actor(username="system", office_code="SYSTEM", role="admin", full_name="Sistem")
