from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlmodel import Field

from app.models.base import Record, UTCDateTime

ROLES = ("counter", "trainer", "supervisor", "admin")


class User(Record, table=True):
    username: str = Field(max_length=32, unique=True, index=True)
    full_name: str = Field(max_length=100)
    role: str = Field(max_length=16)
    password_hash: str = Field(max_length=200)
    office_code: str = Field(max_length=16)
    active: bool = Field(default=True)
    failed_attempts: int = Field(default=0)
    locked_until: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)
    must_change_password: bool = Field(default=False)
