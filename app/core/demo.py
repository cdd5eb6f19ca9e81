"""Demo data: realistic walk-in applicants of Kota Serang, generated fast and deterministically.

``generate(db, actor, applicants=N, seed=S)`` adds N applicants in one write transaction through
SQLAlchemy Core ``executemany`` (never the ORM), with languages and work experience, and registration
numbers from the same numbering as walk-in
registration (``registration.format_registration_number`` and the ``registration_counter`` row of
each office/year, left at the last value handed out, so the next walk-in continues gap-free).

Audit: one entry for the whole load (action ``demo-data``, entity ``applicant``, with the count, the
seed and the first/last registration number per year), not one ``create`` per applicant: the
rows are invented, an entry per row would only restate them, and 200,000 more inserts would cost
a tenth of the time budget. An applicant's own history therefore starts at its first real edit.

Determinism: the random streams are seeded with ``(seed, number of applicants already in the
database)``, so the same seed on a fresh database gives the same rows (ids, NIKs, names, numbers...),
and a second run on the same database gives new people instead of re-drawing the first ones. NIKs
and phone numbers already present are never reused. ``today`` (default: the current date) fixes the
last registration day; pass it for reproducible output across days.

Names come from pools drawn once from Faker (``id_ID``) and are combined with numpy, because calling
Faker per row is slow. The FTS name index is refilled in one statement after the load instead of
row by row through its trigger (the trigger is dropped and re-created inside the same transaction,
so a failure rolls everything back, trigger included).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Callable

import numpy as np
import sqlalchemy as sa

from app.core import reference
from app.core.actor import Actor
from app.core.bulk import insert_rows
from app.core.nik import nik_date_part
from app.core.registration import format_registration_number
from app.models import (Applicant, ApplicantLanguage, AuditEntry, RegistrationCounter,
                        WorkExperience, utcnow)

FIRST_DAY = date(2025, 12, 1)
CHUNK = 5000
REBUILD_INDEXES_FROM = 20_000  # applicants (and at least as many as there are already)
BULK_CACHE_KIB = -262144  # 256 MiB while loading (negative: KiB, SQLite's convention)
WIB = timezone(timedelta(hours=7))

# (weight, value) tables -----------------------------------------------------------------------
_EDUCATION = {"SMP": 5, "SMA": 40, "SMK": 38, "D3": 9, "D4": 1, "S1": 7}
_MAJORS = {
    "SMA": ["IPA", "IPS", "Bahasa"],
    "SMK": ["Keperawatan", "Tata Boga", "Teknik Mesin", "Akuntansi", "Perhotelan",
            "Teknik Kendaraan Ringan", "Tata Busana", "Teknik Komputer dan Jaringan",
            "Teknik Pengelasan", "Agribisnis", "Teknik Instalasi Tenaga Listrik", "Farmasi"],
    "D3": ["Keperawatan", "Kebidanan", "Perhotelan", "Manajemen Informatika", "Akuntansi",
           "Teknik Mesin", "Bahasa Jepang"],
    "D4": ["Keperawatan", "Teknik Mesin", "Manajemen Bisnis"],
    "S1": ["Keperawatan", "Manajemen", "Teknik Informatika", "Akuntansi", "Pendidikan Bahasa Inggris",
           "Sastra Jepang", "Teknik Sipil", "Agroteknologi"],
}
_RELIGION = {"islam": 960, "kristen": 20, "katolik": 10, "buddha": 5, "hindu": 4, "konghucu": 1}
_MARITAL = {"belum_kawin": 55, "kawin": 38, "cerai_hidup": 5, "cerai_mati": 2}
_STATUS = {"registered": 38, "documents": 25, "training": 20, "ready": 5, "proposed": 3,
           "selected": 2, "departing": 1.2, "departed": 3, "returned": 0.5, "withdrawn": 1.8,
           "ineligible": 0.5}
_FUNDING = {"employer": 30, "kur_pmi": 25, "government": 15, "self": 15, None: 15}
_COUNTRIES = {"JP": 25, "KR": 20, "TW": 14, "HK": 8, "MY": 8, "SA": 6, "DE": 5, "SG": 4, "AE": 3,
              "QA": 2, "TR": 2, "KW": 1, "BN": 1, "PL": 1, "NL": 1, "AU": 1}
_SECTORS_F = {"caregiving": 30, "nursing": 20, "manufacturing": 20, "hospitality": 15,
              "food_service": 10, "agriculture": 5}
_SECTORS_M = {"manufacturing": 30, "construction": 20, "fishery": 10, "agriculture": 10,
              "plantation": 8, "automotive": 8, "logistics": 7, "hospitality": 5, "food_service": 2}
_LANGUAGES = {"ja": 35, "ko": 25, "en": 20, "de": 8, "ar": 8, "tr": 4}
_SKILLS = ["Mengemudi (SIM A)", "Mengemudi (SIM C)", "Memasak", "Menjahit", "Komputer perkantoran",
           "Merawat lansia", "Merawat anak", "Pengelasan", "Listrik", "Bertani", "Las listrik",
           "Forklift", "Tata rias", "Bahasa Inggris percakapan", "Servis motor"]
_POSITIONS = {
    "manufacturing": ["Operator produksi", "Quality control", "Operator mesin"],
    "construction": ["Tukang bangunan", "Helper konstruksi", "Tukang besi"],
    "caregiving": ["Pengasuh anak", "Perawat lansia", "Asisten rumah tangga"],
    "nursing": ["Asisten perawat", "Perawat"],
    "hospitality": ["Pramusaji", "Housekeeping", "Resepsionis"],
    "food_service": ["Juru masak", "Asisten dapur"],
    "agriculture": ["Petani", "Buruh tani"],
    "plantation": ["Pekerja kebun sawit", "Mandor kebun"],
    "fishery": ["Anak buah kapal", "Pengolah ikan"],
    "logistics": ["Staf gudang", "Sopir", "Kurir"],
    "automotive": ["Mekanik", "Teknisi bengkel"],
}
_ABROAD = {"MY": 40, "TW": 20, "SA": 15, "HK": 12, "KR": 8, "JP": 5}
_PHONE_PREFIXES = ["811", "812", "813", "821", "822", "823", "851", "852", "853", "814", "815",
                   "816", "855", "856", "857", "858", "817", "818", "819", "859", "877", "878",
                   "831", "832", "833", "838", "895", "896", "897", "898", "899", "881", "882",
                   "883", "887", "888"]
_EMAIL_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.co.id", "outlook.com"]
# NIK region of first issue: most from Kota Serang (matching the kelurahan), then Kab. Serang,
# the rest of Banten, other provinces (people who moved to the city).
_BANTEN_REGENCIES = ["01", "02", "03", "71", "72", "74"]
_OTHER_PROVINCES = {"32": 40, "33": 20, "31": 15, "35": 10, "18": 8, "16": 4, "34": 3}
_AGES = list(range(18, 56))
_AGE_WEIGHTS = [9, 10, 10, 10, 9, 9, 8, 8, 7, 7, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2,
                2, 0.4, 0.4, 0.3, 0.3, 0.3, 0.2, 0.2, 0.2, 0.1, 0.1]


def _table(weights: dict) -> tuple[list, np.ndarray]:
    keys = list(weights)
    p = np.array([float(weights[k]) for k in keys])
    return keys, p / p.sum()


def _pick(rng: np.random.Generator, weights: dict, n: int) -> list:
    keys, p = _table(weights)
    return [keys[i] for i in rng.choice(len(keys), size=n, p=p)]


def _name_pools(seed: int) -> dict[str, list[str]]:
    """Distinct Indonesian first and last names (and streets, companies, towns) from Faker."""
    from faker import Faker

    fake = Faker("id_ID")
    fake.seed_instance(seed)

    def pool(fn, k=2500) -> list[str]:
        return sorted({fn() for _ in range(k)})

    streets = pool(fake.street_name, 1500)
    streets = sorted({s.split(" ", 1)[1] if s.split(" ", 1)[0] in ("Jalan", "Jl.", "Gg.", "Gang") else s
                      for s in streets})
    return {
        "first_m": pool(fake.first_name_male), "first_f": pool(fake.first_name_female),
        "last_m": pool(fake.last_name_male), "last_f": pool(fake.last_name_female),
        "streets": streets,
        "companies": pool(fake.company, 600),
        "towns": pool(fake.city_name, 400),
    }


def _ascii_lower(text: str) -> str:
    return "".join(ch for ch in text.lower() if "a" <= ch <= "z")


def _office_days(first: date, last: date) -> tuple[list[date], np.ndarray]:
    """Working days (Mon–Fri) between ``first`` and ``last``, busier as the programme grows."""
    days = [first + timedelta(d) for d in range((last - first).days + 1)]
    days = [d for d in days if d.weekday() < 5] or [last]
    w = np.linspace(1.0, 2.0, len(days))
    return days, w / w.sum()


def generate(db, actor: Actor, *, applicants: int, seed: int = 2026,
             progress: Callable[[int, int], None] | None = None,
             today: date | None = None) -> dict[str, Any]:
    """Add ``applicants`` demo applicants in one transaction; return what was added.

    ``{"applicants": N, "languages": …, "experience": …, "audit_entries": …, "seed": S,
    "registration_numbers": {year: [first, last]}}``.
    """
    if applicants < 0:
        raise ValueError("applicants must be >= 0")
    today = today or date.today()
    with db.session() as session:
        conn = session.connection()
        if db.dialect == "sqlite":
            # A big page cache for the load: inserts with random keys (ids, NIKs, phones) into
            # indexes that outgrow the default 2 MB cache would otherwise spill and re-read pages.
            old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size={BULK_CACHE_KIB}")
        try:
            return _generate(db, conn, actor, applicants, seed, progress, today)
        finally:
            if db.dialect == "sqlite":
                conn.exec_driver_sql(f"PRAGMA cache_size={int(old_cache)}")


def _generate(db, conn, actor, applicants, seed, progress, today) -> dict[str, Any]:
    office = actor.office_code
    existing = conn.execute(sa.select(sa.func.count()).select_from(Applicant)).scalar_one()
    rng = np.random.default_rng([seed, existing])
    taken_nik = set(conn.execute(sa.select(Applicant.nik)).scalars())
    taken_phone = set(conn.execute(sa.select(Applicant.phone)).scalars())
    rows, langs, exps = _build(rng, seed, applicants, today, office, taken_nik, taken_phone)
    numbers = _number(conn, rows, office)
    total = len(rows)
    if progress:
        progress(0, total)

    fts = db.dialect == "sqlite" and _has_fts(conn)
    if fts:  # bulk refill instead of one trigger call per row (see module docstring)
        trigger_sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type='trigger' AND name='applicant_fts_ai'").scalar()
        max_rowid = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM applicant").scalar()
        if trigger_sql:
            conn.exec_driver_sql("DROP TRIGGER applicant_fts_ai")
    # A big load into a small table: drop the secondary indexes and build them again afterwards
    # (one sort each instead of ~200,000 random b-tree inserts each), from their stored SQL, in
    # this transaction. Unique ones are re-checked when they are rebuilt: a duplicate NIK or
    # number would fail the CREATE and roll the whole load back.
    indexes = []
    if db.dialect == "sqlite" and total >= max(REBUILD_INDEXES_FROM, existing):
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND tbl_name IN "
            "('applicant', 'applicant_language', 'work_experience')").all()
        for name, _sql in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    # Children are inserted after their applicants, chunk by chunk (foreign keys stay on).
    lang_by_chunk = _split_children(langs, total)
    exp_by_chunk = _split_children(exps, total)
    for start in range(0, total, CHUNK):
        insert_rows(conn, Applicant.__table__, rows[start:start + CHUNK])
        insert_rows(conn, ApplicantLanguage.__table__, lang_by_chunk[start // CHUNK])
        insert_rows(conn, WorkExperience.__table__, exp_by_chunk[start // CHUNK])
        if progress:
            progress(min(start + CHUNK, total), total)
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)
    if fts:
        conn.exec_driver_sql(
            "INSERT INTO applicant_fts(rowid, full_name) "
            "SELECT rowid, full_name FROM applicant WHERE rowid > ?", (max_rowid,))
        if trigger_sql:
            conn.exec_driver_sql(trigger_sql)
    from app.core import demo_documents

    docs = demo_documents.generate(conn, actor, rows, seed=seed, today=today)
    summary = {"applicants": total, "languages": len(langs), "experience": len(exps),
               "documents": docs["documents"], "scans": docs["scans"], "audit_entries": 1, "seed": seed,
               "registration_numbers": {str(y): [a, b] for y, (a, b) in sorted(numbers.items())}}
    from app.core import demo_training  # batches, sessions, attendance and scores for these people

    summary["training"] = demo_training.generate(conn, actor, seed, today)
    from app.core import demo_orders  # agencies, job orders, placements (recorded in this entry)

    summary["orders"] = demo_orders.generate(conn, actor, seed=seed, today=today)
    conn.execute(AuditEntry.__table__.insert(), [{
        "at": utcnow(), "username": actor.username, "office_code": office, "action": "demo-data",
        "entity": "applicant", "entity_id": None,
        "changes": json.dumps(summary, ensure_ascii=False)}])
    return summary


def _has_fts(conn) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name='applicant_fts'").scalar() is not None


def _split_children(children: list[dict], total: int) -> list[list[dict]]:
    """Child rows grouped by the CHUNK of their applicant (children carry ``_i``, its index)."""
    out: list[list[dict]] = [[] for _ in range(max(1, (total + CHUNK - 1) // CHUNK))]
    for c in children:
        out[c.pop("_i") // CHUNK].append(c)
    return out


def _number(conn, rows: list[dict], office: str) -> dict[int, tuple[str, str]]:
    """Registration numbers in order of registration, continuing each office/year counter."""
    by_year: dict[int, list[dict]] = {}
    for r in rows:  # rows are already in chronological order
        by_year.setdefault(int(r["registered_on"][:4]), []).append(r)
    out = {}
    counter = RegistrationCounter.__table__
    for year, year_rows in by_year.items():
        last = conn.execute(sa.select(counter.c.last_value).where(
            counter.c.office_code == office, counter.c.year == year)).scalar() or 0
        # Never below a number already in the table (e.g. rows that came without their counter).
        prefix = format_registration_number(office, year, 0)[:-6]
        top = conn.execute(sa.select(sa.func.max(Applicant.registration_number)).where(
            Applicant.registration_number.startswith(prefix, autoescape=True))).scalar()
        if top and top[len(prefix):].isdigit():
            last = max(last, int(top[len(prefix):]))
        for i, r in enumerate(year_rows, start=last + 1):
            r["registration_number"] = format_registration_number(office, year, i)
        new_last = last + len(year_rows)
        conn.execute(sa.text(
            "INSERT INTO registration_counter (office_code, year, last_value) VALUES (:o, :y, :v) "
            "ON CONFLICT (office_code, year) DO UPDATE SET last_value = :v"),
            {"o": office, "y": year, "v": new_last})
        out[year] = (year_rows[0]["registration_number"], year_rows[-1]["registration_number"])
    return out


def _uuids(rng: np.random.Generator, n: int) -> list[str]:
    """Random (version 4) UUIDs as SQLAlchemy's ``Uuid`` stores them in SQLite: 32 hex digits."""
    raw = np.frombuffer(rng.bytes(16 * n), dtype=np.uint8).reshape(n, 16).copy()
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    text = raw.tobytes().hex()
    return [text[32 * i:32 * i + 32] for i in range(n)]


def _build(rng: np.random.Generator, seed: int, n: int, today: date, office: str,
           taken_nik: set[str], taken_phone: set[str]):
    pools = _name_pools(seed)
    kel = sorted(reference.kelurahan().values(), key=lambda k: k.code)
    lang_ref = reference.languages()

    # Registration day and time (08:00–15:00 WIB), in chronological order.
    days, day_p = _office_days(min(FIRST_DAY, today), today)
    day_idx = np.sort(rng.choice(len(days), size=n, p=day_p))
    secs = rng.integers(8 * 3600, 15 * 3600, size=n)
    order = np.lexsort((secs, day_idx))
    day_idx, secs = day_idx[order], secs[order]
    # Stored as SQLAlchemy stores them in SQLite (see _insert): naive UTC text, ISO dates.
    day_start = [datetime.combine(d, time(tzinfo=WIB)).astimezone(timezone.utc).replace(tzinfo=None)
                 for d in days]
    day_iso = [d.isoformat() for d in days]

    female = rng.random(n) < 0.58
    ages = np.array(_AGES)[rng.choice(len(_AGES), size=n, p=np.array(_AGE_WEIGHTS) / sum(_AGE_WEIGHTS))]
    birth_offset = rng.integers(1, 365, size=n)
    name_shape = rng.random(n)
    fm, ff, lm = pools["first_m"], pools["first_f"], pools["last_m"]
    lf = sorted(set(pools["last_f"]) | set(lm))  # many family names are used by both sexes
    ascii_name = {x: _ascii_lower(x) for x in (*fm, *ff, *lm, *lf)}
    i_first = rng.integers(0, 1 << 30, size=n)
    i_mid = rng.integers(0, 1 << 30, size=n)
    i_last = rng.integers(0, 1 << 30, size=n)
    kel_i = rng.integers(0, len(kel), size=n)
    region_roll = rng.random(n)
    region_a = rng.integers(1, 30, size=n)
    region_b = rng.integers(1, 21, size=n)
    banten = rng.integers(0, len(_BANTEN_REGENCIES), size=n)
    other_prov = _pick(rng, _OTHER_PROVINCES, n)
    serial = rng.integers(1, 2500, size=n)
    kk_days = rng.integers(date(2005, 1, 1).toordinal(), date(2025, 6, 30).toordinal(), size=n)
    kk_serial = rng.integers(1, 10000, size=n)
    phone_pref = rng.integers(0, len(_PHONE_PREFIXES), size=n)
    phone_len = rng.choice([7, 8, 9], size=n, p=[0.15, 0.6, 0.25])
    phone_digits = rng.integers(0, 10 ** 9, size=n)
    has_email = rng.random(n) < 0.45
    email_dom = rng.integers(0, len(_EMAIL_DOMAINS), size=n)
    email_num = rng.integers(1, 999, size=n)
    education = _pick(rng, _EDUCATION, n)
    major_i = rng.integers(0, 1 << 20, size=n)
    religion = _pick(rng, _RELIGION, n)
    marital = _pick(rng, _MARITAL, n)
    street = rng.integers(0, len(pools["streets"]), size=n)
    house = rng.integers(1, 250, size=n)
    rt = rng.integers(1, 13, size=n)
    rw = rng.integers(1, 9, size=n)
    height = np.where(female, rng.normal(155, 5.5, n), rng.normal(166, 6.5, n)).round().astype(int)
    bmi = rng.normal(22, 2.8, n).clip(16.5, 34)
    weight = (bmi * (height / 100.0) ** 2).round().astype(int)
    status = _pick(rng, _STATUS, n)
    early = rng.random(n)
    funding = _pick(rng, _FUNDING, n)
    n_countries = rng.choice([1, 2, 3], size=n, p=[0.5, 0.35, 0.15])
    countries = _pick(rng, _COUNTRIES, 3 * n)
    sectors_f = _pick(rng, _SECTORS_F, 2 * n)
    sectors_m = _pick(rng, _SECTORS_M, 2 * n)
    n_sectors = rng.choice([1, 2], size=n, p=[0.6, 0.4])
    has_skills = rng.random(n) < 0.3
    skill_i = rng.integers(0, len(_SKILLS), size=(n, 2))
    town_i = rng.integers(0, len(pools["towns"]), size=n)
    n_lang = rng.choice([0, 1, 2], size=n, p=[0.35, 0.5, 0.15])
    lang_codes = _pick(rng, _LANGUAGES, 2 * n)
    lang_level = rng.random(2 * n)
    lang_cert = rng.random(2 * n)
    n_exp = rng.choice([0, 1, 2], size=n, p=[0.55, 0.35, 0.10])
    exp_company = rng.integers(0, len(pools["companies"]), size=2 * n)
    exp_abroad = rng.random(2 * n) < 0.2
    exp_country = _pick(rng, _ABROAD, 2 * n)
    exp_sector = rng.random(2 * n)
    exp_start = rng.random(2 * n)
    exp_len = rng.integers(90, 3 * 365, size=2 * n)
    exp_current = rng.random(2 * n) < 0.15
    ids = _uuids(rng, n)
    child_ids = iter(_uuids(rng, int(n_lang.sum() + n_exp.sum())))
    # Plain Python values from here on: indexing numpy arrays per row is slow.
    (day_idx, secs, female, ages, birth_offset, name_shape, i_first, i_mid, i_last, kel_i,
     region_roll, region_a, region_b, banten, serial, kk_days, kk_serial, phone_pref, phone_len,
     phone_digits, has_email, email_dom, email_num, major_i, street, house, rt, rw, height, weight,
     early, n_countries, n_sectors, has_skills, skill_i, town_i, n_lang, lang_level, lang_cert,
     n_exp, exp_company, exp_abroad, exp_sector, exp_start, exp_len, exp_current) = (
        a.tolist() for a in (
            day_idx, secs, female, ages, birth_offset, name_shape, i_first, i_mid, i_last, kel_i,
            region_roll, region_a, region_b, banten, serial, kk_days, kk_serial, phone_pref,
            phone_len, phone_digits, has_email, email_dom, email_num, major_i, street, house, rt, rw,
            height, weight, early, n_countries, n_sectors, has_skills, skill_i, town_i, n_lang,
            lang_level, lang_cert, n_exp, exp_company, exp_abroad, exp_sector, exp_start, exp_len,
            exp_current))

    sector_keys = list(_POSITIONS)
    rows: list[dict] = []
    langs: list[dict] = []
    exps: list[dict] = []
    for i in range(n):
        reg = days[day_idx[i]]
        reg_iso = day_iso[day_idx[i]]
        created = (day_start[day_idx[i]] + timedelta(seconds=int(secs[i]))).isoformat(" ", "microseconds")
        is_f = bool(female[i])
        sex = "P" if is_f else "L"
        age = int(ages[i])
        try:
            birth = reg.replace(year=reg.year - age) - timedelta(days=int(birth_offset[i]))
        except ValueError:  # 29 February
            birth = date(reg.year - age, 2, 28) - timedelta(days=int(birth_offset[i]))
        firsts, lasts = (ff, lf) if is_f else (fm, lm)
        first = firsts[i_first[i] % len(firsts)]
        last = lasts[i_last[i] % len(lasts)]
        shape = name_shape[i]
        if shape < 0.12:
            full_name = first
        elif shape < 0.82:
            full_name = f"{first} {last}"
        else:
            full_name = f"{first} {firsts[i_mid[i] % len(firsts)]} {last}"

        k = kel[kel_i[i]]
        roll = region_roll[i]
        if roll < 0.78:
            region = k.code[:8].replace(".", "")  # Kota Serang, the kecamatan of the kelurahan
        elif roll < 0.90:
            region = f"3604{region_a[i]:02d}"  # Kabupaten Serang
        elif roll < 0.95:
            region = f"36{_BANTEN_REGENCIES[banten[i]]}{region_b[i]:02d}"
        else:
            region = f"{other_prov[i]}{region_b[i]:02d}{region_a[i] % 20 + 1:02d}"
        stem = region + nik_date_part(birth, sex)
        nik = f"{stem}{int(serial[i]):04d}"
        s = int(serial[i])
        while nik in taken_nik:  # the serial is unique per region and birth date: take another
            s = s % 9999 + 1
            nik = f"{stem}{s:04d}"
        taken_nik.add(nik)
        kk_date = date.fromordinal(int(kk_days[i]))
        kk = f"{region}{kk_date.day:02d}{kk_date.month:02d}{kk_date.year % 100:02d}{int(kk_serial[i]):04d}"

        digits = int(phone_digits[i]) % (10 ** int(phone_len[i]))
        phone = f"+62{_PHONE_PREFIXES[phone_pref[i]]}{digits:0{int(phone_len[i])}d}"
        while phone in taken_phone:
            digits = (digits + 7919) % (10 ** int(phone_len[i]))
            phone = f"+62{_PHONE_PREFIXES[phone_pref[i]]}{digits:0{int(phone_len[i])}d}"
        taken_phone.add(phone)
        email = None
        if has_email[i]:
            local = ".".join(p for p in (ascii_name[first], ascii_name[last]) if p) or "pmi"
            email = f"{local}{int(email_num[i])}@{_EMAIL_DOMAINS[email_dom[i]]}"

        edu = education[i]
        majors = _MAJORS.get(edu)
        major = majors[major_i[i] % len(majors)] if majors else None
        days_since = (today - reg).days
        st = status[i]
        if days_since < 14:
            st = "registered" if early[i] < 0.85 else "documents"
        elif days_since < 60 and st not in ("registered", "documents", "training", "withdrawn"):
            st = "training"
        pc = list(dict.fromkeys(countries[3 * i:3 * i + int(n_countries[i])]))
        sec_pool = sectors_f if is_f else sectors_m
        ps = list(dict.fromkeys(sec_pool[2 * i:2 * i + int(n_sectors[i])]))
        skills = None
        if has_skills[i]:
            skills = ", ".join(dict.fromkeys(_SKILLS[j] for j in skill_i[i]))
        birth_place = "Serang" if region.startswith("3673") or region.startswith("3604") else (
            pools["towns"][town_i[i]])

        aid = ids[i]
        rows.append({
            "id": aid, "created_at": created, "updated_at": created, "origin_office": office,
            "version": 1, "registration_number": None, "office_code": office, "registered_on": reg_iso,
            "nik": nik, "kk_number": kk, "full_name": full_name, "sex": sex,
            "birth_place": birth_place, "birth_date": birth.isoformat(), "religion": religion[i],
            "marital_status": marital[i] if age >= 20 else "belum_kawin",
            "address": f"Jl. {pools['streets'][street[i]]} No. {int(house[i])}",
            "rt": f"{int(rt[i]):03d}", "rw": f"{int(rw[i]):03d}",
            "kelurahan_code": k.code, "kecamatan_code": k.kecamatan_code, "phone": phone,
            "email": email, "education_level": edu, "education_major": major,
            "height_cm": int(height[i]), "weight_kg": int(weight[i]), "skills": skills,
            "preferred_countries": ",".join(pc), "preferred_sectors": ",".join(ps),
            "funding_scheme": funding[i], "photo_sha256": None, "consent_on": reg_iso, "status": st,
            "notes": None,
        })

        seen = set()
        for j in range(2 * i, 2 * i + int(n_lang[i])):
            code = lang_codes[j]
            if code in seen:
                continue
            seen.add(code)
            levels = lang_ref[code].levels
            top = min(len(levels), 4)
            level = levels[int(lang_level[j] ** 2 * top)]
            cert = None
            if lang_cert[j] < 0.35:
                cert = {"ja": f"JLPT {level}" if level.startswith("N") else level,
                        "ko": level if "TOPIK" in level else None,
                        "de": f"Goethe-Zertifikat {level}", "en": f"TOEFL ITP ({level})"}.get(code)
            langs.append({"_i": i, "id": next(child_ids), "created_at": created, "updated_at": created,
                          "origin_office": office, "version": 1, "applicant_id": aid,
                          "language_code": code, "level": level, "certificate": cert})
        adult = reg.replace(year=reg.year - age + 18) if not (reg.month == 2 and reg.day == 29) else (
            date(reg.year - age + 18, 2, 28))
        for j in range(2 * i, 2 * i + int(n_exp[i])):
            span = (reg - adult).days - 120
            if span < 30:
                continue
            start = adult + timedelta(days=int(exp_start[j] * span))
            end = None if exp_current[j] else min(start + timedelta(days=int(exp_len[j])),
                                                  reg - timedelta(days=30))
            if end is not None and end < start:
                end = start + timedelta(days=30)
            sector = sector_keys[int(exp_sector[j] * len(sector_keys))]
            positions = _POSITIONS[sector]
            abroad = bool(exp_abroad[j])
            exps.append({"_i": i, "id": next(child_ids), "created_at": created, "updated_at": created,
                         "origin_office": office, "version": 1, "applicant_id": aid,
                         "employer": pools["companies"][exp_company[j]],
                         "position": positions[int(exp_start[j] * 997) % len(positions)],
                         "country": exp_country[j] if abroad else "ID", "sector": sector,
                         "start_date": start.isoformat(), "end_date": end and end.isoformat(),
                         "description": None})
    return rows, langs, exps
