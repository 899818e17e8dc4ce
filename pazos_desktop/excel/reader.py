"""Opening untrusted xlsx files safely, and reading their cells as typed values.

Before openpyxl sees a file: size, container type (an OLE file is password-protected or an old
.xls), zip integrity, total unpacked size and compression ratio, and no DTD/entity declarations
in any XML part. Then openpyxl opens it read-only (streaming; defusedxml is installed, so
entity expansion is refused there too). Every failure is one translated message.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 600 * 1024 * 1024
MAX_RATIO = 200  # real xlsx parts compress 5-30x; bombs compress 1000x and more
RATIO_FLOOR = 1024 * 1024  # small parts may compress as they like
MAX_ROWS = 250_000
MAX_COLUMNS = 80
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


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
        raise _fail(
            _(
                "El archivo {name} está protegido con contraseña o tiene el formato antiguo .xls: "
                "ábralo en Excel y guárdelo como .xlsx sin contraseña."
            ),
            path,
        )
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

    Columns are cut after reading: `iter_rows(max_col=...)` pads every row to that width,
    which tripled the reading time.
    """
    try:
        for number, values in enumerate(ws.iter_rows(min_row=first, values_only=True), start=first):
            if number - first >= MAX_ROWS:
                raise PazosError(
                    _("La hoja «{sheet}» de {name} tiene más de {n} filas.").format(
                        sheet=ws.title, name=path.name, n=f"{MAX_ROWS:,}".replace(",", ".")
                    )
                )
            yield number, values[:MAX_COLUMNS]
    except PazosError:
        raise
    except Exception as exc:
        raise _parse_error(path, exc) from exc


# Cells are read as typed values by `pazos_desktop.parsing` (the one parser of every door).
