"""Import of applicants from .xlsx and .csv: row-by-row errors, no partial rows, the file refused
as a whole when it cannot be read; the parsers fuzzed with hypothesis."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import cli
from app.core import audit, importer, search
from app.core.actor import Actor
from app.core.errors import ValidationError
from app.core.permissions import PermissionDenied
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["nik", "kk_number", "full_name", "sex", "birth_place", "birth_date", "address", "kelurahan_code",
          "phone", "education_level", "consent", "languages"]


def row(n: int, **over) -> dict:
    values = dict(nik=f"36730157030100{n:02d}", kk_number="3673010101010001", full_name=f"Siti Nur {chr(65 + n)}",
                  sex="P", birth_place="Serang", birth_date="17/03/2001", address="Jl. Melati 1",
                  kelurahan_code="36.73.01.1002", phone=f"0812-3456-78{n:02d}", education_level="SMK",
                  consent="ya", languages="ja:N4")
    values.update(over)
    return values


def write_csv(path: Path, rows: list[dict], sep=";", header=HEADER) -> Path:
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=sep)
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(h, "") for h in header])
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def supervisor(actor) -> Actor:
    return Actor("supervisor1", actor.office_code, "supervisor", "Supervisor")


def test_valid_rows_are_saved_invalid_rows_save_nothing(db, supervisor, tmp_path):
    rows = [row(1), row(2, nik="123", phone="abc"), row(3, full_name="x" * 101),
            row(4, consent="tidak"), row(5, full_name="Robert'); DROP TABLE applicant;--"),
            row(6, full_name="Nguyễn Thị Ánh"), row(7, nik=row(1)["nik"]), row(8, languages="ja"),
            row(9, full_name="Siti\x07Nur")]
    report = importer.import_applicants(db, supervisor, write_csv(tmp_path / "a.csv", rows), today=TODAY)
    assert report.rows == 9
    assert [r for r, _ in report.saved] == [2, 6, 7]  # spreadsheet rows (header is row 1)
    by_row = {}
    for p in report.problems:
        by_row.setdefault(p.row, set()).add((p.field, p.code))
    assert by_row == {
        3: {("nik", "nik_format"), ("phone", "phone_invalid")},
        4: {("full_name", "too_long")},
        5: {("consent", "consent_required")},
        8: {("nik", "import_duplicate_in_file")},
        9: {("languages[0]", "import_cell_invalid")},
        10: {("full_name", "control_chars")},
    }
    assert all(p.message and p.message_en for p in report.problems)
    assert search.count(db, actor=supervisor) == 3
    names = {r.full_name for r in search.search(db, "", actor=supervisor, limit=10)}
    assert names == {"Siti Nur B", "Robert'); DROP TABLE applicant;--", "Nguyễn Thị Ánh"}
    [entry] = audit.search(db, supervisor, action="import").rows
    assert entry.changes["saved"] == [None, 3] and entry.changes["failed_rows"] == [None, [3, 4, 5, 8, 9, 10]]


def test_dry_run_saves_nothing(db, supervisor, tmp_path):
    report = importer.import_applicants(db, supervisor, write_csv(tmp_path / "a.csv", [row(1), row(2, sex="X")]),
                                        dry_run=True, today=TODAY)
    assert report.valid == [2] and report.saved == [] and report.failed_rows == [3]
    assert search.count(db, actor=supervisor) == 0


def test_warnings_hold_a_row_back_unless_confirmed(db, supervisor, tmp_path):
    path = write_csv(tmp_path / "a.csv", [row(1, education_level="SMP")])
    report = importer.import_applicants(db, supervisor, path, today=TODAY)
    assert report.saved == [] and [(p.code, p.warning) for p in report.problems] == [("education_below_sma", True)]
    assert importer.import_applicants(db, supervisor, path, today=TODAY, confirm_warnings=True).saved[0][0] == 2


def test_xlsx_with_excel_types(db, supervisor, tmp_path):
    r1 = row(1)
    path = write_xlsx(tmp_path / "a.xlsx", [
        [h.upper() for h in HEADER],
        [int(r1["nik"]), r1["kk_number"], r1["full_name"], "P", "Serang", datetime(2001, 3, 17), "Jl. Melati",
         "36.73.01.1002", "081234567801", "SMK", True, "ja:N4:JLPT N4"],
        [None] * len(HEADER),  # blank row skipped
        [float(row(2)["nik"]), "3673010101010001", "Dewi Lestari", "P", "Serang", "2001-03-17", "Jl. Mawar",
         "36.73.01.1002", "081234567802", "SMK", "x", None],
        ["3673015703010003", "3673010101010001", 12345, "P", "Serang", "kemarin", "Jl. Mawar",
         "36.73.01.1002", "081234567803", "SMK", "ya", None],
    ])
    report = importer.import_applicants(db, supervisor, path, today=TODAY)
    assert [r for r, _ in report.saved] == [2, 4]
    assert {(p.row, p.field, p.code) for p in report.problems} == {(5, "birth_date", "invalid_date")}


@pytest.mark.parametrize("content, code", [
    ("", "import_empty"),
    ("nik;full_name\n", "import_header_missing"),
    (";".join(HEADER) + "\n", "import_empty"),
    (";".join(HEADER + ["nama_ibu"]) + "\n1;2\n", "unknown_field"),
    (";".join(HEADER + ["nik"]) + "\n1;2\n", "import_header_duplicate"),
])
def test_files_refused_as_a_whole(db, supervisor, tmp_path, content, code):
    path = tmp_path / "a.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        importer.import_applicants(db, supervisor, path, today=TODAY)
    assert code in {e.code for e in err.value.errors}
    assert search.count(db, actor=supervisor) == 0


def test_other_files_refused(db, supervisor, tmp_path):
    for name, data, code in [("a.txt", b"x", "import_format"), ("a.csv", b"nik\xff\xfe;x", "file_unreadable"),
                             ("a.xlsx", b"PK not really a zip", "file_unreadable"),
                             ("missing.csv", None, "file_unreadable")]:
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        with pytest.raises(ValidationError) as err:
            importer.import_applicants(db, supervisor, path, today=TODAY)
        assert err.value.errors[0].code == code, name


def test_only_supervisors_and_admins_import(db, actor, tmp_path):
    with pytest.raises(PermissionDenied):
        importer.import_applicants(db, actor, write_csv(tmp_path / "a.csv", [row(1)]), today=TODAY)


def test_the_documented_example_imports(db, supervisor):
    report = importer.import_applicants(db, supervisor, ROOT / "docs" / "examples" / "applicants.csv",
                                        dry_run=True)
    assert report.problems == [] and report.valid == [2, 3]
    doc = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    for column in importer.COLUMNS:
        assert f"`{column}`" in doc, column


def test_cli_import(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PMI_DESK_DB_URL", str(db.engine.url))
    path = write_csv(tmp_path / "a.csv", [row(1), row(2, sex="X")])
    assert cli.main(["import", str(path), "--dry-run", "--json"]) == cli.EXIT_INVALID
    out = json.loads(capsys.readouterr().out)
    assert out["valid_rows"] == [2] and out["failed_rows"] == [3] and out["saved"] == []
    assert cli.main(["import", str(path)]) == cli.EXIT_INVALID
    assert "baris 3, sex" in capsys.readouterr().out
    assert cli.main(["import", str(tmp_path / "a.doc")]) == cli.EXIT_INVALID
    assert "Traceback" not in capsys.readouterr().err


# --- fuzzing -------------------------------------------------------------------------------------

cell = st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(),
                 st.datetimes(), st.sampled_from(["ya", "17/03/2001", "36.73.01.1002", "ja:N4", "P"]))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_fuzz_csv_parser_reads_or_refuses(text):
    try:
        header, rows = importer.parse_csv(text)
    except ValidationError as exc:
        assert exc.errors and all(e.message for e in exc.errors)
        return
    assert set(importer.REQUIRED_COLUMNS) <= set(header)
    for number, values in rows:
        assert number >= 2 and isinstance(values, dict)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), max_size=14),
                max_size=5), st.sampled_from([",", ";", "\t"]))
def test_fuzz_csv_with_the_right_header(rows, sep):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep)
    w.writerow(HEADER)
    w.writerows(rows)
    try:
        header, parsed = importer.parse_csv(buf.getvalue())
    except ValidationError as exc:
        assert {e.code for e in exc.errors} <= {"import_empty", "file_unreadable", "unknown_field",
                                                "import_header_missing", "import_header_duplicate"}
        return
    for _, values in parsed:
        data, problems = importer.row_to_input(values)
        assert all(p.message for p in problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(importer.COLUMNS), cell, max_size=len(importer.COLUMNS)))
def test_fuzz_rows_validate_or_report(values):
    from app.core import registration

    data, problems = importer.row_to_input(values)
    try:
        registration.validate(data, today=TODAY)
    except ValidationError as exc:
        assert all(e.message and e.field for e in exc.errors)
