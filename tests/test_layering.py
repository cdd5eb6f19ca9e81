"""Layering is a test: the rules, models, reports and the CLI never import Qt (DESIGN.md §1, §7)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
QT_PACKAGES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "qtpy", "pytestqt")
NO_QT = [APP / "core", APP / "models", APP / "reports"]


def python_files() -> list[Path]:
    files = sorted(APP.glob("cli*.py")) + [APP / "db.py", APP / "paths.py", APP / "logs.py"]
    for folder in NO_QT:
        files += sorted(folder.rglob("*.py"))
    return files


def imported_modules(tree: ast.AST) -> list[tuple[str, int, ast.AST | None]]:
    """Every module an import statement names (at any depth, functions included), with the
    innermost enclosing function, plus ``importlib.import_module("...")`` / ``__import__("...")``."""
    found: list[tuple[str, int, ast.AST | None]] = []

    def visit(node: ast.AST, func: ast.AST | None) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            func = node
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno, func) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno, func))
            found.extend((f"{node.module}.{alias.name}", node.lineno, func) for alias in node.names)
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                found.append((node.args[0].value, node.lineno, func))
        for child in ast.iter_child_nodes(node):
            visit(child, func)

    visit(tree, None)
    return found


def is_qt(module: str) -> bool:
    return module.split(".")[0] in QT_PACKAGES


def is_views(module: str) -> bool:
    return module == "app.views" or module.startswith("app.views.")


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_qt_import(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = [f"{path.relative_to(ROOT)}:{line} imports {mod}" for mod, line, _ in imported_modules(tree)
           if is_qt(mod)]
    assert not bad, bad


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_views_only_from_the_gui_command(path):
    """Only ``app/cli.py``'s ``gui`` and ``self-test`` commands (both start the GUI) may import the
    views, and lazily (inside them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for mod, line, func in imported_modules(tree):
        if not is_views(mod):
            continue
        where = f"{path.relative_to(ROOT)}:{line} imports {mod}"
        assert path == APP / "cli.py", where
        assert func is not None and func.name in ("cmd_gui", "cmd_self_test"), where


def test_the_walker_catches_what_it_should():
    source = """
import os
from PySide6 import QtWidgets
def later():
    import PyQt6.QtCore
    from app.views.application import run
    importlib.import_module("PySide6.QtGui")
class K:
    def m(self):
        from shiboken6 import Shiboken
"""
    mods = [m for m, _, _ in imported_modules(ast.parse(source))]
    assert [m for m in mods if is_qt(m)] == ["PySide6", "PySide6.QtWidgets", "PyQt6.QtCore", "PySide6.QtGui",
                                            "shiboken6", "shiboken6.Shiboken"]
    assert [m for m in mods if is_views(m)] == ["app.views.application", "app.views.application.run"]


def test_core_and_cli_import_without_qt_in_a_fresh_interpreter(tmp_path):
    home = tmp_path / "fresh-home"
    home.mkdir()
    code = (
        "import sys, json\n"
        "import app.core.registration, app.core.search, app.core.setup, app.core.audit, app.cli, app.db, app.models\n"
        "import app.reports\n"
        "app.cli.build_parser()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{list(QT_PACKAGES)!r} or m.startswith('app.views'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={"PATH": "/usr/bin:/bin", "PMI_DESK_HOME": str(home)})
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []
    assert not any(home.iterdir()), "importing must not create files or connect"
