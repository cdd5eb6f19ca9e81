"""Helpers for the GUI tests: fill the form like a clerk, drive modal dialogs without blocking."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.core import reference


def fill_form(form, data) -> None:
    """Put an ``ApplicantInput`` into the form widgets (fast; the typing test types for real)."""
    from app.core.validation import parse_date

    form.nik.setText(data.nik)
    form.kk_number.setText(data.kk_number)
    form.full_name.setText(data.full_name)
    form.sex.setCurrentIndex(form.sex.findData(data.sex))
    form.birth_place.setText(data.birth_place)
    form.birth_date.set_date(parse_date(data.birth_date))
    form.religion.setCurrentIndex(form.religion.findData(data.religion))
    form.address.setText(data.address)
    form.rt.setText(str(data.rt))
    form.rw.setText(str(data.rw))
    form.kelurahan.setText(reference.kelurahan()[data.kelurahan_code].label)
    form.phone.setText(data.phone)
    form.email.setText(data.email or "")
    form.education_level.setCurrentIndex(form.education_level.findData(data.education_level))
    form.height.setText(str(data.height_cm or ""))
    form.weight.setText(str(data.weight_kg or ""))
    form.consent.setChecked(bool(data.consent))


def when_modal(callback, *, timeout_ms: int = 5000) -> None:
    """Call ``callback(dialog)`` as soon as a modal dialog is up (poll from the event loop), so a
    test can answer a dialog that ``exec()`` is blocking on."""
    waited = {"ms": 0}

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            callback(dialog)
            return
        waited["ms"] += 20
        if waited["ms"] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def change_password_to(new_password: str):
    """A ``when_modal`` callback: the forced password change, answered with ``new_password``."""
    def change(dialog) -> None:
        from app.views.session.sign_in import ChangePasswordDialog

        assert isinstance(dialog, ChangePasswordDialog)
        dialog.new_password.setText(new_password)
        dialog.repeat.setText(new_password)
        dialog.ok_button.click()

    return change
