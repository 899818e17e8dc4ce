"""Opening the database at start-up: every check, each failure a message with ways out.

The window and the CLI call `prepare_database(target)`. It either returns a migrated
`Database` (after the daily backup) or raises `StartupProblem`, whose `options` say what the
user may do next; `restore_latest()` and a new `prepare_database(other_path)` carry them out.
Nothing here overwrites or deletes a database.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from pathlib import Path

from sqlalchemy.engine import make_url

from pazos_desktop.clock import Clock
from pazos_desktop.db.database import Database, known_revisions
from pazos_desktop.db.server import LoginRefused, ServerUnavailable
from pazos_desktop.db.urls import is_sqlite, to_url
from pazos_desktop.errors import DatabaseProblem, PazosError
from pazos_desktop.i18n import N_, _
from pazos_desktop.safety import backup
from pazos_desktop.safety import location as safety
from pazos_desktop.safety.opening import open_database
from pazos_desktop.safety.restore import RestoreResult, restore

log = logging.getLogger(__name__)


class Recovery(enum.StrEnum):
    RESTORE_LATEST = "restore_latest"
    CHOOSE_LOCATION = "choose_location"
    OPEN_ANYWAY = "open_anyway"
    RETRY = "retry"
    QUIT = "quit"


RECOVERY_LABELS = {
    Recovery.RESTORE_LATEST: N_("Restaurar la última copia de seguridad"),
    Recovery.CHOOSE_LOCATION: N_("Elegir otra ubicación…"),
    Recovery.OPEN_ANYWAY: N_("Abrir de todos modos"),
    Recovery.RETRY: N_("Reintentar"),
    Recovery.QUIT: N_("Salir"),
}


class StartupProblem(DatabaseProblem):
    """Why the database cannot be opened as it is; `options` are the ways out, in order."""

    def __init__(self, kind: str, message: str, options: list[Recovery], db_path: Path | None):
        super().__init__(message)
        self.kind = kind
        self.options = options
        self.db_path = db_path


def option_label(option: Recovery) -> str:
    return _(RECOVERY_LABELS[option])


def sqlite_file(target: str) -> Path | None:
    url = to_url(target)
    if not is_sqlite(url):
        return None
    path = make_url(url).database
    return Path(path) if path and path != ":memory:" else None


def prepare_database(
    target: str,
    allow_network: bool = False,
    now: dt.datetime | None = None,
    clock: Clock | None = None,
    password: str | None = None,
) -> Database:
    """Check, back up (daily), migrate and open the database at `target`.

    A server that refuses the sign-in raises `LoginRefused` as it is: the window asks for
    the user and password again."""
    db_path = sqlite_file(target)
    if db_path is not None:
        _check_location(db_path, allow_network)
        _check_file(db_path)
    try:
        # _check_file ran quick_check
        db = open_database(target, probe=False, clock=clock, password=password)
    except (StartupProblem, LoginRefused):
        raise
    except ServerUnavailable as exc:  # the network or the server: trying again may work
        options = [Recovery.RETRY, Recovery.QUIT]
        raise StartupProblem("unreachable", exc.message, options, None) from exc
    except PazosError as exc:
        raise StartupProblem(
            "open_failed", exc.message, _with_restore(db_path, [Recovery.QUIT]), db_path
        ) from exc
    _daily_backup(db, now)
    return db


def _check_location(db_path: Path, allow_network: bool) -> None:
    where = [Recovery.CHOOSE_LOCATION, Recovery.QUIT]
    problem = None if allow_network else safety.network_location_problem(db_path)
    if problem:
        options = [Recovery.CHOOSE_LOCATION, Recovery.OPEN_ANYWAY, Recovery.QUIT]
        raise StartupProblem("network", problem, options, db_path)
    problem = safety.folder_problem(db_path)
    if problem:
        raise StartupProblem("folder", problem, where, db_path)


def _check_file(db_path: Path) -> None:
    """quick_check, then: is it ours, and not from a newer program? (an empty file is new)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    report = backup.inspect_file(db_path, quick=True)
    if report.integrity != "ok":
        kind, message = _damage(db_path, report.integrity)
        options = _with_restore(db_path, [Recovery.CHOOSE_LOCATION, Recovery.QUIT])
        raise StartupProblem(kind, message, options, db_path)
    if report.revision is not None and report.revision not in known_revisions():
        message = _(
            "La base de datos {path} fue creada por una versión más reciente del programa "
            "(revisión {rev}). Actualice PAZOS Coordinación para abrirla; no se modificó nada."
        ).format(path=db_path, rev=report.revision)
        raise StartupProblem("newer", message, [Recovery.CHOOSE_LOCATION, Recovery.QUIT], db_path)
    if not report.ours and report.revision is not None:
        raise StartupProblem(
            "foreign", _not_ours(db_path), [Recovery.CHOOSE_LOCATION, Recovery.QUIT], db_path
        )


def _damage(db_path: Path, detail: str) -> tuple[str, str]:
    if "not a database" in detail or "file is encrypted" in detail:
        return "not_database", _not_ours(db_path)
    return "damaged", _(
        "La base de datos {path} está dañada ({detail}). Puede restaurar la última copia de "
        "seguridad buena (la base dañada se conserva aparte) o elegir otra ubicación."
    ).format(path=db_path, detail=detail)


def _not_ours(db_path: Path) -> str:
    return _(
        "El archivo {path} no es una base de datos de PAZOS Coordinación. No se modificó; "
        "elija otra ubicación."
    ).format(path=db_path)


def _with_restore(db_path: Path | None, options: list[Recovery]) -> list[Recovery]:
    if db_path is not None and backup.latest_good_backup(db_path) is not None:
        return [Recovery.RESTORE_LATEST, *options]
    return options


def _daily_backup(db: Database, now: dt.datetime | None) -> None:
    # A failed daily backup must not keep anyone from working; it is logged and retried on
    # the next start.
    try:
        backup.daily(db, now)
    except Exception:
        log.exception("daily backup failed")


def restore_latest(target: str) -> RestoreResult:
    """The way out of a damaged database: the newest verified backup takes its place."""
    db_path = sqlite_file(target)
    source = backup.latest_good_backup(db_path) if db_path else None
    if source is None:
        raise DatabaseProblem(_("No hay ninguna copia de seguridad buena para restaurar."))
    return restore(db_path, source)


def second_copy_message(holder: str | None = None) -> str:
    """For the window when another copy of the program already has the database open."""
    text = _(
        "PAZOS Coordinación ya está abierto con esta base de datos{holder}. Use esa ventana; "
        "abrir dos copias a la vez podría hacer perder cambios. No se modificó nada."
    )
    return text.format(holder=_(" (proceso {who})").format(who=holder) if holder else "")


# Texts of the window's start-up dialogs, kept here so they are translated with the core's.
DIALOG_TITLE = N_("Problema con la base de datos")
SECOND_COPY_TITLE = N_("PAZOS Coordinación ya está abierto")
CHOOSE_FILE_CAPTION = N_("Elegir dónde guardar la base de datos")
FILE_FILTER = N_("Bases de datos de PAZOS (*.sqlite *.db);;Todos los archivos (*)")
RESTORED_MESSAGE = N_("Se restauró la copia {path}. La base anterior quedó guardada en {kept}.")
BACKUP_NOW_LABEL = N_("Hacer una copia de seguridad ahora…")
RESTORE_LABEL = N_("Restaurar una copia de seguridad…")
BACKUP_TITLE = N_("Copia de seguridad")
SAVE_BACKUP_CAPTION = N_("Guardar la copia de seguridad")
OPEN_BACKUP_CAPTION = N_("Elegir la copia de seguridad")
RESTORE_QUESTION = N_(
    "¿Reemplazar la base de datos {db} por la copia {src}? Antes se guarda una copia "
    "verificada de la actual."
)
NO_PREVIOUS_DATABASE = N_("(no había base anterior)")
BACKUP_DONE = N_("Copia de seguridad verificada: {path}")
