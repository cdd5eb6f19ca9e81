"""What waits until after the GUI's first paint: the documents column of the applicant list is
queried once a view paints the rows, not while the window is being built."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.core import registration
from app.views.applicants.model import ApplicantTableModel
from tests.conftest import applicant_input

pytestmark = pytest.mark.gui


def _column(model) -> int:
    return next(i for i in range(model.columnCount())
                if model.headerData(i, Qt.Orientation.Horizontal) in ("Documents", "Dokumen"))


def test_the_documents_column_waits_for_the_rows_to_be_painted(qtbot, db, actor, monkeypatch):
    from app.core import documents

    registration.register_applicant(db, applicant_input(), actor)
    calls = []
    real = documents.completeness_many
    monkeypatch.setattr(documents, "completeness_many", lambda *a, **k: calls.append(a) or real(*a, **k))
    model = ApplicantTableModel(db, actor)
    assert model.rowCount() == 1
    qtbot.wait(250)
    assert calls == [] and not model._fill_timer.isActive()  # built, not painted: nothing queried
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1000, 300)
    view.show()
    qtbot.waitUntil(lambda: model.index(0, _column(model)).data() != "", timeout=5000)
    assert len(calls) == 1 and model.index(0, _column(model)).data().endswith("%")
