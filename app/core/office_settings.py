"""Office-wide settings stored with the data (not per user): declared once, with defaults and ranges.

Per-user/per-PC choices (window size, language) live in ``app.views.settings`` (QSettings); what
applies to the whole office and must travel with the database lives here, in ``app_setting``.
Reading never fails: a missing or out-of-range stored value gives the default. Changing one needs
``settings.manage`` and is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.actor import Actor
from app.core.errors import ValidationError
from app.core.permissions import require
from app.core.validation import Collector


@dataclass(frozen=True)
class OfficeSetting:
    key: str
    default: Any
    kind: str  # "int" | "text" | "folder" (an absolute path; it may be unplugged for now)
    label_id: str
    label_en: str
    lo: int = 0
    hi: int = 0
    max_len: int = 500


SETTINGS: dict[str, OfficeSetting] = {s.key: s for s in (
    OfficeSetting("idle_lock_minutes", 10, "int", "Kunci layar setelah menganggur (menit)",
                  "Lock the screen after idle minutes", 1, 240),
    OfficeSetting("backup.folder", "", "folder", "Folder cadangan tambahan (mis. diska USB)",
                  "Extra backup folder (e.g. a USB disk)"),
    OfficeSetting("documents.expiry_window_days", 90, "int", "Peringatan dokumen kedaluwarsa (hari ke depan)",
                  "Warn of documents expiring within (days)", 1, 730),
    OfficeSetting("documents.passport_months", 18, "int", "Sisa masa berlaku paspor minimal (bulan)",
                  "Minimum remaining passport validity (months)", 0, 120),
    # MoU progress report (app/core/mou_report.py): yearly targets, pro rata for a shorter period
    OfficeSetting("mou.target.registered", 10_000, "int", "Target MoU: pencari kerja terdaftar per tahun",
                  "MoU target: job seekers registered per year", 0, 1_000_000),
    OfficeSetting("mou.target.trained", 1_000, "int", "Target MoU: lulus pelatihan Jepang/Korea per tahun",
                  "MoU target: Japanese/Korean training graduates per year", 0, 1_000_000),
    OfficeSetting("mou.target.departed", 500, "int", "Target MoU: PMI diberangkatkan per tahun",
                  "MoU target: workers departed per year", 0, 1_000_000),
    # printed on the registration receipt and the letterhead
    OfficeSetting("office.address", "", "text", "Alamat kantor (untuk cetakan)", "Office address (for printouts)",
                  max_len=200),
    OfficeSetting("office.phone", "", "text", "Telepon kantor (untuk cetakan)", "Office phone (for printouts)",
                  max_len=40),
)}


def _parse(setting: OfficeSetting, raw: Any, c: Collector) -> Any:
    if setting.kind == "int":
        return c.integer(setting.key, raw, lo=setting.lo, hi=setting.hi, required=True)
    text = c.text(setting.key, raw, max_len=setting.max_len, required=False) or ""
    if setting.kind == "folder" and text:
        from pathlib import Path

        folder = Path(text).expanduser()
        if not folder.is_absolute():  # relative to what? (the working folder differs per start)
            c.add(setting.key, "folder_not_absolute", value=text[:200])
            return ""
        return str(folder)
    return text


def get(db_or_session, key: str) -> Any:
    """The stored value of ``key``, or its default (also for a bad stored value)."""
    setting = SETTINGS[key]
    if getattr(db_or_session, "dialect", None) == "sqlite" and hasattr(db_or_session, "driver_reading"):
        # the driver's own read: the GUI's quick start asks before SQLAlchemy is loaded
        with db_or_session.driver_reading() as conn:
            row = conn.exec_driver_sql("SELECT value FROM app_setting WHERE key = ?", (key,)).first()
        raw = row[0] if row is not None else None
    elif hasattr(db_or_session, "session"):
        from app.core.setup import get_setting

        with db_or_session.session(write=False) as session:
            raw = get_setting(session, key)
    else:
        from app.core.setup import get_setting

        raw = get_setting(db_or_session, key)
    if raw is None:
        return setting.default
    c = Collector()
    value = _parse(setting, raw, c)
    return setting.default if c.errors or value is None else value


def all_values(db) -> dict[str, Any]:
    return {key: get(db, key) for key in SETTINGS}


def set_value(db, actor: Actor, key: str, value: Any) -> Any:
    """Validate and store one setting (audited old → new); returns the stored value."""
    return set_values(db, actor, {key: value})[key]


def set_values(db, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """Validate every value first, then store them all in one transaction (all or nothing; each
    change audited old → new); the stored values. One ``ValidationError`` names every bad field
    (the settings screen shows each under its field)."""
    require(actor, "settings.manage")
    c = Collector()
    parsed: dict[str, Any] = {}
    for key, value in values.items():
        setting = SETTINGS.get(key)
        if setting is None:
            c.add("key", "invalid_choice", value=str(key)[:100])
            continue
        parsed[key] = _parse(setting, value, c)
    if c.errors:
        raise ValidationError(c.errors)
    from app.core import audit
    from app.core.setup import get_setting, set_setting

    with db.session() as session:
        for key, value in parsed.items():
            old = get_setting(session, key)
            if old != str(value):
                set_setting(session, key, str(value))
                audit.record(session, actor, "update", "setting", key, {"value": [old, str(value)]})
    return parsed
