"""The Indonesian translation is complete, up to date with the code, and its .qm is not stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "pmi_desk_id.ts"
QM = ROOT / "resources" / "i18n" / "pmi_desk_id.qm"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is missing from the venv (PySide6 ships it)")
    return str(path)


def _problems(ts: Path) -> list[str]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            texts = [f.text for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
            if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(t and t.strip() for t in texts):
                out.append(f"{name}: {msg.findtext('source')!r} ({tr.get('type') or 'empty'})")
    return out


def test_every_string_is_translated():
    assert _problems(TS) == []


def test_ts_covers_every_tr_string_in_the_code(tmp_path):
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "app" / "views").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-source-language", "en", "-target-language", "id",
                    *sources, "-ts", str(copy)], check=True, capture_output=True, cwd=ROOT)
    assert _problems(copy) == [], "run scripts/update-translations.sh and translate the new strings"


def test_committed_qm_is_not_stale(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert QM.read_bytes() == fresh.read_bytes(), "run scripts/update-translations.sh"


def test_indonesian_is_the_default_ui(qtbot, db, actor):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.core import setup
    from app.views import i18n
    from app.views.main_window import MainWindow

    app = QApplication.instance()
    translator = i18n.install(app, "id")
    try:
        assert translator is not None
        window = MainWindow(db, actor, setup.local_office(db))
        qtbot.addWidget(window)
        assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
            "Pendaftaran", "Daftar pendaftar", "Lowongan"]
        assert window.registration.save_button.text() == "Simpan (Enter)"
        assert window.applicants.model.headerData(0, Qt.Orientation.Horizontal) == "Nomor pendaftaran"
        assert window.registration.form.sex.itemText(1) == "P — Perempuan"
        qtbot.waitUntil(lambda: window.applicants.count_label.text() == "0 pendaftar")
    finally:
        app.removeTranslator(translator)
        i18n.install(app, "en")  # back to the source language and locale for the next tests
