"""``pmi-desk --self-test``: does this installation work? Used on the built bundle (CI, an office PC).

It opens (creating when new) the database in the data dir (``PMI_DESK_HOME``) and migrates it as a
start would, checks the shipped resources (regions, the ``.qm``), the libraries loaded lazily
(argon2, babel's locale data, phonenumbers, email-validator, reportlab, PDFium through pypdfium2
drawing a page, faker's ``id_ID``), creates the QApplication with the Indonesian translation and
builds the main window's widgets without showing anything. Nothing is written to the database beyond what a start writes (the migration):
no office, no user, no settings. It prints one line of JSON and exits 0, or 1 with the failed step.

Without a display (no ``DISPLAY``/``WAYLAND_DISPLAY`` on Linux) Qt runs ``offscreen``.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from datetime import date
from typing import Any, Callable

# A string of the main window and its Indonesian translation: proves the .qm is found and loads.
PROBE = ("MainWindow", "Registration", "Pendaftaran")


class SelfTestFailed(Exception):
    def __init__(self, step: str, detail: str):
        super().__init__(f"{step}: {detail}")
        self.step, self.detail = step, detail


def _step(report: dict[str, Any], name: str, fn: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    try:
        value = fn()
    except SelfTestFailed:
        raise
    except BaseException as exc:  # noqa: BLE001 - every failure is reported, none is a traceback
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise SelfTestFailed(name, f"{type(exc).__name__}: {exc}") from exc
    report["steps"][name] = round(time.perf_counter() - started, 3)
    return value


def _check(condition: bool, step: str, detail: str) -> None:
    if not condition:
        raise SelfTestFailed(step, detail)


def _resources() -> dict[str, Any]:
    from app import paths
    from app.core import reference
    from app.views import i18n

    root = paths.resources_dir()
    _check(root.is_dir(), "resources", f"missing folder {root}")
    kecamatan = reference.kecamatan()
    kelurahan = reference.kelurahan()
    _check(len(kecamatan) >= 6 and len(kelurahan) >= 60, "resources",
           f"regions incomplete: {len(kecamatan)} kecamatan, {len(kelurahan)} kelurahan")
    for name, table in (("education levels", reference.education_levels()), ("languages", reference.languages()),
                        ("countries", reference.countries()), ("sectors", reference.sectors())):
        _check(bool(table), "resources", f"no {name}")
    qm = i18n.qm_path()
    _check(qm.is_file() and qm.stat().st_size > 0, "resources", f"missing translation {qm}")
    return {"resources": str(root), "kecamatan": len(kecamatan), "kelurahan": len(kelurahan), "qm": str(qm)}


def _libraries() -> dict[str, Any]:
    """The modules PyInstaller can miss (imported lazily or loading data files) do their job."""
    from argon2 import PasswordHasher

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    _check(hasher.verify(hasher.hash("self-test"), "self-test"), "libraries", "argon2")

    from app.core.formatting import format_date, format_money

    _check(format_date(date(2026, 11, 23), "id") == "23 November 2026", "libraries", "babel id dates")
    _check(format_money(8_000_000, "en") == "Rp8,000,000", "libraries", "babel en numbers")

    import phonenumbers

    number = phonenumbers.parse("0812-3456-7890", "ID")
    _check(phonenumbers.is_valid_number(number), "libraries", "phonenumbers metadata")

    from email_validator import validate_email

    validate_email("petugas@example.co.id", check_deliverability=False)

    import io

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    pdf = Canvas(buf, pagesize=(200, 100))
    pdf.drawString(10, 80, "PMI Desk")
    pdf.rect(100, 0, 100, 50, stroke=0, fill=1)  # the lower right quarter black
    pdf.save()
    _check(buf.getvalue().startswith(b"%PDF"), "libraries", "reportlab")

    # pypdfium2's native library (pypdfium2_raw) is there and draws: dark where the box is
    from app.reports import render

    page = render.render_page(buf.getvalue(), 0, dpi=72)
    _check((page.width, page.height) == (200, 100), "libraries", f"pdfium page {page.width}x{page.height}")
    _check(max(page.pixel(150, 75)[:3]) < 60 and min(page.pixel(50, 75)[:3]) > 200, "libraries",
           "pdfium drew the test page wrong")

    from faker import Faker

    _check(bool(Faker("id_ID").name()), "libraries", "faker id_ID")
    import rapidfuzz  # noqa: F401
    import numpy  # noqa: F401
    import openpyxl  # noqa: F401
    return {}


def _database() -> dict[str, Any]:
    from app import paths
    from app.db import current_revision, head_revision
    from app.core.startup import open_database

    db = open_database()
    try:
        revision = current_revision(db.engine)
        head = head_revision()
        _check(revision == head, "database", f"revision {revision}, expected {head}")
        with db.reading() as conn:
            quick = conn.exec_driver_sql("PRAGMA quick_check").scalar() if db.dialect == "sqlite" else "ok"
        _check(quick == "ok", "database", f"quick_check: {quick}")
    except BaseException:
        db.dispose()
        raise
    return {"db": db, "database": paths.database_url(), "revision": revision}


def _qt_platform() -> None:
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM") \
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _gui(db) -> dict[str, Any]:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, qVersion

    from app.views import i18n
    from app.views.application import _qapp

    app = _qapp(sys.argv[:1])
    translator = i18n.install(app, "id")
    _check(translator is not None, "translation", f"cannot load {i18n.qm_path()}")
    context, source, expected = PROBE
    got = QCoreApplication.translate(context, source)
    _check(got == expected, "translation", f"{source!r} is {got!r}, expected {expected!r}")

    from app.core import setup
    from app.core.actor import Actor
    from app.views.main_window import MainWindow

    # A throwaway office and actor held in memory: the self-test never writes them.
    office = setup.local_office(db) if setup.is_set_up(db) else setup.OfficeInfo("SELFTEST", "Self-test", "city")
    actor = Actor("self-test", office.code, "admin", "Self-test")
    window = MainWindow(db, actor, office, None)
    try:
        nav = [window.nav.item(i).text() for i in range(window.nav.count())]
        _check(bool(nav) and nav[0] == expected, "main window", f"navigation shows {nav!r}")
        app.processEvents()
        from app import paths
        from app.views.about import DEPENDENCIES, AboutDialog

        about = AboutDialog(office, paths.database_url(), str(paths.data_dir()), window)
        libraries = about.model.rowCount()
        # every dependency's metadata is bundled (plus Qt and Python)
        _check(libraries >= len(DEPENDENCIES) + 2, "about", f"{libraries} libraries listed")
        about.deleteLater()
    finally:
        pool = getattr(getattr(window, "applicants", None), "pool", None)
        if pool is not None:
            pool.waitForDone(5000)
        app.processEvents()
        window.deleteLater()
        app.processEvents()
        app.removeTranslator(translator)
    return {"qt": qVersion(), "pyside": pyside_version, "platform": app.platformName(), "language": "id",
            "licences": libraries}


def run() -> int:
    """Run every step; print the one-line JSON report; 0 when all passed."""
    from app import __version__, paths

    started = time.perf_counter()
    report: dict[str, Any] = {"ok": False, "version": __version__, "python": platform.python_version(),
                              "frozen": bool(getattr(sys, "frozen", False)), "steps": {}}
    db = None
    code = 1
    try:
        report["data_dir"] = str(_step(report, "data_dir", paths.data_dir))
        report.update(_step(report, "resources", _resources))
        _step(report, "libraries", _libraries)
        opened = _step(report, "database", _database)
        db = opened.pop("db")
        report.update(opened)
        _qt_platform()
        report.update(_step(report, "gui", lambda: _gui(db)))
        report["ok"] = True
        code = 0
    except SelfTestFailed as exc:
        report["failed"] = exc.step
        report["error"] = exc.detail
    finally:
        if db is not None:
            db.dispose()
    report["seconds"] = round(time.perf_counter() - started, 3)
    _emit(report)
    if code:
        print(f"pmi-desk self-test failed at {report['failed']}: {report['error']}", file=sys.stderr)
    return code


def _emit(report: dict[str, Any]) -> None:
    line = json.dumps(report, ensure_ascii=False, sort_keys=False)
    if sys.stdout is not None:  # a windowed Windows executable has no stdout
        print(line, flush=True)
    try:
        from app import paths

        (paths.data_dir() / "self-test.json").write_text(line + "\n", encoding="utf-8")
    except OSError:
        pass
