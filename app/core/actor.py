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


@dataclass(frozen=True)
class OfficeInfo:
    """This installation's office (``setup.local_office``)."""

    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class UserInfo:
    """A signed-in (or listed) user, without the password hash."""

    username: str
    full_name: str
    role: str
    office_code: str
    must_change_password: bool = False  # the GUI asks for a new password before anything else

    def actor(self) -> Actor:
        return Actor(self.username, self.office_code, self.role, self.full_name)
