"""One applicant's document checklist: the items, their details, scans (drop a file or choose one),
verify / reject for supervisors, completeness, and the printed take-home checklist.

The widget calls ``app.core.documents`` services and shows the ``Checklist`` each one returns; the
core refuses what a role may not do, the buttons only follow it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QIcon, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QProgressBar, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from app.core import documents, reference
from app.core.errors import AppError, ValidationError
from app.core.permissions import allowed
from app.views import i18n
from app.views.documents.model import ChecklistModel, problems, status_label, type_name
from app.views.widgets import DateField, build_reason_dialog, error_label, mark_error

THUMB = QSize(96, 96)


PAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # True once a PDF scan shows its first page


def thumbnail(scan) -> QPixmap:
    """A small picture of a scan: the image itself; for a PDF its first page once drawn (read from
    the thumbnail cache; ``ChecklistWidget`` has it drawn off the GUI thread the first time), with
    the page count; else a page symbol."""
    if scan.mime_type.startswith("image/"):
        reader = QImageReader(str(scan.path))
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            return QPixmap.fromImage(image)
    elif scan.mime_type == "application/pdf":
        image = cached_first_page(scan)
        if image is not None:
            return pdf_thumbnail(image, scan.page_count)
    return _placeholder(scan)


def cached_first_page(scan) -> QImage | None:
    from app.reports import render

    cached = render.thumbnail_path(scan.sha256, THUMB.height())
    if not cached.is_file():
        return None
    image = QImage(str(cached))
    return None if image.isNull() else image


def pdf_thumbnail(page: QImage, pages: int | None) -> QPixmap:
    """The first page in a thin frame, centred in the thumbnail box, the page count on a badge."""
    pix = QPixmap(THUMB)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    scaled = page.size().scaled(THUMB.width() - 2, THUMB.height() - 2, Qt.AspectRatioMode.KeepAspectRatio)
    x = (THUMB.width() - scaled.width()) // 2
    y = (THUMB.height() - scaled.height()) // 2
    p.drawImage(QRect(x, y, scaled.width(), scaled.height()), page)
    p.setPen(QColor("#9ca3af"))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(x, y, scaled.width() - 1, scaled.height() - 1)
    if pages:
        font = QFont()
        font.setPointSize(7)
        font.setBold(True)
        p.setFont(font)
        text = QApplicationTr.pages(pages)
        w = p.fontMetrics().horizontalAdvance(text) + 8
        h = p.fontMetrics().height() + 2
        badge = QRect(x + scaled.width() - w - 2, y + scaled.height() - h - 2, w, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(55, 65, 81, 220))
        p.drawRoundedRect(badge, 3, 3)
        p.setPen(QColor("#ffffff"))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pix


def _placeholder(scan) -> QPixmap:
    pix = QPixmap(THUMB)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor("#9ca3af"))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(18, 4, 60, 86)
    p.setBrush(QColor("#b91c1c") if scan.mime_type == "application/pdf" else QColor("#6b7280"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRect(22, 30, 52, 22)
    p.setPen(QColor("#ffffff"))
    font = QFont()
    font.setBold(True)
    font.setPointSize(11)
    p.setFont(font)
    p.drawText(22, 30, 52, 22, Qt.AlignmentFlag.AlignCenter,
               "PDF" if scan.mime_type == "application/pdf" else "?")
    if scan.page_count:
        p.setPen(QColor("#374151"))
        font.setBold(False)
        font.setPointSize(8)
        p.setFont(font)
        p.drawText(18, 58, 60, 20, Qt.AlignmentFlag.AlignCenter,
                   QApplicationTr.pages(scan.page_count))
    p.end()
    return pix


def _show_pdf(parent, path, suggested_name, **kw):
    from app.views.reports.preview import show_pdf

    return show_pdf(parent, path, suggested_name, **kw)


class QApplicationTr:
    """Translated bits used outside a QObject."""

    @staticmethod
    def pages(n: int) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ChecklistWidget", "%1 p.").replace("%1", str(n))


class ChecklistWidget(QWidget):
    """The "Documents" tab of an applicant."""

    changed = Signal(object)  # the new Checklist

    def __init__(self, db, actor, applicant_id, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.applicant_id = applicant_id
        self.checklist = None
        self.can_submit = allowed(actor.role, "document.submit")
        self.can_verify = allowed(actor.role, "document.verify")
        self.setAcceptDrops(self.can_submit)
        self._listening = False  # connected to the PDF page worker
        self.show_pdf = _show_pdf  # the print preview; replaced in tests

        self.target_label = QLabel()
        self.target_label.setWordWrap(True)
        self.target_button = QPushButton(self.tr("Destination and departure…"))
        self.target_button.clicked.connect(lambda: self.edit_target())
        self.print_button = QPushButton(self.tr("Print checklist…"))
        self.print_button.clicked.connect(lambda: self.print_checklist())
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(14)
        self.percent_label = QLabel()
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b91c1c;")

        self.model = ChecklistModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())

        # the selected item
        self.item_title = QLabel()
        self.item_title.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.item_title.setWordWrap(True)
        self.item_status = QLabel()
        self.item_status.setWordWrap(True)
        self.item_problems = QLabel()
        self.item_problems.setWordWrap(True)
        self.item_problems.setStyleSheet("color: #b91c1c;")
        self.number = QLineEdit()
        self.issued_on = DateField()
        self.expires_on = DateField()
        self.printed_name = QLineEdit()
        self.printed_birth_date = DateField()
        self.printed_nik = QLineEdit()
        self.printed_nik.setMaxLength(16)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        self.fields = {"number": self.number, "issued_on": self.issued_on, "expires_on": self.expires_on,
                       "printed_name": self.printed_name, "printed_birth_date": self.printed_birth_date,
                       "printed_nik": self.printed_nik, "note": self.note}
        captions = {"number": self.tr("Document number"), "issued_on": self.tr("Issued on"),
                    "expires_on": self.tr("Valid until"), "printed_name": self.tr("Name as printed"),
                    "printed_birth_date": self.tr("Birth date as printed"), "printed_nik": self.tr("NIK as printed"),
                    "note": self.tr("Note")}
        self.captions: dict[str, QLabel] = {}
        for name, widget in self.fields.items():
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(widget)
            self.errors[name] = error_label()
            box.addWidget(self.errors[name])
            self.captions[name] = QLabel(captions[name])
            form.addRow(self.captions[name], box)
        self.save_button = QPushButton(self.tr("Save as submitted"))
        self.save_button.clicked.connect(lambda: self.save_details())
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(lambda: self.verify_selected())
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.clicked.connect(lambda: self.reject_selected())
        for b in (self.verify_button, self.reject_button):
            b.setEnabled(False)
        if not self.can_verify:
            tip = self.tr("Only a supervisor verifies or rejects documents.")
            self.verify_button.setToolTip(tip)
            self.reject_button.setToolTip(tip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.reject_button)

        self.scans = QListWidget()
        self.scans.setViewMode(QListWidget.ViewMode.IconMode)
        self.scans.setIconSize(THUMB)
        self.scans.setGridSize(QSize(THUMB.width() + 40, THUMB.height() + 40))
        self.scans.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.scans.setMovement(QListWidget.Movement.Static)
        self.scans.setWordWrap(True)
        self.scans.setFixedHeight(THUMB.height() + 52)
        self.scans.itemDoubleClicked.connect(lambda item: self.open_scan(item.data(Qt.ItemDataRole.UserRole)))
        self.scans.currentItemChanged.connect(lambda *_: self._scan_buttons())
        self.attach_button = QPushButton(self.tr("Attach scan…"))
        self.attach_button.clicked.connect(lambda: self.choose_files())
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self.open_scan(self._current_scan()))
        self.remove_button = QPushButton(self.tr("Remove scan…"))
        self.remove_button.clicked.connect(lambda: self.remove_selected_scan())
        self.drop_hint = QLabel(self.tr("Drop JPEG, PNG or PDF files here (at most 20 MB each)."))
        self.drop_hint.setStyleSheet("color: #6b7280;")
        self.drop_hint.setWordWrap(True)
        scan_buttons = QHBoxLayout()
        for b in (self.attach_button, self.open_button, self.remove_button):
            scan_buttons.addWidget(b)
        scan_buttons.addStretch(1)
        scan_box = QGroupBox(self.tr("Scans"))
        sl = QVBoxLayout(scan_box)
        sl.addWidget(self.scans)
        sl.addLayout(scan_buttons)
        sl.addWidget(self.drop_hint)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(8, 0, 0, 0)
        dl.addWidget(self.item_title)
        dl.addWidget(self.item_status)
        dl.addWidget(self.item_problems)
        dl.addLayout(form)
        dl.addLayout(buttons)
        dl.addWidget(scan_box)
        dl.addStretch(1)
        self.detail = detail

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([740, 520])

        top = QGridLayout()
        top.addWidget(self.target_label, 0, 0)
        top.addWidget(self.target_button, 0, 1)
        top.addWidget(self.print_button, 0, 2)
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.percent_label)
        top.addLayout(bar, 1, 0, 1, 3)
        top.addWidget(self.missing_label, 2, 0, 1, 3)
        top.addWidget(self.warning_label, 3, 0, 1, 3)
        top.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        for w in (self.save_button, self.attach_button, self.target_button, self.print_button):
            w.setEnabled(self.can_submit)
        self.reload()

    # --- showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        self._set(documents.checklist(self.db, self.applicant_id, self.actor))

    def _set(self, checklist, select: str | None = None) -> None:
        current = select or (self.current_item().type_code if self.current_item() else None)
        self.checklist = checklist
        self.model.set_checklist(checklist)
        country = reference.countries().get(checklist.country or "")
        sector = reference.sectors().get(checklist.sector or "")
        parts = [self.tr("Destination: %1").replace("%1", i18n.choice_name(country) if country else self.tr("not chosen")),
                 self.tr("Sector: %1").replace("%1", i18n.choice_name(sector) if sector else self.tr("not chosen")),
                 self.tr("Planned departure: %1").replace(
                     "%1", checklist.planned_departure.strftime("%d/%m/%Y") if checklist.planned_departure
                     else self.tr("not set"))]
        if not checklist.target_set and country:
            parts.append(self.tr("(from the first preferred country and sector)"))
        self.target_label.setText("  |  ".join(parts[:3]) + (" " + parts[3] if len(parts) > 3 else ""))
        self.progress.setValue(int(round(checklist.percent * 10)))
        from app.core.formatting import format_percent

        self.percent_label.setText(self.tr("%1 of %2 required documents verified (%3)")
                                   .replace("%1", str(checklist.verified_count))
                                   .replace("%2", str(checklist.required_count))
                                   .replace("%3", format_percent(checklist.percent, i18n.language())))
        missing = [type_name(checklist.item(c)) for c in checklist.missing]
        self.missing_label.setText(self.tr("Still needed: %1").replace("%1", ", ".join(missing)) if missing
                                   else self.tr("Every required document is verified."))
        warnings = [i18n.message(f) for f in checklist.flags + checklist.mismatches]
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        row = self.model.row_of(current) if current else 0
        self.table.selectRow(max(row, 0))
        self._show_item()
        self.changed.emit(checklist)

    def current_item(self):
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_object(index.row())

    def select(self, type_code: str) -> None:
        self.table.selectRow(self.model.row_of(type_code))

    def _show_item(self) -> None:
        item = self.current_item()
        self.detail.setEnabled(item is not None)
        for name, label in self.errors.items():
            label.hide()
            mark_error(self.fields[name], False)
        if item is None:
            return
        self.item_title.setText(type_name(item))
        text = self.tr("Status: %1").replace("%1", status_label(item.status))
        if item.verified_by and item.verified_at:
            from app.views.applicants.history import wib

            text += " — " + self.tr("verified by %1 on %2").replace("%1", item.verified_by).replace(
                "%2", item.verified_at.astimezone(wib()).strftime("%d/%m/%Y %H:%M"))
        if item.status == "rejected" and item.reject_reason:
            text += " — " + self.tr("reason: %1").replace("%1", item.reject_reason)
        self.item_status.setText(text)
        self.item_problems.setText("\n".join(problems(item)))
        self.item_problems.setVisible(bool(item.flags or item.mismatches))
        self.number.setText(item.number or "")
        self.issued_on.set_date(item.issued_on)
        self.expires_on.set_date(item.expires_on)
        self.printed_name.setText(item.printed_name or "")
        self.printed_birth_date.set_date(item.printed_birth_date)
        self.printed_nik.setText(item.printed_nik or "")
        self.note.setPlainText(item.note or "")
        for name in ("printed_name", "printed_birth_date", "printed_nik"):
            self.fields[name].setVisible(item.identity_bearing)
            self.captions[name].setVisible(item.identity_bearing)
        for name in ("issued_on", "expires_on"):
            self.fields[name].setEnabled(True)
        self.verify_button.setEnabled(self.can_verify and item.status == "submitted")
        self.reject_button.setEnabled(self.can_verify and item.status in ("submitted", "verified"))
        self.scans.clear()
        for scan in item.scans:
            entry = QListWidgetItem(QIcon(thumbnail(scan)), _short(scan.original_name))
            entry.setToolTip(f"{scan.original_name}\n{scan.mime_type}, {scan.size_bytes / 1024:.0f} KB")
            entry.setData(Qt.ItemDataRole.UserRole, scan)
            drawn = scan.mime_type == "application/pdf" and cached_first_page(scan) is not None
            entry.setData(PAGE_ROLE, drawn)
            self.scans.addItem(entry)
            if scan.mime_type == "application/pdf" and not drawn:
                self._draw_first_page(scan)
        if item.scans:
            self.scans.setCurrentRow(0)
        self._scan_buttons()

    def _draw_first_page(self, scan) -> None:
        """Draw a PDF scan's first page on the worker thread; ``_first_page_drawn`` shows it."""
        from app.reports import render
        from app.views import pdf_pages

        path, sha, box, name = scan.path, scan.sha256, THUMB.height(), scan.original_name

        def work():
            image = pdf_pages.to_qimage(render.thumbnail(path, box, sha256=sha, name=name))
            return image, render.page_count(path)

        worker = pdf_pages.pages()
        if not self._listening:
            worker.done.connect(self._first_page_drawn)
            self._listening = True
        worker.request(("scan-thumbnail", sha), work)

    def _first_page_drawn(self, key, value) -> None:
        import shiboken6

        if not (isinstance(key, tuple) and key[0] == "scan-thumbnail") or not shiboken6.isValid(self.scans):
            return  # another key, or the tab closed while the page was drawn
        for row in range(self.scans.count()):
            entry = self.scans.item(row)
            scan = entry.data(Qt.ItemDataRole.UserRole)
            if scan is None or scan.sha256 != key[1]:
                continue
            if isinstance(value, tuple):
                image, pages = value
                entry.setIcon(QIcon(pdf_thumbnail(image, pages or scan.page_count)))
                entry.setData(PAGE_ROLE, True)
            elif isinstance(value, AppError):  # damaged or locked: the symbol stays, the tooltip says why
                entry.setToolTip(entry.toolTip() + "\n" + i18n.message(value))

    def _scan_buttons(self) -> None:
        has = self._current_scan() is not None
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has and self.can_submit)

    def _current_scan(self):
        entry = self.scans.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None

    # --- actions ------------------------------------------------------------------------------

    def _refused(self, title: str, exc: AppError) -> None:
        QMessageBox.warning(self, title, i18n.message(exc) if hasattr(exc, "message_en") else str(exc))

    def _run(self, title: str, call, *, select: str | None = None):
        """Call a service; show its Checklist, or its refusal (field errors on the fields)."""
        refusal = None
        try:
            result = call()
        except ValidationError as exc:
            shown = False
            for e in exc.errors:
                label = self.errors.get(e.field)
                if label is not None:
                    label.setText(i18n.message(e))
                    label.show()
                    mark_error(self.fields[e.field], True)
                    shown = True
            if not shown:
                refusal = exc
            else:
                return None
        except AppError as exc:
            refusal = exc
        if refusal is not None:
            if isinstance(refusal, ValidationError):
                QMessageBox.warning(self, title, "\n".join(i18n.message(e) for e in refusal.errors))
            else:
                self._refused(title, refusal)
            return None
        self._set(result, select)
        return result

    def save_details(self):
        item = self.current_item()
        if item is None:
            return None
        values = {"number": self.number.text(), "issued_on": self.issued_on.value_text(),
                  "expires_on": self.expires_on.value_text(), "note": self.note.toPlainText()}
        if item.identity_bearing:
            values |= {"printed_name": self.printed_name.text(),
                       "printed_birth_date": self.printed_birth_date.value_text(),
                       "printed_nik": self.printed_nik.text()}
        return self._run(self.tr("Save document"), lambda: documents.submit(
            self.db, self.actor, self.applicant_id, item.type_code, expected_version=item.version, **values))

    def verify_selected(self):
        item = self.current_item()
        if item is None:
            return None
        return self._run(self.tr("Verify"), lambda: documents.verify(
            self.db, self.actor, self.applicant_id, item.type_code, expected_version=item.version))

    def reject_selected(self, reason: str | None = None):
        item = self.current_item()
        if item is None:
            return None
        if reason is None:
            dialog = RejectDialog(type_name(item), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            reason = dialog.reason.toPlainText()
        return self._run(self.tr("Reject"), lambda: documents.reject(
            self.db, self.actor, self.applicant_id, item.type_code, reason, expected_version=item.version))

    def choose_files(self):
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach scan"), "", self.tr("Scans (*.jpg *.jpeg *.png *.pdf);;All files (*)"))
        return self.attach_files(paths) if paths else None

    def attach_files(self, paths) -> object:
        """Attach each file to the selected item (a drop, the file dialog); stops at the first refusal."""
        item = self.current_item()
        if item is None or not paths:
            return None
        result = None
        for path in paths:
            result = self._run(self.tr("Attach scan"), lambda p=path: documents.attach_scan(
                self.db, self.actor, self.applicant_id, item.type_code, Path(p)), select=item.type_code)
            if result is None:
                break
        return result

    def open_scan(self, scan) -> bool:
        if scan is None:
            return False
        try:
            path = documents.viewable_file(self.db, self.actor, scan.id)
        except AppError as exc:
            self._refused(self.tr("Open"), exc)
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected_scan(self, *, confirm: bool = True):
        scan = self._current_scan()
        item = self.current_item()
        if scan is None or item is None:
            return None
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Remove scan"),
                self.tr("Remove the scan %1 from this document? The removal is recorded.").replace(
                    "%1", scan.original_name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return self._run(self.tr("Remove scan"), lambda: documents.remove_scan(self.db, self.actor, scan.id),
                         select=item.type_code)

    def edit_target(self):
        dialog = TargetDialog(self.checklist, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.save_target(dialog.country.currentData(), dialog.sector.currentData(),
                                dialog.departure.value_text())

    def save_target(self, country, sector, departure):
        cl = self.checklist
        return self._run(self.tr("Destination and departure"), lambda: documents.set_target(
            self.db, self.actor, self.applicant_id, country=country, sector=sector, planned_departure=departure,
            job_order_id=cl.job_order_id, extra_type_codes=cl.extra_type_codes, expected_version=cl.version))

    def print_checklist(self, path: str | None = None):
        """The take-home checklist: built into a temporary PDF and shown in the print preview
        (print or save from there), or written to ``path`` when one is given. The file, or None."""
        from app.reports import checklist as checklist_report
        from app.views.reports import preview

        name = f"daftar-periksa-{self.checklist.registration_number}.pdf"
        target = Path(path) if path else preview.temp_pdf(name)
        try:
            out = checklist_report.print_checklist(self.db, self.actor, self.applicant_id, target)
        except AppError as exc:
            if not path:
                preview.remove_temporary(target)
            self._refused(self.tr("Print checklist"), exc)
            return None
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Print checklist"),
                                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)))
            return None
        if not path:
            self.show_pdf(self, out, name, temporary=True)
        return out

    # --- drag and drop ------------------------------------------------------------------------

    @staticmethod
    def _local_files(mime) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.can_submit and self._local_files(event.mimeData()) and self.current_item() is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt)
        files = self._local_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_files(files)


def _short(name: str, n: int = 18) -> str:
    return name if len(name) <= n else name[:n - 1] + "…"


class RejectDialog(QDialog):
    def __init__(self, document: str, parent: QWidget | None = None):
        super().__init__(parent)
        build_reason_dialog(
            self, title=self.tr("Reject document"), ok_text=self.tr("Reject"), cancel_text=self.tr("Cancel"),
            prompt=self.tr("Why is %1 rejected? The counter staff and the applicant read this reason.")
            .replace("%1", document),
            placeholder=self.tr("e.g. the scan is unreadable; the name differs from the KTP"))


class TargetDialog(QDialog):
    """Destination country, sector and planned departure of a checklist (empty: the preferences)."""

    def __init__(self, checklist, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Destination and departure"))
        self.country = QComboBox()
        self.country.addItem(self.tr("First preferred country"), None)
        for code, c in reference.countries().items():
            self.country.addItem(i18n.choice_name(c), code)
        self.sector = QComboBox()
        self.sector.addItem(self.tr("First preferred sector"), None)
        for code, c in reference.sectors().items():
            self.sector.addItem(i18n.choice_name(c), code)
        self.departure = DateField()
        if checklist is not None and checklist.target_set:
            self.country.setCurrentIndex(max(0, self.country.findData(checklist.country)))
            self.sector.setCurrentIndex(max(0, self.sector.findData(checklist.sector)))
        if checklist is not None:
            self.departure.set_date(checklist.planned_departure)
        form = QFormLayout()
        form.addRow(self.tr("Destination country"), self.country)
        form.addRow(self.tr("Sector"), self.sector)
        form.addRow(self.tr("Planned departure"), self.departure)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
