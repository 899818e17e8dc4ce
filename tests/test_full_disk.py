"""A full disk at every write door: one message naming the folder and what to free, the
database intact and unchanged, no half file left, and the same action works once space is
freed. On a real small file system (tmpfs: the tests mount one as root, and skip elsewhere)."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pazos_desktop.db.database import check
from pazos_desktop.db.models.register import Contact
from pazos_desktop.documents import actas
from pazos_desktop.documents.suppression import suppress_contact
from pazos_desktop.errors import PazosError
from pazos_desktop.excel.data import load_partner_sheets
from pazos_desktop.excel.partner.apply import apply_progress
from pazos_desktop.excel.partner.returned import preview_progress
from pazos_desktop.excel.partner.sheets import KEYS, export_partner_sheets, write_partner_sheet
from pazos_desktop.safety import backup
from pazos_desktop.services import partners
from pazos_desktop.services.meetings.drafts import Drafts
from pazos_desktop.services.meetings.editing import get_meeting
from pazos_desktop.services.report.filters import resolve_partners
from tests.conftest import copy_database, database_on
from tests.disk_support import fill, mount_tmpfs, unmount
from tests.excel_support import TODAY, db_state, sample_template

pytestmark = [
    pytest.mark.sqlite_only,  # the database file itself sits on the small disk
    # openpyxl's generators of a workbook whose save failed complain when collected
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]
__all__ = ["sample_template"]
DRAFT, APPROVED = 7, 6  # meetings of the sample: a draft ready to approve, an approved acta


@dataclasses.dataclass
class Disk:
    folder: Path
    db: object
    scratch: Path  # on the ordinary disk: what a door reads (a returned sheet)

    def files(self) -> set[str]:
        found = self.folder.rglob("*")
        return {p.relative_to(self.folder).as_posix() for p in found if p.is_file()}


@pytest.fixture
def disk(sample_template, tmp_path):
    folder = tmp_path / "disco"
    if not mount_tmpfs(folder, "size=12m"):
        pytest.skip("mounting a small file system (tmpfs) is refused here: it needs root")
    try:
        path = copy_database(sample_template, folder / "pazos.sqlite")
        db = database_on(path, TODAY)
        with db.session(read_only=True) as s:  # -wal and -shm exist before the disk fills
            s.execute(select(Contact.id)).first()
        yield Disk(folder, db, tmp_path)
        db.dispose()
    finally:
        unmount(folder)


def _save(disk: Disk, ready):
    with disk.db.session() as s:
        data = partners.get_partner(s, 1)
        partners.save_partner(s, dataclasses.replace(data, phone="602 555 0199"))


def _approve(disk: Disk, ready):
    with disk.db.session() as s:
        actas.approve_meeting(s, DRAFT)


def _reopen(disk: Disk, ready):
    with disk.db.session() as s:
        version = get_meeting(s, APPROVED).version
        actas.reopen_meeting(s, APPROVED, "Faltó un asistente", version)


def _returned_sheet(disk: Disk) -> Path:
    with disk.db.session(read_only=True) as s:
        data = load_partner_sheets(s, resolve_partners(s, ["SIDOC"]), on=TODAY)[0]
    path = disk.scratch / "SIDOC.xlsx"
    write_partner_sheet(data, path)
    wb = load_workbook(path)
    ws, column = wb["Compromisos"], KEYS.index("new_achieved")
    for row in data.commitments:
        if row.status in ("pipeline", "in_progress"):
            found = next(r for r in ws.iter_rows(min_row=4) if r[0].value == row.id)
            found[column].value = row.achieved_quantity + 1
    wb.save(path)
    return path


def _import_apply(disk: Disk, path):
    with disk.db.session() as s:
        preview = preview_progress(s, [path], on=TODAY)
        assert preview.ok and preview.changes
        apply_progress(s, preview, on=TODAY)


def _suppress(disk: Disk, ready):
    with disk.db.session(reason="Supresión de datos personales") as s:
        suppress_contact(s, s.scalar(select(Contact.id).order_by(Contact.id)))


def _draft(disk: Disk, ready):
    drafts = Drafts(disk.folder / "datos", str(disk.db.path))
    drafts.save("meeting-7", {"form": {"place": "Sala de juntas " * 2000}})


def _backup(disk: Disk, ready):
    backup.before(disk.db, "manual")


def _sheets(disk: Disk):
    with disk.db.session(read_only=True) as s:
        return load_partner_sheets(s, resolve_partners(s, ["SIDOC", "PSP"]), on=TODAY)


def _export(disk: Disk, items):
    export_partner_sheets(items, disk.folder)


DOORS = {  # door: (what it reads before the disk fills, the write)
    "save": (None, _save),
    "approve": (None, _approve),
    "reopen": (None, _reopen),
    "import apply": (_returned_sheet, _import_apply),
    "suppression": (None, _suppress),
    "draft autosave": (None, _draft),
    "backup": (None, _backup),
    "export": (_sheets, _export),
}


@pytest.mark.parametrize("door", DOORS)
def test_a_full_disk_is_a_message_at_every_write(disk, door):
    prepare, write = DOORS[door]
    ready = prepare(disk) if prepare else None
    before, files = db_state(disk.db), disk.files()
    filler = fill(disk.folder)
    with pytest.raises(PazosError) as err:
        write(disk, ready)
    message = err.value.message
    # openpyxl leaves its half-written zip open until the traceback goes: let it go, as the
    # program does once the message is shown (else the small disk cannot be unmounted).
    del err
    gc.collect()
    assert message.startswith(f"El disco de la carpeta {disk.folder}"), message
    assert "está lleno" in message and "Libere espacio en ese disco" in message, message
    filler.unlink()
    assert db_state(disk.db) == before  # nothing of the action was saved
    report = check(disk.db.engine)
    assert report.integrity == "ok" and report.foreign_key_problems == 0
    left = {f for f in disk.files() - files if not f.endswith(("-wal", "-shm"))}
    assert left == set(), left  # no half file
    write(disk, ready)  # with space again, the same action works


def test_the_acta_editor_stays_usable_on_a_full_disk(qtbot, disk, tmp_path, monkeypatch):
    """The draft kept every few seconds says it once; saving says it too, with no "error
    inesperado"; what was typed stays in the editor and is saved once space is freed."""
    from types import SimpleNamespace

    from PySide6.QtCore import QSettings

    from ui import interaction, prefs, views
    from ui.jobs import operations
    from ui.meetings.view import MeetingsView

    recorder = interaction.Recorder()
    monkeypatch.setattr(interaction, "current", recorder)
    ops = operations.Operations(disk.db)
    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    window = SimpleNamespace(data_folder=disk.folder / "datos")
    view = MeetingsView(
        views.ViewContext(ops=ops, prefs=prefs.Preferences(settings), window=window)
    )
    qtbot.addWidget(view)
    try:
        view.refresh()
        qtbot.waitUntil(lambda: ops.idle and view.panel.model.rowCount() > 0)
        row = next(i for i, r in enumerate(view.panel.model.rows) if r.status == "draft")
        view.panel.table.selectRow(row)
        view.open_selected()
        qtbot.waitUntil(lambda: view.last_editor is not None and ops.idle)
        editor = view.last_editor
        filler = fill(disk.folder)
        for place in ("Sala sin espacio", "Sala sin espacio, segunda"):
            editor.fields["place"].setText(place)
            editor.keeper.keep()  # what the timer does every few seconds
            qtbot.waitUntil(lambda: ops.idle)
        [(title, text)] = recorder.told  # said once, not at every tick
        assert title == "Borrador no guardado" and f"El disco de la carpeta {disk.folder}" in text
        editor.save()
        qtbot.waitUntil(lambda: ops.idle)
        [shown] = recorder.shown
        assert shown.startswith(f"El disco de la carpeta {disk.folder} está lleno: no se guardó")
        assert editor.isVisible() and editor.is_dirty()
        filler.unlink()
        editor.save()
        qtbot.waitUntil(lambda: ops.idle and editor.data.place == "Sala sin espacio, segunda")
        assert len(recorder.shown) == 1
    finally:
        ops.shutdown()
