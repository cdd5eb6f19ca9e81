"""The job order form (new or edit) and the small agency form; the core validates, errors show
under their fields."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from app.core import currency, job_orders, reference
from app.core.errors import AppError, ValidationError
from app.views import i18n, labels
from app.views.widgets import ERROR_STYLE, DateField, error_label, mark_error


def _minor(text: str, code: str):
    """``1.250,50`` / ``1250.50`` typed in whole units → minor units; the text itself when it is
    not a number (the core then says so on the field)."""
    raw = text.strip().replace(" ", "")
    if not raw:
        return None
    if "," in raw or re.fullmatch(r"\d{1,3}(\.\d{3})+", raw):
        raw = raw.replace(".", "").replace(",", ".")  # Indonesian: dots group thousands, comma decimals
    try:
        value = Decimal(raw) * (Decimal(10) ** currency.minor_digits(code))
    except (InvalidOperation, KeyError):
        return text
    return int(value) if value == value.to_integral_value() else text


def _major(amount: int | None, code: str) -> str:
    if amount is None:
        return ""
    digits = currency.minor_digits(code)
    value = Decimal(amount) / (Decimal(10) ** digits)
    return f"{value:.{digits}f}"


class _Form(QDialog):
    def _field(self, name: str, widget: QWidget) -> QWidget:
        self.fields[name] = widget
        self.errors[name] = error_label()
        return widget

    def _clear_errors(self) -> None:
        for name, label in self.errors.items():
            label.hide()
            mark_error(self.fields[name], False)
        self.general.hide()

    def _show_errors(self, exc: ValidationError) -> None:
        unplaced = []
        for e in exc.errors:
            name = e.field.split(".")[-1] if e.field.startswith("agency.") else e.field
            if name in self.errors:
                label = self.errors[name]
                label.setText((label.text() + " " if label.isVisibleTo(self) else "") + i18n.message(e))
                label.show()
                mark_error(self.fields[name], True)
            else:
                unplaced.append(f"{labels.field(e.field)}: {i18n.message(e)}")
        if unplaced:
            self.general.setText("\n".join(unplaced))
            self.general.show()

    def error_text(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisibleTo(self) else ""


class AgencyDialog(_Form):
    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.agency = db, actor, None
        self.setWindowTitle(self.tr("New placement agency (P3MI)"))
        self.setStyleSheet(ERROR_STYLE)
        self.fields, self.errors = {}, {}
        self.general = error_label()
        form = QFormLayout()
        for name, caption, widget in (
                ("name", self.tr("Company name"), QLineEdit()),
                ("licence_number", self.tr("Licence number (SIP3MI)"), QLineEdit()),
                ("licence_valid_until", self.tr("Licence valid until"), DateField()),
                ("apjati_member", self.tr("APJATI member"), QCheckBox()),
                ("contact_person", self.tr("Contact person"), QLineEdit()),
                ("phone", self.tr("Phone"), QLineEdit())):
            form.addRow(caption, self._field(name, widget))
            form.addRow("", self.errors[name])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self._clear_errors()
        f = self.fields
        data = job_orders.AgencyInput(
            name=f["name"].text(), licence_number=f["licence_number"].text(),
            licence_valid_until=f["licence_valid_until"].value_text(), apjati_member=f["apjati_member"].isChecked(),
            contact_person=f["contact_person"].text(), phone=f["phone"].text())
        try:
            self.agency = job_orders.create_agency(self.db, data, self.actor)
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return False
        self.accept()
        return True


class OrderDialog(_Form):
    """New job order (``detail`` None) or an edit of one."""

    def __init__(self, db, actor, detail=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.detail, self.saved = db, actor, detail, None
        self.setWindowTitle(self.tr("New job order") if detail is None else
                            self.tr("Job order %1").replace("%1", detail.order_number))
        self.setStyleSheet(ERROR_STYLE)
        self.fields, self.errors = {}, {}
        self.general = error_label()

        agency = QComboBox()
        self.new_agency = QPushButton(self.tr("New agency…"))
        self.new_agency.clicked.connect(lambda: self.add_agency())
        country, sector, cur = QComboBox(), QComboBox(), QComboBox()
        for code, c in reference.countries().items():
            country.addItem(f"{i18n.choice_name(c)} ({code})", code)
        for code, s in reference.sectors().items():
            sector.addItem(i18n.choice_name(s), code)
        for code in currency.currencies():
            cur.addItem(code, code)
        sex = QComboBox()
        sex.addItem(self.tr("Any"), None)
        for code in ("L", "P"):
            sex.addItem(labels.sex(code), code)
        education = QComboBox()
        education.addItem(self.tr("Any"), None)
        for code, (_rank, name_id, name_en) in reference.education_levels().items():
            education.addItem(code, code)
        language, level = QComboBox(), QComboBox()
        language.addItem(self.tr("None"), None)
        for code, lang in reference.languages().items():
            language.addItem(i18n.choice_name(lang), code)
        language.currentIndexChanged.connect(lambda _i: self._levels())
        self.schemes = {}
        schemes_box = QWidget()
        row = QHBoxLayout(schemes_box)
        row.setContentsMargins(0, 0, 0, 0)
        for code in ("government", "employer", "kur_pmi"):
            box = QCheckBox(i18n.choice_name(reference.funding_schemes()[code]))
            self.schemes[code] = box
            row.addWidget(box)
        row.addStretch(1)
        description = QPlainTextEdit()
        description.setFixedHeight(60)

        left = QFormLayout()
        right = QFormLayout()
        agency_row = QWidget()
        ar = QHBoxLayout(agency_row)
        ar.setContentsMargins(0, 0, 0, 0)
        ar.addWidget(self._field("agency_id", agency), 1)
        ar.addWidget(self.new_agency)
        self._add(left, self.tr("Agency (P3MI)"), "agency_id", agency_row)
        for name, caption, widget in (
                ("employer", self.tr("Employer"), QLineEdit()), ("country", self.tr("Country"), country),
                ("sector", self.tr("Sector"), sector), ("position", self.tr("Position"), QLineEdit()),
                ("quota", self.tr("Quota (people)"), QLineEdit()), ("currency", self.tr("Currency"), cur),
                ("salary_min", self.tr("Salary a month, from"), QLineEdit()),
                ("salary_max", self.tr("Salary a month, up to"), QLineEdit()),
                ("contract_months", self.tr("Contract length (months)"), QLineEdit("24")),
                ("worker_cost", self.tr("Costs charged to the worker (Rp)"), QLineEdit("0")),
                ("funding_schemes", self.tr("Funding schemes accepted"), schemes_box),
                ("deadline", self.tr("Deadline"), DateField()),
                ("sip_number", self.tr("SIP number"), QLineEdit()),
                ("sip_valid_from", self.tr("SIP valid from"), DateField()),
                ("sip_valid_until", self.tr("SIP valid until"), DateField())):
            self._add(left, caption, name, self._field(name, widget))
        for name, caption, widget in (
                ("req_sex", self.tr("Sex"), sex), ("age_min", self.tr("Age from"), QLineEdit("18")),
                ("age_max", self.tr("Age up to"), QLineEdit()), ("min_education", self.tr("Minimum education"), education),
                ("language_code", self.tr("Language"), language), ("language_min_level", self.tr("Minimum level"), level),
                ("min_height_cm", self.tr("Minimum height (cm)"), QLineEdit()),
                ("min_experience_years", self.tr("Years of experience in the sector"), QLineEdit("0")),
                ("required_certificates", self.tr("Required certificates (comma-separated)"), QLineEdit()),
                ("required_documents", self.tr("Required documents (codes, comma-separated)"), QLineEdit()),
                ("description", self.tr("Description"), description)):
            self._add(right, caption, name, self._field(name, widget))
        self.fields["currency"].currentIndexChanged.connect(lambda _i: self._update_rupiah())
        self.fields["salary_min"].textChanged.connect(lambda _t: self._update_rupiah())
        self.fields["salary_max"].textChanged.connect(lambda _t: self._update_rupiah())
        self.rupiah = QLabel()
        left.addRow("", self.rupiah)

        grid = QGridLayout()
        heading_job = QLabel("<b>" + self.tr("The vacancy") + "</b>")
        heading_req = QLabel("<b>" + self.tr("Requirements") + "</b>")
        grid.addWidget(heading_job, 0, 0)
        grid.addWidget(heading_req, 0, 1)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)  # the forms keep their natural height; spare room goes below
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self._load_agencies()
        if detail is not None:
            self._fill(detail)
        self._levels()
        self.resize(1100, 720)

    def _add(self, form: QFormLayout, caption: str, name: str, widget: QWidget) -> None:
        form.addRow(caption, widget)
        form.addRow("", self.errors[name])

    def _load_agencies(self, select=None) -> None:
        combo = self.fields["agency_id"]
        combo.clear()
        for a in job_orders.list_agencies(self.db, self.actor, active_only=True):
            combo.addItem(f"{a.name} ({a.licence_number})", str(a.id))
        if select is not None:
            combo.setCurrentIndex(combo.findData(str(select)))

    def add_agency(self):
        dialog = AgencyDialog(self.db, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.agency is not None:
            self._load_agencies(dialog.agency.id)
        return dialog.agency

    def _levels(self) -> None:
        level = self.fields["language_min_level"]
        keep = level.currentData()
        level.clear()
        code = self.fields["language_code"].currentData()
        if code:
            for lv in reference.languages()[code].levels:
                level.addItem(lv, lv)
            index = level.findData(keep)
            level.setCurrentIndex(index if index >= 0 else 0)
        level.setEnabled(bool(code))

    def _update_rupiah(self) -> None:
        from app.core import clock
        from app.core.formatting import format_money

        code = self.fields["currency"].currentData()
        lo = _minor(self.fields["salary_min"].text(), code)
        hi = _minor(self.fields["salary_max"].text(), code)
        if code == "IDR" or not isinstance(lo, int) or not isinstance(hi, int):
            self.rupiah.setText("")
            return
        rlo, rhi = currency.to_rupiah(lo, code, clock.today()), currency.to_rupiah(hi, code, clock.today())
        self.rupiah.setText(self.tr("About %1 – %2 a month").replace("%1", format_money(rlo)).replace("%2", format_money(rhi))
                            if rlo is not None else "")

    def _set_combo(self, name: str, value) -> None:
        combo = self.fields[name]
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _fill(self, d) -> None:
        f = self.fields
        self._set_combo("agency_id", str(d.agency_id))
        f["employer"].setText(d.employer)
        self._set_combo("country", d.country)
        self._set_combo("sector", d.sector)
        f["position"].setText(d.position)
        f["quota"].setText(str(d.quota))
        self._set_combo("currency", d.currency)
        f["salary_min"].setText(_major(d.salary_min, d.currency))
        f["salary_max"].setText(_major(d.salary_max, d.currency))
        f["contract_months"].setText(str(d.contract_months))
        f["worker_cost"].setText(str(d.worker_cost))
        for code, box in self.schemes.items():
            box.setChecked(code in d.funding_schemes)
        f["deadline"].set_date(d.deadline)
        f["sip_number"].setText(d.sip_number or "")
        f["sip_valid_from"].set_date(d.sip_valid_from)
        f["sip_valid_until"].set_date(d.sip_valid_until)
        self._set_combo("req_sex", d.req_sex)
        f["age_min"].setText(str(d.age_min))
        f["age_max"].setText("" if d.age_max is None else str(d.age_max))
        self._set_combo("min_education", d.min_education)
        self._set_combo("language_code", d.language_code)
        self._levels()
        self._set_combo("language_min_level", d.language_min_level)
        f["min_height_cm"].setText("" if d.min_height_cm is None else str(d.min_height_cm))
        f["min_experience_years"].setText(str(d.min_experience_years))
        f["required_certificates"].setText(", ".join(d.required_certificates))
        f["required_documents"].setText(", ".join(d.required_documents))
        f["description"].setPlainText(d.description or "")

    def data(self) -> job_orders.JobOrderInput:
        f = self.fields
        code = f["currency"].currentData()

        def text(name):
            return f[name].text().strip()

        def items(name):
            return [x.strip() for x in text(name).split(",") if x.strip()]

        return job_orders.JobOrderInput(
            agency_id=f["agency_id"].currentData(), employer=text("employer"), country=f["country"].currentData(),
            sector=f["sector"].currentData(), position=text("position"), quota=text("quota"), currency=code,
            salary_min=_minor(text("salary_min"), code), salary_max=_minor(text("salary_max"), code),
            contract_months=text("contract_months"), worker_cost=text("worker_cost"),
            funding_schemes=[c for c, box in self.schemes.items() if box.isChecked()],
            deadline=f["deadline"].value_text(), sip_number=text("sip_number"),
            sip_valid_from=f["sip_valid_from"].value_text(), sip_valid_until=f["sip_valid_until"].value_text(),
            req_sex=f["req_sex"].currentData(), age_min=text("age_min"), age_max=text("age_max"),
            min_education=f["min_education"].currentData(), language_code=f["language_code"].currentData(),
            language_min_level=f["language_min_level"].currentData() if f["language_code"].currentData() else None,
            min_height_cm=text("min_height_cm"), min_experience_years=text("min_experience_years"),
            required_certificates=items("required_certificates"), required_documents=items("required_documents"),
            description=f["description"].toPlainText())

    def save(self) -> bool:
        self._clear_errors()
        try:
            if self.detail is None:
                self.saved = job_orders.create_order(self.db, self.data(), self.actor)
            else:
                self.saved = job_orders.update_order(self.db, self.detail.id, self.data(), self.actor,
                                                     expected_version=self.detail.version)
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return False
        self.accept()
        return True
