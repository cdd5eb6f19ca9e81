"""Unexpected errors: logged with the traceback (logger ``app.ui``) and shown in a dialog instead
of ending the program."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

log = logging.getLogger("app.ui")

_TITLE = QT_TRANSLATE_NOOP("CrashDialog", "Unexpected error")
_TEXT = QT_TRANSLATE_NOOP("CrashDialog",
                          "Something went wrong that PMI Desk did not expect. What you saved before is "
                          "safe. The details were written to the log file; please tell the administrator.")
_showing = False


def _t(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


def show_crash_dialog(exc_type, exc, tb) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, _t(_TITLE), _t(_TEXT))
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    box.exec()


def excepthook(exc_type, exc, tb) -> None:
    """Log, then show the crash dialog (once at a time); the event loop keeps running."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if _showing:
        return
    _showing = True
    try:
        show_crash_dialog(exc_type, exc, tb)
    except Exception:  # the dialog itself must never take the program down
        log.exception("crash dialog failed")
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = excepthook
