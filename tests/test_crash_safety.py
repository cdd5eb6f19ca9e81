"""Crash safety: a process registering applicants is killed with SIGKILL at random moments; the
database stays sound and every registration it reported as saved is there, numbered without gaps.
A full disk gives a clear StorageError and loses nothing saved before."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core import registration
from app.core.errors import StorageError
from app.db import Database

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and rlimits are POSIX")


def worker(url: str, start: int, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests._crash_worker", url, str(start), *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def saved_numbers(output: str) -> list[str]:
    """Numbers on complete ``SAVED`` lines (a line cut by the kill may or may not be saved)."""
    lines = output.split("\n")
    complete = lines[:-1]  # the last piece has no newline: cut off, or empty
    return [line.split()[1] for line in complete if line.startswith("SAVED ")]


def stored(path: Path) -> tuple[str, list[str], int]:
    con = sqlite3.connect(path)
    try:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        numbers = [r[0] for r in con.execute("SELECT registration_number FROM applicant ORDER BY registration_number")]
        audits = con.execute("SELECT count(*) FROM audit_entry WHERE action = 'create' AND entity = 'applicant'"
                             ).fetchone()[0]
    finally:
        con.close()
    return check, numbers, audits


def test_sigkill_at_random_moments_loses_nothing_reported(tmp_path, _migrated_template):
    path = tmp_path / "crash.sqlite3"
    shutil.copyfile(_migrated_template, path)
    url = f"sqlite:///{path}"
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261125")))
    reported: list[str] = []
    kills = 0
    started = time.monotonic()
    for run in range(120):
        enough = kills >= 8 and len(reported) > 20
        # 16 kills normally; on a machine under heavy load fewer when they came quickly, more when
        # each worker reported little before its kill (the same checks either way, never too few)
        if enough and (run >= 16 or time.monotonic() - started > 40):
            break
        proc = worker(url, run * 5000, "loop")
        try:
            if rng.random() < 0.2:
                time.sleep(rng.uniform(0.0, 0.4))  # sometimes while it starts up
            else:
                assert proc.stdout.readline() == "READY\n", proc.stderr.read()
                time.sleep(rng.uniform(0.01, 0.3))
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
            out, err = proc.communicate(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == -signal.SIGKILL, err
        assert "Traceback" not in err, err
        reported += saved_numbers(out)
    assert kills >= 8 and len(reported) > 20
    check, numbers, audits = stored(path)
    assert check == "ok"
    assert set(reported) <= set(numbers)
    assert numbers == [registration.format_registration_number("SRG-0001", 2026, i) for i in range(1, len(numbers) + 1)]
    assert audits == len(numbers)  # every saved applicant has its audit entry, and nothing else half-saved
    db = Database.open(url)  # and the application opens it and goes on numbering
    try:
        from app.core.actor import Actor
        from tests._crash_worker import applicant

        d = registration.register_applicant(db, registration.ApplicantInput(**applicant(99_000)),
                                            Actor("uji", "SRG-0001", "counter"), confirm_warnings=True,
                                            today=__import__("datetime").date(2026, 11, 25))
        assert d.registration_number == registration.format_registration_number("SRG-0001", 2026, len(numbers) + 1)
    finally:
        db.dispose()


def test_file_size_limit_is_a_clear_error_and_keeps_what_was_saved(tmp_path, _migrated_template):
    path = tmp_path / "full.sqlite3"
    shutil.copyfile(_migrated_template, path)
    limit = path.stat().st_size + 768 * 1024
    proc = worker(f"sqlite:///{path}", 0, "fsize", str(limit))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    last = out.strip().split("\n")[-1]
    # SQLite reports a write cut short by the limit as SQLITE_FULL and a refused one (EFBIG) as an
    # I/O error: either way a clear message, never a traceback
    assert last.startswith(("ERR disk_full Disk penuh", "ERR disk_io Disk tidak dapat ditulis")), last
    reported = saved_numbers(out)
    assert len(reported) > 3
    check, numbers, audits = stored(path)
    assert check == "ok" and numbers == reported and audits == len(numbers)


@pytest.fixture
def small_tmpfs(tmp_path):
    mount = tmp_path / "tmpfs"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')[:200]}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_full_disk_is_disk_full_and_loses_nothing(small_tmpfs, _migrated_template, actor):
    from tests._crash_worker import applicant
    from datetime import date

    path = small_tmpfs / "pmi.sqlite3"
    shutil.copyfile(_migrated_template, path)
    db = Database.open(f"sqlite:///{path}")
    saved = []
    try:
        with pytest.raises(StorageError) as err:
            for k in range(100_000):
                saved.append(registration.register_applicant(
                    db, registration.ApplicantInput(**applicant(k)), actor, confirm_warnings=True,
                    today=date(2026, 11, 25)).registration_number)
        assert err.value.code == "disk_full"
        assert err.value.message.startswith("Disk penuh")
        assert len(saved) > 5
    finally:
        db.dispose()
    check, numbers, audits = stored(path)
    assert check == "ok" and numbers == saved and audits == len(saved)
