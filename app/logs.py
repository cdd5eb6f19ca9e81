"""Logging: named loggers (``app.db``, ``app.ui``…) into a rotating file in the data dir."""

from __future__ import annotations

import logging
import logging.handlers

from app import paths

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(*, console: bool = False, level: int = logging.INFO) -> None:
    root = logging.getLogger("app")
    if getattr(root, "_pmi_configured", False):
        return
    root.setLevel(level)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_dir() / "pmi-desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        root.addHandler(stream)
    root._pmi_configured = True  # type: ignore[attr-defined]
