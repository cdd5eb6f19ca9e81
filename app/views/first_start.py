"""First start: this office and its first administrator, then an offer of demo data.

Demo data is made by ``app.core.demo.generate`` in a worker thread with a progress dialog and a
cancel button; the GUI thread never waits on it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QProgressDialog, QSpinBox, QVBoxLayout, QWidget)

from app.core import setup
from app.core.errors import StorageError, UserError, ValidationError
from app.views import i18n
from app.views.widgets import ERROR_STYLE, error_label, mark_error

log = logging.getLogger("app.ui")
DEMO_SEED = 2026


class FirstStartDialog(QDialog):
    """Asks for the office and the first administrator; ``user`` is the created admin on accept."""

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.user = None
        self.setWindowTitle(self.tr("PMI Desk — first start"))
        self.setStyleSheet(ERROR_STYLE)
        intro = QLabel(self.tr(
            "Welcome to PMI Desk. Enter this office and its first administrator. "
            "The administrator signs in with this user name and password."))
        intro.setWordWrap(True)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.office_code = self._add(form, "office_code", self.tr("Office code"), QLineEdit(setup.DEFAULT_OFFICE_CODE))
        self.office_code.setInputMask(">AAA-9999;_")
        self.office_code.setToolTip(self.tr("Three letters and four digits, e.g. SRG-0001"))
        self.office_name = self._add(form, "office_name", self.tr("Office name"), QLineEdit(setup.DEFAULT_OFFICE_NAME))
        self.office_kind = self._add(form, "office_kind", self.tr("Kind of office"), QComboBox())
        self.office_kind.addItem(self.tr("City office"), "city")
        self.office_kind.addItem(self.tr("Sub-district office"), "kecamatan")
        self.username = self._add(form, "username", self.tr("Administrator user name"), QLineEdit("admin"))
        self.full_name = self._add(form, "full_name", self.tr("Administrator full name"), QLineEdit())
        self.password = self._add(form, "password", self.tr("Password"), QLineEdit())
        self.password2 = self._add(form, "password2", self.tr("Password again"), QLineEdit())
        for w in (self.password, self.password2):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setPlaceholderText(self.tr("at least 8 characters"))
        self.general_error = error_label()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Save and start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(680)
        self.full_name.setFocus()

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(widget)
        err = error_label()
        err.setWordWrap(False)  # short messages; wrapping inside a form row clips them
        v.addWidget(err)
        form.addRow(label, box)
        self._fields[name] = (widget, err)
        return widget

    def _clear_errors(self) -> None:
        for widget, label in self._fields.values():
            mark_error(widget, False)
            label.hide()
        self.general_error.hide()

    def _error(self, name: str, text: str) -> QWidget | None:
        if name in self._fields:
            widget, label = self._fields[name]
            mark_error(widget, True)
            label.setText(text)
            label.show()
            self.adjustSize()
            return widget
        self.general_error.setText(text)
        self.general_error.show()
        self.adjustSize()
        return None

    def error_text(self, name: str) -> str:
        label = self._fields[name][1]
        return "" if label.isHidden() else label.text()

    def accept(self) -> None:
        self._clear_errors()
        if self.password.text() != self.password2.text():
            self._error("password2", self.tr("The two passwords are not the same."))
            self.password2.setFocus()
            return
        try:
            self.user = setup.first_start(
                self.db, office_code=self.office_code.text(), office_name=self.office_name.text(),
                office_kind=self.office_kind.currentData(), admin_username=self.username.text(),
                admin_full_name=self.full_name.text(), admin_password=self.password.text())
        except ValidationError as exc:
            bad = [w for w in (self._error(e.field, i18n.message(e)) for e in exc.errors) if w is not None]
            if bad:
                bad[0].setFocus()
            return
        except (UserError, StorageError) as exc:
            self._error("", i18n.message(exc))
            return
        log.info("first start done: office %s, admin %s", self.user.office_code, self.user.username)
        super().accept()


class DemoOfferDialog(QDialog):
    """Yes/No: fill the new database with demo applicants (how many)."""

    def __init__(self, default: int = 1000, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Demo data"))
        text = QLabel(self.tr(
            "Fill the database with demo applicants, for training and trying things out? "
            "Demo data is made up; do not use it for real work."))
        text.setWordWrap(True)
        self.count = QSpinBox()
        self.count.setRange(10, 200_000)
        self.count.setSingleStep(1000)
        self.count.setGroupSeparatorShown(True)
        self.count.setValue(default)
        form = QFormLayout()
        form.addRow(self.tr("Number of applicants"), self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
        buttons.button(QDialogButtonBox.StandardButton.Yes).setText(self.tr("Yes, make demo data"))
        buttons.button(QDialogButtonBox.StandardButton.No).setText(self.tr("No"))
        buttons.button(QDialogButtonBox.StandardButton.No).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


class _Cancelled(Exception):
    pass


class DemoWorker(QThread):
    """Runs ``demo.generate`` off the GUI thread; ``cancel()`` stops it at the next progress call."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, db, actor, applicants: int, seed: int = DEMO_SEED, parent=None):
        super().__init__(parent)
        self.db, self.actor, self.applicants, self.seed = db, actor, applicants, seed
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancel:
            raise _Cancelled()
        self.progress.emit(done, total)

    def run(self) -> None:
        try:
            from app.core import demo

            result = demo.generate(self.db, self.actor, applicants=self.applicants, seed=self.seed,
                                   progress=self._progress)
        except _Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # reported in the GUI thread, with the traceback in the log
            log.exception("demo data failed")
            self.failed.emit(getattr(exc, "message", None) or str(exc))
        else:
            self.succeeded.emit(result)


class DemoRunner(QObject):
    """The worker plus its progress dialog (cancel stops the worker) and the closing message."""

    def __init__(self, db, actor, applicants: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.parent_widget = parent
        self.applicants = applicants
        self.result = None
        self.outcome = ""  # "done" | "failed" | "cancelled"
        self.last_progress = (0, applicants)
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(self.tr("Demo data"))
        self.dialog.setLabelText(self.tr("Making demo applicants…"))
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setRange(0, max(applicants, 1))
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.worker = DemoWorker(db, actor, applicants, parent=self)
        self.worker.progress.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.dialog.canceled.connect(self.worker.cancel)

    def _progress(self, done: int, total: int) -> None:
        self.last_progress = (done, total)
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))
        self.dialog.setLabelText(self.tr("Making demo applicants… %1 of %2")
                                 .replace("%1", _thousands(done)).replace("%2", _thousands(total)))

    def _succeeded(self, result) -> None:
        self.result, self.outcome = result, "done"
        self.dialog.close()
        n = result.get("applicants", self.applicants) if isinstance(result, dict) else self.applicants
        QMessageBox.information(self.parent_widget, self.tr("Demo data"),
                                self.tr("%1 demo applicants were made.").replace("%1", _thousands(n)))

    def _failed(self, text: str) -> None:
        self.outcome = "failed"
        self.dialog.close()
        QMessageBox.warning(self.parent_widget, self.tr("Demo data"),
                            self.tr("Demo data could not be made: %1").replace("%1", text))

    def _cancelled(self) -> None:
        self.outcome = "cancelled"
        self.dialog.close()

    def run(self, *, wait: bool = True) -> "DemoRunner":
        """Start; with ``wait`` run a local event loop (the GUI stays live) until the worker ends."""
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        self.worker.finished.connect(loop.quit)
        self.dialog.show()
        self.worker.start()
        if wait:
            if self.worker.isRunning():
                loop.exec()
            self.worker.wait()
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()  # deliver the worker's last queued signals
        return self


def _thousands(n: int) -> str:
    return i18n.number_text(n)
