"""The Reports page: MoU report as a PDF in the print preview and to Excel for a chosen period
(worker thread), the vacancy board in the preview; who sees the page."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from app.core import demo, setup
from app.core.actor import Actor
from app.views.reports.page import ReportsPage

pytestmark = pytest.mark.gui


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages).split())


@pytest.fixture
def page(qtbot, db):
    office = setup.ensure_office(db)
    demo.generate(db, Actor("demo", office.code, "admin", "Demo"), applicants=40, seed=4, today=date(2026, 11, 25))
    widget = ReportsPage(db, Actor("penyelia1", office.code, "supervisor", "Penyelia"))
    qtbot.addWidget(widget)
    widget.show()
    widget.opened = []
    widget.open_file = widget.opened.append
    widget.previewed = []
    widget.show_pdf = lambda parent, path, name, **kw: widget.previewed.append((path, name, kw))
    return widget


def test_mou_pdf_in_the_preview_and_excel_saved_for_a_period(page, tmp_path, _home):
    page.date_from.setDate(QDate(2026, 1, 1))
    page.date_to.setDate(QDate(2026, 11, 25))
    page.ask_save_path = lambda *a: pytest.fail("a PDF is previewed, not saved first")
    path = page.save_mou("pdf")
    # built into a private folder of the data dir, previewed, removed when the preview closes
    assert page.previewed == [(path, "laporan-mou-20260101-20261125.pdf", {"temporary": True})]
    assert path.parent.parent == _home / "print-preview" and path.name == "laporan-mou-20260101-20261125.pdf"
    text = _text(path)
    assert "1 Januari 2026 – 25 November 2026" in text
    assert page.mou_summary.text().startswith("Registered ")
    assert page.opened == []
    page.ask_save_path = lambda *a: str(tmp_path / "mou.xlsx")
    assert page.save_mou("xlsx") == tmp_path / "mou.xlsx" and page.opened == [tmp_path / "mou.xlsx"]
    page.open_after.setChecked(False)
    assert page.save_mou("xlsx") == tmp_path / "mou.xlsx"
    assert page.opened == [tmp_path / "mou.xlsx"]  # not opened this time
    assert load_workbook(tmp_path / "mou.xlsx")["Ringkasan"]["B4"].value == 329  # days in the period
    assert len(page.previewed) == 1


def test_cancelled_dialog_writes_nothing_and_a_bad_period_is_a_message(page, tmp_path, monkeypatch, _home):
    page.ask_save_path = lambda *a: ""
    assert page.save_mou("xlsx") is None
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    page.date_from.setDate(QDate(2026, 5, 1))
    page.date_to.setDate(QDate(2026, 4, 1))
    assert page.save_mou("pdf") is None
    assert len(shown) == 1 and ("Akhir periode sebelum awal periode" in shown[0] or "before its start" in shown[0])
    assert page.previewed == [] and not list((_home / "print-preview").rglob("*.pdf"))  # nothing left behind


def test_vacancy_board_in_the_preview(page, tmp_path):
    path = page.save_board()
    assert path is not None and page.previewed == [(path, path.name, {"temporary": True})]
    assert path.name.startswith("papan-lowongan-") and "PAPAN INFORMASI LOWONGAN" in _text(path)


def test_the_real_preview_opens_on_the_report_and_saves_a_copy(qtbot, page, tmp_path):
    from app.views.reports import preview

    page.show_pdf = preview.show_pdf
    path = page.save_board()
    dialogs = [w for w in page.findChildren(preview.PdfPreviewDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible() and dialogs[0].page_count() >= 1
    dialog = dialogs[0]
    dialog.ask_save_path = lambda *a: str(tmp_path / "papan.pdf")
    assert dialog.save() == tmp_path / "papan.pdf" and (tmp_path / "papan.pdf").read_bytes() == path.read_bytes()
    dialog.close()
    assert not path.exists()  # the temporary file goes with the preview


def test_reports_page_for_supervisors_and_admins_only(qtbot, db):
    from app.views.main_window import MainWindow

    office = setup.ensure_office(db)
    for role, present in (("counter", False), ("trainer", False), ("supervisor", True)):
        window = MainWindow(db, Actor("u1", office.code, role, "U"), setup.local_office(db))
        qtbot.addWidget(window)
        assert (window.reports_page is not None) == present, role
