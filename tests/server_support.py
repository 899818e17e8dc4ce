"""Helpers of the server tests: a database's URL with options, a switchable TCP proxy that
plays a server going away and coming back, and the server's own view of its sessions."""

from __future__ import annotations

import socket
import threading
from urllib.parse import quote

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_options(url: str, **settings) -> str:
    """`url` with `?options=-c name=value …` (what an administrator may add to PAZOS_DB)."""
    options = " ".join(f"-c {k}={v}" for k, v in settings.items())
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(options)}"


def via(url: str, port: int, **query) -> str:
    """The same database reached through 127.0.0.1:`port` (a proxy, or nothing at all)."""
    moved = make_url(url).set(host="127.0.0.1", port=port)
    return moved.update_query_dict(query).render_as_string(hide_password=False)


def admin_execute(url: str, sql: str, **params):
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            result = conn.execute(text(sql), params)
            return result.fetchall() if result.returns_rows else None
    finally:
        engine.dispose()


def terminate_other_sessions(url: str) -> int:
    """What a server restart does to every open connection of the database."""
    rows = admin_execute(
        url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = :db AND pid <> pg_backend_pid()",
        db=make_url(url).database,
    )
    return len(rows)


class Silent:
    """A port that accepts connections and never says a word: a server that stopped answering."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]

    def close(self) -> None:
        self.sock.close()


class Proxy:
    """Forwards 127.0.0.1:`port` to the real server once started (before: connection refused)."""

    def __init__(self, target_url: str, port: int):
        url = make_url(target_url)
        self.target = (url.host or "127.0.0.1", url.port or 5432)
        self.port = port
        self.sock: socket.socket | None = None

    def start(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", self.port))
        self.sock.listen(16)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.sock is not None:
            try:
                client, _addr = self.sock.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(a, b), daemon=True).start()

    def stop(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def _pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while data := src.recv(65536):
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
