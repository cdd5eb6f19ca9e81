"""MoU progress report: what the office achieved in a period against the targets of the MoU.

Counts only (no personal data): needs ``report.view``; nothing is audited as an export.

Definitions (also printed on the report, ``DEFINITIONS``) — every figure counts *distinct applicants*
and counts everyone, also applicants who withdrew later and applicants whose personal data were
anonymised (anonymisation keeps sex, kecamatan, education and the birth year; the birth date becomes
1 July of that year, so an anonymised applicant's age may shift by some months):

- **registered**: ``registered_on`` within the period;
- **eligible**: registered in the period, with at least SMA/SMK (education rank ≥ 3: SMA, SMK, D3,
  D4, S1, S2) and aged 18 or more on the day of registration;
- **entered training**: enrolled in a language batch (``enrolled_on``) within the period;
- **in training**: enrolled on or before the period's last day and not yet finished on that day
  (result still ``active``, or a result dated after the period);
- **graduated**: a training result ``graduated`` dated within the period;
- **proposed / selected / departed**: a placement whose ``proposed_on`` / ``selected_on`` /
  ``departed_on`` lies within the period.

Breakdowns by kecamatan, sex, age group (age on the registration day) and education count each
measure by the applicant's own data; destination country and sector come from the job order of the
placement, the funding scheme from the placement ("not set" when none was chosen yet).
Training: per language, enrolments in the period, results dated in the period (completion rate =
graduated ÷ (graduated + failed + dropped)), and the attendance rate = marks ``H`` ÷ all marks recorded
at meetings held in the period (sick, excused and absent count as not present).

Targets are office settings (``mou.target.*``, per year); the period's target is the yearly one
pro rata of the period's days (÷ 365). The trained target counts graduates of Japanese and Korean
training (the MoU's 1,000 trained for Korea and Japan in 2026).

All figures come from a few GROUP BY queries: one over the applicants registered in the period
(grouped by kecamatan, sex, education and age), and one per measure over the applicants in a small
sub-query of enrolments or placements.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from app.core import clock, office_settings, reference
from app.core.actor import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import require
from app.models import Applicant, JobOrder, Placement, TrainingAttendance, TrainingBatch, TrainingEnrolment, TrainingSession

MOU_SIGNED = date(2025, 12, 8)
ELIGIBLE_MIN_AGE = 18
ELIGIBLE_MIN_EDUCATION_RANK = 3  # SMA / SMK
TRAINED_TARGET_LANGUAGES = ("ja", "ko")
AGE_GROUPS = (("<18", 0, 17), ("18–24", 18, 24), ("25–29", 25, 29), ("30–34", 30, 34), ("35–39", 35, 39),
              ("40+", 40, 200))
MEASURES = ("registered", "eligible", "entered_training", "in_training", "graduated", "proposed", "selected",
            "departed")
FUNNEL = ("registered", "eligible", "entered_training", "graduated", "proposed", "selected", "departed")
PLACEMENT_MEASURES = ("proposed", "selected", "departed")
MEASURE_NAMES = {
    "registered": ("Terdaftar", "Registered"),
    "eligible": ("Memenuhi syarat", "Eligible"),
    "entered_training": ("Mulai pelatihan", "Entered training"),
    "in_training": ("Sedang pelatihan", "In training"),
    "graduated": ("Lulus pelatihan", "Graduated"),
    "proposed": ("Diusulkan", "Proposed"),
    "selected": ("Terpilih", "Selected"),
    "departed": ("Berangkat", "Departed"),
}
DEFINITIONS = (
    "Semua angka menghitung pencari kerja (sekali per orang), termasuk yang kemudian mengundurkan diri "
    "dan yang datanya telah dianonimkan.",
    "Memenuhi syarat: mendaftar dalam periode, berpendidikan minimal SMA/SMK dan berusia minimal 18 tahun "
    "pada tanggal pendaftaran.",
    "Mulai pelatihan: terdaftar di angkatan pelatihan bahasa dalam periode. Sedang pelatihan: belum selesai "
    "pada akhir periode. Lulus: hasil 'lulus' bertanggal dalam periode.",
    "Diusulkan / terpilih / berangkat: tahap penempatan yang tanggalnya dalam periode.",
    "Target tahunan dihitung pro rata jumlah hari periode (÷ 365). Target pelatihan: lulusan bahasa "
    "Jepang dan Korea.",
    "Tingkat kehadiran: tanda H dibagi semua tanda pada pertemuan dalam periode (S, I, A = tidak hadir). "
    "Tingkat penyelesaian: lulus dibagi (lulus + tidak lulus + keluar).",
)
BREAKDOWNS = ("kecamatan", "sex", "age_group", "education", "country", "sector", "funding_scheme")
BREAKDOWN_NAMES = {
    "kecamatan": ("Kecamatan", "Kecamatan"), "sex": ("Jenis kelamin", "Sex"),
    "age_group": ("Kelompok umur", "Age group"), "education": ("Pendidikan", "Education"),
    "country": ("Negara tujuan", "Destination country"), "sector": ("Sektor", "Sector"),
    "funding_scheme": ("Skema pembiayaan", "Funding scheme"),
}
TARGET_KEYS = {"registered": "mou.target.registered", "trained": "mou.target.trained",
               "departed": "mou.target.departed"}
NOT_SET = "-"


@dataclass(frozen=True)
class TargetRow:
    measure: str  # "registered" | "trained" | "departed"
    label: str
    yearly_target: int
    period_target: int
    actual: int

    @property
    def percent(self) -> float | None:
        return None if self.period_target <= 0 else 100.0 * self.actual / self.period_target


@dataclass(frozen=True)
class BreakdownRow:
    key: str
    label: str
    counts: dict[str, int]  # measure -> count


@dataclass(frozen=True)
class Breakdown:
    name: str  # one of BREAKDOWNS
    title: str
    measures: tuple[str, ...]
    rows: list[BreakdownRow]

    def total(self, measure: str) -> int:
        return sum(r.counts.get(measure, 0) for r in self.rows)


@dataclass(frozen=True)
class TrainingRow:
    language_code: str
    language: str
    entered: int
    graduated: int
    failed: int
    dropped: int
    marks: int
    present: int

    @property
    def completion_rate(self) -> float | None:
        done = self.graduated + self.failed + self.dropped
        return None if done == 0 else 100.0 * self.graduated / done

    @property
    def attendance_rate(self) -> float | None:
        return None if self.marks == 0 else 100.0 * self.present / self.marks


@dataclass(frozen=True)
class MouReport:
    date_from: date
    date_to: date
    generated_at: datetime
    office_name: str
    totals: dict[str, int]
    targets: list[TargetRow]
    breakdowns: list[Breakdown]
    training: list[TrainingRow]
    training_total: TrainingRow
    office_address: str = ""
    definitions: tuple[str, ...] = DEFINITIONS
    funnel: tuple[str, ...] = FUNNEL

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def breakdown(self, name: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.name == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat(), "to": self.date_to.isoformat(), "totals": dict(self.totals),
            "targets": [{"measure": t.measure, "yearly": t.yearly_target, "period": t.period_target,
                         "actual": t.actual, "percent": t.percent} for t in self.targets],
            "breakdowns": {b.name: {r.key: r.counts for r in b.rows} for b in self.breakdowns},
            "training": [{"language": t.language_code, "entered": t.entered, "graduated": t.graduated,
                          "failed": t.failed, "dropped": t.dropped, "completion_rate": t.completion_rate,
                          "attendance_rate": t.attendance_rate} for t in self.training],
        }


def age_group(age: int) -> str:
    for label, lo, hi in AGE_GROUPS:
        if lo <= age <= hi:
            return label
    return AGE_GROUPS[0][0]


def is_eligible(education_level: str, age: int) -> bool:
    levels = reference.education_levels()
    rank = levels[education_level][0] if education_level in levels else 0
    return rank >= ELIGIBLE_MIN_EDUCATION_RANK and age >= ELIGIBLE_MIN_AGE


def default_period(today: date | None = None) -> tuple[date, date]:
    return MOU_SIGNED, today or clock.today()


def _check_period(date_from: date, date_to: date) -> None:
    if date_to < date_from:
        raise ValidationError([FieldError("date_to", "period_end_before_start", {"start": date_from.isoformat()})])


def _age_expr(a):
    """Whole years between birth and registration: (YYYYMMDD of registration − YYYYMMDD of
    birth) div 10000 is the age (cheap on 200,000 rows; ``date_number`` per dialect)."""
    from app.core.portable import date_number

    return (date_number(a.c.registered_on) - date_number(a.c.birth_date)) // 10000


def _demographics(conn, where) -> Counter:
    """Applicants matching ``where``, counted per (kecamatan, sex, education, age)."""
    a = Applicant.__table__
    age = _age_expr(a).label("age")
    q = (sa.select(a.c.kecamatan_code, a.c.sex, a.c.education_level, age, sa.func.count())
         .where(where).group_by(a.c.kecamatan_code, a.c.sex, a.c.education_level, age))
    out: Counter = Counter()
    for k, s, e, g, n in conn.execute(q):
        out[(k or NOT_SET, s or NOT_SET, e or NOT_SET, int(g or 0))] += n
    return out


def _placement_groups(conn, measure: str, d0: date, d1: date) -> dict[str, Counter]:
    p, j = Placement.__table__, JobOrder.__table__
    on = p.c[f"{measure}_on"]
    out: dict[str, Counter] = {}
    for name, col in (("country", j.c.country), ("sector", j.c.sector), ("funding_scheme", p.c.funding_scheme)):
        q = (sa.select(col, sa.func.count(sa.distinct(p.c.applicant_id)))
             .select_from(p.join(j, j.c.id == p.c.job_order_id))
             .where(on >= d0, on <= d1).group_by(col))
        out[name] = Counter({(k or NOT_SET): n for k, n in conn.execute(q)})
    return out


def _labels(name: str) -> dict[str, str]:
    if name == "kecamatan":
        return dict(reference.kecamatan())
    if name == "sex":
        return {"L": "Laki-laki", "P": "Perempuan"}
    if name == "education":
        return {k: k for k in reference.education_levels()}
    if name == "country":
        return {k: v.name_id for k, v in reference.countries().items()}
    if name == "sector":
        return {k: v.name_id for k, v in reference.sectors().items()}
    if name == "funding_scheme":
        return {k: v.name_id for k, v in reference.funding_schemes().items()}
    return {label: label for label, _lo, _hi in AGE_GROUPS}


def _order(name: str, keys: set[str]) -> list[str]:
    """Reference order first (every reference value, also with zero), then anything else found."""
    known = list(_labels(name))
    if name in ("country", "sector", "funding_scheme"):  # long lists: only the values that occur
        known = [k for k in known if k in keys]
    return known + sorted(k for k in keys if k not in known)


def compute(db, actor: Actor, date_from: date | None = None, date_to: date | None = None) -> MouReport:
    """The MoU progress figures of ``[date_from, date_to]`` (both days included; default: from the
    MoU signing to today in WIB)."""
    require(actor, "report.view")
    d0, d1 = default_period()
    d0, d1 = date_from or d0, date_to or d1
    _check_period(d0, d1)
    a, e = Applicant.__table__, TrainingEnrolment.__table__
    p = Placement.__table__
    with db.session(write=False) as session:
        conn = session.connection()
        per_measure: dict[str, Counter] = {}
        registered = _demographics(conn, sa.and_(a.c.registered_on >= d0, a.c.registered_on <= d1))
        per_measure["registered"] = registered
        per_measure["eligible"] = Counter({k: n for k, n in registered.items() if is_eligible(k[2], k[3])})
        subqueries = {
            "entered_training": sa.select(e.c.applicant_id).where(e.c.enrolled_on >= d0, e.c.enrolled_on <= d1),
            "in_training": sa.select(e.c.applicant_id).where(
                e.c.enrolled_on <= d1, sa.or_(e.c.result == "active", e.c.result_on > d1)),
            "graduated": sa.select(e.c.applicant_id).where(
                e.c.result == "graduated", e.c.result_on >= d0, e.c.result_on <= d1),
        }
        for m in PLACEMENT_MEASURES:
            on = p.c[f"{m}_on"]
            subqueries[m] = sa.select(p.c.applicant_id).where(on >= d0, on <= d1)
        for m, sub in subqueries.items():
            per_measure[m] = _demographics(conn, a.c.id.in_(sub))
        placement = {m: _placement_groups(conn, m, d0, d1) for m in PLACEMENT_MEASURES}
        training_rows, training_total, trained_kr_jp = _training(conn, d0, d1)
        targets_yearly = {k: int(office_settings.get(session, key)) for k, key in TARGET_KEYS.items()}
        office_name, office_address = office_contact(session, actor.office_code)

    totals = {m: sum(per_measure[m].values()) for m in MEASURES}
    breakdowns: list[Breakdown] = []
    key_index = {"kecamatan": 0, "sex": 1, "education": 2}
    for name in ("kecamatan", "sex", "age_group", "education"):
        grouped: dict[str, dict[str, int]] = {}
        for m in MEASURES:
            for k, n in per_measure[m].items():
                key = age_group(k[3]) if name == "age_group" else k[key_index[name]]
                grouped.setdefault(key, {}).setdefault(m, 0)
                grouped[key][m] += n
        breakdowns.append(_breakdown(name, MEASURES, grouped))
    for name in ("country", "sector", "funding_scheme"):
        grouped = {}
        for m in PLACEMENT_MEASURES:
            for key, n in placement[m][name].items():
                grouped.setdefault(key, {})[m] = n
        breakdowns.append(_breakdown(name, PLACEMENT_MEASURES, grouped))

    days = (d1 - d0).days + 1
    actual = {"registered": totals["registered"], "trained": trained_kr_jp, "departed": totals["departed"]}
    labels = {"registered": "Pencari kerja terdaftar", "trained": "Lulus pelatihan bahasa Jepang/Korea",
              "departed": "PMI diberangkatkan"}
    targets = [TargetRow(k, labels[k], targets_yearly[k], round(targets_yearly[k] * days / 365), actual[k])
               for k in TARGET_KEYS]
    return MouReport(d0, d1, clock.now_wib(), office_name, totals, targets, breakdowns, training_rows, training_total,
                     office_address)


def _breakdown(name: str, measures: tuple[str, ...], grouped: dict[str, dict[str, int]]) -> Breakdown:
    labels = _labels(name)
    rows = [BreakdownRow(k, labels.get(k, "Belum ditentukan" if k == NOT_SET else k),
                         {m: grouped.get(k, {}).get(m, 0) for m in measures})
            for k in _order(name, set(grouped))]
    return Breakdown(name, BREAKDOWN_NAMES[name][0], measures, rows)


def _training(conn, d0: date, d1: date) -> tuple[list[TrainingRow], TrainingRow, int]:
    e, b = TrainingEnrolment.__table__, TrainingBatch.__table__
    t_att, t_ses = TrainingAttendance.__table__, TrainingSession.__table__
    lang = b.c.language_code
    stats: dict[str, dict[str, int]] = {}

    def bump(code, key, n):
        stats.setdefault(code, {}).setdefault(key, 0)
        stats[code][key] += int(n or 0)

    q = (sa.select(lang, sa.func.count(sa.distinct(e.c.applicant_id))).select_from(e.join(b, b.c.id == e.c.batch_id))
         .where(e.c.enrolled_on >= d0, e.c.enrolled_on <= d1).group_by(lang))
    for code, n in conn.execute(q):
        bump(code, "entered", n)
    q = (sa.select(lang, e.c.result, sa.func.count(sa.distinct(e.c.applicant_id)))
         .select_from(e.join(b, b.c.id == e.c.batch_id))
         .where(e.c.result.in_(("graduated", "failed", "dropped")), e.c.result_on >= d0, e.c.result_on <= d1)
         .group_by(lang, e.c.result))
    for code, result, n in conn.execute(q):
        bump(code, result, n)
    q = (sa.select(lang, sa.func.count(), sa.func.sum(sa.case((t_att.c.mark == "H", 1), else_=0)))
         .select_from(t_att.join(t_ses, t_ses.c.id == t_att.c.session_id).join(b, b.c.id == t_att.c.batch_id))
         .where(t_ses.c.day >= d0, t_ses.c.day <= d1).group_by(lang))
    for code, marks, present in conn.execute(q):
        bump(code, "marks", marks)
        bump(code, "present", present)
    q = (sa.select(sa.func.count(sa.distinct(e.c.applicant_id))).select_from(e.join(b, b.c.id == e.c.batch_id))
         .where(e.c.result == "graduated", e.c.result_on >= d0, e.c.result_on <= d1,
                lang.in_(TRAINED_TARGET_LANGUAGES)))
    trained = int(conn.execute(q).scalar_one() or 0)
    names = reference.languages()
    rows = []
    for code in sorted(stats, key=lambda c: (list(names).index(c) if c in names else 99, c)):
        s = stats[code]
        rows.append(TrainingRow(code, names[code].name_id if code in names else code, s.get("entered", 0),
                                s.get("graduated", 0), s.get("failed", 0), s.get("dropped", 0),
                                s.get("marks", 0), s.get("present", 0)))
    total = TrainingRow("*", "Jumlah", *(sum(getattr(r, f) for r in rows)
                                         for f in ("entered", "graduated", "failed", "dropped", "marks", "present")))
    return rows, total, trained


def office_contact(session, office_code: str) -> tuple[str, str]:
    """The office's name and its address line for printouts ("address · Telp. phone"): the office
    settings ``office.address``/``office.phone`` when set, else the office record's."""
    from app.models import Office

    row = session.execute(sa.select(Office.name, Office.address, Office.phone)
                          .where(Office.code == office_code)).one_or_none()
    name, address, phone = row if row is not None else ("", "", "")
    address = office_settings.get(session, "office.address") or address or ""
    phone = office_settings.get(session, "office.phone") or phone or ""
    line = " · ".join(x for x in (address, f"Telp. {phone}" if phone else "") if x)
    return name or "", line
