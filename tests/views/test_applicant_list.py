"""The applicant list: search-as-you-type, status filter, server-side sort, lazy loading, the model
contract (qtmodeltester), and the detail view with its audit history."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from app.core import registration, search, setup
from app.models import Applicant
from app.views.applicants.history import HistoryModel
from app.views.applicants.model import ApplicantTableModel, RowObjectRole, SortRole
from app.views.applicants.page import ApplicantListPage
from app.views.main_window import MainWindow
from tests.conftest import applicant_input
from tests.views.helpers import when_modal

pytestmark = pytest.mark.gui


def _two(db, actor):
    siti = registration.register_applicant(db, applicant_input(), actor)
    budi = registration.register_applicant(
        db, applicant_input(nik="3673010405990002", full_name="Budi Santoso", sex="L",
                            birth_date="1999-05-04", phone="081311112222", education_level="SMA"),
        actor, confirm_warnings=True)
    return siti, budi


def bulk_insert(db, n: int) -> None:
    """``n`` applicants straight into the table (as a bulk load would), FTS kept by triggers."""
    now = datetime.now(timezone.utc)
    rows = [dict(id=uuid.uuid4(), created_at=now, updated_at=now, origin_office="SRG-0001", version=1,
                 registration_number=f"SRG-0001-2026-{i + 1:06d}", office_code="SRG-0001",
                 registered_on=date(2026, 1 + i % 11, 1 + i % 28), nik=f"3673{i:012d}",
                 kk_number="3673010101010001", full_name=f"Pendaftar {i:05d}", sex="LP"[i % 2],
                 birth_place="Serang", birth_date=date(1990 + i % 15, 1 + i % 12, 1 + i % 28),
                 marital_status="belum_kawin", address="Jl. Contoh", rt="001", rw="002",
                 kelurahan_code="36.73.01.1002", kecamatan_code="36.73.01", phone=f"+62812{i:08d}",
                 education_level="SMA", preferred_countries="", preferred_sectors="",
                 consent_on=date(2026, 1, 1), status="registered") for i in range(n)]
    with db.session() as session:
        session.execute(sa.insert(Applicant), rows)


@pytest.fixture
def page(qtbot, db, actor):
    _two(db, actor)
    widget = ApplicantListPage(db, actor)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    yield widget
    widget.pool.waitForDone(5000)


def _names(model) -> list[str]:
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_search_as_you_type(qtbot, page):
    assert page.model.rowCount() == 2
    qtbot.keyClicks(page.search_box, "siti")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert _names(page.model) == ["Siti Nurhaliza"]
    qtbot.waitUntil(lambda: page.count_label.text() == "1 applicant(s)")
    for text, name in (("3673010405", "Budi Santoso"), ("0813 1111", "Budi Santoso"),
                       ("SRG-0001-", None)):
        page.search_box.clear()
        qtbot.keyClicks(page.search_box, text)
        qtbot.waitUntil(lambda: not page.timer.isActive())
        if name:
            assert _names(page.model) == [name]
        else:
            assert page.model.rowCount() == 2


def test_typing_is_debounced(qtbot, page, monkeypatch):
    calls = []
    original = page.model.set_filter
    monkeypatch.setattr(page.model, "set_filter", lambda *a: (calls.append(a), original(*a)))
    qtbot.keyClicks(page.search_box, "Budi")
    assert calls == []  # nothing until the typing pauses
    qtbot.waitUntil(lambda: bool(calls))
    qtbot.wait(200)
    assert calls == [("Budi", None)]


def test_status_filter_and_columns(qtbot, page, db, actor):
    siti_id = page.model.row_object(page.model.rowCount() - 1).id
    registration.set_status(db, siti_id, "training", actor)
    page.refresh()
    page.status_combo.setCurrentIndex(page.status_combo.findData("training"))
    assert _names(page.model) == ["Siti Nurhaliza"]
    m = page.model
    assert [m.index(0, c).data() for c in (3, 4, 5, 6, 7)] == [
        "P", "17/03/2001", "+62 812-3456-7890", "Serang", "SMK"]
    assert m.index(0, 8).data() != "training"  # a label, not the code
    page.status_combo.setCurrentIndex(0)
    assert m.rowCount() == 2


def test_sort_by_header_requeries_the_service(qtbot, page):
    header = page.table.horizontalHeader()
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # as a header click does
    assert _names(page.model) == ["Budi Santoso", "Siti Nurhaliza"]
    assert page.model.sort_key == "full_name" and not page.model.descending
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert _names(page.model) == ["Siti Nurhaliza", "Budi Santoso"]
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # NIK: the service cannot sort by it
    assert header.sortIndicatorSection() == 1 and page.model.sort_key == "full_name"


def test_lazy_loading_never_loads_everything(qtbot, db, actor):
    bulk_insert(db, 1000)
    model = ApplicantTableModel(db, actor, page_size=200)
    assert model.rowCount() == 200 and model.canFetchMore()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 200
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 200)
    assert model.rowCount() < 1000
    while model.canFetchMore():
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        assert model.rowCount() - before <= 200
    assert model.rowCount() == 1000
    numbers = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(set(numbers)) == 1000  # keyset paging: no row twice, none missing


def test_model_contract(qtmodeltester, db, actor):
    _two(db, actor)
    model = ApplicantTableModel(db, actor, page_size=1)
    qtmodeltester.check(model)
    index = model.index(0, 4)
    assert isinstance(index.data(RowObjectRole), search.ApplicantRow)
    assert index.data(SortRole) == index.data(RowObjectRole).birth_date.isoformat()


def test_history_model_contract(qtmodeltester, db, actor):
    siti, _ = _two(db, actor)
    model = HistoryModel(registration.history(db, siti.id, actor))
    qtmodeltester.check(model)
    assert model.rowCount() > 5


def test_open_edit_and_see_the_audit_row(qtbot, db, actor):
    siti, _ = _two(db, actor)
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    window.show()
    window.show_page(1)
    page = window.applicants
    qtbot.keyClicks(page.search_box, "Siti")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the detail view
    dialog = window.details[str(siti.id)]
    qtbot.addWidget(dialog)
    f = dialog.editor.form
    assert f.nik.text() == siti.nik and f.nik.isReadOnly()
    assert f.full_name.text() == "Siti Nurhaliza"
    f.full_name.clear()
    qtbot.keyClicks(f.full_name, "Siti Nurhaliza Putri")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(f.full_name, Qt.Key.Key_Return)
    assert registration.get_applicant(db, siti.id, actor).full_name == "Siti Nurhaliza Putri"
    model = dialog.history_model
    lines = [[model.index(r, c).data() for c in range(6)] for r in range(model.rowCount())]
    changed = [line for line in lines if line[3] == "Full name" and line[4] != "—"]
    assert changed and changed[0][1:] == [actor.username, "Changed", "Full name", "Siti Nurhaliza",
                                          "Siti Nurhaliza Putri"]
    assert changed[0][0].count("/") == 2  # dd/MM/yyyy HH:mm, in WIB
    assert dialog.editor.detail.version == 2
    assert _names(page.model) == ["Siti Nurhaliza Putri"]  # the list follows the edit


def test_edit_changed_by_someone_else(qtbot, db, actor):
    siti, _ = _two(db, actor)
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    dialog = window.open_applicant(siti.id)
    qtbot.addWidget(dialog)
    other = siti.to_input()
    other.address = "Jl. Lain No. 1"
    registration.update_applicant(db, siti.id, other, actor, expected_version=siti.version)
    dialog.editor.form.skills.setPlainText("Menjahit")

    def answer(box):
        assert "diubah oleh pengguna lain" in box.text()
        next(b for b in box.buttons() if b.text() == "Reload").click()

    when_modal(answer)
    assert dialog.editor.save() is None
    assert dialog.editor.form.address.text() == "Jl. Lain No. 1"  # reloaded
    assert dialog.editor.detail.version == 2


def test_window_title_and_status_bar(qtbot, db, actor):
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    assert window.windowTitle() == "PMI Desk — Disnakertrans Kota Serang"
    from PySide6.QtWidgets import QLabel

    texts = " ".join(w.text() for w in window.statusBar().findChildren(QLabel))
    assert "SRG-0001" in texts and actor.username in texts
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["Registration", "Applicant list",
                                                                                  "Expiring documents", "Job orders"]


def test_opening_a_missing_applicant_is_a_message(qtbot, db, actor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    assert window.open_applicant(uuid.uuid4()) is None
    assert told == ["Pendaftar tidak ditemukan."]


def test_closing_the_window_asks_about_unsaved_edits(qtbot, db, actor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    siti, _ = _two(db, actor)
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    window.show()
    dialog = window.open_applicant(siti.id)
    dialog.editor.form.address.setText("Jl. Belum Disimpan")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not window.close() and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.close()


def test_the_name_column_keeps_a_long_name_readable_and_takes_the_room_left(qtbot, db, actor):
    _two(db, actor)
    page = ApplicantListPage(db, actor)
    qtbot.addWidget(page)
    header = page.table.horizontalHeader()
    long_name = page.table.fontMetrics().horizontalAdvance("Muhammad Rizki Ramadhan Saputra")
    page.resize(1366 - 280, 700)  # a 1366 px screen less the side navigation
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: header.sectionSize(1) >= long_name)
    assert header.sectionSize(1) < 2 * long_name  # the others keep their width: the list scrolls
    page.resize(1900, 700)
    others = sum(header.sectionSize(c) for c in range(header.count()) if c != 1)
    qtbot.waitUntil(lambda: header.sectionSize(1) == page.table.viewport().width() - others)
    assert header.sectionSize(1) > 2 * long_name  # the room left goes to the name
