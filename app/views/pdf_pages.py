"""PDF pages for the widgets: ``app.reports.render`` (pypdfium2) results as ``QImage``, drawn on one
worker thread so the GUI never waits for a page.

``pages().request(key, function)`` runs ``function()`` (which returns a ``RenderedPage``, a
``QImage`` or any value) on the worker and emits ``pages().done(key, value)`` on the GUI thread; a
refusal (``AppError``) comes as the value. The emitter lives as long as the process, so a widget
closed before its page arrives loses nothing but the page (its connection ends with it).
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from app.reports.render import RenderedPage

log = logging.getLogger("app.ui")


def to_qimage(page: RenderedPage) -> QImage:
    """A QImage that owns a copy of the page's pixels (BGRA bytes are ARGB32 on little-endian)."""
    import sys

    fmt = QImage.Format.Format_ARGB32 if sys.byteorder == "little" else QImage.Format.Format_RGBA8888
    image = QImage(page.bgra_bytes, page.width, page.height, page.stride, fmt)
    if sys.byteorder != "little":  # pragma: no cover - every supported PC is little-endian
        image = image.rgbSwapped()
    return image.copy()


class PageWorker(QObject):
    done = Signal(object, object)  # key, value (QImage, other result, or the error)

    def __init__(self):
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf-pages")
        self._pending: dict[object, Future] = {}
        self.done.connect(self._taken)  # a queued call on the GUI thread, before any receiver's

    def request(self, key, function) -> bool:
        """Queue ``function`` unless the same key is already queued; False when it was."""
        if key in self._pending:
            return False
        future = self._pool.submit(self._run, function)
        self._pending[key] = future
        future.add_done_callback(lambda f, k=key: self._finished(k, f))
        return True

    @staticmethod
    def _run(function):
        from app.core.errors import AppError

        try:
            value = function()
        except AppError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - logged, handed back as a value
            log.exception("drawing a PDF page failed")
            return exc
        return to_qimage(value) if isinstance(value, RenderedPage) else value

    def _finished(self, key, future: Future) -> None:
        if QCoreApplication.instance() is None:
            return
        value = future.result()
        self.done.emit(key, value)

    def _taken(self, key, _value) -> None:
        self._pending.pop(key, None)  # the key may be asked again

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until the queued work ran (tests, and the print loop)."""
        for future in list(self._pending.values()):
            future.result(timeout)


_worker: PageWorker | None = None


def pages() -> PageWorker:
    global _worker
    if _worker is None:
        _worker = PageWorker()
    return _worker
