"""The dialog that lists warnings a clerk must confirm before saving ("Simpan tetap" / "Batal")."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from app.views import i18n, labels

SAVE, CANCEL, OPEN = "save", "cancel", "open"


class WarningsDialog(QDialog):
    """Each warning in the chosen language; for a likely duplicate, a button to open that record.

    After ``exec()``, ``action`` is SAVE, CANCEL or OPEN (then ``open_id`` names the applicant).
    "Cancel" is the default button: Enter pressed by habit never saves past a warning.
    """

    def __init__(self, warnings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Please check before saving"))
        self.action = CANCEL
        self.open_id: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The data can be saved, but please check the following first:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.open_buttons: list[QPushButton] = []
        for w in warnings:
            line = QHBoxLayout()
            text = QLabel(f"• <b>{labels.field(w.field)}</b>: {_escape(i18n.message(w))}")
            text.setWordWrap(True)
            text.setMinimumWidth(420)
            line.addWidget(text, 1)
            if w.code == "likely_duplicate" and w.params.get("applicant_id"):
                button = QPushButton(self.tr("Open %1").replace("%1", str(w.params.get("registration_number", ""))))
                button.setAutoDefault(False)
                button.clicked.connect(self._opener(str(w.params["applicant_id"])))
                self.open_buttons.append(button)
                line.addWidget(button)
            layout.addLayout(line)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("&Save anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.cancel_button.setFocus()

    def _save(self) -> None:
        self.action = SAVE
        self.accept()

    def _opener(self, applicant_id: str):
        # A closure, not a lambda with default arguments: PySide 6.12 drops a reference to such
        # defaults (here False) when the connection goes, and Python aborts at exit.
        def open_it() -> None:
            self._open(applicant_id)
        return open_it

    def _open(self, applicant_id: str) -> None:
        self.action = OPEN
        self.open_id = applicant_id
        self.accept()


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def ask(parent: QWidget, warnings) -> tuple[str, str | None]:
    """Show the dialog modally; (action, applicant id to open or None)."""
    dialog = WarningsDialog(warnings, parent)
    dialog.exec()
    action, open_id = dialog.action, dialog.open_id
    dialog.deleteLater()
    return action, open_id
