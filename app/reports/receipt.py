"""The registration receipt (*tanda terima pendaftaran*, A5 portrait, Indonesian): the office's
header, the registration number in large type, name and date, a QR code with the number and the
verification hash (``app.core.receipt``), the documents to bring next, and the office contact.

``print_receipt`` is the one entry point of the CLI and the GUI (permission and audit in the service).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.core import receipt as core
from app.core.formatting import format_date
from app.reports.common import AGENCY, AGENCY_LONG, FONT, FONT_BOLD, GOVERNMENT, register_fonts, styles

MARGIN = 12 * mm
PAGE = A5
WIDTH = PAGE[0] - 2 * MARGIN


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def qr_drawing(payload: str, size: float = 32 * mm) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    return d


def _note(item: core.BringItem) -> str:
    return {"rejected": " (ditolak, bawa yang baru)", "expired": " (kedaluwarsa, perpanjang)"}.get(item.status, "")


def story(r: core.Receipt) -> list:
    st = styles()
    big = st["bold"].clone("big", fontSize=17, leading=21)
    label = st["small"].clone("label", textColor=colors.HexColor("#555555"))
    info = [
        Paragraph("Nomor pendaftaran", label), Paragraph(_esc(r.registration_number), big), Spacer(1, 2 * mm),
        Paragraph("Nama", label), Paragraph(_esc(r.full_name), st["bold"]), Spacer(1, 2 * mm),
        Paragraph("Tanggal pendaftaran", label), Paragraph(format_date(r.registered_on), st["base"]),
        Spacer(1, 2 * mm),
        Paragraph("Kode verifikasi", label), Paragraph(r.verification_hash, st["base"]),
    ]
    qr = qr_drawing(r.qr_payload)
    top = Table([[info, qr]], colWidths=[WIDTH - 36 * mm, 36 * mm])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    out: list = [Paragraph("TANDA TERIMA PENDAFTARAN", st["title"]),
                 Paragraph("Pencari kerja / calon Pekerja Migran Indonesia", st["subtitle"]), top, Spacer(1, 4 * mm)]
    out.append(Paragraph("Yang perlu dibawa pada kunjungan berikutnya", st["bold"]))
    out.append(Spacer(1, 1.5 * mm))
    if r.to_bring:
        # the earliest stage still open: a numbered list to tick off; later stages: one line each
        stages = [st_ for st_ in core.STAGE_NAMES if any(i.stage == st_ for i in r.to_bring)]
        stages += sorted({i.stage for i in r.to_bring} - set(stages))
        first = [i for i in r.to_bring if i.stage == stages[0]]
        rows = [[Paragraph(f"{n}.", st["cell"]), Paragraph(_esc(item.name) + _note(item), st["cell"])]
                for n, item in enumerate(first, 1)]
        t = Table(rows, colWidths=[8 * mm, WIDTH - 8 * mm])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#bbbbbb"))]))
        out += [Paragraph(f"Untuk tahap {core.STAGE_NAMES.get(stages[0], stages[0])}:", st["small"]), t]
        for stage in stages[1:]:
            names = ", ".join(_esc(i.name) + _note(i) for i in r.to_bring if i.stage == stage)
            out += [Spacer(1, 2 * mm),
                    Paragraph(f"<b>Nanti, untuk tahap {core.STAGE_NAMES.get(stage, stage)}:</b> {names}.", st["small"])]
    else:
        out.append(Paragraph("Semua dokumen wajib sudah lengkap.", st["base"]))
    out += [Spacer(1, 3 * mm),
            Paragraph("Bawa tanda terima ini dan KTP asli setiap kali datang. Pendaftaran dan layanan "
                      "Disnakertrans tidak dipungut biaya.", st["small"])]
    return out


def receipt_pdf(out, r: core.Receipt) -> None:
    """Write the receipt to ``out`` (a path or a binary file object)."""
    register_fonts()

    def page(canvas, doc):
        width, height = PAGE
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawCentredString(width / 2, height - 10 * mm, GOVERNMENT)
        canvas.setFont(FONT_BOLD, 10.5)
        canvas.drawCentredString(width / 2, height - 15 * mm, AGENCY)
        canvas.setFont(FONT, 7.5)
        canvas.drawCentredString(width / 2, height - 19 * mm, r.office_name or AGENCY_LONG)
        canvas.setLineWidth(1.2)
        canvas.line(MARGIN, height - 21.5 * mm, width - MARGIN, height - 21.5 * mm)
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        contact = r.office_contact or AGENCY_LONG
        canvas.drawString(MARGIN, 12 * mm, contact[:110])
        canvas.drawString(MARGIN, 8 * mm, f"Dicetak {format_date(r.printed_at)} pukul {r.printed_at:%H.%M} WIB "
                                          f"oleh {r.printed_by}"[:110])
        canvas.restoreState()

    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=26 * mm,
                            bottomMargin=18 * mm, title=f"Tanda terima {r.registration_number}",
                            author=AGENCY_LONG, creator="PMI Desk")
    doc.build(story(r), onFirstPage=page, onLaterPages=page)


def print_receipt(db, actor, applicant, out: str | Path) -> Path:
    """Gather (permission, audit) and write the receipt of one applicant; returns the path."""
    path = Path(out).expanduser()
    data = core.receipt_data(db, actor, applicant, destination=str(path))
    receipt_pdf(str(path), data)
    return path
