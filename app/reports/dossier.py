"""The candidate dossier as an A4 PDF (Indonesian or English): the city's letterhead, the photo (or a
clean placeholder) and the QR code at the top, then the sections as tables — personal data,
address, education, languages, work experience, training record, document checklist, placement
history. The footer carries the print date and "Halaman 2 dari 3" / "Page 2 of 3".

A batch for a job order is ONE PDF: a cover page (order, agency, employer, country, SIP, the list
of candidates), then each dossier from a new page with its own page numbering. The batch writer
takes ``progress(done, total)`` and a cancel check; it writes to a temporary file beside the target
and renames it at the end, so a cancelled or failed batch leaves no file (partial or otherwise).

Entry points of the CLI and the GUI: ``print_dossier`` and ``print_order_dossiers`` (permission and
audit in ``app.core.dossier``). Layout only here: nothing is queried.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, Image, KeepTogether,
                                NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle)

from app.core import dossier as core
from app.core.formatting import format_date, format_number, format_percent
from app.reports.common import (AGENCY_LONG, FONT, FONT_BOLD, MARGIN, Letterhead,
                                draw_letterhead, register_fonts, styles)

log = logging.getLogger("app.reports")
PAGE = A4
WIDTH = PAGE[0] - 2 * MARGIN
LETTERHEAD = 33 * mm  # from the top edge to the first line of text on a dossier's first page
RUNNING_HEAD = 22 * mm  # on its later pages
BOTTOM = 18 * mm
PHOTO_W, PHOTO_H = 30 * mm, 40 * mm  # pas foto 3 × 4
QR_SIZE = 28 * mm
GREY = colors.HexColor("#555555")
LINE = colors.HexColor("#777777")
HEAD_BG = colors.HexColor("#e8e8e8")
LABEL_BG = colors.HexColor("#f3f3f3")
STATUS_COLOURS = {"verified": colors.HexColor("#1b5e20"), "rejected": colors.HexColor("#b71c1c"),
                  "expired": colors.HexColor("#b71c1c"), "missing": colors.HexColor("#6d4c00")}

# Every printed word of the dossier in both languages: (Indonesian, English).
TEXT = {
    "title": ("DOSIR CALON PEKERJA MIGRAN INDONESIA", "CANDIDATE DOSSIER"),
    "subtitle": ("Berkas calon untuk penempatan ke luar negeri", "Prospective Indonesian migrant worker"),
    "cover_title": ("DOSIR CALON UNTUK LOWONGAN", "CANDIDATE DOSSIERS FOR JOB ORDER"),
    "registration_number": ("Nomor pendaftaran", "Registration number"),
    "registered_on": ("Tanggal pendaftaran", "Registered on"),
    "status": ("Status", "Status"),
    "verification": ("Kode verifikasi", "Verification code"),
    "photo": ("Pas foto\n3 × 4", "Photo\n3 × 4"),
    "s_personal": ("1. Data pribadi", "1. Personal data"),
    "s_address": ("2. Alamat", "2. Address"),
    "s_education": ("3. Pendidikan dan keterampilan", "3. Education and skills"),
    "s_languages": ("4. Kemampuan bahasa", "4. Language skills"),
    "s_experience": ("5. Pengalaman kerja", "5. Work experience"),
    "s_training": ("6. Pelatihan bahasa", "6. Language training"),
    "s_documents": ("7. Dokumen", "7. Documents"),
    "s_placements": ("8. Riwayat penempatan", "8. Placement history"),
    "full_name": ("Nama lengkap", "Full name"),
    "nik": ("NIK", "NIK"),
    "kk": ("Nomor KK", "KK number"),
    "sex": ("Jenis kelamin", "Sex"),
    "birth": ("Tempat, tanggal lahir", "Place and date of birth"),
    "age": ("Umur", "Age"),
    "years": ("tahun", "years"),
    "religion": ("Agama", "Religion"),
    "marital": ("Status perkawinan", "Marital status"),
    "body": ("Tinggi / berat badan", "Height / weight"),
    "phone": ("Telepon", "Phone"),
    "email": ("Email", "E-mail"),
    "countries": ("Negara tujuan yang diminati", "Preferred destination countries"),
    "sectors": ("Sektor yang diminati", "Preferred sectors"),
    "funding": ("Skema pembiayaan", "Funding scheme"),
    "street": ("Alamat", "Street address"),
    "rt_rw": ("RT/RW", "RT/RW"),
    "kelurahan": ("Kelurahan", "Urban village (kelurahan)"),
    "kecamatan": ("Kecamatan", "Sub-district (kecamatan)"),
    "city": ("Kota", "City"),
    "province": ("Provinsi", "Province"),
    "education": ("Pendidikan terakhir", "Highest education"),
    "major": ("Jurusan", "Major"),
    "skills": ("Keterampilan dan sertifikat", "Skills and certificates"),
    "language": ("Bahasa", "Language"),
    "level": ("Tingkat", "Level"),
    "certificate": ("Sertifikat", "Certificate"),
    "period": ("Periode", "Period"),
    "employer": ("Pemberi kerja", "Employer"),
    "position": ("Jabatan", "Position"),
    "country": ("Negara", "Country"),
    "sector": ("Sektor", "Sector"),
    "now": ("sekarang", "present"),
    "batch": ("Angkatan", "Batch"),
    "language_level": ("Bahasa / target", "Language / target"),
    "attendance": ("Kehadiran", "Attendance"),
    "scores": ("Nilai", "Scores"),
    "result": ("Hasil", "Result"),
    "attendance_of": ("{present} dari {marked} pertemuan", "{present} of {marked} meetings"),
    "min_pass": ("min. {min} %, lulus ≥ {pass_}", "min. {min} %, pass ≥ {pass_}"),
    "document": ("Dokumen", "Document"),
    "requirement": ("Keperluan", "Requirement"),
    "valid_until": ("Berlaku sampai", "Valid until"),
    "docs_summary": ("{verified} dari {required} dokumen wajib terverifikasi ({percent}).",
                     "{verified} of {required} required documents verified ({percent})."),
    "order": ("Lowongan", "Job order"),
    "employer_position": ("Pemberi kerja / jabatan", "Employer / position"),
    "stage": ("Tahap", "Stage"),
    "since": ("Sejak", "Since"),
    "none": ("Tidak ada.", "None."),
    "no_training": ("Belum pernah mengikuti pelatihan bahasa.", "No language training yet."),
    "no_placements": ("Belum pernah diusulkan ke lowongan.", "Not yet put forward for a job order."),
    "anonymised": ("Data pribadi pendaftar ini telah dianonimkan atas permintaannya.",
                   "This applicant's personal data were anonymised at their request."),
    "privacy": (("Dokumen ini memuat data pribadi (UU No. 27 Tahun 2022). Gunakan hanya untuk penempatan "
                 "calon ini dan jangan disebarluaskan. Keaslian dapat diperiksa dengan kode QR di Disnakertrans "
                 "Kota Serang."),
                ("This document holds personal data protected by Indonesian Law No. 27 of 2022. Use it only "
                 "for the selection and placement of this candidate; do not pass it on. The office can verify it "
                 "from the QR code.")),
    "printed": ("Dicetak {date} pukul {time} WIB oleh {by}", "Printed {date} at {time} WIB by {by}"),
    "page": ("Halaman {n} dari {total}", "Page {n} of {total}"),
    "running": ("Dosir calon PMI", "Candidate dossier"),
    "cover_running": ("Daftar calon", "List of candidates"),
    "order_number": ("Nomor lowongan", "Job order number"),
    "agency": ("P3MI", "Placement agency (P3MI)"),
    "licence": ("Nomor izin P3MI", "Agency licence"),
    "sip": ("SIP (Surat Izin Perekrutan)", "Recruitment permit (SIP)"),
    "sip_valid": ("berlaku {from_} s.d. {until}", "valid {from_} to {until}"),
    "quota": ("Kuota", "Quota"),
    "contract": ("Masa kontrak", "Contract"),
    "months": ("bulan", "months"),
    "order_status": ("Status lowongan", "Order status"),
    "candidates": ("Calon ({n} orang)", "Candidates ({n})"),
    "no": ("No.", "No."),
    "name": ("Nama", "Name"),
    "score": ("Skor", "Score"),
    "no_candidates": ("Belum ada calon di daftar pendek lowongan ini.",
                      "No candidates on this job order's shortlist yet."),
    "cover_note": ("Dosir tiap calon menyusul, masing-masing mulai di halaman baru dengan nomor halamannya sendiri.",
                   "Each candidate's dossier follows, each from a new page with its own page numbers."),
}


def _t(key: str, lang: str, **params) -> str:
    text = TEXT[key][0 if lang == "id" else 1]
    return text.format(**params) if params else text


def _esc(text) -> str:
    return str(text if text is not None else "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lines(text: str | None) -> str:
    return _esc(text).replace("\n", "<br/>")


class _Styles:
    def __init__(self):
        st = styles()
        self.base = st["base"]
        self.cell = st["cell"]
        self.small = st["small"]
        self.label = st["cell"].clone("label", textColor=colors.HexColor("#333333"))
        self.head = st["cell"].clone("head", fontName=FONT_BOLD)
        self.title = st["bold"].clone("dtitle", fontSize=13, leading=16)
        self.subtitle = st["base"].clone("dsub", fontSize=9, leading=11, textColor=GREY)
        self.number = st["bold"].clone("dnumber", fontSize=15, leading=18)
        self.name = st["bold"].clone("dname", fontSize=12, leading=15)
        self.section = st["bold"].clone("dsection", fontSize=10.5, leading=13, spaceBefore=3.5 * mm,
                                        spaceAfter=1.5 * mm, textColor=colors.HexColor("#1f3b5c"))
        self.note = st["small"].clone("dnote", textColor=GREY)


_FINDER_LIKE = (True, False, True, True, True, False, True, False, False, False, False)


def qr_lost_point(m) -> int:
    """The penalty of a masked QR matrix (``m``: n × n booleans, dark = True), exactly as
    reportlab's ``QRUtil.getLostPoint`` computes it, with numpy (reportlab's loops are most of the
    time of a QR code): runs of 5 or more alike in a column or a row (3 + the run beyond 5), 2 × 2
    blocks alike (3), the finder-like run 1011101 followed by 0000 in a row (40; reportlab's
    column check compares tuples with a list and never counts, and it skips the last position of
    a row), and the dark share away from half. The same penalty, so the same mask and code."""
    import numpy as np

    n = m.shape[0]
    score = 0
    pattern = np.array(_FINDER_LIKE)
    for g in (m, m.T):  # runs down the columns of g: where a column starts, changes or ends
        bounds = np.ones((n + 1, n), dtype=bool)
        bounds[1:-1] = g[1:] != g[:-1]
        cols, pos = np.nonzero(bounds.T)  # by column, then position
        lengths = np.diff(pos)[cols[1:] == cols[:-1]]
        score += int((lengths[lengths >= 5] - 2).sum())
    if n > len(pattern):
        windows = np.lib.stride_tricks.sliding_window_view(m, len(pattern), axis=1)[:, :n - len(pattern)]
        score += 40 * int((windows == pattern).all(axis=2).sum())
    corner = m[:-1, :-1]
    score += 3 * int(((corner == m[1:, :-1]) & (corner == m[:-1, 1:]) & (corner == m[1:, 1:])).sum())
    dark = int(m.sum())
    score += 10 * (abs(100 * dark // (n * n) - 50) // 5)
    return score


def qr_modules(payload: str) -> list[list[bool]]:
    """The modules of the payload's QR code (level M), with reportlab's encoder and the mask it
    would choose (the lowest ``qr_lost_point``; the first of equals)."""
    import numpy as np
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.version = qr.calculate_version()
    best, best_mask = None, 0
    for mask in range(8):
        qr.makeImpl(True, mask)
        lost = qr_lost_point(np.array(qr.modules, dtype=bool))
        if best is None or lost < best:
            best, best_mask = lost, mask
    qr.makeImpl(False, best_mask)
    return [[bool(x) for x in row] for row in qr.modules]


class QrFlowable(Flowable):
    """A QR code drawn as one filled path from one encoding (reportlab's widget encodes twice and
    builds a shape per run of dark modules: most of a dossier's time before)."""

    def __init__(self, payload: str, size: float, border: int = 2):
        super().__init__()
        self.modules = qr_modules(payload)
        self.size, self.border = size, border
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        n = len(self.modules)
        box = self.size / (n + 2 * self.border)
        path = self.canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + self.border + 1) * box
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect((start + self.border) * box, y, (c - start) * box, box)
                else:
                    c += 1
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()


# --- page furniture --------------------------------------------------------------------------------

class _SectionStart(Flowable):
    """Zero-size mark at the start of a dossier (or the cover): names the section the pages from
    here belong to (for "Halaman n dari N" per dossier), reports progress, and lets a cancel stop
    the layout."""

    def __init__(self, key: str, running: str, tail: str, step: int | None = None, writer=None):
        super().__init__()
        self.key, self.running, self.tail, self.step, self.writer = key, running, tail, step, writer
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.canv._pmi_section = (self.key, self.running, self.tail)
        if self.writer is not None and self.step is not None:
            self.writer.reached(self.step)


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _canvas_class(lang: str, printed_line: str):
    """A canvas that keeps its pages until the end, then draws each page's footer ("Halaman n dari
    N" within its dossier) and, on a dossier's later pages, a running head."""

    class DossierCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._pmi_section = ("", "", "")

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            counts: dict[str, int] = {}
            for state in self._pages:
                key = state["_pmi_section"][0]
                counts[key] = counts.get(key, 0) + 1
            seen: dict[str, int] = {}
            for state in self._pages:
                self.__dict__.update(state)
                key, running, tail = self._pmi_section
                seen[key] = seen.get(key, 0) + 1
                self._furniture(seen[key], counts[key], running, tail)
                super().showPage()
            super().save()

        def _furniture(self, n: int, total: int, running: str, tail: str) -> None:
            width, height = PAGE
            page = _t("page", lang, n=n, total=total)
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(GREY)
            self.setStrokeColor(colors.HexColor("#999999"))
            self.setLineWidth(0.4)
            self.line(MARGIN, 13 * mm, width - MARGIN, 13 * mm)
            room = WIDTH - stringWidth(page, FONT, 7.5) - 6 * mm
            self.drawString(MARGIN, 9 * mm, _fit(f"{printed_line} · {tail}" if tail else printed_line, FONT, 7.5, room))
            self.drawRightString(width - MARGIN, 9 * mm, page)
            if n > 1 and running:
                self.setFont(FONT, 8)
                right = AGENCY_LONG
                room = WIDTH - stringWidth(right, FONT, 8) - 6 * mm
                self.drawString(MARGIN, height - 13 * mm, _fit(running, FONT, 8, room))
                self.drawRightString(width - MARGIN, height - 13 * mm, right)
                self.line(MARGIN, height - 15 * mm, width - MARGIN, height - 15 * mm)
            self.restoreState()

    return DossierCanvas


def _doc(out, title: str, office_line: str) -> BaseDocTemplate:
    doc = BaseDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=RUNNING_HEAD,
                          bottomMargin=BOTTOM, title=title, author=AGENCY_LONG, creator="PMI Desk")
    first = Frame(MARGIN, BOTTOM, WIDTH, PAGE[1] - LETTERHEAD - BOTTOM, id="first", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, BOTTOM, WIDTH, PAGE[1] - RUNNING_HEAD - BOTTOM, id="later", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[first], onPage=lambda c, d: draw_letterhead(c, d, Letterhead(office_line[:140])),
                     autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[later]),
    ])
    return doc


# --- the dossier's story ---------------------------------------------------------------------------

def _cell(value, style, width: float):
    """A table cell: plain text that fits on one line is drawn as it is (a Paragraph costs ten
    times more to lay out); anything longer, with markup or line breaks is a wrapping Paragraph,
    so nothing is ever cut off."""
    if not isinstance(value, str):
        return value
    if "<" not in value and "\n" not in value:
        plain = value.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        if stringWidth(plain, style.fontName, style.fontSize) <= width - 6.5:
            return plain
    return Paragraph(value, style)


def _grid(s: _Styles, rows: list[list], widths: list[float], *, header: bool = True,
          label_col: bool = False, extra: list | None = None) -> Table:
    """Rows of cells (escaped text with optional markup, or flowables); the first row is the
    header when ``header``; with ``label_col`` the first column holds labels."""
    cells = []
    for r, row in enumerate(rows):
        out = []
        for c, value in enumerate(row):
            style = s.head if header and r == 0 else s.label if label_col and c == 0 else s.cell
            out.append(_cell(value, style, widths[c]))
        cells.append(out)
    t = Table(cells, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    cmds = [("GRID", (0, 0), (-1, -1), 0.4, LINE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), FONT, s.cell.fontSize, s.cell.leading),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                 ("FONT", (0, 0), (-1, 0), FONT_BOLD, s.head.fontSize, s.head.leading)]
    if label_col:
        cmds += [("BACKGROUND", (0, 0), (0, -1), LABEL_BG), ("TEXTCOLOR", (0, 0), (0, -1), s.label.textColor)]
    t.setStyle(TableStyle(cmds + (extra or [])))
    return t


def _pairs(s: _Styles, items: list[tuple[str, str | None]]) -> Table:
    """Label/value rows (values wrap; empty values are left out)."""
    rows = [[_esc(label), value] for label, value in items if value]
    return _grid(s, rows, [52 * mm, WIDTH - 52 * mm], header=False, label_col=True)


def _section(s: _Styles, title: str, body) -> list:
    """A heading never alone at the foot of a page: a short section (a table of up to 8 rows, a
    line) moves to the next page whole when it does not fit; a long table starts on this page
    only when its heading, header and first rows fit."""
    items = body if isinstance(body, list) else [body]
    heading = Paragraph(_esc(title), s.section)
    first = items[0]
    if not isinstance(first, Table) or first._nrows <= 8:
        return [KeepTogether([heading, *items])]
    return [CondPageBreak(40 * mm), heading, *items]


def _photo(d: core.Dossier, s: _Styles, lang: str):
    if d.photo_path is not None:
        try:
            from reportlab.lib.utils import ImageReader

            iw, ih = ImageReader(str(d.photo_path)).getSize()
            scale = min(PHOTO_W / iw, PHOTO_H / ih)
            img = Image(str(d.photo_path), width=iw * scale, height=ih * scale)
            box = Table([[img]], colWidths=[PHOTO_W], rowHeights=[PHOTO_H])
            box.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                     ("BOX", (0, 0), (-1, -1), 0.4, LINE),
                                     *[(k, (0, 0), (-1, -1), 0) for k in ("LEFTPADDING", "RIGHTPADDING",
                                                                          "TOPPADDING", "BOTTOMPADDING")]]))
            return box
        except (OSError, ValueError) as exc:  # a damaged file: the placeholder, not a failed print
            log.warning("photo %s of %s not printable: %s", d.photo_path.name, d.registration_number, exc)
    ph = s.small.clone("ph", alignment=1, textColor=colors.HexColor("#888888"))
    box = Table([[Paragraph(_lines(_t("photo", lang)), ph)]], colWidths=[PHOTO_W], rowHeights=[PHOTO_H])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#999999")),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f7f7f7")),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return box


def _top(d: core.Dossier, s: _Styles) -> Table:
    lang = d.lang
    info = [Paragraph(_esc(_t("title", lang)), s.title), Paragraph(_esc(_t("subtitle", lang)), s.subtitle),
            Spacer(1, 2.5 * mm),
            Paragraph(_esc(_t("registration_number", lang)), s.note), Paragraph(_esc(d.registration_number), s.number),
            Spacer(1, 1 * mm), Paragraph(_esc(d.full_name), s.name), Spacer(1, 1 * mm),
            Paragraph(f"{_esc(_t('status', lang))}: {_esc(d.status)} · {_esc(_t('registered_on', lang))}: "
                      f"{format_date(d.registered_on, lang)}", s.cell)]
    qr = [QrFlowable(d.qr_payload, QR_SIZE), Paragraph(f"{_esc(_t('verification', lang))}<br/>{d.verification_hash}",
                                                       s.small.clone("qrc", alignment=1))]
    left = WIDTH - QR_SIZE - PHOTO_W - 8 * mm
    t = Table([[info, qr, _photo(d, s, lang)]], colWidths=[left, QR_SIZE + 4 * mm, PHOTO_W + 4 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (-1, 0), "RIGHT")]))
    return t


def _date(value, lang: str) -> str:
    return format_date(value, lang, short=True) if value else ""


def story(d: core.Dossier, s: _Styles | None = None) -> list:
    s = s or _Styles()
    lang = d.lang
    out: list = [_top(d, s)]
    if d.anonymised:
        out += [Spacer(1, 2 * mm), Paragraph(_esc(_t("anonymised", lang)), s.note)]

    body = ""
    if d.height_cm or d.weight_kg:
        body = " / ".join(x for x in (f"{d.height_cm} cm" if d.height_cm else "",
                                      f"{d.weight_kg} kg" if d.weight_kg else "") if x)
    personal = [
        (_t("full_name", lang), _esc(d.full_name)),
        (_t("nik", lang), _esc(d.nik)), (_t("kk", lang), _esc(d.kk_number)),
        (_t("sex", lang), _esc(d.sex)),
        (_t("birth", lang), f"{_esc(d.birth_place)}, {format_date(d.birth_date, lang)}"),
        (_t("age", lang), f"{d.age} {_t('years', lang)}"),
        (_t("religion", lang), _esc(d.religion)), (_t("marital", lang), _esc(d.marital_status)),
        (_t("body", lang), body), (_t("phone", lang), _esc(d.phone)), (_t("email", lang), _esc(d.email)),
        (_t("countries", lang), _esc(", ".join(d.preferred_countries))),
        (_t("sectors", lang), _esc(", ".join(d.preferred_sectors))),
        (_t("funding", lang), _esc(d.funding_scheme)),
    ]
    out += _section(s, _t("s_personal", lang), _pairs(s, personal))

    a = d.address
    rt_rw = "/".join(x for x in (a.rt or "", a.rw or "")) if (a.rt or a.rw) else None
    out += _section(s, _t("s_address", lang), _pairs(s, [
        (_t("street", lang), _lines(a.street)), (_t("rt_rw", lang), _esc(rt_rw)),
        (_t("kelurahan", lang), _esc(a.kelurahan)), (_t("kecamatan", lang), _esc(a.kecamatan)),
        (_t("city", lang), _esc(a.city)), (_t("province", lang), "Banten")]))

    out += _section(s, _t("s_education", lang), _pairs(s, [
        (_t("education", lang), f"{_esc(d.education_name)} ({_esc(d.education_level)})"),
        (_t("major", lang), _esc(d.education_major)), (_t("skills", lang), _lines(d.skills))]))

    if d.languages:
        rows = [[_esc(_t(k, lang)) for k in ("language", "level", "certificate")]]
        rows += [[_esc(x.language), _esc(x.level),
                  _esc(x.certificate or "–")] for x in d.languages]
        body_ = _grid(s, rows, [55 * mm, 45 * mm, WIDTH - 100 * mm])
    else:
        body_ = Paragraph(_esc(_t("none", lang)), s.cell)
    out += _section(s, _t("s_languages", lang), body_)

    if d.experience:
        rows = [[_esc(_t(k, lang)) for k in ("period", "employer", "position", "country", "sector")]]
        for x in d.experience:
            period = f"{_date(x.start_date, lang)} – {_date(x.end_date, lang) or _t('now', lang)}"
            position = _esc(x.position) + (f"<br/><font size=7.5 color='#555555'>{_lines(x.description)}</font>"
                                           if x.description else "")
            rows.append([period, _esc(x.employer), position,
                         _esc(x.country), _esc(x.sector or "–")])
        body_ = _grid(s, rows, [38 * mm, 42 * mm, 50 * mm, 24 * mm, WIDTH - 154 * mm])
    else:
        body_ = Paragraph(_esc(_t("none", lang)), s.cell)
    out += _section(s, _t("s_experience", lang), body_)

    if d.training:
        rows = [[_esc(_t(k, lang))
                 for k in ("batch", "language_level", "period", "attendance", "scores", "result")]]
        for x in d.training:
            rate = x.attendance_rate
            att = (f"<b>{format_percent(rate, lang)}</b><br/>" if rate is not None else "–<br/>") + _esc(
                _t("attendance_of", lang, present=x.present, marked=x.marked))
            scores = "<br/>".join(f"{_esc(sc.kind)} ({_date(sc.test_date, lang)}): <b>{sc.score}</b>"
                                  for sc in x.scores) or "–"
            rows.append([
                f"{_esc(x.batch_code)}<br/><font size=7.5 color='#555555'>{_esc(x.provider)}</font>",
                f"{_esc(x.language)}<br/>{_esc(x.target_level)}",
                f"{_date(x.start_date, lang)} –<br/>{_date(x.end_date, lang)}",
                att, scores,
                (f"{_esc(x.result)}<br/><font size=7 color='#555555'>"
                 f"{_esc(_t('min_pass', lang, min=x.min_attendance, pass_=x.pass_mark))}</font>")])
        body_ = _grid(s, rows, [26 * mm, 27 * mm, 22 * mm, 25 * mm, 52 * mm, WIDTH - 152 * mm])
    else:
        body_ = Paragraph(_esc(_t("no_training", lang)), s.cell)
    out += _section(s, _t("s_training", lang), body_)

    if d.documents:
        rows = [[_esc(_t(k, lang)) for k in ("document", "requirement", "status", "valid_until")]]
        colours = []
        for r, x in enumerate(d.documents, 1):
            colour = STATUS_COLOURS.get(x.status_code)
            if colour is not None:
                colours.append(("TEXTCOLOR", (2, r), (2, r), colour))
            rows.append([_esc(x.name), _esc(x.requirement), _esc(x.status), _date(x.expires_on, lang) or "–"])
        body_ = [_grid(s, rows, [86 * mm, 30 * mm, 34 * mm, WIDTH - 150 * mm], extra=colours), Spacer(1, 1 * mm),
                 Paragraph(_esc(_t("docs_summary", lang, verified=d.documents_verified, required=d.documents_required,
                                   percent=format_percent(d.documents_percent, lang))), s.note)]
    else:
        body_ = Paragraph(_esc(_t("none", lang)), s.cell)
    out += _section(s, _t("s_documents", lang), body_)

    if d.placements:
        rows = [[_esc(_t(k, lang))
                 for k in ("order", "employer_position", "country", "stage", "since")]]
        rows += [[_esc(x.order_number),
                  f"{_esc(x.employer)}<br/>{_esc(x.position)}", _esc(x.country),
                  _esc(x.stage), _date(x.since, lang) or "–"]
                 for x in d.placements]
        body_ = _grid(s, rows, [30 * mm, 74 * mm, 28 * mm, 28 * mm, WIDTH - 160 * mm])
    else:
        body_ = Paragraph(_esc(_t("no_placements", lang)), s.cell)
    out += _section(s, _t("s_placements", lang), body_)
    out += [Spacer(1, 4 * mm), KeepTogether([Paragraph(_esc(_t("privacy", lang)), s.note)])]
    return out


def cover_story(c: core.OrderCover, s: _Styles | None = None) -> list:
    s = s or _Styles()
    lang = c.lang
    sip = _esc(c.sip_number or "–")
    if c.sip_valid_from or c.sip_valid_until:
        sip += " (" + _esc(_t("sip_valid", lang, from_=_date(c.sip_valid_from, lang) or "…",
                                until=_date(c.sip_valid_until, lang) or "…")) + ")"
    out: list = [Paragraph(_esc(_t("cover_title", lang)), s.title.clone("ct", alignment=1)),
                 Paragraph(_esc(c.order_number), s.number.clone("cn", alignment=1)), Spacer(1, 4 * mm),
                 _pairs(s, [(_t("order_number", lang), _esc(c.order_number)),
                            (_t("employer", lang), _esc(c.employer)),
                            (_t("position", lang), _esc(c.position)),
                            (_t("country", lang), _esc(c.country)), (_t("sector", lang), _esc(c.sector)),
                            (_t("quota", lang), format_number(c.quota, lang)),
                            (_t("contract", lang), f"{c.contract_months} {_t('months', lang)}"),
                            (_t("agency", lang), _esc(c.agency_name)), (_t("licence", lang), _esc(c.agency_licence)),
                            (_t("sip", lang), sip), (_t("order_status", lang), _esc(c.status))])]
    out += [Paragraph(_esc(_t("candidates", lang, n=len(c.candidates))), s.section)]
    if c.candidates:
        rows = [[_esc(_t(k, lang))
                 for k in ("no", "registration_number", "name", "sex", "age", "stage", "score")]]
        for i, x in enumerate(c.candidates, 1):
            rows.append([str(i), _esc(x.registration_number),
                         _esc(x.full_name), _esc(x.sex),
                         str(x.age), _esc(x.stage),
                         format_number(x.score, lang, decimals=1) if x.score is not None else "–"])
        out += [_grid(s, rows, [10 * mm, 41 * mm, WIDTH - 133 * mm, 20 * mm, 12 * mm, 36 * mm, 14 * mm]),
                Spacer(1, 2 * mm), Paragraph(_esc(_t("cover_note", lang)), s.note)]
    else:
        out.append(Paragraph(_esc(_t("no_candidates", lang)), s.cell))
    return out


# --- writing ---------------------------------------------------------------------------------------

def _printed_line(printed_at, printed_by: str, lang: str) -> str:
    time = f"{printed_at:%H.%M}" if lang == "id" else f"{printed_at:%H:%M}"
    return _t("printed", lang, date=format_date(printed_at, lang), time=time, by=printed_by)


class _Writer:
    """Progress and cancellation while reportlab lays out the pages."""

    def __init__(self, total: int, progress=None, cancelled=None):
        self.total, self.progress, self.cancelled = total, progress, cancelled

    def reached(self, step: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise core.PrintCancelled()
        if self.progress is not None and step > 0:
            self.progress(step - 1, self.total)  # the previous dossier is laid out

    def finished(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _atomic(out: str | Path, write) -> Path:
    """Write through a temporary file beside ``out``, renamed into place at the end; on any
    failure (a cancel too) the temporary file goes and ``out`` is untouched."""
    target = Path(out).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=str(target.parent))
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def dossier_pdf(out, d: core.Dossier) -> None:
    """One dossier to ``out`` (a path or a binary file object)."""
    register_fonts()
    office_line = d.office_contact or d.office_name or AGENCY_LONG
    doc = _doc(out, f"{_t('running', d.lang)} {d.registration_number}", office_line)
    marks = [_SectionStart(d.registration_number, f"{_t('running', d.lang)} · {d.registration_number} · {d.full_name}",
                           d.registration_number)]
    doc.build(marks + story(d), canvasmaker=_canvas_class(d.lang, _printed_line(d.printed_at, d.printed_by, d.lang)))


def batch_pdf(out, batch: core.OrderBatch, *, progress=None, cancelled=None) -> None:
    """The cover and every dossier in one PDF (each dossier from a new page, numbered on its own)."""
    register_fonts()
    c = batch.cover
    lang = c.lang
    s = _Styles()
    writer = _Writer(len(batch.dossiers), progress, cancelled)
    office_line = c.office_contact or c.office_name or AGENCY_LONG
    doc = _doc(out, f"{_t('cover_title', lang)} {c.order_number}", office_line)
    items: list = [_SectionStart("cover", f"{_t('cover_running', lang)} · {c.order_number}", c.order_number, 0, writer),
                   *cover_story(c, s)]
    for i, d in enumerate(batch.dossiers, 1):
        items += [NextPageTemplate("first"), PageBreak(),
                  _SectionStart(f"{i}:{d.registration_number}",
                                f"{_t('running', lang)} · {d.registration_number} · {d.full_name}",
                                f"{c.order_number} · {d.registration_number}", i, writer),
                  *story(d, s)]
    doc.build(items, canvasmaker=_canvas_class(lang, _printed_line(c.printed_at, c.printed_by, lang)))
    writer.finished()


def print_dossier(db, actor, applicant, out: str | Path, *, lang: str = "id") -> Path:
    """Gather (permission) and write one applicant's dossier; the export is audited once the file
    is in place (a failed write records nothing). Returns the path."""
    target = Path(out).expanduser()
    data = core.dossier_data(db, actor, applicant, lang, record=False)
    path = _atomic(target, lambda tmp: dossier_pdf(tmp, data))
    core.record_printed(db, actor, data, destination=str(path))
    return path


def print_order_dossiers(db, actor, order, out: str | Path, *, lang: str = "id", progress=None,
                         cancelled=None) -> Path:
    """The batch of an order's shortlisted candidates in one PDF. Nothing is written (and nothing
    audited) when it is cancelled; the exports are recorded once the file is in place."""
    target = Path(out).expanduser()
    batch = core.order_dossiers(db, actor, order, lang, cancelled=cancelled)
    if not batch.dossiers:
        from app.core.errors import UserError

        raise UserError("dossier_no_candidates", order=batch.cover.order_number)
    path = _atomic(target, lambda tmp: batch_pdf(tmp, batch, progress=progress, cancelled=cancelled))
    core.record_printed(db, actor, batch, destination=str(path))
    return path
