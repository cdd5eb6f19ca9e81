"""The Reports page: MoU report to PDF and Excel for a chosen period (worker thread), the vacancy
board; who sees the page."""

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
    return widget


def test_save_mou_pdf_and_excel_for_a_period(page, tmp_path):
    page.date_from.setDate(QDate(2026, 1, 1))
    page.date_to.setDate(QDate(2026, 11, 25))
    page.ask_save_path = lambda *a: str(tmp_path / "mou.pdf")
    path = page.save_mou("pdf")
    assert path == tmp_path / "mou.pdf" and page.opened == [path]
    text = _text(path)
    assert "1 Januari 2026 – 25 November 2026" in text
    assert page.mou_summary.text().startswith("Registered ")
    page.ask_save_path = lambda *a: str(tmp_path / "mou.xlsx")
    page.open_after.setChecked(False)
    assert page.save_mou("xlsx") == tmp_path / "mou.xlsx"
    assert page.opened == [path]  # not opened this time
    assert load_workbook(tmp_path / "mou.xlsx")["Ringkasan"]["B4"].value == 329  # days in the period


def test_cancelled_dialog_writes_nothing_and_a_bad_period_is_a_message(page, tmp_path, monkeypatch):
    page.ask_save_path = lambda *a: ""
    assert page.save_mou("pdf") is None and page.save_board() is None
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    page.date_from.setDate(QDate(2026, 5, 1))
    page.date_to.setDate(QDate(2026, 4, 1))
    page.ask_save_path = lambda *a: str(tmp_path / "bad.pdf")
    assert page.save_mou("pdf") is None
    assert len(shown) == 1 and ("Akhir periode sebelum awal periode" in shown[0] or "before its start" in shown[0])
    assert not (tmp_path / "bad.pdf").exists()


def test_save_vacancy_board(page, tmp_path):
    page.ask_save_path = lambda *a: str(tmp_path / "board.pdf")
    path = page.save_board()
    assert path is not None and "PAPAN INFORMASI LOWONGAN" in _text(path)


def test_reports_page_for_supervisors_and_admins_only(qtbot, db):
    from app.views.main_window import MainWindow

    office = setup.ensure_office(db)
    for role, present in (("counter", False), ("trainer", False), ("supervisor", True)):
        window = MainWindow(db, Actor("u1", office.code, role, "U"), setup.local_office(db))
        qtbot.addWidget(window)
        assert (window.reports_page is not None) == present, role
