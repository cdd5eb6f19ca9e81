"""What every printed document of the office shares: an embedded Unicode font, the letterhead,
and a footer with the page number and the print date.

Fonts: DejaVu Sans (covers Indonesian names with diacritics, the en dash, "≥"...) is embedded:
from ``resources/fonts/`` when shipped there, else from the system (Debian's ``fonts-dejavu-core``,
which ``scripts/setup.sh`` installs); reportlab's own Vera (Latin-1 only) is the last resort.
Every report uses the names ``FONT`` and ``FONT_BOLD``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app import paths

FONT = "PmiSans"
FONT_BOLD = "PmiSans-Bold"
GOVERNMENT = "PEMERINTAH KOTA SERANG"
AGENCY = "DINAS TENAGA KERJA DAN TRANSMIGRASI"
AGENCY_LONG = "Dinas Tenaga Kerja dan Transmigrasi Kota Serang"
CITY = "Serang"
MARGIN = 15 * mm

# DejaVu Sans ships in resources/fonts (Bitstream Vera licence, see LICENSE.txt there): it covers
# the Latin letters with diacritics of Indonesian and foreign names, and is embedded in every PDF,
# so a document looks the same on any PC. The system folders are only a fallback for a damaged
# installation.
_SEARCH = [
    lambda: paths.resources_dir() / "fonts",
    lambda: Path("/usr/share/fonts/truetype/dejavu"),
    lambda: Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
]


def _find(names: tuple[str, ...]) -> Path | None:
    for folder in _SEARCH:
        for name in names:
            path = folder() / name
            if path.is_file():
                return path
    return None


@lru_cache(maxsize=None)
def register_fonts() -> str:
    """Register ``FONT``/``FONT_BOLD`` once; returns the family actually used."""
    regular = _find(("DejaVuSans.ttf",))
    bold = _find(("DejaVuSans-Bold.ttf",))
    family = "DejaVu Sans"
    if regular is None or bold is None:
        import reportlab

        base = Path(reportlab.__file__).parent / "fonts"
        regular, bold, family = base / "Vera.ttf", base / "VeraBd.ttf", "Vera"
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    return family


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=12)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16,
                                alignment=TA_CENTER, spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10, leading=13, alignment=TA_CENTER,
                                   spaceAfter=4 * mm),
        "bold": ParagraphStyle("bold", parent=base, fontName=FONT_BOLD),
    }


@dataclass(frozen=True)
class Letterhead:
    office_name: str = AGENCY_LONG
    address: str = ""


def page_size(orientation: str = "portrait"):
    return landscape(A4) if orientation == "landscape" else A4


def draw_letterhead(canvas, doc, head: Letterhead) -> float:
    """Draw the office letterhead at the top of the page; returns its height (points)."""
    width, height = doc.pagesize
    top = height - 12 * mm
    canvas.saveState()
    canvas.setFont(FONT_BOLD, 12)
    canvas.drawCentredString(width / 2, top, GOVERNMENT)
    canvas.setFont(FONT_BOLD, 14)
    canvas.drawCentredString(width / 2, top - 6 * mm, AGENCY)
    canvas.setFont(FONT, 8.5)
    line = head.address or head.office_name
    canvas.drawCentredString(width / 2, top - 11 * mm, line)
    canvas.setLineWidth(1.6)
    canvas.line(MARGIN, top - 13.5 * mm, width - MARGIN, top - 13.5 * mm)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, top - 14.3 * mm, width - MARGIN, top - 14.3 * mm)
    canvas.restoreState()
    return 28 * mm


def draw_footer(canvas, doc, printed: datetime, note: str = "") -> None:
    """Page number ("Halaman 2 dari 3" needs two passes; reportlab gives the page here) and print date."""
    from app.core.formatting import format_date

    width, _height = doc.pagesize
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.drawString(MARGIN, 9 * mm, f"Dicetak {format_date(printed)} pukul {printed:%H.%M} WIB" +
                      (f" · {note}" if note else ""))
    canvas.drawRightString(width - MARGIN, 9 * mm, f"Halaman {canvas.getPageNumber()}")
    canvas.restoreState()


def build(path_or_buffer, story, *, title: str, orientation: str = "portrait", head: Letterhead | None = None,
          printed: datetime | None = None, note: str = "", letterhead_every_page: bool = True) -> None:
    """Lay out ``story`` on A4 with the letterhead (first page, or every page) and the footer."""
    from reportlab.platypus import SimpleDocTemplate

    from app.core import clock

    register_fonts()
    head = head or Letterhead()
    printed = printed or clock.now_wib()
    size = page_size(orientation)

    def first(canvas, doc):
        draw_letterhead(canvas, doc, head)
        draw_footer(canvas, doc, printed, note)

    def later(canvas, doc):
        if letterhead_every_page:
            draw_letterhead(canvas, doc, head)
        draw_footer(canvas, doc, printed, note)

    doc = SimpleDocTemplate(path_or_buffer, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=12 * mm + 28 * mm, bottomMargin=16 * mm, title=title,
                            author=AGENCY_LONG, creator="PMI Desk")
    doc.build(story, onFirstPage=first, onLaterPages=later)


def table_style(header_rows: int = 1, *, font_size: float = 8.5):
    from reportlab.platypus import TableStyle

    return TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, font_size),
        ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, font_size),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8e8e8")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ])
