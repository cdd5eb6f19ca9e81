"""Where things live on disk. No literal paths elsewhere: everything comes from here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "pmi-desk"


def data_dir() -> Path:
    """The user data dir, or ``PMI_DESK_HOME`` when set. Created on demand."""
    home = os.environ.get("PMI_DESK_HOME")
    if home:
        path = Path(home).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    return data_dir() / "pmi-desk.sqlite3"


def database_url() -> str:
    """``PMI_DESK_DB_URL`` or the SQLite file in the data dir."""
    return os.environ.get("PMI_DESK_DB_URL") or f"sqlite:///{database_path()}"


def resources_dir() -> Path:
    """The shipped data files (regions, education levels, translations...)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
