"""After a registration the editor offers the receipt: the PDF is written and shown in the print
preview."""

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
    editor.show_pdf = lambda parent, path, name, **kw: opened.append((path, name, kw))
    assert not editor.receipt_button.isVisible()  # nothing registered yet
    fill_form(editor.form, applicant_input())
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    number = saved.args[0].registration_number
    assert editor.receipt_button.isVisible()
    qtbot.mouseClick(editor.receipt_button, Qt.MouseButton.LeftButton)
    assert opened == [(editor.last_receipt, f"tanda-terima-{number}.pdf", {"temporary": True})]
    assert editor.last_receipt.name == f"tanda-terima-{number}.pdf"
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


def test_the_receipt_opens_in_the_real_preview_and_its_file_goes_with_it(qtbot, db, actor):
    from app.views.reports.preview import PdfPreviewDialog

    editor = ApplicantEditor(db, actor)
    qtbot.addWidget(editor)
    editor.show()
    fill_form(editor.form, applicant_input())
    with qtbot.waitSignal(editor.saved):
        editor.save()
    qtbot.mouseClick(editor.receipt_button, Qt.MouseButton.LeftButton)
    dialog = editor.findChild(PdfPreviewDialog)
    assert dialog is not None and dialog.isVisible() and dialog.page_count() == 1
    w, h = dialog.sizes[0]
    assert w < 500 and h < 650  # A5 or A6, not A4
    qtbot.waitUntil(lambda: 0 in dialog.images, timeout=5000)
    path = editor.last_receipt
    assert path.is_file()
    dialog.close()
    assert not path.exists()
