"""The applicant form: every field of ``ApplicantInput``, shared by new registration and edit.

The form only collects what was typed and shows what the core said about it: it never validates
by itself (the core does, and its ``FieldError`` messages are shown on the fields).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QFormLayout, QFrame, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from app.core import reference
from app.core.registration import ApplicantDetail, ApplicantInput
from app.views import i18n, labels
from app.views.widgets import ERROR_STYLE, DateField, error_label, mark_error

_CHILD = re.compile(r"^(languages|experience)\[(\d+)\](?:\.(\w+))?$")


def _no_update():
    from PySide6.QtCore import QItemSelectionModel

    return QItemSelectionModel.SelectionFlag.NoUpdate


def _digits(max_len: int) -> QRegularExpressionValidator:
    from PySide6.QtCore import QRegularExpression

    return QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{max_len}}}"))


def _combo(items: list[tuple[str, str]], placeholder: str = "") -> QComboBox:
    combo = QComboBox()
    for code, text in items:
        combo.addItem(text, code)
    if placeholder:
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)
    return combo


def _set_combo(combo: QComboBox, code) -> None:
    combo.setCurrentIndex(combo.findData(code) if code not in (None, "") else -1)


def _text(widget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


class _Row(QFrame):
    """One child row (a language or a job) with its own error line."""

    removed = Signal(object)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.captions: dict[str, str] = {}
        self.line = QHBoxLayout()
        self.line.setContentsMargins(0, 0, 0, 0)
        self.error = error_label()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        outer.addLayout(self.line)
        outer.addWidget(self.error)

    def _emit_changed(self) -> None:
        self.changed.emit()

    def _add(self, name: str, widget: QWidget, stretch: int = 0, caption: str = "") -> QWidget:
        self.fields[name] = widget
        self.captions[name] = caption
        if caption:
            target = widget.edit if isinstance(widget, DateField) else widget
            target.setToolTip(caption)
            target.setAccessibleName(caption)
        if caption and isinstance(widget, DateField):
            self.line.addWidget(QLabel(caption))
        self.line.addWidget(widget, stretch)
        return widget

    def _finish(self) -> None:
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAutoDefault(True)  # Enter on the button removes (elsewhere it saves)
        self.remove_button.setToolTip(self.tr("Remove this row"))
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        self.line.addWidget(self.remove_button)
        for w in self.fields.values():
            _connect_changed(w, self._emit_changed)

    def focus_order(self) -> list[QWidget]:
        return [*self.fields.values(), self.remove_button]

    def show_error(self, name: str | None, text: str) -> QWidget:
        widget = self.fields.get(name or "") or next(iter(self.fields.values()))
        mark_error(widget, True)
        caption = self.captions.get(name or "", "")
        text = f"{caption}: {text}" if caption else text
        self.error.setText("\n".join(filter(None, [self.error.text(), text])))
        self.error.show()
        return widget

    def clear_errors(self) -> None:
        for w in self.fields.values():
            mark_error(w, False)
        self.error.clear()
        self.error.hide()

    def is_empty(self) -> bool:
        for w in self.fields.values():
            if isinstance(w, QLineEdit) and w.text().strip():
                return False
            if isinstance(w, DateField) and w.value_text():
                return False
        return self._combos_empty()

    def _combos_empty(self) -> bool:
        return True


class LanguageRow(_Row):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        langs = reference.languages()
        self.language = self._add("language_code", _combo(
            [(code, i18n.choice_name(lang)) for code, lang in langs.items()], self.tr("Language")), 2,
            self.tr("Language"))
        self.level = self._add("level", _combo([], self.tr("Level")), 1, self.tr("Level"))
        self.certificate = self._add("certificate", QLineEdit(), 2, self.tr("Certificate"))
        self.certificate.setPlaceholderText(self.tr("Certificate (optional)"))
        self.language.currentIndexChanged.connect(self._fill_levels)
        self._finish()

    def _fill_levels(self) -> None:
        code = self.language.currentData()
        self.level.clear()
        if code:
            for level in reference.languages()[code].levels:
                self.level.addItem(level, level)
        self.level.setCurrentIndex(-1)

    def value(self) -> dict:
        return {"language_code": self.language.currentData() or "",
                "level": self.level.currentData() or "",
                "certificate": self.certificate.text() or None}

    def load(self, skill) -> None:
        _set_combo(self.language, skill.language_code)
        _set_combo(self.level, skill.level)
        self.certificate.setText(skill.certificate or "")

    def _combos_empty(self) -> bool:
        return self.language.currentIndex() < 0 and self.level.currentIndex() < 0


class ExperienceRow(_Row):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.employer = self._add("employer", QLineEdit(), 3, self.tr("Employer"))
        self.employer.setPlaceholderText(self.tr("Employer"))
        self.position = self._add("position", QLineEdit(), 2, self.tr("Position"))
        self.position.setPlaceholderText(self.tr("Position"))
        countries = [("ID", self.tr("Indonesia"))] + [
            (code, i18n.choice_name(c)) for code, c in reference.countries().items()]
        self.country = self._add("country", _combo(countries), 2, self.tr("Country"))
        self.sector = self._add("sector", _combo(
            [(code, i18n.choice_name(s)) for code, s in reference.sectors().items()], self.tr("Sector")), 2,
            self.tr("Sector"))
        self.start = self._add("start_date", DateField(), 0, self.tr("From"))
        self.end = self._add("end_date", DateField(), 0, self.tr("to"))
        self.end.edit.setToolTip(self.tr("End date (empty: still working)"))
        self.description: str | None = None  # kept as loaded; not edited here
        self._finish()

    def focus_order(self) -> list[QWidget]:
        return [self.employer, self.position, self.country, self.sector, self.start.edit,
                self.end.edit, self.remove_button]

    def value(self) -> dict:
        return {"employer": self.employer.text(), "position": self.position.text(),
                "country": self.country.currentData() or "ID", "sector": self.sector.currentData(),
                "start_date": self.start.value_text() or None, "end_date": self.end.value_text() or None,
                "description": self.description}

    def load(self, exp) -> None:
        self.employer.setText(exp.employer)
        self.position.setText(exp.position)
        _set_combo(self.country, exp.country or "ID")
        _set_combo(self.sector, exp.sector)
        self.start.set_date(exp.start_date)
        self.end.set_date(exp.end_date)
        self.description = exp.description

    def _combos_empty(self) -> bool:
        return self.sector.currentIndex() < 0


class _Checklist(QListWidget):
    """Checkable choices laid out in columns, as tall as needed to show them all."""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        grid = self.gridSize()
        if grid.width() > 0 and self.count():
            columns = max(1, (self.width() - 2 * self.frameWidth() - 4) // grid.width())
            rows = -(-self.count() // columns)
            height = rows * grid.height() + 2 * self.frameWidth() + 6
            if height != self.height():
                self.setFixedHeight(height)


class _RowList(QWidget):
    """A growing list of child rows with an "Add" button."""

    changed = Signal()

    def __init__(self, row_type, add_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.row_type = row_type
        self.rows: list[_Row] = []
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_text)
        self.add_button.setAutoDefault(True)  # Enter on the button adds a row (elsewhere it saves)
        self.add_button.clicked.connect(self._add_and_focus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_box)
        layout.addLayout(bottom)

    def add_row(self) -> _Row:
        row = self.row_type(self)
        row.removed.connect(self.remove_row)
        row.changed.connect(self.changed)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        self.changed.emit()
        return row

    def _add_and_focus(self) -> None:
        row = self.add_row()
        row.focus_order()[0].setFocus()

    def remove_row(self, row: _Row) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.changed.emit()
        self.add_button.setFocus()

    def clear(self) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            row.hide()
            row.deleteLater()

    def values(self) -> tuple[list[dict], list[_Row]]:
        """The filled rows' values and, index for index, the row each came from."""
        filled = [r for r in self.rows if not r.is_empty()]
        return [r.value() for r in filled], filled


def _connect_changed(widget: QWidget, notify) -> None:
    def slot(*_args) -> None:
        notify()

    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(slot)
    elif isinstance(widget, QListWidget):
        widget.itemChanged.connect(slot)
    elif isinstance(widget, DateField):
        widget.changed.connect(slot)


class ApplicantForm(QWidget):
    """All applicant fields; ``to_input()`` / ``load()`` / ``show_errors()``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.general_error = error_label()
        self._build()
        self._fix_tab_order()
        for widget, _label in self._fields.values():
            _connect_changed(widget, self._emit_changed)
        self.languages.changed.connect(self._child_rows_changed)
        self.experience.changed.connect(self._child_rows_changed)

    def _emit_changed(self) -> None:
        self.changed.emit()

    # --- building ---------------------------------------------------------------------------

    def _field(self, form: QFormLayout, name: str, label: str, widget: QWidget,
               extra: QWidget | None = None) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        if extra is None:
            v.addWidget(widget)
        else:
            h = QHBoxLayout()
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(widget, 1)
            h.addWidget(extra)
            v.addLayout(h)
        err = error_label()
        v.addWidget(err)
        if label:
            form.addRow(label, box)
        else:
            form.addRow(box)
        self._fields[name] = (widget, err)
        return widget

    def _pair(self, form: QFormLayout, label: str, items: list[tuple[str, str, QWidget]]) -> None:
        """Two short fields on one line (RT/RW, height/weight), each with its error label."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        for i, (name, caption, widget) in enumerate(items):
            if caption:
                grid.addWidget(QLabel(caption), 0, 2 * i)
            grid.addWidget(widget, 0, 2 * i + 1)
            err = error_label()
            grid.addWidget(err, 1, 2 * i + 1)
            self._fields[name] = (widget, err)
        grid.setColumnStretch(4, 1)
        form.addRow(label, box)

    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _build(self) -> None:
        choose = self.tr("— choose —")

        identity = QGroupBox(self.tr("Identity"))
        f = self._form(identity)
        self.nik = self._field(f, "nik", self.tr("NIK"), QLineEdit())
        self.nik.setValidator(_digits(16))
        self.nik.setPlaceholderText(self.tr("16 digits, as on the KTP"))
        self.kk_number = self._field(f, "kk_number", self.tr("KK number"), QLineEdit())
        self.kk_number.setValidator(_digits(16))
        self.kk_number.setPlaceholderText(self.tr("16 digits, as on the family card"))
        self.full_name = self._field(f, "full_name", self.tr("Full name"), QLineEdit())
        self.full_name.setMaxLength(100)
        self.sex = self._field(f, "sex", self.tr("Sex"), _combo(
            [("L", labels.sex("L")), ("P", labels.sex("P"))], choose))
        self.birth_place = self._field(f, "birth_place", self.tr("Place of birth"), QLineEdit())
        self.birth_date = self._field(f, "birth_date", self.tr("Date of birth"), DateField())
        self.religion = self._field(f, "religion", self.tr("Religion"), _combo(labels.religions(), choose))
        self.marital_status = self._field(f, "marital_status", self.tr("Marital status"),
                                          _combo(labels.marital_statuses()))

        address = QGroupBox(self.tr("Address and contact"))
        f = self._form(address)
        self.address = self._field(f, "address", self.tr("Address"), QLineEdit())
        self.address.setPlaceholderText(self.tr("Street, house number"))
        self.rt, self.rw = QLineEdit(), QLineEdit()
        for w in (self.rt, self.rw):
            w.setValidator(_digits(3))
            w.setMaximumWidth(w.fontMetrics().horizontalAdvance("0000") + 20)
        self._pair(f, self.tr("RT"), [("rt", "", self.rt), ("rw", self.tr("RW"), self.rw)])
        self.kelurahan = self._field(f, "kelurahan_code", self.tr("Urban village"), QLineEdit())
        self.kelurahan.setPlaceholderText(self.tr("Type a few letters, e.g. Cipare"))
        self._kelurahan_by_label = {k.label.casefold(): k for k in reference.kelurahan().values()}
        self._kelurahan_labels = QStringListModel(sorted(k.label for k in reference.kelurahan().values()), self)
        completer = QCompleter(self._kelurahan_labels, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._kelurahan_chosen)
        self.kelurahan.setCompleter(completer)
        self.kelurahan.textChanged.connect(self._update_kecamatan)
        self.kecamatan = QLineEdit()
        self.kecamatan.setReadOnly(True)
        self.kecamatan.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.kecamatan.setPlaceholderText(self.tr("filled from the urban village"))
        f.addRow(self.tr("Sub-district"), self.kecamatan)
        self.phone = self._field(f, "phone", self.tr("Phone"), QLineEdit())
        self.phone.setPlaceholderText(self.tr("e.g. 0812-3456-7890"))
        self.email = self._field(f, "email", self.tr("E-mail"), QLineEdit())
        self.email.setPlaceholderText(self.tr("optional"))

        education = QGroupBox(self.tr("Education and physique"))
        f = self._form(education)
        levels = [(code, f"{code} — {name_id if i18n.language() == 'id' else name_en}")
                  for code, (_rank, name_id, name_en) in reference.education_levels().items()]
        self.education_level = self._field(f, "education_level", self.tr("Highest education"),
                                           _combo(levels, choose))
        self.education_major = self._field(f, "education_major", self.tr("Major"), QLineEdit())
        self.height, self.weight = QLineEdit(), QLineEdit()
        for w in (self.height, self.weight):
            w.setValidator(QIntValidator(0, 999, w))
            w.setMaximumWidth(w.fontMetrics().horizontalAdvance("00000") + 20)
        self._pair(f, self.tr("Height (cm)"),
                   [("height_cm", "", self.height), ("weight_kg", self.tr("Weight (kg)"), self.weight)])
        self.skills = self._field(f, "skills", self.tr("Skills and certificates"), QPlainTextEdit())
        self.skills.setTabChangesFocus(True)
        self.skills.setFixedHeight(self.skills.fontMetrics().lineSpacing() * 3 + 12)

        wishes = QGroupBox(self.tr("Placement wishes"))
        f = self._form(wishes)
        self.countries = self._field(f, "preferred_countries", self.tr("Destination countries"),
                                     self._checklist(reference.countries()))
        self.sectors = self._field(f, "preferred_sectors", self.tr("Sectors"),
                                   self._checklist(reference.sectors()))
        self.funding_scheme = self._field(f, "funding_scheme", self.tr("Funding scheme"), _combo(
            [(code, i18n.choice_name(c)) for code, c in reference.funding_schemes().items()], choose))

        consent = QGroupBox(self.tr("Consent"))
        f = self._form(consent)
        self.consent = self._field(f, "consent", "", QCheckBox(self.tr(
            "The applicant consents to the processing of personal data (Law No. 27 of 2022)")))
        self.consent.toggled.connect(self._consent_toggled)
        self.consent_on = self._field(f, "consent_on", self.tr("Consent date"), DateField())

        self.languages = _RowList(LanguageRow, self.tr("Add language"))
        lang_group = QGroupBox(self.tr("Language skills"))
        QVBoxLayout(lang_group).addWidget(self.languages)
        self.experience = _RowList(ExperienceRow, self.tr("Add work experience"))
        exp_group = QGroupBox(self.tr("Work experience"))
        QVBoxLayout(exp_group).addWidget(self.experience)

        notes = QGroupBox(self.tr("Notes"))
        f = self._form(notes)
        self.notes = self._field(f, "notes", "", QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 2 + 12)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.general_error, 0, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(identity)
        left.addWidget(address)
        left.addWidget(consent)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(education)
        right.addWidget(wishes)
        right.addStretch(1)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.addWidget(lang_group, 2, 0, 1, 2)
        grid.addWidget(exp_group, 3, 0, 1, 2)
        grid.addWidget(notes, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _checklist(self, choices) -> QListWidget:
        widget = _Checklist()
        for code, choice in choices.items():
            item = QListWidgetItem(i18n.choice_name(choice))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        # All choices visible at once, in columns: no scrolling inside a scrolling form.
        widget.setFlow(QListWidget.Flow.LeftToRight)
        widget.setWrapping(True)
        widget.setResizeMode(QListWidget.ResizeMode.Adjust)
        fm = widget.fontMetrics()
        width = max(fm.horizontalAdvance(widget.item(i).text()) for i in range(widget.count())) + 34
        widget.setGridSize(QSize(width, fm.height() + 6))
        widget.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setFixedHeight((fm.height() + 6) * 4)
        widget.setToolTip(self.tr("Space ticks or unticks the current line"))
        return widget

    def _focus_chain(self) -> list[QWidget]:
        chain = [self.nik, self.kk_number, self.full_name, self.sex, self.birth_place,
                 self.birth_date.edit, self.religion, self.marital_status,
                 self.address, self.rt, self.rw, self.kelurahan, self.phone, self.email,
                 self.education_level, self.education_major, self.height, self.weight, self.skills,
                 self.countries, self.sectors, self.funding_scheme, self.consent, self.consent_on.edit]
        for row in self.languages.rows:
            chain += row.focus_order()
        chain.append(self.languages.add_button)
        for row in self.experience.rows:
            chain += row.focus_order()
        chain += [self.experience.add_button, self.notes]
        return chain

    def _fix_tab_order(self) -> None:
        chain = self._focus_chain()
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _child_rows_changed(self) -> None:
        self._fix_tab_order()
        self.changed.emit()

    # --- kelurahan ----------------------------------------------------------------------------

    def _kelurahan_chosen(self, label: str) -> None:
        self.kelurahan.setText(label)
        self._update_kecamatan()

    def _find_kelurahan(self):
        text = " ".join(self.kelurahan.text().split()).casefold()
        if not text:
            return None
        found = self._kelurahan_by_label.get(text)
        if found is None:
            by_name = [k for k in reference.kelurahan().values() if k.name.casefold() == text]
            found = by_name[0] if len(by_name) == 1 else None
        return found

    def _update_kecamatan(self) -> None:
        kel = self._find_kelurahan()
        self.kecamatan.setText(kel.kecamatan_name if kel else "")

    def _kelurahan_code(self) -> str:
        kel = self._find_kelurahan()
        return kel.code if kel else self.kelurahan.text().strip()

    def _consent_toggled(self, on: bool) -> None:
        if on and not self.consent_on.value_text():
            self.consent_on.set_date(date.today())

    # --- values -------------------------------------------------------------------------------

    def set_nik_read_only(self, on: bool) -> None:
        self.nik.setReadOnly(on)
        self.nik.setFocusPolicy(Qt.FocusPolicy.ClickFocus if on else Qt.FocusPolicy.StrongFocus)
        self.nik.setToolTip(self.tr("The NIK cannot be changed once registered.") if on else "")

    def to_input(self) -> ApplicantInput:
        langs, self._language_rows = self.languages.values()
        jobs, self._experience_rows = self.experience.values()

        def opt(widget) -> str | None:
            text = _text(widget).strip()
            return text or None

        return ApplicantInput(
            nik=self.nik.text().strip(), kk_number=self.kk_number.text().strip(),
            full_name=self.full_name.text(), sex=self.sex.currentData() or "",
            birth_place=self.birth_place.text(), birth_date=self.birth_date.value_text() or None,
            religion=self.religion.currentData(), marital_status=self.marital_status.currentData() or "",
            address=self.address.text(), rt=self.rt.text(), rw=self.rw.text(),
            kelurahan_code=self._kelurahan_code(), phone=self.phone.text(), email=opt(self.email),
            education_level=self.education_level.currentData() or "",
            education_major=opt(self.education_major), height_cm=opt(self.height),
            weight_kg=opt(self.weight), skills=opt(self.skills),
            preferred_countries=self._checked(self.countries), preferred_sectors=self._checked(self.sectors),
            funding_scheme=self.funding_scheme.currentData(), notes=opt(self.notes),
            consent=self.consent.isChecked(), consent_on=self.consent_on.value_text() or None,
            languages=langs, experience=jobs)

    @staticmethod
    def _checked(widget: QListWidget) -> list[str]:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    @staticmethod
    def _check(widget: QListWidget, codes) -> None:
        for i in range(widget.count()):
            item = widget.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def clear(self) -> None:
        self.clear_errors()
        for w in (self.nik, self.kk_number, self.full_name, self.birth_place, self.address, self.rt,
                  self.rw, self.kelurahan, self.phone, self.email, self.education_major, self.height,
                  self.weight, self.skills, self.notes):
            w.clear()
        for combo in (self.sex, self.religion, self.education_level, self.funding_scheme):
            combo.setCurrentIndex(-1)
        _set_combo(self.marital_status, "belum_kawin")
        self.birth_date.clear()
        self._check(self.countries, ())
        self._check(self.sectors, ())
        self.consent.setChecked(False)
        self.consent_on.clear()
        self.languages.clear()
        self.experience.clear()
        self._fix_tab_order()
        self.countries.setCurrentRow(0, _no_update())
        self.sectors.setCurrentRow(0, _no_update())

    def load(self, detail: ApplicantDetail) -> None:
        """Fill the form from a saved applicant (edit)."""
        self.clear()
        self.nik.setText(detail.nik)
        self.kk_number.setText(detail.kk_number)
        self.full_name.setText(detail.full_name)
        _set_combo(self.sex, detail.sex)
        self.birth_place.setText(detail.birth_place)
        self.birth_date.set_date(detail.birth_date)
        _set_combo(self.religion, detail.religion)
        _set_combo(self.marital_status, detail.marital_status)
        self.address.setText(detail.address)
        self.rt.setText(detail.rt)
        self.rw.setText(detail.rw)
        kel = reference.kelurahan().get(detail.kelurahan_code)
        self.kelurahan.setText(kel.label if kel else detail.kelurahan_code)
        from app.core.validation import format_phone

        self.phone.setText(format_phone(detail.phone) if detail.phone else "")
        self.email.setText(detail.email or "")
        _set_combo(self.education_level, detail.education_level)
        self.education_major.setText(detail.education_major or "")
        self.height.setText("" if detail.height_cm is None else str(detail.height_cm))
        self.weight.setText("" if detail.weight_kg is None else str(detail.weight_kg))
        self.skills.setPlainText(detail.skills or "")
        self._check(self.countries, detail.preferred_countries)
        self._check(self.sectors, detail.preferred_sectors)
        _set_combo(self.funding_scheme, detail.funding_scheme)
        self.notes.setPlainText(detail.notes or "")
        self.consent.setChecked(True)
        self.consent_on.set_date(detail.consent_on)
        for skill in detail.languages:
            self.languages.add_row().load(skill)
        for job in detail.experience:
            self.experience.add_row().load(job)
        self._fix_tab_order()

    def has_input(self) -> bool:
        data = self.to_input()
        return any(_text(w).strip() for w in (
            self.nik, self.kk_number, self.full_name, self.birth_place, self.address, self.kelurahan,
            self.phone, self.email, self.skills, self.notes)) or bool(
            data.birth_date or data.sex or data.languages or data.experience or data.preferred_countries)

    # --- errors -------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for widget, label in self._fields.values():
            mark_error(widget, False)
            label.clear()
            label.hide()
        for row in self.languages.rows + self.experience.rows:
            row.clear_errors()
        self.general_error.clear()
        self.general_error.hide()

    def show_errors(self, errors) -> QWidget | None:
        """Show each FieldError on its field; focus and return the first bad field."""
        bad: list[QWidget] = []
        for err in errors:
            text = i18n.message(err)
            widget = self._show_one(err.field, text)
            if widget is not None:
                bad.append(widget)
        if not bad:
            return None
        chain = self._focus_chain()

        def position(w: QWidget) -> int:
            target = w.edit if isinstance(w, DateField) else w
            return chain.index(target) if target in chain else len(chain)

        first = min(bad, key=position)
        (first.edit if isinstance(first, DateField) else first).setFocus(Qt.FocusReason.OtherFocusReason)
        return first

    def _show_one(self, name: str, text: str) -> QWidget | None:
        if name == "kecamatan_code":
            name = "kelurahan_code"
        if name in self._fields:
            widget, label = self._fields[name]
            mark_error(widget, True)
            label.setText("\n".join(filter(None, [label.text(), text])))
            label.show()
            return widget
        m = _CHILD.match(name)
        if m:
            rows = getattr(self, "_language_rows" if m[1] == "languages" else "_experience_rows", [])
            index = int(m[2])
            if index < len(rows):
                return rows[index].show_error(m[3], text)
        self.general_error.setText("\n".join(filter(None, [self.general_error.text(), text])))
        self.general_error.show()
        return None

    def error_text(self, name: str) -> str:
        """The error shown on field ``name`` (tests and accessibility)."""
        widget, label = self._fields[name]
        return "" if label.isHidden() else label.text()

    def field_widget(self, name: str) -> QWidget:
        return self._fields[name][0]
