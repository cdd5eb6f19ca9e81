"""Roles are enforced in the services: one table says what each role may do, and every service
that shows or changes personal data asks it first."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import audit, auth, permissions, registration, setup
from app.core.actor import Actor
from app.core.errors import UserError
from app.core.permissions import ACTIONS, PERMISSIONS, PermissionDenied, require
from app.models import ROLES
from tests.conftest import TODAY, applicant_input

ROOT = Path(__file__).resolve().parent.parent


def as_role(actor: Actor, role: str) -> Actor:
    return Actor(f"{role}1", actor.office_code, role, role.title())


def test_the_table_covers_every_role_and_only_known_actions():
    assert set(PERMISSIONS) == set(ROLES)
    for role, actions in PERMISSIONS.items():
        assert actions <= set(ACTIONS), role
    assert PERMISSIONS["admin"] == frozenset(ACTIONS)
    assert PERMISSIONS["counter"] < PERMISSIONS["supervisor"]
    # trainers work with their batches, not with the register of personal data
    assert not {"applicant.list", "applicant.view", "applicant.export"} & PERMISSIONS["trainer"]
    assert "audit.view" not in PERMISSIONS["counter"]
    assert "user.manage" not in PERMISSIONS["supervisor"]


def test_readme_shows_the_same_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert permissions.table_markdown() in readme


def test_require_names_the_role_and_the_action_in_both_languages():
    with pytest.raises(PermissionDenied) as err:
        require(Actor("t", "SRG-0001", "trainer"), "applicant.view")
    assert isinstance(err.value, UserError) and err.value.code == "permission_denied"
    assert err.value.message == "Peran trainer tidak berhak membuka data lengkap pendaftar."
    assert err.value.message_en == "The role trainer may not open an applicant's full record."
    for role in ("", "root", None, "ADMIN"):
        with pytest.raises(PermissionDenied):
            require(Actor("x", "SRG-0001", role), "report.view")
    with pytest.raises(KeyError):  # a typo in a service is a bug, not a refusal
        require(Actor("x", "SRG-0001", "admin"), "applicant.veiw")


def test_trainer_cannot_see_or_change_applicants(db, actor):
    trainer = as_role(actor, "trainer")
    d = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    calls = [
        lambda: registration.register_applicant(db, applicant_input(nik="3673015703010002"), trainer, today=TODAY),
        lambda: registration.check_registration(db, applicant_input(), trainer, today=TODAY),
        lambda: registration.get_applicant(db, d.id, trainer),
        lambda: registration.get_by_registration_number(db, d.registration_number, trainer),
        lambda: registration.history(db, d.id, trainer),
        lambda: registration.update_applicant(db, d.id, d.to_input(), trainer, expected_version=1, today=TODAY),
        lambda: registration.set_status(db, d.id, "documents", trainer),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert registration.get_applicant(db, d.id, actor) == d  # nothing changed


def test_trainer_is_refused_the_applicant_search(db, actor):
    from app.core import search

    trainer = as_role(actor, "trainer")
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    calls = {
        "search_page": lambda who: search.search_page(db, "siti", actor=who),
        "count": lambda who: search.count(db, "siti", actor=who),
        "search": lambda who: search.search(db, "siti", actor=who),
        "status_counts": lambda who: search.status_counts(db, actor=who),
    }
    for name, call in calls.items():
        with pytest.raises(PermissionDenied) as err:
            call(trainer)
        assert err.value.params == {"role": "trainer", "action": "applicant.list"}, name
        with pytest.raises(PermissionDenied):
            call(None)  # no one signed in
    assert [r.full_name for r in calls["search"](actor)] == ["Siti Nurhaliza"]  # the counter still finds her
    assert calls["count"](actor) == 1 and calls["status_counts"](actor) == {"registered": 1}


def test_the_search_functions_require_an_actor(db):
    from app.core import search

    for call in (lambda: search.search_page(db, "siti"), lambda: search.count(db),
                 lambda: search.search(db, "siti"), lambda: search.status_counts(db)):
        with pytest.raises(TypeError):
            call()


@pytest.mark.parametrize("role", ["counter", "supervisor", "admin"])
def test_desk_roles_register_view_and_edit(db, actor, role):
    who = as_role(actor, role)
    d = registration.register_applicant(db, applicant_input(), who, today=TODAY)
    assert registration.get_applicant(db, d.id, who).id == d.id
    assert registration.set_status(db, d.id, "documents", who).status == "documents"
    assert len(registration.history(db, d.id, who)) == 2


def test_only_admins_manage_users_and_supervisors_read_the_audit(db, actor):
    admin = setup.first_start(db, office_code="SRG-0001", office_name="Kantor", office_kind="city",
                              admin_username="admin", admin_full_name="Admin", admin_password="rahasia-123").actor()
    for role in ("counter", "trainer", "supervisor"):
        who = as_role(admin, role)
        with pytest.raises(PermissionDenied):
            setup.create_user(db, who, username="baru", full_name="Baru", role="admin", password="rahasia-123")
        with pytest.raises(PermissionDenied):
            auth.reset_password(db, who, "admin", "rahasia-456")
        with pytest.raises(PermissionDenied):
            auth.set_role(db, who, "admin", "counter")
        with pytest.raises(PermissionDenied):
            auth.list_users(db, who)
    for role in ("counter", "trainer"):
        with pytest.raises(PermissionDenied):
            audit.search(db, as_role(admin, role))
    assert audit.search(db, as_role(admin, "supervisor")).total >= 1
    assert [u.username for u in setup.users(db)] == ["admin"]
