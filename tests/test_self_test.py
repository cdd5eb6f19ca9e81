"""``pmi-desk --self-test`` (from the source tree; tests/test_bundle.py runs it on the built bundle)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PMI_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **env}
    if "PMI_DESK_DB_URL" not in env:
        environ.pop("PMI_DESK_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)


def test_self_test_creates_and_migrates_the_database(tmp_path):
    from app.db import head_revision

    home = tmp_path / "fresh"
    done = _run(home, "--self-test")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert report["ok"] is True
    assert report["revision"] == head_revision()
    assert report["language"] == "id" and report["kelurahan"] >= 60
    assert report["qm"].endswith("pmi_desk_id.qm")
    assert (home / "pmi-desk.sqlite3").is_file()
    assert json.loads((home / "self-test.json").read_text(encoding="utf-8")) == report
    # nothing but the schema was written: the first start still asks for the office
    import sqlite3

    con = sqlite3.connect(home / "pmi-desk.sqlite3")
    try:
        assert con.execute("SELECT count(*) FROM office").fetchone()[0] == 0
        assert con.execute('SELECT count(*) FROM "user"').fetchone()[0] == 0
    finally:
        con.close()
    again = _run(home, "self-test")  # the subcommand spelling, on the existing database
    assert again.returncode == 0, again.stderr


def test_self_test_reports_a_database_it_cannot_open(tmp_path):
    home = tmp_path / "bad"
    home.mkdir()
    (home / "pmi-desk.sqlite3").write_bytes(b"this is not a database" * 100)
    done = _run(home, "--self-test")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["ok"] is False and report["failed"] == "database"
    assert "self-test failed at database" in done.stderr
    assert "Traceback" not in done.stderr
