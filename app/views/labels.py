"""Translatable labels for codes the domain stores (statuses, religions, field names...)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

_STATUS = {
    "registered": QT_TRANSLATE_NOOP("Labels", "Registered"),
    "documents": QT_TRANSLATE_NOOP("Labels", "Collecting documents"),
    "training": QT_TRANSLATE_NOOP("Labels", "In training"),
    "ready": QT_TRANSLATE_NOOP("Labels", "Ready for placement"),
    "proposed": QT_TRANSLATE_NOOP("Labels", "Proposed"),
    "selected": QT_TRANSLATE_NOOP("Labels", "Selected"),
    "departing": QT_TRANSLATE_NOOP("Labels", "Preparing to depart"),
    "departed": QT_TRANSLATE_NOOP("Labels", "Departed"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
    "ineligible": QT_TRANSLATE_NOOP("Labels", "Ineligible"),
}
_SEX = {
    "L": QT_TRANSLATE_NOOP("Labels", "L — male"),
    "P": QT_TRANSLATE_NOOP("Labels", "P — female"),
}
_RELIGION = {
    "islam": QT_TRANSLATE_NOOP("Labels", "Islam"),
    "kristen": QT_TRANSLATE_NOOP("Labels", "Protestant"),
    "katolik": QT_TRANSLATE_NOOP("Labels", "Catholic"),
    "hindu": QT_TRANSLATE_NOOP("Labels", "Hindu"),
    "buddha": QT_TRANSLATE_NOOP("Labels", "Buddhist"),
    "konghucu": QT_TRANSLATE_NOOP("Labels", "Confucian"),
    "lainnya": QT_TRANSLATE_NOOP("Labels", "Other"),
}
_MARITAL = {
    "belum_kawin": QT_TRANSLATE_NOOP("Labels", "Single"),
    "kawin": QT_TRANSLATE_NOOP("Labels", "Married"),
    "cerai_hidup": QT_TRANSLATE_NOOP("Labels", "Divorced"),
    "cerai_mati": QT_TRANSLATE_NOOP("Labels", "Widowed"),
}
_ACTION = {
    "create": QT_TRANSLATE_NOOP("Labels", "Created"),
    "update": QT_TRANSLATE_NOOP("Labels", "Changed"),
    "delete": QT_TRANSLATE_NOOP("Labels", "Deleted"),
    "sign_in": QT_TRANSLATE_NOOP("Labels", "Signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("Labels", "Sign-in failed"),
    "password_change": QT_TRANSLATE_NOOP("Labels", "Password changed"),
    "password_reset": QT_TRANSLATE_NOOP("Labels", "Password reset"),
    "unlock": QT_TRANSLATE_NOOP("Labels", "Lockout lifted"),
    "export": QT_TRANSLATE_NOOP("Labels", "Exported"),
    "backup": QT_TRANSLATE_NOOP("Labels", "Backed up"),
    "restore": QT_TRANSLATE_NOOP("Labels", "Restored from a backup"),
    "anonymise": QT_TRANSLATE_NOOP("Labels", "Anonymised"),
    "import": QT_TRANSLATE_NOOP("Labels", "Imported"),
}
# Values the audit trail stores as codes.
_VALUE = {
    "wrong_password": QT_TRANSLATE_NOOP("Labels", "wrong password"),
    "unknown_user": QT_TRANSLATE_NOOP("Labels", "unknown username"),
    "locked": QT_TRANSLATE_NOOP("Labels", "account locked"),
    "inactive": QT_TRANSLATE_NOOP("Labels", "account deactivated"),
    "personal_data": QT_TRANSLATE_NOOP("Labels", "personal data"),
    "counter": QT_TRANSLATE_NOOP("Labels", "counter staff"),
    "trainer": QT_TRANSLATE_NOOP("Labels", "trainer"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "supervisor"),
    "admin": QT_TRANSLATE_NOOP("Labels", "administrator"),
    "city": QT_TRANSLATE_NOOP("Labels", "city office"),
    "kecamatan": QT_TRANSLATE_NOOP("Labels", "sub-district office"),
    "True": QT_TRANSLATE_NOOP("Labels", "yes"),
    "False": QT_TRANSLATE_NOOP("Labels", "no"),
}
# Field names as the audit trail and the form name them.
_FIELD = {
    "registration_number": QT_TRANSLATE_NOOP("Labels", "Registration number"),
    "nik": QT_TRANSLATE_NOOP("Labels", "NIK"),
    "kk_number": QT_TRANSLATE_NOOP("Labels", "KK number"),
    "full_name": QT_TRANSLATE_NOOP("Labels", "Full name"),
    "sex": QT_TRANSLATE_NOOP("Labels", "Sex"),
    "birth_place": QT_TRANSLATE_NOOP("Labels", "Place of birth"),
    "birth_date": QT_TRANSLATE_NOOP("Labels", "Date of birth"),
    "religion": QT_TRANSLATE_NOOP("Labels", "Religion"),
    "marital_status": QT_TRANSLATE_NOOP("Labels", "Marital status"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
    "rt": QT_TRANSLATE_NOOP("Labels", "RT"),
    "rw": QT_TRANSLATE_NOOP("Labels", "RW"),
    "kelurahan_code": QT_TRANSLATE_NOOP("Labels", "Urban village"),
    "kecamatan_code": QT_TRANSLATE_NOOP("Labels", "Sub-district"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "education_level": QT_TRANSLATE_NOOP("Labels", "Highest education"),
    "education_major": QT_TRANSLATE_NOOP("Labels", "Major"),
    "height_cm": QT_TRANSLATE_NOOP("Labels", "Height (cm)"),
    "weight_kg": QT_TRANSLATE_NOOP("Labels", "Weight (kg)"),
    "skills": QT_TRANSLATE_NOOP("Labels", "Skills and certificates"),
    "preferred_countries": QT_TRANSLATE_NOOP("Labels", "Destination countries"),
    "preferred_sectors": QT_TRANSLATE_NOOP("Labels", "Sectors"),
    "funding_scheme": QT_TRANSLATE_NOOP("Labels", "Funding scheme"),
    "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "consent": QT_TRANSLATE_NOOP("Labels", "Consent"),
    "consent_on": QT_TRANSLATE_NOOP("Labels", "Consent date"),
    "languages": QT_TRANSLATE_NOOP("Labels", "Language skills"),
    "experience": QT_TRANSLATE_NOOP("Labels", "Work experience"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "source": QT_TRANSLATE_NOOP("Labels", "Source"),
    "reason": QT_TRANSLATE_NOOP("Labels", "Reason"),
    "failed_attempts": QT_TRANSLATE_NOOP("Labels", "Failed attempts"),
    "locked_until": QT_TRANSLATE_NOOP("Labels", "Locked until"),
    "active": QT_TRANSLATE_NOOP("Labels", "Active"),
    "role": QT_TRANSLATE_NOOP("Labels", "Role"),
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "to": QT_TRANSLATE_NOOP("Labels", "Saved to"),
    "applicants": QT_TRANSLATE_NOOP("Labels", "Applicants"),
    "must_change_password": QT_TRANSLATE_NOOP("Labels", "Must change password"),
    "value": QT_TRANSLATE_NOOP("Labels", "Value"),
    "records": QT_TRANSLATE_NOOP("Labels", "Records"),
    "purpose": QT_TRANSLATE_NOOP("Labels", "Purpose"),
    "destination": QT_TRANSLATE_NOOP("Labels", "Destination"),
    "fields": QT_TRANSLATE_NOOP("Labels", "Fields"),
    "audit_entries_redacted": QT_TRANSLATE_NOOP("Labels", "Audit entries redacted"),
    "file": QT_TRANSLATE_NOOP("Labels", "File"),
    "rows": QT_TRANSLATE_NOOP("Labels", "Rows"),
    "failed_rows": QT_TRANSLATE_NOOP("Labels", "Failed rows"),
    "saved": QT_TRANSLATE_NOOP("Labels", "Saved"),
    "from": QT_TRANSLATE_NOOP("Labels", "Restored from"),
    "integrity": QT_TRANSLATE_NOOP("Labels", "Integrity check"),
    "revision": QT_TRANSLATE_NOOP("Labels", "Schema revision"),
    "tables": QT_TRANSLATE_NOOP("Labels", "Rows per table"),
    "safety_copy": QT_TRANSLATE_NOOP("Labels", "Replaced database kept as"),
    "office_code": QT_TRANSLATE_NOOP("Labels", "Office"),
    "registered_on": QT_TRANSLATE_NOOP("Labels", "Registration date"),
    "photo_sha256": QT_TRANSLATE_NOOP("Labels", "Photo"),
    "applicant_id": QT_TRANSLATE_NOOP("Labels", "Applicant"),
    "language_code": QT_TRANSLATE_NOOP("Labels", "Language"),
    "level": QT_TRANSLATE_NOOP("Labels", "Level"),
    "certificate": QT_TRANSLATE_NOOP("Labels", "Certificate"),
    "employer": QT_TRANSLATE_NOOP("Labels", "Employer"),
    "position": QT_TRANSLATE_NOOP("Labels", "Position"),
    "country": QT_TRANSLATE_NOOP("Labels", "Country"),
    "sector": QT_TRANSLATE_NOOP("Labels", "Sector"),
    "start_date": QT_TRANSLATE_NOOP("Labels", "Start date"),
    "end_date": QT_TRANSLATE_NOOP("Labels", "End date"),
    "description": QT_TRANSLATE_NOOP("Labels", "Description"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status(code: str) -> str:
    return _t(_STATUS[code]) if code in _STATUS else code


def statuses() -> list[tuple[str, str]]:
    return [(code, _t(text)) for code, text in _STATUS.items()]


def sex(code: str) -> str:
    return _t(_SEX[code]) if code in _SEX else code


def religions() -> list[tuple[str, str]]:
    return [(code, _t(text)) for code, text in _RELIGION.items()]


def marital_statuses() -> list[tuple[str, str]]:
    return [(code, _t(text)) for code, text in _MARITAL.items()]


def action(code: str) -> str:
    return _t(_ACTION[code]) if code in _ACTION else code


def field(name: str) -> str:
    return _t(_FIELD[name]) if name in _FIELD else name


def value(code) -> str | None:
    """The label of a stored code value (a sign-in failure reason, a role, yes/no), or None."""
    key = str(code)
    return _t(_VALUE[key]) if key in _VALUE else None
