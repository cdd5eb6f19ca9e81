"""Small reusable widgets: an Indonesian date field, error labels on fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton,
                               QWidget, QWidgetAction)

DATE_FORMAT = "dd/MM/yyyy"  # Indonesian short date, as the glossary writes it

ERROR_STYLE = """
QLineEdit[error="true"], QComboBox[error="true"], QPlainTextEdit[error="true"],
QListWidget[error="true"], QCheckBox[error="true"] { border: 1px solid #c62828; }
QLabel[role="error"] { color: #c62828; }
"""


def mark_error(widget: QWidget, on: bool) -> None:
    """Red border on ``widget`` (through the ``error`` property and ERROR_STYLE)."""
    targets = [widget]
    if isinstance(widget, DateField):
        targets = [widget, widget.edit]
    for w in targets:
        if bool(w.property("error")) != on:
            w.setProperty("error", on)
            w.style().unpolish(w)
            w.style().polish(w)


def ok_cancel(dialog, ok_text: str, cancel_text: str, on_ok) -> tuple["QDialogButtonBox", "QPushButton"]:
    """OK/Cancel for a form dialog: OK (``ok_text``) calls ``on_ok`` (which accepts when the input
    is good), Cancel rejects. Returns the box and its OK button."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def build_reason_dialog(dialog, *, title: str, prompt: str, placeholder: str, ok_text: str, cancel_text: str,
                        min_width: int = 440) -> None:
    """Lay out a dialog that needs a written reason (a rejection, an anonymisation): the prompt,
    a text box (``dialog.reason``) and OK (``dialog.ok_button``), which stays off until a reason
    is typed. The texts come translated from the dialog's own class."""
    from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout

    dialog.setWindowTitle(title)
    text = QLabel(prompt)
    text.setWordWrap(True)
    dialog.reason = QPlainTextEdit()
    dialog.reason.setPlaceholderText(placeholder)
    dialog.reason.setFixedHeight(dialog.fontMetrics().height() * 4 + 12)
    buttons, dialog.ok_button = ok_cancel(dialog, ok_text, cancel_text, dialog.accept)
    dialog.ok_button.setEnabled(False)
    dialog.reason.textChanged.connect(
        lambda: dialog.ok_button.setEnabled(bool(dialog.reason.toPlainText().strip())))
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(dialog.reason)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(min_width)


def checked_password(call, message: QLabel, password: QLineEdit):
    """``call()`` checks a typed password (unlock, a restore at start): its result, or None after
    showing the refusal in ``message`` and clearing ``password`` for the next try."""
    from app.core.errors import AppError
    from app.views import i18n

    refusal = None
    try:
        result = call()
    except AppError as exc:
        refusal = exc
    if refusal is None:
        message.hide()
        return result
    message.setText(i18n.message(refusal))
    message.show()
    password.clear()
    password.setFocus()
    return None


def error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


class DateField(QWidget):
    """A date typed as ``dd/mm/yyyy`` (digits only, the slashes are fixed) with a calendar popup.

    Empty is allowed (``value_text()`` returns ""); what was typed is handed to the core, which
    parses and validates it, so a half-typed date is reported on the field rather than lost.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setInputMask("99/99/9999;_")
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose from a calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users type; Alt+Down opens it
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar.clicked.connect(lambda d: (self.set_date(d.toPython()), menu.close()))
        self.calendar.activated.connect(lambda d: (self.set_date(d.toPython()), menu.close()))
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)
        from PySide6.QtWidgets import QSizePolicy

        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
        from PySide6.QtCore import QEvent

        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            alt_down = (event.key() == Qt.Key.Key_Down
                        and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(obj, event)

    def _prepare_calendar(self) -> None:
        current = self.date()
        self.calendar.setSelectedDate(QDate(current) if current else QDate.currentDate())

    def open_calendar(self) -> None:
        self.button.showMenu()

    def value_text(self) -> str:
        """What was typed, or "" when nothing was."""
        text = self.edit.text()
        return text if any(ch.isdigit() for ch in text) else ""

    def date(self) -> date | None:
        from app.core.validation import parse_date

        return parse_date(self.value_text())

    def set_date(self, value: date | None) -> None:
        self.edit.setText(value.strftime("%d/%m/%Y") if value else "")

    def clear(self) -> None:
        self.edit.clear()


class ReadOnlyTableModel(QAbstractTableModel):
    """The shared part of the small read-only tables (users, backups, audit, history): rows in
    ``self._rows``, translated headers from ``COLUMNS`` in the translation context ``CONTEXT``,
    selectable flat items. Subclasses set both class attributes and implement ``data``."""

    COLUMNS: tuple[str, ...] = ()
    CONTEXT = ""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def _valid(self, index) -> bool:
        return index.isValid() and index.row() < len(self._rows) and index.column() < len(self.COLUMNS)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        """The row object at ``row``, or None outside the rows."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section])
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def show_pdf(parent, path, suggested_name=None, **kw):
    """The print preview of a PDF (``app.views.reports.preview.show_pdf``), imported on first use so
    that the pages opened at start do not load the PDF renderer."""
    from app.views.reports.preview import show_pdf as preview_pdf

    return preview_pdf(parent, path, suggested_name, **kw)
