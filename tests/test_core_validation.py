"""Field parsing shared by the services: phones, dates, text, numbers, e-mail."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.validation import (Collector, age_on, check_email, format_phone, normalize_phone,
                                 parse_date, phone_search_prefix)

SETTINGS = settings(max_examples=200, deadline=None)

# Mobile prefixes of Telkomsel, Indosat, XL, Axis, Tri and Smartfren.
MOBILE_PREFIXES = ["811", "812", "813", "821", "822", "823", "851", "852", "853", "814", "815", "816",
                   "855", "856", "857", "858", "817", "818", "819", "859", "877", "878", "831", "832",
                   "833", "838", "895", "896", "897", "898", "899", "881", "882", "883", "884", "885",
                   "886", "887", "888", "889"]


@st.composite
def mobile(draw):
    """(national significant number, how a person wrote it)."""
    nsn = draw(st.sampled_from(MOBILE_PREFIXES)) + draw(st.text("0123456789", min_size=7, max_size=8))
    lead = draw(st.sampled_from(["0", "+62", "+62 ", "62", "62-", "62 ", "(+62) ", "+62-"]))
    # cut the number into groups joined by spaces or dashes, as people write it
    parts, rest = [], nsn
    while rest:
        size = draw(st.integers(2, 5))
        parts.append(rest[:size])
        rest = rest[size:]
    seps = draw(st.lists(st.sampled_from(["", " ", "-"]), min_size=len(parts), max_size=len(parts)))
    written = lead + "".join(p + s for p, s in zip(parts, seps)).rstrip(" -")
    pad = draw(st.sampled_from(["", " ", "  "]))
    return nsn, pad + written + pad


@settings(max_examples=100, deadline=None)
@given(mobile())
def test_indonesian_mobile_any_spelling_gives_the_same_e164(case):
    nsn, written = case
    assert len(written) <= 30  # what the phone field takes
    assert normalize_phone(written) == "+62" + nsn


@pytest.mark.parametrize("written", [
    "0812-3456-7890", "081234567890", "+62 812 3456 7890", "62-812-3456-7890", "+6281234567890",
    " 0812 3456 7890 ", "(+62) 812-3456-7890",
])
def test_phone_examples(written):
    assert normalize_phone(written) == "+6281234567890"


def test_foreign_number_kept_in_e164():
    assert normalize_phone("+81 90-1234-5678") == "+819012345678"


@pytest.mark.parametrize("garbage", [
    "", "   ", "abc", "0", "08", "0812", "12345", "+", "0812-3456-7890-1234-5678-9",
    "9" * 31, "0812\x003456\x007890", "＋６２８１２３４５６７８９０" * 3, "DROP TABLE applicant; --",
    "+999 1234 5678",
])
def test_phone_garbage_is_none(garbage):
    assert normalize_phone(garbage) is None


@pytest.mark.parametrize("wrong", [None, 81234567890, 8.1e10, ["0812"], {"phone": "0812"}, b"0812"])
def test_phone_wrong_types_are_none(wrong):
    assert normalize_phone(wrong) is None


@SETTINGS
@given(st.text(max_size=40))
def test_phone_any_text_is_e164_or_none(text):
    result = normalize_phone(text)
    assert result is None or (result.startswith("+") and result[1:].isdigit())


def test_format_phone():
    assert format_phone("+6281234567890") == "+62 812-3456-7890"
    assert format_phone("not a number") == "not a number"
    assert format_phone("+819012345678").startswith("+81 ")


@pytest.mark.parametrize("typed, prefix", [
    ("0812", "+62812"), ("62812", "+62812"), ("812", "+62812"), ("0", "+62"), ("3673", None),
])
def test_phone_search_prefix(typed, prefix):
    assert phone_search_prefix(typed) == prefix


# --- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2001-03-17", date(2001, 3, 17)),
    (" 2001-03-17 ", date(2001, 3, 17)),
    ("17/03/2001", date(2001, 3, 17)),
    ("17-03-2001", date(2001, 3, 17)),
    ("17.03.2001", date(2001, 3, 17)),
    ("7/3/2001", date(2001, 3, 7)),
    ("29/02/2000", date(2000, 2, 29)),
    (date(2001, 3, 17), date(2001, 3, 17)),
    (datetime(2001, 3, 17, 23, 59, tzinfo=timezone.utc), date(2001, 3, 17)),
])
def test_parse_date_formats(text, expected):
    result = parse_date(text)
    assert result == expected
    assert type(result) is date


@pytest.mark.parametrize("bad", [
    "", "2001-3-17", "2001/03/17", "03/17/2001", "31/02/2001", "29/02/2001", "00/01/2001",
    "17/13/2001", "17/03/01", "2001-02-30", "17 Maret 2001", "tomorrow", "0000-01-01",
    None, 20010317, 2001.0317, ["2001-03-17"], {"date": "2001-03-17"}, True,
])
def test_parse_date_refuses(bad):
    assert parse_date(bad) is None


@SETTINGS
@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_date_round_trips(d):
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.day:02d}/{d.month:02d}/{d.year}") == d
    assert parse_date(f"{d.day}-{d.month}-{d.year}") == d


@SETTINGS
@given(st.text(max_size=30))
def test_parse_date_any_text_never_raises(text):
    assert parse_date(text) is None or isinstance(parse_date(text), date)


def test_age_on():
    assert age_on(date(2001, 3, 17), date(2026, 3, 16)) == 24
    assert age_on(date(2001, 3, 17), date(2026, 3, 17)) == 25
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26


# --- Collector ------------------------------------------------------------------------------

def text(value, **kw):
    c = Collector()
    kw.setdefault("max_len", 20)
    return c.text("f", value, **kw), [e.code for e in c.errors]


@pytest.mark.parametrize("value, expected", [
    ("  Siti   Nurhaliza ", "Siti Nurhaliza"),
    ("Siti\tNur\nhaliza", "Siti Nur haliza"),  # whitespace in a one-line field collapses
    ("Jose\u0301", "Jos\u00e9"),  # NFC: e + combining acute -> é
    ("\u00c5ngstr\u00f6m", "\u00c5ngstr\u00f6m"),
    ("Robert'); DROP TABLE applicant;--", "Robert'); DROP TABLE applicant;--"),
    ("Ni Luh Putu Ayu", "Ni Luh Putu Ayu"),
])
def test_text_cleans(value, expected):
    assert text(value, max_len=60) == (expected, [])


def test_text_nfc_happens_before_length_check():
    decomposed = "e\u0301" * 20  # 40 code points, 20 once composed
    assert text(decomposed) == ("\u00e9" * 20, [])
    assert text("x" * 21) == (None, ["too_long"])
    assert text("x" * 20) == ("x" * 20, [])


@pytest.mark.parametrize("bad", [
    "Siti\x00", "Siti\x07Nur", "a\x1bb", "a\x7fb", "a\x85b", "a\x9fb",  # C0, DEL, C1
    "a\u200bb", "a\u202eb", "a\u2066b", "\ufeffSiti",  # zero-width, bidi overrides, BOM
    "a\ud800b",  # a lone surrogate (JSON "\\ud800") cannot even be stored
])
def test_text_refuses_control_characters(bad):
    assert text(bad) == (None, ["control_chars"])
    assert text(bad, multiline=True) == (None, ["control_chars"])


def test_multiline_keeps_newlines_and_tabs():
    assert text("baris 1\n\tbaris 2 ", max_len=50, multiline=True) == ("baris 1\n\tbaris 2", [])


@pytest.mark.parametrize("empty", ["", "   ", None, "\n\t"])
def test_text_required_and_optional(empty):
    assert text(empty) == (None, ["required"])
    assert text(empty, required=False) == (None, [])


@pytest.mark.parametrize("wrong", [123, 1.5, True, ["Siti"], {"name": "Siti"}, b"Siti"])
def test_text_wrong_types_are_field_errors(wrong):
    assert text(wrong) == (None, ["not_text"])


@SETTINGS
@given(st.text(max_size=60))
def test_text_any_input_is_clean_or_a_field_error(value):
    result, errors = text(value, max_len=40)
    if result is None:
        assert len(errors) <= 1
    else:
        assert errors == []
        assert result == result.strip()
        assert len(result) <= 40
        result.encode("utf-8")  # storable


@pytest.mark.parametrize("value, expected, codes", [
    ("158", 158, []), (158, 158, []), (" 158 ", 158, []), ("", None, []), ("  ", None, []), (None, None, []),
    ("abc", None, ["invalid_number"]), (True, None, ["invalid_number"]), (158.5, None, ["invalid_number"]),
    ([158], None, ["invalid_number"]), ({"cm": 1}, None, ["invalid_number"]),
    ("99", None, ["out_of_range"]), (231, None, ["out_of_range"]), ("9" * 5000, None, ["invalid_number"]),
])
def test_integer(value, expected, codes):
    c = Collector()
    assert c.integer("height_cm", value, lo=100, hi=230) == expected
    assert [e.code for e in c.errors] == codes


@pytest.mark.parametrize("value, codes", [
    ("L", []), ("", ["required"]), (None, ["required"]), ("X", ["invalid_choice"]),
    (["L"], ["invalid_choice"]), ({"L": 1}, ["invalid_choice"]), (1, ["invalid_choice"]),
])
def test_choice(value, codes):
    c = Collector()
    c.choice("sex", value, {"L": "Laki-laki", "P": "Perempuan"})
    assert [e.code for e in c.errors] == codes


@pytest.mark.parametrize("value, codes", [
    ("17/03/2001", []), (None, ["required"]), ("", ["required"]), ("x", ["invalid_date"]),
    ([2001, 3, 17], ["invalid_date"]), ({"y": 2001}, ["invalid_date"]), (20010317, ["invalid_date"]),
])
def test_collector_date(value, codes):
    c = Collector()
    c.date("birth_date", value)
    assert [e.code for e in c.errors] == codes


# --- e-mail ---------------------------------------------------------------------------------

@pytest.mark.parametrize("address, normalized", [
    ("siti@example.co.id", "siti@example.co.id"),
    ("Siti.Nurhaliza@EXAMPLE.CO.ID", "Siti.Nurhaliza@example.co.id"),
    ("budi+pmi@mail.example.com", "budi+pmi@mail.example.com"),
])
def test_email_valid(address, normalized):
    assert check_email(address) == (normalized, None)


@pytest.mark.parametrize("address", [
    "siti", "siti@", "@example.com", "siti@@example.com", "siti@example", "siti @example.com",
    "siti@exa mple.com", "siti@example..com",
])
def test_email_invalid(address):
    normalized, reason = check_email(address)
    assert normalized is None
    assert reason
