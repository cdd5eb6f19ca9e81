"""The candidate dossier (*dosir / berkas calon*): everything a printed dossier shows about one
applicant, gathered in one read, as plain dataclasses (``app/reports/dossier.py`` draws them).

- ``dossier_data(db, actor, applicant, lang)``: one applicant (by id or registration number); the
  print is audited (``export``, kind ``dossier``) in the same call, like the receipt.
- ``shortlisted_for_order(db, actor, order)``: the cover of an order's batch: the order, its agency
  and the candidates on its placements from the shortlist on (not rejected or withdrawn), best
  score first, then by registration number (a stable order).
- ``order_dossiers(db, actor, order, lang, progress=, cancelled=)``: the cover and every
  candidate's dossier in one read; ``record_printed`` logs one export per applicant once the
  batch file is written (a cancelled batch leaves no file and no export).

Languages: ``lang="id"`` is the office's full dossier. ``lang="en"`` is for employers abroad and
leaves out what a job order does not need: religion, NIK, KK number, the street address with
RT/RW (kelurahan, kecamatan and city stay), phone, e-mail and the funding scheme. Office notes are
in neither.

The QR code and the verification hash are the receipt's (``app.core.receipt``): the office checks a
printed dossier with ``receipt.verify`` against its own record, without the NIK being printed.

Who: ``dossier.print`` (supervisor, admin).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlmodel import Session, select

from app.core import audit, clock, documents, job_orders, receipt, reference
from app.core.actor import Actor
from app.core.errors import UserError
from app.core.mou_report import office_contact
from app.core.permissions import require
from app.core.placements import STAGE_NAMES
from app.core.training import RESULT_NAMES
from app.core.validation import age_on
from app.models import (PLACEMENT_STAGES, Agency, Applicant, ApplicantLanguage, JobOrder, Placement, TrainingAttendance,
                        TrainingBatch, TrainingEnrolment, TrainingScore, WorkExperience)

LANGS = ("id", "en")
CITY = "Kota Serang"
# What the English (employer) version leaves out; the README lists the same.
LEFT_OUT_IN_ENGLISH = ("religion", "nik", "kk_number", "street_address", "phone", "email", "funding_scheme")

SEX_NAMES = {"L": ("Laki-laki", "Male"), "P": ("Perempuan", "Female")}
MARITAL_NAMES = {"belum_kawin": ("Belum kawin", "Single"), "kawin": ("Kawin", "Married"),
                 "cerai_hidup": ("Cerai hidup", "Divorced"), "cerai_mati": ("Cerai mati", "Widowed")}
RELIGION_NAMES = {"islam": "Islam", "kristen": "Kristen", "katolik": "Katolik", "hindu": "Hindu",
                  "buddha": "Buddha", "konghucu": "Konghucu", "lainnya": "Lainnya"}
STATUS_NAMES = {
    "registered": ("Terdaftar", "Registered"), "documents": ("Melengkapi dokumen", "Collecting documents"),
    "training": ("Pelatihan", "In training"), "ready": ("Siap ditempatkan", "Ready for placement"),
    "proposed": ("Diusulkan", "Proposed"), "selected": ("Terpilih", "Selected"),
    "departing": ("Persiapan berangkat", "Preparing to depart"), "departed": ("Berangkat", "Departed"),
    "returned": ("Pulang", "Returned"), "withdrawn": ("Mengundurkan diri", "Withdrawn"),
    "ineligible": ("Tidak memenuhi syarat", "Ineligible"),
}
DOC_STATUS_NAMES = {"missing": ("Belum ada", "Missing"), "submitted": ("Diserahkan", "Submitted"),
                    "verified": ("Terverifikasi", "Verified"), "rejected": ("Ditolak", "Rejected"),
                    "expired": ("Kedaluwarsa", "Expired")}
REQUIREMENT_NAMES = {"required": ("Wajib", "Required"), "optional": ("Pilihan", "Optional"),
                     "not_needed": ("Tidak diwajibkan", "Not required")}
SCORE_KIND_NAMES = {"mock": ("Uji coba", "Mock test"), "final": ("Ujian akhir", "Final test")}

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class PrintCancelled(UserError):
    """A batch was cancelled by the person who started it: nothing was written."""

    def __init__(self):
        super().__init__("print_cancelled")


def _pick(names: tuple[str, str] | None, lang: str, fallback: str = "") -> str:
    if names is None:
        return fallback
    return names[0] if lang == "id" else names[1]


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise UserError("dossier_language", value=str(lang)[:10])
    return lang


# --- what a dossier holds --------------------------------------------------------------------------

@dataclass(frozen=True)
class Address:
    street: str | None  # None in the English version
    rt: str | None
    rw: str | None
    kelurahan: str
    kecamatan: str
    city: str = CITY


@dataclass(frozen=True)
class LanguageRow:
    language: str
    level: str
    certificate: str | None


@dataclass(frozen=True)
class JobRow:
    employer: str
    position: str
    country: str
    sector: str | None
    start_date: date
    end_date: date | None
    description: str | None


@dataclass(frozen=True)
class ScoreRow:
    kind_code: str  # mock | final
    kind: str  # label
    title: str
    test_date: date
    score: int


@dataclass(frozen=True)
class TrainingRow:
    batch_code: str
    language: str
    target_level: str
    provider: str
    start_date: date
    end_date: date
    result: str  # label
    result_code: str
    present: int
    marked: int
    min_attendance: int
    pass_mark: int
    scores: list[ScoreRow]

    @property
    def attendance_rate(self) -> float | None:
        return round(100.0 * self.present / self.marked, 1) if self.marked else None

    @property
    def final_score(self) -> int | None:
        finals = [s.score for s in self.scores if s.kind_code == "final"]
        return finals[-1] if finals else None


@dataclass(frozen=True)
class DocumentRow:
    type_code: str
    name: str
    requirement: str  # label
    status_code: str
    status: str  # label
    expires_on: date | None


@dataclass(frozen=True)
class PlacementRow:
    order_number: str
    employer: str
    country: str
    position: str
    stage_code: str
    stage: str  # label
    since: date | None  # the date of the current stage (or of the end)
    shortlisted_on: date


@dataclass(frozen=True)
class Dossier:
    lang: str
    applicant_id: uuid.UUID
    registration_number: str
    registered_on: date
    status: str
    anonymised: bool
    full_name: str
    sex: str
    birth_place: str
    birth_date: date
    age: int
    nik: str | None
    kk_number: str | None
    religion: str | None
    marital_status: str
    height_cm: int | None
    weight_kg: int | None
    phone: str | None
    email: str | None
    address: Address
    education_level: str
    education_name: str
    education_major: str | None
    skills: str | None
    preferred_countries: list[str]
    preferred_sectors: list[str]
    funding_scheme: str | None
    languages: list[LanguageRow]
    experience: list[JobRow]
    training: list[TrainingRow]
    documents: list[DocumentRow]
    documents_required: int
    documents_verified: int
    documents_percent: float
    placements: list[PlacementRow]
    photo_path: Path | None  # the print version (photo_for_print)
    verification_hash: str
    qr_payload: str
    printed_at: datetime
    printed_by: str
    office_name: str
    office_contact: str


@dataclass(frozen=True)
class Candidate:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    sex: str
    age: int
    stage_code: str
    stage: str
    score: float | None


@dataclass(frozen=True)
class OrderCover:
    lang: str
    order_id: uuid.UUID
    order_number: str
    status: str
    employer: str
    country: str
    sector: str
    position: str
    quota: int
    contract_months: int
    agency_name: str
    agency_licence: str
    sip_number: str | None
    sip_valid_from: date | None
    sip_valid_until: date | None
    candidates: list[Candidate]
    printed_at: datetime
    printed_by: str
    office_name: str
    office_contact: str


@dataclass(frozen=True)
class OrderBatch:
    cover: OrderCover
    dossiers: list[Dossier] = field(default_factory=list)


# --- reading ---------------------------------------------------------------------------------------

@dataclass
class _Context:
    """What every dossier of one call shares (read once)."""

    lang: str
    policy: documents.ExpiryPolicy
    rules: documents.Rules
    printed_at: datetime
    printed_by: str
    office_name: str
    office_contact: str
    today: date


def _context(session: Session, actor: Actor, lang: str) -> _Context:
    name, contact = office_contact(session, actor.office_code)
    today = clock.today()
    return _Context(lang, documents.ExpiryPolicy.of(session, today), documents.load_rules(session),
                    clock.now_wib(), actor.full_name or actor.username, name, contact, today)


def photo_file(sha256: str | None) -> Path | None:
    """The stored photo of an applicant (under its SHA-256 in the scans folder), if it is there."""
    if not sha256:
        return None
    path = documents.scan_path(sha256)
    return path if path.is_file() else None


PRINT_PHOTO_PIXELS = (600, 800)  # 3 × 4 cm at about 500 dpi: sharp in print, small in a PDF


def photo_for_print(sha256: str | None) -> Path | None:
    """The photo as printed: upright (its EXIF orientation applied), RGB JPEG, at most 600 × 800
    pixels. A phone's 5 MB photo would otherwise go into every PDF as it is (a batch of 100 of
    them, half a gigabyte). Made once beside the original (``<sha256>.print.jpg``, written under a
    temporary name and renamed) and reused; None when there is no photo or it cannot be read
    (the dossier then prints the placeholder, and the reason is logged)."""
    import logging
    import os

    original = photo_file(sha256)
    if original is None:
        return None
    target = original.with_name(original.name + ".print.jpg")
    if target.is_file():
        return target
    from PIL import Image, ImageOps, UnidentifiedImageError

    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")  # skipped by backups
    try:
        with Image.open(original) as img:
            img = ImageOps.exif_transpose(img)
            img.thumbnail(PRINT_PHOTO_PIXELS)
            if img.mode != "RGB":
                background = Image.new("RGB", img.size, (255, 255, 255))
                background.paste(img, mask=img.getchannel("A") if "A" in img.getbands() else None)
                img = background
            img.save(partial, "JPEG", quality=88)
        os.replace(partial, target)
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        partial.unlink(missing_ok=True)
        logging.getLogger("app.reports").warning("photo %s not printable: %s", original.name, exc)
        return None
    return target


def _country(code: str | None, lang: str) -> str:
    if not code:
        return ""
    if code == "ID":
        return "Indonesia"
    c = reference.countries().get(code)
    return _pick((c.name_id, c.name_en), lang) if c else code


def _sector(code: str | None, lang: str) -> str | None:
    if not code:
        return None
    s = reference.sectors().get(code)
    return _pick((s.name_id, s.name_en), lang) if s else code


def _language(code: str, lang: str) -> str:
    x = reference.languages().get(code)
    return _pick((x.name_id, x.name_en), lang) if x else code


def _key(value) -> str:
    """A UUID key whether the driver gave a UUID or its text (SQLite)."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


@dataclass
class _Rows:
    """The child rows of many applicants, read with one query per kind (a batch of 100 reads
    in a handful of queries, not a thousand); keys are ``_key(applicant_id)``."""

    languages: dict = field(default_factory=dict)
    jobs: dict = field(default_factory=dict)
    enrolments: dict = field(default_factory=dict)
    marks: dict = field(default_factory=dict)  # (applicant key, batch key) -> (present, marked)
    scores: dict = field(default_factory=dict)  # (applicant key, batch key) -> [(kind, title, day, score)]
    placements: dict = field(default_factory=dict)


CHUNK = 500  # bound parameters per IN list


def _load_rows(session: Session, applicant_ids: list[uuid.UUID]) -> _Rows:
    conn = session.connection()
    out = _Rows()
    for i in range(0, len(applicant_ids), CHUNK):
        ids = applicant_ids[i:i + CHUNK]
        for r in conn.execute(sa.select(ApplicantLanguage.applicant_id, ApplicantLanguage.language_code,
                                        ApplicantLanguage.level, ApplicantLanguage.certificate)
                              .where(ApplicantLanguage.applicant_id.in_(ids))
                              .order_by(ApplicantLanguage.created_at, ApplicantLanguage.language_code)):
            out.languages.setdefault(_key(r[0]), []).append(r[1:])
        for r in conn.execute(sa.select(WorkExperience.applicant_id, WorkExperience.employer, WorkExperience.position,
                                        WorkExperience.country, WorkExperience.sector, WorkExperience.start_date,
                                        WorkExperience.end_date, WorkExperience.description)
                              .where(WorkExperience.applicant_id.in_(ids))
                              .order_by(WorkExperience.start_date.desc(), WorkExperience.employer)):
            out.jobs.setdefault(_key(r[0]), []).append(r[1:])
        for r in conn.execute(sa.select(
                TrainingEnrolment.applicant_id, TrainingBatch.id, TrainingBatch.code, TrainingBatch.language_code,
                TrainingBatch.target_level, TrainingBatch.provider, TrainingBatch.start_date, TrainingBatch.end_date,
                TrainingBatch.min_attendance, TrainingBatch.pass_mark, TrainingEnrolment.result)
                .join(TrainingEnrolment, TrainingEnrolment.batch_id == TrainingBatch.id)
                .where(TrainingEnrolment.applicant_id.in_(ids))
                .order_by(TrainingBatch.start_date, TrainingBatch.code)):
            out.enrolments.setdefault(_key(r[0]), []).append(r[1:])
        if any(_key(x) in out.enrolments for x in ids):
            for aid, bid, n, h in conn.execute(sa.select(
                    TrainingAttendance.applicant_id, TrainingAttendance.batch_id, sa.func.count(),
                    sa.func.sum(sa.case((TrainingAttendance.mark == "H", 1), else_=0)))
                    .where(TrainingAttendance.applicant_id.in_(ids))
                    .group_by(TrainingAttendance.applicant_id, TrainingAttendance.batch_id)):
                out.marks[(_key(aid), _key(bid))] = (int(h or 0), int(n))
            for aid, bid, kind, title, day, score in conn.execute(sa.select(
                    TrainingScore.applicant_id, TrainingScore.batch_id, TrainingScore.kind, TrainingScore.title,
                    TrainingScore.test_date, TrainingScore.score).where(TrainingScore.applicant_id.in_(ids))
                    .order_by(TrainingScore.test_date, TrainingScore.created_at)):
                out.scores.setdefault((_key(aid), _key(bid)), []).append((kind, title, day, int(score)))
        for p, o in session.exec(select(Placement, JobOrder).join(JobOrder, JobOrder.id == Placement.job_order_id)
                                 .where(Placement.applicant_id.in_(ids))
                                 .order_by(Placement.shortlisted_on, JobOrder.order_number)).all():
            out.placements.setdefault(_key(p.applicant_id), []).append((p, o))
    return out


def _training(rows: _Rows, akey: str, lang: str) -> list[TrainingRow]:
    out = []
    for bid, code, language, level, provider, start, end, min_att, pass_mark, result in rows.enrolments.get(akey, []):
        present, marked = rows.marks.get((akey, _key(bid)), (0, 0))
        scores = [ScoreRow(kind, _pick(SCORE_KIND_NAMES.get(kind), lang, kind), title, day, score)
                  for kind, title, day, score in rows.scores.get((akey, _key(bid)), [])]
        out.append(TrainingRow(code, _language(language, lang), level, provider, start, end,
                               _pick(RESULT_NAMES.get(result), lang, result), result, present, marked,
                               min_att, pass_mark, scores))
    return out


def _placements(rows: _Rows, akey: str, lang: str) -> list[PlacementRow]:
    out = []
    for p, o in rows.placements.get(akey, []):
        since = p.ended_on if p.stage not in PLACEMENT_STAGES else getattr(p, f"{p.stage}_on", None)
        out.append(PlacementRow(o.order_number, o.employer, _country(o.country, lang), o.position, p.stage,
                                _pick(STAGE_NAMES.get(p.stage), lang, p.stage), since, p.shortlisted_on))
    return out


def _build(session: Session, row: Applicant, ctx: _Context, rows: _Rows | None = None) -> Dossier:
    lang = ctx.lang
    rows = rows if rows is not None else _load_rows(session, [row.id])
    akey = _key(row.id)
    en = lang == "en"
    kel = reference.kelurahan().get(row.kelurahan_code)
    address = Address(
        None if en else row.address, None if en else (row.rt or None), None if en else (row.rw or None),
        kel.name if kel else row.kelurahan_code,
        reference.kecamatan().get(row.kecamatan_code, row.kecamatan_code))
    edu = reference.education_levels().get(row.education_level)
    checklist = documents.build_checklist(session, row, policy=ctx.policy, rules=ctx.rules)
    docs = [DocumentRow(i.type_code, i.name_en if en else i.name_id,
                        _pick(REQUIREMENT_NAMES.get(i.requirement), lang, i.requirement), i.status,
                        _pick(DOC_STATUS_NAMES.get(i.status), lang, i.status), i.expires_on)
            for i in checklist.items]
    hash_ = receipt.verification_hash(row.registration_number, row.nik, row.registered_on)
    from app.core.registration import is_anonymised

    anonymised = is_anonymised(row.nik)
    hide = en or anonymised  # an anonymised record's NIK and KK are placeholders, not numbers
    funding = reference.funding_schemes().get(row.funding_scheme) if row.funding_scheme else None
    return Dossier(
        lang=lang, applicant_id=row.id, registration_number=row.registration_number,
        registered_on=row.registered_on, status=_pick(STATUS_NAMES.get(row.status), lang, row.status),
        anonymised=anonymised, full_name=row.full_name,
        sex=_pick(SEX_NAMES.get(row.sex), lang, row.sex), birth_place=row.birth_place, birth_date=row.birth_date,
        age=age_on(row.birth_date, ctx.today),
        nik=None if hide else row.nik, kk_number=None if hide else row.kk_number,
        religion=None if en or not row.religion else RELIGION_NAMES.get(row.religion, row.religion),
        marital_status=_pick(MARITAL_NAMES.get(row.marital_status), lang, row.marital_status),
        height_cm=row.height_cm, weight_kg=row.weight_kg,
        phone=None if en else row.phone, email=None if en else row.email, address=address,
        education_level=row.education_level,
        education_name=_pick((edu[1], edu[2]), lang) if edu else row.education_level,
        education_major=row.education_major, skills=row.skills,
        preferred_countries=[_country(c, lang) for c in row.preferred_countries.split(",") if c],
        preferred_sectors=[_sector(c, lang) or c for c in row.preferred_sectors.split(",") if c],
        funding_scheme=None if en or funding is None else funding.name_id,
        languages=[LanguageRow(_language(code, lang), level, cert) for code, level, cert in rows.languages.get(akey, [])],
        experience=[JobRow(employer, position, _country(country, lang), _sector(sector, lang), start, end, desc)
                    for employer, position, country, sector, start, end, desc in rows.jobs.get(akey, [])],
        training=_training(rows, akey, lang),
        documents=docs, documents_required=checklist.required_count,
        documents_verified=checklist.verified_count, documents_percent=checklist.percent,
        placements=_placements(rows, akey, lang), photo_path=photo_for_print(row.photo_sha256),
        verification_hash=hash_, qr_payload=receipt.qr_payload(row.registration_number, hash_),
        printed_at=ctx.printed_at, printed_by=ctx.printed_by, office_name=ctx.office_name,
        office_contact=ctx.office_contact)


def _export(session: Session, actor: Actor, applicant_ids: Iterable[uuid.UUID], lang: str,
            purpose: str, destination: str | None) -> None:
    kind = "dossier" if lang == "id" else "dossier_en"
    for aid in applicant_ids:  # one entry per applicant: each one's history shows the print
        audit.record_export(session, actor, kind, "applicant", aid, purpose=purpose, destination=destination)


def dossier_data(db, actor: Actor, applicant: uuid.UUID | str, lang: str = "id", *,
                 destination: str | None = None, record: bool = True) -> Dossier:
    """One applicant's dossier (by id or registration number); the print is audited, unless
    ``record`` is False: then the caller records it with ``record_printed`` once the file is
    written (``app.reports.dossier.print_dossier`` does)."""
    require(actor, "dossier.print")
    _check_lang(lang)
    with db.session(write=False) as session:  # a read: no write lock while the photo is prepared
        dossier = _build(session, receipt._resolve(session, applicant), _context(session, actor, lang))
    if record:
        with db.session() as session:
            _export(session, actor, [dossier.applicant_id], lang, "dosir calon", destination)
    return dossier


def _candidates(session: Session, order: JobOrder, lang: str, today: date) -> list[Candidate]:
    rows = session.execute(sa.select(
        Applicant.id, Applicant.registration_number, Applicant.full_name, Applicant.sex, Applicant.birth_date,
        Placement.stage, Placement.score)
        .join(Placement, Placement.applicant_id == Applicant.id)
        .where(Placement.job_order_id == order.id, Placement.stage.in_(PLACEMENT_STAGES))).all()
    rows = sorted(rows, key=lambda r: (r[6] is None, -(r[6] or 0.0), r[1]))
    return [Candidate(aid, number, name, _pick(SEX_NAMES.get(sex), lang, sex), age_on(birth, today), stage,
                      _pick(STAGE_NAMES.get(stage), lang, stage), score)
            for aid, number, name, sex, birth, stage, score in rows]


def _cover(session: Session, actor: Actor, order_ref, lang: str) -> tuple[OrderCover, _Context]:
    order = job_orders.find_order(session, order_ref)
    agency = session.get(Agency, order.agency_id)
    ctx = _context(session, actor, lang)
    status = {"draft": ("Draf", "Draft"), "open": ("Dibuka", "Open"), "closed": ("Ditutup", "Closed"),
              "filled": ("Terpenuhi", "Filled")}.get(order.status)
    cover = OrderCover(
        lang, order.id, order.order_number, _pick(status, lang, order.status), order.employer,
        _country(order.country, lang), _sector(order.sector, lang) or order.sector, order.position, order.quota,
        order.contract_months, agency.name if agency else "", agency.licence_number if agency else "",
        order.sip_number, order.sip_valid_from, order.sip_valid_until,
        _candidates(session, order, lang, ctx.today), ctx.printed_at, ctx.printed_by, ctx.office_name,
        ctx.office_contact)
    return cover, ctx


def shortlisted_for_order(db, actor: Actor, order_ref, lang: str = "id") -> OrderCover:
    """The order (by id or number), its agency and SIP, and its candidates from the shortlist on
    (not rejected or withdrawn): best score first, then registration number."""
    require(actor, "dossier.print")
    _check_lang(lang)
    with db.session(write=False) as session:
        return _cover(session, actor, order_ref, lang)[0]


def order_dossiers(db, actor: Actor, order_ref, lang: str = "id", *, progress: ProgressFn | None = None,
                   cancelled: CancelFn | None = None) -> OrderBatch:
    """The cover and every candidate's dossier, read in one transaction. Not audited here: the
    writer calls ``record_printed`` once the file is in place. ``cancelled()`` is asked before
    each applicant (``PrintCancelled``); ``progress(done, total)`` after each."""
    require(actor, "dossier.print")
    _check_lang(lang)
    with db.session(write=False) as session:
        cover, ctx = _cover(session, actor, order_ref, lang)
        total = len(cover.candidates)
        ids = [c.applicant_id for c in cover.candidates]
        rows = _load_rows(session, ids)
        applicants = {}
        for i in range(0, len(ids), CHUNK):
            for a in session.exec(select(Applicant).where(Applicant.id.in_(ids[i:i + CHUNK]))).all():
                applicants[a.id] = a
        out = []
        for i, c in enumerate(cover.candidates):
            if cancelled is not None and cancelled():
                raise PrintCancelled()
            out.append(_build(session, applicants[c.applicant_id], ctx, rows))
            if progress is not None:
                progress(i + 1, total)
        return OrderBatch(cover, out)


def record_printed(db, actor: Actor, printed: OrderBatch | Dossier, *, destination: str | None = None) -> None:
    """Log a written dossier or batch: one export entry per applicant (kind ``dossier`` or
    ``dossier_en``)."""
    require(actor, "dossier.print")
    with db.session() as session:
        if isinstance(printed, Dossier):
            _export(session, actor, [printed.applicant_id], printed.lang, "dosir calon", destination)
        else:
            _export(session, actor, [d.applicant_id for d in printed.dossiers], printed.cover.lang,
                    f"dosir calon lowongan {printed.cover.order_number}", destination)


# --- the photo -------------------------------------------------------------------------------------

MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png"}
MIN_PHOTO_PIXELS = 100  # each side


def check_photo_file(path: Path | str) -> documents.CheckedFile:
    """A passport-style photo a person chose: JPEG or PNG by its content, at most 5 MB, an image
    that decodes and is at least 100 × 100 pixels."""
    import io

    import filetype
    from PIL import Image, UnidentifiedImageError

    from app.core.errors import FieldError, ValidationError

    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(name)
        if size > MAX_PHOTO_BYTES:
            raise ValidationError(FieldError("photo", "photo_too_large", {
                "name": name, "size": documents._size_mb(size), "max": MAX_PHOTO_BYTES // (1024 * 1024)}))
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(FieldError("photo", "file_unreadable", {"detail": exc.strerror or str(exc)})) from None
    if not data:
        raise ValidationError(FieldError("photo", "scan_empty", {"name": name}))
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(FieldError("photo", "photo_too_large", {
            "name": name, "size": documents._size_mb(len(data)), "max": MAX_PHOTO_BYTES // (1024 * 1024)}))
    kind = filetype.guess(data)
    mime = kind.mime if kind else None
    if mime not in PHOTO_TYPES:
        raise ValidationError(FieldError("photo", "photo_type", {"name": name, "kind": mime or "tidak dikenal"}))
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            width, height = img.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(FieldError("photo", "photo_unreadable", {"name": name})) from None
    if min(width, height) < MIN_PHOTO_PIXELS:
        raise ValidationError(FieldError("photo", "photo_too_small", {
            "name": name, "width": width, "height": height, "min": MIN_PHOTO_PIXELS}))
    import hashlib

    return documents.CheckedFile(data, hashlib.sha256(data).hexdigest(), mime, name, None)


def _applicant_for_edit(session: Session, applicant_id, expected_version: int | None) -> Applicant:
    from app.core.errors import ConcurrentEdit, NotFound
    from app.core.registration import is_anonymised

    row = session.get(Applicant, documents._uuid(applicant_id))
    if row is None:
        raise NotFound("applicant_not_found")
    if is_anonymised(row.nik):
        raise UserError("anonymised_read_only")
    if expected_version is not None and row.version != expected_version:
        raise ConcurrentEdit("changed_by_other")
    return row


def _set_photo_column(session: Session, actor: Actor, row: Applicant, sha256: str | None) -> None:
    from app.models import utcnow

    audit.record(session, actor, "update", "applicant", row.id, {"photo_sha256": [row.photo_sha256, sha256]})
    row.photo_sha256 = sha256
    row.version += 1
    row.updated_at = utcnow()
    session.add(row)
    session.flush()


def set_photo(db, actor: Actor, applicant_id, path: Path | str, *, expected_version: int | None = None) -> str:
    """Check and copy a photo into the data dir (under its SHA-256, beside the scans, backed up
    with them) and make it the applicant's photo; audited. Returns the SHA-256."""
    require(actor, "applicant.edit")
    checked = check_photo_file(path)
    with db.session() as session:
        row = _applicant_for_edit(session, applicant_id, expected_version)
        if row.photo_sha256 == checked.sha256:
            return checked.sha256
        documents._store_file(checked)
        _set_photo_column(session, actor, row, checked.sha256)
        return checked.sha256


def remove_photo(db, actor: Actor, applicant_id, *, expected_version: int | None = None) -> None:
    """Take the photo off the applicant (the file stays with the scans and in backups; the audit
    trail keeps which one it was)."""
    require(actor, "applicant.edit")
    with db.session() as session:
        row = _applicant_for_edit(session, applicant_id, expected_version)
        if row.photo_sha256 is None:
            return
        _set_photo_column(session, actor, row, None)


def photo_of(db, actor: Actor, applicant_id) -> Path | None:
    """The applicant's stored photo file to show, or None."""
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        row = session.get(Applicant, documents._uuid(applicant_id))
        if row is None:
            from app.core.errors import NotFound

            raise NotFound("applicant_not_found")
        return photo_file(row.photo_sha256)
