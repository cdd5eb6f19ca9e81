"""The sync screen: a kecamatan supervisor makes a packet, the city supervisor imports it, sees the
duplicate NIK as a conflict, resolves it side by side (merge one field), and a tampered packet is
refused with the reason."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core import sync
from app.views.sync.page import ConflictsModel, ResolveDialog, SyncPage
from tests.sync_offices import make_office
from tests.views.helpers import when_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name: shown.append((_n, a[2])))
    return shown


def test_send_import_and_resolve_a_conflict_on_screen(qtbot, pair, boxes, monkeypatch, tmp_path, qtmodeltester):
    city, kec = pair
    kec.register(1)
    kec.register(50, full_name="Rina Kecamatan")
    city.register(50, full_name="Rina Kota")
    packet = tmp_path / "usb" / "paket.zip"

    with kec.here():
        page = SyncPage(kec.db, kec.supervisor)
        qtbot.addWidget(page)
        page.show()
        assert [page.office.itemText(i) for i in range(page.office.count())] == ["SRG-0001"]
        assert "KSA-0001" in page.identity.text()
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(packet), ""))
        qtbot.mouseClick(page.export_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    assert packet.exists()
    assert boxes[-1][0] == "information" and "SRG-0001" in boxes[-1][1]

    with city.here():
        city_page = SyncPage(city.db, city.supervisor)
        qtbot.addWidget(city_page)
        city_page.show()
        assert city_page.none_label.isVisible() and not city_page.table.isVisible()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(packet), ""))
        city_page.import_button.click()
        assert "1" in city_page.last_result.text() and "KSA-0001" in city_page.last_result.text()
        assert city_page.model.rowCount() == 1 and city_page.table.isVisible()
        qtmodeltester.check(city_page.model)
        assert city_page.model.index(0, 5).data() == "NIK"
        assert not city_page.resolve_button.isEnabled()
        city_page.table.selectRow(0)
        assert city_page.resolve_button.isEnabled()

        def merge_name(dialog):
            assert isinstance(dialog, ResolveDialog)
            assert "full_name" in dialog.checks and "registration_number" not in dialog.checks
            assert not dialog.merge_button.isEnabled()
            dialog.checks["full_name"].setChecked(True)
            assert dialog.merge_button.isEnabled()
            dialog.merge_button.click()

        when_modal(merge_name)
        done = city_page.resolve_selected()
        assert done.status == "resolved" and done.resolution == "merge"
        assert city_page.model.rowCount() == 0 and city_page.none_label.isVisible()
        with city.db.session(write=False) as s:
            from sqlalchemy import text

            names = s.execute(text("SELECT full_name FROM applicant WHERE nik = '3673015703010050'")).scalars().all()
        assert names == ["Rina Kecamatan"]  # the city's record, with the name taken from the kecamatan

        # the same packet again changes nothing; a tampered one is refused with the reason
        city_page.import_packet(str(packet))
        assert "sebelumnya" in city_page.last_result.text() or "before" in city_page.last_result.text()
        bad = tmp_path / "bad.zip"
        data = bytearray(packet.read_bytes())
        data[len(data) // 2] ^= 0x20
        bad.write_bytes(bytes(data))
        assert city_page.import_packet(str(bad)) is None
        assert boxes[-1][0] == "warning" and "Paket ditolak" in boxes[-1][1]
        assert "Paket ditolak" in city_page.last_result.text()
        ack = packet.with_name(packet.name + ".ack")
        assert ack.exists()

    with kec.here():
        result = page.read_ack(str(ack))
        assert result is not None and result.acknowledged_rows > 0
        assert "SRG-0001" in page.last_result.text()


def test_resolve_dialog_shows_both_versions_and_keep_buttons(qtbot, pair):
    city, kec = pair
    kec.register(50, full_name="Rina A")
    city.register(50, full_name="Rina B")
    path = city.home.parent / "p.zip"
    kec.export(city, path)
    city.import_(path)
    [conflict] = sync.list_conflicts(city.db, city.supervisor)
    dialog = ResolveDialog(conflict)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(__import__("PySide6.QtWidgets", fromlist=["QLabel"]).QLabel)]
    assert "Rina A" in texts and "Rina B" in texts
    assert "KSA-0001" in dialog.theirs_button.text()
    dialog.theirs_button.click()
    assert dialog.choice == "theirs" and dialog.fields() == []


def test_conflicts_model_is_a_valid_table_model(qtmodeltester):
    qtmodeltester.check(ConflictsModel())


def test_only_supervisors_and_admins_get_the_sync_page(qtbot, db):
    from app.core import setup
    from app.core.actor import Actor
    from app.views.main_window import MainWindow

    office = setup.ensure_office(db)
    pages = {}
    for role in ("counter", "trainer", "supervisor", "admin"):
        window = MainWindow(db, Actor("u." + role, office.code, role, role), setup.local_office(db))
        qtbot.addWidget(window)
        pages[role] = window.sync_page is not None
        if window.sync_page is not None:
            assert window.sync_page.conflicts_box.isVisibleTo(window.sync_page)
    assert pages == {"counter": False, "trainer": False, "supervisor": True, "admin": True}


def test_an_admin_saves_and_registers_office_keys_on_screen(qtbot, tmp_path, _migrated_template, boxes,
                                                            monkeypatch):
    city = make_office(tmp_path, _migrated_template, "SRG-0001", "city")
    kec = make_office(tmp_path, _migrated_template, "KSA-0001", "kecamatan")
    key_file = tmp_path / "KSA-0001.key"
    with kec.here():
        page = SyncPage(kec.db, kec.supervisor)
        qtbot.addWidget(page)
        assert not page.trust_button.isVisibleTo(page)  # supervisors do not register keys
        doc = page.save_key(str(key_file))
    assert key_file.exists() and doc["office"] == "KSA-0001"
    with city.here():
        page = SyncPage(city.db, city.admin)
        qtbot.addWidget(page)
        page.show()
        assert page.trust_button.isVisibleTo(page) and page.office.count() == 0
        asked = []
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.No)[1])
        assert page.trust(str(key_file)) is None  # the person said no
        assert doc["fingerprint"] in asked[0]
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        info = page.trust(str(key_file))
        assert info.office_code == "KSA-0001" and info.fingerprint == doc["fingerprint"]
        assert [page.office.itemText(i) for i in range(page.office.count())] == ["KSA-0001"]
        bad = tmp_path / "bad.key"
        bad.write_text("not a key")
        assert page.trust(str(bad)) is None
        assert boxes[-1][0] == "warning" and "kunci" in boxes[-1][1].lower()
    city.db.dispose()
    kec.db.dispose()
