"""Table and list models of the job order screens (read-only; a row object and a sort value each)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from app.core import currency, reference
from app.views import i18n, labels
from app.views.orders import labels as order_labels
from app.views.widgets import ReadOnlyTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2


def _country(code: str) -> str:
    c = reference.countries().get(code)
    return i18n.choice_name(c) if c else code


def _sector(code: str) -> str:
    s = reference.sectors().get(code)
    return i18n.choice_name(s) if s else code


class OrdersModel(ReadOnlyTableModel):
    CONTEXT = "OrdersModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("OrdersModel", "Number"),
        QT_TRANSLATE_NOOP("OrdersModel", "Status"),
        QT_TRANSLATE_NOOP("OrdersModel", "Country"),
        QT_TRANSLATE_NOOP("OrdersModel", "Employer"),
        QT_TRANSLATE_NOOP("OrdersModel", "Position"),
        QT_TRANSLATE_NOOP("OrdersModel", "Quota"),
        QT_TRANSLATE_NOOP("OrdersModel", "Salary"),
        QT_TRANSLATE_NOOP("OrdersModel", "SIP valid until"),
        QT_TRANSLATE_NOOP("OrdersModel", "Agency"),
    )

    def __init__(self, today=None, parent=None):
        super().__init__(parent)
        from app.core import clock

        self.today = today or clock.today()

    def set_orders(self, orders) -> None:
        self.set_rows(orders)

    def order(self, row: int):
        return self.row_at(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        o = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            salary = f"{currency.format_amount(o.salary_min, o.currency)} – {currency.format_amount(o.salary_max, o.currency)}"
            return (o.order_number, order_labels.order_status(o.status), _country(o.country), o.employer, o.position,
                    f"{o.placed}/{o.quota}", salary,
                    o.sip_valid_until.strftime("%d/%m/%Y") if o.sip_valid_until else "—", o.agency_name)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 6:
            lo, hi = o.salary_rupiah(self.today)
            if lo is not None:
                from app.core.formatting import format_money

                return f"≈ {format_money(lo)} – {format_money(hi)}"
        if role == Qt.ItemDataRole.ForegroundRole and col == 7 and not o.sip_valid_on(self.today):
            return QColor("#c62828")
        if role == SortRole:
            return (o.order_number, o.status, o.country, o.employer.lower(), o.position.lower(), o.quota,
                    o.salary_min, o.sip_valid_until or self.today, o.agency_name)[col]
        if role == RowObjectRole:
            return o
        return None


class CandidatesModel(ReadOnlyTableModel):
    """Ranked candidates of one order, then (optionally) those who miss one requirement."""

    CONTEXT = "CandidatesModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("CandidatesModel", "Rank"),
        QT_TRANSLATE_NOOP("CandidatesModel", "Registration number"),
        QT_TRANSLATE_NOOP("CandidatesModel", "Name"),
        QT_TRANSLATE_NOOP("CandidatesModel", "Status"),
        QT_TRANSLATE_NOOP("CandidatesModel", "Score"),
        QT_TRANSLATE_NOOP("CandidatesModel", "Placement"),
        QT_TRANSLATE_NOOP("CandidatesModel", "Missing"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stages: dict = {}

    def set_result(self, candidates, stages: dict) -> None:
        self.beginResetModel()
        self._rows = list(candidates)
        self.stages = dict(stages)
        self.endResetModel()

    def set_stage(self, applicant_id, stage: str) -> None:
        self.stages[applicant_id] = stage
        for r, c in enumerate(self._rows):
            if c.applicant_id == applicant_id:
                self.dataChanged.emit(self.index(r, 5), self.index(r, 5))

    def candidate(self, row: int):
        return self.row_at(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            stage = self.stages.get(c.applicant_id)
            return (str(c.rank) if c.rank else "—", c.registration_number, c.full_name, labels.status(c.status),
                    f"{c.score:.1f}".replace(".", "," if i18n.language() == "id" else "."),
                    order_labels.stage(stage) if stage else "",
                    "; ".join(i18n.message(r) for r in c.reasons))[col]
        if role == Qt.ItemDataRole.ForegroundRole and c.reasons:
            return QColor("#8a6d00")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SortRole:
            return (c.rank or 10 ** 9, c.registration_number, c.full_name, c.status, c.score,
                    self.stages.get(c.applicant_id, ""), len(c.reasons))[col]
        if role == RowObjectRole:
            return c
        return None


class FitsModel(ReadOnlyTableModel):
    """Open orders for one applicant: those it qualifies for, then what is missing for the rest."""

    CONTEXT = "FitsModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("FitsModel", "Number"),
        QT_TRANSLATE_NOOP("FitsModel", "Country"),
        QT_TRANSLATE_NOOP("FitsModel", "Employer"),
        QT_TRANSLATE_NOOP("FitsModel", "Position"),
        QT_TRANSLATE_NOOP("FitsModel", "Score"),
        QT_TRANSLATE_NOOP("FitsModel", "What is missing"),
    )

    def set_fits(self, qualifies, missing) -> None:
        self.set_rows([*qualifies, *missing])

    def fit(self, row: int):
        return self.row_at(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        f = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            missing = "; ".join(i18n.message(r) for r in f.reasons) if not f.qualifies else \
                QCoreApplication.translate("FitsModel", "Meets every requirement")
            return (f.order_number, _country(f.country), f.employer, f.position,
                    f"{f.score:.1f}".replace(".", "," if i18n.language() == "id" else ".") if f.qualifies else "",
                    missing)[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#2e7d32") if f.qualifies else QColor("#8a6d00")
        if role == SortRole:
            return (f.order_number, f.country, f.employer, f.position, f.score, f.missing_count)[col]
        if role == RowObjectRole:
            return f
        return None


class StageListModel(QAbstractListModel):
    """The placements of one stage, for one column of the placement board."""

    def __init__(self, stage: str, parent=None):
        super().__init__(parent)
        self.stage = stage
        self._rows: list = []

    def set_placements(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def placement(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() != 0:
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            day = p.stage_date(p.stage)
            return f"{p.full_name}\n{p.order_number} · {day:%d/%m/%Y}" if day else p.full_name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{p.registration_number} — {p.full_name}",
                     f"{p.order_number}: {p.employer}, {p.position} ({_country(p.country)})"]
            if p.end_reason:
                lines.append(p.end_reason)
            return "\n".join(lines)
        if role == RowObjectRole:
            return p
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
