"""The training screens: a trainer marks a week of attendance with the keyboard; the batch form
refuses a 9-month batch on its field; enrolment, scores and completion through the dialogs; the
at-risk page; every model passes qtmodeltester."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core import clock, training
from app.models import AuditEntry
from app.views.training.dialogs import BatchDialog, CompleteDialog, EnrolDialog, HolidaysDialog, ScoreDialog
from app.views.training.grid import AttendanceModel
from app.views.training.models import AtRiskModel, BatchesModel, CandidatesModel, EnrolModel, HolidaysModel
from app.views.training.page import AtRiskPage, TrainingPage
from tests.training_helpers import add_user, batch_input, register

pytestmark = pytest.mark.gui
FRIDAY = date(2026, 3, 6)


@pytest.fixture
def world(db, actor, monkeypatch):
    """A Mon–Fri batch of guru1 from Monday 2 March 2026 with five candidates; today is Friday 6 March."""
    monkeypatch.setattr(clock, "today", lambda: FRIDAY)
    sup = add_user(db, "penyelia1", "supervisor", "Penyelia Satu")
    guru = add_user(db, "guru1", "trainer", "Guru Satu")
    add_user(db, "guru2", "trainer", "Guru Dua")
    ids = register(db, actor, 5)
    b = training.create_batch(db, sup, batch_input(start_date=date(2026, 3, 2), schedule_days=[1, 2, 3, 4, 5]))
    training.enrol(db, sup, b.id, ids, today=date(2026, 3, 1))
    other = training.create_batch(db, sup, batch_input(code="KO-2026-01", language_code="ko",
                                                       target_level="EPS-TOPIK", trainer_username="guru2"))
    return {"sup": sup, "guru": guru, "ids": ids, "batch": b, "other": other}


@pytest.fixture
def quiet_boxes(monkeypatch):
    shown = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name: shown.append((_n, a[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def _page(qtbot, db, actor) -> TrainingPage:
    page = TrainingPage(db, actor)
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_trainer_marks_a_week_with_the_keyboard(qtbot, db, world):
    page = _page(qtbot, db, world["guru"])
    # a trainer sees only the batch they teach, and no management buttons
    assert page.batches.rowCount() == 1 and page.batch.code == "JP-2026-01"
    assert not page.new_button.isVisible() and not page.complete_button.isVisible()
    grid, model = page.grid, page.grid_model
    assert [s.day.day for s in model.sessions[:5]] == [2, 3, 4, 5, 6]
    assert grid.currentIndex().column() == 4  # opens on the latest meeting held (today)
    grid.setFocus()
    # Home on the first meeting: Left four times, keyboard only
    for _ in range(4):
        qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.currentIndex().column() == 0 and grid.currentIndex().row() == 0
    week = ["HHSHA", "HHHHA", "HIHHA", "HHHHH"]  # Mon–Thu, five people each (letters move down)
    for day, letters in enumerate(week):
        for ch in letters:
            qtbot.keyClick(grid, getattr(Qt.Key, f"Key_{ch}"))
        assert grid.currentIndex().row() == 4  # stays on the last person
        qtbot.keyClick(grid, Qt.Key.Key_Right)
        for _ in range(4):
            qtbot.keyClick(grid, Qt.Key.Key_Up)
    # Friday: "all present" for the meeting, then correct one person, then undo that correction
    assert grid.currentIndex().column() == 4
    qtbot.keyClick(grid, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert "5" in page.grid_status.text()
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_A)
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # a meeting in the future is refused in the status line, nothing changes
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_H)
    assert "belum berlangsung" in page.grid_status.text()

    saved = training.batch_attendance(db, world["batch"].id, world["guru"])
    names = [c.full_name for c in saved.candidates]
    assert names == sorted(names)
    expected = [[week[d][r] for d in range(4)] + ["H"] for r in range(5)]
    assert [row[:5] for row in saved.marks] == expected
    assert all(m is None for row in saved.marks for m in row[5:])
    # what the grid shows is what was saved
    assert [[model.index(r, c).data() for c in range(5)] for r in range(5)] == expected
    # the fifth person: A A A on Mon–Wed, then H H → not at risk any more by the streak, 40 % → below minimum
    fifth = saved.candidates[4]
    assert fifth.figures.rate == 40.0 and fifth.risks == ["below_minimum"]
    assert model.index(4, len(model.sessions)).data() == "40,0 %"
    with db.session(write=False) as s:
        n = s.execute(sa.select(sa.func.count()).select_from(AuditEntry)
                      .where(AuditEntry.entity == "training_attendance")).scalar()
    assert n == 20 + 5 + 2  # 20 keys, "all present" for 5, one correction and its undo


def test_supervisor_creates_a_batch_and_a_nine_month_one_is_refused(qtbot, db, world):
    page = _page(qtbot, db, world["sup"])
    assert page.batches.rowCount() == 2 and page.new_button.isVisible()
    dialog = BatchDialog(db, world["sup"], None, page)
    qtbot.addWidget(dialog)
    dialog.code.setText("DE-2026-05")
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.level.setText("Goethe B1")
    dialog.provider.setText("LPK Deutsch Banten")
    dialog.venue.setText("Jl. Sudirman 21")
    dialog.trainer.setCurrentIndex(dialog.trainer.findData("guru2"))
    dialog.start.set_date(date(2026, 4, 6))
    dialog.months.setValue(9)
    assert not dialog.save()
    assert dialog.errors["duration_months"].isVisibleTo(dialog)
    assert "3 sampai 8 bulan" in dialog.errors["duration_months"].text()
    assert dialog.errors["schedule_days"].isVisibleTo(dialog)
    dialog.months.setValue(4)
    for box in dialog.day_boxes[:3]:
        box.setChecked(True)
    assert dialog.save(), dialog.general.text()
    assert dialog.result_batch.sessions > 40 and dialog.result_batch.end_date == date(2026, 8, 5)
    page.refresh(dialog.result_batch.id)
    assert page.batch.code == "DE-2026-05"


def test_enrol_score_and_complete_through_the_dialogs(qtbot, db, world, actor, quiet_boxes):
    sup = world["sup"]
    new = register(db, actor, 2, start=10)
    page = _page(qtbot, db, sup)
    assert page.select_batch("KO-2026-01")
    enrol = EnrolDialog(db, sup, page.batch, page)
    qtbot.addWidget(enrol)
    assert {r.applicant_id for r in enrol.model._rows} == set(new)
    enrol.model.setData(enrol.model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "1" in enrol.places.text()
    assert enrol.save()
    page.refresh()
    assert page.batch.enrolled == 1

    page.select_batch("JP-2026-01")
    b = world["batch"]
    first = world["ids"][0]
    training.set_marks(db, world["guru"], b.id, [training.MarkChange(s.id, first, "H") for s in page.grid_model.sessions[:5]])
    cand = next(c for c in page.grid_model.candidates if c.applicant_id == first)
    score = ScoreDialog(db, sup, b.id, cand, page)
    qtbot.addWidget(score)
    score.kind.setCurrentIndex(score.kind.findData("final"))
    score.title.setText("Ujian akhir")
    score.score.setValue(64)
    assert score.save()
    check = next(c for c in training.completion_checks(db, sup, b.id) if c.applicant_id == first)
    done = CompleteDialog(db, sup, b.id, check, page)
    qtbot.addWidget(done)
    assert done.result.currentData() == "failed"  # proposed: the pass mark is not reached
    done.result.setCurrentIndex(done.result.findData("graduated"))
    assert not done.save()
    assert "64" in done.errors["result"].text()
    done.result.setCurrentIndex(done.result.findData("dropped"))
    assert not done.save() and done.errors["reason"].isVisibleTo(done)
    done.reason.setText("Pindah domisili")
    assert done.save() and done.outcome.applicant_status == "registered"


def test_at_risk_page_and_holidays_dialog(qtbot, db, world, quiet_boxes):
    b = world["batch"]
    ids = world["ids"]
    sessions = training.list_sessions(db, world["guru"], b.id)
    training.set_marks(db, world["guru"], b.id, [training.MarkChange(s.id, ids[1], "A") for s in sessions[:3]])
    page = AtRiskPage(db, world["guru"])
    qtbot.addWidget(page)
    page.show()
    assert page.refresh() == 1
    assert page.model.index(0, 3).data() == "0,0 %"
    assert "berturut" in page.model.index(0, 6).data() or "3" in page.model.index(0, 5).data()
    dialog = HolidaysDialog(db, world["sup"], year=2026)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()
    dialog.day.set_date(date(2026, 3, 10))
    dialog.name.setText("Cuti bersama")
    assert dialog.add()
    assert dialog.model.rowCount() == before + 1
    assert "1" in dialog.error.text()  # a meeting of the batch is on that day
    row = next(r for r in range(dialog.model.rowCount()) if dialog.table.model().index(r, 2).data() == "Cuti bersama")
    dialog.table.selectRow(row)
    assert dialog.remove()
    assert dialog.model.rowCount() == before


def test_models_pass_qtmodeltester(qtmodeltester, db, world):
    sup = world["sup"]
    grid = AttendanceModel(db, sup)
    grid.load(world["batch"].id, today=FRIDAY)
    qtmodeltester.check(grid)
    batches = BatchesModel()
    batches.set_rows(training.list_batches(db, sup), FRIDAY)
    qtmodeltester.check(batches)
    people = CandidatesModel()
    people.set_rows(grid.candidates)
    qtmodeltester.check(people)
    risk = AtRiskModel()
    risk.set_rows(training.at_risk(db, sup))
    qtmodeltester.check(risk)
    enrol = EnrolModel()
    enrol.set_rows(training.enrolment_candidates(db, sup, world["other"].id))
    qtmodeltester.check(enrol)
    holidays = HolidaysModel()
    holidays.set_rows(training.list_holidays(db, year=2026))
    qtmodeltester.check(holidays)


def test_print_from_the_page(qtbot, db, world, tmp_path, quiet_boxes):
    page = _page(qtbot, db, world["guru"])
    sheet = page.print_pdf("sheet_session", str(tmp_path / "hadir.pdf"))
    assert sheet and (tmp_path / "hadir.pdf").read_bytes().startswith(b"%PDF")
    assert page.print_pdf("sheet_month", str(tmp_path / "bulan.pdf"))
    assert page.print_pdf("recap", str(tmp_path / "rekap.pdf"))
    assert page.print_pdf("certificate", str(tmp_path / "s.pdf")) is None  # nobody has graduated
    assert quiet_boxes and quiet_boxes[-1][0] == "information"
    # the buttons: a temporary PDF shown in the print preview
    previewed = []
    page.show_pdf = lambda parent, path, name, **kw: previewed.append((path, name, kw))
    out = page.print_pdf("recap")
    assert previewed == [(Path(out), f"rekap-{page.batch.code}.pdf", {"temporary": True})]
    assert Path(out).read_bytes().startswith(b"%PDF") and Path(out).parent.parent.name == "print-preview"


def test_main_window_opens_a_trainer_on_their_batch_and_at_risk_links_to_it(qtbot, db, world):
    from app.core import setup
    from app.views.main_window import MainWindow

    window = MainWindow(db, world["guru"], setup.local_office(db))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.training_page
    assert window.training_page.batch.code == "JP-2026-01"
    window.at_risk_page.openBatch.emit("JP-2026-01")
    assert window.stack.currentWidget() is window.training_page
    counter = MainWindow(db, world["counter"] if "counter" in world else _counter(db), setup.local_office(db))
    qtbot.addWidget(counter)
    assert counter.training_page is None and counter.at_risk_page is None


def _counter(db):
    from app.core.actor import Actor

    return Actor("petugas1", "SRG-0001", "counter", "Petugas Satu")


def test_meetings_and_scores_through_the_dialogs(qtbot, qtmodeltester, db, world, quiet_boxes):
    from app.views.training.dialogs import ScoresDialog, SessionDialog
    from app.views.training.models import ScoresModel

    b, sup, guru = world["batch"], world["sup"], world["guru"]
    page = _page(qtbot, db, guru)
    cancel = SessionDialog(db, guru, b.id, "cancel", page.grid_model.sessions[6], page)
    qtbot.addWidget(cancel)
    assert not cancel.save() and cancel.errors["reason"].isVisibleTo(cancel)
    cancel.reason.setText("Gedung dipakai ujian")
    assert cancel.save()
    move = SessionDialog(db, guru, b.id, "move", page.grid_model.sessions[7], page)
    qtbot.addWidget(move)
    move.day.set_date(date(2026, 3, 7))
    move.reason.setText("Tukar hari")
    assert move.save()
    add = SessionDialog(db, guru, b.id, "add", None, page)
    qtbot.addWidget(add)
    add.day.set_date(date(2026, 3, 17))  # a Tuesday that has a meeting already
    add.reason.setText("Kelas tambahan")
    assert not add.save() and "Sudah ada pertemuan" in add.errors["day"].text()
    page.refresh()
    states = {s.day: s for s in page.grid_model.sessions}
    assert states[date(2026, 3, 10)].state == "cancelled" and states[date(2026, 3, 7)].moved_from == date(2026, 3, 11)
    col = next(j for j, s in enumerate(page.grid_model.sessions) if s.day == date(2026, 3, 10))
    assert page.grid_model.index(0, col).data() == "×"

    first = page.grid_model.candidates[0]
    for title, score in (("Tes 1", 55), ("Tes 2", 65)):
        training.record_score(db, guru, b.id, first.applicant_id, kind="mock", title=title,
                              test_date=date(2026, 3, 5), score=score)
    dialog = ScoresDialog(db, guru, b.id, first, page)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    dialog.table.selectRow(0)
    assert dialog.delete() and dialog.model.rowCount() == 1
    with db.session(write=False) as s:
        assert s.execute(sa.select(sa.func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "training_score", AuditEntry.action == "delete")).scalar() == 1
    model = ScoresModel()
    model.set_rows(training.list_scores(db, sup, b.id))
    qtmodeltester.check(model)


def test_right_click_menu_marks_for_the_mouse(qtbot, db, world):
    page = _page(qtbot, db, world["guru"])
    index = page.grid_model.index(2, 0)
    page.grid.setCurrentIndex(index)
    menu = page.grid.mark_menu(index)
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["Present (H)", "Sick (S)", "Excused (I)", "Absent (A)", "Clear the mark",
                                           "All present in this meeting"]  # no translator installed here
    actions[1].trigger()
    assert page.grid_model.index(2, 0).data() == "S"
    actions[5].trigger()
    assert [page.grid_model.index(r, 0).data() for r in range(5)] == ["H", "H", "S", "H", "H"]
    actions[4].trigger()
    assert page.grid_model.index(2, 0).data() is None


def test_graduates_to_ready_button(qtbot, db, world, quiet_boxes):
    b, sup = world["batch"], world["sup"]
    first = world["ids"][0]
    sessions = training.list_sessions(db, sup, b.id)
    training.set_marks(db, sup, b.id, [training.MarkChange(s.id, first, "H") for s in sessions[:5]])
    training.record_score(db, sup, b.id, first, kind="final", title="Ujian", test_date=FRIDAY, score=90)
    with pytest.MonkeyPatch.context() as mp:
        from app.core import pipeline

        mp.setitem(pipeline.GUARDS, "ready", ["tests.test_training:_block_ready"])
        assert training.complete(db, sup, b.id, first, "graduated").applicant_status == "training"
    page = _page(qtbot, db, sup)
    assert not page.ready_button.isHidden()  # on the second tab, shown for a supervisor
    assert page.move_graduates() == 1
    assert quiet_boxes[-1][0] == "information" and "1" in quiet_boxes[-1][1]
