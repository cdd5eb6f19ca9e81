"""Views format dates and numbers through babel (app.core.formatting) in the chosen language."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from app.core import audit, backup
from app.core.backup import BackupFile
from app.views import i18n
from app.views.admin.backups import BackupsModel
from app.views.applicants.history import HistoryModel


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("id")


def _backup_file(tmp_path, size: int) -> BackupFile:
    at = datetime(2026, 11, 25, 17, 5, tzinfo=timezone.utc)
    path = tmp_path / backup.backup_name("daily", at)
    path.write_bytes(b"\0" * size)
    return BackupFile(path, at, "daily")


def test_backup_list_in_indonesian_and_in_english(qtmodeltester, tmp_path):
    model = BackupsModel([_backup_file(tmp_path, 1_572_864)])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "26/11/2026 00:05"  # WIB
    assert model.index(0, 2).data() == "1,5 MB"
    i18n.set_language("en")
    try:
        assert model.index(0, 2).data() == "1.5 MB"
    finally:
        i18n.set_language("id")


def test_history_dates_follow_the_language(db, actor, english):
    entry = audit.AuditRow(datetime(2026, 11, 25, 3, 0, tzinfo=timezone.utc), "petugas1", actor.office_code,
                           "update", "applicant", "x", {"birth_date": ["2001-03-17", "2001-03-18"]})
    model = HistoryModel([entry])
    assert model.index(0, 0).data() == "25/11/2026 10:00"
    assert (model.index(0, 4).data(), model.index(0, 5).data()) == ("17/03/2001", "18/03/2001")


def test_audit_count_uses_the_languages_thousands_separator(qtbot, db, actor, monkeypatch):
    from app.core.actor import Actor
    from app.views.admin.audit import AuditPage

    admin = Actor("admin1", actor.office_code, "admin")
    page = AuditPage(db, admin)
    qtbot.addWidget(page)
    monkeypatch.setattr(page.model, "search", lambda **k: 12_345)
    for lang, text in (("id", "12.345"), ("en", "12,345")):
        i18n.set_language(lang)
        try:
            assert page.search()
        finally:
            i18n.set_language("id")
        assert text in page.count_label.text()
