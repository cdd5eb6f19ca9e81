"""Import of applicants from an Excel (.xlsx) or CSV file, row by row.

The header row names the columns with the registration field names (``docs/import.md``); each
data row goes through the same validation and duplicate checks as a walk-in registration
(``registration.register_applicant``), in its own transaction:

- a valid row is saved whole (applicant, languages, audit entry);
- a row with any error saves nothing of itself, and the report names its row number, the field
  and the message; the other rows are not held back by it;
- a row with warnings (age under 18, NIK date differs, likely duplicate...) is not saved unless
  the import confirms warnings; the warnings are reported like errors;
- ``dry_run`` checks every row and saves nothing.

A file that cannot be read at all (wrong type, broken header, too many rows) is refused as a whole
with ``ValidationError`` before any row is saved.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from app.core import audit, registration
from app.core.actor import Actor
from app.core.errors import (AppError, ConfirmationRequired, FieldError, StorageError, UserError,
                             ValidationError)
from app.core.permissions import require

MAX_ROWS = 10_000
MAX_CELL = 5_000  # characters; longer cells are refused (the longest field takes 2,000)
MAX_FILE_BYTES = 50 * 1024 * 1024
# Columns a file may have: the registration input fields, except work experience (entered at the
# counter). ``languages`` is ``code:level[:certificate]`` items separated by ``;``.
COLUMNS = tuple(f for f in registration.INPUT_FIELDS if f != "experience")
REQUIRED_COLUMNS = ("nik", "kk_number", "full_name", "sex", "birth_place", "birth_date", "address",
                    "kelurahan_code", "phone", "education_level", "consent")
YES = {"ya", "y", "yes", "1", "true", "x", "v", "✓", "setuju"}


@dataclass(frozen=True)
class RowProblem:
    row: int  # the row number as the spreadsheet shows it (the header is row 1)
    field: str
    code: str
    message: str
    message_en: str
    warning: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "code": self.code, "message": self.message,
                "message_en": self.message_en, "warning": self.warning}


@dataclass
class ImportReport:
    file: str
    dry_run: bool
    rows: int = 0  # data rows read (blank rows skipped)
    saved: list[tuple[int, str]] = field(default_factory=list)  # (row, registration number)
    valid: list[int] = field(default_factory=list)  # rows that would be saved (dry run) or were
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def failed_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "dry_run": self.dry_run, "rows": self.rows,
                "saved": [{"row": r, "registration_number": n} for r, n in self.saved],
                "valid_rows": self.valid, "failed_rows": self.failed_rows,
                "problems": [p.to_dict() for p in self.problems]}


# --- parsing (pure) ------------------------------------------------------------------------------

def _file_error(code: str, **params: Any) -> ValidationError:
    return ValidationError(FieldError("file", code, params))


def _normalise_header(cells: list[Any]) -> list[str]:
    names = []
    for cell in cells:
        text = "" if cell is None else str(cell)
        names.append(text.strip().lstrip("\ufeff").strip().lower())
    while names and names[-1] == "":
        names.pop()
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    unknown = [n for n in names if n and n not in COLUMNS]
    errors = [FieldError("file", "unknown_field", {"value": n[:40]}) for n in unknown]
    seen: set[str] = set()
    for n in names:
        if n and n in seen:
            errors.append(FieldError("file", "import_header_duplicate", {"value": n[:40]}))
        seen.add(n)
    if missing:
        errors.append(FieldError("file", "import_header_missing", {"value": ", ".join(missing)}))
    if errors:
        raise ValidationError(errors)
    return names


def _rows(header: list[str], body: Iterator[tuple[int, list[Any]]]) -> Iterator[tuple[int, dict[str, Any]]]:
    count = 0
    for number, cells in body:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue  # blank line
        count += 1
        if count > MAX_ROWS:
            raise _file_error("import_too_many_rows", max=MAX_ROWS)
        values = {name: (cells[i] if i < len(cells) else None) for i, name in enumerate(header) if name}
        extra = [c for c in cells[len(header):] if c not in (None, "")]
        if extra:
            values["__extra__"] = extra
        yield number, values


def parse_csv(text: str) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """Header and data rows of CSV text (``,`` or ``;`` or tab separated, as Excel writes it in
    Indonesia). Raises ``ValidationError`` for a file that cannot be read as a whole."""
    if not isinstance(text, str):
        raise _file_error("file_unreadable", detail="bukan teks")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise _file_error("import_empty")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        lines = list(_numbered(reader))
    except csv.Error as exc:
        raise _file_error("file_unreadable", detail=f"CSV: {exc}") from None
    if not lines:
        raise _file_error("import_empty")
    header = _normalise_header(lines[0][1])
    rows = list(_rows(header, iter(lines[1:])))
    if not rows:
        raise _file_error("import_empty")
    return header, rows


def _numbered(reader) -> Iterator[tuple[int, list[str]]]:
    """Records numbered as a spreadsheet shows them (a quoted line break stays in its record)."""
    for number, cells in enumerate(reader, start=1):
        if len(cells) > 200:
            raise csv.Error("too many columns")
        if number > MAX_ROWS + 100:
            raise _file_error("import_too_many_rows", max=MAX_ROWS)
        yield number, cells


def parse_xlsx(path: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """Header and data rows of the first sheet of an .xlsx workbook (values, not formulas)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise _file_error("file_unreadable", detail=f"Excel: {type(exc).__name__}") from None
    except Exception as exc:  # openpyxl raises its own kinds for broken workbooks
        raise _file_error("file_unreadable", detail=f"Excel: {type(exc).__name__}") from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise _file_error("import_empty")
        it = ws.iter_rows(values_only=True)
        try:
            header_cells = next(it)
        except StopIteration:
            raise _file_error("import_empty") from None
        header = _normalise_header(list(header_cells))
        rows = list(_rows(header, ((i, list(cells)) for i, cells in enumerate(it, start=2))))
    finally:
        wb.close()
    if not rows:
        raise _file_error("import_empty")
    return header, rows


def read_file(path: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise _file_error("import_format", value=suffix or path.name[:40])
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _file_error("file_unreadable", detail=f"lebih dari {MAX_FILE_BYTES // 1024 // 1024} MB")
        if suffix == ".xlsx":
            return parse_xlsx(path)
        raw = path.read_bytes()
    except OSError as exc:
        raise _file_error("file_unreadable", detail=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _file_error("file_unreadable", detail=f"bukan UTF-8 (byte {exc.start}); simpan sebagai CSV UTF-8") from None
    return parse_csv(text)


def _cell_text(value: Any) -> Any:
    """A cell as the registration input expects it: text, a date, or None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "ya" if value else ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 2 ** 53 else repr(value)
    return str(value)


def row_to_input(values: dict[str, Any]) -> tuple[registration.ApplicantInput, list[FieldError]]:
    """One row's cells as the registration input, and the problems found in the cells themselves
    (before validation: over-long cells, a language list that cannot be read, extra cells)."""
    problems: list[FieldError] = []
    data: dict[str, Any] = {}
    for name, raw in values.items():
        if name == "__extra__":
            problems.append(FieldError("row", "unknown_field", {"value": "kolom tanpa judul"}))
            continue
        value = _cell_text(raw)
        if isinstance(value, str) and len(value) > MAX_CELL:
            problems.append(FieldError(name, "too_long", {"max": MAX_CELL}))
            continue
        data[name] = value
    consent = data.pop("consent", None)
    data["consent"] = isinstance(consent, str) and consent.strip().lower() in YES
    langs = data.pop("languages", None)
    data["languages"] = []
    if isinstance(langs, str) and langs.strip():
        for i, item in enumerate(x.strip() for x in langs.split(";")):
            if not item:
                continue
            parts = [p.strip() for p in item.split(":")]
            if len(parts) < 2 or len(parts) > 3:
                problems.append(FieldError(f"languages[{i}]", "import_cell_invalid", {"value": item[:40]}))
                continue
            data["languages"].append({"language_code": parts[0], "level": parts[1],
                                      "certificate": parts[2] if len(parts) == 3 else None})
    for key in ("preferred_countries", "preferred_sectors"):
        if data.get(key) is None:
            data.pop(key, None)
    data = {k: v for k, v in data.items() if k in registration.INPUT_FIELDS}
    return registration.ApplicantInput(**data), problems


# --- the service -----------------------------------------------------------------------------------

def import_applicants(db, actor: Actor, path: Path, *, dry_run: bool = False,
                      confirm_warnings: bool = False, today: date | None = None) -> ImportReport:
    """Import a file (see the module text). Each saved row is one transaction with its own audit
    entry; the import as a whole is audited too (file, counts)."""
    require(actor, "applicant.import")
    require(actor, "applicant.create")
    path = Path(path)
    _header, rows = read_file(path)
    report = ImportReport(path.name, dry_run, rows=len(rows))
    seen_nik: dict[str, int] = {}
    for number, values in rows:
        data, cell_problems = row_to_input(values)
        if cell_problems:
            _add(report, number, cell_problems)
            continue
        nik = data.nik.strip() if isinstance(data.nik, str) else None
        if nik and nik in seen_nik:
            _add(report, number, [FieldError("nik", "import_duplicate_in_file", {"row": seen_nik[nik]})])
            continue
        if nik:
            seen_nik[nik] = number
        try:
            if dry_run:
                warnings = registration.check_registration(db, data, actor, today=today)
                if warnings and not confirm_warnings:
                    raise ConfirmationRequired(warnings)
            else:
                detail = registration.register_applicant(db, data, actor, confirm_warnings=confirm_warnings,
                                                         today=today)
                report.saved.append((number, detail.registration_number))
            report.valid.append(number)
        except ValidationError as exc:
            _add(report, number, exc.errors)
        except ConfirmationRequired as exc:
            _add(report, number, exc.warnings, warning=True)
        except StorageError:
            raise  # a full disk or a locked file stops the import; the rows saved so far stay
        except (UserError, AppError) as exc:
            code = getattr(exc, "code", "db_error")
            report.problems.append(RowProblem(number, "row", code, getattr(exc, "message", str(exc)),
                                              getattr(exc, "message_en", str(exc))))
    if not dry_run:
        with db.session() as session:
            audit.record(session, actor, "import", "applicant", None, {
                "file": [None, path.name], "rows": [None, report.rows], "saved": [None, len(report.saved)],
                "failed_rows": [None, report.failed_rows[:1000]]})
    return report


def _add(report: ImportReport, row: int, errors: list[FieldError], *, warning: bool = False) -> None:
    for e in errors:
        report.problems.append(RowProblem(row, e.field, e.code, e.message, e.message_en, warning))
