"""Walk-in registration: validation, duplicate checks, gap-free numbering, edits with audit.

Every public function here is one service call: it opens one transaction on the ``Database`` it is
given and returns plain dataclasses.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

import sqlalchemy as sa
from sqlmodel import Session, select

from app.core import audit, clock, reference
from app.core.actor import Actor
from app.core.errors import (ConcurrentEdit, ConfirmationRequired, FieldError, NotFound, UserError,
                             ValidationError)
from app.core.permissions import require
from app.core.nik import nik_errors, parse_nik
from app.core.validation import Collector, age_on, check_email, normalize_phone
from app.models import (MARITAL_STATUSES, RELIGIONS, SEXES, STATUSES, Applicant,
                        ApplicantLanguage, WorkExperience, utcnow)

MIN_REGISTRATION_AGE = 15
MIN_PLACEMENT_AGE = 18
MAX_AGE = 75
NAME_SIMILARITY = 85  # rapidfuzz token_sort_ratio at or above this, with the same birth date
PLACEMENT_MIN_EDUCATION_RANK = 3  # SMA/SMK

# Fields a person enters for an applicant (the JSON of the CLI uses these names too).
INPUT_FIELDS = (
    "nik", "kk_number", "full_name", "sex", "birth_place", "birth_date", "religion",
    "marital_status", "address", "rt", "rw", "kelurahan_code", "phone", "email",
    "education_level", "education_major", "height_cm", "weight_kg", "skills",
    "preferred_countries", "preferred_sectors", "funding_scheme", "notes", "consent",
    "consent_on", "languages", "experience",
)


@dataclass
class LanguageSkill:
    language_code: str
    level: str
    certificate: str | None = None


@dataclass
class Experience:
    employer: str
    position: str
    start_date: date
    end_date: date | None = None
    country: str = "ID"
    sector: str | None = None
    description: str | None = None


@dataclass
class ApplicantInput:
    """What the form or the JSON file gives; loose types, checked by ``validate``."""

    nik: Any = ""
    kk_number: Any = ""
    full_name: Any = ""
    sex: Any = ""
    birth_place: Any = ""
    birth_date: Any = None
    religion: Any = None
    marital_status: Any = "belum_kawin"
    address: Any = ""
    rt: Any = ""
    rw: Any = ""
    kelurahan_code: Any = ""
    phone: Any = ""
    email: Any = None
    education_level: Any = ""
    education_major: Any = None
    height_cm: Any = None
    weight_kg: Any = None
    skills: Any = None
    preferred_countries: Any = field(default_factory=list)
    preferred_sectors: Any = field(default_factory=list)
    funding_scheme: Any = None
    notes: Any = None
    consent: Any = False
    consent_on: Any = None
    languages: Any = field(default_factory=list)
    experience: Any = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ApplicantInput":
        if not isinstance(data, dict):
            raise ValidationError(FieldError("json", "json_invalid", {"detail": "bukan objek"}))
        unknown = [k for k in data if k not in INPUT_FIELDS]
        if unknown:
            raise ValidationError([FieldError(k, "unknown_field", {"value": k}) for k in unknown])
        return cls(**data)


@dataclass
class CleanApplicant:
    """Validated column values plus child rows; ``warnings`` need a person's confirmation."""

    values: dict[str, Any]
    languages: list[LanguageSkill]
    experience: list[Experience]
    warnings: list[FieldError]


@dataclass(frozen=True)
class DuplicateHint:
    applicant_id: uuid.UUID
    registration_number: str
    full_name: str
    reason: str


@dataclass
class ApplicantDetail:
    """An applicant as services hand it out: plain values, no session attached."""

    id: uuid.UUID
    version: int
    registration_number: str
    office_code: str
    registered_on: date
    nik: str
    kk_number: str
    full_name: str
    sex: str
    birth_place: str
    birth_date: date
    religion: str | None
    marital_status: str
    address: str
    rt: str
    rw: str
    kelurahan_code: str
    kecamatan_code: str
    phone: str
    email: str | None
    education_level: str
    education_major: str | None
    height_cm: int | None
    weight_kg: int | None
    skills: str | None
    preferred_countries: list[str]
    preferred_sectors: list[str]
    funding_scheme: str | None
    photo_sha256: str | None
    consent_on: date
    status: str
    notes: str | None
    languages: list[LanguageSkill]
    experience: list[Experience]

    @property
    def age(self) -> int:
        return age_on(self.birth_date, clock.today())

    @property
    def kelurahan_name(self) -> str:
        k = reference.kelurahan().get(self.kelurahan_code)
        return k.name if k else self.kelurahan_code

    @property
    def kecamatan_name(self) -> str:
        return reference.kecamatan().get(self.kecamatan_code, self.kecamatan_code)

    def to_input(self) -> ApplicantInput:
        """The editable part, for a form or an update."""
        values = {f: getattr(self, f) for f in INPUT_FIELDS
                  if f not in ("consent", "languages", "experience")}
        return ApplicantInput(**values, consent=True,
                              languages=[dataclasses.replace(x) for x in self.languages],
                              experience=[dataclasses.replace(x) for x in self.experience])

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["id"] = str(self.id)
        for k, v in list(out.items()):
            if isinstance(v, date):
                out[k] = v.isoformat()
        for e in out["experience"]:
            for k in ("start_date", "end_date"):
                if e[k] is not None:
                    e[k] = e[k].isoformat()
        out["age"] = self.age
        out["kelurahan_name"] = self.kelurahan_name
        out["kecamatan_name"] = self.kecamatan_name
        return out


# --- validation (pure) ----------------------------------------------------------------------

def _code_list(c: Collector, name: str, value: Any, choices: dict) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)):
        c.add(name, "not_a_list")
        return []
    out = []
    for v in value:
        if not isinstance(v, str) or v not in choices:  # a list is not even hashable
            c.add(name, "invalid_choice", value=str(v)[:40])
        elif v not in out:
            out.append(v)
    return out


def validate(data: ApplicantInput, *, today: date | None = None,
             registered_on: date | None = None) -> CleanApplicant:
    """Check every field; raise ``ValidationError`` with all problems, or return clean values.

    The age rules apply on the registration date: ``registered_on`` for an edit of a registered
    applicant, else ``today`` (a new registration)."""
    today = today or clock.today()
    c = Collector()
    v: dict[str, Any] = {}

    nik = data.nik.strip() if isinstance(data.nik, str) else data.nik
    if nik is None or nik == "":
        c.add("nik", "required")
    else:  # a number is refused too: it would lose leading zeros and is not what was typed
        c.errors.extend(nik_errors(nik, today=today))
    v["nik"] = nik
    kk = data.kk_number.strip() if isinstance(data.kk_number, str) else data.kk_number
    if not isinstance(kk, str) or not (len(kk) == 16 and kk.isascii() and kk.isdigit()):
        c.add("kk_number", "kk_format")
    v["kk_number"] = kk
    v["full_name"] = c.text("full_name", data.full_name, max_len=100)
    v["sex"] = c.choice("sex", data.sex, SEXES)
    v["birth_place"] = c.text("birth_place", data.birth_place, max_len=60)
    v["birth_date"] = c.date("birth_date", data.birth_date)
    v["religion"] = c.choice("religion", data.religion, RELIGIONS, required=False)
    marital = data.marital_status
    v["marital_status"] = c.choice("marital_status", "belum_kawin" if marital is None or marital == ""
                                   else marital, MARITAL_STATUSES)
    v["address"] = c.text("address", data.address, max_len=200)
    for part in ("rt", "rw"):
        raw = c.text(part, getattr(data, part), max_len=3,
                     required=False) or ""
        if raw and not (raw.isascii() and raw.isdigit()):
            c.add(part, "rt_rw_format")
        v[part] = raw.zfill(3) if raw else ""
    kel_code = data.kelurahan_code
    kel = reference.kelurahan().get(kel_code) if isinstance(kel_code, str) else None
    if kel is None:
        if kel_code is None or kel_code == "":
            c.add("kelurahan_code", "required")
        else:
            c.add("kelurahan_code", "kelurahan_unknown", value=str(data.kelurahan_code)[:40])
    else:
        v["kelurahan_code"] = kel.code
        v["kecamatan_code"] = kel.kecamatan_code
    phone_raw = c.text("phone", data.phone, max_len=30)
    if phone_raw:
        phone = normalize_phone(phone_raw)
        if phone is None:
            c.add("phone", "phone_invalid", value=phone_raw)
        v["phone"] = phone
    email = c.text("email", data.email, max_len=120, required=False)
    if email:
        normalized, _reason = check_email(email)
        if normalized is None:
            c.add("email", "email_invalid", value=email)
        email = normalized
    v["email"] = email
    v["education_level"] = c.choice("education_level", data.education_level,
                                    reference.education_levels())
    v["education_major"] = c.text("education_major", data.education_major, max_len=100, required=False)
    v["height_cm"] = c.integer("height_cm", data.height_cm, lo=100, hi=230)
    v["weight_kg"] = c.integer("weight_kg", data.weight_kg, lo=25, hi=250)
    v["skills"] = c.text("skills", data.skills, max_len=1000, required=False, multiline=True)
    v["preferred_countries"] = ",".join(_code_list(c, "preferred_countries", data.preferred_countries,
                                                   reference.countries()))
    v["preferred_sectors"] = ",".join(_code_list(c, "preferred_sectors", data.preferred_sectors,
                                                 reference.sectors()))
    v["funding_scheme"] = c.choice("funding_scheme", data.funding_scheme, reference.funding_schemes(),
                                   required=False)
    v["notes"] = c.text("notes", data.notes, max_len=2000, required=False, multiline=True)
    if data.consent is not True:
        c.add("consent", "consent_required")
    consent_on = c.date("consent_on", data.consent_on, required=False) or today
    if consent_on > today:
        c.add("consent_on", "invalid_date", value=consent_on.isoformat())
    v["consent_on"] = consent_on

    languages = _languages(c, data.languages)
    experience = _experience(c, data.experience)

    warnings: list[FieldError] = []
    birth = v.get("birth_date")
    if birth is not None:
        if birth > today:
            c.add("birth_date", "birth_future")
        else:
            age = age_on(birth, min(registered_on or today, today))
            if age < MIN_REGISTRATION_AGE:
                c.add("birth_date", "age_too_young", age=age)
            elif age > MAX_AGE:
                c.add("birth_date", "age_too_old", age=age)
            elif age < MIN_PLACEMENT_AGE:
                warnings.append(FieldError("birth_date", "age_under_18", {"age": age}))
    if c.errors:
        raise ValidationError(c.errors)

    info = parse_nik(v["nik"], today=today)
    if info.birth_date != birth:
        warnings.append(FieldError("nik", "nik_birth_mismatch", {
            "nik_date": info.birth_date.strftime("%d/%m/%Y"), "birth_date": birth.strftime("%d/%m/%Y")}))
    if info.sex != v["sex"]:
        warnings.append(FieldError("nik", "nik_sex_mismatch", {"nik_sex": info.sex, "sex": v["sex"]}))
    if reference.education_rank(v["education_level"]) < PLACEMENT_MIN_EDUCATION_RANK:
        warnings.append(FieldError("education_level", "education_below_sma",
                                   {"level": v["education_level"]}))
    return CleanApplicant(v, languages, experience, warnings)


def _languages(c: Collector, items: Any) -> list[LanguageSkill]:
    if items in (None, ""):
        return []
    if not isinstance(items, (list, tuple)):
        c.add("languages", "not_a_list")
        return []
    out: list[LanguageSkill] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        if isinstance(item, LanguageSkill):
            item = dataclasses.asdict(item)
        if not isinstance(item, dict):
            c.add(f"languages[{i}]", "invalid_choice", value=str(item)[:40])
            continue
        name = f"languages[{i}]"
        code = c.choice(f"{name}.language_code", item.get("language_code"), reference.languages())
        level = c.text(f"{name}.level", item.get("level"), max_len=20)
        cert = c.text(f"{name}.certificate", item.get("certificate"), max_len=100, required=False)
        if code and level and level not in reference.languages()[code].levels:
            c.add(f"{name}.level", "level_unknown", level=level, language=reference.languages()[code].name_id)
        if code in seen:
            c.add(f"{name}.language_code", "language_duplicate", value=code)
        if code:
            seen.add(code)
        if code and level:
            out.append(LanguageSkill(code, level, cert))
    return out


def _experience(c: Collector, items: Any) -> list[Experience]:
    if items in (None, ""):
        return []
    if not isinstance(items, (list, tuple)):
        c.add("experience", "not_a_list")
        return []
    out: list[Experience] = []
    for i, item in enumerate(items):
        if isinstance(item, Experience):
            item = dataclasses.asdict(item)
        name = f"experience[{i}]"
        if not isinstance(item, dict):
            c.add(name, "invalid_choice", value=str(item)[:40])
            continue
        employer = c.text(f"{name}.employer", item.get("employer"), max_len=120)
        position = c.text(f"{name}.position", item.get("position"), max_len=100)
        country = item.get("country")
        country = "ID" if country is None or country == "" else country
        if country != "ID" and (not isinstance(country, str) or country not in reference.countries()):
            c.add(f"{name}.country", "invalid_choice", value=str(country)[:40])
        sector = c.choice(f"{name}.sector", item.get("sector"), reference.sectors(), required=False)
        start = c.date(f"{name}.start_date", item.get("start_date"))
        end = c.date(f"{name}.end_date", item.get("end_date"), required=False)
        if start and end and end < start:
            c.add(f"{name}.end_date", "experience_dates")
        desc = c.text(f"{name}.description", item.get("description"), max_len=500, required=False,
                      multiline=True)
        if employer and position and start:
            out.append(Experience(employer, position, start, end, country, sector, desc))
    return out


# --- queries used inside services (never commit) --------------------------------------------

def _detail(session: Session, row: Applicant) -> ApplicantDetail:
    langs = session.exec(select(ApplicantLanguage).where(ApplicantLanguage.applicant_id == row.id)
                         .order_by(ApplicantLanguage.created_at)).all()
    exps = session.exec(select(WorkExperience).where(WorkExperience.applicant_id == row.id)
                        .order_by(WorkExperience.start_date)).all()
    values = {f.name: getattr(row, f.name) for f in dataclasses.fields(ApplicantDetail)
              if f.name not in ("languages", "experience", "preferred_countries", "preferred_sectors")}
    return ApplicantDetail(
        **values,
        preferred_countries=[x for x in row.preferred_countries.split(",") if x],
        preferred_sectors=[x for x in row.preferred_sectors.split(",") if x],
        languages=[LanguageSkill(x.language_code, x.level, x.certificate) for x in langs],
        experience=[Experience(x.employer, x.position, x.start_date, x.end_date, x.country, x.sector,
                               x.description) for x in exps],
    )


ANONYMOUS_NIK_PREFIX = "ANON-"  # never a NIK (16 digits), so no real NIK can collide with it


def is_anonymised(nik: str) -> bool:
    return nik.startswith(ANONYMOUS_NIK_PREFIX)


def find_by_nik(session: Session, nik: str) -> Applicant | None:
    return session.exec(select(Applicant).where(Applicant.nik == nik)).first()


def likely_duplicates(session: Session, full_name: str, birth_date: date, phone: str | None,
                      exclude: uuid.UUID | None = None) -> list[DuplicateHint]:
    """Same phone, or a similar name with the same birth date (rapidfuzz)."""
    from rapidfuzz import fuzz, utils

    hints: dict[uuid.UUID, DuplicateHint] = {}
    cols = (Applicant.id, Applicant.registration_number, Applicant.full_name)
    same_day = session.exec(select(*cols).where(Applicant.birth_date == birth_date)).all()
    for aid, number, name in same_day:
        if aid == exclude:
            continue
        score = fuzz.token_sort_ratio(full_name, name, processor=utils.default_process)
        if score >= NAME_SIMILARITY:
            hints[aid] = DuplicateHint(aid, number, name, f"nama mirip ({score:.0f}%) dan tanggal lahir sama")
    if phone:
        for aid, number, name in session.exec(select(*cols).where(Applicant.phone == phone)).all():
            if aid != exclude and aid not in hints:
                hints[aid] = DuplicateHint(aid, number, name, "nomor telepon sama")
    return list(hints.values())


def next_registration_number(session: Session, office_code: str, year: int) -> str:
    """Take the next number of the office's year inside the caller's write transaction.

    The counter row is bumped with one UPSERT; the transaction holds the write lock (SQLite
    ``BEGIN IMMEDIATE``, PostgreSQL row lock) until commit, so two windows saving at once get
    distinct, consecutive numbers, and a rolled-back save gives its number back.
    """
    value = session.execute(sa.text(
        "INSERT INTO registration_counter (office_code, year, last_value) VALUES (:o, :y, 1) "
        "ON CONFLICT (office_code, year) DO UPDATE SET last_value = registration_counter.last_value + 1 "
        "RETURNING last_value"), {"o": office_code, "y": year}).scalar_one()
    return format_registration_number(office_code, year, value)


def format_registration_number(office_code: str, year: int, value: int) -> str:
    return f"{office_code}-{year}-{value:06d}"


def _warnings_to_raise(warnings: list[FieldError], confirm: bool | Iterable[str]) -> list[FieldError]:
    if confirm is True:
        return []
    confirmed = {confirm} if isinstance(confirm, str) else set(confirm or ())  # one code, not its letters
    return [w for w in warnings if w.code not in confirmed]


def _warning_key(w: FieldError) -> tuple:
    return (w.field, w.code, tuple(sorted((k, str(v)) for k, v in w.params.items())))


def _duplicate_warnings(hints: list[DuplicateHint]) -> list[FieldError]:
    return [FieldError("full_name", "likely_duplicate", {
        "name": h.full_name, "registration_number": h.registration_number, "reason": h.reason,
        "applicant_id": str(h.applicant_id)}) for h in hints]


# --- services -------------------------------------------------------------------------------

def check_registration(db, data: ApplicantInput, actor: Actor, *, today: date | None = None) -> list[FieldError]:
    """Validate and look for duplicates without saving: the warnings a clerk must confirm.

    Raises ``ValidationError`` for refusals (including a NIK already registered).
    """
    require(actor, "applicant.create")
    clean = validate(data, today=today)
    with db.session(write=False) as session:
        _refuse_registered_nik(session, clean.values["nik"])
        hints = likely_duplicates(session, clean.values["full_name"], clean.values["birth_date"],
                                  clean.values.get("phone"))
    return clean.warnings + _duplicate_warnings(hints)


def _refuse_registered_nik(session: Session, nik: str, exclude: uuid.UUID | None = None) -> None:
    existing = find_by_nik(session, nik)
    if existing is not None and existing.id != exclude:
        raise ValidationError(FieldError("nik", "nik_duplicate", {
            "name": existing.full_name, "registration_number": existing.registration_number,
            "applicant_id": str(existing.id)}))


def register_applicant(db, data: ApplicantInput, actor: Actor, *,
                       confirm_warnings: bool | Iterable[str] = False,
                       today: date | None = None) -> ApplicantDetail:
    """Register one walk-in applicant: validate, refuse a known NIK, warn on likely duplicates,
    take the next registration number, insert with languages and experience, audit. One
    transaction: either all of it is saved or nothing."""
    require(actor, "applicant.create")
    today = today or clock.today()
    clean = validate(data, today=today)
    try:
        return _register(db, clean, actor, confirm_warnings, today)
    except sa.exc.IntegrityError:
        # Two seats on PostgreSQL saving one NIK at the same moment: both passed the check, the
        # unique index let the first one in. The second gets the same refusal as if it had come
        # later (on SQLite the write lock already makes it come later).
        with db.session(write=False) as session:
            _refuse_registered_nik(session, clean.values["nik"])
        raise


def _register(db, clean: CleanApplicant, actor: Actor, confirm_warnings: bool | Iterable[str],
              today: date) -> ApplicantDetail:
    with db.session() as session:
        _refuse_registered_nik(session, clean.values["nik"])
        hints = likely_duplicates(session, clean.values["full_name"], clean.values["birth_date"],
                                  clean.values.get("phone"))
        pending = _warnings_to_raise(clean.warnings + _duplicate_warnings(hints), confirm_warnings)
        if pending:
            raise ConfirmationRequired(pending)
        number = next_registration_number(session, actor.office_code, today.year)
        # Core inserts, not ORM objects: the walk-in path is the hot one (see bench_register.py);
        # the values are already validated, and the result is built from them, not read back.
        now = utcnow()
        office = actor.office_code
        row = dict(clean.values, id=uuid.uuid4(), created_at=now, updated_at=now, origin_office=office,
                   version=1, registration_number=number, office_code=office, registered_on=today,
                   status="registered", photo_sha256=None)
        session.execute(sa.insert(Applicant), [row])
        child = dict(applicant_id=row["id"], created_at=now, updated_at=now, origin_office=office, version=1)
        if clean.languages:
            session.execute(sa.insert(ApplicantLanguage), [
                dict(child, id=uuid.uuid4(), language_code=x.language_code, level=x.level,
                     certificate=x.certificate) for x in clean.languages])
        if clean.experience:
            session.execute(sa.insert(WorkExperience), [
                dict(child, id=uuid.uuid4(), employer=x.employer, position=x.position, country=x.country,
                     sector=x.sector, start_date=x.start_date, end_date=x.end_date,
                     description=x.description) for x in clean.experience])
        audit.record(session, actor, "create", "applicant", row["id"], {
            k: [None, v] for k, v in _audit_values(clean).items()} | {"registration_number": [None, number]})
        fields = {f.name for f in dataclasses.fields(ApplicantDetail)}
        return ApplicantDetail(**{k: v for k, v in row.items() if k in fields and k not in (
            "preferred_countries", "preferred_sectors")},
            preferred_countries=[x for x in row["preferred_countries"].split(",") if x],
            preferred_sectors=[x for x in row["preferred_sectors"].split(",") if x],
            languages=list(clean.languages),
            experience=sorted(clean.experience, key=lambda x: x.start_date))


def _add_children(session: Session, applicant_id: uuid.UUID, clean: CleanApplicant, office: str) -> None:
    for lang in clean.languages:
        session.add(ApplicantLanguage(applicant_id=applicant_id, language_code=lang.language_code,
                                      level=lang.level, certificate=lang.certificate,
                                      origin_office=office))
    for exp in clean.experience:
        session.add(WorkExperience(applicant_id=applicant_id, employer=exp.employer,
                                   position=exp.position, country=exp.country, sector=exp.sector,
                                   start_date=exp.start_date, end_date=exp.end_date,
                                   description=exp.description, origin_office=office))


def _audit_values(clean: CleanApplicant) -> dict[str, Any]:
    out = dict(clean.values)
    out["languages"] = [f"{x.language_code}:{x.level}:{x.certificate or ''}" for x in clean.languages]
    out["experience"] = [f"{x.employer}/{x.position}/{x.start_date}/{x.end_date or ''}" for x in clean.experience]
    return out


def get_applicant(db, applicant_id: uuid.UUID | str, actor: Actor) -> ApplicantDetail:
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        row = session.get(Applicant, _uuid(applicant_id))
        if row is None:
            raise NotFound("applicant_not_found")
        return _detail(session, row)


def get_by_registration_number(db, number: str, actor: Actor) -> ApplicantDetail:
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        row = session.exec(select(Applicant).where(Applicant.registration_number == number)).first()
        if row is None:
            raise NotFound("applicant_not_found")
        return _detail(session, row)


def _uuid(value: uuid.UUID | str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound("applicant_not_found") from None


def update_applicant(db, applicant_id: uuid.UUID | str, data: ApplicantInput, actor: Actor, *,
                     expected_version: int, confirm_warnings: bool | Iterable[str] = False,
                     today: date | None = None) -> ApplicantDetail:
    """Save an edit. The NIK never changes; a record changed by someone else since it was read
    (``expected_version``) is refused; the audit keeps every changed field, old → new. The age
    rules apply on the registration date, so a record stays editable as the person grows older."""
    require(actor, "applicant.edit")
    with db.session() as session:
        row = session.get(Applicant, _uuid(applicant_id))
        if row is None:
            raise NotFound("applicant_not_found")
        if is_anonymised(row.nik):
            raise UserError("anonymised_read_only")
        clean = validate(data, today=today, registered_on=row.registered_on)
        if clean.values["nik"] != row.nik:
            raise ValidationError(FieldError("nik", "nik_immutable"))
        if row.version != expected_version:
            raise ConcurrentEdit("changed_by_other")
        if data.consent_on is None or data.consent_on == "":
            # consent was given at registration; an edit that does not carry its date keeps it
            clean.values["consent_on"] = row.consent_on
        before = _detail(session, row)
        warnings = list(clean.warnings)
        if (clean.values["full_name"], clean.values["birth_date"], clean.values.get("phone")) != (
                row.full_name, row.birth_date, row.phone):
            warnings += _duplicate_warnings(likely_duplicates(
                session, clean.values["full_name"], clean.values["birth_date"],
                clean.values.get("phone"), exclude=row.id))
        # Warnings already accepted for the stored values (e.g. the NIK's date) are not asked
        # again; the same code about different values (another wrong birth date) is a new question.
        old_clean = validate(before.to_input(), today=today, registered_on=row.registered_on)
        accepted = {_warning_key(w) for w in old_clean.warnings}
        pending = [w for w in _warnings_to_raise(warnings, confirm_warnings)
                   if _warning_key(w) not in accepted]
        if pending:
            raise ConfirmationRequired(pending)
        old_values = _audit_values(old_clean)
        new_values = _audit_values(clean)
        changes = audit.diff(old_values, new_values)
        if not changes:
            return before
        column_changes = {k: v for k, v in clean.values.items() if k in changes}
        result = session.execute(
            sa.update(Applicant).where(Applicant.id == row.id, Applicant.version == expected_version)
            .values(**column_changes, version=expected_version + 1, updated_at=utcnow()))
        if result.rowcount != 1:
            raise ConcurrentEdit("changed_by_other")
        if "languages" in changes or "experience" in changes:
            session.execute(sa.delete(ApplicantLanguage).where(ApplicantLanguage.applicant_id == row.id))
            session.execute(sa.delete(WorkExperience).where(WorkExperience.applicant_id == row.id))
            _add_children(session, row.id, clean, actor.office_code)
        audit.record(session, actor, "update", "applicant", row.id, changes)
        session.flush()
        session.expire_all()
        return _detail(session, session.get(Applicant, row.id))


def set_status(db, applicant_id: uuid.UUID | str, status: str, actor: Actor,
               reason: str | None = None) -> ApplicantDetail:
    """Move an applicant along the pipeline (rules and guards in ``app.core.pipeline``)."""
    from app.core import pipeline

    require(actor, "applicant.status")
    if status not in STATUSES:
        raise ValidationError(FieldError("status", "status_unknown", {"value": status}))
    with db.session() as session:
        row = session.get(Applicant, _uuid(applicant_id))
        if row is None:
            raise NotFound("applicant_not_found")
        if is_anonymised(row.nik) and row.status != status:
            raise UserError("anonymised_read_only")
        pipeline.move(session, actor, row, status, reason=reason)
        return _detail(session, row)


def history(db, applicant_id: uuid.UUID | str, actor: Actor) -> list[audit.AuditRow]:
    require(actor, "applicant.view")
    with db.session(write=False) as session:
        return audit.history(session, "applicant", _uuid(applicant_id))
