"""PDF pages drawn as pixels (pypdfium2, no Qt): scan thumbnails, the print preview, printing.

- ``page_count(path)`` and ``page_sizes(path)`` (points, 1/72 inch) read the page tree;
- ``render_page(path, index, width_px=… | dpi=…)`` draws one page into a ``RenderedPage`` of
  BGRA bytes (white background, opaque: ``QImage.Format_ARGB32`` on a little-endian machine);
- ``thumbnail(path, box_px, sha256=…)`` draws the first page to fit a square box and keeps it under
  ``<data dir>/cache/thumbnails/<sha[:2]>/<sha>-<box>.png``: a scan is stored under its SHA-256 and
  never changes, so a thumbnail once drawn is read back instead of drawn again.

A damaged file, a file that is not a PDF, or one protected by a password is a ``UserError``
(``pdf_damaged``, ``pdf_password``, ``pdf_unreadable``) with a message for a person; a page outside
the document is ``pdf_no_page``.

PDFium is not thread-safe: every call into it holds one module lock, so the views may draw pages on
a worker thread while another thread prints.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import UserError

log = logging.getLogger("app.render")

_LOCK = threading.RLock()
# Largest bitmap drawn at once (pixels on the long side): a page asked for at 1200 dpi is drawn
# at most this big and the printer scales it (an A4 page at 300 dpi is 3508 pixels high).
MAX_SIDE_PX = 4000

Source = str | os.PathLike | bytes


@dataclass(frozen=True)
class RenderedPage:
    """One drawn page: ``height`` rows of ``stride`` bytes, 4 bytes a pixel in B, G, R, A order."""

    width: int
    height: int
    stride: int
    bgra_bytes: bytes

    def pixel(self, x: int, y: int) -> tuple[int, int, int, int]:
        """(B, G, R, A) of one pixel."""
        at = y * self.stride + x * 4
        b, g, r, a = self.bgra_bytes[at:at + 4]
        return b, g, r, a


def _name(source: Source) -> str:
    return "(data)" if isinstance(source, (bytes, bytearray)) else Path(source).name


def _open(source: Source, name: str | None = None):
    """A PdfDocument (the caller holds the lock and closes it); ``name`` is the file's name in
    messages (a stored scan's file is named by its hash)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    name = name or _name(source)
    if not isinstance(source, (bytes, bytearray)):
        path = Path(source)
        try:
            if not path.is_file():
                raise FileNotFoundError(2, "tidak ada berkas" if not path.exists() else "bukan berkas")
            with open(path, "rb"):
                pass
        except OSError as exc:
            raise UserError("pdf_unreadable", name=name, detail=exc.strerror or str(exc)) from None
        source = str(path)
    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise UserError("pdf_password", name=name) from None
        if code == pdfium_c.FPDF_ERR_FILE:
            raise UserError("pdf_unreadable", name=name, detail=str(exc)) from None
        raise UserError("pdf_damaged", name=name) from None


def page_count(path: Source) -> int:
    """Number of pages; ``UserError`` for a damaged or locked file."""
    with _LOCK:
        doc = _open(path)
        try:
            return len(doc)
        finally:
            doc.close()


def page_sizes(path: Source) -> list[tuple[float, float]]:
    """(width, height) of each page in points (1/72 inch), as shown (rotation applied)."""
    with _LOCK:
        doc = _open(path)
        try:
            sizes = []
            for i in range(len(doc)):
                w, h = doc.get_page_size(i)
                sizes.append((float(w), float(h)))
            return sizes
        finally:
            doc.close()


def _scale(width_pt: float, height_pt: float, width_px: int | None, dpi: float | None,
           box_px: int | None = None) -> float:
    if box_px is not None:
        scale = min(box_px / width_pt, box_px / height_pt)
    elif width_px is not None:
        if width_px < 1:
            raise ValueError("width_px must be positive")
        scale = width_px / width_pt
    elif dpi is not None:
        if dpi <= 0:
            raise ValueError("dpi must be positive")
        scale = dpi / 72.0
    else:
        scale = 1.0
    longest = max(width_pt, height_pt) * scale
    if longest > MAX_SIDE_PX:
        scale *= (MAX_SIDE_PX - 0.5) / longest  # pdfium rounds the size up
    return scale


def _draw(doc, index: int, name: str, *, width_px=None, dpi=None, box_px=None) -> RenderedPage:
    import pypdfium2.raw as pdfium_c

    if not 0 <= index < len(doc):
        raise UserError("pdf_no_page", name=name, page=index + 1)
    page = doc[index]
    try:
        w, h = page.get_size()
        if w <= 0 or h <= 0:
            raise UserError("pdf_damaged", name=name)
        bitmap = page.render(scale=_scale(w, h, width_px, dpi, box_px), fill_color=(255, 255, 255, 255),
                             force_bitmap_format=pdfium_c.FPDFBitmap_BGRA, may_draw_forms=False)
        try:
            data = bytes(bitmap.buffer)
            return RenderedPage(bitmap.width, bitmap.height, bitmap.stride, data)
        finally:
            bitmap.close()
    finally:
        page.close()


def render_page(path: Source, index: int, *, width_px: int | None = None, dpi: float | None = None) -> RenderedPage:
    """Draw page ``index`` (0-based) ``width_px`` pixels wide, or at ``dpi`` (default 72 dpi);
    at most ``MAX_SIDE_PX`` on the long side."""
    if width_px is not None and dpi is not None:
        raise ValueError("give width_px or dpi, not both")
    with _LOCK:
        doc = _open(path)
        try:
            return _draw(doc, index, _name(path), width_px=width_px, dpi=dpi)
        finally:
            doc.close()


# --- thumbnails of scans -----------------------------------------------------------------------------

def thumbnails_dir() -> Path:
    from app import paths

    return paths.data_dir() / "cache" / "thumbnails"


def thumbnail_path(sha256: str, box_px: int) -> Path:
    return thumbnails_dir() / sha256[:2] / f"{sha256}-{box_px}.png"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _to_png(page: RenderedPage, target: Path) -> None:
    from PIL import Image

    image = Image.frombuffer("RGBA", (page.width, page.height), page.bgra_bytes, "raw", "BGRA", page.stride, 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        image.convert("RGB").save(partial, "PNG", optimize=False)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _from_png(source: Path) -> RenderedPage | None:
    from PIL import Image

    try:
        with Image.open(source) as image:
            image = image.convert("RGBA")
            data = image.tobytes("raw", "BGRA")
            return RenderedPage(image.width, image.height, image.width * 4, data)
    except (OSError, ValueError, SyntaxError):  # a half-written or damaged cache file: draw again
        return None


def thumbnail(path: str | os.PathLike, box_px: int, *, sha256: str | None = None,
              name: str | None = None) -> RenderedPage:
    """The first page drawn to fit a ``box_px`` square, from the cache when drawn before.
    ``sha256`` is the file's hash when known (a stored scan's name); otherwise it is computed.
    ``name`` names the file in messages (default: the path's name)."""
    path = Path(path)
    name = name or path.name
    try:
        key = sha256 or _sha256(path)
    except OSError as exc:
        raise UserError("pdf_unreadable", name=name, detail=exc.strerror or str(exc)) from None
    cached = thumbnail_path(key, box_px)
    if cached.is_file():
        page = _from_png(cached)
        if page is not None:
            return page
    with _LOCK:
        doc = _open(path, name)
        try:
            page = _draw(doc, 0, name, box_px=box_px)
        finally:
            doc.close()
    try:
        _to_png(page, cached)
    except OSError as exc:  # a full or read-only disk: the thumbnail is drawn again next time
        log.info("thumbnail not cached (%s): %s", cached, exc)
    return page
