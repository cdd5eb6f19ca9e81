"""Demo language training: batches of several languages, past and running, with months of
attendance and test scores, for the applicants ``demo.generate`` has just added.

Called by ``demo.generate`` inside its transaction (one call, after the applicants exist), on its
connection, with bulk Core inserts (``bulk.insert_rows``) and a seeded numpy generator, so it stays a
small part of the load (a few batches of ≤ 36 people, whatever the number of applicants).

- Running batches take applicants whose status is ``training``; past batches take applicants
  already further on (``ready`` and later) as graduates, plus a few ``registered``/``documents``
  ones who failed or dropped out. Their pipeline statuses are not changed (demo rows stay exactly
  as ``demo.generate`` drew them); enrolments record the status they came from.
- Trainers: the batches name ``instruktur.ja``, ``instruktur.ko``… No user is created (a user
  row would make the first-start setup think it had been done): an administrator who adds a
  trainer with one of these names lets them sign in and see their batches. The trainer's name is
  in the batch notes.
- Sessions follow each batch's schedule and skip the office's closed days; marks exist up to
  today; each candidate has an own attendance habit, a few drift into absence at the end (the
  at-risk list is not empty); mock tests every four weeks, a final test for past batches.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any

import numpy as np
import sqlalchemy as sa

from app.core import training
from app.core.actor import Actor
from app.models import (Applicant, Holiday, TrainingAttendance, TrainingBatch, TrainingEnrolment,
                        TrainingScore, TrainingSession)

BATCH_SIZE = 36
# language → (target level, provider, venue, weekly days, times)
_PLANS = {
    "ja": ("JFT-Basic A2 / JLPT N4", "BBPVP Serang", "BBPVP Serang, Jl. Raya Serang–Cilegon Km 3", "135", "08:00", "12:00"),
    "ko": ("EPS-TOPIK", "LPK Hana Korea Serang", "Jl. Ki Mas Jong No. 8, Serang", "246", "13:00", "16:00"),
    "de": ("Goethe B1", "LPK Deutsch Banten", "Jl. Jenderal Sudirman No. 21, Serang", "1234", "08:00", "11:00"),
    "ar": ("Menengah", "LPK Al-Falah", "Jl. Trip Jamaksari No. 5, Serang", "35", "08:00", "11:30"),
    "tr": ("A2", "LPK Anatolia", "Jl. Veteran No. 14, Serang", "24", "09:00", "12:00"),
    "en": ("B1", "UPTD Latihan Kerja Kota Serang", "Jl. Kitapa No. 2, Serang", "135", "13:00", "16:00"),
}
_TRAINERS = {"ja": "Rahmat Hidayat, S.Pd.", "ko": "Kim Soo-jin", "de": "Andreas Wibowo, M.A.",
             "ar": "Ustadz Abdul Somad Hasan", "tr": "Mehmet Yilmaz", "en": "Dra. Sri Wahyuni"}
_FAIL_REASONS = ["Kehadiran di bawah batas minimal", "Nilai ujian akhir di bawah nilai kelulusan"]
_DROP_REASONS = ["Mendapat pekerjaan di dalam negeri", "Sakit berkepanjangan", "Pindah domisili",
                 "Alasan keluarga"]


def _text(value: Any) -> Any:
    """A value in the form ``bulk.insert_rows`` binds for SQLite (see its docstring)."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _hex(value) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


def generate(conn, actor: Actor, seed: int, today: date) -> dict[str, int]:
    from app.core.bulk import insert_rows

    # Seeded with what is already there, like demo.generate: a second run draws new rows (and ids).
    before = conn.execute(sa.select(sa.func.count()).select_from(TrainingBatch)).scalar_one()
    rng = np.random.default_rng([seed, 4, before])
    office = actor.office_code
    now = datetime.now(timezone.utc)
    base = {k: _text(v) for k, v in {"created_at": now, "updated_at": now, "origin_office": office,
                                      "version": 1}.items()}
    uuid_rng = np.random.default_rng([seed, 5, before])
    pool_bytes = bytearray()

    def new_id() -> str:
        """A random (version 4) UUID as the 32 hex digits SQLite stores, from the seeded stream."""
        nonlocal pool_bytes
        if len(pool_bytes) < 16:
            pool_bytes = bytearray(uuid_rng.bytes(16 * 4096))
        b = pool_bytes[:16]
        del pool_bytes[:16]
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        return b.hex()

    def row(**values) -> dict:
        out = dict(base, id=new_id())
        for k, v in values.items():
            out[k] = _text(v)
        return out

    # ids as stored (32 hex digits on SQLite): no UUID object per applicant (200,000 of them)
    raw_id = sa.type_coerce(Applicant.id, sa.String)
    statuses = conn.execute(sa.select(raw_id, Applicant.status).order_by(Applicant.registration_number)).all()
    taken = {_hex(x) for x in conn.execute(sa.select(sa.type_coerce(TrainingEnrolment.applicant_id, sa.String))).scalars()}
    pool: dict[str, list] = {"training": [], "done": [], "early": []}
    for aid, st in statuses:
        aid = _hex(aid)
        if aid in taken:
            continue
        if st == "training":
            pool["training"].append(aid)
        elif st in ("ready", "proposed", "selected", "departing", "departed"):
            pool["done"].append(aid)
        elif st in ("registered", "documents"):
            pool["early"].append((aid, st))
    if not pool["training"] and not pool["done"]:
        return {"batches": 0, "enrolments": 0, "sessions": 0, "attendance": 0, "scores": 0}

    langs = list(_PLANS)
    holidays = set(date.fromisoformat(str(d)) if not isinstance(d, date) else d
                   for d in conn.execute(sa.select(Holiday.day)).scalars())
    existing_codes = set(conn.execute(sa.select(TrainingBatch.code)).scalars())
    n_running = int(np.clip(len(pool["training"]) // 30, 1 if pool["training"] else 0, 8))
    n_past = int(np.clip(len(pool["done"]) // 20, 1 if pool["done"] else 0, 6))
    training_ids = list(rng.permutation(len(pool["training"])))
    done_ids = list(rng.permutation(len(pool["done"])))
    early_ids = list(rng.permutation(len(pool["early"])))

    batches, enrols, sessions, marks, scores = [], [], [], [], []
    serial: dict[tuple[str, int], int] = {}

    def code_for(lang: str, year: int) -> str:
        n = serial.get((lang, year), 0)
        while True:
            n += 1
            code = f"{lang.upper()}-{year}-{n:02d}"
            if code not in existing_codes:
                serial[(lang, year)] = n
                existing_codes.add(code)
                return code

    plans = [("running", i) for i in range(n_running)] + [("past", i) for i in range(n_past)]
    for kind, i in plans:
        lang = langs[i % len(langs)] if kind == "running" else langs[(i * 2) % 3]  # past: ja, ar, ko…
        level, provider, venue, days, st, et = _PLANS[lang]
        if kind == "running":
            months = int(rng.choice([6, 8]))
            start = today - timedelta(days=int(rng.integers(25, 150)))
        else:
            months = int(rng.choice([4, 5, 6]))
            start = today - timedelta(days=int(rng.integers(300, 420)))
        start = start - timedelta(days=start.weekday())  # a Monday
        end = training.end_date_of(start, months)
        if kind == "running" and end <= today:
            months, end = 8, training.end_date_of(start, 8)
        bid = new_id()
        code = code_for(lang, start.year)
        batches.append(row(id=bid, code=code, language_code=lang, target_level=level, provider=provider,
                           venue=venue, trainer_username=f"instruktur.{lang}", start_date=start,
                           duration_months=months, end_date=end, schedule_days=days, start_time=st, end_time=et,
                           capacity=BATCH_SIZE + 4, min_attendance=80, pass_mark=70,
                           funding_scheme=str(rng.choice(["government", "employer", "kur_pmi"])),
                           notes=f"Instruktur: {_TRAINERS[lang]}"))
        days_list = training.schedule_dates(start, end, [int(d) for d in days], holidays)
        sids = [new_id() for _ in days_list]
        sessions.extend(row(id=sid, batch_id=bid, day=d, start_time=st, end_time=et, state="scheduled",
                            moved_from=None, reason=None, added=False) for sid, d in zip(sids, days_list))
        held = [(sid, d) for sid, d in zip(sids, days_list) if d <= today]

        people: list[tuple] = []  # (applicant id, status before, planned result)
        if kind == "running":
            take = [pool["training"][j] for j in training_ids[:BATCH_SIZE]]
            del training_ids[:BATCH_SIZE]
            people = [(aid, "registered" if rng.random() < 0.6 else "documents", "active") for aid in take]
        else:
            take = [pool["done"][j] for j in done_ids[:BATCH_SIZE - 6]]
            del done_ids[:BATCH_SIZE - 6]
            people = [(aid, "documents", "graduated") for aid in take]
            for j in early_ids[:4]:
                aid, st_before = pool["early"][j]
                people.append((aid, st_before, "failed" if rng.random() < 0.5 else "dropped"))
            del early_ids[:4]
        if not people:
            continue
        for aid, before, result in people:
            habit = min(max(float(rng.beta(12, 1.3)), 0.3), 1.0)
            if result == "graduated":
                habit = max(habit, 0.9)
            elif result in ("failed", "dropped"):
                habit = min(habit, 0.7)
            n = len(held)
            stop = n
            if result == "dropped":
                stop = int(n * rng.uniform(0.3, 0.7))
            draws = rng.random(n)
            kinds = rng.choice(["S", "I", "A"], size=n, p=[0.3, 0.3, 0.4])
            drifting = result == "active" and rng.random() < 0.06 and n > 6
            present = 0
            for j, (sid, d) in enumerate(held[:stop]):
                mark = "H" if draws[j] < habit else str(kinds[j])
                if drifting and j >= n - 3:
                    mark = "A"
                present += mark == "H"
                marks.append({**base, "id": new_id(), "batch_id": bid, "session_id": sid, "applicant_id": aid,
                              "mark": mark})
            ability = min(max(float(rng.normal(72 + 15 * (habit - 0.85), 9)), 35.0), 98.0)
            t = start + timedelta(days=27)
            k = 1
            last_day = min(today, held[stop - 1][1] if stop else start)
            while t <= last_day:
                scores.append(row(batch_id=bid, applicant_id=aid, kind="mock", title=f"Tes bulanan {k}",
                                  test_date=t, score=int(min(max(rng.normal(ability - 8 + 2 * k, 7), 0), 100))))
                t += timedelta(days=28)
                k += 1
            result_on, reason = None, None
            if kind == "past" and result != "dropped":
                final = int(min(max(rng.normal(ability + 3, 5), 0), 100))
                if result == "graduated":
                    final = max(final, 72)
                elif final >= 70 and stop and 100 * present / stop >= 80:
                    final = 64  # failed: by the score when the attendance was enough
                scores.append(row(batch_id=bid, applicant_id=aid, kind="final", title="Ujian akhir",
                                  test_date=held[-1][1], score=final))
            if kind == "past":
                result_on = end
                if result == "failed":  # the reasons the data really gives
                    why = []
                    if not stop or 100 * present / stop < 80:
                        why.append(_FAIL_REASONS[0])
                    if final < 70:
                        why.append(_FAIL_REASONS[1])
                    reason = "; ".join(why)
                elif result == "dropped":
                    reason = _DROP_REASONS[int(rng.integers(len(_DROP_REASONS)))]
                    result_on = held[stop - 1][1] if stop else start
            enrols.append(row(batch_id=bid, applicant_id=aid, language_code=lang,
                              enrolled_on=start - timedelta(days=7), status_before=before, result=result,
                              result_on=result_on, result_reason=reason))

    # A past batch's "graduated" must satisfy the rule the service checks: fix the few whose
    # random marks fell under the minimum by turning their last non-H marks into H.
    _fix_graduates(enrols, marks)

    insert_rows(conn, TrainingBatch.__table__, batches)
    insert_rows(conn, TrainingSession.__table__, sessions)
    insert_rows(conn, TrainingEnrolment.__table__, enrols)
    for i in range(0, len(marks), 20_000):
        insert_rows(conn, TrainingAttendance.__table__, marks[i:i + 20_000])
    insert_rows(conn, TrainingScore.__table__, scores)
    return {"batches": len(batches), "enrolments": len(enrols), "sessions": len(sessions),
            "attendance": len(marks), "scores": len(scores)}


def _fix_graduates(enrols: list[dict], marks: list[dict]) -> None:
    graduated = {(e["batch_id"], e["applicant_id"]) for e in enrols if e["result"] == "graduated"}
    by: dict[tuple, list[dict]] = {}
    for m in marks:
        key = (m["batch_id"], m["applicant_id"])
        if key in graduated:
            by.setdefault(key, []).append(m)
    for rows in by.values():
        need = int(np.ceil(0.8 * len(rows))) - sum(1 for m in rows if m["mark"] == "H")
        for m in rows:
            if need <= 0:
                break
            if m["mark"] != "H":
                m["mark"] = "H"
                need -= 1
