"""The password a person chose to remember, in the operating system's credential store.

`keyring` is Windows Credential Manager on the office PCs (the macOS Keychain, the Secret
Service on Linux). Only this module touches it; a password is never written to the
preferences, the log or a backup. The key names the server and the user
("ana@servidor:5432/pazos"), so one PC can remember a person on two servers. A store that
cannot be used (none on a bare Linux, a locked one) means nothing is remembered: the window
asks again next time.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url

log = logging.getLogger("pazos.credentials")

SERVICE = "PAZOS Coordinación"


def key(target: str, login: str) -> str:
    url = make_url(target)
    return f"{login}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def stored(target: str, login: str) -> str | None:
    if not login:
        return None
    try:
        import keyring

        return keyring.get_password(SERVICE, key(target, login))
    except Exception as exc:  # no usable store: nothing remembered
        log.warning("credential store unavailable: %s", type(exc).__name__)
        return None


def remember(target: str, login: str, password: str) -> bool:
    try:
        import keyring

        keyring.set_password(SERVICE, key(target, login), password)
        return True
    except Exception as exc:
        log.warning("could not remember the password: %s", type(exc).__name__)
        return False


def forget(target: str, login: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, key(target, login))
    except Exception:  # nothing stored, or no store: nothing to forget
        pass
