"""Personal data requests: everything held about one applicant (the export is audited), and
anonymisation that keeps the counts."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from app import cli
from app.core import audit, personal_data, registration, search
from app.core.actor import Actor
from app.core.errors import UserError, ValidationError
from app.core.permissions import PermissionDenied
from app.models import Applicant
from tests.conftest import TODAY, applicant_input


@pytest.fixture
def supervisor(actor) -> Actor:
    return Actor("supervisor1", actor.office_code, "supervisor", "Supervisor Satu")


@pytest.fixture
def siti(db, actor):
    d = registration.register_applicant(db, applicant_input(notes="Ibu: Aminah"), actor, today=TODAY)
    data = d.to_input()
    data.address = "Jl. Baru No. 1"
    return registration.update_applicant(db, d.id, data, actor, expected_version=1, today=TODAY)


def test_export_holds_everything_and_is_audited(db, actor, supervisor, siti):
    report = personal_data.export_applicant_data(db, supervisor, siti.id, purpose="permintaan pemilik data")
    d = report.to_dict()
    assert d["applicant"]["nik"] == siti.nik and d["applicant"]["notes"] == "Ibu: Aminah"
    assert d["applicant"]["languages"][0]["certificate"] == "JLPT N4"
    assert d["applicant"]["experience"][0]["employer"] == "RS Sari Asih"
    assert [e["action"] for e in d["audit"]] == ["create", "update"]
    assert d["audit"][1]["changes"]["address"] == ["Jl. Ahmad Yani No. 12", "Jl. Baru No. 1"]
    json.dumps(d)  # JSON-able as it is
    text = report.as_text()
    assert "Siti Nurhaliza" in text and "RS Sari Asih" in text and "UU 27/2022" in text
    [logged] = audit.search(db, supervisor, action="export").rows
    assert (logged.username, logged.entity_id) == ("supervisor1", str(siti.id))
    assert logged.changes["purpose"] == [None, "permintaan pemilik data"]
    with pytest.raises(PermissionDenied):
        personal_data.export_applicant_data(db, actor, siti.id)  # counters do not export


def test_anonymise_keeps_counts_and_removes_the_person(db, actor, supervisor, siti):
    other = registration.register_applicant(db, applicant_input(
        nik="3673015703010002", full_name="Dewi Lestari", phone="081311112222", address="Jl. Kenari 3",
        email="dewi@example.co.id", languages=[], experience=[]), actor, today=TODAY)
    counts_before = search.status_counts(db, actor=actor)
    result = personal_data.anonymise_applicant(db, supervisor, siti.id, "Menarik persetujuan (surat 25/11/2026)")
    assert result["nik"].startswith("ANON-") and len(result["nik"]) == 16
    assert result["full_name"] == "Dianonimkan" and result["phone"] == "" and result["email"] is None
    assert result["notes"] is None and result["address"] == "-" and result["kelurahan_code"] == ""
    kept = ("sex", "kecamatan_code", "education_level", "status", "registration_number", "marital_status",
            "preferred_countries", "registered_on")
    assert {k: result[k] for k in kept} == {k: siti.to_dict()[k] for k in kept}
    assert result["birth_date"][:4] == siti.birth_date.isoformat()[:4]
    assert result["languages"] == [{"language_code": "ja", "level": "N4", "certificate": None}]
    assert result["experience"][0]["employer"] == "-" and result["experience"][0]["start_date"] == "2020-02-01"
    assert search.status_counts(db, actor=actor) == counts_before
    # nothing of the person is left anywhere in the database file's tables
    with db.session(write=False) as s:
        dump = json.dumps([list(map(str, r)) for t in ("applicant", "applicant_language", "work_experience",
                                                      "audit_entry")
                           for r in s.execute(sa.text(f"SELECT * FROM {t}")).all()], ensure_ascii=False)
    for secret in (siti.nik, "Siti Nurhaliza", "Aminah", "Jl. Baru", "Ahmad Yani", siti.phone, "RS Sari Asih",
                   "siti@example.co.id", "JLPT N4"):
        assert secret not in dump, secret
    assert "Dewi Lestari" in dump  # the other applicant is untouched
    history = registration.history(db, siti.id, actor)
    assert [h.action for h in history] == ["create", "update", "anonymise"]
    assert history[1].changes["address"] == ["***", "***"] and history[0].changes["sex"] == [None, "P"]
    assert history[2].changes["reason"] == [None, "Menarik persetujuan (surat 25/11/2026)"]
    with pytest.raises(UserError) as err:
        personal_data.anonymise_applicant(db, supervisor, siti.id, "lagi")
    assert err.value.code == "already_anonymised"
    with pytest.raises(UserError) as err:
        registration.update_applicant(db, siti.id, siti.to_input(), actor, expected_version=3, today=TODAY)
    assert err.value.code == "anonymised_read_only"
    # the NIK is free again: the person may register anew later, with fresh consent
    again = registration.register_applicant(db, applicant_input(), actor, today=TODAY, confirm_warnings=True)
    assert again.nik == siti.nik and again.id != siti.id
    assert registration.get_applicant(db, other.id, actor).full_name == "Dewi Lestari"


def test_anonymise_rules(db, actor, supervisor, siti):
    with pytest.raises(PermissionDenied):
        personal_data.anonymise_applicant(db, actor, siti.id, "alasan")
    for bad in ("", "   ", None, "x\x00"):
        with pytest.raises(ValidationError):
            personal_data.anonymise_applicant(db, supervisor, siti.id, bad)
    with pytest.raises(UserError) as err:
        personal_data.anonymise_applicant(db, supervisor, "not-an-id", "alasan")
    assert err.value.code == "applicant_not_found"
    with db.session(write=False) as s:
        assert s.execute(sa.select(Applicant.full_name)).scalar_one() == "Siti Nurhaliza"


def test_anonymous_niks_are_unique_and_never_niks():
    import uuid

    markers = {personal_data.anonymous_nik(uuid.uuid4()) for _ in range(5000)}
    assert len(markers) == 5000
    assert all(len(m) == 16 and not m.isdigit() for m in markers)


def test_cli_personal_data(db, actor, siti, capsys, monkeypatch):
    monkeypatch.setenv("PMI_DESK_DB_URL", str(db.engine.url))
    assert cli.main(["personal-data", siti.registration_number, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["applicant"]["nik"] == siti.nik and len(out["audit"]) == 2
    assert cli.main(["personal-data", siti.registration_number]) == 0
    assert "Siti Nurhaliza" in capsys.readouterr().out
    assert cli.main(["personal-data", "SRG-0001-2026-999999"]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    assert cli.main(["anonymise", siti.registration_number, "--reason", "menarik persetujuan"]) == cli.EXIT_CONFIRM
    capsys.readouterr()
    assert cli.main(["anonymise", siti.registration_number, "--reason", "menarik persetujuan", "--yes"]) == 0
    assert registration.get_applicant(db, siti.id, actor).full_name == "Dianonimkan"


def test_cli_show_is_an_audited_export(db, siti, supervisor, capsys, monkeypatch):
    monkeypatch.setenv("PMI_DESK_DB_URL", str(db.engine.url))
    assert cli.main(["--user", "budi", "show", siti.registration_number]) == 0
    assert json.loads(capsys.readouterr().out)["nik"] == siti.nik
    [entry] = audit.search(db, supervisor, action="export").rows
    assert (entry.username, entry.entity_id, entry.changes["kind"]) == ("budi", str(siti.id), [None, "cli_show"])
