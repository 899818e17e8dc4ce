"""Opening untrusted xlsx files safely, and reading their cells as typed values.

Before openpyxl sees a file: size, container type (an OLE file is a password-protected .xlsx
or an old .xls: told apart, one cause per message), zip integrity, total unpacked size and
compression ratio, no DTD/entity declarations in any XML part, and no links to other files or
programs. Then openpyxl opens it read-only (streaming; defusedxml is installed, so entity
expansion is refused there too), with the values the spreadsheet saved for its formulas; a
formula cell is read as `parsing.Formula`. Every failure is one translated message.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.parsing import Formula

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 600 * 1024 * 1024
MAX_RATIO = 200  # real xlsx parts compress 5-30x; bombs compress 1000x and more
RATIO_FLOOR = 1024 * 1024  # small parts may compress as they like
MAX_ROWS = 250_000
MAX_COLUMNS = 80
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# Links to other workbooks and DDE links to programs (`=cmd|' /C calc'!A0`) live here.
EXTERNAL_LINKS = "xl/externalLinks/"


def _fail(message: str, path: Path) -> PazosError:
    return PazosError(message.format(name=path.name))


def check_file(path: Path) -> None:
    """Raise a user message when `path` is not a plain, sane .xlsx file."""
    if not path.is_file():
        raise _fail(_("No se encontró el archivo {name}."), path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise PazosError(
            _("El archivo {name} es demasiado grande ({size} MB; máximo {limit} MB).").format(
                name=path.name, size=size // 2**20, limit=MAX_FILE_BYTES // 2**20
            )
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        raise _fail(_ole_message(path), path)
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK"):  # a zip's signature, but no readable directory: cut short
            raise _damaged(path)
        raise _fail(
            _(
                "El archivo {name} no es un libro de Excel (.xlsx); puede ser un CSV o un "
                "documento con otra extensión."
            ),
            path,
        )
    _check_zip(path)


# Stream names in an OLE container's directory (UTF-16): what kind of file it holds.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_OLD_WORKBOOK = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))
_SCAN_CHUNK = 1024 * 1024


def _ole_message(path: Path) -> str:
    """One cause per message: a password-protected .xlsx (Excel keeps it in an OLE container)
    and an old .xls workbook are both OLE files; the streams they hold tell them apart."""
    kind = _ole_kind(path)
    if kind == "xls" or (kind is None and path.suffix.lower() == ".xls"):
        return _(
            "El archivo {name} tiene el formato antiguo de Excel (.xls): ábralo en Excel o "
            "LibreOffice y guárdelo como «Libro de Excel (.xlsx)»."
        )
    return _(
        "El archivo {name} está protegido con contraseña: ábralo en Excel, quite la contraseña "
        "(Archivo › Información › Proteger libro) y guárdelo de nuevo."
    )


def _ole_kind(path: Path) -> str | None:
    """'encrypted', 'xls' or None (not told by its streams), read in bounded chunks."""
    tail, found = b"", None
    with path.open("rb") as fh:
        while chunk := fh.read(_SCAN_CHUNK):
            window = tail + chunk
            if _ENCRYPTED in window:
                return "encrypted"
            if any(name in window for name in _OLD_WORKBOOK):
                found = "xls"
            tail = window[-64:]
    return found


def _damaged(path: Path) -> PazosError:
    return _fail(_("El archivo {name} está dañado: no se puede leer como libro .xlsx."), path)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise _fail(_("El archivo {name} no es un libro de Excel (.xlsx)."), path)
            _check_sizes(path, infos)
            if any(n.startswith(EXTERNAL_LINKS) for n in names):
                raise _fail(
                    _(
                        "El archivo {name} tiene vínculos a otros archivos o programas (fórmulas "
                        "que leen fuera del libro); por seguridad no se abrirá. Copie los datos "
                        "y péguelos como valores en un libro nuevo."
                    ),
                    path,
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")) and _declares_dtd(zf, info):
                    raise _fail(
                        _(
                            "El archivo {name} contiene declaraciones XML no permitidas "
                            "(posible archivo malicioso); no se abrirá."
                        ),
                        path,
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _damaged(path) from exc


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    bomb = total > MAX_UNPACKED_BYTES or any(
        i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1)
        for i in infos
    )
    if bomb:
        raise _fail(
            _(
                "El archivo {name} ocupa demasiado al descomprimirse (posible archivo "
                "malicioso); no se abrirá."
            ),
            path,
        )


def _declares_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    # A DTD can only come before the root element: the first bytes are enough.
    with zf.open(info) as fh:
        head = fh.read(4096)
    return bool(_DTD.search(head) or _DTD.search(head.replace(b"\x00", b"")))


@contextmanager
def open_workbook(path: Path):
    """The checked file opened read-only; closed on exit. Errors become user messages."""
    from openpyxl import load_workbook

    check_file(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except PazosError:
        raise
    except Exception as exc:  # openpyxl raises many types on a damaged file
        raise _parse_error(path, exc) from exc
    try:
        yield wb
    finally:
        wb.close()


def _parse_error(path: Path, exc: Exception) -> PazosError:
    if type(exc).__module__.startswith("defusedxml"):
        return _fail(
            _(
                "El archivo {name} contiene declaraciones XML no permitidas (posible archivo "
                "malicioso); no se abrirá."
            ),
            path,
        )
    return _damaged(path)


def rows(ws, path: Path, first: int = 1) -> Iterator[tuple[int, tuple]]:
    """(row number, values) from row `first` on, bounded in rows and columns.

    A formula cell is a `parsing.Formula` (its text and the value saved with it), for the one
    parser to count by its value or refuse, as the cell's column asks.
    Columns are cut after reading: `iter_rows(max_col=...)` pads every row to that width,
    which tripled the reading time.
    """
    with ExitStack() as stack:
        try:
            formulas = _formula_rows(ws, path, first, stack)
            values_of = ws.iter_rows(min_row=first, values_only=True)
            for number, values in enumerate(values_of, start=first):
                if number - first >= MAX_ROWS:
                    raise PazosError(
                        _("La hoja «{sheet}» de {name} tiene más de {n} filas.").format(
                            sheet=ws.title, name=path.name, n=f"{MAX_ROWS:,}".replace(",", ".")
                        )
                    )
                values = values[:MAX_COLUMNS]
                if formulas is not None:
                    values = _with_formulas(values, next(formulas, ()))
                yield number, values
        except PazosError:
            raise
        except Exception as exc:
            raise _parse_error(path, exc) from exc


# A formula element in a worksheet's XML (`<f>`, `<f t="shared" .../>`, `<x:f>`).
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _formula_rows(ws, path: Path, first: int, stack: ExitStack):
    """The sheet's cells with their formulas, row by row beside `ws`'s values, or None when
    the sheet holds no formula (the usual case: the sheet is read once).

    openpyxl gives either the formulas or their saved values: a second read-only pass, in step
    with the first, gives the formulas where the sheet has any.
    """
    if not _holds_formulas(ws):
        return None
    from openpyxl import load_workbook

    formulas = load_workbook(path, read_only=True, data_only=False)
    stack.callback(formulas.close)
    return iter(formulas[ws.title].iter_rows(min_row=first))


def _holds_formulas(ws) -> bool:
    source = getattr(ws, "_get_source", None)  # a read-only sheet's XML stream
    if source is None:
        return True
    tail = b""
    with source() as xml:
        while chunk := xml.read(_SCAN_CHUNK):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _with_formulas(values: tuple, cells: tuple) -> tuple:
    if not any(getattr(c, "data_type", None) == "f" for c in cells):
        return values
    out = list(values)
    for index, cell in enumerate(cells[: len(out)]):
        if getattr(cell, "data_type", None) == "f":
            text = getattr(cell.value, "text", cell.value)  # an array formula's own text
            out[index] = Formula(str(text), out[index])
    return tuple(out)


# Cells are read as typed values by `pazos_desktop.parsing` (the one parser of every door).
