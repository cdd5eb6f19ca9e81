"""Copies of the SQLite file made with SQLite's online backup API (consistent while in use)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger("app.backup")


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL, or None for other databases and in-memory ones."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix):].split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


def backup_file(source: Path, dest_dir: Path, reason: str) -> Path:
    """Copy ``source`` into ``dest_dir`` as ``pmi-desk-<UTC time>-<reason>.sqlite3`` and check it."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = dest_dir / f"pmi-desk-{stamp}-{reason}.sqlite3"
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if ok != "ok":
        target.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"backup of {source} failed its check: {ok}")
    log.info("backup of %s written to %s (%s)", source, target, reason)
    return target
