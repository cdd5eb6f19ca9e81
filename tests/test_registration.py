"""Registration rules with real SQLite."""

from __future__ import annotations

import pytest

from app.core import registration, search
from app.core.errors import ConfirmationRequired, ValidationError
from tests.conftest import TODAY, applicant_input


def test_register_assigns_number_and_normalises(db, actor):
    detail = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    assert detail.registration_number == "SRG-0001-2026-000001"
    assert detail.phone == "+6281234567890"
    assert detail.rt == "003"
    assert detail.kecamatan_code == "36.73.01"
    assert [x.language_code for x in detail.languages] == ["ja"]
    second = registration.register_applicant(
        db, applicant_input(nik="3673015703010002", full_name="Budi Santoso", sex="L",
                            birth_date="1999-05-04", phone="081311112222"),
        actor, today=TODAY, confirm_warnings=True)
    assert second.registration_number == "SRG-0001-2026-000002"


def test_same_nik_refused_with_pointer(db, actor):
    first = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    with pytest.raises(ValidationError) as err:
        registration.register_applicant(db, applicant_input(phone="081399998888"), actor, today=TODAY)
    assert err.value.errors[0].code == "nik_duplicate"
    assert err.value.errors[0].params["registration_number"] == first.registration_number


def test_likely_duplicate_needs_confirmation(db, actor):
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    similar = applicant_input(nik="3673015703010003", full_name="Siti Nurhalizah", phone="081355556666")
    with pytest.raises(ConfirmationRequired) as err:
        registration.register_applicant(db, similar, actor, today=TODAY)
    assert [w.code for w in err.value.warnings] == ["likely_duplicate"]
    saved = registration.register_applicant(db, similar, actor, today=TODAY, confirm_warnings=True)
    assert search.search(db, saved.registration_number, actor=actor)[0].id == saved.id
