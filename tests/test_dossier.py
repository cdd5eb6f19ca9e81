"""The candidate dossier: the data (id and en), the PDF (text extracted with pypdf), edge cases
(photo or none, anonymised, 10 languages, long name and address, 15 jobs, no training,
placements), the order batch (cover, N dossiers, own page numbers, progress, cancel leaves no file
and no export), the permission, the export audit, the photo service and the CLI."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from app import cli
from app.core import dossier, job_orders, personal_data, placements, receipt, registration, setup, training
from app.core.actor import Actor
from app.core.errors import ConcurrentEdit, NotFound, UserError, ValidationError
from app.core.permissions import PermissionDenied
from app.db import Database
from app.models import ApplicantLanguage, AuditEntry, WorkExperience, utcnow
from app.reports import dossier as report
from tests.conftest import applicant_input
from tests.orders_helpers import agency_input, order_input
from tests.training_helpers import add_user, batch_input, register

TODAY = date(2026, 11, 25)
MARK_DAY = date(2026, 4, 30)


def _pages(path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages]


def _text(path) -> str:
    return " ".join(_pages(path))


def photo(tmp_path, name="foto.jpg", size=(300, 400), fmt="JPEG"):
    from PIL import Image

    path = tmp_path / name
    Image.new("RGB", size, (200, 120, 90)).save(path, fmt)
    return path


@pytest.fixture
def world(db, actor):
    """Three applicants in a finished Japanese batch (marks, a mock and a final test), the first
    graduated; a Japan order with all three shortlisted, the third later withdrawn."""
    sup = add_user(db, "penyelia1", "supervisor", "Penyelia Satu")
    guru = add_user(db, "guru1", "trainer", "Guru Satu")
    ids = register(db, actor, 3)
    b = training.create_batch(db, sup, batch_input())
    training.enrol(db, sup, b.id, ids, today=date(2026, 2, 1))
    sessions = training.list_sessions(db, sup, b.id)
    marks = {ids[0]: "HHHHHHHHHHHA", ids[1]: "HHHHHHHHHAAA", ids[2]: "HSHIHHHHHHHH"}
    training.set_marks(db, guru, b.id, [training.MarkChange(sessions[j].id, aid, m)
                                        for aid, row in marks.items() for j, m in enumerate(row)], today=MARK_DAY)
    training.record_score(db, guru, b.id, ids[0], kind="mock", title="Uji coba 1", test_date=date(2026, 3, 27),
                          score=64, today=MARK_DAY)
    training.record_score(db, guru, b.id, ids[0], kind="final", title="Ujian akhir", test_date=date(2026, 4, 28),
                          score=87, today=MARK_DAY)
    training.complete(db, sup, b.id, ids[0], "graduated", today=MARK_DAY)
    agency = job_orders.create_agency(db, agency_input(), sup)
    order = job_orders.create_order(db, order_input(agency.id, status="open"), sup, today=TODAY)
    pls = [placements.shortlist(db, sup, order.id, aid, today=TODAY) for aid in ids]
    placements.end(db, sup, pls[2].id, "withdrawn", "pindah ke kota lain", on=TODAY)
    return {"sup": sup, "ids": ids, "order": order, "placements": pls}


def _exports(db, kind=None):
    with db.session(write=False) as s:
        rows = s.execute(sa.select(AuditEntry.username, AuditEntry.entity_id, AuditEntry.changes)
                         .where(AuditEntry.action == "export").order_by(AuditEntry.id)).all()
    out = [(u, e, json.loads(c)) for u, e, c in rows]
    return [r for r in out if kind is None or r[2]["kind"][1] == kind]


# --- data --------------------------------------------------------------------------------------------

def test_dossier_data_gathers_every_section(db, world):
    sup, ids = world["sup"], world["ids"]
    d = dossier.dossier_data(db, sup, ids[0])
    assert d.registration_number.startswith("SRG-0001-2026-") and d.full_name == "Siti Nurhaliza A"
    assert d.nik == "3673015703010010" and d.kk_number == "3673010101010010" and d.religion == "Islam"
    assert d.address.kelurahan == "Cipare" and d.address.kecamatan == "Serang" and d.address.rt == "003"
    assert d.education_name == "Sekolah Menengah Kejuruan"
    assert [(x.language, x.level, x.certificate) for x in d.languages] == [("Bahasa Jepang", "N4", "JLPT N4")]
    assert [(x.employer, x.sector) for x in d.experience] == [("RS Sari Asih", "Perawat")]
    (t,) = d.training
    assert (t.batch_code, t.present, t.marked, t.attendance_rate, t.result_code) == ("JP-2026-01", 11, 12, 91.7,
                                                                                     "graduated")
    assert [(s.kind_code, s.score) for s in t.scores] == [("mock", 64), ("final", 87)] and t.final_score == 87
    assert {x.type_code: x.status_code for x in d.documents}["ktp"] == "submitted"
    assert d.documents_required == sum(1 for x in d.documents if x.requirement == "Wajib")
    assert [(p.order_number, p.stage_code) for p in d.placements] == [(world["order"].order_number, "shortlisted")]
    assert d.photo_path is None
    # the receipt's verification: the office can check a printed dossier
    assert d.qr_payload == f"PMI-DESK|{d.registration_number}|{d.verification_hash}"
    assert receipt.verify(db, sup, d.qr_payload)


def test_english_version_leaves_out_what_an_employer_does_not_need(db, world):
    d = dossier.dossier_data(db, world["sup"], world["ids"][0], "en")
    assert d.nik is None and d.kk_number is None and d.religion is None
    assert d.phone is None and d.email is None and d.funding_scheme is None
    assert d.address.street is None and d.address.rt is None and d.address.kelurahan == "Cipare"
    assert d.sex == "Female" and d.training[0].result == "Graduated" and d.languages[0].language == "Japanese"
    with pytest.raises(UserError) as exc:
        dossier.dossier_data(db, world["sup"], world["ids"][0], "fr")
    assert exc.value.code == "dossier_language"


def test_permission_and_not_found(db, actor, world):
    with pytest.raises(PermissionDenied):
        dossier.dossier_data(db, actor, world["ids"][0])  # counter staff
    with pytest.raises(PermissionDenied):
        dossier.order_dossiers(db, actor, world["order"].id)
    with pytest.raises(PermissionDenied):
        report.print_dossier(db, Actor("guru1", "SRG-0001", "trainer"), world["ids"][0], "x.pdf")
    with pytest.raises(NotFound):
        dossier.dossier_data(db, world["sup"], "SRG-0001-2026-999999")
    with pytest.raises(NotFound):
        dossier.shortlisted_for_order(db, world["sup"], "JO-2026-9999")


def test_every_print_is_an_audited_export(db, world, tmp_path):
    sup, ids = world["sup"], world["ids"]
    number = registration.get_applicant(db, ids[1], sup).registration_number
    report.print_dossier(db, sup, number, tmp_path / "a.pdf", lang="en")  # by registration number
    (row,) = _exports(db)
    assert row[0] == "penyelia1" and row[1] == str(ids[1])
    assert row[2]["kind"] == [None, "dossier_en"] and row[2]["destination"] == [None, str(tmp_path / "a.pdf")]
    report.print_order_dossiers(db, sup, world["order"].order_number, tmp_path / "b.pdf")
    batch = _exports(db, "dossier")
    assert sorted(r[1] for r in batch) == sorted(str(i) for i in ids[:2])  # one entry per applicant printed
    assert all(world["order"].order_number in r[2]["purpose"][1] for r in batch)


def test_a_failed_write_records_no_export_and_leaves_no_file(db, world, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OSError):
        report.print_dossier(db, world["sup"], world["ids"][0], blocker / "d.pdf")
    assert _exports(db) == [] and [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    dossier.dossier_data(db, world["sup"], world["ids"][0])  # the service alone records its read
    assert len(_exports(db, "dossier")) == 1


def test_shortlisted_for_order_keeps_stage_shortlist_and_later_in_a_stable_order(db, world):
    sup, ids = world["sup"], world["ids"]
    placements.advance(db, sup, world["placements"][0].id, "proposed", today=TODAY)  # a later stage stays
    cover = dossier.shortlisted_for_order(db, sup, world["order"].order_number)
    got = [c.applicant_id for c in cover.candidates]
    assert set(got) == set(ids[:2])  # the withdrawn one is not there
    scores = [c.score for c in cover.candidates]
    assert scores == sorted(scores, reverse=True)
    assert dossier.shortlisted_for_order(db, sup, world["order"].id).candidates == cover.candidates
    assert {c.applicant_id: c.stage_code for c in cover.candidates}[ids[0]] == "proposed"
    assert cover.agency_name == "PT Sinar Jaya Abadi" and cover.sip_number == "SIP-001/2026"
    assert cover.country == "Jepang" and dossier.shortlisted_for_order(db, sup, world["order"].id, "en").country == "Japan"


# --- the PDF -----------------------------------------------------------------------------------------

def test_pdf_holds_number_attendance_scores_and_document_statuses(db, world, tmp_path):
    sup, ids = world["sup"], world["ids"]
    path = report.print_dossier(db, sup, ids[0], tmp_path / "d.pdf")
    reader = PdfReader(str(path))
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4
    text = _text(path)
    d = dossier.dossier_data(db, sup, ids[0])
    assert d.registration_number in text and "Siti Nurhaliza A" in text
    assert "91,7 %" in text and "11 dari 12 pertemuan" in text
    assert "Ujian akhir (28/04/2026): 87" in text and "Uji coba (27/03/2026): 64" in text
    assert "Diserahkan" in text and "Belum ada" in text and "Lulus" in text
    assert d.verification_hash in text and "Islam" in text and d.nik in text and d.kk_number in text
    assert "Jl. Ahmad Yani No. 12" in text and "003/005" in text
    pages = _pages(path)
    n = len(pages)
    assert all(f"Halaman {i} dari {n}" in p for i, p in enumerate(pages, 1))
    assert "Dicetak" in pages[0] and "Penyelia Satu" in pages[0]
    assert not list(tmp_path.glob("*.part"))


def test_english_pdf_has_no_religion_nik_or_kk(db, world, tmp_path):
    sup, ids = world["sup"], world["ids"]
    path = report.print_dossier(db, sup, ids[0], tmp_path / "en.pdf", lang="en")
    text = _text(path)
    d = dossier.dossier_data(db, sup, ids[0])
    assert "CANDIDATE DOSSIER" in text and "Attendance" in text and "91.7 %" in text
    for hidden in (d.nik, d.kk_number, "Islam", "Religion", "Agama", "Jl. Ahmad Yani", d.phone, "KK number"):
        assert hidden not in text
    pages = _pages(path)
    assert all(f"Page {i} of {len(pages)}" in p for i, p in enumerate(pages, 1))


def test_no_photo_gets_the_placeholder_and_a_photo_is_embedded(db, world, tmp_path):
    sup, ids = world["sup"], world["ids"]
    path = report.print_dossier(db, sup, ids[1], tmp_path / "none.pdf")
    assert "Pas foto 3 × 4" in _text(path)
    assert not any(p.images for p in PdfReader(str(path)).pages)
    dossier.set_photo(db, sup, ids[1], photo(tmp_path))
    with_photo = report.print_dossier(db, sup, ids[1], tmp_path / "photo.pdf")
    assert "3 × 4" not in _text(with_photo)
    assert len(PdfReader(str(with_photo)).pages[0].images) == 1


def test_edge_cases_build_nothing_cut_off(db, actor, tmp_path):
    """A long name with diacritics, a long address, 10 languages, 15 jobs, no training."""
    sup = add_user(db, "penyelia1", "supervisor")
    long_name = "Nyimas Ratu Ayu Kusumawardhani Purnamasari Setyaningrum Wulandari Hadiningrat Çağlar-Ñúñez"[:100]
    address = ("Jl. Raya Kramat Watu Kampung Pasir Gedang Blok C No. 117, Gang Mushola Al-Ikhlas, belakang pasar "
               "induk Rau, dekat Sekolah Dasar Negeri 3 Kota Serang, rumah pagar hijau")[:200]
    detail = registration.register_applicant(db, applicant_input(full_name=long_name, address=address), actor,
                                             confirm_warnings=True)
    now = utcnow()
    base = dict(applicant_id=detail.id, created_at=now, updated_at=now, origin_office="SRG-0001", version=1)
    codes = ["ko", "de", "ar", "tr", "en", "zh", "nl", "ms", "th"]  # with ja: ten (th is not in the list)
    with db.session() as s:
        s.execute(sa.insert(ApplicantLanguage), [dict(base, id=uuid.uuid4(), language_code=c, level="Menengah",
                                                      certificate=f"Sertifikat {c.upper()} tingkat menengah")
                                                 for c in codes])
        s.execute(sa.insert(WorkExperience), [dict(
            base, id=uuid.uuid4(), employer=f"PT Pemberi Kerja Nomor {i} Sejahtera Abadi", position=f"Operator {i}",
            country="ID", sector=None, start_date=date(2000 + i, 1, 1), end_date=date(2000 + i, 12, 31),
            description="Mengoperasikan mesin jahit industri dan merapikan hasil jahitan" if i % 3 == 0 else None)
            for i in range(14)])
    path = report.print_dossier(db, sup, detail.id, tmp_path / "long.pdf")
    text = _text(path)
    assert "Hadiningrat" in text and "Çağlar" in text  # the diacritics are in the font, wrapped not cut
    assert "rumah pagar hijau" in text
    for c in codes[:-1]:
        assert f"Sertifikat {c.upper()} tingkat menengah" in text
    assert "th" in text.split() or "Sertifikat TH tingkat menengah" in text
    assert all(f"Operator {i}" in text for i in range(14)) and "RS Sari Asih" in text  # 15 jobs
    assert "Belum pernah mengikuti pelatihan bahasa." in text and "Belum pernah diusulkan" in text
    pages = _pages(path)
    assert len(pages) >= 2 and all(f"dari {len(pages)}" in p for p in pages)


def test_anonymised_applicant_builds(db, actor, tmp_path):
    sup = add_user(db, "penyelia1", "supervisor")
    admin = Actor("admin1", setup.ensure_office(db).code, "admin", "Admin Satu")
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    dossier.set_photo(db, sup, detail.id, photo(tmp_path))
    personal_data.anonymise_applicant(db, admin, detail.id, "permintaan")
    d = dossier.dossier_data(db, sup, detail.id)
    assert d.anonymised and d.photo_path is None and d.nik is None and d.kk_number is None
    text = _text(report.print_dossier(db, sup, detail.id, tmp_path / "anon.pdf"))
    assert detail.registration_number in text and "dianonimkan" in text and "Siti Nurhaliza" not in text
    assert "ANON-" not in text and "Nomor KK" not in text


# --- the batch ---------------------------------------------------------------------------------------

def test_batch_has_the_cover_and_each_dossier_numbered_on_its_own(db, world, tmp_path):
    sup, order = world["sup"], world["order"]
    seen = []
    path = report.print_order_dossiers(db, sup, order.order_number, tmp_path / "batch.pdf",
                                       progress=lambda done, total: seen.append((done, total)))
    pages = _pages(path)
    assert "DOSIR CALON UNTUK LOWONGAN" in pages[0] and order.order_number in pages[0]
    assert "PT Sinar Jaya Abadi" in pages[0] and "SIP-001/2026" in pages[0] and "Sakura Care" in pages[0]
    assert "Calon (2 orang)" in pages[0] and "Halaman 1 dari 1" in pages[0]
    starts = [i for i, p in enumerate(pages) if "DOSIR CALON PEKERJA MIGRAN INDONESIA" in p]
    assert len(starts) == 2  # N dossiers, each from a new page
    numbers = [registration.get_applicant(db, aid, sup).registration_number for aid in world["ids"][:2]]
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(pages)
        own = pages[start:end]
        assert all(f"Halaman {i} dari {len(own)}" in p for i, p in enumerate(own, 1))
        assert any(n in own[0] for n in numbers)
        assert all(n in pages[0] for n in numbers)
    assert seen[-1] == (2, 2) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancelled_batch_leaves_no_file_and_no_export(db, world, tmp_path):
    sup, order = world["sup"], world["order"]
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "batch.pdf"
    asked = []

    def cancel_in_layout():
        asked.append(1)
        return len(asked) > 3  # after the reading, during the layout of the pages

    with pytest.raises(dossier.PrintCancelled):
        report.print_order_dossiers(db, sup, order.id, target, cancelled=cancel_in_layout)
    assert len(asked) > 3 and not target.exists() and list(folder.iterdir()) == []
    with pytest.raises(dossier.PrintCancelled):
        report.print_order_dossiers(db, sup, order.id, target, cancelled=lambda: True)  # while reading
    assert list(folder.iterdir()) == [] and _exports(db) == []
    # an existing file of that name is left as it was
    target.write_bytes(b"old")
    with pytest.raises(dossier.PrintCancelled):
        report.print_order_dossiers(db, sup, order.id, target, cancelled=lambda: True)
    assert target.read_bytes() == b"old" and [p.name for p in folder.iterdir()] == ["batch.pdf"]


def test_batch_of_an_order_without_candidates_is_refused(db, world, tmp_path):
    sup = world["sup"]
    agency = job_orders.list_agencies(db, sup)[0]
    empty = job_orders.create_order(db, order_input(agency.id, status="open", sip_number="SIP-002/2026"), sup,
                                    today=TODAY)
    with pytest.raises(UserError) as exc:
        report.print_order_dossiers(db, sup, empty.order_number, tmp_path / "e.pdf")
    assert exc.value.code == "dossier_no_candidates" and not (tmp_path / "e.pdf").exists()


# --- the photo ---------------------------------------------------------------------------------------

def test_set_and_remove_photo_audited(db, actor, tmp_path):
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    sha = dossier.set_photo(db, actor, detail.id, photo(tmp_path, "p.png", fmt="PNG"), expected_version=1)
    stored = dossier.photo_of(db, actor, detail.id)
    assert stored is not None and stored.name == sha and stored.read_bytes() == (tmp_path / "p.png").read_bytes()
    after = registration.get_applicant(db, detail.id, actor)
    assert after.photo_sha256 == sha and after.version == 2
    with pytest.raises(ConcurrentEdit):
        dossier.remove_photo(db, actor, detail.id, expected_version=1)
    dossier.remove_photo(db, actor, detail.id, expected_version=2)
    assert dossier.photo_of(db, actor, detail.id) is None and stored.is_file()  # the file stays (backups)
    changes = [h.changes["photo_sha256"] for h in registration.history(db, detail.id, actor)
               if "photo_sha256" in h.changes]
    assert changes == [[None, sha], [sha, None]]
    with pytest.raises(PermissionDenied):
        dossier.set_photo(db, Actor("guru1", "SRG-0001", "trainer"), detail.id, photo(tmp_path))


def test_photo_refusals(db, actor, tmp_path):
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)

    def code(path):
        with pytest.raises(ValidationError) as exc:
            dossier.set_photo(db, actor, detail.id, path)
        return exc.value.errors[0].code

    pdf = tmp_path / "foto.jpg"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
    assert code(pdf) == "photo_type"  # the content decides, not the name
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"0" * (dossier.MAX_PHOTO_BYTES + 1))
    assert code(big) == "photo_too_large"
    assert code(photo(tmp_path, "tiny.jpg", size=(40, 60))) == "photo_too_small"
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(photo(tmp_path, "ok.jpg").read_bytes()[:200])
    assert code(broken) == "photo_unreadable"
    assert code(tmp_path / "missing.jpg") == "file_unreadable"
    admin = Actor("admin1", "SRG-0001", "admin")
    personal_data.anonymise_applicant(db, admin, detail.id, "permintaan")
    with pytest.raises(UserError) as exc:
        dossier.set_photo(db, actor, detail.id, photo(tmp_path))
    assert exc.value.code == "anonymised_read_only"


# --- the command line --------------------------------------------------------------------------------

def test_cli_dossier_one_and_batch(tmp_path, capsys):
    db = Database.open()
    office = setup.ensure_office(db)
    clerk = Actor("petugas1", office.code, "counter")
    sup = Actor("penyelia1", office.code, "supervisor")
    detail = registration.register_applicant(db, applicant_input(), clerk, confirm_warnings=True)
    agency = job_orders.create_agency(db, agency_input(), sup)
    order = job_orders.create_order(db, order_input(agency.id, status="open"), sup, today=TODAY)
    placements.shortlist(db, sup, order.id, detail.id, today=TODAY)
    db.dispose()
    out = tmp_path / "one.pdf"
    assert cli.main(["dossier", detail.registration_number, "--lang", "en", "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"pdf": str(out), "dossiers": 1, "lang": "en"}
    assert "CANDIDATE DOSSIER" in _text(out) and detail.registration_number in _text(out)
    batch = tmp_path / "batch.pdf"
    assert cli.main(["dossier", "--order", order.order_number, "--out", str(batch)]) == 0
    assert "1 dosir" in capsys.readouterr().out
    assert "DOSIR CALON UNTUK LOWONGAN" in _text(batch)
    # errors: a clear message and a non-zero exit
    assert cli.main(["dossier", "SRG-0001-2026-999999", "--out", str(tmp_path / "x.pdf")]) == cli.EXIT_ERROR
    assert "tidak ditemukan" in capsys.readouterr().err
    assert cli.main(["dossier", "--order", "JO-2026-9999", "--out", str(tmp_path / "x.pdf")]) == cli.EXIT_ERROR
    assert cli.main(["dossier", "--out", str(tmp_path / "x.pdf")]) == cli.EXIT_INVALID
    assert "APPLICANT" in capsys.readouterr().err
    assert cli.main(["dossier", detail.registration_number, "--order", order.order_number,
                     "--out", str(tmp_path / "x.pdf")]) == cli.EXIT_INVALID
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.allow_log_warnings
def test_a_damaged_photo_file_prints_the_placeholder_and_is_logged(db, actor, tmp_path, caplog):
    sup = add_user(db, "penyelia1", "supervisor")
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    dossier.set_photo(db, actor, detail.id, photo(tmp_path))
    stored = dossier.photo_of(db, actor, detail.id)
    stored.write_bytes(b"\xff\xd8\xff\xe0 rusak")  # damaged on disk after it was checked
    text = _text(report.print_dossier(db, sup, detail.id, tmp_path / "d.pdf"))
    assert "Pas foto 3 × 4" in text and detail.registration_number in text
    assert any("not printable" in r.getMessage() for r in caplog.records if r.name == "app.reports")


def test_qr_code_is_reportlabs_own_with_the_same_mask():
    """The dossier's faster QR code: the same penalty as reportlab's, so the same mask and modules."""
    import random

    import numpy as np
    from reportlab.graphics.barcode import qrencoder

    class Grid:
        def __init__(self, modules):
            self.modules = modules

    rng = random.Random(6)
    for n in (5, 11, 12, 21, 25, 29, 33):
        for _ in range(20):
            share = rng.choice((0.2, 0.5, 0.8))
            modules = [[rng.random() < share for _ in range(n)] for _ in range(n)]
            assert report.qr_lost_point(np.array(modules, dtype=bool)) == \
                qrencoder.QRUtil.getLostPoint(Grid(modules))
    for i in range(15):
        payload = receipt.qr_payload(f"SRG-000{i % 7}-2026-{rng.randrange(10 ** 6):06d}", f"{rng.getrandbits(48):012x}")
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(payload)
        qr.make()
        assert report.qr_modules(payload) == [[bool(x) for x in row] for row in qr.modules]


def test_a_large_phone_photo_is_printed_upright_and_small(db, actor, tmp_path):
    from PIL import Image

    sup = add_user(db, "penyelia1", "supervisor")
    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    big = tmp_path / "hp.jpg"
    img = Image.effect_noise((2600, 1950), 60).convert("RGB")  # landscape as stored by the phone
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to show
    img.save(big, "JPEG", quality=95, exif=exif)
    assert big.stat().st_size > 1_000_000
    dossier.set_photo(db, actor, detail.id, big)
    d = dossier.dossier_data(db, sup, detail.id)
    with Image.open(d.photo_path) as shown:
        assert shown.format == "JPEG" and shown.size == (600, 800)  # upright, at most 600 × 800
    assert d.photo_path.name.endswith(".print.jpg") and dossier.photo_of(db, actor, detail.id).read_bytes() == \
        big.read_bytes()  # the original is kept as it was
    path = report.print_dossier(db, sup, detail.id, tmp_path / "d.pdf")
    assert path.stat().st_size < 400_000 and len(PdfReader(str(path)).pages[0].images) == 1
    png = tmp_path / "transparan.png"
    Image.new("RGBA", (300, 400), (10, 20, 30, 0)).save(png)
    dossier.set_photo(db, actor, detail.id, png)
    with Image.open(dossier.dossier_data(db, sup, detail.id).photo_path) as shown:
        assert shown.mode == "RGB" and shown.getpixel((5, 5)) == (255, 255, 255)  # on white, not black
