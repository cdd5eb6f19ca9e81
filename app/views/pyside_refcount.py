"""Workaround for reference-count bugs of PySide6 6.12.0 on Python 3.11.

Measured here: every call of a Qt method returning ``void`` (``QLineEdit.setText``…) drops one
reference to ``None``, and every ``Signal.emit()`` one reference to ``True``. Python 3.11's
singletons are ordinary objects, so after some thousands of calls (minutes of typing) the count
reaches zero and Python aborts ("none_dealloc" / "bool_dealloc"), at the latest at exit.

Python 3.12 made these singletons immortal. ``apply()`` does the same for 3.11: when a probe shows
the leak, it adds 2**40 references to ``None``, ``True`` and ``False`` (no bug-free code path ever
notices). Nothing happens on a PySide without the bug or on Python ≥ 3.12. The real fix is a
PySide6 release without the bug (6.11.x is not affected; see the report in tests/views).
"""

from __future__ import annotations

import ctypes
import sys

EXTRA_REFERENCES = 1 << 40
_applied = False


def leaks() -> bool:
    """Whether void calls or emit() drop references in the installed PySide (a tiny probe)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.ping.emit()
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


def apply() -> bool:
    """Make None/True/False effectively immortal when needed; True when it was applied."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not leaks():
        return False
    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))
        refcount.value += EXTRA_REFERENCES
    _applied = True
    return True
