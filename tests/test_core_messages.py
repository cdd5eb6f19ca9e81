"""The message catalogue: every code the domain raises has an Indonesian and an English text with
the same placeholders, so a person always reads a sentence, never a bare code."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from app.core.errors import FieldError, StorageError, UserError, ValidationError
from app.core.messages import MESSAGES, render

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "app" / "core").glob("*.py")) + [ROOT / "app" / "cli.py", ROOT / "app" / "db.py",
                                                          ROOT / "app" / "reports" / "render.py"]


def codes_used() -> set[tuple[str, str]]:
    """(file, code) for every literal code handed to FieldError, Collector.add, UserError and
    its kin, and StorageError."""
    found = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = {"FieldError": 1, "add": 1, "UserError": 0, "NotFound": 0, "ConcurrentEdit": 0,
                        "StorageError": 0}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add((path.name, arg.value))
    return found


def test_the_scan_finds_codes():
    used = {code for _, code in codes_used()}
    assert {"nik_format", "consent_required", "db_newer", "changed_by_other", "json_invalid"} <= used


@pytest.mark.parametrize("where, code", sorted(codes_used()))
def test_every_code_has_a_message(where, code):
    assert code in MESSAGES, f"{where} uses {code!r}, which has no message"


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_name_the_same_values(code):
    indonesian, english = MESSAGES[code]
    assert indonesian.strip() and english.strip()
    assert fields(indonesian) == fields(english)


def test_render_without_params_or_with_extra_ones():
    assert render("too_long", "id", max=5) == "Terlalu panjang (maksimal 5 karakter)."
    assert render("too_long", "en", max=5) == "Too long (at most 5 characters)."
    assert render("too_long", "id")  # a missing value still gives the sentence, not a crash
    assert render("required", "en", extra="x") == "Required."
    assert render("no_such_code") == "no_such_code"
    assert render("invalid_choice", "id", value="{0} {x} }") == "Pilihan tidak dikenal: {0} {x} }."


def test_errors_carry_messages_in_both_languages():
    e = FieldError("nik", "nik_duplicate", {"name": "Siti", "registration_number": "SRG-0001-2026-000001"})
    assert e.message == "NIK sudah terdaftar atas nama Siti (SRG-0001-2026-000001)."
    assert e.message_en == "NIK already registered to Siti (SRG-0001-2026-000001)."
    d = e.to_dict()
    assert d == {"field": "nik", "code": "nik_duplicate", "message": e.message, "message_en": e.message_en,
                 "params": {"name": "Siti", "registration_number": "SRG-0001-2026-000001"}}
    v = ValidationError([e, FieldError("kk_number", "kk_format")])
    assert (v.field, v.message) == ("nik", e.message)
    assert set(v.by_field()) == {"nik", "kk_number"}
    u = UserError("setup_done")
    assert u.message and u.message_en and u.code == "setup_done"
    s = StorageError("db_newer", "ffff", revision="ffff")
    assert "ffff" in s.message and "ffff" in str(s)
