"""The MoU progress report as an A4 PDF in Indonesian: the letterhead, the figures against the
targets, the pipeline funnel, the breakdowns (tables and bar charts), training completion and
attendance, and the definitions of every figure. Draws what ``app.core.mou_report.compute`` returns.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from app.core.formatting import format_date, format_number, format_percent
from app.core.mou_report import MEASURE_NAMES, Breakdown, MouReport, TrainingRow
from app.reports.common import AGENCY_LONG, FONT, FONT_BOLD, Letterhead, build, styles, table_style

WIDTH = 210 * mm - 30 * mm
BLUE = colors.HexColor("#1f4e79")
ORANGE = colors.HexColor("#c55a11")
GREY = colors.HexColor("#9e9e9e")


def _n(value: int) -> str:
    return format_number(value)


def _pct(value: float | None) -> str:
    return "–" if value is None else format_percent(value)


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _scale(axis, top: int) -> None:
    """Whole-number ticks (1, 2 or 5 × 10^k, at most about 6) from 0 to a little above ``top``."""
    top = max(int(top), 1)
    step = 1
    while top / step > 6:
        step = _next_step(step)
    axis.valueMin = 0
    axis.valueStep = step
    axis.valueMax = (int(top * 1.08) // step + 1) * step  # room for the value above or beside the bar


def _next_step(step: int) -> int:
    digits = str(step)
    lead, zeros = int(digits[0]), len(digits) - 1
    return {1: 2, 2: 5, 5: 10}[lead] * 10 ** zeros


def _heading(text: str):
    st = styles()
    return Paragraph(text, st["bold"].clone("h", fontSize=11, leading=14, spaceBefore=4 * mm, spaceAfter=2 * mm))


def _numeric_table(header: list[str], rows: list[list], col_widths: list[float], *, total: bool = False,
                   head_size: float = 8) -> Table:
    st = styles()
    head_style = st["small"].clone("head", fontName=FONT_BOLD, alignment=1, fontSize=head_size,
                                   leading=head_size + 1.5)
    data = [[Paragraph(_esc(h).replace("\n", "<br/>"), head_style) for h in header]]
    for row in rows:
        data.append([Paragraph(_esc(str(row[0])), st["cell"]), *row[1:]])
    t = Table(data, colWidths=col_widths, repeatRows=1)
    style = table_style()
    style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
    style.add("LEFTPADDING", (0, 0), (-1, 0), 2)
    style.add("RIGHTPADDING", (0, 0), (-1, 0), 2)
    if total:
        style.add("FONT", (0, -1), (-1, -1), FONT_BOLD, 8.5)
        style.add("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f3f3"))
    t.setStyle(style)
    return t


def _target_table(report: MouReport) -> Table:
    header = ["Indikator", "Target tahunan", "Target periode", "Capaian", "Capaian / target"]
    rows = [[t.label, _n(t.yearly_target), _n(t.period_target), _n(t.actual), _pct(t.percent)] for t in report.targets]
    return _numeric_table(header, rows, [68 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm])


def _totals_table(report: MouReport) -> Table:
    header = ["Tahap", "Jumlah orang", "Dari terdaftar"]
    reg = report.totals["registered"]
    rows = [[MEASURE_NAMES[m][0], _n(report.totals[m]), _pct(100.0 * report.totals[m] / reg if reg else None)]
            for m in ("registered", "eligible", "entered_training", "in_training", "graduated", "proposed",
                      "selected", "departed")]
    return _numeric_table(header, rows, [80 * mm, 50 * mm, 50 * mm])


def _bar_chart(labels: list[str], values: list[int], colour, *, x: float, y: float, height: float,
               label_size: float) -> HorizontalBarChart:
    """A horizontal bar per label, top to bottom in the order given, each with its count."""
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = x, y, WIDTH - x - 14 * mm, height
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = label_size
    chart.categoryAxis.labels.boxAnchor = "e"
    _scale(chart.valueAxis, max(values + [1]))
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: format_number(int(v))
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: format_number(int(v))
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = label_size - 0.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    return chart


def _funnel_chart(report: MouReport) -> Drawing:
    labels = [MEASURE_NAMES[m][0] for m in report.funnel]
    values = [report.totals[m] for m in report.funnel]
    d = Drawing(WIDTH, 62 * mm)
    d.add(String(0, 58 * mm, "Corong tahapan dalam periode (jumlah orang)", fontName=FONT_BOLD, fontSize=9))
    d.add(_bar_chart(labels, values, BLUE, x=38 * mm, y=4 * mm, height=50 * mm, label_size=8))
    return d


def _target_chart(report: MouReport) -> Drawing:
    d = Drawing(WIDTH, 58 * mm)
    d.add(String(0, 54 * mm, "Capaian dibanding target periode", fontName=FONT_BOLD, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 18 * mm, 10 * mm, WIDTH - 60 * mm, 40 * mm
    chart.data = [[t.period_target for t in report.targets], [t.actual for t in report.targets]]
    chart.categoryAxis.categoryNames = [t.label for t in report.targets]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    _scale(chart.valueAxis, max([v for s in chart.data for v in s] + [1]))
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: format_number(int(v))
    chart.bars[0].fillColor = GREY
    chart.bars[1].fillColor = BLUE
    chart.bars.strokeColor = None
    chart.barLabelFormat = lambda v: format_number(int(v))
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 5
    d.add(chart)
    x = WIDTH - 38 * mm
    for i, (color, text) in enumerate(((GREY, "Target periode"), (BLUE, "Capaian"))):
        from reportlab.graphics.shapes import Rect

        y = 42 * mm - i * 6 * mm
        d.add(Rect(x, y, 4 * mm, 3 * mm, fillColor=color, strokeColor=None))
        d.add(String(x + 6 * mm, y + 0.5 * mm, text, fontName=FONT, fontSize=7.5))
    return d


def _breakdown_chart(b: Breakdown, measure: str, title: str) -> Drawing:
    rows = b.rows
    d = Drawing(WIDTH, 14 * mm + 5.2 * mm * max(len(rows), 1))
    height = 5.2 * mm * max(len(rows), 1)
    d.add(String(0, height + 9 * mm, title, fontName=FONT_BOLD, fontSize=9))
    values = [r.counts.get(measure, 0) for r in rows] or [0]
    d.add(_bar_chart([r.label for r in rows] or [""], values, ORANGE, x=45 * mm, y=6 * mm, height=height,
                     label_size=7.5))
    return d


def _breakdown_table(b: Breakdown) -> Table:
    header = [b.title, *(MEASURE_NAMES[m][0].replace(" ", "\n", 1) for m in b.measures)]
    label_w = 34 * mm if len(b.measures) > 4 else 70 * mm
    col_w = (WIDTH - label_w) / len(b.measures)
    rows = [[r.label, *(_n(r.counts.get(m, 0)) for m in b.measures)] for r in b.rows]
    rows.append(["Jumlah", *(_n(b.total(m)) for m in b.measures)])
    return _numeric_table(header, rows, [label_w] + [col_w] * len(b.measures), total=True, head_size=7)


def _training_table(report: MouReport) -> Table:
    header = ["Bahasa", "Mulai\npelatihan", "Lulus", "Tidak\nlulus", "Keluar", "Tingkat\npenyelesaian",
              "Tanda\npresensi", "Tingkat\nkehadiran"]

    def row(t: TrainingRow):
        return [t.language, _n(t.entered), _n(t.graduated), _n(t.failed), _n(t.dropped), _pct(t.completion_rate),
                _n(t.marks), _pct(t.attendance_rate)]

    rows = [row(t) for t in report.training] + [row(report.training_total)]
    return _numeric_table(header, rows, [28 * mm] + [(WIDTH - 28 * mm) / 7] * 7, total=True, head_size=7)


def story(report: MouReport) -> list:
    st = styles()
    period = f"Periode {format_date(report.date_from)} – {format_date(report.date_to)} ({_n(report.days)} hari)"
    out: list = [
        Paragraph("LAPORAN KEMAJUAN PELAKSANAAN NOTA KESEPAHAMAN (MoU)", st["title"]),
        Paragraph("Penempatan Pekerja Migran Indonesia asal Kota Serang", st["subtitle"].clone("s1", spaceAfter=1)),
        Paragraph(_esc(period), st["subtitle"]),
        _heading("1. Capaian terhadap target"), _target_table(report), Spacer(1, 3 * mm), _target_chart(report),
        _heading("2. Ringkasan tahapan"), _totals_table(report), Spacer(1, 3 * mm), _funnel_chart(report),
    ]
    n = 3
    for b in report.breakdowns:
        block = [_heading(f"{n}. Menurut {b.title.lower()}"), _breakdown_table(b)]
        if b.name in ("kecamatan", "age_group", "education"):
            block += [Spacer(1, 3 * mm), _breakdown_chart(b, "registered", f"Terdaftar menurut {b.title.lower()}")]
        elif b.name == "country" and b.rows:
            block += [Spacer(1, 3 * mm), _breakdown_chart(b, "proposed", "Diusulkan menurut negara tujuan")]
        elif not b.rows:
            block = [_heading(f"{n}. Menurut {b.title.lower()}"),
                     Paragraph("Belum ada penempatan dalam periode ini.", st["base"])]
        out += [CondPageBreak(60 * mm), KeepTogether(block)]
        n += 1
    out += [CondPageBreak(50 * mm), _heading(f"{n}. Pelatihan bahasa: penyelesaian dan kehadiran")]
    if report.training:
        out.append(_training_table(report))
    else:
        out.append(Paragraph("Belum ada pelatihan dalam periode ini.", st["base"]))
    out += [KeepTogether([_heading("Keterangan"),
                          *(Paragraph("• " + _esc(t), st["small"].clone("def", spaceAfter=1.5 * mm))
                            for t in report.definitions)])]
    return out


def mou_pdf(out, report: MouReport, *, head: Letterhead | None = None) -> None:
    """Write the report to ``out`` (a path or a binary file object)."""
    head = head or Letterhead(report.office_name or AGENCY_LONG, report.office_address)
    build(out, story(report), title="Laporan kemajuan MoU", head=head,
          printed=report.generated_at, note="Laporan MoU")
