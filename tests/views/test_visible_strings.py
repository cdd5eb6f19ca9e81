"""Every text the main window (and its dialogs) shows in Indonesian is a translation or data.

tests/views/test_translations.py checks the ``.ts`` against the ``tr()`` calls; this test walks the
widgets themselves, so a literal that never went through ``tr()`` (or a translation that did not
load) fails too. A visible text passes when it is an Indonesian translation from the ``.ts`` (with
its ``%1``… filled in), a name from the shipped reference lists or the database, or has no words.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox, QLabel,
                               QLineEdit, QListWidget, QTabBar, QWidget)

pytestmark = pytest.mark.gui
TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "pmi_desk_id.ts"
# Names that are the same in every language.
PROPER = {"PMI Desk", "Bahasa Indonesia", "English", "Qt / PySide / Python"}


def _clean(text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", "", text or "")).replace("\xa0\xa0", " | ")
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(":").rstrip()  # a form caption's colon is punctuation


def _translation_patterns() -> list[re.Pattern]:
    out = []
    for msg in ET.parse(TS).getroot().iter("message"):
        tr = msg.find("translation")
        texts = [f.text for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
        for t in texts:
            if t and re.search(r"[A-Za-z]{2,}", re.sub(r"%L?[1-9n]", "", t)):  # not a bare "%1"
                pattern = re.sub(r"%L?[1-9n]", "\x00", _clean(t))
                out.append(re.compile(".+?".join(re.escape(p) for p in pattern.split("\x00")), re.S))
    return out


def _data_names(extra: set[str]) -> set[str]:
    from app.core import reference

    names = set(PROPER) | extra
    names |= set(reference.kecamatan().values()) | set(reference.provinces().values())
    for k in reference.kelurahan().values():
        names |= {k.name, k.label() if callable(k.label) else k.label}
    names |= {v[1] for v in reference.education_levels().values()} | set(reference.education_levels())
    names |= {f"{code} — {v[1]}" for code, v in reference.education_levels().items()}
    from PySide6.QtCore import QLocale  # month and day names come from the (Indonesian) locale

    locale = QLocale()
    for fmt in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        names |= {locale.monthName(m, fmt) for m in range(1, 13)} | {locale.standaloneMonthName(m, fmt)
                                                                     for m in range(1, 13)}
        names |= {locale.dayName(d, fmt) for d in range(1, 8)}
    import csv

    from app import paths

    with open(paths.resources_dir() / "document_types.csv", encoding="utf-8") as f:  # data in the database
        names |= {r["name_id"] for r in csv.DictReader(f)}
    for table in (reference.languages(), reference.countries(), reference.sectors(), reference.funding_schemes()):
        names |= {c.name_id for c in table.values()}
        names |= {level for c in table.values() for level in getattr(c, "levels", ())}
    return {_clean(n) for n in names}


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person can read on ``root`` and its children."""
    found: list[tuple[str, str]] = []

    def add(widget, kind, text):
        if text:
            found.append((f"{type(widget).__name__}({widget.objectName() or '?'}).{kind}", text))

    for w in [root, *root.findChildren(QWidget)]:
        if w.isWindow():
            add(w, "windowTitle", w.windowTitle())
        add(w, "toolTip", w.toolTip())
        if isinstance(w, QLabel):
            add(w, "text", w.text())
        elif isinstance(w, QAbstractButton):
            add(w, "text", w.text())
        elif isinstance(w, QLineEdit):
            add(w, "placeholder", w.placeholderText())
        elif isinstance(w, QGroupBox):
            add(w, "title", w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, f"item{i}", w.itemText(i))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w, f"tab{i}", w.tabText(i))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                add(w, f"item{i}", w.item(i).text())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount(QModelIndex())):  # a list model has no default parent
                add(w, f"header{c}", model.headerData(c, Qt.Orientation.Horizontal))
    for action in root.findChildren(QAction):
        if not action.isSeparator():
            add(action, "text", action.text())
            add(action, "toolTip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
    return found


def untranslated(root: QWidget, extra_names: set[str] = frozenset()) -> list[str]:
    patterns = _translation_patterns()
    names = _data_names(set(extra_names))
    bad = []
    for where, raw in visible_texts(root):
        text = _clean(str(raw))
        if not re.search(r"[A-Za-z]{2,}", text) or text in names:
            continue
        if any(p.fullmatch(text) for p in patterns):
            continue
        # a text put together from translated pieces and data, e.g. "SRG-0001 — Disnakertrans Kota
        # Serang" or "Status: Terdaftar | Umur: 25"
        parts = [part.strip() for part in re.split(r"[—,()/:|]", text)]
        if all(part in names or not re.search(r"[A-Za-z]{2,}", part) or any(p.fullmatch(part) for p in patterns)
               for part in parts):
            continue
        bad.append(f"{where}: {text!r}")
    return sorted(set(bad))


@pytest.fixture
def indonesian():
    from app.views import i18n

    app = QApplication.instance()
    translator = i18n.install(app, "id")
    assert translator is not None
    yield
    app.removeTranslator(translator)
    i18n.install(app, "en")


def test_main_window_shows_only_indonesian(qtbot, db, actor, indonesian):
    from app import paths
    from app.core import setup
    from app.views.about import AboutDialog
    from app.views.main_window import MainWindow

    office = setup.local_office(db)
    window = MainWindow(db, actor, office)
    qtbot.addWidget(window)
    names = {office.name, office.code, actor.full_name, actor.username}
    assert untranslated(window, names) == []
    about = AboutDialog(office, paths.database_url(), str(paths.data_dir()), window)
    assert untranslated(about, names | {paths.database_url(), str(paths.data_dir())}) == []


def test_applicant_detail_shows_only_indonesian(qtbot, db, actor, indonesian):
    from app.core import registration, setup
    from app.views.main_window import MainWindow
    from tests.conftest import TODAY, applicant_input

    detail = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    office = setup.local_office(db)
    window = MainWindow(db, actor, office)
    qtbot.addWidget(window)
    dialog = window.open_applicant(detail.id)
    assert dialog is not None
    data = {office.name, office.code, actor.full_name, actor.username, detail.full_name,
            detail.registration_number, "JLPT N4", "RS Sari Asih", "Asisten perawat", "Keperawatan", "Serang"}
    assert untranslated(dialog, data) == []
    dialog.close()


def test_the_walker_catches_an_untranslated_literal(qtbot, indonesian):
    widget = QWidget()
    qtbot.addWidget(widget)
    QLabel("Save the applicant", widget)
    QLabel(widget.tr("Registration"), widget)  # no context "QWidget": stays English too
    QLabel(QApplication.translate("MainWindow", "Registration"), widget)  # "Pendaftaran": fine
    assert untranslated(widget) == ["QLabel(?).text: 'Registration'", "QLabel(?).text: 'Save the applicant'"]


def test_sign_in_lock_and_admin_pages_show_only_indonesian(qtbot, db, actor, indonesian):
    from dataclasses import replace

    from app.core import backup, setup
    from app.views.admin.backups import ConfirmRestoreDialog
    from app.views.main_window import MainWindow
    from app.views.session.lock import LockDialog
    from app.views.session.sign_in import ChangePasswordDialog, SignInDialog

    admin = replace(actor, role="admin")
    office = setup.local_office(db)
    names = {office.name, office.code, admin.full_name, admin.username}
    sign_in = SignInDialog(db, office.name)
    qtbot.addWidget(sign_in)
    assert untranslated(sign_in, names) == []
    for dialog in (ChangePasswordDialog(db, admin, old_password="x"), ChangePasswordDialog(db, admin),
                   LockDialog(db, admin)):
        qtbot.addWidget(dialog)
        assert untranslated(dialog, names) == []
    window = MainWindow(db, admin, office)
    qtbot.addWidget(window)
    result = backup.backup_now(db, admin)
    from app.core import office_settings

    names |= {s.label_id for s in office_settings.SETTINGS.values()}  # declared in Indonesian in the core
    for page in (window.audit_page, window.users_page, window.backups_page, window.settings_page):
        window.show_page(window.page_index(page))
        assert untranslated(window, names | {str(result.path.parent), str(result.path)}) == []
    confirm = ConfirmRestoreDialog(backup.list_backups(result.path.parent)[0])
    qtbot.addWidget(confirm)
    assert untranslated(confirm, names) == []
