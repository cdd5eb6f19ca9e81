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
