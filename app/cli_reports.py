"""``pmi-desk report …`` and ``pmi-desk receipt …``: the printed output of the office (issue 6)."""

from __future__ import annotations

from pathlib import Path


def add_commands(sub) -> None:
    p = sub.add_parser("report", help="laporan cetak: kemajuan MoU, papan lowongan")
    rsub = p.add_subparsers(dest="report_command", required=True)

    q = rsub.add_parser("mou", help="laporan kemajuan MoU (PDF, dan Excel dengan --xlsx)")
    q.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                   help="awal periode (bawaan: 2025-12-08, penandatanganan MoU)")
    q.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="akhir periode (bawaan: hari ini)")
    q.add_argument("--out", metavar="FILE", required=True, help="berkas PDF")
    q.add_argument("--xlsx", metavar="FILE", help="juga angka-angkanya ke berkas Excel")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_report_mou)

    q = rsub.add_parser("vacancies", help="papan lowongan: lowongan terbuka (PDF A4 melintang)")
    q.add_argument("--out", metavar="FILE", required=True)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_report_vacancies)

    p = sub.add_parser("dossier", help="cetak dosir calon (PDF A4): satu pendaftar, atau semua calon daftar "
                                       "pendek satu lowongan (--order) dalam satu PDF")
    p.add_argument("applicant", metavar="APPLICANT", nargs="?", help="nomor pendaftaran (atau id)")
    p.add_argument("--order", metavar="ORDER", help="nomor lowongan (JO-…) atau id: dosir semua calonnya")
    p.add_argument("--lang", choices=("id", "en"), default="id",
                   help="bahasa dosir: id (lengkap, bawaan) atau en (untuk pemberi kerja di luar negeri)")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_dossier)

    p = sub.add_parser("receipt", help="cetak tanda terima pendaftaran (PDF A5) satu pendaftar")
    p.add_argument("applicant", metavar="APPLICANT", help="nomor pendaftaran (atau id)")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_receipt)


def _context(args):
    from app.cli_common import cli_actor, open_db

    db = open_db()
    return db, cli_actor(db, args)


def _period(args):
    from app.core.errors import ValidationError
    from app.core.validation import Collector

    c = Collector()
    d0 = c.date("from", args.date_from, required=False)
    d1 = c.date("to", args.date_to, required=False)
    if c.errors:
        raise ValidationError(c.errors)
    return d0, d1


def cmd_report_mou(args) -> int:
    from app.cli_common import emit
    from app.core import mou_report
    from app.reports import mou, mou_xlsx

    d0, d1 = _period(args)
    db, actor = _context(args)
    report = mou_report.compute(db, actor, d0, d1)
    out = Path(args.out).expanduser()
    mou.mou_pdf(str(out), report)
    result = {"pdf": str(out), **report.to_dict()}
    text = f"PDF dibuat: {out}"
    if args.xlsx:
        xlsx = Path(args.xlsx).expanduser()
        mou_xlsx.mou_xlsx(str(xlsx), report)
        result["xlsx"] = str(xlsx)
        text += f"\nExcel dibuat: {xlsx}"
    emit(result, args.json, text)
    return 0


def cmd_receipt(args) -> int:
    from app.cli_common import emit
    from app.reports import receipt

    db, actor = _context(args)
    path = receipt.print_receipt(db, actor, args.applicant, args.out)
    emit({"pdf": str(path)}, args.json, f"PDF dibuat: {path}")
    return 0


def cmd_report_vacancies(args) -> int:
    from app.cli_common import emit
    from app.core import vacancy_board
    from app.reports import vacancies

    db, actor = _context(args)
    data = vacancy_board.board(db, actor)
    out = Path(args.out).expanduser()
    vacancies.vacancies_pdf(str(out), data)
    emit({"pdf": str(out), "vacancies": len(data.vacancies)}, args.json,
          f"PDF dibuat: {out} ({len(data.vacancies)} lowongan terbuka)")
    return 0


def cmd_dossier(args) -> int:
    from app.cli_common import EXIT_INVALID, emit, fail
    from app.reports import dossier

    if bool(args.applicant) == bool(args.order):
        text = "Sebutkan APPLICANT (nomor pendaftaran atau id) atau --order ORDER, salah satu saja."
        return fail(args.json, EXIT_INVALID, {"error": "usage", "message": text}, text)
    db, actor = _context(args)
    if args.order:
        count = []
        path = dossier.print_order_dossiers(db, actor, args.order, args.out, lang=args.lang,
                                            progress=lambda done, total: count.append(total))
        n = count[-1] if count else 0
    else:
        path = dossier.print_dossier(db, actor, args.applicant, args.out, lang=args.lang)
        n = 1
    emit({"pdf": str(path), "dossiers": n, "lang": args.lang}, args.json, f"PDF dibuat: {path} ({n} dosir)")
    return 0
