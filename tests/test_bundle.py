"""The one-folder bundle builds and works: installer/build.sh into a temp folder, then the built
executable's ``--self-test`` on a fresh data dir (offscreen), a CLI subcommand, and the tarball.

One test (not several) so that pytest-xdist never builds the bundle twice. Building takes about a
minute and a half on 2 cores (PyInstaller is installed first when missing, extra ``bundle``).
Skipped with ``PMI_DESK_SKIP_BUNDLE=1`` and on other systems than Linux (the Windows installer is
built on Windows: installer/README.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.skipif(os.environ.get("PMI_DESK_SKIP_BUNDLE") == "1", reason="PMI_DESK_SKIP_BUNDLE=1"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux"),
]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMI_DESK_")}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_bundle_builds_and_passes_its_self_test(tmp_path):
    from app import __version__
    from app.db import head_revision

    dist, work = tmp_path / "dist", tmp_path / "build"
    started = time.perf_counter()
    built = subprocess.run([str(ROOT / "installer" / "build.sh"), "--no-test"], cwd=ROOT,
                           env={**_env(), "PMI_DESK_DIST": str(dist), "PMI_DESK_BUILD": str(work)},
                           capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    build_seconds = time.perf_counter() - started
    exe = dist / "pmi-desk" / "pmi-desk"
    internal = dist / "pmi-desk" / "_internal"
    assert exe.is_file() and os.access(exe, os.X_OK)
    for shipped in ("resources/i18n/pmi_desk_id.qm", "resources/kelurahan.csv", "resources/icons/pmi-desk.png",
                    "app/migrations/env.py", "app/migrations/versions/0001_initial_schema.py"):
        assert (internal / shipped).is_file(), shipped
    assert not list(internal.glob("resources/i18n/*.ts")), "translation sources are not shipped"

    # A fresh data dir: the database is created and migrated, the window built, exit 0.
    home = tmp_path / "home"
    started = time.perf_counter()
    done = subprocess.run([str(exe), "--self-test"], env=_env(PMI_DESK_HOME=str(home)),
                          capture_output=True, text=True, timeout=120)
    start_seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ok"] is True and report["frozen"] is True
    assert report["version"] == __version__ and report["revision"] == head_revision()
    assert report["resources"].startswith(str(internal))
    assert (home / "pmi-desk.sqlite3").is_file()

    # The subcommands work from the bundle too (alembic reads the shipped scripts).
    migrated = subprocess.run([str(exe), "migrate", "--json"], env=_env(PMI_DESK_HOME=str(home)),
                              capture_output=True, text=True, timeout=120)
    assert migrated.returncode == 0, migrated.stderr
    assert json.loads(migrated.stdout) == {"revision": head_revision()}

    # A broken database is a clear failure, not a traceback.
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "pmi-desk.sqlite3").write_bytes(b"not a database" * 200)
    failed = subprocess.run([str(exe), "--self-test"], env=_env(PMI_DESK_HOME=str(bad)),
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert json.loads(failed.stdout)["failed"] == "database"

    tarball = dist / f"pmi-desk-{__version__}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
    assert {"pmi-desk/pmi-desk", "pmi-desk/pmi-desk.desktop", "pmi-desk/install-linux.sh",
            "pmi-desk/pmi-desk.png"} <= names
    size_mb = sum(p.lstat().st_size for p in (dist / "pmi-desk").rglob("*")
                  if p.is_file() and not p.is_symlink()) / 1e6  # PyInstaller links some libraries
    print(f"\nbundle: {size_mb:.0f} MB, tarball {tarball.stat().st_size / 1e6:.0f} MB, "
          f"built in {build_seconds:.0f} s, self-test {start_seconds:.1f} s")
