"""Run one service call off the GUI thread, with a busy progress dialog, and wait for it while the
GUI stays live (a local event loop). Errors come back as values: AppError for the dialog, anything
else is logged with its traceback and returned too."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
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


class ProgressTask(Task):
    """``function(progress, cancelled)`` in the thread: ``progress(done, total)`` is passed on to the
    GUI thread as the ``advanced`` signal; ``cancelled()`` is True once ``cancel()`` was called."""

    advanced = Signal(int, int)

    def __init__(self, function, parent: QObject | None = None):
        import threading

        self._stop = threading.Event()
        super().__init__(lambda: function(self.advanced.emit, self._stop.is_set), parent)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def was_cancelled(self) -> bool:
        return self._stop.is_set()


def run_with_progress(parent: QWidget | None, title: str, label: str, function, *, cancel_text: str = "",
                      on_dialog=None):
    """``function(progress, cancelled)`` in a thread behind a modal progress dialog with a working
    Cancel button; returns ``(result, error, cancelled)``. The function stops itself when
    ``cancelled()`` turns True (the dialog stays up, saying so, until it has). ``on_dialog`` gets
    the dialog once shown (tests press Cancel through it)."""
    dialog = QProgressDialog(label, cancel_text or dialog_cancel_text(), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    task = ProgressTask(function)

    def advanced(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total))

    def cancel() -> None:
        task.cancel()
        dialog.setLabelText(QCoreApplication.translate("Worker", "Cancelling…"))

    task.advanced.connect(advanced, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(cancel)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    dialog.show()
    if on_dialog is not None:
        on_dialog(dialog)
    task.start()
    if task.isRunning():
        loop.exec()
    task.wait()
    dialog.canceled.disconnect(cancel)  # closing the dialog emits canceled too
    cancelled = task.was_cancelled
    dialog.close()
    dialog.deleteLater()
    return task.result, task.error, cancelled


def dialog_cancel_text() -> str:
    return QCoreApplication.translate("Worker", "Cancel")
