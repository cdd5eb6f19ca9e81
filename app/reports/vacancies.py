"""The vacancy board as an A4 landscape PDF for the notice board: one row per open job order with
its SIP, requirements, salary and costs; zero-cost orders are marked, an invalid SIP is flagged."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from app.core.formatting import format_date, format_money
from app.core.vacancy_board import VacancyBoard
from app.reports.common import AGENCY_LONG, FONT_BOLD, Letterhead, build, styles, table_style

WIDTH = 297 * mm - 30 * mm
ZERO_COST_FILL = colors.HexColor("#e2f0d9")


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def story(b: VacancyBoard) -> list:
    st = styles()
    cell, small = st["cell"].clone("vc", fontSize=8, leading=9.8), st["small"].clone("vs", fontSize=7, leading=8.6)
    head = st["small"].clone("vh", fontName=FONT_BOLD, fontSize=7.5, leading=9)
    out = [Paragraph("PAPAN INFORMASI LOWONGAN KERJA LUAR NEGERI", st["title"]),
           Paragraph(f"Lowongan terbuka per {format_date(b.day)} · {len(b.vacancies)} lowongan · "
                     "Pendaftaran melalui Disnakertrans tidak dipungut biaya", st["subtitle"])]
    if not b.vacancies:
        out.append(Paragraph("Saat ini tidak ada lowongan terbuka.", st["base"]))
        return out
    header = ["Lowongan", "Negara / sektor", "Jabatan dan persyaratan", "Sisa tempat", "Gaji per bulan",
              "Kontrak", "Biaya bagi pekerja", "SIP", "Batas daftar"]
    data = [[Paragraph(h, head) for h in header]]
    zero_rows = []
    for i, v in enumerate(b.vacancies, 1):
        cost = (Paragraph("<b>Tanpa biaya (zero cost)</b>", cell) if v.zero_cost
                else Paragraph(format_money(v.worker_cost), cell))
        sip = f"<font size=7>{_esc(v.sip_number)}</font>" if v.sip_number else "–"
        sip += (f"<br/><font size=6.5>s.d. {format_date(v.sip_valid_until, short=True)}</font>"
                if v.sip_valid_until else "")
        if not v.sip_valid:
            sip += "<br/><font color='#c00000'><b>SIP tidak berlaku</b></font>"
        data.append([
            Paragraph(f"<b>{_esc(v.order_number)}</b><br/>{_esc(v.employer)}<br/>"
                      f"<font size=6.5>P3MI: {_esc(v.agency_name)}</font>", cell),
            Paragraph(f"{_esc(v.country)}<br/><font size=7>{_esc(v.sector)}</font>", cell),
            [Paragraph(f"<b>{_esc(v.position)}</b>", cell), Paragraph(_esc(v.requirements), small)],
            Paragraph(f"{v.open_places} dari {v.quota}", cell),
            Paragraph(_esc(v.salary) + (f"<br/><font size=6.5>{_esc(v.salary_rupiah)}</font>" if v.salary_rupiah
                                        else ""), cell),
            Paragraph(f"{v.contract_months} bulan", cell),
            [cost, Paragraph(_esc(v.funding), small)] if v.funding else cost,
            Paragraph(sip, cell),
            Paragraph(format_date(v.deadline, short=True) if v.deadline else "–", cell),
        ])
        if v.zero_cost:
            zero_rows.append(i)
    widths = [38, 24, 50, 16, 32, 16, 27, 32, 22]
    scale = WIDTH / (sum(widths) * mm)
    t = Table(data, colWidths=[w * mm * scale for w in widths], repeatRows=1)
    style = table_style()
    style.add("VALIGN", (0, 0), (-1, -1), "TOP")
    for r in zero_rows:
        style.add("BACKGROUND", (6, r), (6, r), ZERO_COST_FILL)
    t.setStyle(style)
    out += [t, Spacer(1, 3 * mm),
            Paragraph("Kolom hijau: skema tanpa biaya penempatan bagi pekerja. Gaji dalam mata uang negara tujuan; "
                      "nilai rupiah perkiraan dengan kurs hari cetak. Tanyakan di loket Disnakertrans untuk mendaftar.",
                      st["small"])]
    return out


def vacancies_pdf(out, b: VacancyBoard, *, head: Letterhead | None = None) -> None:
    head = head or Letterhead(b.office_name or AGENCY_LONG, b.office_contact)
    build(out, story(b), title="Papan lowongan", orientation="landscape", head=head, printed=b.generated_at,
          note="Papan lowongan")
