"""The dossier in the GUI: the photo in the applicant window (choose, show, remove), "Cetak dosir"
(language, file, opened), the job order's "Dosir calon daftar pendek" batch on a worker thread
with a progress dialog whose Cancel stops it without a file; the progress runner itself."""

from __future__ import annotations

import time
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from app.core import dossier, job_orders, placements, registration, setup
from app.core.actor import Actor
from app.views.applicants.detail import ApplicantDetailDialog
from app.views.orders.page import OrdersPage
from app.views.worker import run_with_progress
from tests.conftest import applicant_input
from tests.orders_helpers import agency_input, order_input

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 25)


def _text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def _photo(tmp_path):
    from PIL import Image

    path = tmp_path / "foto.jpg"
    Image.new("RGB", (300, 400), (200, 120, 90)).save(path, "JPEG")
    return path


@pytest.fixture
def office(db):
    return setup.ensure_office(db)


@pytest.fixture
def sup(office):
    return Actor("penyelia1", office.code, "supervisor", "Penyelia Satu")


@pytest.fixture
def shortlist(db, sup, office):
    """An open order with two candidates on its shortlist."""
    clerk = Actor("petugas1", office.code, "counter")
    people = [registration.register_applicant(db, applicant_input(
        nik=f"367301570301{9000 + i:04d}", kk_number=f"367301010101{9000 + i:04d}", full_name=f"Calon Nomor {i}",
        phone=f"0812-5555-{1000 + i:04d}", email=None), clerk, confirm_warnings=True) for i in range(2)]
    agency = job_orders.create_agency(db, agency_input(), sup)
    order = job_orders.create_order(db, order_input(agency.id, status="open"), sup, today=TODAY)
    for p in people:
        placements.shortlist(db, sup, order.id, p.id, today=TODAY)
    return order, people


def test_photo_and_printing_a_dossier_from_the_applicant_window(qtbot, db, sup, shortlist, tmp_path, monkeypatch):
    _order, people = shortlist
    dialog = ApplicantDetailDialog(db, sup, people[0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.dossier_button.isVisible() and dialog.dossier_button.text() == "Print dossier…"
    assert dialog.photo.text() == "No photo" and not dialog.remove_photo_button.isEnabled()
    # the photo: chosen, shown, then removed (after a question); the editor keeps working
    assert dialog.choose_photo(str(_photo(tmp_path)))
    assert dialog.photo.pixmap() is not None and not dialog.photo.pixmap().isNull()
    assert dialog.remove_photo_button.isEnabled() and dialog.editor.detail.version == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not dialog.remove_photo()  # answered no: the photo stays
    assert dialog.photo_sha256 is not None
    # a refused file: a message in Indonesian, nothing changed
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    bad = tmp_path / "bukan-foto.jpg"
    bad.write_bytes(b"%PDF-1.4 not a photo")
    assert not dialog.choose_photo(str(bad))
    assert shown and "bukan foto JPEG atau PNG" in shown[-1]
    # print: language, file, opened; the print shows in the history of changes
    opened = []
    dialog.show_pdf = lambda parent, path, name, temporary=False: opened.append((path, name, temporary))
    dialog.ask_dossier_language = lambda: "en"
    rows_before = dialog.history_model.rowCount()
    path = dialog.print_dossier()
    assert path.name == f"dosir-{people[0].registration_number}-en.pdf" and opened == [(path, path.name, True)]
    text = _text(path)
    assert "CANDIDATE DOSSIER" in text and people[0].registration_number in text and "Photo 3 × 4" not in text
    exports = [h for h in registration.history(db, people[0].id, sup) if h.action == "export"]
    assert [h.changes["kind"][1] for h in exports] == ["dossier_en"]
    assert dialog.history_model.rowCount() > rows_before  # the history tab shows the print
    # cancelling the language question writes nothing
    dialog.ask_dossier_language = lambda: None
    assert dialog.print_dossier() is None and len(opened) == 1
    # removing, confirmed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.remove_photo() and dialog.photo.text() == "No photo"
    assert registration.get_applicant(db, people[0].id, sup).photo_sha256 is None


def test_counter_staff_sees_no_dossier_button(qtbot, db, office, shortlist):
    clerk = Actor("petugas1", office.code, "counter")
    dialog = ApplicantDetailDialog(db, clerk, shortlist[1][0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.dossier_button.isVisible() and dialog.photo_button.isVisible()
    page = OrdersPage(db, clerk)
    qtbot.addWidget(page)
    assert not page.dossier_button.isVisibleTo(page)


def test_shortlist_batch_with_progress_and_a_working_cancel(qtbot, db, sup, shortlist, tmp_path):
    order, people = shortlist
    page = OrdersPage(db, sup)
    qtbot.addWidget(page)
    page.show()
    assert page.dossier_button.isVisible() and page.dossier_button.text() == "Shortlist dossiers…"
    assert page.select_number(order.order_number)
    opened = []
    page.show_pdf = lambda parent, path, name, temporary=False: opened.append(path)
    page.ask_dossier_language = lambda: "id"
    from app.views.reports import preview

    previews = preview.temp_pdf("x.pdf").parent.parent  # the folder of the temporary previews
    before = set(previews.iterdir())

    # Cancel pressed on the progress dialog: no file, nothing opened, no export recorded
    def press_cancel(dialog: QProgressDialog):
        assert dialog.windowTitle() == "Shortlist dossiers"
        button = dialog.findChild(QPushButton)
        assert button.text() == "Cancel"
        button.click()

    page.on_progress_dialog = press_cancel
    assert page.print_dossiers() is None
    assert set(previews.iterdir()) <= before and opened == []  # nothing left behind
    # then the whole batch
    page.on_progress_dialog = None
    path = page.print_dossiers()
    assert opened == [path] and path.name == f"dosir-{order.order_number}.pdf"
    text = _text(path)
    assert "DOSIR CALON UNTUK LOWONGAN" in text and all(p.registration_number in text for p in people)


def test_run_with_progress_stops_a_running_task_on_cancel(qtbot):
    steps = []

    def work(progress, cancelled):
        deadline = time.monotonic() + 10
        n = 0
        while not cancelled():
            if time.monotonic() > deadline:
                return "never cancelled"
            n += 1
            progress(n, 1000)
            steps.append(n)
            time.sleep(0.01)
        return "stopped"

    def later(dialog):
        QTimer.singleShot(300, dialog.findChild(QPushButton).click)  # the Cancel button

    result, error, cancelled = run_with_progress(None, "Uji", "Bekerja…", work, on_dialog=later)
    assert (result, error, cancelled) == ("stopped", None, True) and len(steps) > 3

    def fails(progress, cancelled):
        raise dossier.PrintCancelled()

    result, error, cancelled = run_with_progress(None, "Uji", "Bekerja…", fails)
    assert result is None and isinstance(error, dossier.PrintCancelled) and not cancelled
