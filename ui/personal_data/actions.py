"""Window actions on one person: export their data, suppress it (after a backup)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pazos_desktop.i18n import _
from ui import errors, interaction
from ui.jobs.operations import Job, Operations
from ui.personal_data.confirm import confirm_suppression


def export_person(ops: Operations, parent: QWidget, contact_id: int, folder: str, done) -> None:
    from pazos_desktop.documents.person_export import export_person as export

    path = interaction.save_file(
        parent,
        parent.tr("Exportar los datos de la persona"),
        f"{folder}/datos_personales_{contact_id}.pdf",
        parent.tr("PDF para la persona (*.pdf);;JSON para el registro (*.json)"),
    )
    if path:
        ops.read(lambda s: export(s, contact_id, path), done, parent=parent)


def suppress_person(ops: Operations, parent: QWidget, contact_id: int, done) -> None:
    """Plan (read), confirm naming what happens, then back up, suppress, clean the file."""
    from pazos_desktop.safety import backup
    from pazos_desktop.services.personal_data.suppression import plan_suppression

    db = ops.db

    def read(session):
        count = len(backup.list_backups(db.path)) if db.path is not None else 0
        return plan_suppression(session, contact_id), count

    ops.read(read, lambda found: _confirm(ops, parent, contact_id, *found, done), parent=parent)


def _confirm(ops, parent, contact_id: int, plan, backups: int, done) -> None:
    from pazos_desktop.errors import PazosError

    if plan.already:
        errors.show_error(parent, PazosError(_("Los datos de este contacto ya fueron suprimidos.")))
        return
    if confirm_suppression(parent, plan, backups):
        title = parent.tr("Suprimiendo los datos de la persona")
        ops.job(title, lambda job: _suppress(job, contact_id), done, parent=parent)


def _suppress(job: Job, contact_id: int):
    """A backup first, then the suppression, then the freed pages wiped (a long job)."""
    from pazos_desktop.documents.suppression import suppress_contact
    from pazos_desktop.safety import backup
    from pazos_desktop.services.personal_data.purge import purge_freed_pages

    db = job.ops.db
    job.progress(0, 3, _("Copia de seguridad…"))
    backup.before(db, "suppression")
    job.check()  # cancelled during the backup: nothing suppressed yet
    job.progress(1, 3, _("Suprimiendo…"))
    result = job.in_session(lambda session: suppress_contact(session, contact_id))
    job.progress(2, 3, _("Limpiando el archivo…"))
    purge_freed_pages(db.engine)
    return result
