"""`main.py self-check`: proves an installation (frozen or not) can do its real work.

Each step is a function `step(ctx: SelfCheckContext) -> str` (a one-line summary) named in
SELF_CHECK_STEPS as "module:function"; features append their own (the PDF acta, the report,
the xlsx sheet). Steps run in order on a temporary database; a step that raises is reported
as failed and the others still run, so one bundle build shows every missing piece at once.
`self-check --db URL` runs the same steps on that server, in a temporary schema dropped at
the end (server_selfcheck).
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import _

log = logging.getLogger(__name__)

SELF_CHECK_STEPS: list[str | Callable] = [
    "pazos_desktop.selfcheck:check_resources",
    "pazos_desktop.selfcheck:check_migrations",
    "pazos_desktop.selfcheck:check_sample_data",
    "pazos_desktop.selfcheck:check_read_back",
    "pazos_desktop.selfcheck:check_backup_restore",
    "pazos_desktop.selfcheck:check_defusedxml",
    "pazos_desktop.selfcheck_documents:check_minutes_pdf",
    "pazos_desktop.selfcheck_documents:check_report_pdf",
    "pazos_desktop.selfcheck_documents:check_report_xlsx",
    "pazos_desktop.selfcheck_documents:check_partner_sheet_xlsx",
]


@dataclass
class SelfCheckContext:
    """What steps share: a scratch folder, its migrated database, facts earlier steps found."""

    workdir: Path
    today: dt.date = field(default_factory=dt.date.today)
    facts: dict[str, object] = field(default_factory=dict)
    server: str | None = None  # a server URL with its temporary schema, instead of a file
    _db: object = None

    @property
    def db_path(self) -> Path:
        return self.workdir / "self-check.sqlite"

    def database(self):
        if self._db is None:
            from .database import open_database

            self._db = open_database(self.server or str(self.db_path))
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None
        if self.server is not None:
            from .server_selfcheck import drop_scratch

            drop_scratch(self.server)
            self.server = None


@dataclass
class StepResult:
    name: str
    ok: bool
    summary: str
    seconds: float


def resolve(step: str | Callable) -> Callable:
    if callable(step):
        return step
    module, _sep, name = step.partition(":")
    return getattr(importlib.import_module(module), name)


def run_self_check(
    out: Callable[[str], None], steps=None, server: str | None = None
) -> list[StepResult]:
    results = []
    with tempfile.TemporaryDirectory(prefix="pazos-self-check-") as tmp:
        ctx = SelfCheckContext(workdir=Path(tmp), server=_scratch(server))
        try:
            for step in SELF_CHECK_STEPS if steps is None else steps:
                results.append(_run_step(step, ctx))
                out(_format(results[-1]))
        finally:
            ctx.close()
    return results


def _scratch(server: str | None) -> str | None:
    if server is None:
        return None
    from .server_selfcheck import scratch_target

    return scratch_target(server)


def _run_step(step, ctx: SelfCheckContext) -> StepResult:
    name = step if isinstance(step, str) else getattr(step, "__name__", repr(step))
    name = name.rpartition(":")[2]
    start = time.perf_counter()
    try:
        summary, ok = resolve(step)(ctx), True
    except Exception as exc:  # a self-check reports every failure, it never stops at one
        log.exception("self-check step %s failed", name)
        summary, ok = f"{type(exc).__name__}: {exc}", False
    return StepResult(name, ok, str(summary), time.perf_counter() - start)


def _format(r: StepResult) -> str:
    mark = _("correcto") if r.ok else _("FALLÓ")
    return f"[{mark}] {r.name}: {r.summary} ({r.seconds * 1000:.0f} ms)"


# --- the core's own steps ---------------------------------------------------------------------


def check_resources(ctx: SelfCheckContext) -> str:
    from .i18n import catalog
    from .paths import migrations_dir, resource_path

    revisions = sorted(p.name for p in (migrations_dir() / "versions").glob("*.py"))
    if not (migrations_dir() / "env.py").is_file() or not revisions:
        raise RuntimeError(_("faltan las migraciones en {path}").format(path=migrations_dir()))
    catalog.cache_clear()
    english = catalog("en")
    if not english:
        raise RuntimeError(
            _("faltan las traducciones en {path}").format(path=resource_path("i18n"))
        )
    return _("{n} migraciones, {m} textos en inglés").format(n=len(revisions), m=len(english))


def check_migrations(ctx: SelfCheckContext) -> str:
    from .database import check, current_revision

    db = ctx.database()
    report = check(db.engine)
    if not report.ok:
        raise RuntimeError(report.integrity)
    return _("base de datos temporal en la revisión {rev}").format(rev=current_revision(db.engine))


def check_sample_data(ctx: SelfCheckContext) -> str:
    from .sample import build_sample

    with ctx.database().session() as session:
        counts = build_sample(session, ctx.today)
    ctx.facts["sample_counts"] = counts
    return ", ".join(f"{n} {what}" for what, n in counts.items())


def check_read_back(ctx: SelfCheckContext) -> str:
    from sqlalchemy import func, select

    from .models import Commitment
    from .services.search import CommitmentFilter, count_commitments
    from .services.summaries import cluster_component_matrix, overall

    with ctx.database().session() as session:
        total = count_commitments(session, CommitmentFilter(), on=ctx.today)
        cell = overall(session, on=ctx.today)
        matrix = cluster_component_matrix(session, CommitmentFilter(), on=ctx.today)
        # Every sample step may add commitments: compare with a plain count of the table.
        expected = session.scalar(select(func.count()).select_from(Commitment))
    if total == 0 or total != expected:
        raise RuntimeError(_("se leyeron {n} compromisos de {m}").format(n=total, m=expected))
    return _("{n} compromisos leídos ({p:.0f} % cumplido), matriz de {r} × {c}").format(
        n=total, p=cell.percent or 0, r=len(matrix.rows), c=len(matrix.columns)
    )


def check_backup_restore(ctx: SelfCheckContext) -> str:
    from . import backup
    from .restore import restore_into

    db = ctx.database()
    copy = backup.before(db, "selfcheck")
    if copy is None or not backup.inspect_file(copy).ok:
        raise RuntimeError(_("la copia de seguridad no se pudo verificar"))
    result = restore_into(db, copy)  # the temporary file, or the server's temporary schema
    return _("copia verificada y restaurada (revisión {rev})").format(rev=result.revision_after)


def check_defusedxml(ctx: SelfCheckContext) -> str:
    import openpyxl.xml

    # Without defusedxml openpyxl parses untrusted xlsx with entity expansion (XML bombs).
    if not openpyxl.xml.DEFUSEDXML:
        raise RuntimeError(_("openpyxl no encuentra defusedxml"))
    return _("openpyxl protegido con defusedxml")
