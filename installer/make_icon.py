"""Draws the application icon with QPainter: resources/icons/pmi-desk.png (256 px) and a
multi-size pmi-desk.ico for Windows (Pillow, which reportlab brings; Qt's ICO writer keeps one size). Run by hand when the icon changes:
    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QImageWriter, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
RED, WHITE, NAVY = QColor("#c8102e"), QColor("#ffffff"), QColor("#1f3a5f")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    card = QPainterPath()
    card.addRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.fillPath(card, NAVY)
    # the red-and-white band of the flag across the top
    p.save()
    p.setClipPath(card)
    p.fillRect(QRectF(0, 0, size, 72 * s), RED)
    p.fillRect(QRectF(0, 72 * s, size, 22 * s), WHITE)
    p.restore()
    p.setPen(QPen(WHITE))
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(max(6, int(92 * s)))
    p.setFont(font)
    p.drawText(QRectF(0, 100 * s, size, 140 * s), Qt.AlignmentFlag.AlignCenter, "PMI")
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need it)
    OUT.mkdir(parents=True, exist_ok=True)
    if not draw(256).save(str(OUT / "pmi-desk.png")):
        raise SystemExit("cannot write the PNG")
    try:
        from PIL import Image
    except ImportError:  # one 256 px image: Windows scales it
        writer = QImageWriter(str(OUT / "pmi-desk.ico"), b"ico")
        if not writer.write(draw(256)):
            raise SystemExit(f"cannot write the ICO: {writer.errorString()}")
        return 0
    sizes = (256, 64, 48, 32, 24, 16)
    for size in sizes:  # drawn at each size (sharper than scaling the big one down)
        draw(size).save(str(OUT / f"_{size}.png"))
    images = [Image.open(OUT / f"_{size}.png") for size in sizes]
    images[0].save(OUT / "pmi-desk.ico", format="ICO", sizes=[(s, s) for s in sizes], append_images=images[1:])
    for size in sizes:
        (OUT / f"_{size}.png").unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
