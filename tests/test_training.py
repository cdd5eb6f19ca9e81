"""Language training rules below the GUI, on real SQLite: batches, schedule generation with closed
days, sessions, enrolment, attendance with role limits, figures, at-risk list, scores, completion."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from app.core import audit, pipeline, training
from app.core.errors import ConcurrentEdit, NotFound, UserError, ValidationError
from app.core.permissions import PermissionDenied
from app.core.training import MarkChange
from app.models import Applicant, AuditEntry, Holiday
from tests.training_helpers import add_user, batch_input, register


@pytest.fixture
def people(db, actor):
    sup = add_user(db, "penyelia1", "supervisor", "Penyelia Satu")
    guru = add_user(db, "guru1", "trainer", "Guru Satu")
    other = add_user(db, "guru2", "trainer", "Guru Dua")
    return {"sup": sup, "trainer": guru, "other": other, "counter": actor}


def _codes(exc) -> list[str]:
    return [e.code for e in exc.errors]


# --- pure rules ---------------------------------------------------------------------------------

def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert training.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert training.add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert training.end_date_of(date(2026, 2, 2), 3) == date(2026, 5, 1)
    assert training.end_date_of(date(2026, 1, 1), 8) == date(2026, 8, 31)


def test_schedule_over_three_months_skips_closed_days():
    start, end = date(2026, 2, 2), training.end_date_of(date(2026, 2, 2), 3)
    closed = {date(2026, 2, 17), date(2026, 3, 20), date(2026, 4, 3), date(2026, 3, 21)}
    days = training.schedule_dates(start, end, [2, 5], closed)  # Tuesdays and Fridays
    assert days[0] == date(2026, 2, 3) and days[-1] == date(2026, 5, 1)
    assert all(d.isoweekday() in (2, 5) for d in days)
    assert not closed & set(days)
    # 13 Tuesdays (3 Feb … 28 Apr) + 13 Fridays (6 Feb … 1 May), minus the closed Tue 17 Feb,
    # Fri 20 Mar and Fri 3 Apr (Sat 21 Mar is no class day)
    assert len(days) == 13 + 13 - 3
    assert days == sorted(set(days))


def test_schedule_over_eight_months_counts_every_weekday_once():
    start = date(2026, 1, 5)
    end = training.end_date_of(start, 8)
    assert end == date(2026, 9, 4)
    closed = {date(2026, 1, 16), date(2026, 5, 1), date(2026, 8, 17), date(2026, 6, 1), date(2026, 1, 10)}
    days = training.schedule_dates(start, end, [1, 3, 5], closed)
    expected = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    expected = [d for d in expected if d.isoweekday() in (1, 3, 5) and d not in closed]
    assert days == expected
    assert len(days) == 105 - 4  # 35 weeks × 3, minus four closed class days (10 Jan is a Saturday)


def test_parse_weekdays():
    assert training.parse_weekdays("135") == (1, 3, 5)
    assert training.parse_weekdays("5,1") == (1, 5)
    assert training.parse_weekdays([6, 6]) == (6,)
    assert training.parse_weekdays("18") is None and training.parse_weekdays([True]) is None
    assert training.parse_weekdays(None) is None and training.parse_weekdays("x") is None


def test_figures_rate_streak_and_trend():
    f = training.figures_of(["H", "H", "S", None, "A", "I", "H", "A", "A", "A"])
    assert (f.present, f.sick, f.excused, f.absent, f.marked) == (3, 1, 1, 4, 9)
    assert f.rate == 33.3 and f.streak == 3 and f.longest_streak == 3
    assert training.risks_of(f, 80) == ["below_minimum", "absent_streak"]
    assert training.figures_of([]).rate is None and training.risks_of(training.figures_of([]), 80) == []
    # one sick day in the first week is no warning yet; the same rate after 4 meetings is
    assert training.risks_of(training.figures_of(["S", "H", "H"]), 80) == []
    assert training.risks_of(training.figures_of(["S", "H", "H", "H"]), 80) == ["below_minimum"]
    down = training.figures_of(["H"] * 8 + ["H", "A"] * 4)
    assert down.trend == "down" and down.rate == 75.0
    up = training.figures_of(["A"] * 4 + ["H"] * 8)
    assert up.trend == "up"
    assert training.figures_of(["H"] * 12).trend == "flat"
    assert training.figures_of(["H"] * 11).trend is None  # too few meetings before the window


# --- batches ------------------------------------------------------------------------------------

def test_batch_duration_outside_three_to_eight_months_is_refused(db, people):
    for months in (2, 9, 0):
        with pytest.raises(ValidationError) as err:
            training.create_batch(db, people["sup"], batch_input(duration_months=months))
        assert _codes(err.value) == ["duration_range"]
        assert f"diisi {months} bulan" in err.value.message and "3 sampai 8 bulan" in err.value.message


def test_batch_validation_lists_every_problem(db, people):
    with pytest.raises(ValidationError) as err:
        training.create_batch(db, people["sup"], batch_input(
            code="", language_code="xx", schedule_days=[], start_time="25:00", end_time="07:00",
            capacity=0, min_attendance=40, pass_mark=101, funding_scheme="nope", start_date="kemarin"))
    by = err.value.by_field()
    assert set(by) == {"code", "language_code", "schedule_days", "start_time", "capacity", "min_attendance",
                       "pass_mark", "funding_scheme", "start_date"}
    with pytest.raises(ValidationError) as err:
        training.create_batch(db, people["sup"], batch_input(start_time="13:00", end_time="12:30"))
    assert _codes(err.value) == ["time_order"]


def test_create_batch_generates_sessions_skipping_seeded_holidays(db, people):
    # The migration seeds 2026's national holidays: Imlek (Tue 17 Feb) and Nyepi (Thu 19 Mar) fall on class days.
    b = training.create_batch(db, people["sup"], batch_input(schedule_days=[2, 4], start_date=date(2026, 2, 2)))
    assert b.min_attendance == 80 and b.end_date == date(2026, 5, 1)
    sessions = training.list_sessions(db, people["sup"], b.id)
    days = [s.day for s in sessions]
    assert date(2026, 2, 17) not in days and date(2026, 3, 19) not in days
    assert len(days) == b.sessions == 13 + 13 - 2  # 13 Tuesdays and 13 Thursdays, minus Imlek and Nyepi
    assert [s.number for s in sessions] == list(range(1, len(sessions) + 1))
    with db.session(write=False) as s:
        a = audit.history(s, "training_batch", b.id)
    assert a[0].action == "create" and a[0].changes["sessions"] == [None, len(days)]


def test_batch_defaults_and_unknown_trainer_and_taken_code(db, people):
    data = batch_input()
    data.min_attendance = training.DEFAULT_MIN_ATTENDANCE
    training.create_batch(db, people["sup"], data)
    with pytest.raises(ValidationError) as err:
        training.create_batch(db, people["sup"], batch_input())
    assert _codes(err.value) == ["batch_code_taken"]
    with pytest.raises(ValidationError) as err:
        training.create_batch(db, people["sup"], batch_input(code="X", trainer_username="nobody"))
    assert _codes(err.value) == ["trainer_unknown"]


def test_only_supervisors_and_admins_manage_batches(db, people):
    for who in ("trainer", "counter"):
        with pytest.raises(PermissionDenied):
            training.create_batch(db, people[who], batch_input())


def test_update_regenerates_sessions_until_attendance_exists(db, people):
    sup = people["sup"]
    b = training.create_batch(db, sup, batch_input())
    b2 = training.update_batch(db, sup, b.id, batch_input(schedule_days=[1, 2, 3, 4, 5]), expected_version=b.version)
    assert b2.sessions > b.sessions and b2.version == b.version + 1
    with pytest.raises(ConcurrentEdit):
        training.update_batch(db, sup, b.id, batch_input(capacity=20), expected_version=b.version)
    ids = register(db, people["counter"], 1)
    training.enrol(db, sup, b.id, ids, today=date(2026, 2, 1))
    first = training.list_sessions(db, sup, b.id)[0]
    training.set_mark(db, sup, b.id, first.id, ids[0], "H", today=date(2026, 3, 1))
    with pytest.raises(ValidationError) as err:
        training.update_batch(db, sup, b.id, batch_input(schedule_days=[2]), expected_version=b2.version)
    assert _codes(err.value) == ["schedule_locked"]
    b3 = training.update_batch(db, sup, b.id, batch_input(schedule_days=[1, 2, 3, 4, 5], venue="LPK Nusantara"),
                               expected_version=b2.version)
    assert b3.venue == "LPK Nusantara" and b3.sessions == b2.sessions
    with pytest.raises(ValidationError) as err:
        training.update_batch(db, sup, b.id, batch_input(schedule_days=[1, 2, 3, 4, 5], capacity=0),
                              expected_version=b3.version)
    assert _codes(err.value) == ["out_of_range"]


# --- sessions -----------------------------------------------------------------------------------

def test_add_move_cancel_sessions_with_reasons(db, people):
    sup, guru = people["sup"], people["trainer"]
    b = training.create_batch(db, sup, batch_input())
    s1 = training.list_sessions(db, guru, b.id)[0]
    with pytest.raises(ValidationError) as err:
        training.move_session(db, guru, s1.id, date(2026, 2, 17), "instruktur sakit")
    assert _codes(err.value) == ["day_closed"] and "Imlek" in err.value.message
    with pytest.raises(ValidationError) as err:
        training.move_session(db, guru, s1.id, date(2026, 2, 4), " ")
    assert _codes(err.value) == ["required"]
    with pytest.raises(ValidationError) as err:
        training.move_session(db, guru, s1.id, date(2026, 2, 4), "bentrok")  # Wed 4 Feb has a meeting
    assert _codes(err.value) == ["session_exists"]
    moved = training.move_session(db, guru, s1.id, date(2026, 2, 3), "ruang kelas dipakai")
    assert moved.day == date(2026, 2, 3) and moved.moved_from == date(2026, 2, 2) and moved.number == 1
    extra = training.add_session(db, guru, b.id, date(2026, 2, 7), "kelas pengganti")
    assert extra.added and extra.number == 4 and extra.start_time == "08:00"
    with pytest.raises(ValidationError) as err:
        training.add_session(db, guru, b.id, date(2026, 9, 1), "terlalu jauh")
    assert _codes(err.value) == ["session_outside"]
    cancelled = training.cancel_session(db, guru, extra.id, "gedung ditutup")
    assert cancelled.state == "cancelled" and cancelled.number == 0 and cancelled.reason == "gedung ditutup"
    with pytest.raises(UserError) as err:
        training.move_session(db, guru, extra.id, date(2026, 2, 8), "x")
    assert err.value.code == "session_cancelled"
    with pytest.raises(UserError) as err:
        training.cancel_session(db, people["other"], s1.id, "bukan kelas saya")
    assert err.value.code == "batch_not_assigned"
    with db.session(write=False) as s:
        h = audit.history(s, "training_session", s1.id)
    assert h[0].changes["day"] == ["2026-02-02", "2026-02-03"]


# --- enrolment ----------------------------------------------------------------------------------

def test_enrolment_moves_to_training_and_enforces_capacity_and_language(db, people):
    sup, counter = people["sup"], people["counter"]
    ids = register(db, counter, 4)
    b = training.create_batch(db, sup, batch_input(capacity=2))
    with pytest.raises(UserError) as err:
        training.enrol(db, sup, b.id, ids[:3], today=date(2026, 2, 1))
    assert err.value.code == "batch_full" and "sisa tempat 2" in err.value.message
    info = training.enrol(db, sup, b.id, ids[:2], today=date(2026, 2, 1))
    assert info.enrolled == 2
    with db.session(write=False) as s:
        assert {s.get(Applicant, i).status for i in ids[:2]} == {"training"}
    # same language, another batch: refused while the first is active
    b2 = training.create_batch(db, sup, batch_input(code="JP-2026-02"))
    with pytest.raises(ValidationError) as err:
        training.enrol(db, sup, b2.id, [ids[0]], today=date(2026, 2, 1))
    assert _codes(err.value) == ["enrol_same_language"] and "JP-2026-01" in err.value.message
    # another language is fine only for registered-like statuses: "training" is not one
    b3 = training.create_batch(db, sup, batch_input(code="KR-2026-01", language_code="ko", target_level="EPS-TOPIK"))
    with pytest.raises(ValidationError) as err:
        training.enrol(db, sup, b3.id, [ids[0], ids[2]], today=date(2026, 2, 1))
    assert _codes(err.value) == ["enrol_status"] and "Pelatihan" in err.value.message
    with db.session(write=False) as s:  # all or nothing: ids[2] was not enrolled
        assert s.get(Applicant, ids[2]).status == "registered"
    with pytest.raises(ValidationError) as err:
        training.enrol(db, sup, b.id, [ids[0]], today=date(2026, 2, 1))
    assert _codes(err.value) == ["enrol_already"]
    with pytest.raises(UserError) as err:
        training.enrol(db, sup, b.id, [ids[3]], today=date(2026, 6, 1))
    assert err.value.code == "batch_finished"
    with pytest.raises(PermissionDenied):
        training.enrol(db, people["trainer"], b.id, [ids[3]], today=date(2026, 2, 1))
    cands = training.enrolment_candidates(db, sup, b2.id)
    assert {c.applicant_id for c in cands} == set(ids[2:])


def test_withdrawn_applicant_cannot_be_enrolled(db, people):
    from app.core import registration

    ids = register(db, people["counter"], 1)
    registration.set_status(db, ids[0], "withdrawn", people["counter"])
    b = training.create_batch(db, people["sup"], batch_input())
    with pytest.raises(ValidationError) as err:
        training.enrol(db, people["sup"], b.id, ids, today=date(2026, 2, 1))
    assert _codes(err.value) == ["enrol_status"]


# --- attendance -----------------------------------------------------------------------------------

@pytest.fixture
def running(db, people):
    """A batch of guru1 with three candidates, started 2 Feb 2026."""
    ids = register(db, people["counter"], 3)
    b = training.create_batch(db, people["sup"], batch_input())
    training.enrol(db, people["sup"], b.id, ids, today=date(2026, 2, 1))
    sessions = training.list_sessions(db, people["sup"], b.id)
    return b, ids, sessions


def test_marks_are_saved_audited_and_undoable(db, people, running):
    b, ids, sessions = running
    guru = people["trainer"]
    day = date(2026, 2, 20)
    prev = training.set_mark(db, guru, b.id, sessions[0].id, ids[0], "A", today=day)
    assert prev is None
    prev = training.set_mark(db, guru, b.id, sessions[0].id, ids[0], "H", today=day)
    assert prev == "A"
    data = training.batch_attendance(db, b.id, guru)
    row = [c.applicant_id for c in data.candidates].index(ids[0])
    assert data.marks[row][0] == "H"
    training.set_mark(db, guru, b.id, sessions[0].id, ids[0], None, today=day)  # undo back to nothing
    assert training.batch_attendance(db, b.id, guru).marks[row][0] is None
    with db.session(write=False) as s:
        entries = s.exec(sa.select(AuditEntry.action, AuditEntry.changes)
                         .where(AuditEntry.entity == "training_attendance").order_by(AuditEntry.id)).all()
    assert [e[0] for e in entries] == ["create", "update", "delete"]
    assert json.loads(entries[1][1])["mark"] == ["A", "H"]


def test_all_present_for_a_session_in_one_call(db, people, running):
    b, ids, sessions = running
    before = training.set_marks(db, people["trainer"], b.id, [MarkChange(sessions[1].id, a, "H") for a in ids],
                                today=date(2026, 3, 1))
    assert [m.mark for m in before] == [None, None, None]
    data = training.batch_attendance(db, b.id, people["trainer"])
    assert [m[1] for m in data.marks] == ["H", "H", "H"] and data.rate == 100.0


def test_mark_role_limits_and_rules(db, people, running):
    b, ids, sessions = running
    with pytest.raises(UserError) as err:
        training.set_mark(db, people["other"], b.id, sessions[0].id, ids[0], "H", today=date(2026, 3, 1))
    assert err.value.code == "batch_not_assigned"
    with pytest.raises(PermissionDenied):
        training.set_mark(db, people["counter"], b.id, sessions[0].id, ids[0], "H", today=date(2026, 3, 1))
    with pytest.raises(PermissionDenied):
        training.batch_attendance(db, b.id, people["counter"])
    with pytest.raises(UserError) as err:
        training.batch_attendance(db, b.id, people["other"])
    assert err.value.code == "batch_not_assigned"
    assert training.list_batches(db, people["other"]) == []
    assert [x.code for x in training.list_batches(db, people["trainer"])] == ["JP-2026-01"]
    with pytest.raises(UserError) as err:
        training.set_mark(db, people["trainer"], b.id, sessions[5].id, ids[0], "H", today=sessions[5].day - timedelta(days=1))
    assert err.value.code == "session_future"
    with pytest.raises(ValidationError) as err:
        training.set_mark(db, people["trainer"], b.id, sessions[0].id, ids[0], "X", today=date(2026, 3, 1))
    assert _codes(err.value) == ["mark_invalid"]
    # the supervisor marks any batch
    training.set_mark(db, people["sup"], b.id, sessions[0].id, ids[0], "S", today=date(2026, 3, 1))
    # a cancelled session takes no marks; a marked one cannot be cancelled or moved
    with pytest.raises(UserError) as err:
        training.cancel_session(db, people["trainer"], sessions[0].id, "libur")
    assert err.value.code == "session_has_marks"
    training.cancel_session(db, people["trainer"], sessions[1].id, "banjir")
    with pytest.raises(UserError) as err:
        training.set_mark(db, people["trainer"], b.id, sessions[1].id, ids[0], "H", today=date(2026, 3, 1))
    assert err.value.code == "session_cancelled"


def _mark_pattern(db, actor, b, sessions, pattern: dict, today):
    changes = [MarkChange(sessions[j].id, aid, m) for aid, marks in pattern.items() for j, m in enumerate(marks)]
    training.set_marks(db, actor, b.id, changes, today=today)


def test_figures_and_at_risk_list(db, people, running):
    b, ids, sessions = running
    guru = people["trainer"]
    _mark_pattern(db, guru, b, sessions, {
        ids[0]: ["H"] * 10,
        ids[1]: ["H"] * 7 + ["A", "S", "A"],  # 70 %, 3 in a row
        ids[2]: ["H"] * 8 + ["I", "H"],  # 90 %
    }, today=date(2026, 4, 1))
    data = training.batch_attendance(db, b.id, guru)
    by = {c.applicant_id: c for c in data.candidates}
    assert by[ids[0]].figures.rate == 100.0 and by[ids[0]].risks == []
    assert by[ids[1]].figures.rate == 70.0 and by[ids[1]].figures.streak == 3
    assert by[ids[1]].risks == ["below_minimum", "absent_streak"]
    assert by[ids[2]].figures.rate == 90.0 and by[ids[2]].risks == []
    assert data.rate == round(100 * 26 / 30, 1) and data.at_risk == 1
    assert data.trend is None  # 10 meetings: too few for a trend
    risky = training.at_risk(db, guru)
    assert [(r.applicant_id, r.reasons) for r in risky] == [(ids[1], ["below_minimum", "absent_streak"])]
    assert training.at_risk(db, people["other"]) == []
    assert [r.applicant_id for r in training.at_risk(db, people["sup"])] == [ids[1]]
    _mark_pattern(db, guru, b, sessions, {aid: ["H"] * 10 + ["A"] * 8 for aid in ids}, today=date(2026, 4, 1))
    assert training.batch_attendance(db, b.id, guru).trend == "down"
    assert len(training.at_risk(db, guru)) == 3


def test_attendance_many_one_group_by(db, people, running):
    b, ids, sessions = running
    _mark_pattern(db, people["trainer"], b, sessions, {ids[0]: ["H", "A", "H", "H"], ids[1]: ["S"]},
                  today=date(2026, 4, 1))
    training.record_score(db, people["trainer"], b.id, ids[0], kind="mock", title="Tes 1",
                          test_date=date(2026, 2, 20), score=60, today=date(2026, 4, 1))
    training.record_score(db, people["trainer"], b.id, ids[0], kind="mock", title="Tes 2",
                          test_date=date(2026, 3, 20), score=75, today=date(2026, 4, 1))
    out = training.attendance_many(db)
    assert out[ids[0]].rate == 75.0 and out[ids[0]].latest_score == 75
    assert out[ids[1]].rate == 0.0 and out[ids[1]].latest_score is None
    assert ids[2] not in out
    only = training.attendance_many(db, [ids[1]])
    assert set(only) == {ids[1]}
    with db.reading() as conn:
        assert training.attendance_many(conn, [ids[0]])[ids[0]].present == 3
    # an older test recorded later does not become the latest score
    training.record_score(db, people["trainer"], b.id, ids[0], kind="mock", title="Tes 0",
                          test_date=date(2026, 2, 10), score=40, today=date(2026, 4, 1))
    assert training.attendance_many(db, [ids[0]])[ids[0]].latest_score == 75
    # a long list (filtered after the GROUP BY instead of bound as parameters) gives the same
    import uuid

    many = training.attendance_many(db, [ids[0], ids[2]] + [uuid.uuid4() for _ in range(2500)])
    assert set(many) == {ids[0]} and many[ids[0]] == out[ids[0]]


# --- scores and completion -------------------------------------------------------------------------

def test_scores_validation(db, people, running):
    b, ids, _ = running
    guru = people["trainer"]
    with pytest.raises(ValidationError) as err:
        training.record_score(db, guru, b.id, ids[0], kind="quiz", title="", test_date="2026-03-01", score=101,
                              today=date(2026, 4, 1))
    assert set(err.value.by_field()) == {"kind", "title", "score"}
    with pytest.raises(ValidationError) as err:
        training.record_score(db, guru, b.id, ids[0], kind="mock", title="T", test_date=date(2026, 1, 1), score=50,
                              today=date(2026, 4, 1))
    assert _codes(err.value) == ["test_before_start"]
    s = training.record_score(db, guru, b.id, ids[0], kind="final", title="Ujian akhir", test_date=date(2026, 3, 30),
                              score=82, today=date(2026, 4, 1))
    assert training.list_scores(db, guru, b.id)[0].score == 82
    training.delete_score(db, guru, s.id)
    assert training.list_scores(db, guru, b.id) == []


def test_completion_rules_and_pipeline(db, people, running):
    b, ids, sessions = running
    sup, guru = people["sup"], people["trainer"]
    _mark_pattern(db, guru, b, sessions, {ids[0]: ["H"] * 10, ids[1]: ["H"] * 10, ids[2]: ["H"] * 5 + ["A"] * 5},
                  today=date(2026, 4, 30))
    for aid, score in ((ids[0], 85), (ids[1], 60), (ids[2], 90)):
        training.record_score(db, guru, b.id, aid, kind="final", title="Ujian akhir", test_date=date(2026, 4, 28),
                              score=score, today=date(2026, 4, 30))
    checks = {c.applicant_id: c for c in training.completion_checks(db, sup, b.id)}
    assert checks[ids[0]].eligible
    assert [r.code for r in checks[ids[1]].reasons] == ["final_below_pass"]
    assert [r.code for r in checks[ids[2]].reasons] == ["attendance_below"]
    assert "50,0 %" in checks[ids[2]].reasons[0].message
    with pytest.raises(ValidationError) as err:
        training.complete(db, sup, b.id, ids[1], "graduated", today=date(2026, 5, 1))
    assert _codes(err.value) == ["final_below_pass"]
    with pytest.raises(PermissionDenied):
        training.complete(db, guru, b.id, ids[0], "graduated", today=date(2026, 5, 1))
    done = training.complete(db, sup, b.id, ids[0], "graduated", today=date(2026, 5, 1))
    assert done.applicant_status == "ready" and done.blocked == []
    with pytest.raises(ValidationError) as err:
        training.complete(db, sup, b.id, ids[1], "failed", today=date(2026, 5, 1))
    assert _codes(err.value) == ["required"]
    failed = training.complete(db, sup, b.id, ids[1], "failed", reason="nilai ujian akhir 60", today=date(2026, 5, 1))
    assert failed.applicant_status == "registered"  # back where they came from
    dropped = training.complete(db, sup, b.id, ids[2], "dropped", reason="pindah ke luar kota", today=date(2026, 5, 1))
    assert dropped.applicant_status == "registered"
    with pytest.raises(UserError) as err:
        training.complete(db, sup, b.id, ids[0], "failed", reason="x", today=date(2026, 5, 1))
    assert err.value.code == "enrolment_closed"
    with pytest.raises(UserError) as err:  # closed enrolments take no more marks
        training.set_mark(db, guru, b.id, sessions[11].id, ids[0], "H", today=date(2026, 5, 1))
    assert err.value.code == "enrolment_closed"
    data = training.batch_attendance(db, b.id, sup)
    assert {c.result for c in data.candidates} == {"graduated", "failed", "dropped"}
    assert training.at_risk(db, sup) == []


def _block_ready(session, applicant):
    from app.core.errors import FieldError

    return [FieldError("documents", "final_missing")]


def test_graduate_blocked_by_a_ready_guard_stays_in_training(db, people, running, monkeypatch):
    b, ids, sessions = running
    sup = people["sup"]
    monkeypatch.setitem(pipeline.GUARDS, "ready", ["tests.test_training:_block_ready"])
    _mark_pattern(db, sup, b, sessions, {ids[0]: ["H"] * 5}, today=date(2026, 4, 30))
    training.record_score(db, sup, b.id, ids[0], kind="final", title="Ujian", test_date=date(2026, 4, 1), score=70,
                          today=date(2026, 4, 30))
    done = training.complete(db, sup, b.id, ids[0], "graduated", today=date(2026, 5, 1))
    assert done.result == "graduated" and done.applicant_status == "training"
    assert [r.code for r in done.blocked] == ["final_missing"]
    with db.session(write=False) as s:
        assert s.get(Applicant, ids[0]).status == "training"


def test_waiting_graduates_move_to_ready_once_the_guard_allows(db, people, running, monkeypatch):
    b, ids, sessions = running
    sup = people["sup"]
    monkeypatch.setitem(pipeline.GUARDS, "ready", ["tests.test_training:_block_ready"])
    _mark_pattern(db, sup, b, sessions, {ids[0]: ["H"] * 5, ids[1]: ["H"] * 5}, today=date(2026, 4, 30))
    for aid in ids[:2]:
        training.record_score(db, sup, b.id, aid, kind="final", title="Ujian", test_date=date(2026, 4, 1),
                              score=80, today=date(2026, 4, 30))
        training.complete(db, sup, b.id, aid, "graduated", today=date(2026, 5, 1))
    waiting = training.graduates_waiting(db, people["trainer"], b.id)
    assert {w.applicant_id for w in waiting} == set(ids[:2]) and all(w.reasons for w in waiting)
    moved, still = training.move_graduates_to_ready(db, sup, b.id)
    assert moved == 0 and len(still) == 2
    monkeypatch.setitem(pipeline.GUARDS, "ready", [])
    assert all(not w.reasons for w in training.graduates_waiting(db, sup, b.id))
    moved, still = training.move_graduates_to_ready(db, sup, b.id)
    assert moved == 2 and still == []
    with db.session(write=False) as s:
        assert {s.get(Applicant, i).status for i in ids[:2]} == {"ready"}
    assert training.graduates_waiting(db, sup, b.id) == []
    with pytest.raises(PermissionDenied):
        training.move_graduates_to_ready(db, people["trainer"], b.id)


def test_dropped_from_documents_goes_back_to_documents(db, people):
    from app.core import registration

    ids = register(db, people["counter"], 1)
    registration.set_status(db, ids[0], "ready", people["counter"])
    b = training.create_batch(db, people["sup"], batch_input())
    training.enrol(db, people["sup"], b.id, ids, today=date(2026, 2, 1))
    r = training.complete(db, people["sup"], b.id, ids[0], "dropped", reason="sakit panjang", today=date(2026, 3, 1))
    assert r.applicant_status == "documents"


# --- holidays -----------------------------------------------------------------------------------

def test_holidays_seeded_added_and_removed(db, people):
    seeded = training.list_holidays(db, year=2026)
    assert len(seeded) >= 15 and seeded[0].day == date(2026, 1, 1)
    assert any("Idul Fitri" in h.name and "perkiraan" in (h.source or "") for h in seeded)
    b = training.create_batch(db, people["sup"], batch_input())
    h = training.add_holiday(db, people["sup"], "2026-02-04", "Cuti bersama")
    assert h.sessions_on_day == 1  # Wed 4 Feb had a meeting: it is reported, not deleted
    with pytest.raises(ValidationError) as err:
        training.add_holiday(db, people["sup"], date(2026, 2, 4), "lagi")
    assert _codes(err.value) == ["holiday_exists"]
    with pytest.raises(PermissionDenied):
        training.add_holiday(db, people["trainer"], date(2026, 2, 5), "x")
    b2 = training.create_batch(db, people["sup"], batch_input(code="JP-2026-09"))
    assert b2.sessions == b.sessions - 1
    training.remove_holiday(db, people["sup"], h.id)
    with db.session(write=False) as s:
        assert s.exec(sa.select(Holiday).where(Holiday.day == date(2026, 2, 4))).first() is None
    with pytest.raises(NotFound):
        training.remove_holiday(db, people["sup"], h.id)
