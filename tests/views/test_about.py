"""Help → About PMI Desk: version, database, office, data folder, versions, and the licences."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.views.about import DEPENDENCIES, AboutDialog, Licence, LicenceTableModel, RowObjectRole, bundled_licences

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_fallback_list_is_pyprojects_dependencies():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = [re.match(r"[A-Za-z0-9._-]+", d)[0] for d in deps]
    assert sorted(map(_norm, names)) == sorted(map(_norm, DEPENDENCIES))


def test_bundled_licences_cover_the_dependencies_and_what_they_pull_in():
    rows = {_norm(r.name): r for r in bundled_licences()}
    for name in DEPENDENCIES:
        assert _norm(name) in rows, name
    assert {"shiboken6", "mako"} <= set(rows)  # what the dependencies pull in (PySide6, alembic)
    assert {"qt", "python"} <= set(rows)
    assert all(r.version and r.licence and r.licence != "?" for r in rows.values()), \
        [r for r in rows.values() if not r.licence or r.licence == "?"]
    assert rows["sqlalchemy"].licence.upper().startswith("MIT")
    assert "LGPL" in rows["pyside6-essentials"].licence


def test_licence_model(qtmodeltester):
    model = LicenceTableModel([Licence("b", "2", "MIT"), Licence("A", "1", "BSD-3-Clause")])
    qtmodeltester.check(model)
    assert model.index(1, 2).data() == "BSD-3-Clause"
    assert model.index(0, 0).data(RowObjectRole) == Licence("b", "2", "MIT")


def test_about_dialog_shows_where_the_data_is(qtbot, db, actor, tmp_path):
    from app import __version__, paths
    from app.core import setup

    office = setup.local_office(db)
    dialog = AboutDialog(office, paths.database_url(), str(paths.data_dir()))
    qtbot.addWidget(dialog)
    assert dialog.fields["version"].text() == __version__
    assert dialog.fields["office"].text().startswith(office.code)
    assert dialog.fields["database"].text() == paths.database_url()
    assert dialog.fields["data_dir"].text() == str(paths.data_dir())
    assert dialog.proxy.index(0, 0).data().lower() <= dialog.proxy.index(1, 0).data().lower()  # sorted
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "about.png"))


def test_help_menu_opens_about_in_indonesian(qtbot, db, actor, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from app.core import setup
    from app.views import i18n
    from app.views.about import AboutDialog as Dialog
    from app.views.main_window import MainWindow

    app = QApplication.instance()
    translator = i18n.install(app, "id")
    try:
        window = MainWindow(db, actor, setup.local_office(db))
        qtbot.addWidget(window)
        menus = {a.text(): a.menu() for a in window.menuBar().actions()}
        assert "&Bantuan" in menus
        [about] = [a for a in menus["&Bantuan"].actions() if a.text() == "&Tentang PMI Desk"]
        shown = []
        monkeypatch.setattr(Dialog, "exec", lambda self: shown.append(self) or 0)
        about.trigger()
        [dialog] = shown
        assert dialog.windowTitle() == "Tentang PMI Desk"
        assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "Lisensi"
        assert dialog.fields["office"].text().startswith(setup.local_office(db).code)
    finally:
        app.removeTranslator(translator)
        i18n.install(app, "en")
