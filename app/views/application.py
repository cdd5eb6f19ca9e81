"""Start of the GUI: QApplication, translations, the database, the main window."""

from __future__ import annotations

import sys


def run(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(argv)
    window = QMainWindow()
    window.setWindowTitle("PMI Desk — Disnakertrans Kota Serang")
    window.setCentralWidget(QLabel("PMI Desk"))
    window.resize(1200, 760)
    window.show()
    return app.exec()
