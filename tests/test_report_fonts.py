"""The PDFs embed the DejaVu Sans that ships in resources/fonts, whatever the PC has installed."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from app import paths
from app.reports import common

NAMES = "Ṣāliḥ Nūr Çelik Müller Łukasz Nguyễn Thị Đào Šárka Ñúñez Siti Aisyah Hj. Rõõm"


def test_fonts_come_from_the_resources_folder():
    assert common.register_fonts() == "DejaVu Sans"
    for name in (common.FONT, common.FONT_BOLD):
        face = pdfmetrics.getFont(name).face
        assert face.filename.startswith(str(paths.resources_dir() / "fonts")), face.filename


def test_the_font_covers_names_with_diacritics():
    common.register_fonts()
    for name in (common.FONT, common.FONT_BOLD):
        glyphs = pdfmetrics.getFont(name).face.charToGlyph
        missing = sorted({ch for ch in NAMES if not ch.isspace() and ord(ch) not in glyphs})
        assert missing == [], f"{name} lacks {missing}"


def test_a_pdf_with_such_a_name_embeds_the_font(tmp_path):
    from pypdf import PdfReader
    from reportlab.platypus import Paragraph

    out = tmp_path / "names.pdf"
    common.build(str(out), [Paragraph(NAMES, common.styles()["base"])], title="names")
    reader = PdfReader(out)
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            desc = f.get_object().get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                fonts.add(str(f.get_object()["/BaseFont"]))
    assert any("DejaVu" in name for name in fonts), fonts
    assert "Ṣāliḥ" in reader.pages[0].extract_text()
