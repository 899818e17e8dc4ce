"""The window on a server: a server that is away at start-up offers Reintentar / Salir, and
retrying opens it once it answers; the File menu's backup works on the server."""

from __future__ import annotations

import pytest
from window_support import close_window, idle

from pazos_desktop.safety import backup
from pazos_desktop.safety.startup import Recovery
from tests.server_support import Proxy, free_port, via
from ui import app as ui_app
from ui.main_window import MainWindow

pytest_plugins = ["window_fixtures"]
pytestmark = pytest.mark.server_only


def test_retry_opens_the_window_when_the_server_is_back(
    qtbot, db_path, prefs, monkeypatch, recorder
):
    port = free_port()
    proxy = Proxy(str(db_path), port)
    asked = []

    def ask(problem, _parent):
        asked.append(problem)
        proxy.start()  # the server answers again while the question is on screen
        return Recovery.RETRY

    monkeypatch.setattr(ui_app, "recovery_ask", ask)
    window = MainWindow(prefs, via(str(db_path), port))
    qtbot.addWidget(window)
    window.show()
    ui_app.start(window)
    try:
        qtbot.waitUntil(lambda: window.ops.db is not None and window.ops.idle, timeout=30000)
        assert [p.kind for p in asked] == ["unreachable"]
        assert [o.value for o in asked[0].options] == ["retry", "quit"]
        assert "No hay comunicación con el servidor" in asked[0].message
        assert recorder.details == []
    finally:
        close_window(window)
        proxy.stop()


def test_quit_closes_the_window_and_writes_nothing(qtbot, db_path, prefs, monkeypatch, recorder):
    monkeypatch.setattr(ui_app, "recovery_ask", lambda _problem, _parent: Recovery.QUIT)
    window = MainWindow(prefs, via(str(db_path), free_port()))
    qtbot.addWidget(window)
    window.show()
    ui_app.start(window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert window.ops.db is None
    window.ops.shutdown()


def test_back_up_now_from_the_file_menu_on_a_server(qtbot, window, tmp_path):
    told = []
    copy = tmp_path / "copia del servidor.sqlite"
    window.back_up_now(ask=lambda _p, _s: str(copy), show=lambda *a: told.append(a[-1]))
    idle(qtbot, window)  # the copy is made off the UI thread
    assert backup.inspect_file(copy).ok and "Copia de seguridad verificada" in told[-1]
