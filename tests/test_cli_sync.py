"""``pmi-desk sync ...``: two offices, each its own data dir, exchanging keys and packets by files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "applicant.json"


@pytest.fixture
def at(tmp_path, monkeypatch, capsys):
    """``at(office_dir, *args)`` runs ``pmi-desk ARGS`` with that office's data dir."""
    def _run(home: Path, *args: str):
        monkeypatch.setenv("PMI_DESK_HOME", str(home))
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return _run


@pytest.fixture
def offices(tmp_path, at):
    city, kec = tmp_path / "city", tmp_path / "kec"
    for home, code, kind in ((city, "SRG-0001", "city"), (kec, "KSA-0001", "kecamatan")):
        home.mkdir()
        assert at(home, "setup", "--office-code", code, "--office-name", f"Kantor {code}", "--office-kind", kind,
                  "--admin", "admin", "--admin-name", "Admin", "--admin-password", "rahasia-123")[0] == 0
    return city, kec


def test_keys_trust_export_import_ack_over_the_command_line(offices, at, tmp_path):
    city, kec = offices
    code, out, _ = at(kec, "sync", "keys", "--out", str(tmp_path / "kec.key"), "--json")
    assert code == 0
    kec_key = json.loads(out)
    assert kec_key["office"] == "KSA-0001" and len(kec_key["fingerprint"].split()) == 8
    assert at(city, "sync", "keys", "--out", str(tmp_path / "city.key"))[0] == 0
    code, out, _ = at(city, "sync", "trust", "KSA-0001", "--key", str(tmp_path / "kec.key"))
    assert code == 0 and kec_key["fingerprint"] in out
    assert at(kec, "sync", "trust", "SRG-0001", "--key", str(tmp_path / "city.key"))[0] == 0
    code, out, _ = at(kec, "sync", "keys")
    assert "Dipercaya: SRG-0001" in out

    assert at(kec, "register", "--json", str(EXAMPLE), "--confirm-warnings")[0] == 0
    packet = tmp_path / "usb" / "kec-to-city.zip"
    code, out, _ = at(kec, "sync", "export", "--to", "SRG-0001", "--out", str(packet), "--json")
    assert code == 0 and json.loads(out)["counts"]["applicant"] == 1 and packet.exists()

    code, out, _ = at(city, "sync", "import", str(packet), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["inserted"] >= 2 and result["conflicts"] == 0
    ack = Path(result["ack_path"])
    code, out, _ = at(city, "sync", "import", str(packet))
    assert code == 0 and "sudah pernah diterapkan" in out
    code, out, _ = at(city, "search", "KSA-0001", "--json")
    assert code == 0 and [r["registration_number"][:8] for r in json.loads(out)] == ["KSA-0001"]

    code, out, _ = at(kec, "sync", "ack", str(ack), "--json")
    assert code == 0 and json.loads(out)["acknowledged_rows"] >= 2
    code, out, _ = at(kec, "sync", "export", "--to", "SRG-0001", "--out", str(tmp_path / "again.zip"), "--json")
    assert json.loads(out)["rows"] == 0  # everything was acknowledged

    code, out, _ = at(city, "sync", "conflicts", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = at(city, "sync", "resolve", "99", "--keep", "mine", "--json")
    assert code == 1 and json.loads(err)["code"] == "sync_conflict_not_found"


def test_a_tampered_packet_is_refused_with_a_reason(offices, at, tmp_path):
    city, kec = offices
    at(kec, "sync", "keys", "--out", str(tmp_path / "kec.key"))
    at(city, "sync", "trust", "KSA-0001", "--key", str(tmp_path / "kec.key"))
    at(city, "sync", "keys", "--out", str(tmp_path / "city.key"))
    at(kec, "sync", "trust", "SRG-0001", "--key", str(tmp_path / "city.key"))
    at(kec, "register", "--json", str(EXAMPLE), "--confirm-warnings")
    packet = tmp_path / "p.zip"
    assert at(kec, "sync", "export", "--to", "SRG-0001", "--out", str(packet))[0] == 0
    data = bytearray(packet.read_bytes())
    data[len(data) // 2] ^= 0xFF
    packet.write_bytes(bytes(data))
    code, _, err = at(city, "sync", "import", str(packet))
    assert code == 1 and "Paket ditolak" in err and "Tidak ada data yang diubah" in err
    code, _, err = at(city, "sync", "import", str(packet), "--json")
    assert code == 1 and json.loads(err)["code"] in ("sync_bad_signature", "sync_not_a_packet")
    code, out, _ = at(city, "search", "KSA-0001", "--json")
    assert json.loads(out) == []  # nothing of the packet went in
    code, _, err = at(city, "sync", "trust", "KSB-0001", "--key", str(tmp_path / "nothing.key"))
    assert code == 1 and "nothing.key" in err
    code, _, err = at(kec, "sync", "export", "--to", "KSZ-0009", "--out", str(tmp_path / "x.zip"))
    assert code == 1 and "KSZ-0009" in err
