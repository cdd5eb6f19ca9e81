"""Bookkeeping of the sync between offices (app/core/sync.py). None of these tables derives from
``Record``: they describe this installation's exchanges and never travel themselves."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime


class OfficeKey(SQLModel, table=True):
    """Ed25519 public keys: this office's own (``own``) and the offices it trusts (``trusted``)."""

    __tablename__ = "sync_office_key"

    office_code: str = Field(primary_key=True, max_length=16)
    public_key: str = Field(max_length=64)  # raw 32 bytes, base64
    own: bool = Field(default=False)
    added_at: datetime = Field(sa_type=UTCDateTime)
    added_by: str = Field(max_length=32)


class SyncLog(SQLModel, table=True):
    """The last local change of every carried row, in one increasing sequence (maintained by
    triggers, see ``app.core.sync_tracking``). ``deleted`` rows are the tombstones."""

    __tablename__ = "sync_log"

    table_name: str = Field(primary_key=True, max_length=64)
    row_id: str = Field(primary_key=True, max_length=36)
    seq: int = Field(sa_column_kwargs={"unique": True}, index=False)
    deleted: bool = Field(default=False)
    version: int = Field(default=1)


class SyncPeer(SQLModel, table=True):
    """What this office knows of one other office's exchanges with it."""

    __tablename__ = "sync_peer"

    office_code: str = Field(primary_key=True, max_length=16)
    acked_seq: int = Field(default=0)  # every local change up to here reached the peer
    last_export_seq: int = Field(default=0)
    last_export_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)
    last_import_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)


class SyncPeerRow(SQLModel, table=True):
    """The state of one row that a peer is known to hold (it sent it, or acknowledged it)."""

    __tablename__ = "sync_peer_row"

    peer: str = Field(primary_key=True, max_length=16)
    table_name: str = Field(primary_key=True, max_length=64)
    row_id: str = Field(primary_key=True, max_length=36)
    version: int
    hash: str = Field(max_length=64)


class SyncSent(SQLModel, table=True):
    """The rows of a packet sent and not yet acknowledged."""

    __tablename__ = "sync_sent"

    packet_id: str = Field(primary_key=True, max_length=36)
    table_name: str = Field(primary_key=True, max_length=64)
    row_id: str = Field(primary_key=True, max_length=36)
    peer: str = Field(max_length=16)
    version: int
    hash: str = Field(max_length=64)


class SyncPacketIn(SQLModel, table=True):
    """A packet imported here (a second import of it changes nothing)."""

    __tablename__ = "sync_packet_in"

    packet_id: str = Field(primary_key=True, max_length=36)
    from_office: str = Field(max_length=16)
    up_to_seq: int
    imported_at: datetime = Field(sa_type=UTCDateTime)
    imported_by: str = Field(max_length=32)
    not_applied: str = Field(default="[]")  # JSON [[table, id], ...]: conflicts and stale rows
    summary: str = Field(default="{}")  # JSON counts


class SyncConflict(SQLModel, table=True):
    """Two versions of one row (or two rows claiming one unique value) kept for a supervisor."""

    __tablename__ = "sync_conflict"
    __table_args__ = (sa.Index("ix_sync_conflict_status_table_name_row_id", "status", "table_name", "row_id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)  # edit | unique | deleted_here | deleted_there
    peer: str = Field(max_length=16)
    table_name: str = Field(max_length=64)
    row_id: str = Field(max_length=36)  # the local row (for unique: the local holder of the value)
    their_id: str = Field(max_length=36)  # the incoming row's id
    unique_field: Optional[str] = Field(default=None, max_length=64)
    mine: Optional[str] = Field(default=None)  # JSON row as it was here (None: deleted here)
    theirs: Optional[str] = Field(default=None)  # JSON incoming row (None: deleted there)
    their_version: int = Field(default=0)
    held: str = Field(default="[]")  # JSON [[table, row], ...]: child rows waiting on this one
    detected_at: datetime = Field(sa_type=UTCDateTime)
    status: str = Field(default="open", max_length=16)  # open | resolved
    resolution: Optional[str] = Field(default=None, max_length=16)  # mine | theirs | merge
    resolved_by: Optional[str] = Field(default=None, max_length=32)
    resolved_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)
