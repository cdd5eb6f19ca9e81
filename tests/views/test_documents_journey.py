"""The documents journey through the GUI: open an applicant, attach a scan (dropped and chosen),
verify it as a supervisor and see completeness rise in the tab and the applicant list; counter staff
find verify disabled and are refused by the core when they try anyway; the expiring-soon page."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from app.core import documents, registration, setup
from app.core.demo_documents import tiny_pdf, tiny_png
from app.views.documents.model import ChecklistModel, ExpiringModel
from app.views.main_window import PAGE_APPLICANTS, MainWindow
from tests.conftest import TODAY, applicant_input
from tests.views.helpers import when_modal

pytestmark = pytest.mark.gui


def _drop(widget, paths) -> None:
    """What a drag of files from the file manager delivers: the enter (accepted), then the drop.
    (Qt only routes these events during a real drag, so the handlers are called directly.)"""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    widget.dragEnterEvent(enter)
    assert enter.isAccepted()
    widget.dropEvent(QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))


def test_attach_verify_and_completeness_rises(qtbot, db, actor, tmp_path, monkeypatch):
    detail = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    office = setup.local_office(db)

    # counter staff take the KTP in: a scan dropped on the tab, the details typed
    counter_window = MainWindow(db, actor, office)
    qtbot.addWidget(counter_window)
    dialog = counter_window.open_applicant(detail.id)
    tab = dialog.documents
    dialog.tabs.setCurrentWidget(tab)
    assert tab.checklist.percent == 0.0 and tab.progress.value() == 0
    tab.select("ktp")
    png = tmp_path / "ktp.png"
    png.write_bytes(tiny_png())
    _drop(tab, [png])
    item = tab.current_item()
    assert item.type_code == "ktp" and item.status == "submitted" and len(item.scans) == 1
    assert tab.scans.count() == 1 and not tab.scans.item(0).icon().isNull()  # a thumbnail
    tab.number.setText("3673015703010001")
    tab.printed_name.setText("Siti Nurhaliza")
    tab.save_details()
    assert tab.current_item().number == "3673015703010001"
    # the file dialog path: a PDF scan (its first page drawn as the thumbnail, with the page count)
    pdf = tmp_path / "ktp-belakang.pdf"
    pdf.write_bytes(tiny_pdf("KTP", pages=2))
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(pdf)], ""))
    tab.choose_files()
    assert [s.page_count for s in tab.current_item().scans] == [None, 2]
    # counter staff cannot verify: the button is off, and the core refuses a forced call
    assert not tab.verify_button.isEnabled() and not tab.reject_button.isEnabled()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert tab.verify_selected() is None
    assert shown and "tidak berhak memverifikasi dokumen" in shown[0]
    assert documents.checklist(db, detail.id, actor).item("ktp").status == "submitted"
    # a bad file is refused with its reason, nothing attached
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ" + b"\x00" * 300)
    _drop(tab, [exe])
    assert "program" in shown[-1] and len(tab.current_item().scans) == 2

    # the supervisor verifies: completeness rises, in the tab and in the list column
    supervisor = replace(actor, username="penyelia1", role="supervisor", full_name="Penyelia Satu")
    window = MainWindow(db, supervisor, office)
    qtbot.addWidget(window)
    sup_dialog = window.open_applicant(detail.id)
    sup_tab = sup_dialog.documents
    sup_tab.select("ktp")
    assert sup_tab.verify_button.isEnabled()
    before = sup_tab.checklist.percent
    qtbot.mouseClick(sup_tab.verify_button, Qt.MouseButton.LeftButton)
    after = sup_tab.checklist
    assert after.item("ktp").status == "verified" and after.percent > before
    assert sup_tab.progress.value() == round(after.percent * 10)
    assert "1 dari" in sup_tab.percent_label.text() or "1 of" in sup_tab.percent_label.text()
    assert "penyelia1" in sup_tab.item_status.text()
    window.show_page(PAGE_APPLICANTS)
    model = window.applicants.model
    model.refresh()
    column = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal)
                  in ("Documents", "Dokumen"))
    assert model.index(0, column).data() == ""  # filled just after the rows show
    qtbot.waitUntil(lambda: model.index(0, column).data() == f"{after.percent:.0f} %")
    # a rejection needs a reason (the dialog's OK stays off until one is typed)
    def answer(d):
        assert not d.ok_button.isEnabled()
        d.reason.setPlainText("Foto buram")
        d.ok_button.click()

    sup_tab.select("ktp")
    when_modal(answer)
    sup_tab.reject_selected()
    assert sup_tab.current_item().status == "rejected" and "Foto buram" in sup_tab.item_status.text()
    # removing a scan asks first
    sup_tab.select("ktp")
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    sup_tab.remove_selected_scan()
    assert len(sup_tab.current_item().scans) == 1
    for w in (dialog, sup_dialog):
        w.close()


def test_target_dialog_and_print(qtbot, db, actor, tmp_path, monkeypatch):
    detail = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    tab = window.open_applicant(detail.id).documents
    assert "e_pmi" in [i.type_code for i in tab.checklist.items]
    departure = documents.ExpiryPolicy.of(db).today + timedelta(days=120)

    def fill(d):
        d.country.setCurrentIndex(d.country.findData("MY"))
        d.sector.setCurrentIndex(d.sector.findData("plantation"))
        d.departure.set_date(departure)
        d.accept()

    when_modal(fill)
    tab.edit_target()
    assert (tab.checklist.country, tab.checklist.sector, tab.checklist.planned_departure) == (
        "MY", "plantation", departure)
    assert "sertifikat_bahasa" not in [i.type_code for i in tab.checklist.items]
    previewed = []
    tab.show_pdf = lambda parent, path, name, **kw: previewed.append((path, name, kw))
    out = tab.print_checklist(str(tmp_path / "cl.pdf"))  # to a chosen file: written, not previewed
    assert out.read_bytes().startswith(b"%PDF") and previewed == []
    out = tab.print_checklist()  # the button: a temporary file in the print preview
    assert previewed == [(out, f"daftar-periksa-{tab.checklist.registration_number}.pdf", {"temporary": True})]
    assert out.read_bytes().startswith(b"%PDF") and out.parent.parent.name == "print-preview"
    # a field error shows on its field
    tab.select("paspor")
    tab.printed_nik.setText("123")
    tab.save_details()
    assert tab.errors["printed_nik"].isVisibleTo(tab) and "16 digit" in tab.errors["printed_nik"].text()


def test_expiring_page_filters_and_opens(qtbot, db, actor):
    today = documents.ExpiryPolicy.of(db).today
    a = registration.register_applicant(db, applicant_input(preferred_countries=["JP"]), actor, today=TODAY)
    documents.submit(db, actor, a.id, "medical", issued_on=today - timedelta(days=80))
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    page = window.expiring_page
    window.nav.setCurrentRow(window.page_index(page))
    window.show()
    qtbot.waitUntil(lambda: page.loaded)
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == "10"
    page.country.setCurrentIndex(page.country.findData("KR"))
    assert page.model.rowCount() == 0
    page.country.setCurrentIndex(0)
    page.days.setValue(5)
    assert page.model.rowCount() == 0
    page.days.setValue(30)
    with qtbot.waitSignal(page.openApplicant) as opened:
        page.table.doubleClicked.emit(page.model.index(0, 0))
    assert opened.args[0] == a.id
    assert str(a.id) in window.details


def test_models_pass_the_model_tester(qtmodeltester, db, actor):
    detail = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    documents.submit(db, actor, detail.id, "medical", issued_on=documents.ExpiryPolicy.of(db).today - timedelta(days=10))
    model = ChecklistModel()
    model.set_checklist(documents.checklist(db, detail.id, actor))
    qtmodeltester.check(model)
    expiring = ExpiringModel()
    expiring.set_rows(documents.expiring(db, actor).rows)
    qtmodeltester.check(expiring)
    assert expiring.rowCount() == 1
