"""``pmi-desk orders add|list|open|close`` and ``pmi-desk match``: JSON in and out, clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parent.parent
ORDER = json.loads((ROOT / "docs" / "examples" / "job_order.json").read_text(encoding="utf-8"))
APPLICANT = json.loads((ROOT / "docs" / "examples" / "applicant.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch):
    """The example order's SIP runs to 30/04/2027: the tests keep a fixed "today"."""
    from datetime import date

    from app.core import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 25))


@pytest.fixture
def run(capsys):
    def _run(*args: str):
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return _run


@pytest.fixture
def files(tmp_path):
    def _write(data, name) -> str:
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        return str(path)
    return _write


def test_add_an_order_and_match_both_ways(run, files):
    # the example order asks for a JFT-Basic certificate: give the example applicant one
    applicant = dict(APPLICANT, skills="JFT-Basic A2 (2025), caregiver")
    code, out, _ = run("orders", "add", "--json", files(ORDER, "order.json"))
    assert code == 0
    order = json.loads(out)
    assert order["order_number"].startswith("JO-") and (order["status"], order["zero_cost"]) == ("open", True)
    assert order["salary_min_idr"] == 180_000 * 108
    code, out, _ = run("register", "--json", files(applicant, "a.json"), "--confirm-warnings")
    assert code == 0
    number = json.loads(out)["registration_number"]
    code, out, _ = run("match", order["order_number"], "--top", "5", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["passed"] == 1 and result["candidates"][0]["registration_number"] == number
    parts = result["candidates"][0]["parts"]
    assert set(parts) == set(result["weights"]) and abs(sum(parts.values()) - result["candidates"][0]["score"]) < 0.05
    code, out, _ = run("match", "--applicant", number, "--json")
    assert code == 0
    fits = json.loads(out)
    assert [o["order_number"] for o in fits["qualifies"]] == [order["order_number"]]
    code, out, _ = run("orders", "list")
    assert code == 0 and order["order_number"] in out and "1 lowongan" in out


def test_match_reports_what_is_missing_in_text(run, files):
    run("orders", "add", "--json", files(ORDER, "order.json"))
    run("register", "--json", files(APPLICANT, "a.json"), "--confirm-warnings")
    code, out, _ = run("match", "--applicant", json.loads(run("search", "Siti", "--json")[1])[0]["registration_number"])
    assert code == 0 and "butuh sertifikat JFT-Basic" in out


def test_invalid_order_file_lists_errors(run, files):
    code, _, err = run("orders", "add", "--json", files(dict(ORDER, quota=0, country="ZZ"), "bad.json"))
    assert code == 2
    fields = {e["field"] for e in json.loads(err)["errors"]}
    assert fields == {"quota", "country"}
    code, _, err = run("orders", "add", "--json", "/nonexistent/x.json")
    assert code == 2 and "tidak dapat dibaca" in err


def test_expired_sip_refuses_matching_and_opening(run, files):
    data = dict(ORDER, status="draft", sip_valid_from="2020-01-01", sip_valid_until="2020-12-31")
    code, out, _ = run("orders", "add", "--json", files(data, "o.json"))
    number = json.loads(out)["order_number"]
    code, _, err = run("orders", "open", number)
    assert code == 1 and "SIP" in err and "31/12/2020" in err
    code, _, err = run("match", number, "--json")
    assert code == 1 and json.loads(err)["code"] == "sip_expired"


def test_match_needs_one_target(run):
    code, _, err = run("match")
    assert code == 2 and "ORDER" in err
    code, _, err = run("match", "JO-2099-0001", "--json")
    assert code == 1 and json.loads(err)["code"] == "order_not_found"
