"""Saving the coordination report to a file chosen by the user (CLI and window alike)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pazos_desktop.errors import PazosError
from pazos_desktop.files import atomic_write
from pazos_desktop.i18n import _
from pazos_desktop.services.report.coordination import CoordinationReport
from pazos_desktop.writers.pdf.document import info_from_settings
from pazos_desktop.writers.pdf.glyphs import header_items, report_items, scan
from pazos_desktop.writers.report.pdf import write_report_pdf
from pazos_desktop.writers.report.xlsx import write_report_xlsx

FORMATS = (".pdf", ".xlsx")


def check_target(path: Path) -> Path:
    if path.suffix.lower() not in FORMATS:
        raise PazosError(
            _("--out: el archivo debe terminar en .pdf o .xlsx: «{path}».").format(path=path)
        )
    if not path.parent.is_dir():
        raise PazosError(_("No existe la carpeta {folder}.").format(folder=path.parent))
    return path


def report_problems(report: CoordinationReport, path: Path, lang: str | None = None) -> list:
    """What the PDF's fonts cannot draw (writers/pdf/glyphs.py); an Excel file has no such limit."""
    if path.suffix.lower() != ".pdf":
        return []

    info = info_from_settings(report.settings, "", lang or "es", report.generated_on)
    return scan(header_items(info) + report_items(report))


def save_report(
    report: CoordinationReport,
    path: Path,
    lang: str | None = None,
    page_size: str | None = None,
    on_page: Callable[[int], None] | None = None,
) -> Path:
    """PDF or Excel by the file's extension, written next to the target and moved in place:
    a failure or a cancel (an exception from `on_page`) never leaves half a file."""
    check_target(path)

    def write(temp: Path) -> None:
        if path.suffix.lower() == ".pdf":
            write_report_pdf(report, temp, lang=lang, page_size=page_size, on_page=on_page)
        else:
            write_report_xlsx(report, temp, lang=lang)

    atomic_write(path, write)
    return path
