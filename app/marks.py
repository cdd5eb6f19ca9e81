"""Moments of the GUI start (``time.perf_counter``), for the start-up benchmark's phase figures.

Appending a tuple costs nothing measurable; ``bench/bench_gui.py`` reads them through the
``PMI_DESK_STARTUP_REPORT`` file the GUI writes when asked to.
"""

from __future__ import annotations

import time

MARKS: list[tuple[str, float]] = []


def mark(label: str) -> None:
    MARKS.append((label, time.perf_counter()))
