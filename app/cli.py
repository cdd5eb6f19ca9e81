"""``pmi-desk``: the GUI when run alone, and subcommands over the same services for scripted use.

Output goes to stdout (JSON with ``--json``); errors are a clear message on stderr (JSON with
``--json``) and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Sequence


from app.cli_common import (EXIT_CONFIRM, EXIT_ERROR, EXIT_INVALID, EXIT_OK, applicant_ref, cli_actor, emit, fail,
                            handle_app_error, open_db, positive_int)

# --- commands -------------------------------------------------------------------------------

def cmd_register(args) -> int:
    from app.core import registration
    from app.core.errors import AppError, FieldError, ValidationError

    try:
        raw = Path(args.json).read_text(encoding="utf-8") if args.json != "-" else sys.stdin.read()
    except OSError as exc:
        err = FieldError("json", "file_unreadable", {"detail": exc.strerror or str(exc)})
        return fail(True, EXIT_INVALID, {"errors": [err.to_dict()]}, err.message)
    except UnicodeDecodeError as exc:  # raised while reading, not by json.loads
        err = FieldError("json", "json_invalid", {"detail": f"bukan UTF-8 ({exc.reason}, byte {exc.start})"})
        return fail(True, EXIT_INVALID, {"errors": [err.to_dict()]}, err.message)
    try:
        data = json.loads(raw)
    except RecursionError:
        err = FieldError("json", "json_invalid", {"detail": "terlalu dalam bersarang"})
        return fail(True, EXIT_INVALID, {"errors": [err.to_dict()]}, err.message)
    except ValueError as exc:  # JSONDecodeError, or a number too long to convert (int digit limit)
        err = FieldError("json", "json_invalid", {"detail": str(exc)[:200]})
        return fail(True, EXIT_INVALID, {"errors": [err.to_dict()]}, err.message)
    try:
        applicant_input = registration.ApplicantInput.from_dict(data)
        db = open_db()
        detail = registration.register_applicant(db, applicant_input, cli_actor(db, args),
                                                 confirm_warnings=args.confirm_warnings)
    except ValidationError as exc:
        return fail(True, EXIT_INVALID, {"errors": [e.to_dict() for e in exc.errors]}, str(exc))
    except AppError as exc:
        return handle_app_error(exc, True)
    emit(detail.to_dict(), True)
    return EXIT_OK


def cmd_search(args) -> int:
    from app.core import search

    db = open_db()
    rows = search.search(db, args.text, actor=cli_actor(db, args), limit=args.limit)
    if args.json:
        emit([{"id": str(r.id), "registration_number": r.registration_number, "full_name": r.full_name,
                "nik": r.nik, "sex": r.sex, "birth_date": r.birth_date.isoformat(), "phone": r.phone,
                "kecamatan_code": r.kecamatan_code, "education_level": r.education_level,
                "status": r.status, "registered_on": r.registered_on.isoformat()} for r in rows], True)
    else:
        for r in rows:
            print(f"{r.registration_number}  {r.nik}  {r.full_name}  {r.phone}  {r.status}")
        print(f"{len(rows)} ditemukan")
    return EXIT_OK


def cmd_show(args) -> int:
    from app.core import audit, registration

    db = open_db()
    actor = cli_actor(db, args)
    detail = registration.get_by_registration_number(db, args.registration_number, actor)
    with db.session() as session:  # personal data leaves the application: logged
        audit.record_export(session, actor, "cli_show", "applicant", detail.id)
    emit(detail.to_dict(), True)
    return EXIT_OK


def cmd_demo_data(args) -> int:
    from app.core import demo

    db = open_db()
    office = cli_actor(db, args)

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    result = demo.generate(db, office, applicants=args.applicants, seed=args.seed, progress=progress)
    if not args.quiet:
        print(file=sys.stderr)
    emit(result, args.json, f"{result['applicants']} pendaftar contoh dibuat.")
    return EXIT_OK


def cmd_setup(args) -> int:
    from app.core import setup

    db = open_db()
    password = os.environ.get("PMI_DESK_ADMIN_PASSWORD") or args.admin_password
    if not password:
        print("Kata sandi admin: setel PMI_DESK_ADMIN_PASSWORD atau --admin-password.", file=sys.stderr)
        return EXIT_INVALID
    user = setup.first_start(db, office_code=args.office_code, office_name=args.office_name,
                             office_kind=args.office_kind, admin_username=args.admin,
                             admin_full_name=args.admin_name, admin_password=password)
    emit({"office_code": user.office_code, "admin": user.username}, args.json,
          f"Kantor {user.office_code} siap; administrator: {user.username}.")
    return EXIT_OK


def cmd_migrate(args) -> int:
    from app.db import current_revision

    db = open_db()
    emit({"revision": current_revision(db.engine)}, args.json, f"Skema basis data: {current_revision(db.engine)}")
    return EXIT_OK


# --- backups and checks (no migration: these must work on a damaged or older file) ----------

def _live_path() -> Path:
    from app import paths
    from app.core.backup import sqlite_path
    from app.core.errors import StorageError

    path = sqlite_path(paths.database_url())
    if path is None:
        raise StorageError("db_on_server", "not a SQLite file")  # PostgreSQL: pg_dump on the server
    return path


def _verification_dict(v) -> dict[str, Any]:
    return {"path": str(v.path), "ok": v.ok, "integrity": v.integrity, "revision": v.revision,
            "tables": v.tables}


def cmd_backup(args) -> int:
    from app import paths
    from app.core import backup
    from app.core.errors import StorageError

    live = _live_path()
    if not live.exists():
        raise StorageError("db_missing", str(live), value=str(live))
    dest = Path(args.to).expanduser() if args.to else paths.data_dir() / "backups"
    result = backup.run_backup(live, dest, paths.data_dir() / "scans", reason="manual")
    emit({"backup": str(result.path), "verification": _verification_dict(result.verification),
           "scans_copied": result.scans_copied, "removed": [str(p) for p in result.removed]}, args.json,
          f"Cadangan dibuat: {result.path}\n{result.verification.applicants} pendaftar, "
          f"{result.scans_copied} pindaian baru disalin, {len(result.removed)} cadangan lama dihapus.")
    return EXIT_OK


def cmd_restore(args) -> int:
    from app.core import backup
    from app.core.errors import StorageError
    from app.core.messages import render

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise StorageError("backup_not_found", str(source), value=str(source))
    check = backup.verify_backup(source)
    if not check.ok:
        raise StorageError("backup_invalid", check.integrity, reason=check.integrity)
    counts = ", ".join(f"{k}: {v}" for k, v in check.tables.items())
    if not args.yes:
        return fail(args.json, EXIT_CONFIRM, {"verification": _verification_dict(check), "hint": "--yes",
                                               "message": render("restore_confirm")},
                     f"Cadangan {source} lolos pemeriksaan ({counts}).\n{render('restore_confirm')}")
    live = _live_path()
    result = backup.restore_database(_restore_actor(args, source, live), source, live)
    emit({"restored": str(live), "from": str(source), "safety_copy": str(result.safety_copy or ""),
           "verification": _verification_dict(check)}, args.json,
          f"Basis data dipulihkan dari {source} ({counts}).\n"
          f"Berkas lama disimpan sebagai {result.safety_copy or '-'}.\nTutup PMI Desk sebelum memulihkan.")
    return EXIT_OK


def _restore_actor(args, source: Path, live: Path):
    """The CLI's administrator for a restore, without opening the live database (it may be
    damaged): the office is the one the backup (or else the live file) records."""
    from app.core import backup, setup
    from app.core.actor import Actor
    from app.core.errors import ValidationError
    from app.core.validation import Collector

    c = Collector()
    user = c.text("user", getattr(args, "user", None) or os.environ.get("PMI_DESK_USER") or "cli", max_len=32)
    if c.errors:
        raise ValidationError(c.errors)
    office = backup.office_code_of(source) or backup.office_code_of(live) or setup.DEFAULT_OFFICE_CODE
    return Actor(user, office, "admin", user)


def cmd_check(args) -> int:
    from app.core import backup
    from app.core.messages import render

    live = _live_path()
    if not live.exists():
        return fail(args.json, EXIT_ERROR, {"ok": False, "code": "db_missing",
                                             "message": render("db_missing", value=str(live))},
                     render("db_missing", value=str(live)))
    check = backup.verify(live, quick=not args.full)
    if check.ok:
        emit(_verification_dict(check), args.json,
              f"Basis data baik: {live} ({check.applicants} pendaftar, revisi {check.revision}).")
        return EXIT_OK
    good = backup.latest_good_backup(*backup.backup_dirs(live))
    message = render("db_damaged", detail=check.integrity,
                     backup=str(good.path) if good else render("backup_none"))
    hint = f"pmi-desk restore {good.path} --yes" if good else None
    return fail(args.json, EXIT_ERROR, {"ok": False, "code": "db_damaged", "integrity": check.integrity,
                                         "latest_good_backup": str(good.path) if good else None,
                                         "hint": hint, "message": message},
                 message + (f"\n{hint}" if hint else ""))


# --- personal data requests ---------------------------------------------------------------------

def cmd_personal_data(args) -> int:
    from app.core import personal_data

    db = open_db()
    report = personal_data.export_applicant_data(db, cli_actor(db, args), applicant_ref(db, args.registration_number),
                                                 purpose=args.purpose)
    emit(report.to_dict(), args.json, report.as_text())
    return EXIT_OK


def cmd_anonymise(args) -> int:
    from app.core import personal_data

    db = open_db()
    aid = applicant_ref(db, args.registration_number)
    if not args.yes:
        text = "Anonimisasi tidak dapat dibatalkan. Ulangi dengan --yes untuk melanjutkan."
        return fail(args.json, EXIT_CONFIRM, {"hint": "--yes", "message": text}, text)
    result = personal_data.anonymise_applicant(db, cli_actor(db, args), aid, args.reason)
    emit(result, args.json, f"{args.registration_number} dianonimkan.")
    return EXIT_OK


def cmd_import(args) -> int:
    from app.core import importer

    db = open_db()
    report = importer.import_applicants(db, cli_actor(db, args), Path(args.file), dry_run=args.dry_run,
                                        confirm_warnings=args.confirm_warnings)
    lines = [f"baris {p.row}, {p.field}: {p.message}" + (" (peringatan)" if p.warning else "")
             for p in report.problems]
    verb = "lolos pemeriksaan" if args.dry_run else "disimpan"
    lines.append(f"{report.rows} baris: {len(report.valid)} {verb}, {len(report.failed_rows)} ditolak.")
    emit(report.to_dict(), args.json, "\n".join(lines))
    return EXIT_OK if not report.problems else EXIT_INVALID


def cmd_self_test(args) -> int:
    from app.views.self_test import run

    return run()


def cmd_gui(args) -> int:
    from app.marks import mark

    mark("cli")
    # Before Qt: the start-up quick check goes to a worker thread (SQLite reads the file without
    # holding the GIL). On the quick start (an existing SQLite file at the head revision, set up:
    # app/core/quickstart.py) the database stack is loaded only after the list has painted;
    # otherwise it is imported now, while the check runs (importing it before PySide6 also spares
    # every one of its ~400 modules PySide's import hook, about 0.1 s).
    from app import paths
    from app.core import quickstart
    from app.core.backup import start_check_in_background

    pending = start_check_in_background()
    quick = quickstart.open_quick(paths.database_url(), quickstart.StartGate(pending))
    if quick is None:
        import app.core.auth  # noqa: F401  (SQLAlchemy, SQLModel, the models)
        import app.core.startup  # noqa: F401

        mark("database modules")
    else:
        mark("quick start")
    from app.views.application import run

    return run(sys.argv[:1] + list(args.qt_args or []), pending=pending, quick=quick)


def build_parser() -> argparse.ArgumentParser:
    from app import __version__

    parser = argparse.ArgumentParser(prog="pmi-desk", description="PMI Desk — Disnakertrans Kota Serang")
    parser.add_argument("--version", action="version", version=f"pmi-desk {__version__}")
    parser.add_argument("--user", help="nama pengguna yang dicatat di jejak audit (default: cli)")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("gui", help="jalankan aplikasi (default)")
    p.add_argument("qt_args", nargs="*")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("self-test", help="uji instalasi: basis data, migrasi, sumber daya, terjemahan, jendela (JSON)")
    p.set_defaults(func=cmd_self_test)

    p = sub.add_parser("register", help="daftarkan satu pencari kerja dari berkas JSON")
    p.add_argument("--json", required=True, metavar="FILE", help="berkas JSON (atau - untuk stdin)")
    p.add_argument("--confirm-warnings", action="store_true", help="konfirmasi semua peringatan")
    p.set_defaults(func=cmd_register)

    p = sub.add_parser("search", help="cari pendaftar (nama, NIK, nomor pendaftaran, telepon)")
    p.add_argument("text")
    p.add_argument("--limit", type=positive_int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("show", help="tampilkan satu pendaftar menurut nomor pendaftaran")
    p.add_argument("registration_number")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("demo-data", help="isi basis data dengan data contoh")
    p.add_argument("--applicants", type=int, default=1000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--json", action="store_true")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("setup", help="pengaturan awal tanpa layar: kantor dan administrator pertama")
    p.add_argument("--office-code", required=True)
    p.add_argument("--office-name", required=True)
    p.add_argument("--office-kind", choices=("city", "kecamatan"), default="city")
    p.add_argument("--admin", required=True)
    p.add_argument("--admin-name", required=True)
    p.add_argument("--admin-password")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("migrate", help="terapkan migrasi skema dan tampilkan revisinya")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("backup", help="buat cadangan basis data dan pindaian (diperiksa, dirotasi)")
    p.add_argument("--to", metavar="DIR", help="folder tujuan (misalnya disk USB); default: folder data/backups")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="pulihkan basis data dari berkas cadangan (diperiksa dulu)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="ganti basis data saat ini tanpa bertanya")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="periksa keutuhan basis data (PRAGMA quick_check)")
    p.add_argument("--full", action="store_true", help="pemeriksaan lengkap (integrity_check)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("personal-data", help="semua data yang disimpan tentang satu pendaftar (dicatat di audit)")
    p.add_argument("registration_number")
    p.add_argument("--purpose", default="permintaan data pribadi", help="keperluan (dicatat di audit)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_personal_data)

    p = sub.add_parser("anonymise", help="anonimkan pendaftar yang menarik persetujuannya")
    p.add_argument("registration_number")
    p.add_argument("--reason", required=True)
    p.add_argument("--yes", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_anonymise)

    p = sub.add_parser("import", help="impor pendaftar dari berkas .xlsx atau .csv (lihat docs/import.md)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="periksa saja, tanpa menyimpan")
    p.add_argument("--confirm-warnings", action="store_true", help="simpan juga baris dengan peringatan")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    from app import cli_documents, cli_orders, cli_reports, cli_sync, cli_training

    for area in (cli_documents, cli_training, cli_orders, cli_reports, cli_sync):
        area.add_commands(sub)
    return parser


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    from app.core.errors import AppError, ValidationError
    from app.logs import setup_logging

    argv = list(sys.argv[1:] if argv is None else argv)
    for arg in argv:
        if not isinstance(arg, str) or not _is_utf8(arg):
            # bytes the shell could not decode arrive as lone surrogates, which nothing can store
            print(f"pmi-desk: argumen bukan teks UTF-8 yang sah: {ascii(arg)[:80]}", file=sys.stderr)
            return EXIT_INVALID
    if argv[:1] == ["--self-test"]:  # the bundle's smoke test: ``pmi-desk --self-test``
        argv = ["self-test", *argv[1:]]
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *unknown]) if not unknown else parser.parse_args(["gui", "--", *unknown])
    elif unknown:
        parser.error(f"argumen tidak dikenal: {' '.join(unknown)}")
    setup_logging(console=args.command != "gui")
    as_json = bool(getattr(args, "json", False))
    try:
        return args.func(args)
    except ValidationError as exc:
        return fail(as_json, EXIT_INVALID, {"errors": [e.to_dict() for e in exc.errors]}, str(exc))
    except AppError as exc:
        return handle_app_error(exc, as_json)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # ``pmi-desk search x | head -1``: the reader left, nothing to report
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not fail again
        except (OSError, ValueError, AttributeError):
            pass
        return EXIT_ERROR
