"""Administrators edit document types and checklist rules in the app; the documents screens show
only Indonesian."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core import documents, registration, setup
from app.views.documents.admin import RuleDialog, RulesModel, TypeDialog, TypesModel
from app.views.main_window import MainWindow
from tests.conftest import TODAY, applicant_input
from tests.views.helpers import when_modal
from tests.views.test_visible_strings import untranslated

pytestmark = pytest.mark.gui


@pytest.fixture
def admin(actor):
    return replace(actor, username="admin1", role="admin", full_name="Admin Kantor")


def test_admin_sets_a_rule_and_a_type_and_checklists_follow(qtbot, db, actor, admin, monkeypatch):
    d = registration.register_applicant(db, applicant_input(preferred_countries=["TR"]), actor, today=TODAY)
    window = MainWindow(db, admin, setup.local_office(db))
    qtbot.addWidget(window)
    page = window.templates_page
    assert page is not None and page.types_model.rowCount() == len(documents.document_types(db, admin))
    before = page.rules_model.rowCount()

    def fill(dialog):
        dialog.country.setCurrentIndex(dialog.country.findData("TR"))
        dialog.type.setCurrentIndex(dialog.type.findData("e_pmi"))
        dialog.requirement.setCurrentIndex(dialog.requirement.findData("required"))
        dialog.accept()

    when_modal(fill)
    rule = page.edit_rule(None)
    assert (rule.country, rule.sector, rule.type_code, rule.requirement) == ("TR", "*", "e_pmi", "required")
    assert page.rules_model.rowCount() == before + 1
    assert documents.checklist(db, d.id, actor).item("e_pmi").requirement == "required"
    saved = page.edit_type(new=True, values={
        "code": "surat_sponsor", "name_id": "Surat sponsor", "name_en": "Sponsor letter", "expires": False,
        "validity_days": None, "identity_bearing": False, "stage": "departure", "sort_order": 175, "active": True})
    assert saved.code == "surat_sponsor" and "surat_sponsor" in [t.code for t in page.type_rows]
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert page.edit_type(new=True, values={"code": "X y", "name_id": "", "name_en": "x", "sort_order": 1}) is None
    assert shown and "Wajib diisi." in shown[0]
    row = next(i for i in range(page.rules_model.rowCount()) if page.rules_model.row_object(i).country == "TR"
               and page.rules_model.row_object(i).type_code == "e_pmi")
    page.rules.selectRow(row)
    assert page.remove_rule(confirm=False)
    assert documents.checklist(db, d.id, actor).item("e_pmi").requirement == "optional"


def test_counter_staff_have_no_templates_page(qtbot, db, actor):
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    assert window.templates_page is None and window.expiring_page is not None


def test_admin_models_pass_the_model_tester(qtmodeltester, db, admin):
    types = TypesModel()
    types.set_rows(documents.document_types(db, admin))
    qtmodeltester.check(types)
    rules = RulesModel()
    rules.set_rows(documents.list_rules(db, admin), {})
    qtmodeltester.check(rules)


@pytest.fixture
def indonesian():
    from app.views import i18n

    app = QApplication.instance()
    translator = i18n.install(app, "id")
    assert translator is not None
    yield
    app.removeTranslator(translator)
    i18n.install(app, "en")


def test_documents_screens_show_only_indonesian(qtbot, db, actor, admin, indonesian, tmp_path):
    from app.core.demo_documents import tiny_png
    from app.views.documents.checklist import RejectDialog, TargetDialog

    d = registration.register_applicant(db, applicant_input(preferred_countries=["JP"]), actor, today=TODAY)
    png = tmp_path / "ktp.png"
    png.write_bytes(tiny_png())
    documents.attach_scan(db, actor, d.id, "ktp", png)
    office = setup.local_office(db)
    window = MainWindow(db, admin, office)
    qtbot.addWidget(window)
    names = {office.name, office.code, admin.full_name, admin.username, d.full_name, d.registration_number,
             "JLPT N4", "RS Sari Asih", "Asisten perawat", "Keperawatan", "Serang", "ktp.png", "Siti Nurhaliza"}
    names |= {t.code for t in documents.document_types(db, admin)}
    dialog = window.open_applicant(d.id)
    dialog.documents.select("ktp")
    assert untranslated(dialog, names) == []
    window.expiring_page.refresh()
    assert untranslated(window, names) == []
    cl = dialog.documents.checklist
    for w in (RejectDialog("KTP (Kartu Tanda Penduduk)"), TargetDialog(cl), TypeDialog(),
              RuleDialog(documents.document_types(db, admin))):
        qtbot.addWidget(w)
        assert untranslated(w, names | {"KTP (Kartu Tanda Penduduk)"}) == []
    dialog.close()
