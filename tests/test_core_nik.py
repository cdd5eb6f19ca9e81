"""NIK rules (``PP KK CC DD MM YY SSSS``): property tests over well-formed and broken NIKs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.nik import NikError, nik_date_part, nik_errors, parse_nik
from app.core.reference import provinces

TODAY = date(2026, 11, 25)
PROVINCES = sorted(provinces())
NOT_PROVINCES = sorted(f"{n:02d}" for n in range(100) if f"{n:02d}" not in provinces())
# Two-digit years are unambiguous within the hundred years that end today.
OLDEST = date(TODAY.year - 100, TODAY.month, TODAY.day) + timedelta(days=1)

SETTINGS = settings(max_examples=200, deadline=None)

two_digits = st.integers(0, 99).map(lambda n: f"{n:02d}")
serials = st.integers(1, 9999).map(lambda n: f"{n:04d}")
sexes = st.sampled_from(["L", "P"])
birth_dates = st.dates(min_value=OLDEST, max_value=TODAY)


def build(province: str, regency: str, district: str, birth: date, sex: str, serial: str) -> str:
    return province + regency + district + nik_date_part(birth, sex) + serial


def codes(nik: str, today: date = TODAY) -> set[str]:
    return {e.code for e in nik_errors(nik, today=today)}


@SETTINGS
@given(st.sampled_from(PROVINCES), two_digits, two_digits, birth_dates, sexes, serials)
def test_well_formed_nik_parses_back(province, regency, district, birth, sex, serial):
    nik = build(province, regency, district, birth, sex, serial)
    assert nik_errors(nik, today=TODAY) == []
    info = parse_nik(nik, today=TODAY)
    assert (info.birth_date, info.sex) == (birth, sex)
    assert (info.province_code, info.regency_code, info.district_code, info.serial) == (
        province, regency, district, serial)
    assert info.nik == nik


@SETTINGS
@given(st.integers(0, 99), st.integers(1, 12), st.integers(1, 28), sexes)
def test_two_digit_year_is_latest_year_not_after_today(yy, month, day, sex):
    nik = f"3673{0:02d}{day + (40 if sex == 'P' else 0):02d}{month:02d}{yy:02d}0001"
    info = parse_nik(nik, today=TODAY)
    candidates = [date(c + yy, month, day) for c in (1900, 2000)]
    expected = max(d for d in candidates if d <= TODAY)
    assert info.birth_date == expected
    assert info.birth_date <= TODAY


@pytest.mark.parametrize("digits, expected", [
    ("251126", date(2026, 11, 25)),  # born today
    ("261126", date(1926, 11, 26)),  # tomorrow 100 years ago, not a birth in the future
    ("151226", date(1926, 12, 15)),  # later this year: last century
    ("010126", date(2026, 1, 1)),
    ("290200", date(2000, 2, 29)),  # 2000 is a leap year
    ("290224", date(2024, 2, 29)),
    ("710199", date(1999, 1, 31)),  # 31 + 40: a woman
])
def test_century_edges(digits, expected):
    assert parse_nik("367301" + digits + "0001", today=TODAY).birth_date == expected


@SETTINGS
@given(st.sampled_from(NOT_PROVINCES), two_digits, two_digits, birth_dates, sexes, serials)
def test_unknown_province_refused(province, regency, district, birth, sex, serial):
    nik = build(province, regency, district, birth, sex, serial)
    assert codes(nik) == {"nik_province"}
    with pytest.raises(NikError) as err:
        parse_nik(nik, today=TODAY)
    assert err.value.error.code == "nik_province"
    assert err.value.error.field == "nik"


def _impossible_dates():
    """(day, month, yy) digit triples that are no date for either sex in any century."""
    day = st.integers(0, 99)
    month = st.integers(0, 99)
    yy = st.integers(0, 99)

    def impossible(t):
        d, m, y = t
        d = d - 40 if d > 40 else d
        for century in (1900, 2000):
            try:
                date(century + y, m, d)
                return False
            except ValueError:
                pass
        return True

    return st.tuples(day, month, yy).filter(impossible)


@SETTINGS
@given(st.sampled_from(PROVINCES), _impossible_dates(), serials)
def test_impossible_date_refused(province, dmy, serial):
    d, m, y = dmy
    nik = f"{province}7301{d:02d}{m:02d}{y:02d}{serial}"
    assert codes(nik) == {"nik_date"}
    with pytest.raises(NikError) as err:
        parse_nik(nik, today=TODAY)
    assert err.value.error.code == "nik_date"


@pytest.mark.parametrize("ddmmyy", [
    "000190",  # day 0
    "400190",  # 40: neither a man's day nor a woman's (41-71)
    "720190",  # 72 - 40 = 32
    "320190",
    "311190",  # 31 November
    "300290",  # 30 February
    "290201",  # 29 February 2001 / 1901
    "691390",  # month 13
    "010090",  # month 0
])
def test_impossible_date_examples(ddmmyy):
    assert codes("367301" + ddmmyy + "0001") == {"nik_date"}


@SETTINGS
@given(st.sampled_from(PROVINCES), two_digits, two_digits, birth_dates, sexes)
def test_zero_serial_refused(province, regency, district, birth, sex):
    nik = build(province, regency, district, birth, sex, "0000")
    assert codes(nik) == {"nik_serial"}
    with pytest.raises(NikError) as err:
        parse_nik(nik, today=TODAY)
    assert err.value.error.code == "nik_serial"


def test_every_reason_is_listed():
    assert codes("9973010002900000") == {"nik_province", "nik_date", "nik_serial"}


@SETTINGS
@given(st.text(max_size=40).filter(lambda s: not (len(s) == 16 and s.isascii() and s.isdigit())))
def test_anything_but_16_ascii_digits_is_a_format_error(text):
    assert codes(text) == {"nik_format"}
    with pytest.raises(NikError):
        parse_nik(text, today=TODAY)


@SETTINGS
@given(st.text(alphabet="0123456789", min_size=0, max_size=30).filter(lambda s: len(s) != 16))
def test_wrong_length_refused(digits):
    assert codes(digits) == {"nik_format"}


@pytest.mark.parametrize("value", [
    "3673015703010001\n",  # a trailing newline must not slip through a "$" anchor
    " 3673015703010001",
    "3673 0157 0301 0001",
    "３６７３０１５７０３０１０００１",  # full-width digits
    "٣٦٧٣٠١٥٧٠٣٠١٠٠٠١",  # Arabic-Indic digits
    "367301570301000١",
    "367301570301000a",
    "",
    None,
    3673015703010001,
    3.673015703010001e15,
    ["3673015703010001"],
    {"nik": "3673015703010001"},
])
def test_non_digit_and_wrong_types_are_format_errors(value):
    assert codes(value) == {"nik_format"}
    with pytest.raises(NikError) as err:
        parse_nik(value, today=TODAY)
    assert err.value.error.code == "nik_format"


def test_nik_date_part_round_trip_for_women_and_men():
    assert nik_date_part(date(2001, 3, 17), "P") == "570301"
    assert nik_date_part(date(2001, 3, 17), "L") == "170301"
    assert nik_date_part(date(1999, 12, 31), "P") == "711299"


def test_default_today_is_the_real_today():
    born = date.today() - timedelta(days=365 * 30)
    nik = "3673" + "01" + nik_date_part(born, "L") + "0001"
    assert parse_nik(nik).birth_date == born


def _oracle(nik: str) -> set[str]:
    """The codes a 16-digit NIK deserves, worked out independently of the parser."""
    expected = set()
    if nik[:2] not in provinces():
        expected.add("nik_province")
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    day = day - 40 if day > 40 else day
    real = False
    for century in (1900, 2000):
        try:
            real = real or date(century + yy, month, day) <= TODAY
        except ValueError:
            pass
    if not real:
        expected.add("nik_date")
    if nik[12:] == "0000":
        expected.add("nik_serial")
    return expected


sixteen_digits = st.one_of(
    st.text("0123456789", min_size=16, max_size=16),
    # mostly-plausible ones, so the valid and single-fault cases are common too
    st.builds(lambda p, rd, d, m, y, s: p + rd + d + m + y + s,
              st.sampled_from(PROVINCES + ["00", "99", "20", "37"]), st.text("0123456789", min_size=4, max_size=4),
              st.sampled_from(["00", "01", "17", "29", "30", "31", "32", "40", "41", "69", "70", "71", "72"]),
              st.sampled_from(["00", "01", "02", "04", "12", "13"]), two_digits,
              st.sampled_from(["0000", "0001", "9999"])),
)


@SETTINGS
@given(sixteen_digits)
def test_any_16_digit_string_gets_exactly_the_codes_it_deserves(nik):
    assert codes(nik) == _oracle(nik)
    if not _oracle(nik):
        assert parse_nik(nik, today=TODAY).birth_date <= TODAY
