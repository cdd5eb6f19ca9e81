"""The print preview (app/views/reports/preview.py): every page of the PDF is laid out, only the
pages in sight are drawn, the keyboard moves between pages and zooms, "Save…" copies the file,
"Print…" draws each page into the printer (here a PDF file, read back with pypdf and drawn again to
check where the ink went), a long print can be cancelled, a damaged file is a message."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from app.reports import render
from app.views.reports import preview
from app.views.reports.preview import PdfPreviewDialog, show_pdf

pytestmark = pytest.mark.gui


def make_pdf(path, pages, *, landscape_pages=()):
    """Each page: its number as text and a black square at the top left (30 mm from the edges,
    40 mm wide); landscape pages also a black bar along the bottom."""
    mm = 72 / 25.4
    c = Canvas(str(path), pagesize=A4)
    for i in range(pages):
        size = landscape(A4) if i in landscape_pages else A4
        c.setPageSize(size)
        c.setFont("Helvetica", 24)
        c.drawString(100, size[1] / 2, f"Halaman {i + 1}")
        c.rect(30 * mm, size[1] - 70 * mm, 40 * mm, 40 * mm, stroke=0, fill=1)
        if i in landscape_pages:
            c.rect(0, 0, size[0], 20 * mm, stroke=0, fill=1)
        c.showPage()
    c.save()
    return path


@pytest.fixture
def dialog(qtbot, tmp_path):
    def make(pages=5, **kw):
        pdf = make_pdf(tmp_path / "laporan.pdf", pages, **kw)
        d = PdfPreviewDialog(pdf, None, "laporan-mou.pdf")
        qtbot.addWidget(d)
        d.resize(700, 600)
        d.show()
        qtbot.waitExposed(d)
        d.activateWindow()
        qtbot.waitUntil(d.isActiveWindow)  # shortcuts work in the active window
        return d
    return make


def _dark_at(image: QImage, fx: float, fy: float) -> bool:
    return image.pixelColor(int(image.width() * fx), int(image.height() * fy)).lightness() < 80


def test_shows_every_page_and_draws_only_those_in_sight(qtbot, dialog):
    d = dialog(12)
    assert d.page_count() == 12 and len(d.page_views) == 12
    assert d.page_label.text() == "Page 1 of 12"
    qtbot.waitUntil(lambda: 0 in d.images, timeout=5000)
    page = d.images[0]
    assert page.width() == d.pixel_width(0)
    # the black square 30 mm from the left and the top of an A4 page
    assert _dark_at(page, 50 / 210, 50 / 297) and not _dark_at(page, 150 / 210, 150 / 297)
    assert d.fit_width and abs(d.page_views[0].width() - (d.scroll.viewport().width() - 2 * preview.MARGIN)) <= 2
    assert set(d.visible_pages()) < set(range(12)) and 11 not in d.images  # lazy: the last page is not drawn
    assert set(d.images) <= set(range(3))


def test_keyboard_moves_between_pages_and_zooms(qtbot, dialog):
    d = dialog(6)
    d.scroll.setFocus()
    qtbot.keyClick(d, Qt.Key.Key_PageDown)
    qtbot.keyClick(d, Qt.Key.Key_PageDown)
    assert d.current == 2 and d.page_label.text() == "Page 3 of 6"
    assert 2 in d.visible_pages()
    qtbot.waitUntil(lambda: 2 in d.images, timeout=5000)  # drawn once in sight
    qtbot.keyClick(d, Qt.Key.Key_PageUp)
    assert d.current == 1
    qtbot.keyClick(d, Qt.Key.Key_End)
    assert d.current == 5 and d.page_label.text() == "Page 6 of 6"
    qtbot.keyClick(d, Qt.Key.Key_PageDown)  # stays on the last page
    assert d.current == 5
    qtbot.keyClick(d, Qt.Key.Key_Home)
    assert d.current == 0

    fitted = d.zoom
    qtbot.keyClick(d, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert not d.fit_width and d.zoom == pytest.approx(fitted * preview.ZOOM_STEP)
    assert d.zoom_label.text() == f"{round(d.zoom * 100)} %" and not d.fit_button.isChecked()
    assert d.page_views[0].width() > round(fitted * d.logicalDpiX() / 72 * 595)
    qtbot.waitUntil(lambda: 0 in d.images and d.images[0].width() == d.pixel_width(0), timeout=5000)
    qtbot.keyClick(d, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(d, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert d.zoom == pytest.approx(fitted / preview.ZOOM_STEP)
    for _ in range(20):
        d.zoom_by(1 / preview.ZOOM_STEP)
    assert d.zoom == preview.ZOOM_MIN and not d.zoom_out_button.isEnabled()
    qtbot.keyClick(d, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert d.fit_width and d.zoom == pytest.approx(fitted, rel=0.02) and d.fit_button.isChecked()
    # Esc closes
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert not d.isVisible()


def test_save_copies_the_bytes_and_a_cancelled_question_saves_nothing(qtbot, dialog, tmp_path):
    d = dialog(3)
    asked = []
    d.ask_save_path = lambda title, name, filter_: asked.append(name) or str(tmp_path / "out" / "salinan")
    (tmp_path / "out").mkdir()
    with qtbot.waitSignal(d.saved) as saved:
        qtbot.keyClick(d, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    target = tmp_path / "out" / "salinan.pdf"  # the extension added
    assert asked == ["laporan-mou.pdf"] and saved.args == [target]
    assert target.read_bytes() == d.path.read_bytes()
    d.ask_save_path = lambda *a: ""
    assert d.save() is None


def test_save_to_a_folder_that_cannot_be_written_is_a_message(qtbot, dialog, tmp_path, monkeypatch):
    d = dialog(1)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    d.ask_save_path = lambda *a: str(tmp_path / "tidak-ada" / "x.pdf")
    assert d.save() is None and shown and "could not be written" in shown[0]


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_to_a_pdf_printer_gives_every_page_with_the_ink_in_place(qtbot, dialog, tmp_path):
    d = dialog(4, landscape_pages=(3,))
    out = tmp_path / "cetak.pdf"
    asked = []

    def fake_dialog(printer):
        asked.append(printer.docName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)

        class Accept:
            @staticmethod
            def exec():
                from PySide6.QtWidgets import QDialog
                return QDialog.DialogCode.Accepted
        return Accept()

    d.make_print_dialog = fake_dialog
    qtbot.keyClick(d, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["laporan-mou.pdf"]
    reader = PdfReader(str(out))
    assert len(reader.pages) == 4
    box = reader.pages[3].mediabox
    assert float(box.width) > float(box.height)  # the landscape page printed landscape
    first = render.render_page(out, 0, dpi=50)
    image = QImage(first.bgra_bytes, first.width, first.height, first.stride, QImage.Format.Format_ARGB32)
    # printed inside the printer's margins, scaled to fit: the square is still near the top left,
    # the middle right is blank
    assert any(_dark_at(image, x / 100, y / 100) for x in range(12, 30) for y in range(10, 25))
    assert not _dark_at(image, 0.8, 0.5)
    last = render.render_page(out, 3, dpi=50)
    last_image = QImage(last.bgra_bytes, last.width, last.height, last.stride, QImage.Format.Format_ARGB32)
    assert any(_dark_at(last_image, 0.5, y / 100) for y in range(80, 98))  # the bar along the bottom


def test_print_a_page_range_and_cancel_a_long_print(qtbot, dialog, tmp_path, monkeypatch):
    d = dialog(5)
    printer = _pdf_printer(tmp_path / "dua.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert d.print_to(printer) is True
    assert len(PdfReader(str(tmp_path / "dua.pdf")).pages) == 2

    # a cancel after the first page: nothing more is drawn and the print is aborted
    seen, drawn = [], []
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: seen.append(1) or len(seen) > 2)
    draw = d._draw_waiting
    d._draw_waiting = lambda index, dpi: drawn.append(index) or draw(index, dpi)
    assert d.print_to(_pdf_printer(tmp_path / "batal.pdf")) is False
    assert drawn == [0]


def test_a_print_dialog_cancelled_prints_nothing(qtbot, dialog, tmp_path):
    d = dialog(2)
    asked = []

    class Reject:
        @staticmethod
        def exec():
            from PySide6.QtWidgets import QDialog
            return QDialog.DialogCode.Rejected

    d.make_print_dialog = lambda printer: asked.append(printer) or Reject()
    d.print_to = lambda printer: pytest.fail("nothing is printed")
    qtbot.mouseClick(d.print_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and (asked[0].fromPage(), asked[0].toPage()) == (1, 2)


def test_only_the_pages_near_the_one_in_sight_stay_in_memory(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(preview, "KEEP_IMAGES", 3)
    d = dialog(10)
    d.set_zoom(0.3)  # several pages in sight at once
    for page in range(10):
        d.go_to(page)
        qtbot.waitUntil(lambda p=page: p in d.images, timeout=5000)
        assert len(d.images) <= 3
    assert 9 in d.images and 0 not in d.images


def test_a_page_drawn_for_an_old_zoom_is_not_kept(qtbot, dialog):
    d = dialog(1)
    qtbot.waitUntil(lambda: 0 in d.images, timeout=5000)
    d.images.clear()
    old_width = d.pixel_width(0)
    d.set_zoom(d.zoom * 2)
    stale = QImage(old_width, 10, QImage.Format.Format_ARGB32)
    d._page_drawn((d._key, 0, old_width), stale)
    assert 0 not in d.images  # the page asks again for its new width
    qtbot.waitUntil(lambda: 0 in d.images and d.images[0].width() == d.pixel_width(0), timeout=5000)


def test_show_pdf_opens_a_preview_and_removes_a_temporary_file_when_closed(qtbot, tmp_path):
    path = preview.temp_pdf("tanda-terima.pdf")
    assert path.parent.parent.name == "print-preview" and path.name == "tanda-terima.pdf"
    make_pdf(path, 2)
    d = show_pdf(None, path, "tanda-terima.pdf", temporary=True)
    assert d.isVisible() and d.page_count() == 2 and d.windowTitle().endswith("tanda-terima.pdf")
    opened = []
    d.open_file = opened.append
    qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)
    assert opened == [path]
    d.close()
    assert not path.exists() and not path.parent.exists()


def test_a_temporary_file_also_goes_when_the_parent_window_goes(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    parent.show()
    path = preview.temp_pdf("daftar-periksa.pdf")
    make_pdf(path, 1)
    d = show_pdf(parent, path, "daftar-periksa.pdf", temporary=True)
    assert d.isVisible() and path.exists()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not path.exists(), timeout=3000)


def test_show_pdf_of_a_damaged_file_is_a_message(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.4 bukan isi")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert show_pdf(None, bad, "rusak.pdf") is None
    assert shown and "rusak.pdf" in shown[0] and "rusak" in shown[0].split("rusak.pdf", 1)[1]
