"""Job order screens: the journey from a new order to a shortlisted candidate, the board, the
orders-for-applicant panel, and qtmodeltester for every model."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.core import job_orders, matching, placements, registration
from app.views.orders.applicant_panel import ApplicantOrdersPanel
from app.views.orders.form import OrderDialog
from app.views.orders.models import CandidatesModel, FitsModel, OrdersModel, StageListModel
from app.views.orders.page import OrdersPage
from tests.conftest import TODAY, hold_documents
from tests.orders_helpers import agency_input, order_input, supervisor
from tests.test_matching import person

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch):
    """The orders' SIPs are dated: the screens see a fixed "today"."""
    from app.core import clock

    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def sup(actor):
    return supervisor(actor)


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def fill_order(dialog: OrderDialog, **values) -> None:
    f = dialog.fields
    f["employer"].setText(values.get("employer", "Sakura Care Co., Ltd."))
    f["country"].setCurrentIndex(f["country"].findData("JP"))
    f["sector"].setCurrentIndex(f["sector"].findData("caregiving"))
    f["position"].setText("Caregiver (kaigo)")
    f["quota"].setText("3")
    f["currency"].setCurrentIndex(f["currency"].findData("JPY"))
    f["salary_min"].setText("180.000")
    f["salary_max"].setText(values.get("salary_max", "220.000"))
    f["sip_number"].setText("SIP-001/2026")
    f["sip_valid_from"].edit.setText("01/01/2026")
    f["sip_valid_until"].edit.setText(values.get("sip_valid_until", "30/06/2027"))
    f["age_max"].setText("35")
    f["language_code"].setCurrentIndex(f["language_code"].findData("ja"))
    f["language_min_level"].setCurrentIndex(f["language_min_level"].findData("N4"))
    dialog.schemes["employer"].setChecked(True)


def test_journey_new_order_to_a_shortlisted_candidate(qtbot, db, sup, warnings):
    siti = person(db, sup, height_cm=158)
    budi = person(db, sup, sex="L", birth_date="1980-05-05", languages=[])
    job_orders.create_agency(db, agency_input(), sup)
    page = OrdersPage(db, sup)
    qtbot.addWidget(page)
    dialog = OrderDialog(db, sup, parent=page)
    qtbot.addWidget(dialog)
    fill_order(dialog, salary_max="100.000")
    assert not dialog.save()  # the form shows the core's refusal on the field
    assert dialog.error_text("salary_max") == "Gaji minimum lebih besar dari gaji maksimum."
    fill_order(dialog)
    assert "Rp19.440.000" in dialog.rupiah.text()
    assert dialog.save()
    order = dialog.saved
    assert (order.salary_min, order.status) == (180_000, "draft")
    page.refresh()
    assert page.select_number(order.order_number)
    assert page.set_status("open")
    assert page.model.order(0).status == "open"
    assert page.select_number(order.order_number)
    assert page.match_selected()
    view = page.match
    assert page.tabs.currentWidget() is view
    assert view.model.rowCount() == 1
    assert view.model.candidate(0).applicant_id == siti.id
    view.near.setChecked(True)  # Budi misses the age and the language
    assert view.model.rowCount() == 1  # two misses: not a near miss
    view.table.selectRow(0)
    assert "Language" in view.panel.text() and view.shortlist_button.isEnabled()
    assert view.add_to_shortlist()
    assert view.model.index(0, 5).data() == "Shortlist"
    assert not view.shortlist_button.isEnabled()
    assert [p.applicant_id for p in placements.list_placements(db, sup, order_ref=order.id)] == [siti.id]
    assert [x.applicant_id for x in page.board.models["shortlisted"]._rows] == [siti.id]
    assert budi.id not in [c.applicant_id for c in view.model._rows]
    assert warnings == []


def test_matching_an_order_with_an_expired_sip_says_why(qtbot, db, sup, warnings):
    agency = job_orders.create_agency(db, agency_input(), sup)
    job_orders.create_order(db, order_input(agency.id, sip_valid_until="2026-01-31"), sup, today=TODAY)
    page = OrdersPage(db, sup)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert not page.match_selected()
    assert "SIP SIP-001/2026 berakhir 31/01/2026" in warnings[-1]
    assert not page.set_status("open")
    assert "berakhir" in warnings[-1]


def test_board_moves_a_placement_and_ends_one(qtbot, db, sup, warnings):
    agency = job_orders.create_agency(db, agency_input(), sup)
    order = job_orders.create_order(db, order_input(agency.id, status="open", min_height_cm=None), sup)
    a = person(db, sup)
    b = person(db, sup)
    placements.shortlist(db, sup, order.id, a.id)
    placements.shortlist(db, sup, order.id, b.id)
    page = OrdersPage(db, sup)
    qtbot.addWidget(page)
    board = page.board
    board.refresh()
    assert board.models["shortlisted"].rowCount() == 2
    view = board.views["shortlisted"]
    view.setCurrentIndex(board.models["shortlisted"].index(0))
    first = board.current
    assert not board.advance()  # still "registered": may not be proposed
    assert "Siap ditempatkan" in warnings[-1]
    hold_documents(db, first.applicant_id)
    registration.set_status(db, first.applicant_id, "ready", sup)
    board.refresh()
    view.setCurrentIndex(board.models["shortlisted"].index(0))
    assert board.advance()
    assert board.models["proposed"].rowCount() == 1
    board.views["shortlisted"].setCurrentIndex(board.models["shortlisted"].index(0))
    assert board.end("withdrawn", "pindah ke luar kota")
    assert board.models["withdrawn"].rowCount() == 1
    assert board.heads["withdrawn"].text() == "<b>Withdrawn</b> (1)"


def test_applicant_panel_lists_orders_and_what_is_missing(qtbot, db, actor, sup):
    agency = job_orders.create_agency(db, agency_input(), sup)
    japan = job_orders.create_order(db, order_input(agency.id, status="open", min_height_cm=150), sup)
    korea = job_orders.create_order(db, order_input(agency.id, status="open", country="KR", sector="manufacturing",
                                                    language_code="ko", language_min_level="EPS-TOPIK"), sup)
    siti = person(db, sup, height_cm=158)
    panel = ApplicantOrdersPanel(db, actor, siti.id)  # counter staff
    qtbot.addWidget(panel)
    assert panel.refresh()
    assert panel.model.index(0, 0).data() == japan.order_number
    assert panel.model.index(0, 5).data() == "Meets every requirement"
    assert panel.model.index(1, 0).data() == korea.order_number
    assert panel.model.index(1, 5).data() == "butuh Bahasa Korea EPS-TOPIK"
    assert "1" in panel.summary.text()


def test_applicant_detail_has_the_orders_tab(qtbot, db, actor, sup):
    from app.views.applicants.detail import ApplicantDetailDialog

    siti = person(db, sup)
    dialog = ApplicantDetailDialog(db, actor, siti.id)
    qtbot.addWidget(dialog)
    assert dialog.tabs.indexOf(dialog.orders_panel) >= 0


def test_models_pass_qtmodeltester(qtmodeltester, db, sup):
    agency = job_orders.create_agency(db, agency_input(), sup)
    order = job_orders.create_order(db, order_input(agency.id, status="open", min_height_cm=None), sup)
    p = person(db, sup)
    person(db, sup, birth_date="1980-01-01")
    orders = OrdersModel()
    orders.set_orders(job_orders.list_orders(db, sup))
    qtmodeltester.check(orders)
    result = matching.rank_candidates(db, sup, order.id, near=10)
    candidates = CandidatesModel()
    candidates.set_result(result.candidates + result.near_misses, {p.id: "shortlisted"})
    qtmodeltester.check(candidates)
    fits = FitsModel()
    m = matching.orders_for_applicant(db, sup, p.id)
    fits.set_fits(m.qualifies, m.missing)
    qtmodeltester.check(fits)
    placements.shortlist(db, sup, order.id, p.id)
    stage = StageListModel("shortlisted")
    stage.set_placements(placements.list_placements(db, sup))
    qtmodeltester.check(stage)


def test_funding_dialog_saves_and_shows_the_kur_precheck(qtbot, db, sup, warnings):
    from app.views.orders.funding import FundingDialog

    agency = job_orders.create_agency(db, agency_input(), sup)
    order = job_orders.create_order(db, order_input(agency.id, status="open", min_height_cm=None), sup)
    p = placements.shortlist(db, sup, order.id, person(db, sup).id)
    dialog = FundingDialog(db, sup, p)
    qtbot.addWidget(dialog)
    f = dialog.fields
    f["funding_scheme"].setCurrentIndex(f["funding_scheme"].findData("kur_pmi"))
    f["loan_amount"].setText("120.000.000")
    f["loan_term_months"].setText("30")
    assert dialog.save()
    text = dialog.check.text()
    assert "Pinjaman KUR PMI paling banyak Rp100 juta." in text and "NPWP wajib" in text
    f["loan_term_months"].setText("abc")
    assert not dialog.save() and dialog.error_text("loan_term_months")
    f["funding_scheme"].setCurrentIndex(f["funding_scheme"].findData("government"))
    assert not dialog.save()  # the order accepts employer and KUR PMI only
    assert "tidak menerima skema pembiayaan Pemerintah" in dialog.error_text("funding_scheme")


def test_refusals_read_in_the_chosen_language():
    from app.core.errors import FieldError, UserError, ValidationError
    from app.views import i18n
    from app.views.orders.labels import error_text

    refusal = ValidationError([FieldError("status", "status_transition", {
        "from_status_id": "Mengundurkan diri", "from_status_en": "Withdrawn", "to_status_id": "Terpilih",
        "to_status_en": "Selected"})])
    i18n.set_language("en")
    assert error_text(refusal) == refusal.errors[0].message_en and "Withdrawn" in error_text(refusal)
    assert error_text(UserError("quota_full", order="JO-2026-0001", quota=2)).startswith("The quota")
    i18n.set_language("id")
    assert "Mengundurkan diri" in error_text(refusal)
