"""The applicant form with its save flow, for a new walk-in and for editing a saved applicant.

The flow is the same both ways: collect the input, call the service, show field errors on the
fields, ask to confirm warnings, and only on success clear (new) or reload (edit). The typed data
is never lost on an error.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from app.core import registration
from app.core.errors import (ConcurrentEdit, ConfirmationRequired, NotFound, StorageError,
                             UserError, ValidationError)
from app.views import i18n
from app.views.registration import confirm
from app.views.registration.form import ApplicantForm
from app.views.widgets import show_pdf


class ApplicantEditor(QWidget):
    """``ApplicantEditor(db, actor)`` registers; ``ApplicantEditor(db, actor, detail=d)`` edits ``d``.

    ``ask_confirmation(parent, warnings) -> (action, applicant_id)`` can be replaced (tests, or
    another dialog); by default it is the modal ``WarningsDialog``.
    """

    saved = Signal(object)  # the ApplicantDetail returned by the service
    openApplicantRequested = Signal(str)  # an applicant id (a likely duplicate)
    statusMessage = Signal(str)

    def __init__(self, db, actor, *, detail=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.detail = detail
        self.ask_confirmation = confirm.ask
        self.dirty = False
        self.last_number: str | None = None  # the registration number shown after the last save

        self.form = ApplicantForm()
        self.form.changed.connect(self._mark_dirty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll = scroll

        self.result_label = QLabel()
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setStyleSheet(
            "QLabel { background: #e8f5e9; border: 1px solid #2e7d32; border-radius: 4px;"
            " padding: 6px 10px; font-size: 15px; }")
        self.result_label.hide()
        self.receipt_button = QPushButton(self.tr("Print receipt"))
        self.receipt_button.setToolTip(self.tr("The registration receipt (PDF) of the applicant just registered"))
        self.receipt_button.clicked.connect(self.print_receipt)
        self.receipt_button.hide()
        self.show_pdf = show_pdf  # the print preview; replaced in tests
        self.last_receipt = None  # the path of the last receipt written
        self.save_button = QPushButton(self.tr("Save (Enter)") if detail is None else self.tr("Save changes (Enter)"))
        self.save_button.setToolTip(self.tr("Enter or Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button = QPushButton(self.tr("Clear (Esc)"))
        self.clear_button.clicked.connect(self.confirm_clear)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.setVisible(detail is None)
        for button in (self.save_button, self.clear_button):
            button.setAutoDefault(True)  # Enter on a focused button presses that button

        buttons = QHBoxLayout()
        buttons.addWidget(self.result_label, 1)
        buttons.addWidget(self.receipt_button)
        buttons.addStretch(0)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        for keys in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

        if detail is not None:
            self._load(detail)
        else:
            self.form.clear()
            self.dirty = False

    # --- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        """Enter anywhere in the form saves (line edits and combo boxes pass Enter up to here);
        Esc clears after confirmation (new registration only: in a dialog Esc closes it)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.save()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.detail is None:
            self.confirm_clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def _mark_dirty(self) -> None:
        self.dirty = True

    # --- actions ---------------------------------------------------------------------------

    def confirm_clear(self) -> None:
        if self.form.has_input():
            answer = QMessageBox.question(
                self, self.tr("Clear the form"), self.tr("Clear everything typed in this form?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.clear()

    def clear(self) -> None:
        self.form.clear()
        self.dirty = False
        self.form.nik.setFocus()
        self.scroll.ensureVisible(0, 0)

    def _load(self, detail) -> None:
        self.detail = detail
        self.form.load(detail)
        self.form.set_nik_read_only(True)
        self.dirty = False

    def reload(self) -> None:
        self._load(registration.get_applicant(self.db, self.detail.id, self.actor))

    def _call(self, data, confirmed):
        if self.detail is None:
            return registration.register_applicant(self.db, data, self.actor, confirm_warnings=confirmed)
        return registration.update_applicant(self.db, self.detail.id, data, self.actor,
                                             expected_version=self.detail.version,
                                             confirm_warnings=confirmed)

    def save(self):
        """Save what is typed; returns the saved ApplicantDetail, or None when not saved."""
        data = self.form.to_input()
        self.form.clear_errors()
        confirmed: set[str] = set()
        while True:
            # Dialogs are shown after the except blocks, not inside one: a modal dialog's event
            # loop would otherwise run with the exception (and its frames) still alive.
            warnings = refusal = None
            try:
                result = self._call(data, confirmed)
                break
            except ValidationError as exc:
                self.form.show_errors(exc.errors)
                self.statusMessage.emit(self.tr("Not saved: please correct the fields marked in red."))
                return None
            except ConfirmationRequired as exc:
                warnings = exc.warnings
            except (UserError, StorageError) as exc:  # ConcurrentEdit and NotFound are UserErrors
                refusal = exc
            if refusal is not None:
                if isinstance(refusal, ConcurrentEdit):
                    self._changed_by_other(refusal)
                else:
                    QMessageBox.warning(self, self.tr("Not saved"), i18n.message(refusal))
                return None
            action, applicant_id = self.ask_confirmation(self, warnings)
            if action == confirm.SAVE:
                confirmed |= {w.code for w in warnings}
                continue
            if action == confirm.OPEN and applicant_id:
                self.openApplicantRequested.emit(applicant_id)
            return None
        if self.detail is None:
            self._show_result(self.tr("Registered: %1 — %2").replace("%1", result.registration_number)
                              .replace("%2", result.full_name), result.registration_number)
            self.statusMessage.emit(self.tr("Registration number %1 saved.").replace("%1", result.registration_number))
            self.clear()
        else:
            self._load(result)
            self._show_result(self.tr("Changes saved."), None)
            self.statusMessage.emit(self.tr("Changes to %1 saved.").replace("%1", result.registration_number))
        self.saved.emit(result)
        return result

    def _show_result(self, text: str, number: str | None) -> None:
        self.last_number = number
        self.result_label.setText(text)
        self.result_label.show()
        self.receipt_button.setVisible(number is not None)

    def print_receipt(self) -> None:
        """Write the receipt of the applicant just registered to a temporary PDF and show it in the
        print preview (print or save from there; the file goes when the preview closes)."""
        from app.core.errors import AppError
        from app.reports import receipt
        from app.views.reports.preview import remove_temporary, temp_pdf

        if not self.last_number:
            return
        target = temp_pdf(f"tanda-terima-{self.last_number}.pdf")
        try:
            path = receipt.print_receipt(self.db, self.actor, self.last_number, target)
        except AppError as err:
            remove_temporary(target)
            QMessageBox.warning(self, self.tr("Receipt not printed"), i18n.message(err))
            return
        self.last_receipt = path
        self.show_pdf(self, path, path.name, temporary=True)
        self.statusMessage.emit(self.tr("Receipt %1 opened.").replace("%1", self.last_number))

    def _changed_by_other(self, exc) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed by someone else"), i18n.message(exc),
                          parent=self)
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep my input"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload_button)
        box.exec()
        if box.clickedButton() is reload_button:
            missing = None
            try:
                self.reload()
            except NotFound as err:
                missing = err
            if missing is not None:
                QMessageBox.warning(self, self.tr("Not found"), i18n.message(missing))
