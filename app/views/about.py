"""Help → About PMI Desk: version, where the data is, the office, the Qt/PySide/Python versions, and
the licences of the bundled libraries (read from their installed metadata, so the bundle's own
copies are what is listed)."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, qVersion
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
                               QTableView, QVBoxLayout, QWidget)

APP_DISTRIBUTION = "pmi-desk"
# pyproject.toml's dependencies (a test keeps them the same): the roots when the app's own metadata
# is not installed.
DEPENDENCIES = ("PySide6-Essentials", "sqlmodel", "SQLAlchemy", "alembic", "reportlab", "platformdirs",
                "argon2-cffi", "rapidfuzz", "numpy", "babel", "phonenumbers", "email-validator", "faker",
                "openpyxl", "filetype", "cryptography", "pypdfium2", "rl_accel", "psycopg", "orjson")

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Licence:
    name: str
    version: str
    licence: str


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    names = []
    for req in dist.requires or ():
        if re.search(r"""extra\s*==""", req):
            continue  # optional extras are not installed with the app
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)
        if match:
            names.append(match[1])
    return names


def _licence_text(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or ()
                   if c.startswith("License ::") and c.strip() != "License :: OSI Approved"]
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60 and field.upper() != "UNKNOWN":
        return field
    if classifiers:
        return ", ".join(dict.fromkeys(classifiers))
    return field.splitlines()[0][:60] if field else "?"


def bundled_licences() -> list[Licence]:
    """The app's dependencies and everything they pull in (by installed metadata), sorted by name,
    plus Qt and Python themselves."""
    try:
        # with the list of this source tree: an installation made before a dependency was added
        # has metadata without it, though the library is there
        roots = list(dict.fromkeys([*_requirement_names(metadata.distribution(APP_DISTRIBUTION)), *DEPENDENCIES]))
    except metadata.PackageNotFoundError:
        roots = []
    roots += [name for name in DEPENDENCIES if name not in roots]  # an install older than pyproject.toml
    seen: dict[str, Licence] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        seen[key] = Licence(dist.metadata["Name"] or name, dist.version, _licence_text(dist))
        todo.extend(_requirement_names(dist))
    rows = sorted(seen.values(), key=lambda x: x.name.lower())
    rows.append(Licence("Qt", qVersion(), "LGPL-3.0-only"))
    rows.append(Licence("Python", platform.python_version(), "PSF-2.0"))
    rows.append(Licence("DejaVu Sans (fonts of the printed documents)", "2.37", "Bitstream-Vera"))
    return rows


class LicenceTableModel(QAbstractTableModel):
    COLUMNS = ("Library", "Version", "Licence")

    def __init__(self, rows: list[Licence], parent=None):
        super().__init__(parent)
        self._rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return (self.tr("Library"), self.tr("Version"), self.tr("Licence"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.name, row.version, row.licence)[index.column()]
        if role == SortRole:
            return (row.name.lower(), row.version, row.licence.lower())[index.column()]
        if role == RowObjectRole:
            return row
        return None


class AboutDialog(QDialog):
    """``AboutDialog(office, database_url, data_dir)``: all values come in; nothing is opened here."""

    def __init__(self, office, database_url: str, data_dir: str, parent: QWidget | None = None,
                 licences: list[Licence] | None = None):
        super().__init__(parent)
        from PySide6 import __version__ as pyside_version

        from app import __version__

        self.setWindowTitle(self.tr("About PMI Desk"))
        title = QLabel(self.tr("<b>PMI Desk</b> %1").replace("%1", __version__))
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setStyleSheet("font-size: 16px;")
        purpose = QLabel(self.tr("Registration, training and placement of Indonesian migrant workers, "
                                 "Disnakertrans Kota Serang."))
        purpose.setWordWrap(True)

        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        office_text = f"{office.code} — {office.name}" if office is not None else "—"
        for key, caption, value in (
                ("version", self.tr("Version"), __version__),
                ("office", self.tr("Office"), office_text),
                ("database", self.tr("Database"), database_url),
                ("data_dir", self.tr("Data folder"), data_dir),
                ("versions", self.tr("Qt / PySide / Python"),
                 f"{qVersion()} / {pyside_version} / {platform.python_version()}")):
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            label.setAccessibleName(caption)
            form.addRow(caption + ":", label)
            self.fields[key] = label

        self.model = LicenceTableModel(licences if licences is not None else bundled_licences(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Bundled libraries and their licences"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Bundled libraries and their licences:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(680, 560)
