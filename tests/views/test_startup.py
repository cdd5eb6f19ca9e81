"""GUI start-up: the database opens without Alembic when the schema is already at head, and the
view modules import no heavy libraries."""

from __future__ import annotations

import os
import subprocess
import sys

from app.core import startup
from app.db import current_revision, head_revision


def test_open_database_migrates_a_new_file_then_takes_the_fast_path(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'start.sqlite3'}"
    db = startup.open_database(url)
    assert current_revision(db.engine) == head_revision() == startup.head_from_scripts()
    db.dispose()
    calls = []
    monkeypatch.setattr(startup.Database, "open", classmethod(lambda cls, u=None: calls.append(u)))
    db = startup.open_database(url)
    assert calls == [] and startup.stored_revision(db) == head_revision()
    db.dispose()


def test_views_import_no_heavy_modules():
    code = ("import sys, app.views.application, app.views.main_window, app.core.startup;"
            "print(sorted(m for m in ('reportlab', 'faker', 'rapidfuzz', 'numpy', 'alembic', 'openpyxl')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_day_of_typing_does_not_abort_python():
    """PySide6 6.12.0 drops a reference to None per void call and to True per emit();
    app.views.pyside_refcount keeps Python 3.11 alive (it aborted after ~30,000 calls)."""
    code = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from app.views.registration.form import ApplicantForm
form = ApplicantForm()
for i in range(40000):
    form.full_name.setText(str(i))
form.close()
print("ok")
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"


def test_the_quick_start_path_imports_no_database_stack():
    """What the window needs up to the list's first paint on the quick start
    (app/core/quickstart.py) imports neither the database stack nor babel: a top-level import of
    SQLModel in one of these modules would put half a second back on every start."""
    code = ("import sys, app.cli, app.views.application, app.views.main_window, app.views.session.sign_in,"
            " app.views.quick_start, app.core.quickstart, app.core.search, app.core.office_settings;"
            "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic', 'babel', 'numpy')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
