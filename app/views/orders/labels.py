"""Labels of the job order area's codes (order status, placement stage, score parts, filters)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

ORDER_STATUS = {
    "draft": QT_TRANSLATE_NOOP("OrderLabels", "Draft"),
    "open": QT_TRANSLATE_NOOP("OrderLabels", "Open"),
    "closed": QT_TRANSLATE_NOOP("OrderLabels", "Closed"),
    "filled": QT_TRANSLATE_NOOP("OrderLabels", "Filled"),
}
STAGE = {
    "shortlisted": QT_TRANSLATE_NOOP("OrderLabels", "Shortlist"),
    "proposed": QT_TRANSLATE_NOOP("OrderLabels", "Proposed to the agency"),
    "interview": QT_TRANSLATE_NOOP("OrderLabels", "Interview"),
    "selected": QT_TRANSLATE_NOOP("OrderLabels", "Selected"),
    "contract": QT_TRANSLATE_NOOP("OrderLabels", "Contract"),
    "visa": QT_TRANSLATE_NOOP("OrderLabels", "Visa"),
    "opp": QT_TRANSLATE_NOOP("OrderLabels", "Pre-departure orientation"),
    "departed": QT_TRANSLATE_NOOP("OrderLabels", "Departed"),
    "rejected": QT_TRANSLATE_NOOP("OrderLabels", "Rejected"),
    "withdrawn": QT_TRANSLATE_NOOP("OrderLabels", "Withdrawn"),
}
PART = {
    "language": QT_TRANSLATE_NOOP("OrderLabels", "Language"),
    "attendance": QT_TRANSLATE_NOOP("OrderLabels", "Attendance"),
    "test": QT_TRANSLATE_NOOP("OrderLabels", "Test scores"),
    "documents": QT_TRANSLATE_NOOP("OrderLabels", "Documents"),
    "experience": QT_TRANSLATE_NOOP("OrderLabels", "Experience"),
    "preference": QT_TRANSLATE_NOOP("OrderLabels", "Preference"),
    "waiting": QT_TRANSLATE_NOOP("OrderLabels", "Waiting time"),
}
FILTER = {
    "status": QT_TRANSLATE_NOOP("OrderLabels", "status"),
    "sex": QT_TRANSLATE_NOOP("OrderLabels", "sex"),
    "age": QT_TRANSLATE_NOOP("OrderLabels", "age"),
    "education": QT_TRANSLATE_NOOP("OrderLabels", "education"),
    "language": QT_TRANSLATE_NOOP("OrderLabels", "language"),
    "height": QT_TRANSLATE_NOOP("OrderLabels", "height"),
    "experience": QT_TRANSLATE_NOOP("OrderLabels", "experience"),
    "certificates": QT_TRANSLATE_NOOP("OrderLabels", "certificates"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("OrderLabels", text)


def order_status(code: str) -> str:
    return _t(ORDER_STATUS[code]) if code in ORDER_STATUS else code


def stage(code: str) -> str:
    return _t(STAGE[code]) if code in STAGE else code


def part(code: str) -> str:
    return _t(PART[code]) if code in PART else code


def filter_name(code: str) -> str:
    return _t(FILTER[code]) if code in FILTER else code


def error_text(exc) -> str:
    """The message of a refusal in the chosen language (a ValidationError: each field's message)."""
    from app.core.errors import ValidationError
    from app.views import i18n

    if isinstance(exc, ValidationError):
        return "\n".join(i18n.message(e) for e in exc.errors)
    return i18n.message(exc) if hasattr(exc, "message_en") else str(exc)
