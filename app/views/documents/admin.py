"""Administrators edit the document types and the checklist rules (country × sector → requirement)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from app.core import documents, reference
from app.core.errors import AppError, ValidationError
from app.models import ANY, STAGES
from app.views import i18n
from app.views.documents.model import requirement_label, requirements, type_name
from app.views.widgets import ReadOnlyTableModel

_STAGE = {
    "registration": QT_TRANSLATE_NOOP("DocumentLabels", "Registration"),
    "placement": QT_TRANSLATE_NOOP("DocumentLabels", "Placement"),
    "departure": QT_TRANSLATE_NOOP("DocumentLabels", "Departure"),
}


def stage_label(code: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("DocumentLabels", _STAGE.get(code, code))


class TypesModel(ReadOnlyTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("TypesModel", "Code"), QT_TRANSLATE_NOOP("TypesModel", "Document"),
               QT_TRANSLATE_NOOP("TypesModel", "Validity (days)"), QT_TRANSLATE_NOOP("TypesModel", "Identity"),
               QT_TRANSLATE_NOOP("TypesModel", "Stage"), QT_TRANSLATE_NOOP("TypesModel", "Active"))
    CONTEXT = "TypesModel"

    def row_object(self, row: int):
        return self._rows[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index) or role != Qt.ItemDataRole.DisplayRole:
            return None
        t = self._rows[index.row()]
        yes = self.tr_yes()
        return (t.code, type_name(t), str(t.validity_days) if t.validity_days else "",
                yes if t.identity_bearing else "", stage_label(t.stage), yes if t.active else "")[index.column()]

    @staticmethod
    def tr_yes() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("TypesModel", "yes")


class RulesModel(ReadOnlyTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("RulesModel", "Country"), QT_TRANSLATE_NOOP("RulesModel", "Sector"),
               QT_TRANSLATE_NOOP("RulesModel", "Document"), QT_TRANSLATE_NOOP("RulesModel", "Requirement"))
    CONTEXT = "RulesModel"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: dict[str, str] = {}

    def set_rows(self, rows, names: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.names = names
        self.endResetModel()

    def row_object(self, row: int):
        return self._rows[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index) or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        from PySide6.QtCore import QCoreApplication

        every = QCoreApplication.translate("RulesModel", "(any)")
        c, s = reference.countries().get(r.country), reference.sectors().get(r.sector)
        return (every if r.country == ANY else (i18n.choice_name(c) if c else r.country),
                every if r.sector == ANY else (i18n.choice_name(s) if s else r.sector),
                self.names.get(r.type_code, r.type_code), requirement_label(r.requirement))[index.column()]


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class DocumentTemplatesPage(QWidget):
    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        title = QLabel(self.tr("Document types and checklist templates"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        hint = QLabel(self.tr("The most specific rule applies: country and sector, then country, then sector, "
                              "then the general rule (any country, any sector). Changes apply to every "
                              "checklist at once and are recorded."))
        hint.setWordWrap(True)
        self.types_model = TypesModel(self)
        self.types = _table(self.types_model)
        self.types.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.types.doubleClicked.connect(lambda _i: self.edit_type())
        self.rules_model = RulesModel(self)
        self.rules = _table(self.rules_model)
        self.rules.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rules.doubleClicked.connect(lambda _i: self.edit_rule(self.current_rule()))
        self.add_type_button = QPushButton(self.tr("New type…"))
        self.add_type_button.clicked.connect(lambda: self.edit_type(new=True))
        self.edit_type_button = QPushButton(self.tr("Edit type…"))
        self.edit_type_button.clicked.connect(lambda: self.edit_type())
        self.add_rule_button = QPushButton(self.tr("Set rule…"))
        self.add_rule_button.clicked.connect(lambda: self.edit_rule(None))
        self.remove_rule_button = QPushButton(self.tr("Remove rule…"))
        self.remove_rule_button.clicked.connect(lambda: self.remove_rule())
        left, right = QWidget(), QWidget()
        ll, rl = QVBoxLayout(left), QVBoxLayout(right)
        ll.addWidget(QLabel(self.tr("Document types")))
        ll.addWidget(self.types, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_type_button)
        row.addWidget(self.edit_type_button)
        row.addStretch(1)
        ll.addLayout(row)
        rl.addWidget(QLabel(self.tr("Checklist rules")))
        rl.addWidget(self.rules, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_rule_button)
        row.addWidget(self.remove_rule_button)
        row.addStretch(1)
        rl.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([620, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        self.type_rows = documents.document_types(self.db, self.actor)
        self.types_model.set_rows(self.type_rows)
        order = {t.code: i for i, t in enumerate(self.type_rows)}  # general rules first, then by document
        rules = sorted(documents.list_rules(self.db, self.actor), key=lambda r: (
            r.country != ANY, r.country, r.sector != ANY, r.sector, order.get(r.type_code, 999)))
        self.rules_model.set_rows(rules, {t.code: type_name(t) for t in self.type_rows})

    def current_type(self):
        i = self.types.currentIndex()
        return self.types_model.row_object(i.row()) if i.isValid() else None

    def current_rule(self):
        i = self.rules.currentIndex()
        return self.rules_model.row_object(i.row()) if i.isValid() else None

    def _refused(self, exc: AppError) -> None:
        if isinstance(exc, ValidationError):
            text = "\n".join(i18n.message(e) for e in exc.errors)
        else:
            text = i18n.message(exc)
        QMessageBox.warning(self, self.tr("Document types and checklist templates"), text)

    def edit_type(self, *, new: bool = False, values: dict | None = None):
        current = None if new else self.current_type()
        if not new and current is None:
            return None
        if values is None:
            dialog = TypeDialog(current, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        try:
            saved = documents.save_type(self.db, self.actor, **values)
        except AppError as exc:
            self._refused(exc)
            return None
        self.refresh()
        return saved

    def edit_rule(self, rule, values: dict | None = None):
        if values is None:
            dialog = RuleDialog(self.type_rows, rule, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        try:
            saved = documents.save_rule(self.db, self.actor, **values)
        except AppError as exc:
            self._refused(exc)
            return None
        self.refresh()
        return saved

    def remove_rule(self, *, confirm: bool = True) -> bool:
        rule = self.current_rule()
        if rule is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Remove rule"), self.tr("Remove this rule? The less specific rules apply again."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            documents.delete_rule(self.db, self.actor, country=rule.country, sector=rule.sector,
                                  type_code=rule.type_code)
        except AppError as exc:
            self._refused(exc)
            return False
        self.refresh()
        return True


def _buttons(dialog: QDialog, ok: str, cancel: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class TypeDialog(QDialog):
    def __init__(self, current=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document type"))
        self.code = QLineEdit(current.code if current else "")
        self.code.setReadOnly(current is not None)
        self.name_id = QLineEdit(current.name_id if current else "")
        self.name_en = QLineEdit(current.name_en if current else "")
        self.expires = QCheckBox(self.tr("Expires"))
        self.expires.setChecked(bool(current and current.expires))
        self.validity = QSpinBox()
        self.validity.setRange(0, 3650)
        self.validity.setSpecialValueText(self.tr("by its own date"))
        self.validity.setValue(current.validity_days or 0 if current else 0)
        self.identity = QCheckBox(self.tr("Name, birth date and NIK are printed on it"))
        self.identity.setChecked(bool(current and current.identity_bearing))
        self.stage = QComboBox()
        for code in STAGES:
            self.stage.addItem(stage_label(code), code)
        self.stage.setCurrentIndex(max(0, self.stage.findData(current.stage if current else "placement")))
        self.sort_order = QSpinBox()
        self.sort_order.setRange(0, 100000)
        self.sort_order.setValue(current.sort_order if current else 500)
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(current.active if current else True)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name (Indonesian)"), self.name_id)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow("", self.expires)
        form.addRow(self.tr("Valid for (days from issue)"), self.validity)
        form.addRow("", self.identity)
        form.addRow(self.tr("Needed at"), self.stage)
        form.addRow(self.tr("Order"), self.sort_order)
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Save"), self.tr("Cancel")))
        self.setMinimumWidth(460)

    def values(self) -> dict:
        return {"code": self.code.text(), "name_id": self.name_id.text(), "name_en": self.name_en.text(),
                "expires": self.expires.isChecked(), "validity_days": self.validity.value() or None,
                "identity_bearing": self.identity.isChecked(), "stage": self.stage.currentData(),
                "sort_order": self.sort_order.value(), "active": self.active.isChecked()}


class RuleDialog(QDialog):
    def __init__(self, types, rule=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Checklist rule"))
        self.country = QComboBox()
        self.country.addItem(self.tr("Any country"), ANY)
        for code, c in reference.countries().items():
            self.country.addItem(i18n.choice_name(c), code)
        self.sector = QComboBox()
        self.sector.addItem(self.tr("Any sector"), ANY)
        for code, c in reference.sectors().items():
            self.sector.addItem(i18n.choice_name(c), code)
        self.type = QComboBox()
        for t in types:
            self.type.addItem(type_name(t), t.code)
        self.requirement = QComboBox()
        for code, text in requirements():
            self.requirement.addItem(text, code)
        if rule is not None:
            for combo, value in ((self.country, rule.country), (self.sector, rule.sector), (self.type, rule.type_code),
                                 (self.requirement, rule.requirement)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
        form = QFormLayout()
        form.addRow(self.tr("Destination country"), self.country)
        form.addRow(self.tr("Sector"), self.sector)
        form.addRow(self.tr("Document"), self.type)
        form.addRow(self.tr("Requirement"), self.requirement)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Save"), self.tr("Cancel")))
        self.setMinimumWidth(420)

    def values(self) -> dict:
        return {"country": self.country.currentData(), "sector": self.sector.currentData(),
                "type_code": self.type.currentData(), "requirement": self.requirement.currentData()}
