"""The Qt face of PMI Desk: widgets, item models and dialogs over ``app.core`` services."""

from app.views import pyside_refcount as _pyside_refcount

_pyside_refcount.apply()  # PySide6 6.12.0 on Python 3.11: see the module
