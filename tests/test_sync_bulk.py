"""The fast paths of sync packets keep the packet's meaning: rows hash byte for byte as the
standard library's canonical JSON hashes them, lines read as ``json.loads`` reads them, and a
big import is one transaction that leaves the database exactly as it was when it fails."""

from __future__ import annotations

import json
import math

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import sync
from tests.sync_offices import introduce, make_office

values = st.one_of(
    st.none(), st.booleans(), st.text(), st.text(alphabet=st.characters(max_codepoint=0x3000)),
    st.integers(), st.integers(min_value=-2**70, max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e16, 1e-7, 0.1, -0.0, 1e300, 72.5, 2**63, -2**63 - 1, 2**64, "\u2028", "\x85", "\x7f",
                     "\x00\x1f\"\\/", "é\U0001F600"]))
rows = st.dictionaries(st.text(min_size=1, max_size=12), values, max_size=20)


@settings(max_examples=400, deadline=None)
@given(rows)
def test_a_row_hashes_as_the_standard_librarys_canonical_json_hashes_it(row):
    assert sync._canonical_bytes(row) == sync._canonical(row).encode()


def test_rows_that_orjson_cannot_write_as_python_does_take_the_standard_library():
    for row in ({"score": 1e16}, {"score": 1e-7}, {"n": 2**64}, {"n": -2**70}, {"x": math.nan},
                {"x": math.inf}, {"b": True, "s": "\u2028"}):
        assert sync._canonical_bytes(row) == sync._canonical(row).encode()
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate: refused as before
        sync._canonical_bytes({"s": "\ud800"})


@settings(max_examples=300, deadline=None)
@given(st.recursive(values, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                                         max_size=4), max_leaves=12))
def test_a_line_reads_as_json_loads_reads_it(value):
    line = json.dumps(value, ensure_ascii=False).encode()
    got, want = sync._json_line(line), json.loads(line.decode())
    assert json.dumps(got) == json.dumps(want)  # NaN != NaN: compare the written forms


def test_lines_json_loads_refuses_are_refused():
    for line in (b"", b"{", b'{"a":1,}', b"\xff\xfe{}", b"\xef\xbb\xbf{}", b'{"a":"\x01"}'):
        with pytest.raises(ValueError):
            sync._json_line(line)


@pytest.fixture
def pair(tmp_path, _migrated_template):
    city = make_office(tmp_path, _migrated_template, "SRG-0001", "city")
    kec = make_office(tmp_path, _migrated_template, "KSA-0001", "kecamatan")
    introduce(city, kec)
    yield city, kec
    city.db.dispose()
    kec.db.dispose()


def test_a_name_with_a_unicode_line_separator_travels(pair, tmp_path):
    city, kec = pair
    detail = kec.register(1)
    with kec.db.session() as s:  # as a script or an old version could have written it
        s.execute(sa.text("UPDATE applicant SET full_name = :n, version = version + 1 WHERE id = :i"),
                  {"n": "Siti\u2028Aminah\x85Binti", "i": detail.id.hex})
    kec.export(city, tmp_path / "p.zip")
    assert city.import_(tmp_path / "p.zip").inserted > 0
    assert city.snapshot()["applicant"] == kec.snapshot()["applicant"]
