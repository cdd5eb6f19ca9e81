"""Run one service call off the GUI thread, with a busy progress dialog, and wait for it while the
GUI stays live (a local event loop). Errors come back as values: AppError for the dialog, anything
else is logged with its traceback and returned too."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger("app.ui")


class Task(QThread):
    """``Task(function)``: ``function()`` runs in the thread; ``result`` / ``error`` after ``finished``."""

    done = Signal()

    def __init__(self, function, parent: QObject | None = None):
        super().__init__(parent)
        self.function = function
        self.result = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.function()
        except Exception as exc:  # handed to the GUI thread
            from app.core.errors import AppError

            if not isinstance(exc, AppError):
                log.exception("background task failed")
            self.error = exc
        self.done.emit()


def run_busy(parent: QWidget | None, title: str, label: str, function):
    """``function()`` in a thread behind a modal busy dialog; returns ``(result, error)``."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # a backup or a restore is not stopped half-way
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    task = Task(function)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    dialog.show()
    task.start()
    if task.isRunning():
        loop.exec()
    task.wait()
    dialog.close()
    dialog.deleteLater()
    return task.result, task.error
