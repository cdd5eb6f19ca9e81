"""``pmi-desk docs status|expiring|print``, the demo documents and the printed checklist PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import cli, paths
from app.core import audit, demo, documents, registration, setup
from app.core.actor import Actor
from app.db import Database
from app.models import ApplicantDocument, AuditEntry, DocumentScan
from tests.conftest import applicant_input


@pytest.fixture
def live(tmp_path):
    """The database in the data dir (what the CLI opens), set up with one office."""
    db = Database.open()
    office = setup.ensure_office(db)
    yield db, Actor("petugas1", office.code, "counter", "Petugas Satu")
    db.dispose()


@pytest.fixture
def run(capsys):
    def _run(*args: str):
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return _run


def _applicant(db, actor):
    today = documents.ExpiryPolicy.of(db).today
    d = registration.register_applicant(db, applicant_input(preferred_countries=["JP"]), actor, today=today)
    documents.submit(db, actor, d.id, "medical", issued_on=today - timedelta(days=80))
    documents.submit(db, actor, d.id, "ktp", printed_name="Siti Nurhalisa")
    return d, today


def test_docs_status_by_number_or_id_as_json(live, run):
    db, actor = live
    d, today = _applicant(db, actor)
    code, out, _ = run("docs", "status", d.registration_number, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["registration_number"] == d.registration_number and data["country"] == "JP"
    items = {i["type_code"]: i for i in data["items"]}
    assert items["medical"]["status"] == "submitted"
    assert items["medical"]["expires_on"] == (today + timedelta(days=10)).isoformat()
    assert items["medical"]["flags"][0]["code"] == "document_expiring_soon"
    assert data["mismatches"][0]["code"] == "identity_name_mismatch"
    assert "KTP (Kartu Tanda Penduduk)" in data["missing_names"] or "ktp" in data["missing"]
    assert data["percent"] == 0.0
    code, out2, _ = run("docs", "status", str(d.id), "--json")
    assert code == 0 and json.loads(out2)["applicant_id"] == str(d.id)
    code, text, _ = run("docs", "status", d.registration_number)
    assert "Kelengkapan: 0/" in text and "kedaluwarsa dalam 10 hari" in text
    with db.session(write=False) as s:
        kinds = s.execute(sa.select(AuditEntry.changes).where(AuditEntry.action == "export")).scalars().all()
    assert sum("cli_docs_status" in k for k in kinds) == 3


def test_docs_status_of_an_unknown_applicant_exits_1(live, run):
    code, _, err = run("docs", "status", "SRG-0001-1999-000001", "--json")
    assert code == 1 and json.loads(err)["code"] == "applicant_not_found"


def test_docs_expiring_with_days_and_filters(live, run):
    db, actor = live
    d, today = _applicant(db, actor)
    code, out, _ = run("docs", "expiring", "--days", "30", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["days"] == 30 and data["total"] == 1
    row = data["rows"][0]
    assert (row["registration_number"], row["type_code"], row["days_left"]) == (d.registration_number, "medical", 10)
    assert json.loads(run("docs", "expiring", "--days", "5", "--json")[1])["total"] == 0
    assert json.loads(run("docs", "expiring", "--country", "KR", "--json")[1])["total"] == 0
    assert json.loads(run("docs", "expiring", "--kecamatan", "36.73.01", "--json")[1])["total"] == 1
    code, _, err = run("docs", "expiring", "--kecamatan", "99", "--json")
    assert code == 2 and json.loads(err)["errors"][0]["field"] == "kecamatan"
    with pytest.raises(SystemExit):
        run("docs", "expiring", "--days", "-3")


def test_docs_print_writes_a_pdf_and_audits_it(live, run, tmp_path):
    db, actor = live
    d, today = _applicant(db, actor)
    out = tmp_path / "cl.pdf"
    code, text, _ = run("docs", "print", d.registration_number, "--out", str(out), "--bring-by", "15/12/2026")
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    with db.session(write=False) as s:
        entries = audit.history(s, "applicant", d.id)
    assert entries[-1].action == "export" and entries[-1].changes["kind"] == [None, "checklist_pdf"]
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
        assert "DAFTAR PERIKSA DOKUMEN" in words and "PEMERINTAH KOTA SERANG" in words
        assert "15 Desember 2026" in words and d.registration_number in words
        assert "Siti Nurhaliza" in words and "Jepang" in words


def test_the_report_lines_say_what_to_bring_by_when(db, actor):
    from app.reports import checklist as report

    d, today = _applicant(db, actor)
    supervisor = Actor("penyelia", actor.office_code, "supervisor")
    documents.submit(db, actor, d.id, "skck", issued_on=today)
    documents.reject(db, supervisor, d.id, "skck", "Stempel tidak terbaca.")
    cl = documents.checklist(db, d.id, actor)
    by = today + timedelta(days=14)
    lines = {x.name: x for x in report.lines(cl, by)}
    ktp = lines["KTP (Kartu Tanda Penduduk)"]
    assert ktp.status == "Diserahkan" and "Perbaiki: Nama pada KTP" in ktp.todo and ktp.urgent
    skck = lines["SKCK (surat keterangan catatan kepolisian)"]
    assert skck.todo.startswith("Ditolak: Stempel tidak terbaca. Serahkan yang benar paling lambat")
    assert lines["Paspor"].todo.startswith("Bawa asli dan 1 fotokopi paling lambat")
    assert "kedaluwarsa dalam 10 hari" in lines["Surat keterangan sehat (medis dan psikologi)"].todo
    assert report.default_bring_by(today, None) == today + timedelta(days=14)
    assert report.default_bring_by(today, today + timedelta(days=35)) == today + timedelta(days=5)
    assert report.default_bring_by(today, today + timedelta(days=10)) == today + timedelta(days=3)


def test_demo_data_fills_documents_in_every_state_with_scans(db, actor):
    admin = Actor("admin", actor.office_code, "admin")
    result = demo.generate(db, admin, applicants=400, seed=7, today=date(2026, 11, 25))
    assert result["documents"] > 1000 and result["scans"] > 10
    today = date(2026, 11, 25)
    with db.session(write=False) as s:
        stored = set(s.execute(sa.select(ApplicantDocument.status).distinct()).scalars())
        scans = s.execute(sa.select(DocumentScan.sha256, DocumentScan.mime_type)).all()
        mismatched = s.execute(sa.select(sa.func.count()).select_from(ApplicantDocument).where(
            ApplicantDocument.printed_name.is_not(None))).scalar()
    assert stored == {"submitted", "verified", "rejected"}
    assert {m for _, m in scans} == {"image/png", "application/pdf"}
    for sha, _ in scans:
        assert documents.scan_path(sha).is_file()
    assert mismatched > 0
    ids = documents.completeness_many(db, today=today)
    assert len(ids) == 400 and max(ids.values()) > 50 and min(ids.values()) == 0.0
    page = documents.expiring(db, admin, days=90, today=today)
    assert page.total > 0 and {r.status for r in page.rows} >= {"expired", "verified"}
    # the first scans are readable as what they claim to be
    png = next(sha for sha, m in scans if m == "image/png")
    assert documents.check_scan_file(documents.scan_path(png)).mime_type == "image/png"
    pdf = next(sha for sha, m in scans if m == "application/pdf")
    assert documents.check_scan_file(documents.scan_path(pdf)).page_count in (1, 2)
    assert Path(paths.data_dir() / "scans").is_dir()
