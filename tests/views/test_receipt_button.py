"""After a registration the editor offers the receipt: the PDF is written and handed to the viewer."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.views.registration.editor import ApplicantEditor
from tests.conftest import applicant_input
from tests.views.helpers import fill_form

pytestmark = pytest.mark.gui


def test_print_receipt_after_registration_writes_the_pdf_and_opens_it(qtbot, db, actor):
    editor = ApplicantEditor(db, actor)
    qtbot.addWidget(editor)
    editor.show()
    opened = []
    editor.open_file = opened.append
    assert not editor.receipt_button.isVisible()  # nothing registered yet
    fill_form(editor.form, applicant_input())
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    number = saved.args[0].registration_number
    assert editor.receipt_button.isVisible()
    qtbot.mouseClick(editor.receipt_button, Qt.MouseButton.LeftButton)
    assert opened == [editor.last_receipt] and editor.last_receipt.name == f"{number}.pdf"
    text = " ".join(PdfReader(io.BytesIO(editor.last_receipt.read_bytes())).pages[0].extract_text().split())
    assert number in text and "TANDA TERIMA PENDAFTARAN" in text


def test_no_receipt_button_when_editing(qtbot, db, actor):
    from app.core import registration

    detail = registration.register_applicant(db, applicant_input(), actor, confirm_warnings=True)
    editor = ApplicantEditor(db, actor, detail=detail)
    qtbot.addWidget(editor)
    editor.show()
    editor.form.full_name.setText("Siti Nurhaliza Putri")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert not editor.receipt_button.isVisible()
