"""MoU progress report: the figures equal independent SQL counts on a demo database; edge cases
(period bounds, withdrawn and anonymised applicants, eligibility limits); targets; the PDF text,
the Excel cells and the CLI."""

from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from pypdf import PdfReader

from app import cli
from app.core import demo, mou_report, office_settings, personal_data, setup
from app.core.actor import Actor
from app.core.errors import ValidationError
from app.core.permissions import PermissionDenied
from app.core.formatting import format_number
from app.db import Database
from app.models import Applicant
from app.reports import mou, mou_xlsx
from tests.conftest import TODAY
from tests.training_helpers import register

D0 = mou_report.MOU_SIGNED
ELIGIBLE_EDU = ("SMA", "SMK", "D3", "D4", "S1", "S2")


def _admin(db) -> Actor:
    office = setup.ensure_office(db)
    return Actor("demo", office.code, "admin", "Demo")


@pytest.fixture
def demo_db(db):
    admin = _admin(db)
    demo.generate(db, admin, applicants=300, seed=23, today=TODAY)
    return db, admin


def _sql(db, query: str, **params) -> list:
    if db.dialect == "postgresql":  # SQLite's date(x, '+N years') in PostgreSQL's words
        query = re.sub(r"date\((\w+), '\+(\d+) years'\)", r"(\1 + interval '\2 years')::date", query)
    with db.session(write=False) as s:
        return s.execute(sa.text(query), params).all()


def _one(db, query: str, **params) -> int:
    return _sql(db, query, **params)[0][0]


def _independent_totals(db, d0: date, d1: date) -> dict[str, int]:
    p = {"d0": d0.isoformat(), "d1": d1.isoformat()}
    edu = ",".join(f"'{e}'" for e in ELIGIBLE_EDU)
    return {
        "registered": _one(db, "SELECT COUNT(*) FROM applicant WHERE registered_on BETWEEN :d0 AND :d1", **p),
        # age 18 on the registration day: the 18th birthday is on or before it
        "eligible": _one(db, f"SELECT COUNT(*) FROM applicant WHERE registered_on BETWEEN :d0 AND :d1 "
                             f"AND education_level IN ({edu}) AND date(birth_date, '+18 years') <= registered_on", **p),
        "entered_training": _one(db, "SELECT COUNT(DISTINCT applicant_id) FROM training_enrolment "
                                     "WHERE enrolled_on BETWEEN :d0 AND :d1", **p),
        "in_training": _one(db, "SELECT COUNT(DISTINCT applicant_id) FROM training_enrolment WHERE enrolled_on <= :d1 "
                                "AND (result = 'active' OR result_on > :d1)", **p),
        "graduated": _one(db, "SELECT COUNT(DISTINCT applicant_id) FROM training_enrolment WHERE result = 'graduated' "
                              "AND result_on BETWEEN :d0 AND :d1", **p),
        **{m: _one(db, f"SELECT COUNT(DISTINCT applicant_id) FROM placement WHERE {m}_on BETWEEN :d0 AND :d1", **p)
           for m in ("proposed", "selected", "departed")},
    }


@pytest.mark.parametrize("period", [(D0, TODAY), (date(2026, 3, 1), date(2026, 8, 31)), (date(2026, 10, 1), TODAY)])
def test_totals_equal_independent_sql_counts_on_demo_data(demo_db, actor, period):
    db, _admin = demo_db
    report = mou_report.compute(db, actor, *period)  # the counter role may see counts
    expected = _independent_totals(db, *period)
    assert report.totals == expected
    if period == (D0, TODAY):  # the demo fills every stage (else the comparison proves little)
        assert all(v > 0 for v in expected.values()), expected
        assert expected["eligible"] < expected["registered"]


def test_breakdowns_equal_independent_group_by(demo_db, actor):
    db, _ = demo_db
    report = mou_report.compute(db, actor, D0, TODAY)
    p = {"d0": D0.isoformat(), "d1": TODAY.isoformat()}
    by_kec = dict(_sql(db, "SELECT kecamatan_code, COUNT(*) FROM applicant WHERE registered_on BETWEEN :d0 AND :d1 "
                           "GROUP BY kecamatan_code", **p))
    assert {r.key: r.counts["registered"] for r in report.breakdown("kecamatan").rows if r.counts["registered"]} == by_kec
    by_sex = dict(_sql(db, "SELECT sex, COUNT(DISTINCT a.id) FROM applicant a JOIN placement pl ON pl.applicant_id = a.id "
                           "WHERE pl.departed_on BETWEEN :d0 AND :d1 GROUP BY sex", **p))
    assert {r.key: r.counts["departed"] for r in report.breakdown("sex").rows if r.counts["departed"]} == by_sex
    by_edu = dict(_sql(db, "SELECT education_level, COUNT(DISTINCT e.applicant_id) FROM training_enrolment e "
                           "JOIN applicant a ON a.id = e.applicant_id WHERE e.enrolled_on BETWEEN :d0 AND :d1 "
                           "GROUP BY education_level", **p))
    assert {r.key: r.counts["entered_training"] for r in report.breakdown("education").rows
            if r.counts["entered_training"]} == by_edu
    ages = dict(_sql(db, """
        SELECT CASE WHEN date(birth_date, '+18 years') > registered_on THEN '<18'
                    WHEN date(birth_date, '+25 years') > registered_on THEN '18–24'
                    WHEN date(birth_date, '+30 years') > registered_on THEN '25–29'
                    WHEN date(birth_date, '+35 years') > registered_on THEN '30–34'
                    WHEN date(birth_date, '+40 years') > registered_on THEN '35–39' ELSE '40+' END AS g, COUNT(*)
        FROM applicant WHERE registered_on BETWEEN :d0 AND :d1 GROUP BY g""", **p))
    assert {r.key: r.counts["registered"] for r in report.breakdown("age_group").rows if r.counts["registered"]} == ages
    by_country = dict(_sql(db, "SELECT j.country, COUNT(DISTINCT pl.applicant_id) FROM placement pl JOIN job_order j "
                               "ON j.id = pl.job_order_id WHERE pl.proposed_on BETWEEN :d0 AND :d1 GROUP BY j.country", **p))
    assert {r.key: r.counts["proposed"] for r in report.breakdown("country").rows} == by_country
    by_sector = dict(_sql(db, "SELECT j.sector, COUNT(DISTINCT pl.applicant_id) FROM placement pl JOIN job_order j "
                              "ON j.id = pl.job_order_id WHERE pl.selected_on BETWEEN :d0 AND :d1 GROUP BY j.sector", **p))
    assert {r.key: r.counts["selected"] for r in report.breakdown("sector").rows if r.counts["selected"]} == by_sector
    by_fund = dict(_sql(db, "SELECT COALESCE(funding_scheme, '-'), COUNT(DISTINCT applicant_id) FROM placement "
                            "WHERE departed_on BETWEEN :d0 AND :d1 GROUP BY 1", **p))
    assert {r.key: r.counts["departed"] for r in report.breakdown("funding_scheme").rows
            if r.counts["departed"]} == by_fund
    for name in ("kecamatan", "sex", "age_group", "education"):  # every person in exactly one row
        b = report.breakdown(name)
        assert all(b.total(m) == report.totals[m] for m in mou_report.MEASURES), name


def test_training_completion_and_attendance_equal_sql(demo_db, actor):
    db, _ = demo_db
    report = mou_report.compute(db, actor, D0, TODAY)
    p = {"d0": D0.isoformat(), "d1": TODAY.isoformat()}
    att = {code: (n, h) for code, n, h in _sql(db, """
        SELECT b.language_code, COUNT(*), SUM(CASE WHEN a.mark = 'H' THEN 1 ELSE 0 END) FROM training_attendance a
        JOIN training_session s ON s.id = a.session_id JOIN training_batch b ON b.id = a.batch_id
        WHERE s.day BETWEEN :d0 AND :d1 GROUP BY b.language_code""", **p)}
    results = {(code, res): n for code, res, n in _sql(db, """
        SELECT b.language_code, e.result, COUNT(*) FROM training_enrolment e JOIN training_batch b ON b.id = e.batch_id
        WHERE e.result_on BETWEEN :d0 AND :d1 AND e.result IN ('graduated', 'failed', 'dropped')
        GROUP BY 1, 2""", **p)}
    assert att and results
    for row in report.training:
        assert (row.marks, row.present) == att.get(row.language_code, (0, 0))
        assert row.graduated == results.get((row.language_code, "graduated"), 0)
        assert row.failed == results.get((row.language_code, "failed"), 0)
        if row.marks:
            assert row.attendance_rate == pytest.approx(100.0 * row.present / row.marks)
    assert {r.language_code for r in report.training} >= set(att)
    trained = _one(db, "SELECT COUNT(DISTINCT e.applicant_id) FROM training_enrolment e JOIN training_batch b "
                       "ON b.id = e.batch_id WHERE e.result = 'graduated' AND e.result_on BETWEEN :d0 AND :d1 "
                       "AND b.language_code IN ('ja', 'ko')", **p)
    assert next(t for t in report.targets if t.measure == "trained").actual == trained


def _set(db, applicant_id, **values) -> None:
    with db.session() as s:
        s.execute(sa.update(Applicant).where(Applicant.id == applicant_id).values(**values))


def test_edge_cases_period_bounds_withdrawn_anonymised_and_eligibility(db, actor):
    admin = _admin(db)
    ids = register(db, actor, 8)
    d0, d1 = date(2026, 2, 1), date(2026, 2, 28)
    # outside the period by one day on each side
    _set(db, ids[0], registered_on=d0 - timedelta(days=1))
    _set(db, ids[1], registered_on=d1 + timedelta(days=1))
    # on the bounds: counted; one withdrew since, one was anonymised since
    _set(db, ids[2], registered_on=d0, status="withdrawn", birth_date=date(1990, 5, 5), education_level="SMA")
    _set(db, ids[3], registered_on=d1, birth_date=date(1995, 1, 1), education_level="S1")
    personal_data.anonymise_applicant(db, admin, ids[3], "permintaan pemilik data")
    # eligibility limits: 18 exactly on the registration day (yes), one day short (no), SMP (no)
    _set(db, ids[4], registered_on=date(2026, 2, 10), birth_date=date(2008, 2, 10), education_level="SMK")
    _set(db, ids[5], registered_on=date(2026, 2, 10), birth_date=date(2008, 2, 11), education_level="SMK")
    _set(db, ids[6], registered_on=date(2026, 2, 10), birth_date=date(1999, 2, 11), education_level="SMP")
    _set(db, ids[7], registered_on=date(2026, 2, 11), birth_date=date(2000, 6, 1), education_level="D3", sex="L")

    report = mou_report.compute(db, actor, d0, d1)
    assert report.totals["registered"] == 6
    assert report.totals["eligible"] == 4  # ids 2, 3 (anonymised: still SMA+ and adult), 4, 7
    assert report.breakdown("age_group").rows[0].counts["registered"] == 1  # the one a day short of 18
    assert {r.key: r.counts["registered"] for r in report.breakdown("education").rows if r.counts["registered"]} == \
        {"SMA": 1, "S1": 1, "SMK": 2, "SMP": 1, "D3": 1}
    assert report.totals["departed"] == report.totals["proposed"] == report.totals["entered_training"] == 0
    assert report.breakdown("country").rows == []
    # a one-day period on each bound
    assert mou_report.compute(db, actor, d0, d0).totals["registered"] == 1
    assert mou_report.compute(db, actor, d1, d1).totals["registered"] == 1


def test_targets_are_office_settings_pro_rata_of_the_period(db, actor):
    admin = _admin(db)
    report = mou_report.compute(db, actor, date(2026, 1, 1), date(2026, 12, 31))
    assert {t.measure: (t.yearly_target, t.period_target) for t in report.targets} == {
        "registered": (10_000, 10_000), "trained": (1_000, 1_000), "departed": (500, 500)}
    office_settings.set_values(db, admin, {"mou.target.registered": 3650, "mou.target.departed": 0})
    report = mou_report.compute(db, actor, date(2026, 1, 1), date(2026, 1, 10))
    registered = next(t for t in report.targets if t.measure == "registered")
    assert (registered.yearly_target, registered.period_target, registered.actual) == (3650, 100, 0)
    assert registered.percent == 0
    assert next(t for t in report.targets if t.measure == "departed").percent is None  # no target: no ratio


def test_default_period_from_mou_signing_to_today_and_bad_period(db, actor, monkeypatch):
    from app.core import clock

    monkeypatch.setattr(clock, "today", lambda: TODAY)
    report = mou_report.compute(db, actor)
    assert (report.date_from, report.date_to) == (date(2025, 12, 8), TODAY)
    with pytest.raises(ValidationError) as err:
        mou_report.compute(db, actor, date(2026, 5, 1), date(2026, 4, 30))
    assert err.value.errors[0].code == "period_end_before_start"
    with pytest.raises(PermissionDenied):
        mou_report.compute(db, Actor("x", actor.office_code, "nobody"), D0, TODAY)


def _pdf_text(data: bytes) -> str:
    """The text of every page, runs of white space (pypdf puts each cell on a line) as one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_pdf_holds_the_figures(demo_db, actor):
    db, _ = demo_db
    report = mou_report.compute(db, actor, D0, TODAY)
    buf = io.BytesIO()
    mou.mou_pdf(buf, report)
    text = _pdf_text(buf.getvalue())
    assert "LAPORAN KEMAJUAN PELAKSANAAN" in text and "8 Desember 2025" in text
    for t in report.targets:
        assert f"{t.label} {format_number(t.yearly_target)} {format_number(t.period_target)} " \
               f"{format_number(t.actual)}" in text
    kec = report.breakdown("kecamatan").rows[0]
    assert f"{kec.label} " + " ".join(format_number(kec.counts[m]) for m in mou_report.MEASURES) in text
    assert "Terdaftar " + format_number(report.totals["registered"]) in text
    assert "Memenuhi syarat: mendaftar dalam periode" in text  # the definitions are printed
    assert len(PdfReader(io.BytesIO(buf.getvalue())).pages) >= 3


def test_pdf_of_an_empty_period_builds(db, actor):
    report = mou_report.compute(db, actor, date(2026, 1, 1), date(2026, 1, 1))
    buf = io.BytesIO()
    mou.mou_pdf(buf, report)
    text = _pdf_text(buf.getvalue())
    assert "Belum ada penempatan dalam periode ini." in text and "Belum ada pelatihan" in text


def test_excel_has_one_sheet_per_breakdown_with_numbers(demo_db, actor):
    db, _ = demo_db
    report = mou_report.compute(db, actor, D0, TODAY)
    buf = io.BytesIO()
    mou_xlsx.mou_xlsx(buf, report)
    wb = load_workbook(io.BytesIO(buf.getvalue()))
    assert wb.sheetnames == ["Ringkasan", *mou_xlsx.SHEET_NAMES.values(), "Pelatihan", "Keterangan"]
    ws = wb["Kecamatan"]
    header = [c.value for c in ws[1]]
    col = header.index("Terdaftar")
    values = {row[0].value: row[col].value for row in ws.iter_rows(min_row=2) if row[0].value}
    assert values == {r.key: r.counts["registered"] for r in report.breakdown("kecamatan").rows}
    assert all(isinstance(v, int) for v in values.values())
    last = [c.value for c in ws[ws.max_row]]
    assert last[1] == "Jumlah" and last[col] == report.totals["registered"]
    summary = wb["Ringkasan"]
    assert summary["B2"].value.date() == D0 and summary["D8"].value == report.targets[0].actual


def test_cli_report_mou_writes_pdf_and_excel(tmp_path, capsys):
    db = Database.open()  # the file the CLI opens (PMI_DESK_HOME of the test)
    demo.generate(db, _admin(db), applicants=60, seed=3, today=TODAY)
    db.dispose()
    pdf, xlsx = tmp_path / "mou.pdf", tmp_path / "mou.xlsx"
    code = cli.main(["report", "mou", "--from", "2025-12-08", "--to", "2026-11-25", "--out", str(pdf),
                     "--xlsx", str(xlsx), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pdf"] == str(pdf) and out["xlsx"] == str(xlsx) and out["totals"]["registered"] > 0
    assert pdf.read_bytes().startswith(b"%PDF") and load_workbook(xlsx).sheetnames[0] == "Ringkasan"
    assert format_number(out["totals"]["registered"]) in _pdf_text(pdf.read_bytes())
    assert cli.main(["report", "mou", "--from", "2026-02-30", "--out", str(pdf)]) == cli.EXIT_INVALID
    assert "from" in capsys.readouterr().err
