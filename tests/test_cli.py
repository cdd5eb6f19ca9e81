"""``pmi-desk``: register from JSON, search, show, migrate; clear errors and exit codes, never a
traceback, nothing half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app import cli
from app.core import search
from app.core.actor import SYSTEM
from app.core.actor import SYSTEM
from app.db import Database

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "applicant.json"
NUMBER_1 = f"SRG-0001-{date.today().year}-000001"


def example(**overrides) -> dict:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(overrides)
    return data


@pytest.fixture
def run(capsys):
    """Run ``pmi-desk ARGS`` in-process: (exit code, stdout, stderr)."""
    def _run(*args: str, stdin: str | None = None):
        if stdin is not None:
            import io

            old = sys.stdin
            sys.stdin = io.StringIO(stdin)
        try:
            code = cli.main(list(args))
        finally:
            if stdin is not None:
                sys.stdin = old
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return _run


@pytest.fixture
def write(tmp_path):
    def _write(data, name="applicant.json") -> str:
        path = tmp_path / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        elif isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_text(json.dumps(data), encoding="utf-8")  # escapes, so "\\ud800" survives
        return str(path)
    return _write


def applicant_count() -> int:
    from app.core.actor import Actor

    db = Database.open()
    try:
        return search.count(db, actor=Actor("test", "0000", "supervisor", "Test"))
    finally:
        db.dispose()


def errors_of(err: str) -> list[dict]:
    payload = json.loads(err)
    return payload["errors"]


# --- register --------------------------------------------------------------------------------

def test_register_the_example(run):
    code, out, err = run("register", "--json", str(EXAMPLE))
    assert code == cli.EXIT_OK, err
    result = json.loads(out)
    assert result["registration_number"] == NUMBER_1
    assert result["nik"] == "3673015703010001"
    assert result["phone"] == "+6281234567890"
    assert result["kecamatan_code"] == "36.73.01"
    assert result["consent_on"] == "2026-11-20"
    assert [x["language_code"] for x in result["languages"]] == ["ja", "en"]
    assert result["preferred_countries"] == ["JP", "KR"]
    assert applicant_count() == 1


def test_register_same_again_is_refused_with_a_pointer(run):
    assert run("register", "--json", str(EXAMPLE))[0] == 0
    code, out, err = run("register", "--json", str(EXAMPLE))
    assert code == cli.EXIT_INVALID
    assert out == ""
    [error] = errors_of(err)
    assert (error["field"], error["code"]) == ("nik", "nik_duplicate")
    assert error["params"]["registration_number"] == NUMBER_1
    assert NUMBER_1 in error["message"] and NUMBER_1 in error["message_en"]
    assert applicant_count() == 1


def test_warnings_need_confirm_warnings(run, write):
    path = write(example(sex="L", education_level="SMP"))
    code, out, err = run("register", "--json", path)
    assert code == cli.EXIT_CONFIRM
    payload = json.loads(err)
    assert sorted(w["code"] for w in payload["warnings"]) == ["education_below_sma", "nik_sex_mismatch"]
    assert payload["hint"] == "--confirm-warnings"
    assert applicant_count() == 0
    code, out, err = run("register", "--json", path, "--confirm-warnings")
    assert code == cli.EXIT_OK, err
    assert json.loads(out)["registration_number"] == NUMBER_1  # the unconfirmed try took no number
    assert applicant_count() == 1


def test_register_from_stdin(run):
    code, out, _ = run("register", "--json", "-", stdin=EXAMPLE.read_text(encoding="utf-8"))
    assert code == 0
    assert json.loads(out)["registration_number"] == NUMBER_1


@pytest.mark.parametrize("content, code", [
    ("{", "json_invalid"),
    ("", "json_invalid"),
    ("{'nik': '1'}", "json_invalid"),
    (b"\xff\xfe{\x00}\x00", "json_invalid"),  # UTF-16, not UTF-8
    (b'{"full_name": "Siti \xe9"}', "json_invalid"),  # Latin-1 byte
    ("[" * 100_000 + "]" * 100_000, "json_invalid"),  # nested too deep for the parser
    ('{"height_cm": ' + "1" * 5000 + "}", "json_invalid"),  # beyond Python's int digit limit
    ("[]", "json_invalid"),
    ('"just a string"', "json_invalid"),
    ("null", "json_invalid"),
    ("42", "json_invalid"),
])
def test_invalid_json(run, write, content, code):
    c, out, err = run("register", "--json", write(content))
    assert c == cli.EXIT_INVALID
    assert out == ""
    [error] = errors_of(err)
    assert (error["field"], error["code"]) == ("json", code)
    assert error["message"] and error["message_en"]


def test_missing_file(run, tmp_path):
    code, out, err = run("register", "--json", str(tmp_path / "nope.json"))
    assert code == cli.EXIT_INVALID
    [error] = errors_of(err)
    assert (error["field"], error["code"]) == ("json", "file_unreadable")


def test_directory_instead_of_file(run, tmp_path):
    code, _, err = run("register", "--json", str(tmp_path))
    assert code == cli.EXIT_INVALID
    assert errors_of(err)[0]["code"] == "file_unreadable"


@pytest.mark.parametrize("overrides, fields", [
    ({"nik": 3673015703010001}, {"nik"}),
    ({"full_name": ["Siti"]}, {"full_name"}),
    ({"full_name": {"first": "Siti"}}, {"full_name"}),
    ({"phone": 81234567890}, {"phone"}),
    ({"height_cm": "seratus"}, {"height_cm"}),
    ({"height_cm": 158.5}, {"height_cm"}),
    ({"birth_date": 20010317}, {"birth_date"}),
    ({"education_level": ["SMK"]}, {"education_level"}),
    ({"kelurahan_code": {"code": "36.73.01.1002"}}, {"kelurahan_code"}),
    ({"languages": {"language_code": "ja", "level": "N4"}}, {"languages"}),
    ({"languages": [["ja", "N4"]]}, {"languages[0]"}),
    ({"experience": "RS Sari Asih"}, {"experience"}),
    ({"preferred_countries": [["JP"]]}, {"preferred_countries"}),
    ({"consent": "yes"}, {"consent"}),
    ({"full_name": "Siti\u0000"}, {"full_name"}),
    ({"full_name": "\ud800"}, {"full_name"}),
    ({"full_name": "x" * 10_000}, {"full_name"}),
    ({"nama": "Siti"}, {"nama"}),
    ({"email": "bukan-email"}, {"email"}),
    ({"nik": "3673015703010000", "kk_number": "123", "phone": "1"}, {"nik", "kk_number", "phone"}),
])
def test_bad_fields_exit_2_with_field_errors(run, write, overrides, fields):
    code, out, err = run("register", "--json", write(example(**overrides)))
    assert code == cli.EXIT_INVALID
    assert out == ""
    errors = errors_of(err)
    assert {e["field"] for e in errors} == fields
    assert all(e["message"] and e["message_en"] and e["code"] for e in errors)
    assert applicant_count() == 0


def test_sql_looking_name_is_stored_verbatim(run, write):
    name = "Robert'); DROP TABLE applicant;--"
    code, out, _ = run("register", "--json", write(example(full_name=name)))
    assert code == 0
    assert json.loads(out)["full_name"] == name
    code, out, _ = run("search", "Robert", "--json")
    assert [r["full_name"] for r in json.loads(out)] == [name]


def test_register_needs_the_json_option(run):
    with pytest.raises(SystemExit) as exc:
        cli.main(["register"])
    assert exc.value.code == 2


# --- search, show, migrate -------------------------------------------------------------------

def test_search_json_finds_it(run):
    run("register", "--json", str(EXAMPLE))
    for text in ("Siti", "nurhal", "3673015703", "0812 3456", "+62812", NUMBER_1, NUMBER_1[:12]):
        code, out, err = run("search", text, "--json")
        assert code == 0, err
        rows = json.loads(out)
        assert [r["registration_number"] for r in rows] == [NUMBER_1], text
    row = rows[0]
    assert (row["full_name"], row["nik"], row["status"], row["birth_date"]) == (
        "Siti Nurhaliza", "3673015703010001", "registered", "2001-03-17")
    code, out, _ = run("search", "Tidak Ada", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_search_text_output(run):
    run("register", "--json", str(EXAMPLE))
    code, out, _ = run("search", "Siti")
    assert code == 0
    assert NUMBER_1 in out and "1 ditemukan" in out


def test_search_odd_text_is_not_an_error(run):
    run("register", "--json", str(EXAMPLE))
    for text in ('"', "*", "NEAR(", "a OR", "'; --", "\u00e9", "+", "SRG-"):
        code, out, err = run("search", text, "--json")
        assert code == 0, (text, err)
        assert isinstance(json.loads(out), list)


def test_show(run):
    run("register", "--json", str(EXAMPLE))
    code, out, _ = run("show", NUMBER_1)
    assert code == 0
    assert json.loads(out)["full_name"] == "Siti Nurhaliza"
    code, out, err = run("show", "SRG-0001-2026-999999")
    assert code == cli.EXIT_ERROR
    assert out == ""
    assert err.strip()


def test_migrate_json(run):
    from app.db import head_revision

    code, out, _ = run("migrate", "--json")
    assert (code, json.loads(out)) == (0, {"revision": head_revision()})


def test_database_from_a_newer_version_is_a_clear_error(run, _home):
    run("migrate")
    import sqlite3

    con = sqlite3.connect(_home / "pmi-desk.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    con.commit()
    con.close()
    code, out, err = run("register", "--json", str(EXAMPLE))
    assert code == cli.EXIT_ERROR
    assert json.loads(err)["code"] == "db_newer"
    code, out, err = run("search", "Siti", "--json")
    assert code == cli.EXIT_ERROR
    assert json.loads(err)["code"] == "db_newer"


# --- the real command ------------------------------------------------------------------------

def _command() -> list[str]:
    script = Path(sys.executable).parent / "pmi-desk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "app"]


def test_real_process(tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "proc-home"))

    def proc(*args):
        out = subprocess.run([*_command(), *args], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
        assert "Traceback" not in out.stderr
        return out

    first = proc("register", "--json", str(EXAMPLE))
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["registration_number"] == NUMBER_1
    again = proc("register", "--json", str(EXAMPLE))
    assert again.returncode == 2
    assert errors_of(again.stderr)[0]["code"] == "nik_duplicate"
    module = subprocess.run([sys.executable, "-m", "app", "search", "Siti", "--json"], capture_output=True,
                            text=True, env=env, timeout=60, cwd=ROOT)
    assert module.returncode == 0, module.stderr
    assert [r["nik"] for r in json.loads(module.stdout)] == ["3673015703010001"]


def test_setup_without_a_screen(run, monkeypatch):
    args = ("setup", "--office-code", "SRG-0002", "--office-name", "Kantor Kecamatan Kasemen",
            "--office-kind", "kecamatan", "--admin", "admin", "--admin-name", "Admin Satu", "--json")
    monkeypatch.delenv("PMI_DESK_ADMIN_PASSWORD", raising=False)
    code, out, err = run(*args)
    assert code == cli.EXIT_INVALID and out == "" and "PMI_DESK_ADMIN_PASSWORD" in err
    monkeypatch.setenv("PMI_DESK_ADMIN_PASSWORD", "rahasia-123")
    code, out, err = run(*args)
    assert (code, json.loads(out)) == (0, {"office_code": "SRG-0002", "admin": "admin"})
    code, out, err = run(*args)
    assert code == cli.EXIT_ERROR
    assert json.loads(err)["code"] == "setup_done"
    code, out, _ = run("register", "--json", str(EXAMPLE))
    assert json.loads(out)["registration_number"].startswith("SRG-0002-")


def test_setup_bad_input(run, monkeypatch):
    monkeypatch.setenv("PMI_DESK_ADMIN_PASSWORD", "pendek")
    code, out, err = run("setup", "--office-code", "SERANG", "--office-name", "Kantor", "--admin", "Admin!",
                         "--admin-name", "Admin", "--json")
    assert code == cli.EXIT_INVALID
    assert {e["code"] for e in errors_of(err)} == {"office_code_format", "username_format", "password_weak"}


@pytest.mark.parametrize("limit", ["0", "-5", "banyak", "1e3"])
def test_search_limit_must_be_positive(limit, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["search", "Siti", "--limit", limit])
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_search_limit(run):
    run("register", "--json", str(EXAMPLE))
    code, out, _ = run("search", "Siti", "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1


@pytest.mark.parametrize("args", [["show", "\udcff"], ["search", "ab\udcff", "--json"],
                                  ["--user", "\udcff", "register", "--json", str(EXAMPLE)]])
def test_undecodable_arguments_are_refused(run, args):
    code, out, err = run(*args)  # bytes the shell could not decode arrive as lone surrogates
    assert code == cli.EXIT_INVALID
    assert out == "" and "UTF-8" in err


@pytest.mark.parametrize("user", ["x" * 33, "budi\x1b[31m"])
def test_bad_user_name_is_refused(run, user):
    code, out, err = run("--user", user, "register", "--json", str(EXAMPLE))
    assert code == cli.EXIT_INVALID
    assert errors_of(err)[0]["field"] == "user"
    assert applicant_count() == 0


def test_user_is_recorded_in_the_audit(run, monkeypatch):
    from app.core import registration

    code, out, _ = run("--user", "budi", "register", "--json", str(EXAMPLE))
    assert code == 0
    db = Database.open()
    try:
        [entry] = registration.history(db, json.loads(out)["id"], SYSTEM)
    finally:
        db.dispose()
    assert (entry.action, entry.username, entry.office_code) == ("create", "budi", "SRG-0001")
    monkeypatch.setenv("PMI_DESK_USER", "siti")
    second = json.dumps(example(nik="3673015703010002", phone="081399990000"))
    code, out, err = run("register", "--json", "-", stdin=second)
    assert code == cli.EXIT_CONFIRM  # same name and birth date: a likely duplicate
    assert [w["code"] for w in json.loads(err)["warnings"]] == ["likely_duplicate"]
    code, out, _ = run("register", "--json", "-", "--confirm-warnings", stdin=second)
    assert code == 0
    db = Database.open()
    try:
        [entry] = registration.history(db, json.loads(out)["id"], SYSTEM)
    finally:
        db.dispose()
    assert entry.username == "siti"


def test_output_into_a_closed_pipe_is_not_a_traceback(tmp_path):
    """``pmi-desk search x | head -1``: the reader may leave before everything is written."""
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "pipe-home"))
    p = subprocess.Popen([*_command(), "search", "Siti"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, cwd=ROOT)
    p.stdout.close()  # nobody will ever read
    err = p.stderr.read().decode("utf-8", "replace")
    p.wait(timeout=60)
    assert "Traceback" not in err and "Exception ignored" not in err, err
