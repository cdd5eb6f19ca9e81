"""The printed document checklist an applicant takes home (A4, Indonesian): what to bring, by when.

Takes a ``documents.Checklist`` (a service result) and writes a PDF; it never queries the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

from app.core import audit, documents, formatting, reference, setup
from app.core.permissions import require

LETTERHEAD = ("PEMERINTAH KOTA SERANG", "DINAS TENAGA KERJA DAN TRANSMIGRASI")
STATUS_ID = {"missing": "Belum ada", "submitted": "Diserahkan", "verified": "Terverifikasi",
             "rejected": "Ditolak", "expired": "Kedaluwarsa"}
REQUIREMENT_ID = {"required": "Wajib", "optional": "Opsional", "not_needed": "Tidak perlu"}
DEFAULT_DAYS_TO_BRING = 14


@dataclass(frozen=True)
class Line:
    number: int
    name: str
    requirement: str
    status: str
    valid_until: str
    todo: str
    urgent: bool


def default_bring_by(today: date, departure: date | None) -> date:
    """Two weeks from today, or a month before the planned departure when that is sooner (never
    sooner than three days from today)."""
    by = today + timedelta(days=DEFAULT_DAYS_TO_BRING)
    if departure is not None:
        by = min(by, departure - timedelta(days=30))
    return max(by, today + timedelta(days=3))


def lines(checklist, bring_by: date) -> list[Line]:
    """What each item asks of the applicant, in plain Indonesian."""
    out = []
    when = formatting.format_date(bring_by)
    for n, item in enumerate(checklist.items, start=1):
        if item.status == "verified":
            todo = "Lengkap."
        elif item.status == "submitted":
            todo = "Sudah diserahkan; sedang diperiksa petugas."
        elif item.status == "rejected":
            todo = f"Ditolak: {(item.reject_reason or '-').rstrip('.')}. Serahkan yang benar paling lambat {when}."
        elif item.status == "expired":
            todo = f"Sudah kedaluwarsa. Urus yang baru dan bawa paling lambat {when}."
        elif item.requirement == "required":
            todo = f"Bawa asli dan 1 fotokopi paling lambat {when}."
        else:
            todo = "Bawa bila ada (tidak wajib)."
        for flag in item.flags:
            if flag.code != "document_expired":
                todo += " " + flag.message
        for m in item.mismatches:
            todo += " Perbaiki: " + m.message
        urgent = item.requirement == "required" and item.status in ("missing", "rejected", "expired")
        out.append(Line(n, item.name_id, REQUIREMENT_ID.get(item.requirement, item.requirement),
                        STATUS_ID.get(item.status, item.status),
                        formatting.format_date(item.expires_on, short=True) if item.expires_on else "-",
                        todo, urgent or bool(item.flags) or bool(item.mismatches)))
    return out


def render(checklist, path: Path | str, *, office_name: str, printed_by: str, bring_by: date | None = None,
           today: date | None = None) -> Path:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        HRFlowable,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    today = today or checklist.today
    bring_by = bring_by or default_bring_by(today, checklist.planned_departure)
    path = Path(path)
    styles = getSampleStyleSheet()
    base = ParagraphStyle("base", parent=styles["Normal"], fontName="Helvetica", fontSize=9, leading=11.5)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10)
    head = ParagraphStyle("head", parent=base, fontName="Helvetica-Bold", fontSize=12, leading=15, alignment=TA_CENTER)
    sub = ParagraphStyle("sub", parent=base, alignment=TA_CENTER, fontSize=9)
    title = ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=13, leading=17,
                           alignment=TA_CENTER, spaceBefore=4, spaceAfter=6)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5)
    cell_b = ParagraphStyle("cellb", parent=cell, fontName="Helvetica-Bold")

    def p(text, style=cell):
        return Paragraph(escape(text), style)

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm,
                            bottomMargin=16 * mm, title=f"Daftar periksa dokumen {checklist.registration_number}",
                            author=office_name, subject="Daftar periksa dokumen calon PMI")
    story = [Paragraph(LETTERHEAD[0], head), Paragraph(LETTERHEAD[1], head), Paragraph(escape(office_name), sub),
             Spacer(1, 2 * mm), HRFlowable(width="100%", thickness=1.2, color=colors.black), Spacer(1, 2 * mm),
             Paragraph("DAFTAR PERIKSA DOKUMEN CALON PEKERJA MIGRAN INDONESIA", title)]
    country = reference.countries().get(checklist.country or "")
    sector = reference.sectors().get(checklist.sector or "")
    info = [
        ("Nama lengkap", checklist.full_name), ("Nomor pendaftaran", checklist.registration_number),
        ("Tanggal lahir", formatting.format_date(checklist.birth_date)),
        ("Negara tujuan / sektor", f"{country.name_id if country else 'belum dipilih'} / "
                                   f"{sector.name_id if sector else 'belum dipilih'}"),
        ("Rencana berangkat", formatting.format_date(checklist.planned_departure) if checklist.planned_departure
         else "belum ditentukan"),
        ("Kelengkapan dokumen wajib", f"{checklist.verified_count} dari {checklist.required_count} terverifikasi "
                                      f"({formatting.format_percent(checklist.percent)})"),
    ]
    t = Table([[p(k, cell_b), p(v)] for k, v in info], colWidths=[48 * mm, 130 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5)]))
    story += [t, Spacer(1, 3 * mm)]
    todo_count = sum(1 for i in checklist.items if i.requirement == "required" and i.status != "verified")
    story.append(Paragraph(
        f"<b>Yang harus dibawa:</b> {todo_count} dokumen wajib belum lengkap. Bawa dokumen asli beserta satu "
        f"fotokopi ke loket paling lambat <b>{escape(formatting.format_date(bring_by))}</b>. "
        "Nama, tanggal lahir dan NIK harus sama pada semua dokumen (KTP, KK, ijazah, akta lahir, paspor).", base))
    story.append(Spacer(1, 3 * mm))
    rows = [[p("No", cell_b), p("Dokumen", cell_b), p("Syarat", cell_b), p("Status", cell_b),
             p("Berlaku s.d.", cell_b), p("Yang perlu dilakukan", cell_b)]]
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3e8ef")),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("REPEATROWS", (0, 0), (-1, 0))]
    for i, line in enumerate(lines(checklist, bring_by), start=1):
        rows.append([p(str(line.number)), p(line.name), p(line.requirement), p(line.status), p(line.valid_until),
                     p(line.todo, cell_b if line.urgent else cell)])
        if line.urgent:
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fff3e0")))
    table = Table(rows, colWidths=[9 * mm, 52 * mm, 17 * mm, 22 * mm, 20 * mm, 58 * mm], repeatRows=1)
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 6 * mm)]
    sign = Table([[p(f"Dicetak {formatting.format_date(today)}", small), p("Petugas,", cell)],
                  [p("Simpan lembar ini dan bawa setiap datang ke loket.", small), ""],
                  ["", p(printed_by, cell_b)]], colWidths=[110 * mm, 68 * mm], rowHeights=[None, 14 * mm, None])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(sign)

    def footer(canvas, d):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.drawString(16 * mm, 9 * mm, f"{checklist.registration_number} — daftar periksa dokumen — memuat data pribadi")
        canvas.drawRightString(A4[0] - 16 * mm, 9 * mm, f"Halaman {d.page}")
        canvas.restoreState()

    path.parent.mkdir(parents=True, exist_ok=True)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def names(items: Iterable) -> list[str]:
    return [i.name_id for i in items]


def print_checklist(db, actor, applicant_id, path: Path | str, *, office_name: str | None = None,
                    bring_by: date | None = None, today: date | None = None) -> Path:
    """Write the applicant's take-home checklist PDF to ``path``; the print is audited (it carries
    personal data). The counter hands it out, so ``document.submit`` suffices."""
    require(actor, "document.submit")
    cl = documents.checklist(db, applicant_id, actor, today=today)
    office_name = office_name or setup.local_office(db).name
    out = render(cl, path, office_name=office_name, printed_by=actor.full_name or actor.username,
                 bring_by=bring_by, today=today)
    with db.session() as session:
        audit.record_export(session, actor, "checklist_pdf", "applicant", cl.applicant_id,
                            purpose="daftar periksa dokumen untuk pendaftar", destination=str(out))
    return out
