"""Matching's candidate arrays load on a worker thread after a supervisor signs in, so the first
match does not wait for them; counter staff and trainers do not load them."""

from __future__ import annotations

from app.core import demo, matching, setup
from app.core.actor import Actor
from tests.conftest import TODAY


def _window(qtbot, db, role):
    from app.views.main_window import MainWindow

    office = setup.ensure_office(db)
    window = MainWindow(db, Actor("u1", office.code, role, "U"), setup.local_office(db))
    qtbot.addWidget(window)
    return window


def test_a_supervisor_s_window_loads_the_arrays_after_sign_in(qtbot, db, monkeypatch):
    from app.views import main_window

    demo.generate(db, Actor("admin1", "SRG-0001", "admin"), applicants=80, seed=3, today=TODAY)
    monkeypatch.setattr(main_window, "MATCH_PRELOAD_AFTER_MS", 10)
    window = _window(qtbot, db, "supervisor")
    window.show()
    pool = matching.pool_for(db)
    assert not pool.loaded  # not before the window is up
    qtbot.waitUntil(lambda: window.match_preload is not None, timeout=5000)
    window.match_preload.wait(20000)
    assert pool.loaded and pool.n == 80 and pool.loads == 1
    assert window.match_preload.error is None
    # the first match uses them: no second load
    assert not matching.preload(db)
    order = next(o for o in matching.open_orders(db, TODAY))
    matching.rank_candidates(db, Actor("u1", "SRG-0001", "supervisor"), order.id, today=TODAY)
    assert pool.loads == 1
    window.close()


def test_counter_staff_do_not_load_them(qtbot, db, monkeypatch):
    from app.views import main_window

    monkeypatch.setattr(main_window, "MATCH_PRELOAD_AFTER_MS", 10)
    window = _window(qtbot, db, "counter")
    qtbot.wait(100)
    assert window.match_preload is None and not matching.pool_for(db).loaded
    window.close()


def test_a_window_closed_before_the_moment_starts_no_thread(qtbot, db, monkeypatch):
    from app.views import main_window

    monkeypatch.setattr(main_window, "MATCH_PRELOAD_AFTER_MS", 50)
    window = _window(qtbot, db, "admin")
    window.show()
    window.close()  # "Sign out" within the first seconds: the window waits for deletion
    qtbot.wait(200)
    assert window.match_preload is None and not matching.pool_for(db).loaded
