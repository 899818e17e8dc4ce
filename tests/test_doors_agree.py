"""One rule per field, whatever the door: the same input through the window (its real editors,
or its services for values no one can type), the partner-sheet import, the bulk import and
the command line gives the same stored value, the same refusal or the same doubt; a refusal,
or a doubt nobody accepted, leaves the database exactly as it was.

Each case names its field, its input and what every door must do with it; each door works on
its own copy of a small database (one partner, one cluster, one commitment).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pazos_desktop.cli import main as cli_main
from pazos_desktop.db.models.register import Commitment, HistoryEntry, ProgressUpdate
from pazos_desktop.excel.bulk.apply import apply_bulk
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.workbook import write_workbook
from pazos_desktop.excel.data import load_partner_sheets, load_workbook_data
from pazos_desktop.excel.partner.apply import apply_progress
from pazos_desktop.excel.partner.returned import preview_progress
from pazos_desktop.excel.partner.sheets import KEYS, write_partner_sheet
from pazos_desktop.services.commitments import editing as commitments
from tests import factories as f
from tests.conftest import SUITE_TODAY, copy_database, database_on
from tests.excel_support import db_state

# Each door works on its own copy of a small database file (copied per door, then compared
# with `db_state`); the rules compared here run in Python whatever the engine, and
# the server's own behaviour (locks, numbering, conflicts) has its tests in test_server_*.
pytestmark = pytest.mark.sqlite_only

TODAY = SUITE_TODAY
pytest_plugins = ["window_fixtures"]  # `recorder`: the window's questions, answered here


@dataclasses.dataclass(frozen=True)
class Stored:
    value: object


@dataclasses.dataclass(frozen=True)
class Refused:
    message: str  # the field's message ("Meta: no puede ser negativo.")


@dataclasses.dataclass(frozen=True)
class Doubt:
    sentence: str  # what the window asks and the import lists as a conflict


# --- the small world each door starts from ------------------------------------------------------


def build_world(path: Path, **commitment) -> Path:
    db = database_on(path, TODAY)
    with db.session() as s:
        partner = f.partner(s, acronym="SIDOC")
        cluster = f.cluster(s)
        values = {"target_quantity": None, "achieved_quantity": 0.0} | commitment
        f.commitment(s, partner.id, [cluster.id], **values)
    db.dispose()
    return path


@pytest.fixture
def world_factory(migrated_template, tmp_path):
    made: dict[tuple, Path] = {}

    def copy_of(door: str, **commitment) -> Path:
        key = tuple(sorted(commitment.items()))
        if key not in made:
            folder = tmp_path / f"world{len(made)}"
            folder.mkdir()
            made[key] = build_world(
                copy_database(migrated_template, folder / "w.sqlite"), **commitment
            )
        target = made[key].parent / f"{door}.sqlite"
        return copy_database(made[key], target)

    return copy_of


def _commitment(db):
    with db.session() as s:
        return commitments.get_commitment(s, s.scalars(select(Commitment.id)).one())


def _stored(db, key: str):
    with db.session() as s:
        c = s.scalars(select(Commitment)).one()
        if key in ("date", "comment"):
            update = s.scalars(select(ProgressUpdate)).one()
            return getattr(update, key)
        return getattr(c, key)


# --- the doors ------------------------------------------------------------------------------------
# Each takes a database file, the field (a commitment's or a progress update's) and the input,
# and returns what happened: Stored(value in the database), Refused(message) or Doubt(...).


def window_commitment(path: Path, key: str, raw, qtbot, recorder):
    """The commitment editor: text typed in its field; a value no one can type (a number
    cell's float, a boolean) goes to the service the editor calls."""
    from ui.dialogs.commitment import CommitmentEditor, load_choices
    from ui.jobs.operations import Operations

    db = database_on(path, TODAY)
    ops = Operations(db)
    try:
        data = _commitment(db)
        if not isinstance(raw, str):
            return _service(db, key, lambda s, accept: commitments.save_commitment(
                s, dataclasses.replace(data, **{key: raw}), accept
            ))  # fmt: skip
        with db.session() as s:
            choices = load_choices(s, data.partner_id)
        editor = CommitmentEditor(ops, None, choices, data)
        editor.fields[key].setText(raw)
        return _save_editor(editor, ops, db, key, qtbot, recorder)
    finally:
        ops.shutdown()
        db.dispose()


def window_progress(path: Path, key: str, raw, qtbot, recorder):
    """*Añadir avance…*: the progress editor, as its fields are typed in."""
    from ui.dialogs.commitment import ProgressEditor
    from ui.jobs.operations import Operations

    db = database_on(path, TODAY)
    ops = Operations(db)
    try:
        data = _commitment(db)
        if not isinstance(raw, str):
            values = {"achieved_quantity": raw} if key == "achieved_quantity" else {key: raw}
            progress = commitments.ProgressData(data.id, TODAY, **values)
            return _service(
                db, key, lambda s, accept: commitments.add_progress(s, progress, accept)
            )
        editor = ProgressEditor(ops, None, data)
        widget = editor.fields[key]
        if key == "status":
            widget.setCurrentIndex(widget.findData(raw))
            editor.comment.setPlainText("Informe")
        elif key == "comment":
            widget.setPlainText(raw)
        else:
            widget.setText(raw)
            widget.setModified(True)  # as typing does
        return _save_editor(editor, ops, db, key, qtbot, recorder)
    finally:
        ops.shutdown()
        db.dispose()


def _service(db, key: str, call):
    from pazos_desktop.errors import DoubtError, ValidationError

    before = db_state(db)
    try:
        with db.session() as s:
            call(s, False)
    except ValidationError as exc:
        assert db_state(db) == before
        return Refused(exc.fields[key])
    except DoubtError as exc:
        assert db_state(db) == before
        return Doubt(exc.message)
    return Stored(_stored(db, key))


def _save_editor(editor, ops, db, key, qtbot, recorder):
    before = db_state(db)
    recorder.answer = False  # a doubt is declined: nothing may change
    asked = len(recorder.questions)
    editor.save()
    qtbot.waitUntil(lambda: ops.idle and not editor.saving, timeout=10000)
    if editor.field_error(key):
        assert db_state(db) == before
        return Refused(editor.field_error(key))
    if len(recorder.questions) > asked:
        assert db_state(db) == before
        return Doubt(recorder.questions[-1])
    assert editor.result_data is not None, editor.general_error.text()
    return Stored(_stored(db, key))


BULK_HEADERS = {
    "target_quantity": "Meta",
    "achieved_quantity": "Logrado",
    "amount_cop": "Valor (COP)",
    "due_date": "Fecha límite",
}


def _bulk_file(db, folder: Path, key: str, raw) -> Path:
    """The full workbook as exported, with one cell of the commitment's row changed."""
    with db.session() as s:
        data = load_workbook_data(s, on=TODAY)
    path = folder / "libro.xlsx"
    write_workbook(data, path)
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    headers = [c.value for c in ws[1]]
    ws.cell(3, headers.index(BULK_HEADERS[key]) + 1).value = raw
    wb.save(path)
    return path


def bulk_import(path: Path, key: str, raw, tmp: Path):
    db = database_on(path, TODAY)
    try:
        file = _bulk_file(db, tmp, key, raw)
        before = db_state(db)
        with db.session() as s:
            preview = preview_bulk(s, file)
            if preview.problems:
                return Refused(preview.problems[0].message)
            if preview.conflicts:
                apply_bulk(s, preview)  # without accepting them
                s.commit()
                assert db_state(db) == before
                return Doubt(preview.conflicts[0].reason)
            apply_bulk(s, preview)
        return Stored(_stored(db, key))
    finally:
        db.dispose()


FILL = {"achieved_quantity": "new_achieved", "status": "new_status", "date": "progress_date"}
FILL |= {"comment": "comment"}


def _sheet_file(db, folder: Path, key: str, raw) -> Path:
    """The partner's commitment sheet, as the partner returns it with one cell filled."""
    with db.session() as s:
        data = load_partner_sheets(s, on=TODAY)[0]
    path = folder / "hoja.xlsx"
    write_partner_sheet(data, path)
    wb = load_workbook(path)
    ws = wb.worksheets[1]
    row = next(r[0].row for r in ws.iter_rows(min_row=4) if isinstance(r[0].value, int))
    ws.cell(row, KEYS.index(FILL[key]) + 1).value = raw
    if key == "status":
        ws.cell(row, KEYS.index("comment") + 1).value = "Informe"
    wb.save(path)
    return path


def partner_sheet(path: Path, key: str, raw, tmp: Path):
    db = database_on(path, TODAY)
    try:
        file = _sheet_file(db, tmp, key, raw)
        before = db_state(db)
        with db.session() as s:
            preview = preview_progress(s, [file])
            if preview.problems:
                return Refused(preview.problems[0].message)
            if preview.conflicts:
                apply_progress(s, preview)
                s.commit()
                assert db_state(db) == before
                return Doubt(preview.conflicts[0].reason)
            apply_progress(s, preview)
        return Stored(_stored(db, key))
    finally:
        db.dispose()


def cli(path: Path, command: list[str], capsys, key: str, message_like):
    """`main.py import …`: what it prints and what it leaves in the database."""
    db = database_on(path, TODAY)
    before = db_state(db)
    capsys.readouterr()
    code = cli_main(["--db", str(path), *command])
    out, err = capsys.readouterr()
    text = out + err
    try:
        if code != 0:
            assert db_state(db) == before
            return Refused(_line_with(text, message_like))
        if "Conflictos (" in text:  # listed, and skipped without --force
            assert db_state(db) == before
            return Doubt(text)
        return Stored(_stored(db, key))
    finally:
        db.dispose()


def _line_with(text: str, wanted: tuple[str, str] | None) -> str:
    """The field's message as the command line printed it: "…, columna «Meta»: no puede ser
    negativo." names the field by its column (the label is not said twice)."""
    label, problem = wanted or ("", "")
    for line in text.splitlines():
        if problem and problem in line and label in line and "columna «" in line:
            message = line.split("»: ", 1)[1]
            return message if message.startswith(f"{label}: ") else f"{label}: {message}"
    return text


def cli_bulk(path, key, raw, tmp, capsys, expected):
    db = database_on(path, TODAY)
    file = _bulk_file(db, tmp, key, raw)
    db.dispose()
    return cli(path, ["import", "bulk", str(file)], capsys, key, _problem_text(expected))


def cli_progress(path, key, raw, tmp, capsys, expected):
    db = database_on(path, TODAY)
    file = _sheet_file(db, tmp, key, raw)
    db.dispose()
    return cli(path, ["import", "progress", str(file)], capsys, key, _problem_text(expected))


def _problem_text(expected) -> tuple[str, str] | None:
    """A refusal's label and problem, as the command line prints them."""
    if not isinstance(expected, Refused):
        return None
    label, problem = expected.message.split(": ", 1)
    return label, problem.split(" (tiene")[0]


# --- the cases ------------------------------------------------------------------------------------

TOO_LONG = "x" * 40_000
C_DOORS = ("window", "bulk", "cli")  # a commitment's own fields
P_DOORS = ("window", "sheet", "cli")  # a progress update's (Añadir avance…, a returned sheet)

CASES = [
    # field, input, world (the commitment before), expected, doors
    ("target_quantity", "1.500", {}, Stored(1500), C_DOORS),
    ("target_quantity", "1.500,5", {}, Stored(1500.5), C_DOORS),
    ("target_quantity", "1,5", {}, Stored(1.5), C_DOORS),
    ("amount_cop", "1.500", {}, Stored(1500), C_DOORS),
    ("amount_cop", "$ 2.500.000", {}, Stored(2_500_000), C_DOORS),
    ("target_quantity", "", {"target_quantity": 10}, Stored(None), C_DOORS),
    ("target_quantity", "-5", {}, Refused("Meta: no puede ser negativo."), C_DOORS),
    ("target_quantity", "diez", {}, Refused("Meta: «diez» no es un número"), C_DOORS),
    ("target_quantity", "1,500", {}, Refused("Meta: «1,500» es ambiguo"), C_DOORS),
    ("target_quantity", True, {}, Refused("Meta: debe ser un número."), C_DOORS),
    ("target_quantity", 1e300, {}, Refused("Meta: no puede pasar de 1.000.000.000."), C_DOORS),
    ("target_quantity", "1e300", {}, Refused("Meta: no puede pasar de 1.000.000.000."), C_DOORS),
    ("amount_cop", 1e20, {}, Refused("Valor (COP): no puede pasar de $ 1.000.000.000.000."), C_DOORS),
    ("amount_cop", 9.3e18, {}, Refused("Valor (COP): no puede pasar de $ 1.000.000.000.000."), C_DOORS),
    ("due_date", "32/13/2026", {}, Refused("Fecha límite: «32/13/2026» no es una fecha válida"), C_DOORS),
    ("due_date", "01/01/1900", {}, Refused("Fecha límite: «01/01/1900» está fuera de las fechas"), C_DOORS),
    ("achieved_quantity", "8", {"achieved_quantity": 74.0, "target_quantity": 120},
     Doubt("Logrado: baja de 74 a 8"), C_DOORS),
    # A returned sheet, or Añadir avance…
    ("achieved_quantity", "1.500", {}, Stored(1500), P_DOORS),
    ("achieved_quantity", "1.500,5", {}, Stored(1500.5), P_DOORS),
    ("achieved_quantity", "1,5", {}, Stored(1.5), P_DOORS),
    ("achieved_quantity", "-5", {}, Refused("Logrado: no puede ser negativo."), P_DOORS),
    ("achieved_quantity", "diez", {}, Refused("Logrado: «diez» no es un número"), P_DOORS),
    ("achieved_quantity", True, {}, Refused("Logrado: debe ser un número."), P_DOORS),
    ("achieved_quantity", 1e300, {}, Refused("Logrado: no puede pasar de 1.000.000.000."), P_DOORS),
    ("achieved_quantity", 1e12, {"target_quantity": 120},
     Refused("Logrado: no puede pasar de 1.000.000.000."), P_DOORS),
    ("achieved_quantity", "8", {"achieved_quantity": 74.0, "target_quantity": 120},
     Doubt("Logrado: baja de 74 a 8"), P_DOORS),
    ("achieved_quantity", "500", {"target_quantity": 120},
     Doubt("Logrado: 500 es más del doble de la meta (120)"), P_DOORS),
    ("status", "completed", {"status": "cancelled"},
     Doubt("Estado: pasa de «Cancelado» a «Cumplido»"), P_DOORS),
    ("date", "32/13/2026", {}, Refused("Fecha del avance: «32/13/2026» no es una fecha válida"), P_DOORS),
    ("date", "11/05/2099", {}, Refused("Fecha del avance: no puede ser posterior a hoy"), P_DOORS),
    ("date", "01/01/1900", {}, Refused("Fecha del avance: «01/01/1900» está fuera de las fechas"), P_DOORS),
    ("comment", TOO_LONG, {}, Refused("Comentario: máximo 2.000 caracteres"), P_DOORS),
]  # fmt: skip


def _run(door: str, key, raw, path, tmp, qtbot, recorder, capsys, expected, progress: bool):
    if door == "window":
        run = window_progress if progress else window_commitment
        return run(path, key, raw, qtbot, recorder)
    if door == "bulk":
        return bulk_import(path, key, raw, tmp)
    if door == "sheet":
        return partner_sheet(path, key, raw, tmp)
    run = cli_progress if progress else cli_bulk
    return run(path, key, raw, tmp, capsys, expected)


def _as_sheet_sees_it(raw, key: str, door: str):
    """The partner's status cell holds the label the drop-down offers."""
    if key == "status" and door != "window":
        return {"completed": "Cumplido"}[raw]
    return raw


def _agrees(outcome, expected) -> bool:
    if isinstance(expected, Stored):
        return outcome == expected
    if isinstance(expected, Refused):
        # A sheet's cell holds at most 32,767 characters: the count it reports is the cell's.
        said = re.sub(
            r" \(tiene [\d.]+\)", "", outcome.message if isinstance(outcome, Refused) else ""
        )
        return isinstance(outcome, Refused) and said.startswith(
            expected.message.split(" (tiene")[0]
        )
    return isinstance(outcome, Doubt) and expected.sentence in outcome.sentence


@pytest.mark.parametrize(
    "key, raw, world, expected, doors",
    CASES,
    ids=[f"{c[0]}={str(c[1])[:14]!r}" for c in CASES],
)
def test_doors_agree(
    key, raw, world, expected, doors, world_factory, tmp_path, qtbot, recorder, capsys
):
    progress = doors == P_DOORS
    outcomes = {}
    for door in doors:
        folder = tmp_path / door
        folder.mkdir()
        path = world_factory(door, **world)
        value = _as_sheet_sees_it(raw, key, door)
        outcomes[door] = _run(
            door, key, value, path, folder, qtbot, recorder, capsys, expected, progress
        )
    wrong = {door: o for door, o in outcomes.items() if not _agrees(o, expected)}
    assert not wrong, f"expected {expected}, got {wrong}"


def test_a_number_cell_and_the_text_of_the_same_number_agree(world_factory, tmp_path):
    """Excel hands a typed 1500 over as a number, a text cell "1.500" as text: same result."""
    got = [
        bulk_import(world_factory(f"b{i}"), "target_quantity", raw, _folder(tmp_path, i))
        for i, raw in enumerate([1500, "1.500", "1500", 1500.0])
    ]
    assert got == [Stored(1500)] * 4


def _folder(tmp: Path, i: int) -> Path:
    (tmp / str(i)).mkdir()
    return tmp / str(i)


@pytest.mark.parametrize("option", ["--from", "--to", "--on"])
@pytest.mark.parametrize(
    "value, problem",
    [
        ("32/13/2026", "«32/13/2026» no es una fecha válida: escriba dd/mm/aaaa"),
        ("25/11/26", "escriba el año con cuatro cifras"),
        ("mañana", "«mañana» no es una fecha válida"),
    ],
)
def test_command_line_dates_use_the_one_date_parser(
    option, value, problem, db_path, tmp_path, capsys
):
    from pazos_desktop.domain.records import COMMITMENT

    with pytest.raises(Exception) as err:
        COMMITMENT["due_date"].check(value)
    assert problem in str(err.value)  # the window's and the sheets' message…
    args = {"--from": "01/01/2026", "--to": "30/06/2026", "--on": "30/06/2026"} | {option: value}
    command = ["--db", str(db_path), "export", "report", "--out", str(tmp_path / "i.pdf")]
    command += [x for pair in args.items() for x in pair]
    assert cli_main(command) == 1
    err_text = capsys.readouterr().err
    assert f"{option}: " in err_text and problem in err_text  # …is the command line's
    assert not (tmp_path / "i.pdf").exists()


# --- history: the same rows whatever the door ---------------------------------------------------


def _history(path: Path, entity: str) -> list[tuple]:
    db = database_on(path, TODAY)
    with db.session() as s:
        rows = s.execute(
            select(
                HistoryEntry.action,
                HistoryEntry.field,
                HistoryEntry.old_value,
                HistoryEntry.new_value,
            )
            .where(HistoryEntry.entity == entity, HistoryEntry.actor == "pytest")
            .order_by(HistoryEntry.id)
        ).all()
    db.dispose()
    return sorted(
        (tuple("x" if v and "importación" in str(v) else v for v in r) for r in rows), key=str
    )


def test_history_rows_are_the_same_whatever_the_door(
    world_factory, tmp_path, qtbot, recorder, capsys
):
    world = {"achieved_quantity": 10.0, "target_quantity": 120}
    doors = {
        "window": lambda p: window_progress(p, "achieved_quantity", "20", qtbot, recorder),
        "sheet": lambda p: partner_sheet(p, "achieved_quantity", "20", _folder(tmp_path, 1)),
    }
    paths = {}
    for door, run in doors.items():
        paths[door] = world_factory(door, **world)
        before = _history(paths[door], "commitment")
        assert run(paths[door]) == Stored(20)
        paths[door] = (paths[door], before)
    trails = {}
    for door, (path, before) in paths.items():
        commitment = [r for r in _history(path, "commitment") if r not in before]
        progress = [
            r
            for r in _history(path, "progress_update")
            if r[1] not in ("source", "source_ref", "date")
        ]
        trails[door] = (commitment, progress)
    assert trails["window"] == trails["sheet"]
    db = database_on(paths["sheet"][0], TODAY)
    with db.session() as s:  # written by the import's fast path, read as the listener's rows
        stamps = set(s.scalars(select(HistoryEntry.at).where(HistoryEntry.actor == "pytest")))
        assert all(isinstance(at, dt.datetime) for at in stamps) and stamps
    db.dispose()
    commitment, progress = trails["window"]
    assert ("update", "achieved_quantity", "10", "20") in commitment
    assert {r[1] for r in progress} >= {None, "commitment_id", "achieved_quantity", "created_by"}


def test_a_commitment_created_by_the_bulk_import_has_the_windows_history(db_path, tmp_path):
    """A row of the bulk template and the window's editor leave the same rows per field."""
    from pazos_desktop.excel.bulk.workbook import write_template
    from pazos_desktop.excel.data import sheet_context

    db = database_on(db_path, TODAY)
    with db.session() as s:
        partner = f.partner(s, acronym="SIDOC")
        cluster = f.cluster(s)
        start, due = TODAY - dt.timedelta(days=10), TODAY + dt.timedelta(days=100)
        by_window = f.commitment(
            s, partner.id, [cluster.id], title="Por la ventana", target_quantity=10,
            amount_cop=1_500_000, start_date=start, due_date=due, unit="talleres",
        )  # fmt: skip
        write_template(sheet_context(s, TODAY), ["Interrupción"], tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    ws = wb["Compromisos"]
    headers = [c.value for c in ws[1]]
    row = {"Entidad": "SIDOC", "Componente": "Interrupción", "Clústeres": "Clúster 1"}
    row |= {"Compromiso": "Por la plantilla", "Unidad": "talleres", "Meta": "10"}
    row |= {"Valor (COP)": "$ 1.500.000", "Fecha de inicio": start.strftime("%d/%m/%Y")}
    row |= {"Fecha límite": due.isoformat(), "Estado": "En ejecución"}
    ws.append([row.get(h) for h in headers])
    wb.save(tmp_path / "t.xlsx")
    with db.session() as s:
        preview = preview_bulk(s, tmp_path / "t.xlsx")
        assert preview.ok and not preview.conflicts, [str(p) for p in preview.problems]
        apply_bulk(s, preview)
    with db.session() as s:
        by_file = s.scalars(
            select(Commitment.id).where(Commitment.title == "Por la plantilla")
        ).one()

        def fields_of(cid):
            rows = s.execute(
                select(HistoryEntry.action, HistoryEntry.field, HistoryEntry.new_value).where(
                    HistoryEntry.entity == "commitment", HistoryEntry.entity_id == cid
                )
            ).all()
            return {(a, fld, v) for a, fld, v in rows if fld != "title"}

        assert fields_of(by_window.id) == fields_of(by_file)
        assert ("create", "amount_cop", "1500000") in fields_of(by_file)
        assert ("create", "clusters", "Clúster 1") in fields_of(by_file)
    db.dispose()


def test_a_doubt_confirmed_in_the_window_is_saved(world_factory, qtbot, recorder):
    """The editor asks once; "Sí" saves the figure as typed, with the history of any save."""
    from ui.dialogs.commitment import ProgressEditor
    from ui.jobs.operations import Operations

    path = world_factory("yes", achieved_quantity=74.0, target_quantity=120)
    db = database_on(path, TODAY)
    ops = Operations(db)
    try:
        editor = ProgressEditor(ops, None, _commitment(db))
        editor.achieved.setText("8")
        editor.achieved.setModified(True)
        recorder.answer = True
        editor.save()
        qtbot.waitUntil(lambda: editor.result_data is not None, timeout=10000)
        assert len(recorder.questions) == 1 and "baja de 74 a 8" in recorder.questions[0]
        assert _stored(db, "achieved_quantity") == 8
        assert ("update", "achieved_quantity", "74", "8") in _history(path, "commitment")
    finally:
        ops.shutdown()
        db.dispose()


def test_a_lone_surrogate_never_reaches_sqlite(db):
    """Some clipboards hand over half a character: refused by the field, not a traceback of
    the database driver. (An xlsx file cannot even carry one: its XML is UTF-8.)"""
    from pazos_desktop.errors import ValidationError
    from pazos_desktop.services import partners, territory

    broken = "Fundaci\ud800n"
    before = db_state(db)
    with db.session() as s:
        for save, data, key in (
            (partners.save_partner, partners.PartnerData(name=broken), "name"),
            (territory.save_cluster, territory.ClusterData(name=broken), "name"),
        ):
            with pytest.raises(ValidationError) as err:
                save(s, data)
            assert "caracteres no válidos" in err.value.fields[key]
        partner = f.partner(s)
        cluster = f.cluster(s)
        made = f.commitment(s, partner.id, [cluster.id])
        with pytest.raises(ValidationError) as err:
            commitments.add_progress(s, commitments.ProgressData(made.id, TODAY, comment=broken))
        assert err.value.fields["comment"].startswith("Comentario: contiene caracteres no válidos")
        s.rollback()
    assert db_state(db) == before


def test_the_history_reads_with_the_declared_labels(session):
    """The history pane and the conflict messages name fields and show values as declared."""
    from pazos_desktop.services.history.readable import commitment_history

    partner = f.partner(session)
    cluster = f.cluster(session)
    made = f.commitment(session, partner.id, [cluster.id], amount_cop=1_500_000)
    made.status, made.amount_cop = "completed", 2_500_000
    commitments.save_commitment(session, made)
    lines = commitment_history(session, made.id)
    changed = {line.change for line in lines if line.action == "Modificación"}
    assert changed == {
        "Estado: En ejecución → Cumplido",
        "Valor (COP): $ 1.500.000 → $ 2.500.000",
    }
    (created,) = [line.change for line in lines if line.action == "Creación"]
    assert "Valor (COP): $ 1.500.000" in created
    assert all(
        f"{label}: " in created for label in ("Clústeres", "Fecha límite", "Entidad responsable")
    )
