"""Print preview: a PDF shown in the app before it is saved or printed.

``show_pdf(parent, path, suggested_name)`` is the one entry point for every screen that prints: it
opens a ``PdfPreviewDialog`` (not modal, deleted when closed) or says why the file cannot be shown.
The dialog draws pages with ``app.reports.render`` (pypdfium2) on the worker thread of
``app.views.pdf_pages``, only the pages in sight, at the zoom of the moment (fit width, or + / −).
"Save…" copies the file to a chosen place, "Print…" draws every page at the printer's resolution
(at most 300 dpi) with progress and cancel, "Open in system viewer" hands the file to the desktop.

Keys: PgUp / PgDn previous / next page, Home / End first / last page, Ctrl++ / Ctrl+- zoom, Ctrl+0
fit width, Ctrl+P print, Ctrl+S save, Esc close.

``temp_pdf(name)`` gives a path in a private folder under the data dir for a PDF built only to be
previewed; ``show_pdf(..., temporary=True)`` removes it when the preview closes.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRect, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QImage, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QProgressDialog, QPushButton,
                               QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from app.core.errors import AppError
from app.reports import render
from app.views import i18n
from app.views.pdf_pages import pages

log = logging.getLogger("app.ui")

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0  # of 100 % (a point is 1/72 inch at the screen's dpi)
PRINT_MAX_DPI = 300
KEEP_IMAGES = 12  # drawn pages kept in memory (the nearest to the page in sight; ~6 MB each at fit width)
MARGIN, SPACING = 16, 12


def _open_with_system(path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# --- temporary files of a preview -------------------------------------------------------------------

def _temp_root() -> Path:
    from app import paths

    root = paths.data_dir() / "print-preview"
    root.mkdir(parents=True, exist_ok=True)
    return root


def temp_pdf(name: str) -> Path:
    """A path ``<data dir>/print-preview/<private folder>/<name>`` for a PDF built to be previewed
    (personal data stays in the data dir); folders left by a crash a day ago are removed."""
    root = _temp_root()
    cutoff = time.time() - 24 * 3600
    for old in root.iterdir():
        try:
            if old.is_dir() and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
    folder = Path(tempfile.mkdtemp(prefix="pratinjau-", dir=root))
    return folder / (Path(name).name or "dokumen.pdf")


def remove_temporary(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
        if path.parent.parent == _temp_root():
            shutil.rmtree(path.parent, ignore_errors=True)
    except OSError as exc:  # still open in another program (Windows): removed with the next preview
        log.info("preview file not removed (%s): %s", path, exc)


# --- the dialog ----------------------------------------------------------------------------------------

class PageView(QWidget):
    """One page at the dialog's zoom: the drawn image, or a white sheet until it comes."""

    def __init__(self, dialog: "PdfPreviewDialog", index: int):
        super().__init__()
        self.dialog = dialog
        self.index = index
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        image = self.dialog.images.get(self.index)
        if image is not None:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(self.rect(), image)
        if image is None or image.width() != self.dialog.pixel_width(self.index):
            self.dialog.request_page(self.index)
        p.setPen(QColor("#9ca3af"))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()


class PdfPreviewDialog(QDialog):
    """The pages of one PDF with save, print and open-in-viewer."""

    pageChanged = Signal(int)  # 0-based page in sight
    saved = Signal(object)  # Path

    def __init__(self, path, parent: QWidget | None = None, suggested_name: str | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.suggested_name = suggested_name or self.path.name
        self.sizes = render.page_sizes(self.path)  # UserError for a damaged or locked file
        # replaced in tests: the save-path question, the print dialog and the system viewer
        self.ask_save_path = self._ask_save_path
        self.make_print_dialog = self._make_print_dialog
        self.open_file = _open_with_system
        self.images: dict[int, QImage] = {}
        self.requested: set[tuple[int, int]] = set()
        self.failed: dict[int, AppError] = {}  # pages that cannot be drawn (not asked again)
        self.zoom = 1.0  # 1.0 = 100 %
        self.fit_width = True
        self.current = 0
        self._anchor = 0  # the page kept in sight across a zoom
        self._key = f"preview-{id(self)}-{time.monotonic_ns()}"
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", self.suggested_name))
        self.setSizeGripEnabled(True)

        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save a copy of this PDF (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Choose a printer and print (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.open_button = QPushButton(self.tr("Open in system viewer"))
        self.open_button.clicked.connect(lambda: self.open_file(self.path))
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        for b in (self.zoom_out_button, self.zoom_in_button):
            b.setFixedWidth(b.fontMetrics().height() * 2 + 8)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400 %") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.setToolTip(self.tr("Fit the page to the window's width (Ctrl+0)"))
        self.fit_button.clicked.connect(lambda on: self.set_fit_width() if on else self.set_zoom(self.zoom))
        self.page_label = QLabel()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        for b in (self.save_button, self.print_button, self.open_button, self.zoom_out_button, self.zoom_in_button,
                  self.fit_button, self.close_button):
            b.setAutoDefault(False)  # Enter does nothing by surprise; the keys are listed in the tooltips
        bar = QHBoxLayout()
        for w in (self.save_button, self.print_button, self.open_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.close_button)

        self.sheet = QWidget()
        self.sheet.setAutoFillBackground(True)
        palette = self.sheet.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#6b7280"))
        self.sheet.setPalette(palette)
        column = QVBoxLayout(self.sheet)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        self.page_views = [PageView(self, i) for i in range(len(self.sizes))]
        for view in self.page_views:
            column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._track_page())

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        keys = [(QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.go_to(self.current - 1)),
                (QKeySequence.StandardKey.MoveToNextPage, lambda: self.go_to(self.current + 1)),
                (QKeySequence(Qt.Key.Key_Home), lambda: self.go_to(0)),
                (QKeySequence(Qt.Key.Key_End), lambda: self.go_to(self.page_count() - 1)),
                (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
                (QKeySequence("Ctrl+="), lambda: self.zoom_by(ZOOM_STEP)),
                (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
                (QKeySequence("Ctrl+0"), lambda: self.set_fit_width()),
                (QKeySequence.StandardKey.Print, lambda: self.print_document()),
                (QKeySequence.StandardKey.Save, lambda: self.save())]
        self.shortcuts = []
        for key, action in keys:
            shortcut = QShortcut(key, self)
            shortcut.activated.connect(action)
            self.shortcuts.append(shortcut)

        pages().done.connect(self._page_drawn)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(980, int(screen.width() * 0.9)), int(screen.height() * 0.9))
        self._layout_pages()

    # --- pages and zoom ------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self.sizes)

    def _points_to_px(self) -> float:
        return self.logicalDpiX() / 72.0

    def _fit_zoom(self) -> float:
        widest = max(w for w, _h in self.sizes)
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        room = max(100, self.scroll.viewport().width() - 2 * MARGIN - (0 if self.scroll.verticalScrollBar().isVisible()
                                                                       else bar))
        return room / (widest * self._points_to_px())

    def page_size(self, index: int) -> QSize:
        """The page's size on screen at the current zoom (logical pixels)."""
        w, h = self.sizes[index]
        scale = self.zoom * self._points_to_px()
        return QSize(max(1, round(w * scale)), max(1, round(h * scale)))

    def pixel_width(self, index: int) -> int:
        """The width the page is drawn at (device pixels, sharp on a high-dpi screen)."""
        return max(1, round(self.page_size(index).width() * self.devicePixelRatioF()))

    def _layout_pages(self) -> None:
        anchor = self.current
        if self.fit_width:
            self.zoom = min(ZOOM_MAX, max(ZOOM_MIN, self._fit_zoom()))
        for i, view in enumerate(self.page_views):
            view.setFixedSize(self.page_size(i))
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_MIN + 1e-6)
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_MAX - 1e-6)
        self.fit_button.setChecked(self.fit_width)
        self.sheet.adjustSize()
        self._show_page_label()
        if self.isVisible():
            self._anchor = anchor
            QTimer.singleShot(0, self._back_to_anchor)  # a bound method: dropped if the dialog goes first

    def _alive(self) -> bool:
        """False once Qt deleted the dialog or its parts (a timer or a page arriving late)."""
        import shiboken6

        return shiboken6.isValid(self) and shiboken6.isValid(self.scroll)

    def _back_to_anchor(self) -> None:
        if self._alive():
            self.go_to(self._anchor)

    def set_zoom(self, zoom: float) -> None:
        self.fit_width = False
        self.zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        self._layout_pages()

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom * factor)

    def set_fit_width(self) -> None:
        self.fit_width = True
        self._layout_pages()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.fit_width:
            QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        if self._alive() and self.fit_width and abs(self._fit_zoom() - self.zoom) > 0.005:
            self._layout_pages()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        QTimer.singleShot(0, self._refit)

    def go_to(self, index: int) -> None:
        """Scroll page ``index`` (0-based, clamped) to the top of the view."""
        index = max(0, min(self.page_count() - 1, index))
        self.scroll.verticalScrollBar().setValue(self.page_views[index].y() - SPACING // 2)
        self._set_current(index)

    def _track_page(self) -> None:
        if not self._alive():
            return
        top = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3
        index = 0
        for i, view in enumerate(self.page_views):
            if view.y() <= top:
                index = i
        self._set_current(index)

    def _set_current(self, index: int) -> None:
        if index != self.current:
            self.current = index
            self.pageChanged.emit(index)
        self._show_page_label()

    def _show_page_label(self) -> None:
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(self.current + 1))
                                .replace("%2", str(self.page_count())))

    def visible_pages(self) -> list[int]:
        """Pages that intersect the viewport now."""
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        return [i for i, v in enumerate(self.page_views) if v.y() < bottom and v.y() + v.height() > top]

    # --- drawing -------------------------------------------------------------------------------

    def request_page(self, index: int) -> None:
        width = self.pixel_width(index)
        if (index, width) in self.requested or index in self.failed:
            return
        self.requested.add((index, width))
        path = self.path
        pages().request((self._key, index, width), lambda: render.render_page(path, index, width_px=width))

    def _page_drawn(self, key, value) -> None:
        if not (isinstance(key, tuple) and key[0] == self._key) or not self._alive():
            return
        _k, index, width = key
        self.requested.discard((index, width))
        if isinstance(value, QImage):
            if width != self.pixel_width(index):
                return  # drawn for a zoom that has passed; the page asks again when painted
            value.setDevicePixelRatio(self.devicePixelRatioF())
            self.images[index] = value
            self._forget_far_pages()
            self.page_views[index].update()
        else:
            self.failed[index] = value
            log.info("preview page %s of %s not drawn: %s", index + 1, self.path.name, value)

    def _forget_far_pages(self) -> None:
        if len(self.images) <= KEEP_IMAGES:
            return
        for index in sorted(self.images, key=lambda i: abs(i - self.current), reverse=True)[
                :len(self.images) - KEEP_IMAGES]:
            del self.images[index]

    # --- save, print, open -----------------------------------------------------------------------

    def _ask_save_path(self, title: str, name: str, filter_: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filter_)
        return path

    def save(self) -> Path | None:
        """Copy the PDF to a path the person chooses; the path, or None when cancelled or refused."""
        chosen = self.ask_save_path(self.tr("Save PDF"), self.suggested_name, self.tr("PDF files (*.pdf)"))
        if not chosen:
            return None
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        try:
            if not (target.exists() and target.samefile(self.path)):
                shutil.copyfile(self.path, target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)))
            return None
        self.saved.emit(target)
        return target

    def _make_print_dialog(self, printer):
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        return dialog

    def print_document(self, printer=None) -> bool:
        """Ask for a printer (unless one is given) and print; True when every page went out."""
        from PySide6.QtPrintSupport import QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.suggested_name)
            printer.setFromTo(1, self.page_count())
            dialog = self.make_print_dialog(printer)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        return self.print_to(printer)

    def _pages_to_print(self, printer) -> list[int]:
        from PySide6.QtPrintSupport import QPrinter

        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(1, printer.fromPage())
            last = min(self.page_count(), printer.toPage() or self.page_count())
            return list(range(first - 1, last))
        return list(range(self.page_count()))

    def _orient(self, printer, index: int) -> None:
        from PySide6.QtGui import QPageLayout

        w, h = self.sizes[index]
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait)

    def _draw_waiting(self, index: int, dpi: float):
        """Draw one page on the worker thread while the GUI stays live; the QImage or the error."""
        key = (f"{self._key}-print", index, dpi)
        got: dict[str, object] = {}
        loop = QEventLoop()

        def arrived(k, value):
            if k == key:
                got["value"] = value
                loop.quit()

        worker = pages()
        worker.done.connect(arrived)
        try:
            path = self.path
            worker.request(key, lambda: render.render_page(path, index, dpi=dpi))
            if "value" not in got:
                loop.exec()
        finally:
            worker.done.disconnect(arrived)
        return got["value"]

    def print_to(self, printer) -> bool:
        """Draw the pages into ``printer`` (a real printer, or a PDF file for tests), each at the
        printer's resolution (at most 300 dpi), fitted to the printable area. Progress with cancel
        for more than two pages."""
        indexes = self._pages_to_print(printer)
        if not indexes:
            return False
        dpi = min(printer.resolution(), PRINT_MAX_DPI)
        progress = None
        if len(indexes) > 2:
            progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(indexes), self)
            progress.setWindowTitle(self.tr("Print"))
            progress.setWindowModality(Qt.WindowModality.ApplicationModal)  # nothing closes the preview mid-print
            progress.setMinimumDuration(0)
            progress.setValue(0)
        self._orient(printer, indexes[0])
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Not printed"), self.tr("The printer could not be started."))
            return False
        completed = False
        try:
            for n, index in enumerate(indexes):
                if progress is not None:
                    progress.setLabelText(self.tr("Printing page %1 of %2…").replace("%1", str(n + 1))
                                          .replace("%2", str(len(indexes))))
                    progress.setValue(n)
                    if progress.wasCanceled():
                        break
                image = self._draw_waiting(index, dpi)
                if progress is not None and progress.wasCanceled():
                    break
                if not isinstance(image, QImage):
                    text = i18n.message(image) if isinstance(image, AppError) else str(image)
                    QMessageBox.warning(self, self.tr("Not printed"), text)
                    break
                if n > 0:
                    self._orient(printer, index)
                    printer.newPage()
                paint = printer.pageLayout().paintRectPixels(printer.resolution())  # this page's orientation
                area = QRect(0, 0, paint.width(), paint.height())  # the origin is the printable area's corner
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(), size.height())
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(target, image)
            else:
                completed = True
        finally:
            if not completed:
                printer.abort()
            painter.end()
            if progress is not None:
                progress.setValue(len(indexes))
                progress.close()
                progress.deleteLater()
        return completed


def show_pdf(parent: QWidget | None, path, suggested_name: str | None = None, *,
             temporary: bool = False) -> PdfPreviewDialog | None:
    """Open the preview of ``path`` (not modal; deleted when closed). ``temporary``: the file was
    built only for this preview (``temp_pdf``) and is removed when the preview closes. A file that
    cannot be shown is a message, with the offer to open it in the system viewer."""
    path = Path(path)
    try:
        dialog = PdfPreviewDialog(path, parent, suggested_name)
    except AppError as exc:
        from PySide6.QtCore import QCoreApplication

        title = QCoreApplication.translate("PdfPreviewDialog", "Preview")
        QMessageBox.warning(parent, title, i18n.message(exc))
        if temporary:
            remove_temporary(path)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if temporary:  # closed, or taken down with its parent window
        dialog.finished.connect(lambda _result, p=path: remove_temporary(p))
        dialog.destroyed.connect(lambda *_a, p=path: remove_temporary(p))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
