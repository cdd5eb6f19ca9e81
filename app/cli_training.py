"""``pmi-desk training …``: attendance of a batch, the at-risk list, batches, and the printables."""

from __future__ import annotations

from pathlib import Path


def add_commands(sub) -> None:
    p = sub.add_parser("training", help="pelatihan bahasa: angkatan, presensi, peserta berisiko, cetak")
    tsub = p.add_subparsers(dest="training_command", required=True)

    q = tsub.add_parser("batches", help="daftar angkatan pelatihan")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_batches)

    q = tsub.add_parser("attendance", help="presensi satu angkatan: pertemuan, peserta, tanda, angka kehadiran")
    q.add_argument("batch", metavar="BATCH", help="kode angkatan, misalnya JP-2026-01")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_attendance)

    q = tsub.add_parser("at-risk", help="peserta di bawah batas kehadiran atau alpa 3 pertemuan berturut-turut")
    q.add_argument("--batch", metavar="BATCH", help="hanya angkatan ini")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_at_risk)

    q = tsub.add_parser("print", help="cetak PDF: daftar hadir, rekap angkatan, sertifikat")
    q.add_argument("kind", choices=("sheet", "recap", "certificate"))
    q.add_argument("batch", metavar="BATCH")
    q.add_argument("--session", metavar="YYYY-MM-DD", help="daftar hadir satu pertemuan (tanggal)")
    q.add_argument("--month", metavar="YYYY-MM", help="daftar hadir satu bulan")
    q.add_argument("--applicant", metavar="NOMOR", help="nomor pendaftaran lulusan (sertifikat)")
    q.add_argument("--out", metavar="FILE", required=True)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_print)


def _context(args):
    from app.cli_common import cli_actor, open_db

    db = open_db()
    return db, cli_actor(db, args)


def cmd_batches(args) -> int:
    from app.cli_common import emit
    from app.core import training

    db, actor = _context(args)
    rows = training.list_batches(db, actor)
    emit([b.to_dict() for b in rows], args.json,
          "\n".join(f"{b.code}  {b.language_name}  {b.target_level}  {b.start_date:%d/%m/%Y}–{b.end_date:%d/%m/%Y}  "
                    f"{b.enrolled} aktif dari {b.participants} peserta (kapasitas {b.capacity})  {b.sessions} pertemuan"
                    for b in rows)
          or "Belum ada angkatan.")
    return 0


def cmd_attendance(args) -> int:
    from app.cli_common import emit
    from app.core import audit, training

    db, actor = _context(args)
    data = training.batch_attendance(db, training.batch_id_by_code(db, actor, args.batch), actor)
    with db.session() as session:  # names and marks leave the application: logged
        audit.record_export(session, actor, "cli_training_attendance", "training_batch", data.batch.id)
    lines = [f"{data.batch.code} — {data.batch.language_name} {data.batch.target_level}, "
             f"{len([s for s in data.sessions if s.state == 'scheduled'])} pertemuan, "
             f"kehadiran rata-rata {_pct(data.rate)}"]
    for c in data.candidates:
        f = c.figures
        lines.append(f"{c.registration_number}  {c.full_name:<30}  H{f.present} S{f.sick} I{f.excused} A{f.absent}  "
                     f"{_pct(f.rate)}  {training.RESULT_NAMES[c.result][0]}" + (f"  BERISIKO ({', '.join(c.risks)})" if c.risks else ""))
    emit(data.to_dict(), args.json, "\n".join(lines))
    return 0


def _pct(value) -> str:
    return "-" if value is None else f"{value:.1f} %".replace(".", ",")


def cmd_at_risk(args) -> int:
    from app.cli_common import emit
    from app.core import audit, training

    db, actor = _context(args)
    batch_id = training.batch_id_by_code(db, actor, args.batch) if args.batch else None
    rows = training.at_risk(db, actor, batch_id=batch_id)
    if rows:
        with db.session() as session:
            audit.record_export(session, actor, "cli_training_at_risk", "applicant", [r.applicant_id for r in rows])
    emit([r.to_dict() for r in rows], args.json,
          "\n".join(f"{r.batch_code}  {r.registration_number}  {r.full_name:<30}  {_pct(r.rate)} "
                    f"(min {r.min_attendance} %)  alpa berturut-turut {r.streak}" for r in rows)
          or "Tidak ada peserta berisiko.")
    return 0


def cmd_print(args) -> int:
    from app.cli_common import EXIT_ERROR, emit, fail
    from app.reports import training as training_print

    db, actor = _context(args)
    out = Path(args.out).expanduser()
    try:
        path = training_print.print_pdf(db, actor, args.kind, args.batch, out, session_day=args.session,
                                        month=args.month, registration_number=args.applicant)
    except OSError as exc:  # a folder that does not exist, no permission, a full disk
        text = f"PDF tidak dapat ditulis ke {out}: {exc.strerror or exc}"
        return fail(args.json, EXIT_ERROR, {"error": "OSError", "message": text}, text)
    emit({"pdf": str(path)}, args.json, f"PDF dibuat: {path}")
    return 0
