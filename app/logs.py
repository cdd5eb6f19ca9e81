"""Logging: named loggers (``app.db``, ``app.ui``…) into a rotating file in the data dir."""

from __future__ import annotations

import logging
import logging.handlers

from app import paths

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time of the record (not the stream of the first
    call: tests and embedding callers replace it; logging is configured once per process)."""

    @property
    def stream(self):
        import sys

        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


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
        stream = _StderrHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        root.addHandler(stream)
    root._pmi_configured = True  # type: ignore[attr-defined]
