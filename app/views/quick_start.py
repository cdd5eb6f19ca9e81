"""The GUI side of the quick start (``app.core.quickstart``): once the window has painted the
list, the database stack loads on a worker thread; this watcher then reacts to what the start-up
check and the deferred sign-in write came to.

- check passed, sign-in written: the registration page is built (its module needs SQLAlchemy),
  so the first Ctrl+N does not wait;
- the file is damaged: the window closes (nothing could be written: writes wait for the check)
  and ``application.run`` shows the damaged-database screen, as a full start does;
- the sign-in was refused after all (locked or deactivated from another window in between): the
  message, and the sign-in again;
- the stack failed to load: the error goes to the crash hook (logged with its traceback).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer

log = logging.getLogger("app.ui")

POLL_MS = 40


def freeze_start_up_objects() -> None:
    """Move every object alive once the start is over (modules, the ORM's mappings, Qt's
    wrappers: some hundred thousand) out of the garbage collector's reach. Its full collections
    then walk only what was made since: measured on the search benchmark's process, a full
    collection in the middle of a keystroke took 42 ms; a keystroke itself takes 1-7 ms."""
    import gc

    gc.collect()
    gc.freeze()


class _AfterFirstPaint(QObject):
    def __init__(self, viewport, callback):
        super().__init__(viewport)
        self.callback = callback
        viewport.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self.callback)  # after this paint
        return False


def after_list_shows(window, callback) -> None:
    """``callback`` once the applicant list has painted (the start page), or at the next turn of
    the event loop when another page is showing: work that would hold the first paint up."""
    viewport = window.applicants.table.viewport()
    if viewport.isVisible():
        _AfterFirstPaint(viewport, callback)
    else:
        QTimer.singleShot(0, viewport, callback)


class QuickStartWatcher(QObject):
    def __init__(self, window, db):
        super().__init__(window)
        self.window = window
        self.db = db
        self.outcome: str | None = None  # "ok", "damaged", "refused", "failed" once known
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        after_list_shows(window, self.start)  # the stack loads after the list's first paint

    def start(self) -> None:
        self.db.start_loading()
        self.timer.start()

    def poll(self) -> bool:
        """Act once the loader is done; True then."""
        if not self.db.finished():
            return False
        self.timer.stop()
        from app.core.errors import AppError

        failure = self.db.loaded.exception()
        errors, self.db.errors = list(self.db.errors), []
        if self.db.gate.damaged():
            self.outcome = "damaged"
            log.error("start-up check: the database file is damaged (%s)", self.db.gate.wait().integrity)
            self.window.close_for_damage()
        elif failure is not None:
            self.outcome = "failed"
            import sys

            sys.excepthook(type(failure), failure, failure.__traceback__)
        elif errors:  # the sign-in's write was refused (locked meanwhile) or failed (disk full, busy)
            self.outcome = "refused"
            error = errors[0]
            if isinstance(error, AppError):
                from PySide6.QtWidgets import QMessageBox

                from app.views import i18n

                QMessageBox.warning(self.window, self.tr("Signed out"), i18n.message(error))
            else:
                import sys

                sys.excepthook(type(error), error, error.__traceback__)
            self.window.sign_out(discard=True)
        else:
            self.outcome = "ok"
            self.window.registration  # noqa: B018 (built now, while nobody waits for it)
            freeze_start_up_objects()
        return True
