"""Printables of language training (A4, Indonesian): the attendance sheet to sign for one meeting
or one month (*daftar hadir*), the batch recap, and the completion certificate of a graduate.

The ``*_pdf`` builders take what ``app.core.training`` returns and write a PDF; ``print_pdf``
is the one entry point of the CLI and the GUI: it gets the data through the services (so the
permission and trainer-scope rules apply), logs the export of personal data, and writes the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.core import training
from app.core.formatting import format_date, format_percent
from app.reports.common import (AGENCY_LONG, CITY, FONT, FONT_BOLD, build, register_fonts, styles,
                                table_style)

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
RESULT_ID = {k: v[0] for k, v in training.RESULT_NAMES.items()}
TREND_ID = {"up": "naik", "down": "turun", "flat": "tetap"}


def _pct(value: float | None) -> str:
    return "–" if value is None else format_percent(value)


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _info_table(rows: list[tuple[str, str]], width: float) -> Table:
    st = styles()
    data = [[Paragraph(k, st["base"]), Paragraph(":", st["base"]), Paragraph(_esc(v), st["base"])] for k, v in rows]
    t = Table(data, colWidths=[38 * mm, 4 * mm, width - 42 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    return t


def _batch_rows(b: training.BatchInfo) -> list[tuple[str, str]]:
    return [("Angkatan", b.code), ("Bahasa / target", f"{b.language_name} / {b.target_level}"),
            ("Penyelenggara", f"{b.provider}, {b.venue}"),
            ("Instruktur", b.trainer_name or b.trainer_username),
            ("Periode", f"{format_date(b.start_date)} – {format_date(b.end_date)} ({b.duration_months} bulan)"),
            ("Jadwal", b.schedule_text)]


def _signature(place_day: date, role: str, name: str, width: float) -> Table:
    st = styles()
    cell = [Paragraph(f"{CITY}, {format_date(place_day)}", st["base"]), Paragraph(role, st["base"]),
            Spacer(1, 16 * mm), Paragraph(f"<u>{_esc(name)}</u>", st["bold"])]
    t = Table([["", cell]], colWidths=[width - 75 * mm, 75 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 6 * mm), t])


# --- daftar hadir: one meeting -------------------------------------------------------------------

def session_sheet_pdf(out, data: training.BatchAttendance, session: training.SessionInfo) -> None:
    """One meeting: a numbered list to sign, signatures alternating left and right (as on paper),
    the mark already recorded in the last column."""
    st = styles()
    b = data.batch
    width = 210 * mm - 30 * mm
    col = next(j for j, s in enumerate(data.sessions) if s.id == session.id)
    story = [Paragraph("DAFTAR HADIR PESERTA PELATIHAN BAHASA", st["title"]),
             Paragraph(f"Pertemuan ke-{session.number} · {DAYS_ID[session.day.weekday()]}, "
                       f"{format_date(session.day)} · pukul {session.start_time}–{session.end_time} WIB",
                       st["subtitle"]),
             _info_table(_batch_rows(b), width), Spacer(1, 4 * mm)]
    rows = [["No", "Nomor pendaftaran", "Nama peserta", "Tanda tangan", "", "Ket."]]
    n = 0
    for i, c in enumerate(data.candidates):
        if c.result != "active" and data.marks[i][col] is None:
            continue
        n += 1
        mark = data.marks[i][col] or ""
        rows.append([str(n), c.registration_number, Paragraph(_esc(c.full_name), st["cell"]),
                     f"{n}. ........................" if n % 2 else "",
                     "" if n % 2 else f"{n}. ........................", mark])
    t = Table(rows, colWidths=[9 * mm, 42 * mm, 56 * mm, 30 * mm, 30 * mm, 13 * mm], repeatRows=1)
    style = table_style()
    style.add("SPAN", (3, 0), (4, 0))
    style.add("ALIGN", (0, 0), (0, -1), "CENTER")
    style.add("ALIGN", (3, 0), (3, 0), "CENTER")
    style.add("ALIGN", (5, 0), (5, -1), "CENTER")
    style.add("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f6f6")])
    for r in range(1, len(rows)):
        style.add("TOPPADDING", (0, r), (-1, r), 5)
        style.add("BOTTOMPADDING", (0, r), (-1, r), 5)
    t.setStyle(style)
    story += [t, Spacer(1, 3 * mm),
              Paragraph("Keterangan: H = hadir, S = sakit, I = izin, A = alpa (tanpa keterangan).", st["small"]),
              _signature(session.day, "Instruktur,", b.trainer_name or b.trainer_username, width)]
    build(out, story, title=f"Daftar hadir {b.code} {session.day.isoformat()}",
          note=f"Angkatan {b.code} · pertemuan ke-{session.number}")


# --- daftar hadir: one month -------------------------------------------------------------------

def month_sheet_pdf(out, data: training.BatchAttendance, year: int, month: int) -> None:
    """One month, landscape: a column per meeting (marks recorded so far, blank to initial) and
    the month's totals."""
    st = styles()
    b = data.batch
    cols = [j for j, s in enumerate(data.sessions)
            if s.state == "scheduled" and s.day.year == year and s.day.month == month]
    if not cols:
        raise training.UserError("sheet_month_empty", month=f"{MONTHS_ID[month - 1]} {year}")
    width = 297 * mm - 30 * mm
    story = [Paragraph("DAFTAR HADIR PESERTA PELATIHAN BAHASA", st["title"]),
             Paragraph(f"Bulan {MONTHS_ID[month - 1]} {year} · {len(cols)} pertemuan", st["subtitle"]),
             _info_table(_batch_rows(b)[:4], width), Spacer(1, 3 * mm)]
    head = ["No", "Nama peserta"] + [f"{DAYS_ID[data.sessions[j].day.weekday()][:3]}\n{data.sessions[j].day:%d/%m}"
                                     for j in cols] + ["H", "S", "I", "A"]
    rows = [head]
    n = 0
    for i, c in enumerate(data.candidates):
        marks = [data.marks[i][j] for j in cols]
        if c.result != "active" and not any(marks):
            continue
        n += 1
        rows.append([str(n), Paragraph(_esc(c.full_name), st["cell"])] + [m or "" for m in marks]
                    + [str(marks.count(x)) for x in ("H", "S", "I", "A")])
    name_w = 62 * mm
    rest = width - 9 * mm - name_w - 4 * 8 * mm
    day_w = max(7 * mm, min(14 * mm, rest / len(cols)))
    t = Table(rows, colWidths=[9 * mm, name_w] + [day_w] * len(cols) + [8 * mm] * 4, repeatRows=1)
    style = table_style(font_size=7.5 if len(cols) > 16 else 8.5)
    style.add("ALIGN", (2, 0), (-1, -1), "CENTER")
    style.add("ALIGN", (0, 0), (0, -1), "CENTER")
    for r in range(1, len(rows)):
        for k, j in enumerate(cols):
            m = rows[r][2 + k]
            if m and m != "H":
                style.add("BACKGROUND", (2 + k, r), (2 + k, r), colors.HexColor(
                    {"S": "#fff1c2", "I": "#d6e6fa", "A": "#f7c9c9"}[m]))
        style.add("TOPPADDING", (0, r), (-1, r), 4)
        style.add("BOTTOMPADDING", (0, r), (-1, r), 4)
    t.setStyle(style)
    last_day = data.sessions[cols[-1]].day
    story += [t, Spacer(1, 2 * mm),
              Paragraph("Kolom kosong: diparaf peserta pada hari pertemuan. H = hadir, S = sakit, I = izin, "
                        "A = alpa.", st["small"]),
              _signature(last_day, "Instruktur,", b.trainer_name or b.trainer_username, width)]
    build(out, story, title=f"Daftar hadir {b.code} {year}-{month:02d}", orientation="landscape",
          note=f"Angkatan {b.code} · {MONTHS_ID[month - 1]} {year}")


# --- batch recap --------------------------------------------------------------------------------

def recap_pdf(out, data: training.BatchAttendance, *, today: date) -> None:
    st = styles()
    b = data.batch
    width = 297 * mm - 30 * mm
    held = [s for s in data.sessions if s.state == "scheduled" and s.day <= today]
    cancelled = [s for s in data.sessions if s.state == "cancelled"]
    counts = {k: sum(1 for c in data.candidates if c.result == k) for k in training.RESULT_NAMES}
    summary = _batch_rows(b) + [
        ("Pertemuan", f"{len(held)} terlaksana dari {sum(1 for s in data.sessions if s.state == 'scheduled')}"
                      f" terjadwal; {len(cancelled)} dibatalkan"),
        ("Kehadiran rata-rata", f"{_pct(data.rate)} (batas minimal {b.min_attendance} %; nilai kelulusan "
                                f"{b.pass_mark})" + (f"; kecenderungan {TREND_ID[data.trend]}" if data.trend else "")
                                + (f"; {data.at_risk} peserta berisiko" if data.at_risk else "")),
        ("Peserta", f"{len(data.candidates)}: " + ", ".join(f"{RESULT_ID[k].lower()} {v}" for k, v in counts.items()
                                                            if v))]
    story = [Paragraph("REKAPITULASI PELATIHAN BAHASA", st["title"]),
             Paragraph(f"Angkatan {b.code} · keadaan per {format_date(today)}", st["subtitle"]),
             _info_table(summary, width), Spacer(1, 4 * mm)]
    rows = [["No", "Nomor pendaftaran", "Nama peserta", "H", "S", "I", "A", "Hadir", "Alpa\nberuntun",
             "Nilai\nterakhir", "Ujian\nakhir", "Hasil / keterangan"]]
    for n, c in enumerate(data.candidates, start=1):
        f = c.figures
        note = RESULT_ID[c.result] + (f" – {c.result_reason}" if c.result_reason else "")
        if c.risks:
            note += " · BERISIKO"
        rows.append([str(n), c.registration_number, Paragraph(_esc(c.full_name), st["cell"]), f.present, f.sick,
                     f.excused, f.absent, _pct(f.rate), f.streak, "–" if c.latest_score is None else c.latest_score,
                     "–" if c.final_score is None else c.final_score, Paragraph(_esc(note), st["cell"])])
    t = Table(rows, colWidths=[9 * mm, 42 * mm, 58 * mm, 10 * mm, 10 * mm, 10 * mm, 10 * mm, 16 * mm, 16 * mm,
                               15 * mm, 14 * mm, width - 210 * mm], repeatRows=1)
    style = table_style()
    style.add("ALIGN", (3, 0), (10, -1), "CENTER")
    style.add("ALIGN", (0, 0), (0, -1), "CENTER")
    style.add("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f6f6")])
    for r, c in enumerate(data.candidates, start=1):
        if c.risks:
            style.add("TEXTCOLOR", (7, r), (8, r), colors.HexColor("#b71c1c"))
    t.setStyle(style)
    story += [t, Spacer(1, 2 * mm),
              Paragraph("Hadir = pertemuan dengan tanda H dibagi pertemuan yang sudah diisi presensinya. "
                        "Berisiko = di bawah batas minimal atau tidak hadir 3 pertemuan berturut-turut.", st["small"]),
              _signature(today, "Penyelia,", "....................................", width)]
    build(out, story, title=f"Rekap angkatan {b.code}", orientation="landscape", note=f"Rekap angkatan {b.code}")


# --- certificate --------------------------------------------------------------------------------

def certificate_pdf(out, data: training.BatchAttendance, candidate: training.CandidateRow, *, issued: date) -> None:
    """A landscape certificate with a border; only for a graduate."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas as pdfcanvas

    if candidate.result != "graduated":
        raise training.UserError("certificate_not_graduated")
    register_fonts()
    b = data.batch
    w, h = landscape(A4)
    c = pdfcanvas.Canvas(out, pagesize=(w, h))
    c.setTitle(f"Sertifikat {b.code} {candidate.registration_number}")
    c.setAuthor(AGENCY_LONG)
    c.setStrokeColor(colors.HexColor("#1f4e79"))
    c.setLineWidth(3)
    c.rect(10 * mm, 10 * mm, w - 20 * mm, h - 20 * mm)
    c.setLineWidth(0.8)
    c.rect(13 * mm, 13 * mm, w - 26 * mm, h - 26 * mm)
    c.setFillColor(colors.black)
    c.setFont(FONT_BOLD, 12)
    c.drawCentredString(w / 2, h - 28 * mm, "PEMERINTAH KOTA SERANG")
    c.setFont(FONT_BOLD, 14)
    c.drawCentredString(w / 2, h - 35 * mm, "DINAS TENAGA KERJA DAN TRANSMIGRASI")
    c.setFillColor(colors.HexColor("#1f4e79"))
    c.setFont(FONT_BOLD, 30)
    c.drawCentredString(w / 2, h - 55 * mm, "SERTIFIKAT")
    c.setFillColor(colors.black)
    c.setFont(FONT, 10)
    number = f"Nomor: {b.code}/{candidate.registration_number.rsplit('-', 1)[-1]}/{issued.year}"
    c.drawCentredString(w / 2, h - 62 * mm, number)
    c.setFont(FONT, 12)
    c.drawCentredString(w / 2, h - 76 * mm, "diberikan kepada")
    c.setFont(FONT_BOLD, 24)
    c.drawCentredString(w / 2, h - 90 * mm, candidate.full_name)
    c.setFont(FONT, 10)
    c.drawCentredString(w / 2, h - 97 * mm, f"Nomor pendaftaran {candidate.registration_number}")
    st = styles()
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("cert", parent=st["base"], fontSize=12, leading=17, alignment=TA_CENTER)
    text = (f"yang telah menyelesaikan <b>Pelatihan {_esc(b.language_name)}</b> tingkat {_esc(b.target_level)} "
            f"di {_esc(b.provider)} dari {format_date(b.start_date)} sampai {format_date(b.end_date)}, "
            f"dengan kehadiran {_pct(candidate.figures.rate)} dan nilai ujian akhir "
            f"{candidate.final_score if candidate.final_score is not None else '–'}, dan dinyatakan <b>LULUS</b>.")
    p = Paragraph(text, body)
    pw, ph = p.wrap(w - 80 * mm, 40 * mm)
    p.drawOn(c, (w - pw) / 2, h - 107 * mm - ph)
    x = w - 112 * mm
    y = 52 * mm
    c.setFont(FONT, 10.5)
    c.drawString(x, y + 16 * mm, f"{CITY}, {format_date(issued)}")
    c.drawString(x, y + 11 * mm, "Kepala Dinas Tenaga Kerja dan Transmigrasi")
    c.drawString(x, y + 6.5 * mm, "Kota Serang,")
    c.setFont(FONT_BOLD, 10.5)
    c.drawString(x, y - 16 * mm, "(.......................................................)")
    c.setFont(FONT, 9.5)
    c.drawString(x, y - 21 * mm, "NIP. ..............................................")
    c.setFont(FONT, 9.5)
    c.drawString(28 * mm, y + 16 * mm, "Instruktur,")
    c.setFont(FONT_BOLD, 10.5)
    c.drawString(28 * mm, y - 16 * mm, b.trainer_name or b.trainer_username)
    c.setFont(FONT, 7.5)
    c.setFillColor(colors.HexColor("#555555"))
    c.drawCentredString(w / 2, 16 * mm, f"Angkatan {b.code} · {b.duration_months} bulan · "
                                        f"{sum(1 for s in data.sessions if s.state == 'scheduled')} pertemuan")
    c.showPage()
    c.save()


# --- the entry point of the CLI and the GUI --------------------------------------------------------

def _month(value: Any) -> tuple[int, int]:
    try:
        y, m = str(value).split("-")
        year, month = int(y), int(m)
        if 1 <= month <= 12:
            return year, month
    except ValueError:
        pass
    raise training.ValidationError(training.FieldError("month", "invalid_date", {"value": str(value)[:20]}))


def print_pdf(db, actor, kind: str, batch: str, out: Path, *, session_day: Any = None, month: Any = None,
              registration_number: str | None = None, today: date | None = None) -> Path:
    """Write one printable of ``batch`` (code or id) to ``out``; the export is audited.

    ``kind``: ``sheet`` (with ``session_day`` for one meeting, or ``month`` ``YYYY-MM``; default:
    this month), ``recap``, ``certificate`` (with the graduate's ``registration_number``)."""
    from app.core import audit, clock
    from app.core.validation import parse_date

    today = today or clock.today()
    batch_id = training.batch_id_by_code(db, actor, batch)
    data = training.batch_attendance(db, batch_id, actor)
    ids = [c.applicant_id for c in data.candidates]
    out = Path(out)
    if kind == "sheet" and session_day:
        day = parse_date(session_day)
        session = next((s for s in data.sessions if s.day == day and s.state == "scheduled"), None)
        if session is None:
            raise training.NotFound("session_not_found")
        session_sheet_pdf(str(out), data, session)
        what = "daftar_hadir_pertemuan"
    elif kind == "sheet":
        year, mon = _month(month) if month else (today.year, today.month)
        month_sheet_pdf(str(out), data, year, mon)
        what = "daftar_hadir_bulan"
    elif kind == "recap":
        recap_pdf(str(out), data, today=today)
        what = "rekap_angkatan"
    elif kind == "certificate":
        cand = next((c for c in data.candidates if c.registration_number == registration_number), None)
        if cand is None:
            raise training.NotFound("enrolment_not_found")
        certificate_pdf(str(out), data, cand, issued=today)
        ids = [cand.applicant_id]
        what = "sertifikat_pelatihan"
    else:
        raise training.ValidationError(training.FieldError("kind", "invalid_choice", {"value": str(kind)[:20]}))
    with db.session() as session:
        audit.record_export(session, actor, what, "applicant", ids, purpose=f"angkatan {data.batch.code}",
                            destination=str(out))
    return out
