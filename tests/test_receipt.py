"""Registration receipt: the data (hash, QR payload, documents to bring, office contact), the audit
of the print, the permission, the PDF text, the CLI."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from app import cli
from app.core import documents, office_settings, personal_data, receipt, registration, setup
from app.core.actor import Actor
from app.core.errors import NotFound
from app.core.permissions import PermissionDenied
from app.db import Database
from app.models import AuditEntry
from app.reports import receipt as receipt_pdf
from tests.conftest import applicant_input


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def _admin(db) -> Actor:
    return Actor("admin1", setup.ensure_office(db).code, "admin", "Admin Satu")


def test_verification_hash_is_the_documented_sha256_prefix():
    from datetime import date

    expected = hashlib.sha256(b"SRG-0001-2026-000001|3673015703010001|2026-11-25").hexdigest()[:12]
    assert receipt.verification_hash("SRG-0001-2026-000001", "3673015703010001", date(2026, 11, 25)) == expected
    assert receipt.qr_payload("SRG-0001-2026-000001", expected) == f"PMI-DESK|SRG-0001-2026-000001|{expected}"


def test_receipt_data_lists_missing_required_documents_and_is_audited(db, actor):
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    office_settings.set_values(db, _admin(db), {"office.address": "Jl. Jenderal Sudirman No. 5, Serang",
                                                "office.phone": "0254-200000"})
    r = receipt.receipt_data(db, actor, detail.registration_number)
    assert r.registration_number == detail.registration_number and r.full_name == "Siti Nurhaliza"
    assert r.verification_hash == receipt.verification_hash(detail.registration_number, "3673015703010001",
                                                            r.registered_on)
    checklist = documents.checklist(db, detail.id, actor)
    required_missing = [i.type_code for i in checklist.items if i.requirement == "required" and i.status == "missing"]
    assert required_missing and [b.type_code for b in r.to_bring] == required_missing
    assert r.office_contact == "Jl. Jenderal Sudirman No. 5, Serang · Telp. 0254-200000"
    # a document submitted is no longer "to bring"
    first = required_missing[0]
    documents.submit(db, actor, detail.id, first)
    again = receipt.receipt_data(db, actor, str(detail.id))  # by id too
    assert first not in [b.type_code for b in again.to_bring]
    with db.session(write=False) as s:
        rows = s.execute(sa.select(AuditEntry.username, AuditEntry.entity_id, AuditEntry.changes)
                         .where(AuditEntry.action == "export")).all()
    assert len(rows) == 2 and rows[0][0] == "petugas1" and rows[0][1] == str(detail.id)
    assert json.loads(rows[0][2])["kind"] == [None, "receipt"]


def test_receipt_refusals(db, actor):
    with pytest.raises(NotFound):
        receipt.receipt_data(db, actor, "SRG-0001-2026-999999")
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    with pytest.raises(PermissionDenied):
        receipt.receipt_data(db, Actor("guru1", actor.office_code, "trainer"), detail.registration_number)


def test_receipt_pdf_holds_number_name_documents_and_a_long_name_fits(db, actor, tmp_path):
    long_name = "Nyimas Ratu Ayu Kusumawardhani Purnamasari Setyaningrum Wulandari Hadiningrat"
    detail = registration.register_applicant(db, applicant_input(full_name=long_name), actor, confirm_warnings=True)
    path = receipt_pdf.print_receipt(db, actor, detail.registration_number, tmp_path / "r.pdf")
    data = path.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.width)) == 420  # A5 portrait
    text = _text(data)
    r = receipt.receipt_data(db, actor, detail.registration_number)
    assert detail.registration_number in text and r.verification_hash in text
    assert "Ratu Ayu" in text and "Hadiningrat" in text  # wrapped, not cut off
    assert r.to_bring[0].name in text and "Yang perlu dibawa" in text


def test_receipt_of_an_anonymised_applicant_builds(db, actor, tmp_path):
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    personal_data.anonymise_applicant(db, _admin(db), detail.id, "permintaan")
    path = receipt_pdf.print_receipt(db, actor, detail.registration_number, tmp_path / "r.pdf")
    assert detail.registration_number in _text(path.read_bytes())


def test_cli_receipt(tmp_path, capsys):
    db = Database.open()
    office = setup.ensure_office(db)
    detail = registration.register_applicant(db, applicant_input(), Actor("petugas1", office.code, "counter"),
                                             confirm_warnings=True)
    db.dispose()
    out = tmp_path / "receipt.pdf"
    assert cli.main(["receipt", detail.registration_number, "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"pdf": str(out)}
    assert detail.registration_number in _text(out.read_bytes())
    assert cli.main(["receipt", "SRG-0001-2026-999999", "--out", str(out)]) == cli.EXIT_ERROR


def test_verify_a_scanned_qr_text(db, actor):
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    r = receipt.receipt_data(db, actor, detail.registration_number)
    assert receipt.verify(db, actor, r.qr_payload)
    forged = r.qr_payload[:-1] + ("0" if r.qr_payload[-1] != "0" else "1")
    assert not receipt.verify(db, actor, forged)
    assert not receipt.verify(db, actor, "PMI-DESK|SRG-0001-2026-999999|" + r.verification_hash)
    assert not receipt.verify(db, actor, "rubbish") and not receipt.verify(db, actor, "")
    personal_data.anonymise_applicant(db, _admin(db), detail.id, "permintaan")
    assert not receipt.verify(db, actor, r.qr_payload)  # the NIK changed: old receipts no longer verify
