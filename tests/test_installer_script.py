"""The Inno Setup script cannot be compiled here (no Windows): this keeps it coherent with what the
PyInstaller spec builds and with where the program keeps its data."""

from __future__ import annotations

import re
from pathlib import Path

from app import paths

ROOT = Path(__file__).resolve().parent.parent
ISS = (ROOT / "installer" / "pmi-desk.iss").read_text(encoding="utf-8")
SPEC = (ROOT / "installer" / "pmi-desk.spec").read_text(encoding="utf-8")


def _define(name: str) -> str:
    return re.search(rf'#define {name} "([^"]+)"', ISS).group(1)


def _section(name: str) -> list[str]:
    body = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.S | re.M).group(1)
    return [line for line in body.splitlines() if line.strip() and not line.lstrip().startswith(";")]


def test_the_executables_are_the_ones_the_spec_builds():
    built = set(re.findall(r'EXE\([^)]*name="([^"]+)"', SPEC))
    assert built == {"pmi-desk", "pmi-desk-cli"}
    assert _define("AppExe") == "pmi-desk.exe"
    install_delete = "\n".join(_section("InstallDelete")).replace("{#AppExe}", _define("AppExe"))
    deleted = set(re.findall(r'\{app\}\\([\w.-]+\.exe)', install_delete))
    assert deleted == {f"{name}.exe" for name in built}  # an upgrade replaces both


def test_the_files_come_from_the_bundle_folder_without_the_linux_extras():
    collect = re.search(r'COLLECT\(.*name="([^"]+)"\)', SPEC, re.S).group(1)
    [files] = _section("Files")
    assert f'Source: "..\\dist\\{collect}\\*"' in files and 'DestDir: "{app}"' in files
    build = (ROOT / "installer" / "build.sh").read_text(encoding="utf-8")
    extras = set(re.findall(r'installer/([\w.-]+) ', build)) & {"pmi-desk.desktop", "install-linux.sh"}
    assert extras and all(name in files for name in extras | {"pmi-desk.png"})


def test_start_menu_entry_and_optional_desktop_shortcut():
    icons = _section("Icons")
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"') for line in icons)
    desktop = [line for line in icons if line.startswith('Name: "{autodesktop}')]
    assert len(desktop) == 1 and "Tasks: desktopicon" in desktop[0]
    assert any(line.startswith('Name: "desktopicon"') for line in _section("Tasks"))
    assert (ROOT / "installer" / re.search(r"SetupIconFile=(.+)", ISS).group(1).strip().replace("\\", "/")).is_file()


def test_the_data_stays_in_the_users_data_dir_unless_the_uninstall_is_told_otherwise():
    assert _define("DataDirName") == paths.APP_NAME  # %LOCALAPPDATA%\pmi-desk (platformdirs, appauthor=False)
    assert "{localappdata}\\{#DataDirName}" in ISS
    for section in ("InstallDelete", "UninstallDelete"):
        assert all("{app}" in line for line in _section(section)), section  # never the data dir
    code = ISS[ISS.index("[Code]"):]
    assert "UninstallSilent()" in code and "MB_DEFBUTTON2" in code  # asked, "No" by default, silent keeps
    assert code.index("DelTree") > code.index("IDYES")
