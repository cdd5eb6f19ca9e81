"""The import's speed measures keep its meaning: the garbage collector is paused only while a
packet is read and applied, and given back as it was found, also when the import fails."""

from __future__ import annotations

import gc

import pytest

from app.core import sync
from app.core.errors import UserError


def test_the_collector_is_paused_during_an_import_and_enabled_again(pair, tmp_path, monkeypatch):
    city, kec = pair
    kec.register(1)
    kec.export(city, tmp_path / "p.zip")
    seen = []
    real = sync._apply_packet

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(sync, "_apply_packet", spy)
    assert gc.isenabled()
    assert city.import_(tmp_path / "p.zip").inserted > 0
    assert seen == [False] and gc.isenabled()


def test_the_collector_is_enabled_again_when_the_import_fails(pair, tmp_path):
    city, kec = pair
    kec.register(1)
    kec.export(city, tmp_path / "p.zip")
    data = bytearray((tmp_path / "p.zip").read_bytes())
    data[len(data) // 2] ^= 0xFF  # a byte of the signed part: refused
    (tmp_path / "bad.zip").write_bytes(bytes(data))
    with pytest.raises(UserError):
        city.import_(tmp_path / "bad.zip")
    assert gc.isenabled()


def test_a_collector_disabled_by_someone_else_stays_disabled(pair, tmp_path):
    city, kec = pair
    kec.register(1)
    kec.export(city, tmp_path / "p.zip")
    gc.disable()
    try:
        assert city.import_(tmp_path / "p.zip").inserted > 0
        assert not gc.isenabled()
    finally:
        gc.enable()
