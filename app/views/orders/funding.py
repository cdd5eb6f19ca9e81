"""The funding of one placement (government, employer-paid, KUR PMI with its bank) and the KUR
PMI pre-check: what the application still lacks."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QVBoxLayout, QWidget)

from app.core import placements, reference
from app.core.errors import AppError, ValidationError
from app.views import i18n
from app.views.orders.form import _Form
from app.views.widgets import ERROR_STYLE, DateField, error_label


class FundingDialog(_Form):
    def __init__(self, db, actor, placement, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.placement = db, actor, placement
        self.setWindowTitle(self.tr("Funding of %1 (%2)").replace("%1", placement.full_name)
                            .replace("%2", placement.order_number))
        self.setStyleSheet(ERROR_STYLE)
        self.fields, self.errors = {}, {}
        self.general = error_label()
        scheme, bank = QComboBox(), QComboBox()
        for code in placements.FUNDING_SCHEMES:
            scheme.addItem(i18n.choice_name(reference.funding_schemes()[code]), code)
        bank.addItem(self.tr("— choose —"), None)
        for name in placements.KUR_BANKS:
            bank.addItem(name, name)
        form = QFormLayout()
        for name, caption, widget in (
                ("funding_scheme", self.tr("Funding scheme"), scheme), ("kur_bank", self.tr("KUR PMI bank"), bank),
                ("loan_amount", self.tr("Loan (Rp)"), QLineEdit()),
                ("loan_term_months", self.tr("Loan term (months)"), QLineEdit()),
                ("npwp", self.tr("NPWP"), QLineEdit()),
                ("placement_agreement_on", self.tr("Placement agreement signed on"), DateField()),
                ("employment_contract_on", self.tr("Employment contract signed on"), DateField())):
            form.addRow(caption, self._field(name, widget))
            form.addRow("", self.errors[name])
        scheme.currentIndexChanged.connect(lambda _i: self._kur_fields())
        self.check = QLabel()
        self.check.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.check)
        layout.addWidget(buttons)
        self._fill(placement)
        self.setMinimumWidth(520)

    def _fill(self, p) -> None:
        f = self.fields
        f["funding_scheme"].setCurrentIndex(max(0, f["funding_scheme"].findData(p.funding_scheme)))
        f["kur_bank"].setCurrentIndex(max(0, f["kur_bank"].findData(p.kur_bank)))
        f["loan_amount"].setText("" if p.loan_amount is None else str(p.loan_amount))
        f["loan_term_months"].setText("" if p.loan_term_months is None else str(p.loan_term_months))
        f["npwp"].setText(p.npwp or "")
        f["placement_agreement_on"].set_date(p.placement_agreement_on)
        f["employment_contract_on"].set_date(p.employment_contract_on)
        self._kur_fields()
        self._show_check()

    def _kur_fields(self) -> None:
        kur = self.fields["funding_scheme"].currentData() == "kur_pmi"
        for name in ("kur_bank", "loan_amount", "loan_term_months"):
            self.fields[name].setEnabled(kur)

    def _show_check(self) -> None:
        if self.placement.funding_scheme != "kur_pmi":
            self.check.setText("")
            return
        missing = placements.kur_precheck(self.db, self.actor, self.placement.id)
        if not missing:
            self.check.setText("<b>" + self.tr("KUR PMI pre-check: complete.") + "</b>")
        else:
            items = "".join(f"<li>{html.escape(i18n.message(e))}</li>" for e in missing)
            self.check.setText("<b>" + self.tr("KUR PMI pre-check: still missing") + f"</b><ul>{items}</ul>")

    def save(self) -> bool:
        self._clear_errors()
        f = self.fields
        kur = f["funding_scheme"].currentData() == "kur_pmi"
        data = placements.FundingInput(
            funding_scheme=f["funding_scheme"].currentData(),
            kur_bank=f["kur_bank"].currentData() if kur else None,
            loan_amount=f["loan_amount"].text().strip().replace(".", "") if kur else None,
            loan_term_months=f["loan_term_months"].text().strip() if kur else None,
            npwp=f["npwp"].text(), placement_agreement_on=f["placement_agreement_on"].value_text(),
            employment_contract_on=f["employment_contract_on"].value_text())
        try:
            self.placement = placements.set_funding(self.db, self.actor, self.placement.id, data,
                                                    expected_version=self.placement.version)
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return False
        self._show_check()
        return True
