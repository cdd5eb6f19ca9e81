"""Demo training data and the ``pmi-desk training`` commands."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlalchemy as sa

from app import cli
from app.core import demo, setup, training
from app.core.actor import Actor
from app.db import Database
from app.models import (Applicant, Holiday, TrainingAttendance, TrainingBatch, TrainingEnrolment,
                        TrainingSession)
from tests.conftest import TODAY


@pytest.fixture
def demo_db():
    db = Database.open()  # the default file in PMI_DESK_HOME, the one the CLI opens
    office = setup.ensure_office(db)
    actor = Actor("demo", office.code, "admin", "Demo")
    result = demo.generate(db, actor, applicants=600, seed=5, today=TODAY)
    yield db, actor, result
    db.dispose()


def test_demo_creates_past_and_running_batches_of_several_languages(demo_db):
    db, actor, result = demo_db
    t = result["training"]
    assert t["batches"] >= 4 and t["attendance"] > 1000 and t["scores"] > 100
    batches = training.list_batches(db, actor)
    states = {b.state(TODAY) for b in batches}
    assert {"running", "finished"} <= states
    assert len({b.language_code for b in batches}) >= 3
    assert all(training.MIN_MONTHS <= b.duration_months <= training.MAX_MONTHS for b in batches)
    with db.session(write=False) as s:
        conn = s.connection()
        # marks only on held, scheduled sessions of the same batch, never on a closed day
        bad = conn.execute(sa.select(sa.func.count()).select_from(TrainingAttendance)
                           .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
                           .where(sa.or_(TrainingSession.day > TODAY,
                                         TrainingSession.batch_id != TrainingAttendance.batch_id,
                                         TrainingSession.day.in_(sa.select(Holiday.day))))).scalar()
        assert bad == 0
        # running candidates are in training; enrolments never break "one active batch per language"
        active = conn.execute(sa.select(Applicant.status).join(
            TrainingEnrolment, TrainingEnrolment.applicant_id == Applicant.id)
            .where(TrainingEnrolment.result == "active")).scalars().all()
        assert active and set(active) == {"training"}
        dup = conn.execute(sa.select(TrainingEnrolment.applicant_id).where(TrainingEnrolment.result == "active")
                           .group_by(TrainingEnrolment.applicant_id, TrainingEnrolment.language_code)
                           .having(sa.func.count() > 1)).all()
        assert dup == []
    # every demo graduate meets the completion rule the service checks
    for b in batches:
        if b.state(TODAY) == "finished":
            for c in training.completion_checks(db, actor, b.id):
                if c.result == "graduated":
                    assert c.eligible, (b.code, c.full_name, [r.message for r in c.reasons])
                if c.result == "failed":  # a failure is never eligible, and its reason says why
                    assert not c.eligible and c.reasons
    assert training.at_risk(db, actor)  # a few drift into absence


def test_cli_attendance_and_at_risk_json(demo_db, capsys):
    db, actor, _ = demo_db
    batch = next(b for b in training.list_batches(db, actor) if b.state(TODAY) == "running")
    assert cli.main(["training", "attendance", batch.code, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["batch"]["code"] == batch.code
    assert len(out["candidates"]) == batch.participants
    assert all(len(c["marks"]) == len(out["sessions"]) for c in out["candidates"])
    first = out["candidates"][0]
    marks = [m for m in first["marks"] if m]
    assert first["rate"] == round(100 * marks.count("H") / len(marks), 1)
    assert cli.main(["training", "at-risk", "--json"]) == 0
    risky = json.loads(capsys.readouterr().out)
    assert risky and all(r["reasons"] for r in risky)
    assert all(r["rate"] is None or r["rate"] < r["min_attendance"] or r["consecutive_absences"] >= 3 for r in risky)
    assert cli.main(["training", "at-risk", "--batch", batch.code]) == 0
    assert cli.main(["training", "batches"]) == 0
    assert batch.code in capsys.readouterr().out


def test_cli_unknown_batch_is_a_clear_error(demo_db, capsys):
    assert cli.main(["training", "attendance", "XX-0000-01", "--json"]) == cli.EXIT_ERROR
    err = json.loads(capsys.readouterr().err)
    assert err["code"] == "batch_not_found" and "tidak ditemukan" in err["message"]


def test_cli_as_a_trainer_sees_only_their_batch(demo_db, capsys):
    db, actor, _ = demo_db
    with db.session(write=False) as s:
        codes = dict(s.execute(sa.select(TrainingBatch.code, TrainingBatch.trainer_username)).all())
    code, trainer = next(iter(codes.items()))
    other = next(c for c, t in codes.items() if t != trainer)
    # the CLI acts as an administrator; the rule itself is the service's: a trainer actor is scoped
    guru = Actor(trainer, actor.office_code, "trainer", "Guru")
    assert {b.code for b in training.list_batches(db, guru)} == {c for c, t in codes.items() if t == trainer}
    with pytest.raises(training.UserError):
        training.batch_attendance(db, training.batch_id_by_code(db, actor, other), guru)


def test_demo_data_creates_no_user_so_first_start_still_works(demo_db):
    db, actor, _ = demo_db
    assert setup.users(db) == []
    user = setup.first_start(db, office_code="SRG-0001", office_name="Disnakertrans Kota Serang",
                             office_kind="city", admin_username="admin", admin_full_name="Admin",
                             admin_password="rahasia123")
    assert user.username == "admin"
