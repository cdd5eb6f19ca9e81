"""Walk-in registration rules, edits with audit, and finding applicants again (real SQLite)."""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import registration, search
from app.core.actor import Actor
from app.core.errors import ConcurrentEdit, ConfirmationRequired, NotFound, ValidationError
from app.core.nik import nik_date_part
from app.core.registration import ApplicantInput
from app.db import Database
from tests.conftest import TODAY, applicant_input


NAMES = [
    "Ahmad Fauzi", "Budi Santoso", "Citra Lestari", "Dewi Anggraini", "Eko Prasetyo", "Fitri Handayani",
    "Gilang Ramadhan", "Hesti Wulandari", "Irfan Hakim", "Joko Susilo", "Kartika Sari", "Lukman Hidayat",
    "Maya Puspita", "Nanda Pratama", "Oktaviani Putri", "Putu Ayu", "Qori Amalia", "Rizky Maulana",
    "Sri Rahayu", "Taufik Hidayat", "Umi Kalsum", "Vina Melati", "Wahyu Nugroho", "Yuni Kartika",
    "Zainal Abidin", "Agus Salim", "Bayu Aji", "Cahya Kamila", "Dimas Anggara", "Endang Sulastri",
]
KELURAHAN = ["36.73.01.1001", "36.73.02.1008", "36.73.03.1003", "36.73.04.1007", "36.73.05.1003",
             "36.73.06.1013"]
EDUCATION = ["SMA", "SMK", "D3", "S1", "SMK"]


def nik_for(birth: date, sex: str, serial: int = 1, region: str = "367301") -> str:
    return f"{region}{nik_date_part(birth, sex)}{serial:04d}"


def person(i: int, **overrides) -> ApplicantInput:
    """The i-th of a crowd of distinct applicants: no duplicate or other warnings."""
    birth = date(1980, 1, 1) + timedelta(days=211 * i)
    sex = "LP"[i % 2]
    values = dict(nik=nik_for(birth, sex, 100 + i), full_name=NAMES[i], sex=sex, birth_date=birth.isoformat(),
                  phone=f"0813-{1000 + i:04d}-{2000 + i:04d}", email=None,
                  kelurahan_code=KELURAHAN[i % len(KELURAHAN)], education_level=EDUCATION[i % len(EDUCATION)])
    values.update(overrides)
    return applicant_input(**values)


def validate(data):
    return registration.validate(data, today=TODAY)


def register(db, actor, data=None, **kw):
    kw.setdefault("today", TODAY)
    return registration.register_applicant(db, data or applicant_input(), actor, **kw)


def rows(db, table: str) -> int:
    with db.session(write=False) as s:
        return s.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def error_codes(exc) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.errors]


def warning_codes(exc) -> list[str]:
    return [w.code for w in exc.warnings]


# --- a complete registration ----------------------------------------------------------------

def test_register_stores_clean_values(db, actor):
    d = register(db, actor, applicant_input(email="Siti.N@EXAMPLE.CO.ID", rt="3", rw="05",
                                            full_name="  siti   Nurhaliza "))
    assert d.registration_number == "SRG-0001-2026-000001"
    assert (d.office_code, d.registered_on, d.status, d.version) == ("SRG-0001", TODAY, "registered", 1)
    assert d.full_name == "siti Nurhaliza"
    assert d.phone == "+6281234567890"
    assert d.email == "Siti.N@example.co.id"
    assert (d.rt, d.rw) == ("003", "005")
    assert (d.kelurahan_code, d.kecamatan_code) == ("36.73.01.1002", "36.73.01")
    assert d.kelurahan_name == "Cipare" and d.kecamatan_name == "Serang"
    assert d.birth_date == date(2001, 3, 17)
    assert d.consent_on == TODAY
    assert [(x.language_code, x.level, x.certificate) for x in d.languages] == [("ja", "N4", "JLPT N4")]
    assert [(x.employer, x.start_date, x.end_date) for x in d.experience] == [
        ("RS Sari Asih", date(2020, 2, 1), date(2023, 6, 30))]
    again = registration.get_applicant(db, d.id, actor)
    assert again == d
    assert registration.get_applicant(db, str(d.id), actor) == d


def test_to_dict_is_json_ready(db, actor):
    import json

    d = register(db, actor)
    out = json.loads(json.dumps(d.to_dict()))
    assert out["registration_number"] == d.registration_number
    assert out["birth_date"] == "2001-03-17"
    assert out["experience"][0]["start_date"] == "2020-02-01"
    assert out["kecamatan_name"] == "Serang"


# --- NIK -------------------------------------------------------------------------------------

@pytest.mark.parametrize("nik, code", [
    ("367301570301000", "nik_format"),
    ("36730157030100011", "nik_format"),
    ("36730157030100O1", "nik_format"),
    ("9973015703010001", "nik_province"),
    ("3673013202010001", "nik_date"),  # 32 February
    ("3673017213010001", "nik_date"),  # 72 - 40 = 32
    ("3673015703010000", "nik_serial"),
    ("", "required"),
    (None, "required"),
    (3673015703010001, "nik_format"),
    (["3673015703010001"], "nik_format"),
])
def test_bad_nik_refused(db, actor, nik, code):
    with pytest.raises(ValidationError) as err:
        register(db, actor, applicant_input(nik=nik))
    assert ("nik", code) in error_codes(err.value)
    assert rows(db, "applicant") == 0


def test_nik_of_any_province_accepted(db, actor):
    # a resident may carry a NIK first issued in Kabupaten Serang or in Papua
    d = register(db, actor, applicant_input(nik="3604015703010001"))
    assert d.nik == "3604015703010001"
    d = register(db, actor, person(1, nik=nik_for(date(1980, 1, 1) + timedelta(days=211), "P", 7, "940101")))
    assert d.nik.startswith("94")


def test_nik_spaces_around_are_trimmed(db, actor):
    assert register(db, actor, applicant_input(nik=" 3673015703010001 ")).nik == "3673015703010001"


def test_nik_birth_date_mismatch_is_a_warning(db, actor):
    data = applicant_input(birth_date="2001-03-18")
    with pytest.raises(ConfirmationRequired) as err:
        register(db, actor, data)
    assert warning_codes(err.value) == ["nik_birth_mismatch"]
    w = err.value.warnings[0]
    assert w.field == "nik" and w.params == {"nik_date": "17/03/2001", "birth_date": "18/03/2001"}
    assert "17/03/2001" in w.message and "18/03/2001" in w.message_en
    assert rows(db, "applicant") == 0
    with pytest.raises(ConfirmationRequired):
        register(db, actor, data, confirm_warnings=["education_below_sma"])
    d = register(db, actor, data, confirm_warnings=["nik_birth_mismatch"])
    assert (d.nik, d.birth_date) == ("3673015703010001", date(2001, 3, 18))  # the NIK is kept as is


def test_nik_sex_mismatch_is_a_warning(db, actor):
    data = applicant_input(sex="L")  # the NIK's day 57 says a woman
    with pytest.raises(ConfirmationRequired) as err:
        register(db, actor, data)
    assert warning_codes(err.value) == ["nik_sex_mismatch"]
    assert err.value.warnings[0].params == {"nik_sex": "P", "sex": "L"}
    assert register(db, actor, data, confirm_warnings=True).sex == "L"


def test_a_single_code_may_be_confirmed_as_a_string(db, actor):
    data = applicant_input(education_level="SMP")
    with pytest.raises(ConfirmationRequired):
        register(db, actor, data, confirm_warnings="nik_sex_mismatch")
    assert register(db, actor, data, confirm_warnings="education_below_sma").education_level == "SMP"


def test_both_mismatches_and_partial_confirmation(db, actor):
    data = applicant_input(sex="L", birth_date="2001-03-16")
    with pytest.raises(ConfirmationRequired) as err:
        register(db, actor, data, confirm_warnings=["nik_sex_mismatch"])
    assert warning_codes(err.value) == ["nik_birth_mismatch"]
    register(db, actor, data, confirm_warnings=["nik_sex_mismatch", "nik_birth_mismatch"])


def test_check_registration_lists_warnings_without_saving(db, actor):
    warnings = registration.check_registration(db, applicant_input(sex="L", education_level="SMP"), actor, today=TODAY)
    assert sorted(w.code for w in warnings) == ["education_below_sma", "nik_sex_mismatch"]
    assert rows(db, "applicant") == 0
    assert registration.check_registration(db, applicant_input(), actor, today=TODAY) == []


# --- other identity fields -------------------------------------------------------------------

@pytest.mark.parametrize("kk", ["367301010101000", "36730101010100011", "36730101010100A1", "", None,
                                3673010101010001, "３６７３０１０１０１０１０００１"])
def test_kk_must_be_16_digits(kk):
    with pytest.raises(ValidationError) as err:
        validate(applicant_input(kk_number=kk))
    assert error_codes(err.value) == [("kk_number", "kk_format")]


@pytest.mark.parametrize("phone", ["+62 812 3456 7890", "62-812-3456-7890", "081234567890", "0812 3456 7890"])
def test_phone_normalised(db, actor, phone):
    assert register(db, actor, applicant_input(phone=phone)).phone == "+6281234567890"


@pytest.mark.parametrize("phone, code", [("12", "phone_invalid"), ("telepon", "phone_invalid"),
                                         ("", "required"), (None, "required"), (81234567890, "not_text")])
def test_phone_refused(phone, code):
    with pytest.raises(ValidationError) as err:
        validate(applicant_input(phone=phone))
    assert error_codes(err.value) == [("phone", code)]


@pytest.mark.parametrize("email", [None, "", "   "])
def test_email_optional(db, actor, email):
    assert register(db, actor, applicant_input(email=email)).email is None


@pytest.mark.parametrize("email", ["siti", "siti@", "siti@example", "siti@@example.com", "a@b@c.id"])
def test_email_must_be_valid(email):
    with pytest.raises(ValidationError) as err:
        validate(applicant_input(email=email))
    assert error_codes(err.value) == [("email", "email_invalid")]


def test_kelurahan_fills_kecamatan(db, actor):
    d = register(db, actor, applicant_input(kelurahan_code="36.73.06.1013"))
    assert (d.kelurahan_code, d.kecamatan_code, d.kelurahan_name, d.kecamatan_name) == (
        "36.73.06.1013", "36.73.06", "Cibendung", "Taktakan")


@pytest.mark.parametrize("code, error", [("36.73.99.1001", "kelurahan_unknown"), ("", "required"),
                                         (None, "required"), (["36.73.01.1002"], "kelurahan_unknown"),
                                         (3673011002, "kelurahan_unknown")])
def test_kelurahan_refused(code, error):
    with pytest.raises(ValidationError) as err:
        validate(applicant_input(kelurahan_code=code))
    assert error_codes(err.value) == [("kelurahan_code", error)]


# --- age, education, consent -----------------------------------------------------------------

def born(years_before: date, years: int, days: int = 0) -> date:
    return date(years_before.year - years, years_before.month, years_before.day) + timedelta(days=days)


def test_age_is_computed_on_the_registration_date(db, actor):
    birth = born(TODAY, 18, days=1)  # turns 18 tomorrow
    data = applicant_input(nik=nik_for(birth, "P"), birth_date=birth.isoformat())
    with pytest.raises(ConfirmationRequired) as err:
        register(db, actor, data)
    assert warning_codes(err.value) == ["age_under_18"]
    assert err.value.warnings[0].params == {"age": 17}
    d = register(db, actor, data, today=TODAY + timedelta(days=1))  # 18 on the day: no warning
    assert d.registered_on == TODAY + timedelta(days=1)


def test_under_18_may_register_once_confirmed(db, actor):
    birth = born(TODAY, 16)
    d = register(db, actor, applicant_input(nik=nik_for(birth, "P"), birth_date=birth.isoformat()),
                 confirm_warnings=["age_under_18"])
    assert d.birth_date == birth


@pytest.mark.parametrize("birth, code", [
    (born(TODAY, 15, days=1), "age_too_young"),  # 14, a day short of 15
    (born(TODAY, 10), "age_too_young"),
    (TODAY + timedelta(days=1), "birth_future"),
    (born(TODAY, 76), "age_too_old"),
])
def test_age_refusals(db, actor, birth, code):
    data = applicant_input(nik=nik_for(birth, "P") if birth <= TODAY else "3673015703010001",
                           birth_date=birth.isoformat())
    with pytest.raises(ValidationError) as err:
        register(db, actor, data, confirm_warnings=True)
    assert ("birth_date", code) in error_codes(err.value)


def test_age_15_is_the_minimum(db, actor):
    birth = born(TODAY, 15)
    register(db, actor, applicant_input(nik=nik_for(birth, "P"), birth_date=birth.isoformat()),
             confirm_warnings=["age_under_18"])


@pytest.mark.parametrize("level, warned", [("SD", True), ("SMP", True), ("SMA", False), ("SMK", False),
                                           ("D3", False), ("S1", False)])
def test_education_below_sma_is_a_warning_not_a_refusal(db, actor, level, warned):
    data = applicant_input(education_level=level)
    if warned:
        with pytest.raises(ConfirmationRequired) as err:
            register(db, actor, data)
        assert warning_codes(err.value) == ["education_below_sma"]
        assert err.value.warnings[0].field == "education_level"
        assert register(db, actor, data, confirm_warnings=["education_below_sma"]).education_level == level
    else:
        assert register(db, actor, data).education_level == level


@pytest.mark.parametrize("level", ["SLTA", "", None, ["SMA"], {"SMA": 1}, 3])
def test_unknown_education_refused(level):
    with pytest.raises(ValidationError) as err:
        validate(applicant_input(education_level=level))
    assert err.value.field == "education_level"


@pytest.mark.parametrize("consent", [False, None, "true", "ya", 1, [True]])
def test_consent_required(db, actor, consent):
    with pytest.raises(ValidationError) as err:
        register(db, actor, applicant_input(consent=consent), confirm_warnings=True)
    assert error_codes(err.value) == [("consent", "consent_required")]
    assert rows(db, "applicant") == 0
    assert rows(db, "registration_counter") == 0


def test_consent_date_recorded(db, actor):
    d = register(db, actor, applicant_input(consent_on="20/11/2026"))
    assert d.consent_on == date(2026, 11, 20)
    with pytest.raises(ValidationError) as err:
        register(db, actor, applicant_input(consent_on="2026-11-26", nik="3673015703010002"))
    assert error_codes(err.value) == [("consent_on", "invalid_date")]


# --- duplicates ------------------------------------------------------------------------------

def test_same_nik_refused_with_pointer_to_existing(db, actor):
    first = register(db, actor)
    with pytest.raises(ValidationError) as err:
        register(db, actor, person(3, nik=first.nik), confirm_warnings=True)
    e = err.value.errors[0]
    assert (e.field, e.code) == ("nik", "nik_duplicate")
    assert e.params["registration_number"] == first.registration_number
    assert e.params["applicant_id"] == str(first.id)
    assert first.registration_number in e.message and "Siti Nurhaliza" in e.message
    with pytest.raises(ValidationError):
        registration.check_registration(db, applicant_input(), actor, today=TODAY)
    assert rows(db, "applicant") == 1


@pytest.mark.parametrize("name", ["Siti Nurhalizah", "SITI NURHALIZA", "Nurhaliza Siti", "Siti  Nurhaliza."])
def test_similar_name_same_birth_date_is_a_likely_duplicate(db, actor, name):
    first = register(db, actor)
    data = applicant_input(nik="3673015703010002", full_name=name, phone="081355556666")
    with pytest.raises(ConfirmationRequired) as err:
        register(db, actor, data)
    assert warning_codes(err.value) == ["likely_duplicate"]
    w = err.value.warnings[0]
    assert (w.field, w.params["registration_number"], w.params["applicant_id"]) == (
        "full_name", first.registration_number, str(first.id))
    assert register(db, actor, data, confirm_warnings=["likely_duplicate"]).registration_number.endswith("000002")


def test_similar_name_other_birth_date_is_not_a_duplicate(db, actor):
    register(db, actor)
    register(db, actor, applicant_input(nik="3673015803010002", birth_date="2001-03-18",
                                        full_name="Siti Nurhalizah", phone="081355556666"))


def test_different_name_same_birth_date_is_not_a_duplicate(db, actor):
    register(db, actor)
    register(db, actor, applicant_input(nik="3673015703010002", full_name="Dewi Kartika", phone="081355556666"))


def test_same_phone_is_a_likely_duplicate(db, actor):
    first = register(db, actor)
    data = person(2, phone="+62 812-3456-7890")
    with pytest.raises(ConfirmationRequired) as err:
        register(db, actor, data)
    assert warning_codes(err.value) == ["likely_duplicate"]
    assert err.value.warnings[0].params["registration_number"] == first.registration_number
    assert "telepon" in err.value.warnings[0].params["reason"]
    register(db, actor, data, confirm_warnings=True)


# --- registration numbers --------------------------------------------------------------------

def test_numbers_are_per_office_and_year(db, actor):
    other = Actor("petugas2", "SRG-0002", "counter", "Petugas Kecamatan")
    assert register(db, actor, person(0)).registration_number == "SRG-0001-2026-000001"
    assert register(db, other, person(1)).registration_number == "SRG-0002-2026-000001"
    assert register(db, actor, person(2)).registration_number == "SRG-0001-2026-000002"
    new_year = date(2027, 1, 2)
    assert register(db, actor, person(3), today=new_year).registration_number == "SRG-0001-2027-000001"
    assert register(db, actor, person(4)).registration_number == "SRG-0001-2026-000003"


def test_a_refused_or_unconfirmed_save_takes_no_number(db, actor):
    assert register(db, actor, person(0)).registration_number.endswith("-000001")
    with pytest.raises(ConfirmationRequired):
        register(db, actor, person(1, education_level="SMP"))
    with pytest.raises(ValidationError):
        register(db, actor, person(1, consent=False))
    with pytest.raises(ValidationError):
        register(db, actor, person(2, nik=person(0).nik))  # duplicate NIK, refused inside the transaction
    assert register(db, actor, person(1)).registration_number.endswith("-000002")
    assert rows(db, "applicant") == 2


def test_get_by_registration_number(db, actor):
    d = register(db, actor)
    assert registration.get_by_registration_number(db, d.registration_number, actor) == d
    with pytest.raises(NotFound) as err:
        registration.get_by_registration_number(db, "SRG-0001-2026-999999", actor)
    assert err.value.code == "applicant_not_found"
    for bad in (uuid.uuid4(), "not-a-uuid", ""):
        with pytest.raises(NotFound):
            registration.get_applicant(db, bad, actor)


# --- edits -----------------------------------------------------------------------------------

def test_audit_entry_on_create(db, actor):
    d = register(db, actor)
    [entry] = registration.history(db, d.id, actor)
    assert (entry.action, entry.entity, entry.entity_id, entry.username, entry.office_code) == (
        "create", "applicant", str(d.id), "petugas1", "SRG-0001")
    assert entry.at.tzinfo is not None
    assert entry.changes["nik"] == [None, d.nik]
    assert entry.changes["registration_number"] == [None, d.registration_number]
    assert entry.changes["phone"] == [None, "+6281234567890"]
    assert entry.changes["languages"] == [None, ["ja:N4:JLPT N4"]]


def test_update_audits_old_and_new_values(db, actor):
    d = register(db, actor)
    editor = Actor("supervisor1", "SRG-0001", "supervisor", "Penyelia")
    data = d.to_input()
    data.phone = "0857 1111 2222"
    data.address = "Jl. Veteran No. 3"
    data.kelurahan_code = "36.73.02.1008"
    updated = registration.update_applicant(db, d.id, data, editor, expected_version=1, today=TODAY)
    assert updated.version == 2
    assert (updated.phone, updated.address, updated.kecamatan_code) == ("+6285711112222", "Jl. Veteran No. 3",
                                                                        "36.73.02")
    assert updated.registration_number == d.registration_number and updated.nik == d.nik
    assert updated.consent_on == d.consent_on
    create, update = registration.history(db, d.id, actor)
    assert (update.action, update.username) == ("update", "supervisor1")
    assert update.changes == {
        "phone": ["+6281234567890", "+6285711112222"],
        "address": ["Jl. Ahmad Yani No. 12", "Jl. Veteran No. 3"],
        "kelurahan_code": ["36.73.01.1002", "36.73.02.1008"],
        "kecamatan_code": ["36.73.01", "36.73.02"],
    }
    assert create.at <= update.at


def test_update_without_changes_is_not_audited(db, actor):
    d = register(db, actor)
    same = registration.update_applicant(db, d.id, d.to_input(), actor, expected_version=1, today=TODAY)
    assert same.version == 1
    assert len(registration.history(db, d.id, actor)) == 1


def test_update_keeps_consent_date_when_not_given(db, actor):
    d = register(db, actor, applicant_input(consent_on="2026-11-20"))
    data = d.to_input()
    data.consent_on = None
    data.address = "Jl. Baru"
    updated = registration.update_applicant(db, d.id, data, actor, expected_version=1, today=TODAY)
    assert updated.consent_on == date(2026, 11, 20)


def test_children_saved_and_replaced_on_edit(db, actor):
    d = register(db, actor, applicant_input(languages=[
        {"language_code": "ja", "level": "N4", "certificate": "JLPT N4"},
        {"language_code": "en", "level": "A2"}]))
    assert [x.language_code for x in d.languages] == ["ja", "en"]
    assert rows(db, "applicant_language") == 2 and rows(db, "work_experience") == 1
    data = d.to_input()
    data.languages = [{"language_code": "ko", "level": "EPS-TOPIK", "certificate": None}]
    data.experience = [
        {"employer": "PT Nikomas Gemilang", "position": "Operator", "sector": "manufacturing",
         "start_date": "2019-01-01", "end_date": "2019-12-31"},
        dataclasses.replace(d.experience[0]),
    ]
    updated = registration.update_applicant(db, d.id, data, actor, expected_version=1, today=TODAY)
    assert [(x.language_code, x.level) for x in updated.languages] == [("ko", "EPS-TOPIK")]
    assert [x.employer for x in updated.experience] == ["PT Nikomas Gemilang", "RS Sari Asih"]  # by start date
    assert rows(db, "applicant_language") == 1 and rows(db, "work_experience") == 2
    change = registration.history(db, d.id, actor)[-1].changes
    assert change["languages"] == [["ja:N4:JLPT N4", "en:A2:"], ["ko:EPS-TOPIK:"]]
    assert set(change) == {"languages", "experience"}
    data = updated.to_input()
    data.languages = []
    data.experience = []
    cleared = registration.update_applicant(db, d.id, data, actor, expected_version=2, today=TODAY)
    assert cleared.languages == [] and cleared.experience == []
    assert rows(db, "applicant_language") == 0 and rows(db, "work_experience") == 0


def test_nik_never_changes(db, actor):
    d = register(db, actor)
    data = d.to_input()
    data.nik = "3673015703010002"
    with pytest.raises(ValidationError) as err:
        registration.update_applicant(db, d.id, data, actor, expected_version=1, today=TODAY)
    assert error_codes(err.value) == [("nik", "nik_immutable")]
    assert registration.get_applicant(db, d.id, actor).nik == d.nik


def test_edit_of_birth_date_away_from_the_nik_needs_confirmation(db, actor):
    d = register(db, actor)
    data = d.to_input()
    data.birth_date = date(2001, 3, 18)
    with pytest.raises(ConfirmationRequired) as err:
        registration.update_applicant(db, d.id, data, actor, expected_version=1, today=TODAY)
    assert warning_codes(err.value) == ["nik_birth_mismatch"]
    updated = registration.update_applicant(db, d.id, data, actor, expected_version=1, today=TODAY,
                                            confirm_warnings=True)
    assert updated.birth_date == date(2001, 3, 18)
    # already confirmed: another edit does not ask again
    data = updated.to_input()
    data.address = "Jl. Baru"
    registration.update_applicant(db, d.id, data, actor, expected_version=2, today=TODAY)
    # but a different wrong date is a new question
    data.birth_date = date(2001, 3, 19)
    with pytest.raises(ConfirmationRequired) as err:
        registration.update_applicant(db, d.id, data, actor, expected_version=3, today=TODAY)
    assert warning_codes(err.value) == ["nik_birth_mismatch"]


def test_age_rules_on_edit_apply_on_the_registration_date(db, actor):
    birth = born(TODAY, 75)
    old = register(db, actor, applicant_input(nik=nik_for(birth, "P"), birth_date=birth.isoformat()))
    data = old.to_input()
    data.address = "Jl. Lansia"
    later = TODAY + timedelta(days=800)  # 77 by now, but 75 when registered: still editable
    assert registration.update_applicant(db, old.id, data, actor, expected_version=1, today=later).version == 2

    birth = born(TODAY, 17)
    young = register(db, actor, person(2, nik=nik_for(birth, "P", 9), sex="P", birth_date=birth.isoformat()),
                     confirm_warnings=["age_under_18"])
    data = young.to_input()
    data.address = "Jl. Remaja"
    next_year = TODAY + timedelta(days=366)
    registration.update_applicant(db, young.id, data, actor, expected_version=1, today=next_year)  # not re-asked
    data.birth_date = born(TODAY, 14)  # a correction: 14 when registered
    with pytest.raises(ValidationError) as err:
        registration.update_applicant(db, young.id, data, actor, expected_version=2, today=next_year,
                                      confirm_warnings=True)
    assert ("birth_date", "age_too_young") in error_codes(err.value)


def test_stale_version_is_a_concurrent_edit(db, actor):
    d = register(db, actor)
    first, second = d.to_input(), d.to_input()
    first.address = "Jl. Satu"
    second.address = "Jl. Dua"
    registration.update_applicant(db, d.id, first, actor, expected_version=1, today=TODAY)
    with pytest.raises(ConcurrentEdit) as err:
        registration.update_applicant(db, d.id, second, actor, expected_version=1, today=TODAY)
    assert err.value.code == "changed_by_other"
    assert registration.get_applicant(db, d.id, actor).address == "Jl. Satu"
    assert len(registration.history(db, d.id, actor)) == 2


def test_update_unknown_applicant(db, actor):
    with pytest.raises(NotFound):
        registration.update_applicant(db, uuid.uuid4(), applicant_input(), actor, expected_version=1, today=TODAY)


def test_update_with_bad_input_changes_nothing(db, actor):
    d = register(db, actor)
    data = d.to_input()
    data.full_name = "x" * 101
    with pytest.raises(ValidationError):
        registration.update_applicant(db, d.id, data, actor, expected_version=1, today=TODAY)
    assert registration.get_applicant(db, d.id, actor) == d


def test_update_to_a_likely_duplicate_needs_confirmation(db, actor):
    register(db, actor)
    other = register(db, actor, person(1))
    data = other.to_input()
    data.phone = "081234567890"
    with pytest.raises(ConfirmationRequired) as err:
        registration.update_applicant(db, other.id, data, actor, expected_version=1, today=TODAY)
    assert warning_codes(err.value) == ["likely_duplicate"]
    # the record is never its own duplicate
    data = other.to_input()
    data.address = "Jl. Lain"
    registration.update_applicant(db, other.id, data, actor, expected_version=1, today=TODAY)


def test_set_status(db, actor):
    d = register(db, actor)
    moved = registration.set_status(db, d.id, "documents", actor)
    assert (moved.status, moved.version) == ("documents", 2)
    assert registration.history(db, d.id, actor)[-1].changes == {"status": ["registered", "documents"]}
    assert registration.set_status(db, d.id, "documents", actor).version == 2  # no change, no audit
    assert len(registration.history(db, d.id, actor)) == 2
    for bad in ("bogus", "", None, ["ready"]):
        with pytest.raises(ValidationError) as err:
            registration.set_status(db, d.id, bad, actor)
        assert err.value.errors[0].code == "status_unknown"
    with pytest.raises(NotFound):
        registration.set_status(db, uuid.uuid4(), "ready", actor)
    # an edit with the version read before the status change is stale
    data = d.to_input()
    data.address = "Jl. Lain"
    with pytest.raises(ConcurrentEdit):
        registration.update_applicant(db, d.id, data, actor, expected_version=1, today=TODAY)


# --- bad input: a clear ValidationError, never a TypeError -----------------------------------

def test_sql_looking_and_unicode_text_is_stored_verbatim(db, actor):
    name = "Robert'); DROP TABLE applicant;--"
    d = register(db, actor, applicant_input(full_name=name, address="1' OR '1'='1", notes="%_\\ \"quoted\""))
    assert (d.full_name, d.address, d.notes) == (name, "1' OR '1'='1", "%_\\ \"quoted\"")
    assert rows(db, "applicant") == 1
    assert [r.id for r in search.search(db, "Robert", actor=actor)] == [d.id]
    assert [r.id for r in search.search(db, "DROP TABLE", actor=actor)] == [d.id]
    e = register(db, actor, person(1, full_name="Ne\u0301ng Ro\u0308sa\u0301"))  # decomposed
    assert e.full_name == "N\u00e9ng R\u00f6s\u00e1"
    assert [r.id for r in search.search(db, "N\u00e9ng", actor=actor)] == [e.id]


@pytest.mark.parametrize("field, value, code", [
    ("full_name", "x" * 101, "too_long"),
    ("full_name", "Siti\x00Nurhaliza", "control_chars"),
    ("full_name", "Siti\u202eazilahruN", "control_chars"),
    ("full_name", "Siti\ud800", "control_chars"),
    ("full_name", "   ", "required"),
    ("address", "x" * 201, "too_long"),
    ("birth_place", "x" * 61, "too_long"),
    ("notes", "x" * 2001, "too_long"),
    ("skills", "a\x1bb", "control_chars"),
    ("rt", "1234", "too_long"),
    ("rt", "1a", "rt_rw_format"),
    ("rw", "٣", "rt_rw_format"),
    ("height_cm", "tinggi", "invalid_number"),
    ("height_cm", 99, "out_of_range"),
    ("weight_kg", 1000, "out_of_range"),
    ("sex", "W", "invalid_choice"),
    ("religion", "jedi", "invalid_choice"),
    ("marital_status", "menikah", "invalid_choice"),
    ("funding_scheme", "gratis", "invalid_choice"),
    ("preferred_countries", ["JP", "XX"], "invalid_choice"),
    ("preferred_sectors", {"nursing": True}, "not_a_list"),
    ("birth_date", "17 Maret 2001", "invalid_date"),
    ("birth_date", "31/02/2001", "invalid_date"),
])
def test_bad_field_refused(field, value, code):
    with pytest.raises(ValidationError) as err:
        validate(applicant_input(**{field: value}))
    assert (field, code) in error_codes(err.value)
    assert all(e.message and e.message_en for e in err.value.errors)


WRONG_TYPES = [123, 12.5, True, ["x"], {"x": 1}, [], {}, [[1]], [{"a": None}]]


@pytest.mark.parametrize("field", [f for f in registration.INPUT_FIELDS if f != "consent"])
@pytest.mark.parametrize("value", WRONG_TYPES, ids=repr)
def test_wrong_types_are_validation_errors(field, value):
    data = applicant_input(**{field: value})
    try:
        clean = registration.validate(data, today=TODAY)
    except ValidationError as exc:
        assert exc.errors and all(isinstance(e.message, str) for e in exc.errors)
    else:
        # only these are right: a number of centimetres or kilograms, an empty list of choices
        accepted = {("height_cm", "123"), ("weight_kg", "123"), ("preferred_countries", "[]"),
                    ("preferred_sectors", "[]"), ("languages", "[]"), ("experience", "[]")}
        assert (field, repr(value)) in accepted, f"{field}={value!r} accepted: {clean.values.get(field)!r}"


@pytest.mark.parametrize("items, field", [
    ({"language_code": "ja", "level": "N4"}, "languages"),  # a dict where a list belongs
    ("ja", "languages"),
    ([["ja", "N4"]], "languages[0]"),  # a list where a dict belongs
    (["ja"], "languages[0]"),
    ([{"language_code": "ja", "level": "N9"}], "languages[0].level"),
    ([{"language_code": "xx", "level": "N4"}], "languages[0].language_code"),
    ([{"language_code": ["ja"], "level": "N4"}], "languages[0].language_code"),
    ([{"language_code": "ja", "level": 4}], "languages[0].level"),
    ([{"language_code": "ja", "level": "N4"}, {"language_code": "ja", "level": "N3"}],
     "languages[1].language_code"),
])
def test_bad_languages(items, field):
    with pytest.raises(ValidationError) as err:
        validate(applicant_input(languages=items))
    assert field in err.value.by_field()


@pytest.mark.parametrize("items, field", [
    ({"employer": "PT A"}, "experience"),
    ([["PT A", "Operator"]], "experience[0]"),
    ([{"employer": "PT A", "position": "Operator"}], "experience[0].start_date"),
    ([{"employer": "PT A", "position": "Operator", "start_date": "2020-01-01", "end_date": "2019-01-01"}],
     "experience[0].end_date"),
    ([{"employer": "PT A", "position": "Operator", "start_date": "2020-01-01", "country": ["JP"]}],
     "experience[0].country"),
    ([{"employer": "PT A", "position": "Operator", "start_date": "2020-01-01", "country": "XX"}],
     "experience[0].country"),
    ([{"employer": 5, "position": "Operator", "start_date": "2020-01-01"}], "experience[0].employer"),
    ([{"employer": "PT A", "position": "Operator", "start_date": "2020-01-01", "sector": {}}],
     "experience[0].sector"),
])
def test_bad_experience(items, field):
    with pytest.raises(ValidationError) as err:
        validate(applicant_input(experience=items))
    assert field in err.value.by_field()


def test_from_dict_refuses_unknown_fields_and_non_objects():
    with pytest.raises(ValidationError) as err:
        ApplicantInput.from_dict({"nik": "1", "nama": "Siti", "__class__": 1})
    assert {e.field for e in err.value.errors} == {"nama", "__class__"}
    for not_a_dict in ([], "x", 1, None):
        with pytest.raises(ValidationError) as err:
            ApplicantInput.from_dict(not_a_dict)
        assert err.value.errors[0].code == "json_invalid"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(registration.INPUT_FIELDS), json_values, max_size=6))
def test_any_json_values_give_field_errors_not_crashes(overrides):
    try:
        registration.validate(applicant_input(**overrides), today=TODAY)
    except ValidationError as exc:
        for e in exc.errors:
            assert e.field and e.code and e.message and e.message_en
            e.to_dict()


# --- search ----------------------------------------------------------------------------------

@pytest.fixture
def crowd(db, actor):
    """30 applicants on different days, some moved on in the pipeline."""
    out = []
    for i in range(30):
        d = register(db, actor, person(i), today=TODAY - timedelta(days=i % 4))
        if i % 3 == 0:
            d = registration.set_status(db, d.id, "documents", actor)
        out.append(d)
    return out


def test_search_by_name_prefix(db, actor, crowd):
    assert [r.full_name for r in search.search(db, "Kart", actor=actor)] == ["Kartika Sari", "Yuni Kartika"]  # newest first
    assert [r.full_name for r in search.search(db, "hidayat lukm", actor=actor)] == ["Lukman Hidayat"]
    assert [r.full_name for r in search.search(db, "SRI", actor=actor)] == ["Sri Rahayu"]
    assert search.search(db, "Tidakada", actor=actor) == []


def test_search_by_nik_prefix(db, actor, crowd):
    target = crowd[7]
    assert [r.id for r in search.search(db, target.nik, actor=actor)] == [target.id]
    assert [r.id for r in search.search(db, target.nik[:12], actor=actor)] == [target.id]
    assert len(search.search(db, "367301", limit=100, actor=actor)) == 30


def test_search_by_phone_as_typed(db, actor, crowd):
    for typed in ["0813 1005", "08131005", "+628131005", "628131005", "0813 1005 2005", "+62 813 1005",
                  "+6281310052005"]:
        assert [r.full_name for r in search.search(db, typed, actor=actor)] == [NAMES[5]], typed
    assert len(search.search(db, "0813", limit=100, actor=actor)) == 30


def test_search_by_phone_typed_with_dashes(db, actor):
    register(db, actor, person(5))
    assert [r.full_name for r in search.search(db, "0813-1005", actor=actor)] == [NAMES[5]]


def test_search_ignores_accents_and_case(db, actor):
    d = register(db, actor, person(1, full_name="N\u00e9ng R\u00f6sa \u00d1o\u00f1o"))
    for typed in ("N\u00e9ng", "neng", "NENG", "rosa", "\u00f1o\u00f1o", "nono", "neng ros"):
        assert [r.id for r in search.search(db, typed, actor=actor)] == [d.id], typed


def test_search_typed_in_decomposed_unicode(db, actor):
    d = register(db, actor, person(1, full_name="N\u00e9ng Rosa"))
    assert [r.id for r in search.search(db, "Ne\u0301ng", actor=actor)] == [d.id]


def test_search_by_registration_number_prefix(db, actor, crowd):
    assert [r.registration_number for r in search.search(db, "SRG-0001-2026-000012", actor=actor)] == ["SRG-0001-2026-000012"]
    assert len(search.search(db, "srg-0001-2026-00001", limit=100, actor=actor)) == 10  # 000010..000019
    assert len(search.search(db, "SRG-0001-2026", limit=100, actor=actor)) == 30
    assert search.search(db, "SRG-0002", actor=actor) == []


def test_search_status_filter_and_count(db, actor, crowd):
    assert search.count(db, actor=actor) == 30
    assert search.count(db, status="documents", actor=actor) == 10
    assert search.count(db, status="registered", actor=actor) == 20
    assert search.count(db, "Kartika", actor=actor) == 2
    assert search.count(db, "Kartika", status="documents", actor=actor) == 0
    assert search.count(db, "Joko", status="documents", actor=actor) == 1  # crowd[9]
    assert search.count(db, "Joko", status="registered", actor=actor) == 0
    page = search.search_page(db, status="documents", limit=50, actor=actor)
    assert {r.status for r in page.rows} == {"documents"} and len(page.rows) == 10
    assert search.status_counts(db, actor=actor) == {"documents": 10, "registered": 20}


def _expected(crowd, sort, descending):
    def key(d):
        return (getattr(d, sort), d.registration_number)
    return [d.registration_number for d in sorted(crowd, key=key, reverse=descending)]


def test_keyset_paging_returns_every_row_once_in_order(db, actor, crowd):
    for sort in sorted(search.SORT_COLUMNS):
        for descending in (False, True):
            seen, after, pages = [], None, 0
            while True:
                page = search.search_page(db, sort=sort, descending=descending, after=after, limit=7, actor=actor)
                pages += 1
                assert len(page.rows) <= 7
                seen += [r.registration_number for r in page.rows]
                if page.next_after is None:
                    break
                after = page.next_after
            assert pages == 5, (sort, descending)  # 7 + 7 + 7 + 7 + 2
            assert seen == _expected(crowd, sort, descending), (sort, descending)


def test_keyset_paging_with_filters(db, actor, crowd):
    seen, after = [], None
    while True:
        page = search.search_page(db, "367301", status="registered", sort="full_name", descending=False,
                                  after=after, limit=7, actor=actor)
        seen += [r.registration_number for r in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    assert seen == _expected([d for d in crowd if d.status == "registered"], "full_name", False)


def test_keyset_paging_through_ties_with_any_page_size(db, actor):
    """Equal names, statuses and dates: the registration number breaks every tie."""
    crowd = [register(db, actor, person(i, full_name=["Sri Rahayu", "Agus Salim", "Dewi Sartika"][i % 3],
                                        phone=f"0813-{1000 + i:04d}-{2000 + i:04d}"), confirm_warnings=True)
             for i in range(10)]
    for sort in ("full_name", "status", "registered_on", "education_level"):
        for descending in (False, True):
            for limit in (1, 2, 3, 9, 10, 11):
                seen, after = [], None
                while True:
                    page = search.search_page(db, sort=sort, descending=descending, after=after, limit=limit, actor=actor)
                    seen += [r.registration_number for r in page.rows]
                    if page.next_after is None:
                        break
                    after = page.next_after
                assert seen == _expected(crowd, sort, descending), (sort, descending, limit)


def test_exact_page_size_has_no_empty_next_page(db, actor, crowd):
    page = search.search_page(db, limit=30, actor=actor)
    assert len(page.rows) == 30 and page.next_after is None
    page = search.search_page(db, limit=29, actor=actor)
    assert page.next_after is not None
    assert len(search.search_page(db, after=page.next_after, limit=29, actor=actor).rows) == 1


def test_unknown_sort_column_refused(db, actor):
    with pytest.raises(ValueError):
        search.search_page(db, sort="nik; DROP TABLE applicant", actor=actor)


# --- the audit trail replays to the record --------------------------------------------------

edits = st.lists(st.fixed_dictionaries({}, optional={
    "address": st.sampled_from(["Jl. Ahmad Yani No. 12", "Jl. Veteran 3", "Kp. Kaloran RT 1", "Jl. Maulana Yusuf"]),
    "phone": st.sampled_from(["0812-3456-7890", "0857 1111 2222", "+62 878 0000 1111"]),
    "education_level": st.sampled_from(["SMA", "SMK", "D3", "S1"]),
    "email": st.sampled_from([None, "siti@example.co.id", "siti.n@example.com"]),
    "height_cm": st.sampled_from([None, 150, 158, 160]),
    "languages": st.sampled_from([[], [{"language_code": "ja", "level": "N4", "certificate": "JLPT N4"}],
                                  [{"language_code": "ko", "level": "EPS-TOPIK"}]]),
}), min_size=1, max_size=6)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits)
def test_audit_trail_replays_to_the_record(tmp_path_factory, _migrated_template, changes):
    path = tmp_path_factory.mktemp("replay") / "test.sqlite3"
    shutil.copyfile(_migrated_template, path)
    db = Database.open(f"sqlite:///{path}")
    try:
        from app.core import setup

        actor = Actor("petugas1", setup.ensure_office(db).code)
        d = register(db, actor)
        effective = 0
        for change in changes:
            data = d.to_input()
            for k, v in change.items():
                setattr(data, k, v)
            new = registration.update_applicant(db, d.id, data, actor, expected_version=d.version, today=TODAY)
            effective += new.version != d.version
            d = new
        assert d.version == 1 + effective
        create, *updates = registration.history(db, d.id, actor)
        assert len(updates) == effective
        state = {k: v[1] for k, v in create.changes.items()}
        for entry in updates:
            for field, (old, new_value) in entry.changes.items():
                assert state.get(field) == old, (field, state.get(field), old)
                state[field] = new_value
        final = registration.get_applicant(db, d.id, actor).to_dict()
        for field in ("address", "phone", "education_level", "email", "height_cm"):
            assert state[field] == final[field], field
        assert state["languages"] == [f"{x['language_code']}:{x['level']}:{x['certificate'] or ''}"
                                      for x in final["languages"]]
    finally:
        db.dispose()
