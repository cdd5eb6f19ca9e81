"""``pmi-desk docs …``: an applicant's document checklist, the expiring-soon list, the printed checklist."""

from __future__ import annotations

import argparse
from pathlib import Path


def cmd_docs_status(args) -> int:
    from app.cli_common import EXIT_OK, applicant_ref, cli_actor, emit, open_db
    from app.core import audit, documents

    db = open_db()
    actor = cli_actor(db, args)
    cl = documents.checklist(db, applicant_ref(db, args.applicant), actor)
    with db.session() as session:  # personal data leaves the application: logged
        audit.record_export(session, actor, "cli_docs_status", "applicant", cl.applicant_id)
    lines = [f"{cl.registration_number}  {cl.full_name}  tujuan {cl.country or '-'} / {cl.sector or '-'}",
             f"Kelengkapan: {cl.verified_count}/{cl.required_count} wajib terverifikasi ({cl.percent:g} %)"]
    for item in cl.items:
        lines.append(f"  [{item.status:<11}] {item.name_id} ({item.requirement})"
                     + (f" berlaku s.d. {item.expires_on:%d/%m/%Y}" if item.expires_on else ""))
        lines += [f"      ! {f.message}" for f in item.flags + item.mismatches]
    emit(cl.to_dict(), args.json, "\n".join(lines))
    return EXIT_OK


def cmd_docs_expiring(args) -> int:
    from app.cli_common import EXIT_OK, cli_actor, emit, open_db
    from app.core import audit, documents

    db = open_db()
    actor = cli_actor(db, args)
    page = documents.expiring(db, actor, days=args.days, kecamatan=args.kecamatan, country=args.country,
                              limit=args.limit)
    if page.rows:
        with db.session() as session:
            audit.record_export(session, actor, "cli_docs_expiring", "applicant",
                                sorted({str(r.applicant_id) for r in page.rows}))
    data = {"today": page.today.isoformat(), "days": page.days, "total": page.total, "rows": [{
        "applicant_id": str(r.applicant_id), "registration_number": r.registration_number, "full_name": r.full_name,
        "kecamatan_code": r.kecamatan_code, "country": r.country, "applicant_status": r.applicant_status,
        "type_code": r.type_code, "document": r.name_id, "status": r.status, "expires_on": r.expires_on.isoformat(),
        "days_left": r.days_left, "phone": r.phone} for r in page.rows]}
    text = [f"{r.expires_on:%d/%m/%Y} ({r.days_left:+d} hari)  {r.registration_number}  {r.full_name}  {r.name_id}"
            for r in page.rows]
    text.append(f"{page.total} dokumen kedaluwarsa dalam {page.days} hari" +
                (f" (ditampilkan {len(page.rows)})" if page.total > len(page.rows) else ""))
    emit(data, args.json, "\n".join(text))
    return EXIT_OK


def cmd_docs_print(args) -> int:
    from app.cli_common import EXIT_OK, applicant_ref, cli_actor, emit, open_db
    from app.core.validation import parse_date
    from app.reports import checklist as checklist_report

    db = open_db()
    actor = cli_actor(db, args)
    aid = applicant_ref(db, args.applicant)
    out = Path(args.out) if args.out else Path(f"daftar-periksa-{args.applicant}.pdf")
    bring_by = parse_date(args.bring_by) if args.bring_by else None
    if args.bring_by and bring_by is None:
        from app.core.errors import FieldError, ValidationError

        raise ValidationError(FieldError("bring_by", "invalid_date", {"value": args.bring_by}))
    path = checklist_report.print_checklist(db, actor, aid, out, bring_by=bring_by)
    emit({"pdf": str(path)}, args.json, f"Daftar periksa dicetak ke {path}")
    return EXIT_OK


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 3650:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat 0–3650, bukan {text!r}")
    return value


def add_commands(sub) -> None:
    docs = sub.add_parser("docs", help="dokumen pendaftar: daftar periksa, yang segera kedaluwarsa, cetak")
    dsub = docs.add_subparsers(dest="docs_command", required=True)

    p = dsub.add_parser("status", help="daftar periksa dokumen satu pendaftar (nomor pendaftaran atau id)")
    p.add_argument("applicant", metavar="APPLICANT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_docs_status)

    p = dsub.add_parser("expiring", help="dokumen yang segera kedaluwarsa di semua pendaftar")
    p.add_argument("--days", type=_days, default=None, help="dalam berapa hari (default: pengaturan kantor, 90)")
    p.add_argument("--kecamatan", help="kode kecamatan, mis. 36.73.01")
    p.add_argument("--country", help="kode negara tujuan, mis. JP")
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_docs_expiring)

    p = dsub.add_parser("print", help="cetak daftar periksa dokumen (PDF) untuk dibawa pulang pendaftar")
    p.add_argument("applicant", metavar="APPLICANT")
    p.add_argument("--out", metavar="FILE", help="berkas PDF (default: daftar-periksa-APPLICANT.pdf)")
    p.add_argument("--bring-by", metavar="TANGGAL", help="batas membawa dokumen (dd/mm/yyyy; default 14 hari)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_docs_print)
