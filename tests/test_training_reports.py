"""The training printables: attendance sheet of a meeting and of a month, batch recap,
certificate; embedded DejaVu font, Indonesian text, audited export, the same role limits."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date

import pytest
import sqlalchemy as sa

from app import cli
from app.core import training
from app.core.errors import NotFound, UserError
from app.core.permissions import PermissionDenied
from app.models import AuditEntry
from app.reports import common
from app.reports import training as reports
from tests.training_helpers import add_user, batch_input, register

TODAY = date(2026, 4, 30)


def _text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def batch(db, actor):
    sup = add_user(db, "penyelia1", "supervisor", "Penyelia Satu")
    guru = add_user(db, "guru1", "trainer", "Guru Satu")
    add_user(db, "guru2", "trainer", "Guru Dua")
    ids = register(db, actor, 3)
    b = training.create_batch(db, sup, batch_input())
    training.enrol(db, sup, b.id, ids, today=date(2026, 2, 1))
    sessions = training.list_sessions(db, sup, b.id)
    marks = {ids[0]: "H" * 12, ids[1]: "HHHHHHHHHAAA", ids[2]: "HSHIHHHHHHHH"}
    training.set_marks(db, guru, b.id, [training.MarkChange(sessions[j].id, aid, m)
                                        for aid, row in marks.items() for j, m in enumerate(row)], today=TODAY)
    training.record_score(db, guru, b.id, ids[0], kind="final", title="Ujian akhir", test_date=date(2026, 4, 28),
                          score=88, today=TODAY)
    training.complete(db, sup, b.id, ids[0], "graduated", today=TODAY)
    return {"sup": sup, "guru": guru, "ids": ids, "batch": b, "sessions": sessions}


def test_font_with_diacritics_is_embedded():
    assert common.register_fonts() == "DejaVu Sans"


def test_session_sheet(db, batch, tmp_path):
    out = reports.print_pdf(db, batch["guru"], "sheet", "JP-2026-01", tmp_path / "s.pdf",
                            session_day=batch["sessions"][0].day, today=TODAY)
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF") and b"DejaVuSans" in raw
    text = _text(out)
    assert "DAFTAR HADIR PESERTA PELATIHAN BAHASA" in text and "DINAS TENAGA KERJA DAN TRANSMIGRASI" in text
    assert "Pertemuan ke-1 · Senin, 2 Februari 2026" in text
    assert "Siti Nurhaliza A" in text and "Guru Satu" in text and "Halaman 1" in text
    with db.session(write=False) as s:
        username, raw_changes = s.execute(sa.select(AuditEntry.username, AuditEntry.changes)
                                          .where(AuditEntry.action == "export")).one()
    changes = json.loads(raw_changes)
    assert username == "guru1" and changes["kind"][1] == "daftar_hadir_pertemuan" and changes["records"][1] == 3


def test_month_sheet_recap_and_certificate(db, batch, tmp_path):
    month = reports.print_pdf(db, batch["sup"], "sheet", "JP-2026-01", tmp_path / "m.pdf", month="2026-02", today=TODAY)
    text = _text(month)
    assert "Bulan Februari 2026" in text and "Kolom kosong" in text
    recap = reports.print_pdf(db, batch["sup"], "recap", "JP-2026-01", tmp_path / "r.pdf", today=TODAY)
    text = _text(recap)
    assert "REKAPITULASI PELATIHAN BAHASA" in text and "Lulus" in text and "BERISIKO" in text
    assert "75 %" in text  # 9 of 12 present
    regno = training.batch_attendance(db, batch["batch"].id, batch["sup"]).candidates
    graduate = next(c for c in regno if c.result == "graduated")
    cert = reports.print_pdf(db, batch["sup"], "certificate", "JP-2026-01", tmp_path / "c.pdf",
                             registration_number=graduate.registration_number, today=TODAY)
    text = _text(cert)
    assert "SERTIFIKAT" in text and graduate.full_name in text and "LULUS" in text
    assert "nilai ujian akhir 88" in " ".join(text.split())
    other = next(c for c in regno if c.result == "active")
    with pytest.raises(UserError) as err:
        reports.print_pdf(db, batch["sup"], "certificate", "JP-2026-01", tmp_path / "x.pdf",
                          registration_number=other.registration_number, today=TODAY)
    assert err.value.code == "certificate_not_graduated"


def test_print_refusals(db, batch, tmp_path):
    other = add_user(db, "guru3", "trainer")
    with pytest.raises(UserError) as err:
        reports.print_pdf(db, other, "recap", "JP-2026-01", tmp_path / "r.pdf", today=TODAY)
    assert err.value.code == "batch_not_assigned"
    with pytest.raises(PermissionDenied):
        reports.print_pdf(db, add_user(db, "loket2", "counter"), "recap", "JP-2026-01", tmp_path / "r.pdf")
    with pytest.raises(NotFound):
        reports.print_pdf(db, batch["sup"], "sheet", "JP-2026-01", tmp_path / "r.pdf", session_day="2026-02-07")
    with pytest.raises(UserError) as err:
        reports.print_pdf(db, batch["sup"], "sheet", "JP-2026-01", tmp_path / "r.pdf", month="2026-09")
    assert err.value.code == "sheet_month_empty"
    assert not (tmp_path / "r.pdf").exists()


def test_cli_print(db, batch, tmp_path, capsys, monkeypatch):
    from app import paths

    monkeypatch.setenv("PMI_DESK_DB_URL", str(db.engine.url))
    out = tmp_path / "rekap.pdf"
    assert cli.main(["training", "print", "recap", "JP-2026-01", "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pdf"] == str(out) and out.read_bytes().startswith(b"%PDF")
    assert paths.database_url() == str(db.engine.url)


def test_cli_print_to_a_missing_folder_is_a_clear_error(db, batch, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PMI_DESK_DB_URL", str(db.engine.url))
    out = tmp_path / "tidak-ada" / "rekap.pdf"
    assert cli.main(["training", "print", "recap", "JP-2026-01", "--out", str(out), "--json"]) == cli.EXIT_ERROR
    err = json.loads(capsys.readouterr().err)
    assert "tidak dapat ditulis" in err["message"] and "Traceback" not in err["message"]
