"""``pmi-desk sync ...``: packets between the kecamatan offices and the city office."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def add_commands(sub) -> None:
    p = sub.add_parser("sync", help="sinkronisasi antarkantor: paket bertanda tangan lewat USB")
    ss = p.add_subparsers(dest="sync_command", required=True)

    q = ss.add_parser("export", help="buat paket untuk kantor lain (perubahan yang belum diterimanya)")
    q.add_argument("--to", required=True, metavar="OFFICE", help="kode kantor tujuan, misalnya SRG-0001")
    q.add_argument("--out", required=True, metavar="FILE", help="berkas paket (.zip)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_export)

    q = ss.add_parser("import", help="periksa lalu terapkan paket dari kantor lain; menulis tanda terima")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--ack-out", metavar="FILE", help="berkas tanda terima (default: FILE.ack)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_import)

    q = ss.add_parser("ack", help="baca tanda terima dari kantor tujuan")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_ack)

    q = ss.add_parser("conflicts", help="daftar konflik yang belum diselesaikan")
    q.add_argument("--all", action="store_true", help="termasuk yang sudah diselesaikan")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_conflicts)

    q = ss.add_parser("resolve", help="selesaikan satu konflik")
    q.add_argument("id", type=int, metavar="ID")
    q.add_argument("--keep", required=True, choices=("mine", "theirs", "merge"),
                   help="mine: data kantor ini; theirs: data kantor lain; merge: data kantor ini dengan "
                        "kolom --field dari kantor lain")
    q.add_argument("--field", action="append", default=[], metavar="NAME",
                   help="kolom yang diambil dari kantor lain (dengan --keep merge; boleh berulang)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_resolve)

    q = ss.add_parser("keys", help="tampilkan kunci publik kantor ini (dan simpan ke berkas dengan --out)")
    q.add_argument("--out", metavar="FILE", help="simpan berkas kunci publik untuk diberikan ke kantor lain")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_keys)

    q = ss.add_parser("trust", help="daftarkan kunci publik kantor lain")
    q.add_argument("office", metavar="OFFICE")
    q.add_argument("--key", required=True, metavar="FILE", help="berkas dari “pmi-desk sync keys --out”")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_trust)


def _ctx(args):
    from app.cli_common import cli_actor, open_db

    db = open_db()
    return db, cli_actor(db, args)


def cmd_export(args) -> int:
    from app.cli_common import emit
    from app.core import sync

    db, actor = _ctx(args)
    r = sync.export_packet(db, actor, args.to, Path(args.out))
    emit({"packet_id": r.packet_id, "to_office": r.to_office, "file": str(r.path), "rows": r.rows,
           "deletions": r.deletions, "attachments": r.attachments, "size": r.size, "counts": r.counts},
          args.json, f"Paket {r.packet_id} untuk {r.to_office}: {r.rows} baris, {r.deletions} penghapusan, "
                     f"{r.attachments} lampiran, {r.size:,} byte → {r.path}")
    return 0


def cmd_import(args) -> int:
    from app.cli_common import emit
    from app.core import sync

    db, actor = _ctx(args)
    r = sync.import_packet(db, actor, Path(args.file), ack_path=args.ack_out)
    data = r.to_dict()
    if r.already_imported:
        text = f"Paket {r.packet_id} dari {r.from_office} sudah pernah diterapkan: tidak ada yang berubah."
    else:
        text = (f"Paket {r.packet_id} dari {r.from_office}: {r.inserted} baru, {r.updated} diperbarui, "
                f"{r.deleted} dihapus, {r.unchanged} sama, {r.stale} lebih lama, {r.conflicts} konflik, "
                f"{r.attachments} lampiran.")
    emit(data, args.json, text + f"\nTanda terima: {r.ack_path} (bawa kembali ke {r.from_office}: pmi-desk sync ack)")
    return 0


def cmd_ack(args) -> int:
    from app.cli_common import emit
    from app.core import sync

    db, actor = _ctx(args)
    r = sync.import_ack(db, actor, Path(args.file))
    emit(r.__dict__, args.json,
          f"Tanda terima paket {r.packet_id} dari {r.from_office}: sudah dibaca sebelumnya." if r.already else
          f"Tanda terima paket {r.packet_id} dari {r.from_office}: {r.acknowledged_rows} baris diterima.")
    return 0


def _conflict_dict(c) -> dict[str, Any]:
    return {"id": c.id, "kind": c.kind, "peer": c.peer, "table": c.table_name, "row_id": c.row_id,
            "their_id": c.their_id, "unique_field": c.unique_field, "label": c.label, "differing": c.differing,
            "held_rows": c.held_rows, "status": c.status, "resolution": c.resolution,
            "detected_at": c.detected_at.isoformat(), "mine": c.mine, "theirs": c.theirs}


def cmd_conflicts(args) -> int:
    from app.cli_common import emit
    from app.core import sync

    db, actor = _ctx(args)
    rows = sync.list_conflicts(db, actor, include_resolved=args.all)
    lines = [f"{c.id:>5}  {c.kind:<13} {c.table_name:<18} {c.peer:<9} {c.label}  "
             f"({', '.join(c.differing) or c.unique_field or '-'})" for c in rows]
    emit([_conflict_dict(c) for c in rows], args.json, "\n".join(lines) if lines else "Tidak ada konflik.")
    return 0


def cmd_resolve(args) -> int:
    from app.cli_common import emit
    from app.core import sync

    db, actor = _ctx(args)
    c = sync.resolve_conflict(db, actor, args.id, args.keep, fields=args.field or None)
    emit(_conflict_dict(c), args.json, f"Konflik {c.id} diselesaikan: {c.resolution}.")
    return 0


def cmd_keys(args) -> int:
    from app.cli_common import emit
    from app.core import sync

    db, actor = _ctx(args)
    doc = sync.own_key_file(db, actor)
    if args.out:
        Path(args.out).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    others = [{"office": k.office_code, "fingerprint": k.fingerprint} for k in sync.office_keys(db, actor) if not k.own]
    text = (f"Kantor {doc['office']} ({doc['name']})\nKunci publik: {doc['public_key']}\n"
            f"Sidik jari: {doc['fingerprint']}" + (f"\nDisimpan ke {args.out}" if args.out else "")
            + "".join(f"\nDipercaya: {o['office']}  {o['fingerprint']}" for o in others))
    emit(doc | {"trusted": others}, args.json, text)
    return 0


def cmd_trust(args) -> int:
    from app.cli_common import emit
    from app.core import sync
    from app.core.errors import UserError

    db, actor = _ctx(args)
    try:
        text = Path(args.key).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UserError("sync_file_missing", file=str(args.key)) from None
    k = sync.trust_office(db, actor, args.office, text)
    emit({"office": k.office_code, "fingerprint": k.fingerprint}, args.json,
          f"Kunci kantor {k.office_code} didaftarkan. Sidik jari: {k.fingerprint} "
          "(cocokkan dengan kantor tersebut lewat telepon).")
    return 0
