"""Document checklists (issue 3): templates, derivation, status changes and roles, expiry, passport
validity, completeness, identity mismatches, scans (good and bad files), audit, the departing guard,
the expiring-soon list and the administration of types and rules. Real SQLite, fresh per test."""

from __future__ import annotations

import csv
import os
import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from app import paths
from app.core import audit, documents, office_settings, pipeline, registration
from app.core.demo_documents import tiny_pdf, tiny_png
from app.core.errors import ConcurrentEdit, NotFound, UserError, ValidationError
from app.core.permissions import PermissionDenied
from app.models import Applicant, ApplicantDocument, AuditEntry, DocumentScan
from tests.conftest import TODAY, applicant_input

T = TODAY


@pytest.fixture
def supervisor(actor):
    return replace(actor, username="penyelia1", role="supervisor", full_name="Penyelia Satu")


@pytest.fixture
def admin(actor):
    return replace(actor, username="admin1", role="admin", full_name="Admin")


def _register(db, actor, **overrides):
    return registration.register_applicant(db, applicant_input(**overrides), actor, today=T,
                                           confirm_warnings=True)


def _second(db, actor, **overrides):
    values = dict(nik="3673014506990002", full_name="Ahmad Fauzi", sex="L", birth_date="1999-06-05",
                  phone="0813-1111-2222", email=None)
    values.update(overrides)
    return _register(db, actor, **values)


def _fill_all(db, actor, supervisor, applicant_id, *, expires_in=400, today=T):
    """Submit and verify every required item, documents that expire valid for ``expires_in`` days."""
    cl = documents.checklist(db, applicant_id, actor, today=today)
    for item in cl.items:
        if item.requirement != "required":
            continue
        kwargs = {"number": f"N-{item.type_code}"}
        if item.expires:
            days = max(expires_in, 800) if item.type_code == documents.PASSPORT else expires_in
            kwargs |= {"issued_on": today - timedelta(days=10), "expires_on": today + timedelta(days=days)}
        documents.submit(db, actor, applicant_id, item.type_code, today=today, **kwargs)
        documents.verify(db, supervisor, applicant_id, item.type_code, today=today)
    return documents.checklist(db, applicant_id, actor, today=today)


# --- templates and derivation -------------------------------------------------------------------

def test_types_and_rules_are_seeded_from_the_resources(db, actor):
    with open(paths.resources_dir() / "document_types.csv", encoding="utf-8") as f:
        shipped = [r["code"] for r in csv.DictReader(f)]
    types = documents.document_types(db, actor)
    assert [t.code for t in types] == shipped  # in sort order
    passport = next(t for t in types if t.code == "paspor")
    assert passport.expires and passport.identity_bearing
    medical = next(t for t in types if t.code == "medical")
    assert medical.expires and medical.validity_days == 90
    with open(paths.resources_dir() / "checklist_templates.csv", encoding="utf-8") as f:
        assert len(documents.list_rules(db, actor)) == sum(1 for _ in csv.DictReader(f))


def test_the_checklist_follows_the_first_preferred_country_and_sector(db, actor):
    base = _register(db, actor)
    japan = _second(db, actor, preferred_countries=["JP", "KR"], preferred_sectors=["caregiving"])
    plantation = _register(db, actor, nik="3673014506990003", full_name="Budi Santoso", sex="L",
                           birth_date="1999-06-05", phone="0813-9999-0000", email=None,
                           preferred_countries=["MY"], preferred_sectors=["plantation", "nursing"])
    b = documents.checklist(db, base.id, actor, today=T)
    assert (b.country, b.sector) == (None, None)
    assert b.item("sertifikat_bahasa").requirement == "optional"
    assert b.item("ktp").requirement == "required" and b.item("paspor").requirement == "required"
    j = documents.checklist(db, japan.id, actor, today=T)
    assert (j.country, j.sector) == ("JP", "caregiving")
    assert j.item("sertifikat_bahasa").requirement == "required"  # JP,*
    assert j.item("sertifikat_kompetensi").requirement == "required"
    p = documents.checklist(db, plantation.id, actor, today=T)
    codes = [i.type_code for i in p.items]
    assert "sertifikat_bahasa" not in codes and "sertifikat_kompetensi" not in codes  # MY,plantation: not needed
    assert p.required_count == b.required_count and p.percent == 0.0
    assert p.missing == [i.type_code for i in p.items if i.requirement == "required"]


def test_the_most_specific_rule_wins(db, actor, admin):
    d = _second(db, actor, preferred_countries=["DE"], preferred_sectors=["nursing"])
    documents.save_rule(db, admin, country="*", sector="nursing", type_code="e_pmi", requirement="required")
    documents.save_rule(db, admin, country="DE", sector="*", type_code="e_pmi", requirement="not_needed")
    cl = documents.checklist(db, d.id, actor, today=T)
    assert "e_pmi" not in [i.type_code for i in cl.items]  # country over sector
    documents.save_rule(db, admin, country="DE", sector="nursing", type_code="e_pmi", requirement="optional")
    assert documents.checklist(db, d.id, actor, today=T).item("e_pmi").requirement == "optional"
    documents.delete_rule(db, admin, country="DE", sector="nursing", type_code="e_pmi")
    documents.delete_rule(db, admin, country="DE", sector="*", type_code="e_pmi")
    assert documents.checklist(db, d.id, actor, today=T).item("e_pmi").requirement == "required"
    with pytest.raises(UserError) as err:
        documents.delete_rule(db, admin, country="*", sector="*", type_code="ktp")
    assert err.value.code == "rule_base_kept"
    with pytest.raises(PermissionDenied):
        documents.save_rule(db, actor, country="*", sector="*", type_code="ktp", requirement="optional")


def test_a_target_and_a_job_order_override_the_preferences(db, actor):
    d = _second(db, actor, preferred_countries=["MY"], preferred_sectors=["plantation"])
    order = "5f0c1d1e-8d3c-4b8e-9a57-3f8b7c2e1a10"
    cl = documents.set_target(db, actor, d.id, country="KR", sector="manufacturing",
                              planned_departure=T + timedelta(days=60), job_order_id=order,
                              extra_type_codes=["e_pmi"], today=T)
    assert (cl.country, cl.sector, cl.planned_departure) == ("KR", "manufacturing", T + timedelta(days=60))
    assert str(cl.job_order_id) == order and cl.target_set
    assert cl.item("sertifikat_bahasa").requirement == "required"  # KR
    assert cl.item("e_pmi").requirement == "required"  # added by the job order
    with pytest.raises(ValidationError) as err:
        documents.set_target(db, actor, d.id, country="XX", planned_departure=T - timedelta(days=1),
                             extra_type_codes=["nope"], today=T)
    assert {e.code for e in err.value.errors} == {"invalid_choice", "departure_in_past"}
    with pytest.raises(ConcurrentEdit):
        documents.set_target(db, actor, d.id, country="JP", expected_version=99, today=T)
    back = documents.set_target(db, actor, d.id, expected_version=cl.version, today=T)
    assert (back.country, back.sector, back.target_set) == ("MY", "plantation", False)
    entries = audit.history(_session := db.session(write=False).__enter__(), "applicant_checklist", d.id)
    _session.close()
    assert entries[0].changes["target_country"] == [None, "KR"]
    assert entries[-1].changes["target_country"] == ["KR", None]


# --- status changes and roles ----------------------------------------------------------------

def test_submit_verify_reject_with_role_enforcement(db, actor, supervisor):
    d = _register(db, actor)
    cl = documents.submit(db, actor, d.id, "ktp", number="3673015703010001", printed_name="Siti Nurhaliza",
                          printed_birth_date="17/03/2001", printed_nik="3673015703010001", today=T)
    item = cl.item("ktp")
    assert (item.status, item.number, item.printed_birth_date) == ("submitted", "3673015703010001", date(2001, 3, 17))
    assert cl.percent == 0.0 and "ktp" in cl.missing
    with pytest.raises(PermissionDenied) as err:  # counter staff may take documents in, not verify
        documents.verify(db, actor, d.id, "ktp", today=T)
    assert "memverifikasi dokumen" in err.value.message
    with pytest.raises(PermissionDenied):
        documents.reject(db, actor, d.id, "ktp", "buram", today=T)
    trainer = replace(actor, role="trainer")
    with pytest.raises(PermissionDenied):
        documents.submit(db, trainer, d.id, "kk", today=T)
    cl = documents.verify(db, supervisor, d.id, "ktp", expected_version=item.version, today=T)
    item = cl.item("ktp")
    assert (item.status, item.verified_by) == ("verified", "penyelia1") and item.verified_at is not None
    assert cl.verified_count == 1 and cl.percent == round(100 / cl.required_count, 1)
    assert "ktp" not in cl.missing
    with pytest.raises(ValidationError) as err:
        documents.reject(db, supervisor, d.id, "ktp", "   ", today=T)
    assert err.value.errors[0].code == "reason_required"
    cl = documents.reject(db, supervisor, d.id, "ktp", "Foto KTP tidak jelas", today=T)
    item = cl.item("ktp")
    assert (item.status, item.reject_reason, item.verified_by) == ("rejected", "Foto KTP tidak jelas", None)
    assert cl.percent == 0.0
    with pytest.raises(UserError) as err:
        documents.verify(db, supervisor, d.id, "ktp", today=T)  # rejected: must be submitted again
    assert err.value.code == "document_not_submitted"
    cl = documents.submit(db, actor, d.id, "ktp", number="3673015703010001", note="KTP baru", today=T)
    assert cl.item("ktp").status == "submitted" and cl.item("ktp").reject_reason is None


def test_changing_a_verified_document_takes_the_verification_back(db, actor, supervisor):
    d = _register(db, actor)
    documents.submit(db, actor, d.id, "kk", number="3673010101010001", today=T)
    cl = documents.verify(db, supervisor, d.id, "kk", today=T)
    same = documents.submit(db, actor, d.id, "kk", number="3673010101010001", today=T)
    assert same.item("kk").status == "verified"  # nothing changed: nothing to check again
    cl = documents.submit(db, actor, d.id, "kk", number="3673010101019999", today=T)
    assert cl.item("kk").status == "submitted" and cl.item("kk").verified_by is None
    with pytest.raises(ConcurrentEdit):
        documents.verify(db, supervisor, d.id, "kk", expected_version=1, today=T)


def test_bad_input_is_refused_per_field(db, actor, supervisor):
    d = _register(db, actor)
    with pytest.raises(ValidationError) as err:
        documents.submit(db, actor, d.id, "paspor", printed_nik="12345", issued_on=T + timedelta(days=2),
                         printed_birth_date="31/02/2001", today=T)
    assert {(e.field, e.code) for e in err.value.errors} == {
        ("printed_nik", "nik_format"), ("issued_on", "document_issued_future"),
        ("printed_birth_date", "invalid_date"), ("expires_on", "document_expiry_required")}
    with pytest.raises(ValidationError) as err:
        documents.submit(db, actor, d.id, "visa_kerja", issued_on=T, expires_on=T - timedelta(days=1), today=T)
    assert err.value.errors[0].code == "document_expiry_before_issue"
    with pytest.raises(ValidationError):
        documents.submit(db, actor, d.id, "no_such_type", today=T)
    with pytest.raises(ValidationError) as err:
        documents.submit(db, actor, d.id, "ktp", colour="red", today=T)
    assert err.value.errors[0].code == "unknown_field"
    with pytest.raises(UserError) as err:
        documents.verify(db, supervisor, d.id, "kk", today=T)
    assert err.value.code == "document_not_submitted" and "Kartu Keluarga" in err.value.message
    with pytest.raises(NotFound):
        documents.checklist(db, "00000000-0000-4000-8000-000000000000", actor, today=T)


# --- expiry ----------------------------------------------------------------------------------

def test_expiry_is_derived_from_the_dates(db, actor, supervisor):
    d = _register(db, actor)
    cl = documents.submit(db, actor, d.id, "medical", issued_on=T - timedelta(days=100), today=T)
    item = cl.item("medical")
    assert item.expires_on == T - timedelta(days=10)  # issue date + 90 days of validity
    assert item.status == "expired" and item.stored_status == "submitted"
    assert item.flags[0].code == "document_expired"
    with pytest.raises(UserError) as err:
        documents.verify(db, supervisor, d.id, "medical", today=T)
    assert err.value.code == "document_expired_cannot_verify"
    documents.submit(db, actor, d.id, "medical", issued_on=T - timedelta(days=5), today=T)
    cl = documents.verify(db, supervisor, d.id, "medical", today=T)
    assert cl.item("medical").status == "verified"
    assert cl.item("medical").flags[0].code == "document_expiring_soon"  # 85 days left, window 90
    assert cl.item("medical").flags[0].params["days"] == 85
    later = documents.checklist(db, d.id, actor, today=T + timedelta(days=86))
    assert later.item("medical").status == "expired" and "medical" in later.missing


def test_the_window_and_the_planned_departure_flag_expiring_documents(db, actor, admin):
    d = _register(db, actor)
    documents.submit(db, actor, d.id, "skck", issued_on=T - timedelta(days=30), today=T)  # until T+150
    cl = documents.checklist(db, d.id, actor, today=T)
    assert cl.item("skck").flags == []
    office_settings.set_value(db, admin, "documents.expiry_window_days", 200)
    assert documents.checklist(db, d.id, actor, today=T).item("skck").flags[0].code == "document_expiring_soon"
    office_settings.set_value(db, admin, "documents.expiry_window_days", 90)
    cl = documents.set_target(db, actor, d.id, planned_departure=T + timedelta(days=160), today=T)
    flag = cl.item("skck").flags[0]
    assert flag.code == "document_expires_before_departure"
    assert "sebelum rencana berangkat" in flag.message and flag.params["departure"] == (
        T + timedelta(days=160)).strftime("%d/%m/%Y")
    assert cl.flags == [flag]


def test_a_passport_needs_its_remaining_validity(db, actor, admin):
    d = _register(db, actor)
    cl = documents.submit(db, actor, d.id, "paspor", issued_on=T - timedelta(days=1500),
                          expires_on=T + timedelta(days=400), today=T)  # about 13 months left
    flag = cl.item("paspor").flags[0]
    assert flag.code == "passport_validity_short" and flag.params["months"] == 18
    assert "18 bulan" in flag.message
    office_settings.set_value(db, admin, "documents.passport_months", 12)
    assert documents.checklist(db, d.id, actor, today=T).item("paspor").flags == []
    documents.set_target(db, actor, d.id, planned_departure=T + timedelta(days=100), today=T)
    cl = documents.checklist(db, d.id, actor, today=T)
    assert cl.item("paspor").flags[0].code == "passport_validity_short"  # counted from the departure


# --- identity consistency --------------------------------------------------------------------

def test_identity_documents_are_compared_with_the_registration(db, actor):
    d = _register(db, actor)  # Siti Nurhaliza, 17/03/2001, 3673015703010001
    documents.submit(db, actor, d.id, "ktp", printed_name="SITI NURHALIZA", printed_birth_date="2001-03-17",
                     printed_nik="3673015703010001", today=T)
    documents.submit(db, actor, d.id, "ijazah", printed_name="Siti Nur Haliza", printed_birth_date="2001-03-18",
                     today=T)
    cl = documents.submit(db, actor, d.id, "kk", printed_name="Siti Nurhaliza", printed_nik="3673015703010002",
                          today=T)
    assert cl.item("ktp").mismatches == []  # the same name in capitals is the same name
    codes = {(m.field, m.code) for m in cl.mismatches}
    assert codes == {("ijazah", "identity_name_mismatch"), ("ijazah", "identity_birth_mismatch"),
                     ("kk", "identity_nik_mismatch")}
    name = next(m for m in cl.mismatches if m.code == "identity_name_mismatch")
    assert name.message == ("Nama pada Ijazah pendidikan terakhir “Siti Nur Haliza” berbeda dengan data "
                            "pendaftaran “Siti Nurhaliza”.")
    # pas foto is not identity-bearing: what is printed there is not compared
    cl = documents.submit(db, actor, d.id, "pas_foto", printed_name="Orang Lain", today=T)
    assert cl.item("pas_foto").mismatches == []


# --- completeness ----------------------------------------------------------------------------

def test_completeness_many_agrees_with_each_checklist(db, actor, supervisor):
    a = _register(db, actor)
    b = _second(db, actor, preferred_countries=["JP"], preferred_sectors=["nursing"])
    c = _register(db, actor, nik="3673014506990003", full_name="Budi Santoso", sex="L", birth_date="1999-06-05",
                  phone="0813-9999-0000", email=None)
    for code in ("ktp", "kk", "ijazah"):
        documents.submit(db, actor, a.id, code, today=T)
        documents.verify(db, supervisor, a.id, code, today=T)
    documents.submit(db, actor, b.id, "ktp", today=T)
    documents.verify(db, supervisor, b.id, "ktp", today=T)
    documents.submit(db, actor, b.id, "sertifikat_bahasa", today=T)  # required for Japan
    documents.verify(db, supervisor, b.id, "sertifikat_bahasa", today=T)
    documents.submit(db, actor, b.id, "e_pmi", today=T)  # optional: does not count
    documents.verify(db, supervisor, b.id, "e_pmi", today=T)
    documents.submit(db, actor, c.id, "medical", issued_on=T - timedelta(days=80), today=T)
    documents.verify(db, supervisor, c.id, "medical", today=T)
    documents.set_target(db, actor, c.id, country="KR", extra_type_codes=["e_pmi"], today=T)  # 2 more required
    got = documents.completeness_many(db, today=T)
    assert set(got) == {a.id, b.id, c.id}
    for x in (a, b, c):
        assert got[x.id] == documents.checklist(db, x.id, actor, today=T).percent
    assert got[a.id] > got[b.id] > 0 and got[c.id] > 0
    assert documents.completeness_many(db, [b.id], today=T) == {b.id: got[b.id]}
    later = documents.completeness_many(db, today=T + timedelta(days=20))  # the medical has expired
    assert later[c.id] == 0.0 and later[a.id] == got[a.id]
    with db.reading() as conn:  # a connection works too (matching reads arrays, ids as stored)
        ids, percent = documents.completeness_arrays(conn, today=T)
    assert {uuid.UUID(str(i)): p for i, p in zip(ids, percent.tolist())} == got  # hex text or uuid
    assert documents.completeness_many(db, [], today=T) == {}


# --- scans -----------------------------------------------------------------------------------

def test_a_scan_is_copied_under_its_hash_and_removed_with_an_audit_entry(db, actor, tmp_path):
    d = _register(db, actor)
    source = tmp_path / "ktp siti.png"
    data = tiny_png()
    source.write_bytes(data)
    cl = documents.attach_scan(db, actor, d.id, "ktp", source, today=T)
    item = cl.item("ktp")
    assert item.status == "submitted" and len(item.scans) == 1
    scan = item.scans[0]
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    assert (scan.sha256, scan.mime_type, scan.size_bytes, scan.original_name) == (sha, "image/png", len(data),
                                                                                 "ktp siti.png")
    stored = paths.data_dir() / "scans" / sha[:2] / sha
    assert stored.read_bytes() == data and scan.path == stored
    source.unlink()  # the original may go: the office keeps its own copy
    assert documents.scan_file(db, actor, scan.id) == stored
    pdf = tmp_path / "ktp.pdf"
    pdf.write_bytes(tiny_pdf("KTP", pages=3))
    cl = documents.attach_scan(db, actor, d.id, "ktp", pdf, today=T)
    assert [s.page_count for s in cl.item("ktp").scans] == [None, 3]
    cl = documents.remove_scan(db, actor, scan.id, today=T)
    assert [s.mime_type for s in cl.item("ktp").scans] == ["application/pdf"]
    assert stored.exists()  # kept for the audit trail and backups
    with db.session(write=False) as s:
        row = s.get(DocumentScan, scan.id)
        assert row.removed_by == "petugas1" and row.removed_at is not None
        entries = audit.history(s, "document_scan", scan.id)
    assert [e.action for e in entries] == ["create", "delete"]
    assert entries[1].changes["original_name"] == ["ktp siti.png", None]
    with pytest.raises(NotFound):
        documents.remove_scan(db, actor, scan.id, today=T)


def test_a_scan_of_a_rejected_document_submits_it_again(db, actor, supervisor, tmp_path):
    d = _register(db, actor)
    documents.submit(db, actor, d.id, "kk", today=T)
    documents.reject(db, supervisor, d.id, "kk", "Tidak terbaca", today=T)
    f = tmp_path / "kk.jpg"
    f.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 100 + b"\xff\xd9")
    cl = documents.attach_scan(db, actor, d.id, "kk", f, today=T)
    assert cl.item("kk").status == "submitted" and cl.item("kk").scans[0].mime_type == "image/jpeg"


@pytest.mark.parametrize("name, make, code, words", [
    ("besar.pdf", lambda p: (p.write_bytes(b"%PDF-1.4\n"), os.truncate(p, 200 * 1024 * 1024)), "scan_too_large",
     ["200,0 MB", "20 MB"]),
    ("pas.jpg", lambda p: (p.write_bytes(b"\xff\xd8\xff\xe0"), os.truncate(p, 20 * 1024 * 1024 + 1)), "scan_too_large",
     ["20,0 MB"]),
    ("setup.exe", lambda p: p.write_bytes(b"MZ\x90\x00" + b"\x00" * 200), "scan_program", ["program"]),
    ("ktp.pdf", lambda p: p.write_bytes(b"MZ\x90\x00" + b"\x00" * 200), "scan_program", ["ktp.pdf"]),
    ("catatan.txt", lambda p: p.write_text("bukan pindaian"), "scan_type", ["tidak dikenal"]),
    ("foto.gif", lambda p: p.write_bytes(b"GIF89a" + b"\x00" * 50), "scan_type", ["image/gif"]),
    ("kosong.png", lambda p: p.write_bytes(b""), "scan_empty", ["kosong"]),
])
def test_bad_files_are_refused_with_a_clear_message(db, actor, tmp_path, name, make, code, words):
    d = _register(db, actor)
    path = tmp_path / name
    make(path)
    with pytest.raises(ValidationError) as err:
        documents.attach_scan(db, actor, d.id, "ktp", path, today=T)
    e = err.value.errors[0]
    assert (e.field, e.code) == ("file", code)
    for w in words:
        assert w in e.message
    assert name in e.message or code != "scan_program"
    assert documents.checklist(db, d.id, actor, today=T).item("ktp").status == "missing"  # nothing kept
    assert not (paths.data_dir() / "scans").exists() or not any((paths.data_dir() / "scans").rglob("*"))


def test_a_missing_file_is_a_field_error(db, actor, tmp_path):
    d = _register(db, actor)
    with pytest.raises(ValidationError) as err:
        documents.attach_scan(db, actor, d.id, "ktp", tmp_path / "nope.png", today=T)
    assert err.value.errors[0].code == "file_unreadable"


# --- audit ----------------------------------------------------------------------------------

def test_every_change_is_audited(db, actor, supervisor):
    d = _register(db, actor)
    cl = documents.submit(db, actor, d.id, "skck", number="SKCK/1", issued_on=T - timedelta(days=3), today=T)
    doc_id = cl.item("skck").document_id
    documents.verify(db, supervisor, d.id, "skck", today=T)
    documents.reject(db, supervisor, d.id, "skck", "Palsu", today=T)
    with db.session(write=False) as s:
        entries = audit.history(s, "document", doc_id)
    assert [(e.username, e.action) for e in entries] == [("petugas1", "create"), ("penyelia1", "update"),
                                                         ("penyelia1", "update")]
    assert entries[0].changes["number"] == [None, "SKCK/1"]
    assert entries[1].changes["status"] == ["submitted", "verified"]
    assert entries[2].changes["reject_reason"] == [None, "Palsu"]


def test_an_anonymised_applicant_is_read_only(db, actor, supervisor, admin):
    from app.core import personal_data

    d = _register(db, actor)
    personal_data.anonymise_applicant(db, admin, d.id, "menarik persetujuan")
    with pytest.raises(UserError) as err:
        documents.submit(db, actor, d.id, "ktp", today=T)
    assert err.value.code == "anonymised_read_only"


# --- the pipeline -----------------------------------------------------------------------------

def test_departing_needs_every_required_document_verified_and_valid(db, actor, supervisor, monkeypatch):
    d = _register(db, actor)
    monkeypatch.setitem(pipeline.GUARDS, "ready", [])  # this test is about `departing`
    for status in ("documents", "training", "ready", "proposed", "selected"):
        registration.set_status(db, d.id, status, actor)
    with pytest.raises(pipeline.TransitionBlocked) as err:
        registration.set_status(db, d.id, "departing", actor)
    reasons = err.value.reasons
    required = documents.checklist(db, d.id, actor, today=T).required_count
    assert len(reasons) == required and {r.code for r in reasons} == {"document_not_verified"}
    assert "KTP (Kartu Tanda Penduduk) belum terverifikasi (status: belum ada)." in err.value.message
    today = documents.ExpiryPolicy.of(db).today
    _fill_all(db, actor, supervisor, d.id, expires_in=30, today=today)  # medical etc. expire in 30 days
    with pytest.raises(pipeline.TransitionBlocked) as err:
        registration.set_status(db, d.id, "departing", actor)
    assert {r.code for r in err.value.reasons} == {"document_expiring_soon"}
    _fill_all(db, actor, supervisor, d.id, expires_in=400, today=today)
    assert registration.set_status(db, d.id, "departing", actor).status == "departing"


def test_readiness_needs_the_early_documents_held(db, actor):
    d = _register(db, actor)
    with db.session(write=False) as s:
        before = documents.readiness_blockers(s, s.get(Applicant, d.id))
    assert "ktp" in {r.field for r in before} and "visa_kerja" not in {r.field for r in before}
    cl = documents.checklist(db, d.id, actor)
    for item in cl.items:
        if item.requirement == "required" and item.stage != "departure":
            kwargs = {"issued_on": cl.today - timedelta(days=1)} if item.expires else {}
            if item.type_code == "paspor":
                kwargs["expires_on"] = cl.today + timedelta(days=3000)
            documents.submit(db, actor, d.id, item.type_code, **kwargs)
    with db.session(write=False) as s:
        assert documents.readiness_blockers(s, s.get(Applicant, d.id)) == []


# --- the expiring-soon list --------------------------------------------------------------------

def test_the_expiring_list_filters_by_kecamatan_and_destination(db, actor, supervisor):
    today = documents.ExpiryPolicy.of(db).today
    a = _register(db, actor, preferred_countries=["JP"])  # kelurahan 36.73.01.1002 (Kec. Serang)
    b = _second(db, actor, kelurahan_code="36.73.06.1001", preferred_countries=["KR"])
    c = _register(db, actor, nik="3673014506990003", full_name="Budi Santoso", sex="L", birth_date="1999-06-05",
                  phone="0813-9999-0000", email=None, preferred_countries=["JP"])
    documents.submit(db, actor, a.id, "medical", issued_on=today - timedelta(days=60))  # 30 days left
    documents.submit(db, actor, a.id, "skck", issued_on=today - timedelta(days=10))  # 170 days left
    documents.submit(db, actor, b.id, "paspor", issued_on=today - timedelta(days=1000),
                     expires_on=today + timedelta(days=200))  # passport short of 18 months
    documents.submit(db, actor, b.id, "medical", issued_on=today - timedelta(days=95))  # already expired
    documents.submit(db, actor, c.id, "medical", issued_on=today - timedelta(days=70))
    registration.set_status(db, c.id, "withdrawn", actor)  # not in the pipeline any more: left out
    page = documents.expiring(db, actor)
    assert [(r.registration_number, r.type_code) for r in page.rows] == [
        (b.registration_number, "medical"), (a.registration_number, "medical"), (b.registration_number, "paspor")]
    assert page.total == 3 and page.days == 90
    assert page.rows[0].status == "expired" and page.rows[0].days_left == -5
    assert [r.type_code for r in documents.expiring(db, actor, days=200).rows] == ["medical", "medical", "skck",
                                                                                   "paspor"]
    assert {r.registration_number for r in documents.expiring(db, actor, kecamatan="36.73.01").rows} == {
        a.registration_number}
    assert {r.type_code for r in documents.expiring(db, actor, country="KR").rows} == {"medical", "paspor"}
    assert documents.expiring(db, actor, include_expired=False).total == 2
    limited = documents.expiring(db, actor, limit=1)
    assert len(limited.rows) == 1 and limited.total == 3
    # the total is counted apart from the rows (documents first, their applicants by a subquery):
    # under every filter it is the number of rows, and the withdrawn applicant's document is out
    for kw in ({}, {"days": 200}, {"kecamatan": "36.73.01"}, {"kecamatan": "36.73.06"}, {"country": "KR"},
               {"country": "JP"}, {"country": "JP", "kecamatan": "36.73.01"}, {"include_expired": False},
               {"country": "SA"}):
        whole = documents.expiring(db, actor, limit=10_000, **kw)
        assert whole.total == len(whole.rows), kw
        assert c.registration_number not in {r.registration_number for r in whole.rows}
    with pytest.raises(ValidationError):
        documents.expiring(db, actor, kecamatan="nowhere")
    with pytest.raises(PermissionDenied):
        documents.expiring(db, replace(actor, role="trainer"))


# --- administration ---------------------------------------------------------------------------

def test_admins_add_and_change_document_types(db, actor, admin):
    t = documents.save_type(db, admin, code="surat_sehat_jiwa", name_id="Surat keterangan sehat jiwa",
                            name_en="Mental health certificate", expires=True, validity_days=180,
                            stage="placement", sort_order=95)
    assert t.version == 1
    documents.save_rule(db, admin, country="*", sector="*", type_code="surat_sehat_jiwa", requirement="required")
    d = _register(db, actor)
    cl = documents.checklist(db, d.id, actor, today=T)
    codes = [i.type_code for i in cl.items]
    assert codes.index("surat_sehat_jiwa") == codes.index("medical") + 1  # sorted by sort_order
    t = documents.save_type(db, admin, code="surat_sehat_jiwa", name_id="Surat keterangan sehat jiwa",
                            name_en="Mental health certificate", expires=True, validity_days=180,
                            stage="placement", sort_order=95, active=False)
    assert t.version == 2
    assert "surat_sehat_jiwa" not in [i.type_code for i in documents.checklist(db, d.id, actor, today=T).items]
    with pytest.raises(ValidationError) as err:
        documents.save_type(db, admin, code="Bad Code", name_id="", name_en="x", validity_days=30, sort_order=1)
    assert {e.code for e in err.value.errors} >= {"document_type_code_format", "required",
                                                  "document_validity_without_expiry"}
    with pytest.raises(PermissionDenied):
        documents.save_type(db, actor, code="abc", name_id="a", name_en="a")
    with db.session(write=False) as s:
        n = s.execute(sa.select(sa.func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "document_type")).scalar()
    assert n == 2


def test_document_rows_go_with_their_applicant(db, actor):
    d = _register(db, actor)
    documents.submit(db, actor, d.id, "ktp", today=T)
    with db.session() as s:
        s.execute(sa.delete(Applicant).where(Applicant.id == d.id))
    with db.session(write=False) as s:
        assert s.execute(sa.select(sa.func.count()).select_from(ApplicantDocument)).scalar() == 0


def test_a_scan_opens_through_a_copy_with_its_extension(db, actor, tmp_path):
    d = _register(db, actor)
    f = tmp_path / "paspor"
    f.write_bytes(tiny_pdf("Paspor"))  # no extension: the type comes from the content
    cl = documents.attach_scan(db, actor, d.id, "paspor", f, today=T)
    scan = cl.item("paspor").scans[0]
    view = documents.viewable_file(db, actor, scan.id)
    assert view.suffix == ".pdf" and view.read_bytes() == f.read_bytes()
    assert view.parent == paths.data_dir() / "scans-view"
    scan.path.unlink()  # lost from the data folder: a clear message, not a crash
    view.unlink()
    with pytest.raises(UserError) as err:
        documents.viewable_file(db, actor, scan.id)
    assert err.value.code == "scan_file_missing" and "paspor" in err.value.message
    with pytest.raises(UserError):
        documents.scan_file(db, actor, scan.id)
