"""The registration form: typed and saved with Enter, refusals on the field, warnings confirmed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.core import registration, search
from app.views.registration import confirm
from app.views.registration.confirm import WarningsDialog
from app.views.registration.editor import ApplicantEditor
from tests.conftest import applicant_input
from tests.views.helpers import fill_form, when_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot, db, actor):
    widget = ApplicantEditor(db, actor)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    with qtbot.waitActive(widget):  # the completer and shortcuts need the active window
        widget.show()
        widget.activateWindow()
    return widget


def test_type_a_registration_and_save_with_enter(qtbot, editor, db, actor):
    f = editor.form
    qtbot.keyClicks(f.nik, "3673015703010001")
    qtbot.keyClicks(f.kk_number, "3673010101010001")
    qtbot.keyClicks(f.full_name, "Siti Nurhaliza")
    qtbot.keyClicks(f.sex, "P")
    qtbot.keyClicks(f.birth_place, "Serang")
    f.birth_date.edit.setFocus()
    f.birth_date.edit.setCursorPosition(0)
    qtbot.keyClicks(f.birth_date.edit, "17032001")
    assert f.birth_date.date() == date(2001, 3, 17)
    qtbot.keyClicks(f.religion, "I")
    qtbot.keyClicks(f.address, "Jl. Ahmad Yani No. 12")
    qtbot.keyClicks(f.rt, "3")
    qtbot.keyClicks(f.rw, "5")
    f.kelurahan.setFocus()
    qtbot.keyClicks(f.kelurahan, "cipa")
    popup = f.kelurahan.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert f.kelurahan.text() == "Cipare, Kec. Serang"
    assert f.kecamatan.text() == "Serang"  # filled from the kelurahan, read-only
    assert f.kecamatan.isReadOnly()
    qtbot.keyClicks(f.phone, "0812-3456-7890")
    qtbot.keyClicks(f.education_level, "SMK")
    assert f.education_level.currentData() == "SMK"
    qtbot.keyClicks(f.height, "158")
    qtbot.keyClicks(f.weight, "52")
    f.consent.setFocus()
    qtbot.keyClick(f.consent, Qt.Key.Key_Space)
    assert f.consent.isChecked() and f.consent_on.date() == date.today()

    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.keyClick(f.weight, Qt.Key.Key_Return)
    number = f"SRG-0001-{date.today().year}-000001"
    assert saved.args[0].registration_number == number
    assert number in editor.result_label.text() and editor.result_label.isVisible()
    assert f.nik.text() == "" and f.full_name.text() == ""  # ready for the next walk-in
    detail = registration.get_by_registration_number(db, number, actor)
    assert (detail.full_name, detail.sex, detail.kelurahan_code, detail.phone) == (
        "Siti Nurhaliza", "P", "36.73.01.1002", "+6281234567890")


def test_ctrl_s_saves_child_rows(qtbot, editor, db):
    f = editor.form
    fill_form(f, applicant_input())
    lang = f.languages.add_row()
    lang.language.setCurrentIndex(lang.language.findData("ja"))
    lang.level.setCurrentIndex(lang.level.findData("N4"))
    job = f.experience.add_row()
    job.employer.setText("RS Sari Asih")
    job.position.setText("Asisten perawat")
    job.start.set_date(date(2020, 2, 1))
    f.countries.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.keyClick(f.full_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    detail = saved.args[0]
    assert [(x.language_code, x.level) for x in detail.languages] == [("ja", "N4")]
    assert [x.employer for x in detail.experience] == ["RS Sari Asih"]
    assert detail.preferred_countries == ["JP"]


def test_duplicate_nik_refused_on_the_nik_field(qtbot, editor, db, actor):
    first = registration.register_applicant(db, applicant_input(), actor)
    f = editor.form
    fill_form(f, applicant_input(phone="081399998888"))
    qtbot.keyClick(f.full_name, Qt.Key.Key_Return)
    assert "sudah terdaftar" in f.error_text("nik")
    assert first.registration_number in f.error_text("nik")
    assert f.nik.property("error") is True
    assert editor.window().focusWidget() is f.nik
    assert f.full_name.text() == "Siti Nurhaliza"  # nothing typed is lost
    assert search.count(db, actor=actor) == 1


def test_field_errors_show_on_fields_and_child_rows(qtbot, editor):
    f = editor.form
    fill_form(f, applicant_input())
    f.phone.setText("12")
    row = f.languages.add_row()
    row.language.setCurrentIndex(row.language.findData("ja"))  # no level chosen
    editor.save()
    assert "telepon" in f.error_text("phone").lower()
    assert row.error.isVisible() or not row.error.isHidden()
    assert row.level.property("error") is True
    assert editor.window().focusWidget() is f.phone
    editor.form.clear_errors()
    assert f.error_text("phone") == ""


def test_likely_duplicate_confirmed_with_save_anyway(qtbot, editor, db, actor):
    registration.register_applicant(db, applicant_input(), actor)
    seen = {}

    def answer(dialog):
        assert isinstance(dialog, WarningsDialog)
        seen["open_buttons"] = len(dialog.open_buttons)
        seen["default"] = dialog.cancel_button.isDefault()
        dialog.save_button.click()

    fill_form(editor.form, applicant_input(nik="3673015703010003", full_name="Siti Nurhalizah",
                                           phone="081355556666"))
    when_modal(answer)
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    assert seen == {"open_buttons": 1, "default": True}
    assert saved.args[0].full_name == "Siti Nurhalizah"
    assert search.count(db, actor=actor) == 2


def test_likely_duplicate_opens_the_existing_record(qtbot, editor, db, actor):
    first = registration.register_applicant(db, applicant_input(), actor)
    fill_form(editor.form, applicant_input(nik="3673015703010003", full_name="Siti Nurhalizah",
                                           phone="081355556666"))
    when_modal(lambda dialog: dialog.open_buttons[0].click())
    with qtbot.waitSignal(editor.openApplicantRequested) as opened:
        editor.save()
    assert opened.args[0] == str(first.id)
    assert editor.form.full_name.text() == "Siti Nurhalizah"  # still there to finish later
    assert search.count(db, actor=actor) == 1


def test_cancel_on_warning_keeps_the_input(qtbot, editor, db, actor):
    registration.register_applicant(db, applicant_input(), actor)
    fill_form(editor.form, applicant_input(nik="3673015703010003", full_name="Siti Nurhalizah",
                                           phone="081355556666"))
    editor.ask_confirmation = lambda parent, warnings: (confirm.CANCEL, None)  # injectable
    assert editor.save() is None
    assert editor.form.nik.text() == "3673015703010003"
    assert search.count(db, actor=actor) == 1


def test_escape_clears_after_confirmation(qtbot, editor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    fill_form(editor.form, applicant_input())
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.keyClick(editor.form.full_name, Qt.Key.Key_Escape)
    assert editor.form.full_name.text() == "Siti Nurhaliza"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(editor.form.full_name, Qt.Key.Key_Escape)
    assert editor.form.full_name.text() == ""


def test_tab_order_follows_the_form(qtbot, editor):
    f = editor.form
    f.nik.setFocus()
    order = []
    for _ in range(5):
        order.append(editor.window().focusWidget())
        qtbot.keyClick(editor.window().focusWidget(), Qt.Key.Key_Tab)
    assert order == [f.nik, f.kk_number, f.full_name, f.sex, f.birth_place]


def test_messages_follow_the_chosen_language(qtbot, editor, db, actor):
    from app.views import i18n

    registration.register_applicant(db, applicant_input(), actor)
    i18n.set_language("en")
    fill_form(editor.form, applicant_input(phone="081399998888"))
    editor.save()
    assert editor.form.error_text("nik").startswith("NIK already registered")


def test_enter_on_add_and_remove_buttons_acts_on_rows(qtbot, editor):
    f = editor.form
    f.languages.add_button.setFocus()
    qtbot.keyClick(f.languages.add_button, Qt.Key.Key_Return)
    assert len(f.languages.rows) == 1
    row = f.languages.rows[0]
    qtbot.keyClick(row.remove_button, Qt.Key.Key_Return)
    assert f.languages.rows == []
    assert editor.result_label.isHidden()  # nothing was saved
