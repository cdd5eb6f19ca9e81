"""The MoU progress figures as an Excel workbook (openpyxl) for the city's own analysis: a summary
sheet (period, targets, totals), one sheet per breakdown, one for training, one with the definitions.
Every figure is a number cell (not text), so the city can sum and chart it.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.core.mou_report import MEASURE_NAMES, MEASURES, MouReport

SHEET_NAMES = {"kecamatan": "Kecamatan", "sex": "Jenis kelamin", "age_group": "Kelompok umur",
               "education": "Pendidikan", "country": "Negara tujuan", "sector": "Sektor",
               "funding_scheme": "Skema pembiayaan"}
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="E8E8E8")


def _header(ws, row: int, names: list[str]) -> None:
    for col, name in enumerate(names, 1):
        cell = ws.cell(row=row, column=col, value=name)
        cell.font, cell.fill = _BOLD, _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _widths(ws, widths: list[int]) -> None:
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def mou_xlsx(out, report: MouReport) -> None:
    """Write the workbook to ``out`` (a path or a binary file object)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    ws["A1"] = "Laporan kemajuan MoU"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"], ws["B2"] = "Dari tanggal", report.date_from
    ws["A3"], ws["B3"] = "Sampai tanggal", report.date_to
    ws["A4"], ws["B4"] = "Jumlah hari", report.days
    ws["A5"], ws["B5"] = "Kantor", report.office_name
    for cell in ("B2", "B3"):
        ws[cell].number_format = "DD/MM/YYYY"
    _header(ws, 7, ["Indikator", "Target tahunan", "Target periode", "Capaian", "Capaian / target"])
    row = 8
    for t in report.targets:
        ws.append([t.label, t.yearly_target, t.period_target, t.actual,
                   None if t.percent is None else t.percent / 100])
        ws.cell(row=row, column=5).number_format = "0.0%"
        row += 1
    row += 1
    _header(ws, row, ["Tahap", "Jumlah orang"])
    for m in MEASURES:
        row += 1
        ws.cell(row=row, column=1, value=MEASURE_NAMES[m][0])
        ws.cell(row=row, column=2, value=report.totals[m])
    _widths(ws, [40, 16, 16, 12, 16])

    for b in report.breakdowns:
        ws = wb.create_sheet(SHEET_NAMES[b.name])
        _header(ws, 1, ["Kode", b.title, *(MEASURE_NAMES[m][0] for m in b.measures)])
        for r in b.rows:
            ws.append([r.key, r.label, *(r.counts.get(m, 0) for m in b.measures)])
        ws.append(["", "Jumlah", *(b.total(m) for m in b.measures)])
        for cell in ws[ws.max_row]:
            cell.font = _BOLD
        ws.freeze_panes = "C2"
        _widths(ws, [12, 28, *([14] * len(b.measures))])

    ws = wb.create_sheet("Pelatihan")
    _header(ws, 1, ["Kode", "Bahasa", "Mulai pelatihan", "Lulus", "Tidak lulus", "Keluar", "Tingkat penyelesaian",
                    "Tanda presensi", "Hadir (H)", "Tingkat kehadiran"])
    for t in [*report.training, report.training_total]:
        ws.append([t.language_code, t.language, t.entered, t.graduated, t.failed, t.dropped,
                   None if t.completion_rate is None else t.completion_rate / 100, t.marks, t.present,
                   None if t.attendance_rate is None else t.attendance_rate / 100])
        ws.cell(row=ws.max_row, column=7).number_format = "0.0%"
        ws.cell(row=ws.max_row, column=10).number_format = "0.0%"
    for cell in ws[ws.max_row]:
        cell.font = _BOLD
    _widths(ws, [8, 20, 14, 10, 12, 10, 14, 14, 12, 14])

    ws = wb.create_sheet("Keterangan")
    for text in report.definitions:
        ws.append([text])
    ws.column_dimensions["A"].width = 140
    wb.save(out)
