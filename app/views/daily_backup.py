"""The daily backup while PMI Desk stays open (past midnight, or for days): every few minutes a
worker thread runs ``backup.run_daily``, which does nothing until a backup is due (no backup of
today, WIB) and then backs up to the data dir and the extra folder, with rotation. The GUI thread
only starts the thread and shows the outcome in the status bar: typing never waits for it.

A problem (the USB disk not plugged in, a full disk) is said once, not at every check, until it
changes or goes away."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.core import backup
from app.views import i18n
from app.views.worker import Task

CHECK_INTERVAL_MS = 10 * 60_000


class DailyBackup(QObject):
    """``DailyBackup(db_path)``; ``check()`` starts a run now (tests, and the timer).

    ``message`` carries the status-bar text; ``ran`` the ``DailyReport`` of every finished run."""

    message = Signal(str)
    ran = Signal(object)

    def __init__(self, db_path: Path | None, parent: QObject | None = None, *,
                 interval_ms: int = CHECK_INTERVAL_MS, clock=None):
        super().__init__(parent)
        self.db_path = Path(db_path) if db_path is not None else None
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.task: Task | None = None
        self._said_problem = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        if self.db_path is not None:  # PostgreSQL has its own backups
            self.timer.start()

    @property
    def running(self) -> bool:
        return self.task is not None

    def check(self) -> bool:
        """Start a run in a worker thread unless one is running; False when nothing started."""
        if self.db_path is None or self.task is not None:
            return False
        path, now = self.db_path, self.clock()
        self.task = Task(lambda: backup.run_daily(path, now=now), self)
        self.task.done.connect(self._finished)
        self.task.start()
        return True

    def _finished(self) -> None:
        task, self.task = self.task, None
        if task is None:
            return
        task.wait()
        task.deleteLater()
        if task.error is not None:  # not a StorageError (those are in the report): logged by Task
            self.message.emit(i18n.message(task.error) if hasattr(task.error, "message_en") else str(task.error))
            return
        report = task.result
        self.ran.emit(report)
        lang = i18n.language()
        problems = " ".join(i18n.message(e) for e in (report.local_error, report.extra_error) if e is not None)
        done = report.text(lang) if report.made else ""
        if report.made:
            self._said_problem = problems
            self.message.emit(done)
        elif problems != self._said_problem:
            self._said_problem = problems
            if problems:
                self.message.emit(problems)

    def stop(self, wait_ms: int = 120_000) -> None:
        """No new runs; wait for a running one (closing, or before a restore)."""
        self.timer.stop()
        if self.task is not None:
            self.task.wait(wait_ms)
