"""PDF pages drawn as pixels (app/reports/render.py): real PDFs made with reportlab and pypdf, pixels
checked where a black rectangle was drawn, page counts and sizes, damaged and locked files refused
with a message for a person, and scan thumbnails cached by hash and size."""

from __future__ import annotations

import io
import threading

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from app.core.errors import UserError
from app.reports import render

MM = 72 / 25.4


def make_pdf(path, pages=3, *, boxes=None, size=A4):
    """``pages`` pages; ``boxes`` maps a page index to a black rectangle (x, y, w, h) in points from
    the bottom-left corner. Every page carries its number as text."""
    boxes = boxes or {}
    c = Canvas(str(path), pagesize=size)
    for i in range(pages):
        c.setFont("Helvetica", 12)
        c.drawString(72, size[1] - 72, f"Halaman {i + 1}")
        if i in boxes:
            c.setFillColorRGB(0, 0, 0)
            c.rect(*boxes[i], stroke=0, fill=1)
        c.showPage()
    c.save()
    return path


def dark(pixel) -> bool:
    b, g, r, a = pixel
    return a == 255 and max(b, g, r) < 60


def light(pixel) -> bool:
    b, g, r, a = pixel
    return a == 255 and min(b, g, r) > 200


def test_a_black_rectangle_is_dark_where_it_was_drawn_and_the_rest_is_white(tmp_path):
    # 100 x 50 mm, 30 mm from the left, 40 mm from the bottom, on the second of three pages
    pdf = make_pdf(tmp_path / "kotak.pdf", 3, boxes={1: (30 * MM, 40 * MM, 100 * MM, 50 * MM)})
    page = render.render_page(pdf, 1, dpi=100)
    px_per_mm = 100 / 25.4
    assert abs(page.width - 210 * px_per_mm) <= 1 and abs(page.height - 297 * px_per_mm) <= 1  # rounded up
    assert page.stride >= page.width * 4 and len(page.bgra_bytes) == page.stride * page.height

    def at(x_mm, y_mm_from_bottom):
        return page.pixel(int(x_mm * px_per_mm), int(page.height - y_mm_from_bottom * px_per_mm))

    assert dark(at(80, 65))  # the middle of the rectangle
    assert dark(at(31, 41)) and dark(at(129, 89))  # just inside its corners
    assert light(at(28, 65)) and light(at(132, 65)) and light(at(80, 38)) and light(at(80, 92))
    assert light(at(5, 5)) and light(at(200, 290))
    # the first page has no rectangle there
    first = render.render_page(pdf, 0, dpi=100)
    assert light(first.pixel(int(80 * px_per_mm), int(first.height - 65 * px_per_mm)))


def test_width_in_pixels_keeps_the_aspect_and_a_landscape_page_is_wide(tmp_path):
    pdf = make_pdf(tmp_path / "lanskap.pdf", 1, size=landscape(A4), boxes={0: (0, 0, 100, 100)})
    page = render.render_page(pdf, 0, width_px=600)
    assert page.width == 600 and abs(page.height - 600 * 210 / 297) <= 1
    assert dark(page.pixel(5, page.height - 5)) and light(page.pixel(page.width - 5, 5))
    assert render.page_sizes(pdf) == [pytest.approx((297 * MM, 210 * MM), abs=0.5)]
    default = render.render_page(pdf, 0)  # 72 dpi: one pixel a point
    assert default.width == 842 and default.height in (595, 596)


def test_a_huge_request_is_capped(tmp_path):
    pdf = make_pdf(tmp_path / "a4.pdf", 1)
    page = render.render_page(pdf, 0, dpi=1200)
    assert max(page.width, page.height) <= render.MAX_SIDE_PX


def test_page_count_and_sizes(tmp_path):
    assert render.page_count(make_pdf(tmp_path / "tujuh.pdf", 7)) == 7
    assert render.page_count(make_pdf(tmp_path / "satu.pdf", 1)) == 1
    # PDF bytes in memory too (the self-test draws a PDF it made)
    assert render.page_count((tmp_path / "tujuh.pdf").read_bytes()) == 7
    assert len(render.page_sizes(tmp_path / "tujuh.pdf")) == 7


def test_a_page_outside_the_document_is_refused(tmp_path):
    pdf = make_pdf(tmp_path / "dua.pdf", 2)
    with pytest.raises(UserError) as err:
        render.render_page(pdf, 2, dpi=50)
    assert err.value.code == "pdf_no_page" and "halaman 3" in err.value.message
    with pytest.raises(UserError):
        render.render_page(pdf, -1, dpi=50)
    with pytest.raises(ValueError):
        render.render_page(pdf, 0, dpi=50, width_px=100)


@pytest.mark.parametrize("content", [
    b"bukan PDF sama sekali",
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
])
def test_damaged_or_foreign_files_get_a_clear_message(tmp_path, content):
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(content)
    for call in (lambda: render.page_count(bad), lambda: render.render_page(bad, 0, dpi=50),
                 lambda: render.thumbnail(bad, 96)):
        with pytest.raises(UserError) as err:
            call()
        assert err.value.code == "pdf_damaged"
        assert "rusak.pdf" in err.value.message and "rusak" in err.value.message
        assert "damaged" in err.value.message_en


def test_a_truncated_pdf_is_damaged(tmp_path):
    data = make_pdf(tmp_path / "utuh.pdf", 2).read_bytes()
    cut = tmp_path / "terpotong.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError) as err:
        render.page_count(cut)
    assert err.value.code == "pdf_damaged"


def test_a_password_protected_pdf_gets_its_own_message(tmp_path):
    plain = make_pdf(tmp_path / "biasa.pdf", 2)
    writer = PdfWriter()
    writer.append(PdfReader(str(plain)))
    writer.encrypt("rahasia")
    locked = tmp_path / "terkunci.pdf"
    with open(locked, "wb") as f:
        writer.write(f)
    with pytest.raises(UserError) as err:
        render.render_page(locked, 0, dpi=50)
    assert err.value.code == "pdf_password" and "kata sandi" in err.value.message
    assert "terkunci.pdf" in err.value.message


def test_a_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UserError) as err:
        render.page_count(tmp_path / "tidak-ada.pdf")
    assert err.value.code == "pdf_unreadable" and "tidak-ada.pdf" in err.value.message
    with pytest.raises(UserError) as err:
        render.thumbnail(tmp_path / "tidak-ada.pdf", 96)
    assert err.value.code == "pdf_unreadable"


def test_thumbnails_fit_the_box_and_are_cached_by_hash_and_size(tmp_path, _home):
    pdf = make_pdf(tmp_path / "scan.pdf", 2, boxes={0: (0, 0, 595, 421)})  # lower half of page 1 black
    sha = "ab" + "0" * 62
    thumb = render.thumbnail(pdf, 96, sha256=sha)
    assert thumb.height == 96 and abs(thumb.width - 96 * 210 / 297) <= 1
    assert dark(thumb.pixel(thumb.width // 2, 90)) and light(thumb.pixel(thumb.width // 2, 5))
    cached = render.thumbnail_path(sha, 96)
    assert cached == _home / "cache" / "thumbnails" / "ab" / f"{sha}-96.png" and cached.is_file()
    # the second time comes from the cache: even with the PDF gone
    pdf.unlink()
    again = render.thumbnail(pdf, 96, sha256=sha)
    assert (again.width, again.height) == (thumb.width, thumb.height)
    assert dark(again.pixel(again.width // 2, 90)) and light(again.pixel(again.width // 2, 5))
    # another size is another file
    make_pdf(pdf, 2, boxes={0: (0, 0, 595, 421)})
    assert render.thumbnail(pdf, 48, sha256=sha).height == 48
    assert render.thumbnail_path(sha, 48).is_file()


def test_a_damaged_cache_file_is_drawn_again(tmp_path):
    pdf = make_pdf(tmp_path / "scan.pdf", 1, boxes={0: (0, 0, 595, 842)})  # all black
    first = render.thumbnail(pdf, 64)  # no hash given: computed from the file
    import hashlib

    cached = render.thumbnail_path(hashlib.sha256(pdf.read_bytes()).hexdigest(), 64)
    assert cached.is_file()
    cached.write_bytes(b"not a png")
    again = render.thumbnail(pdf, 64)
    assert (again.width, again.height) == (first.width, first.height) and dark(again.pixel(10, 10))
    assert cached.read_bytes().startswith(b"\x89PNG")


def test_threads_draw_pages_at_once_without_harm(tmp_path):
    pdf = make_pdf(tmp_path / "banyak.pdf", 4, boxes={i: (100, 100, 200, 200) for i in range(4)})
    results, errors = [], []

    def work(i):
        try:
            results.append(render.render_page(pdf, i % 4, dpi=60))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 8
    assert all(dark(r.pixel(int(200 * 60 / 72), r.height - int(200 * 60 / 72))) for r in results)


def test_reportlab_output_of_the_app_renders(tmp_path):
    """A document PMI Desk prints (the take-home checklist layout's library) draws with text on it."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 40)
    c.drawString(72, 700, "DAFTAR PERIKSA")
    c.save()
    page = render.render_page(buf.getvalue(), 0, dpi=72)
    row = 842 - 712
    assert any(dark(page.pixel(x, row)) for x in range(72, 400))
