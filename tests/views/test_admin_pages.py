"""The supervisor and administrator screens: audit trail, users, backups, personal data; every
new table model passes qtmodeltester."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.core import audit, backup, registration, setup
from app.db import Database
from app.views.admin.audit import AuditModel, AuditPage
from app.views.admin.backups import BackupsModel, BackupsPage, ConfirmRestoreDialog
from app.views.admin.users import UsersModel
from tests.conftest import applicant_input
from tests.views.helpers import when_modal

pytestmark = pytest.mark.gui
PASSWORD = "rahasia123"


@pytest.fixture
def admin(db):
    return setup.first_start(db, office_code="SRG-0001", office_name="Disnakertrans Kota Serang",
                             office_kind="city", admin_username="admin", admin_full_name="Admin Kantor",
                             admin_password=PASSWORD).actor()


@pytest.fixture
def quiet_boxes(monkeypatch):
    shown = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name: shown.append((_n, a[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def _edited_applicant(db, admin):
    from dataclasses import replace

    detail = registration.register_applicant(db, applicant_input(), admin)
    data = replace(applicant_input(), address="Jl. Veteran No. 3")
    registration.update_applicant(db, detail.id, data, admin, expected_version=detail.version)
    return detail


def test_audit_view_finds_a_registration_edit(qtbot, db, admin, quiet_boxes):
    detail = _edited_applicant(db, admin)
    page = AuditPage(db, admin)
    qtbot.addWidget(page)
    page.text.setText("Veteran")
    page.entity.setCurrentIndex(page.entity.findData("applicant"))
    assert page.search()
    assert page.model.rowCount() == 1
    row = [page.model.index(0, c).data() for c in range(5)]
    assert row[1] == "admin" and row[2] == "Changed" and str(detail.id) in row[3]
    assert "Address: Jl. Ahmad Yani No. 12 → Jl. Veteran No. 3" in row[4]
    page.since.edit.setText("99/99/9999")
    assert not page.search() and quiet_boxes[-1][0] == "warning"


def test_audit_model_pages_lazily(qtbot, db, admin, qtmodeltester, monkeypatch):
    from app.views.admin import audit as audit_view

    monkeypatch.setattr(audit_view, "PAGE", 3)
    for i in range(8):
        with db.session() as session:
            audit.record(session, admin, "update", "setting", f"k{i}", {"value": [str(i), str(i + 1)]})
    model = AuditModel(db, admin)
    assert model.search(entity="setting") == 8
    assert model.rowCount() == 3 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 6
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 8
    assert model.index(0, 3).data() == "Setting k7"  # newest first


def test_users_model(qtmodeltester, db, admin):
    from app.core import auth

    setup.create_user(db, admin, username="rina", full_name="Rina", role="counter", password="awal12345")
    auth.set_active(db, admin, "rina", False)
    model = UsersModel(auth.list_users(db, admin))
    assert model.index(1, 4).data() == "Deactivated"
    qtmodeltester.check(model)


def test_backup_now_creates_a_file_and_lists_it(qtbot, db, admin, quiet_boxes, qtmodeltester):
    page = BackupsPage(db, admin)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 0
    result = page.back_up()
    assert result is not None and result.path.is_file()
    assert quiet_boxes[-1][0] == "information"
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == "By hand"
    qtmodeltester.check(page.model)
    assert any(e.action == "backup" for e in audit.search(db, admin, entity="database").rows)
    qtmodeltester.check(BackupsModel(backup.list_backups(result.path.parent)))


def test_restore_asks_for_the_typed_word_then_restores(qtbot, db, admin, quiet_boxes, tmp_path):
    page = BackupsPage(db, admin)
    qtbot.addWidget(page)
    made = page.back_up(tmp_path / "usb")
    chosen = backup.list_backups(made.path.parent)[0]
    confirm = ConfirmRestoreDialog(chosen)
    qtbot.addWidget(confirm)
    assert not confirm.ok_button.isEnabled()
    confirm.confirm.setText("restore")
    assert confirm.ok_button.isEnabled()  # untranslated word in tests, any case

    registration.register_applicant(db, applicant_input(), admin)  # after the backup
    page.model.set_backups([chosen])
    page.table.selectRow(0)
    when_modal(lambda dialog: (dialog.confirm.setText(dialog.word), dialog.ok_button.click()))
    with qtbot.waitSignal(page.restored):
        assert page.restore_selected()
    from app.core import search

    assert search.count(db, actor=admin) == 0  # the applicant registered after the backup is gone
    [restored] = audit.search(db, admin, action="restore").rows  # the restore is in the restored file
    assert restored.username == admin.username and restored.changes["from"][1] == str(chosen.path)


def test_personal_data_export_and_anonymise(qtbot, db, admin, quiet_boxes, tmp_path):
    from app.views.applicants.detail import ApplicantDetailDialog

    detail = registration.register_applicant(db, applicant_input(), admin)
    dialog = ApplicantDetailDialog(db, admin, detail.id)
    qtbot.addWidget(dialog)
    assert dialog.export_button.isVisibleTo(dialog) and dialog.anonymise_button.isVisibleTo(dialog)
    out = dialog.export_personal_data(str(tmp_path / "data.json"))
    data = json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))
    assert out and data["applicant"]["full_name"] == "Siti Nurhaliza"
    assert dialog.anonymise("menarik persetujuan")
    assert registration.get_applicant(db, detail.id, admin).full_name == "Dianonimkan"


def test_counter_does_not_see_personal_data_buttons(qtbot, db, admin):
    from app.views.applicants.detail import ApplicantDetailDialog

    setup.create_user(db, admin, username="petugas1", full_name="Petugas", role="counter", password=PASSWORD)
    counter = setup.authenticate(db, "petugas1", PASSWORD).actor()
    detail = registration.register_applicant(db, applicant_input(), counter)
    dialog = ApplicantDetailDialog(db, counter, detail.id)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isVisibleTo(dialog) and not dialog.anonymise_button.isVisibleTo(dialog)


def test_damaged_database_offers_the_latest_good_backup(qtbot, db, admin, quiet_boxes, tmp_path):
    from app.views.admin.damaged import DamagedDatabaseDialog
    from app.views.admin.backups import live_path

    good = backup.run_backup(live_path(db), tmp_path / "b").path
    damaged = tmp_path / "live.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)
    check = backup.check_at_start(damaged, tmp_path / "b", backup=False)
    assert not check.ok
    dialog = DamagedDatabaseDialog(check, damaged)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled()
    dialog.username.setText("admin")
    dialog.password.setText("salah")
    assert not dialog.restore()  # an administrator of the backup, with the right password
    assert dialog.message.text() == "Nama pengguna atau kata sandi salah." and dialog.password.text() == ""
    assert not backup.verify(damaged).ok  # untouched
    dialog.password.setText(PASSWORD)
    assert dialog.restore()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert backup.verify(damaged).ok and good.exists()
    restored = Database.open(f"sqlite:///{damaged}")
    try:
        [entry] = audit.search(restored, admin, action="restore").rows
        assert entry.username == "admin" and entry.changes["from"][1] == str(good)
    finally:
        restored.dispose()


def test_both_user_dialogs_check_the_password_pair_the_same_way(qtbot, db, admin):
    from app.core import auth
    from app.views.admin.users import AddUserDialog, ResetPasswordDialog

    setup.create_user(db, admin, username="rina", full_name="Rina", role="counter", password="awal12345")
    add = AddUserDialog(db, admin)
    reset = ResetPasswordDialog(db, admin, "rina")
    for dialog in (add, reset):
        qtbot.addWidget(dialog)
        assert dialog.password.echoMode() == dialog.password2.echoMode() == dialog.password.EchoMode.Password
        dialog.password.setText("baru-12345")
        dialog.password2.setText("baru-12346")
        assert not dialog.save()
        assert dialog.error_text("password2") == "The two passwords differ."  # tests run untranslated
        assert dialog.password2.property("error") is True
    assert [a.username for a in auth.list_users(db, admin)] == ["admin", "rina"]  # nothing added
    reset.password2.setText("baru-12345")
    assert reset.save() and reset.error_text("password2") == ""
    assert setup.authenticate(db, "rina", "baru-12345").must_change_password
