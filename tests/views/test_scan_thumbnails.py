"""A PDF scan in the documents checklist shows its first page (drawn off the GUI thread the first
time, from the thumbnail cache after), with the page count; a damaged PDF keeps the page symbol and
says why in its tooltip."""

from __future__ import annotations

import threading
import uuid

import pytest
from PySide6.QtGui import QColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.core import documents, registration
from app.reports import render
from app.views.documents.checklist import PAGE_ROLE, THUMB, ChecklistWidget
from app.views.pdf_pages import pages
from tests.conftest import TODAY, applicant_input

pytestmark = pytest.mark.gui


def _black_top_half(path, pages=3):
    # a title of its own: the file's hash (the thumbnail cache key) differs from every other test's
    c = Canvas(str(path), pagesize=A4)
    c.setTitle(f"scan {uuid.uuid4()}")
    for _ in range(pages):
        c.setFillColorRGB(0, 0, 0)
        c.rect(0, A4[1] / 2, A4[0], A4[1] / 2, stroke=0, fill=1)
        c.showPage()
    c.save()
    return path


def _colour(entry, x, y) -> QColor:
    return entry.icon().pixmap(THUMB).toImage().pixelColor(x, y)


def _tab(qtbot, db, actor, applicant_id):
    tab = ChecklistWidget(db, actor, applicant_id)
    qtbot.addWidget(tab)
    tab.show()
    tab.select("ktp")
    return tab


def test_a_pdf_scan_shows_its_first_page_with_the_page_count(qtbot, db, actor, tmp_path):
    detail = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    scan = _black_top_half(tmp_path / "ktp.pdf")
    documents.attach_scan(db, actor, detail.id, "ktp", scan)
    # the worker thread held busy until the tab is up, so the page cannot be drawn (and cached on disk)
    # before the list is first filled
    release = threading.Event()
    pages().request(("held", uuid.uuid4()), lambda: release.wait(10))
    try:
        tab = _tab(qtbot, db, actor, detail.id)
        entry = tab.scans.item(0)
        stored = tab.current_item().scans[0]
        assert entry.data(PAGE_ROLE) is False  # the symbol first, the page on its way
    finally:
        release.set()
    qtbot.waitUntil(lambda: tab.scans.item(0).data(PAGE_ROLE) is True, timeout=5000)
    entry = tab.scans.item(0)
    # the top half of the page is black, the bottom white (left of the page-count badge)
    top, bottom = _colour(entry, THUMB.width() // 2, 20), _colour(entry, THUMB.width() // 2 - 20, 70)
    assert top.lightness() < 60 and bottom.lightness() > 200
    assert _colour(entry, 2, 48).alpha() == 0  # an A4 page is narrower than the square box
    assert render.thumbnail_path(stored.sha256, THUMB.height()).is_file()

    # the next time the page comes straight from the cache, no waiting
    again = _tab(qtbot, db, actor, detail.id)
    assert again.scans.item(0).data(PAGE_ROLE) is True
    assert _colour(again.scans.item(0), THUMB.width() // 2, 20).lightness() < 60


def test_a_damaged_pdf_keeps_the_symbol_and_says_why(qtbot, db, actor, tmp_path):
    detail = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"sampah " * 200)
    documents.attach_scan(db, actor, detail.id, "ktp", bad)
    tab = _tab(qtbot, db, actor, detail.id)
    qtbot.waitUntil(lambda: tab.scans.item(0).toolTip().count("\n") == 2, timeout=5000)
    entry = tab.scans.item(0)
    assert entry.data(PAGE_ROLE) is False and not entry.icon().isNull()
    why = entry.toolTip().split("\n")[-1]
    assert why.startswith("Berkas PDF rusak.pdf rusak") or why.startswith("The PDF file rusak.pdf is damaged")


def test_a_tab_closed_before_its_page_arrives_takes_no_harm(qtbot, db, actor, tmp_path):
    detail = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    documents.attach_scan(db, actor, detail.id, "ktp", _black_top_half(tmp_path / "ktp.pdf", pages=1))
    tab = ChecklistWidget(db, actor, detail.id)
    tab.select("ktp")
    sha = tab.current_item().scans[0].sha256
    tab.deleteLater()
    qtbot.wait(10)  # deleted before the worker hands the page over
    pages().wait_idle()
    qtbot.wait(50)  # the page arrives: nobody is there, nothing fails
    assert render.thumbnail_path(sha, THUMB.height()).is_file()  # drawn and kept for the next time
