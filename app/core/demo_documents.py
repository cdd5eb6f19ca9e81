"""Demo documents: checklists in every state (missing, submitted, verified, rejected, expired,
expiring soon, identity mismatches) with a few small generated scans, for the demo applicants.

Called by ``app.core.demo.generate`` inside its transaction with the applicant rows it just built
(SQLite text forms, see ``bulk.insert_rows``). Fast: rows are inserted with one ``executemany``; with
many applicants only every n-th one gets documents (at most ``MAX_APPLICANTS``), so a 200,000
applicant demo stays within its time budget. Scans are tiny PNG and PDF files drawn in code (no
downloads) for the first few documents only, written to the scans folder by their SHA-256.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from datetime import date, datetime, timedelta, timezone
from typing import Any

import numpy as np

from app.models import ApplicantDocument, DocumentScan

MAX_APPLICANTS = 20_000
SCANNED_DOCUMENTS = 24
# status of the applicant → (fewest, most) documents held, share verified
_HELD = {
    "registered": (0, 4, 0.1), "documents": (3, 9, 0.35), "training": (6, 11, 0.6), "ready": (10, 15, 0.85),
    "proposed": (11, 16, 0.9), "selected": (12, 17, 0.92), "departing": (16, 18, 0.97), "departed": (16, 18, 1.0),
    "returned": (16, 18, 1.0), "withdrawn": (0, 5, 0.3), "ineligible": (2, 6, 0.3),
}


# --- tiny files -----------------------------------------------------------------------------------

def tiny_png(width: int = 48, height: int = 32, colour: tuple[int, int, int] = (40, 90, 160), label: int = 0) -> bytes:
    """A small valid PNG: a coloured card with a white band (``label`` shifts it, so files differ)."""
    rows = []
    band = 4 + label % max(1, height - 8)
    for y in range(height):
        line = bytearray([0])
        for x in range(width):
            inside = band <= y < band + 4 and 4 <= x < width - 4
            line += bytes((255, 255, 255) if inside else colour)
        rows.append(bytes(line))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def tiny_pdf(title: str = "Dokumen contoh", pages: int = 1) -> bytes:
    """A small one- or more-page A5 PDF drawn with reportlab (uncompressed, so its page count can
    be read without a PDF library)."""
    import io

    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, pageCompression=0, invariant=1)
    w, h = A5
    for p in range(pages):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(40, h - 60, title)
        c.setFont("Helvetica", 10)
        c.drawString(40, h - 80, f"Halaman {p + 1} dari {pages} — pindaian contoh PMI Desk")
        c.rect(40, 60, w - 80, h - 170)
        c.showPage()
    c.save()
    return buf.getvalue()


# --- generation ---------------------------------------------------------------------------------

def _sqlite_time(value: datetime) -> str:
    return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat(" ", "microseconds")


def _hex_ids(rng: np.random.Generator, n: int) -> list[str]:
    raw = np.frombuffer(rng.bytes(16 * n), dtype=np.uint8).reshape(n, 16).copy()
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    text = raw.tobytes().hex()
    return [text[32 * i:32 * i + 32] for i in range(n)]


def generate(conn, actor, applicants: list[dict[str, Any]], *, seed: int, today: date,
             write_scans: bool = True) -> dict[str, int]:
    """Add documents for (some of) ``applicants`` (rows as ``demo._build`` makes them) on ``conn``,
    inside the caller's transaction; returns counts (the demo's one audit entry carries them)."""
    from sqlmodel import Session

    from app.core import documents
    from app.core.bulk import insert_rows

    if not applicants:
        return {"documents": 0, "scans": 0}
    with Session(bind=conn) as session:
        rules = documents.load_rules(session)
    rng = np.random.default_rng([seed, 3, len(applicants), int(applicants[0]["id"][:12], 16)])  # a new run: new ids
    step = max(1, -(-len(applicants) // MAX_APPLICANTS))
    chosen = applicants[::step]
    n = len(chosen)
    count_roll, verify_roll, reject_roll, age_roll, mismatch_roll = (rng.random((n, 20)) for _ in range(5))
    ids = iter(_hex_ids(rng, n * len(rules.types) + SCANNED_DOCUMENTS))
    office = actor.office_code
    now = datetime.now(timezone.utc)
    docs: list[dict] = []
    requirement_cache: dict[tuple, list[str]] = {}
    for i, a in enumerate(chosen):
        country = next((x for x in a["preferred_countries"].split(",") if x), None)
        sector = next((x for x in a["preferred_sectors"].split(",") if x), None)
        key = (country, sector)
        codes = requirement_cache.get(key)
        if codes is None:
            req = rules.requirements(country, sector)
            codes = requirement_cache[key] = [c for c, r in req.items() if r != "not_needed"]
        lo, hi, verified_share = _HELD.get(a["status"], (0, 3, 0.2))
        k = min(len(codes), lo + int(count_roll[i, 0] * (hi - lo + 1)))
        registered = date.fromisoformat(a["registered_on"])
        created = a["created_at"]
        for j, code in enumerate(codes[:k]):
            t = rules.types[code]
            status = "verified" if verify_roll[i, j] < verified_share else "submitted"
            if reject_roll[i, j] < 0.03:
                status = "rejected"
            issued = expires = None
            if t.expires:
                if code == "paspor":
                    issued = registered - timedelta(days=int(30 + age_roll[i, j] * 1500))
                    expires = issued + timedelta(days=3652)
                    if age_roll[i, j] > 0.93:  # an old five-year passport, short of validity
                        expires = today + timedelta(days=int(60 + (age_roll[i, j] - 0.93) * 5000))
                elif code == "visa_kerja":
                    issued = today - timedelta(days=int(age_roll[i, j] * 60))
                    expires = issued + timedelta(days=int(60 + age_roll[i, j] * 300))
                elif t.validity_days:
                    back = int(age_roll[i, j] * t.validity_days * 1.3)
                    issued = max(registered, today - timedelta(days=back)) if code == "ak1" else today - timedelta(days=back)
                    expires = issued + timedelta(days=t.validity_days)
            printed_name = printed_birth = printed_nik = None
            if t.identity_bearing:
                printed_name, printed_birth, printed_nik = a["full_name"], a["birth_date"], a["nik"]
                roll = mismatch_roll[i, j]
                if roll < 0.015 and " " in a["full_name"]:
                    printed_name = a["full_name"].rsplit(" ", 1)[0]  # a family name left off
                elif roll < 0.025:
                    printed_birth = (date.fromisoformat(a["birth_date"]) + timedelta(days=1)).isoformat()
                if code in ("ijazah", "paspor", "akta_lahir"):
                    printed_nik = None  # not printed on these
            verified_by = verified_at = None
            if status == "verified":
                verified_by = actor.username
                verified_at = _sqlite_time(now - timedelta(days=int(age_roll[i, j] * 30)))
            docs.append({
                "id": next(ids), "created_at": created, "updated_at": created, "origin_office": office, "version": 1,
                "applicant_id": a["id"], "type_code": code, "status": status,
                "number": f"{code[:3].upper()}-{zlib.crc32((a['nik'] + code).encode()) % 10**8:08d}" if code != "pas_foto" else None,
                "issued_on": issued.isoformat() if issued else None,
                "expires_on": expires.isoformat() if expires else None,
                "note": "Diserahkan fotokopi; asli diperlihatkan." if verify_roll[i, j] > 0.97 else None,
                "printed_name": printed_name, "printed_birth_date": printed_birth, "printed_nik": printed_nik,
                "verified_by": verified_by, "verified_at": verified_at,
                "reject_reason": "Pindaian tidak terbaca, mohon serahkan ulang." if status == "rejected" else None,
            })
    insert_rows(conn, ApplicantDocument.__table__, docs)
    scans = _scans(conn, actor, docs[:SCANNED_DOCUMENTS], ids, now, write_scans)
    return {"documents": len(docs), "scans": scans}


def _scans(conn, actor, docs: list[dict], ids, now: datetime, write: bool) -> int:
    from app.core import documents
    from app.core.bulk import insert_rows

    rows = []
    for i, d in enumerate(docs):
        if d["status"] == "rejected" and i % 2:
            continue
        if i % 3 == 2:
            data, mime, name, pages = tiny_pdf(f"{d['type_code'].upper()} {d['number'] or ''}", 1 + i % 2), \
                "application/pdf", f"{d['type_code']}.pdf", 1 + i % 2
        else:
            data, mime, name, pages = tiny_png(label=i, colour=(40 + 7 * i % 200, 90, 160)), "image/png", \
                f"{d['type_code']}.png", None
        sha = hashlib.sha256(data).hexdigest()
        if write:
            documents._store_file(documents.CheckedFile(data, sha, mime, name, pages))
        created = _sqlite_time(now)
        rows.append({"id": next(ids), "created_at": created, "updated_at": created, "origin_office": actor.office_code,
                     "version": 1, "document_id": d["id"], "sha256": sha, "original_name": name, "mime_type": mime,
                     "size_bytes": len(data), "page_count": pages, "added_by": actor.username, "removed_at": None,
                     "removed_by": None})
    insert_rows(conn, DocumentScan.__table__, rows)
    return len(rows)
