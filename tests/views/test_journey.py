"""One end-to-end journey through the GUI: first start, a walk-in registered with the keyboard,
found again in the list, edited, and the edit in the audit history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core import setup
from app.views import application
from app.views.main_window import PAGE_APPLICANTS, PAGE_REGISTRATION, MainWindow
from tests.conftest import applicant_input
from tests.views.helpers import fill_form, when_modal

pytestmark = pytest.mark.gui


def test_first_start_register_find_edit(qtbot, db):
    def first_start(dialog):
        dialog.full_name.setText("Admin Kantor")
        dialog.password.setText("rahasia123")
        dialog.password2.setText("rahasia123")
        dialog.ok_button.click()
        when_modal(lambda offer: offer.reject())  # no demo data

    when_modal(first_start)
    actor = application.start_actor(db)
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "PMI Desk — Disnakertrans Kota Serang"

    window.show_page(PAGE_REGISTRATION)
    form = window.registration.form
    fill_form(form, applicant_input())
    with qtbot.waitSignal(window.registration.saved) as saved:
        qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    number = saved.args[0].registration_number
    assert number in window.statusBar().currentMessage()

    window.show_page(PAGE_APPLICANTS)
    page = window.applicants
    qtbot.keyClicks(page.search_box, number)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.timer.isActive())
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)  # the only match opens
    dialog = window.details[str(saved.args[0].id)]
    dialog.editor.form.address.setText("Jl. Veteran No. 3")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.editor.form.address, Qt.Key.Key_Return)
    model = dialog.history_model
    line = [model.index(0, c).data() for c in range(6)]  # newest first
    assert line[1:] == ["admin", "Changed", "Address", "Jl. Ahmad Yani No. 12", "Jl. Veteran No. 3"]
    assert not dialog.editor.dirty  # closing asks nothing now
