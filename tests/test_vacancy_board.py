"""Vacancy board: open orders only, requirements, salary (with rupiah), zero-cost flag, SIP validity;
the landscape PDF and the CLI."""

from __future__ import annotations

import io
import json
from datetime import date

from pypdf import PdfReader

from app import cli
from app.core import job_orders, setup, vacancy_board
from app.core.actor import Actor
from app.db import Database
from app.reports import vacancies
from tests.orders_helpers import TODAY, agency_input, order_input, supervisor


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def _orders(db, actor):
    sup = supervisor(actor)
    agency = job_orders.create_agency(db, agency_input(), sup)
    open_zero = job_orders.create_order(db, order_input(agency.id), sup, today=TODAY)
    job_orders.set_order_status(db, open_zero.id, "open", sup, today=TODAY)
    paid = job_orders.create_order(db, order_input(agency.id, employer="Al Noor Hospital", country="SA",
                                                   sector="nursing", position="Perawat ICU", currency="IDR",
                                                   salary_min=12_000_000, salary_max=12_000_000, worker_cost=3_500_000,
                                                   req_sex="P", age_max=None, language_code=None,
                                                   language_min_level=None, min_height_cm=None,
                                                   min_experience_years=2, required_certificates=["STR Perawat"],
                                                   sip_number="SIP-002/2026", sip_valid_until="2026-12-31"),
                                   sup, today=TODAY)
    job_orders.set_order_status(db, paid.id, "open", sup, today=TODAY)
    draft = job_orders.create_order(db, order_input(agency.id, employer="Draft Only KK"), sup, today=TODAY)
    return open_zero, paid, draft


def test_board_lists_open_orders_with_requirements_salary_costs_and_sip(db, actor):
    open_zero, paid, draft = _orders(db, actor)
    b = vacancy_board.board(db, actor, day=TODAY)  # a counter may read it (order.view)
    assert [v.order_number for v in b.vacancies] == [paid.order_number, open_zero.order_number]  # Arab Saudi < Jepang
    sa_, jp = b.vacancies
    assert (jp.country, jp.zero_cost, jp.worker_cost, jp.open_places, jp.quota) == ("Jepang", True, 0, 3, 3)
    assert jp.salary == "JPY 180.000 – 220.000" and jp.salary_rupiah == "± Rp19.440.000 – Rp23.760.000"
    assert jp.requirements == "umur 18–35 th; pendidikan min. SMA; Bahasa Jepang N4; tinggi ≥ 150 cm"
    assert jp.sip_number == "SIP-001/2026" and jp.sip_valid and jp.funding == "Ditanggung pemberi kerja, KUR PMI"
    assert (sa_.zero_cost, sa_.worker_cost, sa_.salary, sa_.salary_rupiah) == (False, 3_500_000, "Rp12.000.000", "")
    assert sa_.requirements == "perempuan; umur ≥ 18 th; pendidikan min. SMA; pengalaman ≥ 2 th; sertifikat: STR Perawat"
    # the SIP of an open order runs out: still listed, flagged
    later = vacancy_board.board(db, actor, day=date(2027, 1, 5))
    assert [v.sip_valid for v in later.vacancies] == [False, True]


def test_pdf_is_landscape_and_flags_zero_cost_and_invalid_sip(db, actor):
    _orders(db, actor)
    buf = io.BytesIO()
    vacancies.vacancies_pdf(buf, vacancy_board.board(db, actor, day=date(2027, 1, 5)))
    page = PdfReader(io.BytesIO(buf.getvalue())).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = _text(buf.getvalue())
    assert "PAPAN INFORMASI LOWONGAN" in text and "Sakura Care Co., Ltd." in text and "Al Noor Hospital" in text
    assert "Tanpa biaya (zero cost)" in text and "Rp3.500.000" in text and "SIP tidak berlaku" in text
    assert "Draft Only KK" not in text


def test_empty_board_builds(db, actor):
    buf = io.BytesIO()
    vacancies.vacancies_pdf(buf, vacancy_board.board(db, actor, day=TODAY))
    assert "tidak ada lowongan terbuka" in _text(buf.getvalue())


def test_cli_report_vacancies(tmp_path, capsys):
    db = Database.open()
    office = setup.ensure_office(db)
    _orders(db, Actor("petugas1", office.code, "counter"))
    db.dispose()
    out = tmp_path / "board.pdf"
    assert cli.main(["report", "vacancies", "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"pdf": str(out), "vacancies": 2}
    assert "Sakura Care" in _text(out.read_bytes())
