"""``pmi-desk orders …`` and ``pmi-desk match …``: job orders and matching from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def add_commands(sub) -> None:
    from app.cli_common import positive_int

    p = sub.add_parser("orders", help="lowongan (job order): tambah, daftar, buka, tutup")
    osub = p.add_subparsers(dest="orders_command", required=True)
    q = osub.add_parser("add", help="tambah lowongan dari berkas JSON (lihat docs/examples/job_order.json)")
    q.add_argument("--json", required=True, metavar="FILE", help="berkas JSON (atau - untuk stdin)")
    q.set_defaults(func=cmd_orders_add)
    q = osub.add_parser("list", help="daftar lowongan")
    q.add_argument("--status", choices=("draft", "open", "closed", "filled"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_orders_list)
    for name, status, text in (("open", "open", "buka lowongan (SIP harus berlaku hari ini)"),
                               ("close", "closed", "tutup lowongan")):
        q = osub.add_parser(name, help=text)
        q.add_argument("order", metavar="ORDER", help="nomor lowongan (JO-2026-0001) atau id")
        q.add_argument("--reason")
        q.add_argument("--json", action="store_true")
        q.set_defaults(func=cmd_orders_status, status=status)

    p = sub.add_parser("match", help="peringkat calon untuk satu lowongan, atau lowongan untuk satu pendaftar")
    p.add_argument("order", metavar="ORDER", nargs="?", help="nomor lowongan (JO-2026-0001) atau id")
    p.add_argument("--applicant", metavar="ID", help="nomor pendaftaran atau id pendaftar")
    p.add_argument("--top", type=positive_int, default=20)
    p.add_argument("--near", type=int, default=0, help="tampilkan juga N calon yang gagal satu syarat")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_match)


def _read_json(path: str):
    from app.core.errors import FieldError, ValidationError

    try:
        raw = Path(path).read_text(encoding="utf-8") if path != "-" else sys.stdin.read()
    except OSError as exc:
        raise ValidationError(FieldError("json", "file_unreadable", {"detail": exc.strerror or str(exc)})) from None
    except UnicodeDecodeError as exc:
        raise ValidationError(FieldError("json", "json_invalid", {"detail": f"bukan UTF-8 ({exc.reason})"})) from None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ValidationError(FieldError("json", "json_invalid", {"detail": str(exc)[:200]})) from None


def cmd_orders_add(args) -> int:
    from app.cli_common import EXIT_INVALID, EXIT_OK, cli_actor, emit, fail, open_db
    from app.core import job_orders
    from app.core.errors import ValidationError

    try:
        data = job_orders.JobOrderInput.from_dict(_read_json(args.json))
        db = open_db()
        detail = job_orders.create_order(db, data, cli_actor(db, args))
    except ValidationError as exc:
        return fail(True, EXIT_INVALID, {"errors": [e.to_dict() for e in exc.errors]}, str(exc))
    emit(detail.to_dict(), True)
    return EXIT_OK


def cmd_orders_list(args) -> int:
    from app.cli_common import EXIT_OK, cli_actor, emit, open_db
    from app.core import job_orders

    db = open_db()
    rows = job_orders.list_orders(db, cli_actor(db, args), status=args.status)
    if args.json:
        emit([r.to_dict() for r in rows], True)
    else:
        for r in rows:
            print(f"{r.order_number}  {r.status:<6}  {r.country}  {r.employer} — {r.position}  "
                  f"kuota {r.placed}/{r.quota}")
        print(f"{len(rows)} lowongan")
    return EXIT_OK


def cmd_orders_status(args) -> int:
    from app.cli_common import EXIT_OK, cli_actor, emit, open_db
    from app.core import job_orders

    db = open_db()
    detail = job_orders.set_order_status(db, args.order, args.status, cli_actor(db, args), reason=args.reason)
    emit(detail.to_dict(), args.json, f"{detail.order_number}: {detail.status}")
    return EXIT_OK


def cmd_match(args) -> int:
    from app.cli_common import EXIT_INVALID, EXIT_OK, applicant_ref, cli_actor, emit, fail, open_db
    from app.core import matching

    if bool(args.order) == bool(args.applicant):
        text = "Sebutkan satu lowongan (ORDER) atau --applicant ID, tidak keduanya."
        return fail(args.json, EXIT_INVALID, {"error": "usage", "message": text}, text)
    db = open_db()
    actor = cli_actor(db, args)
    if args.applicant:
        result = matching.orders_for_applicant(db, actor, applicant_ref(db, args.applicant))
        lines = [f"Memenuhi syarat ({len(result.qualifies)}):"]
        lines += [f"  {o.order_number}  {o.score:6.2f}  {o.country} {o.employer} — {o.position}" for o in result.qualifies]
        lines.append(f"Belum memenuhi ({len(result.missing)}):")
        lines += [f"  {o.order_number}  {o.employer}: " + "; ".join(r.message for r in o.reasons) for o in result.missing]
        emit(result.to_dict(), args.json, "\n".join(lines))
        return EXIT_OK
    result = matching.rank_candidates(db, actor, args.order, top=args.top, near=max(0, args.near))
    lines = [f"{result.order_number}: {result.passed} dari {result.total} memenuhi syarat"]
    for c in result.candidates:
        parts = ", ".join(f"{k} {v:.1f}" for k, v in c.parts.items() if v)
        lines.append(f"{c.rank:4d}. {c.registration_number}  {c.full_name:<30}  {c.score:6.2f}  ({parts})")
    for c in result.near_misses:
        lines.append(f"   -  {c.registration_number}  {c.full_name:<30}  " + "; ".join(r.message for r in c.reasons))
    emit(result.to_dict(), args.json, "\n".join(lines))
    return EXIT_OK
