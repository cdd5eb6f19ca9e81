from __future__ import annotations

from typing import Optional

from sqlmodel import Field, SQLModel

from app.models.base import Record


class Office(Record, table=True):
    """The city office or a kecamatan office."""

    code: str = Field(max_length=16, unique=True, index=True)
    name: str = Field(max_length=120)
    kind: str = Field(max_length=16)  # "city" | "kecamatan"
    kecamatan_code: Optional[str] = Field(default=None, max_length=8)
    address: Optional[str] = Field(default=None, max_length=200)
    phone: Optional[str] = Field(default=None, max_length=20)


class AppSetting(SQLModel, table=True):
    """Installation-wide facts stored with the data (this office's code, setup done...)."""

    __tablename__ = "app_setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=2000)
