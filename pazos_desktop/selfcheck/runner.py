"""`main.py self-check`: proves an installation (frozen or not) can do its real work.

SELF_CHECK_STEPS (selfcheck/steps.py) names the steps in order, each "module:name" or an object: a function
`step(ctx: SelfCheckContext) -> str` (a one-line summary), a `Step`, or a list of them (the
window layer appends "ui.selfcheck.steps:STEPS": one step per view and per editor, derived from
their registries). Steps run in order on a temporary database; a step that raises is reported
as failed and the others still run, so one bundle build shows every missing piece at once.
A step marked with `@checks(kind, what)` is listed in the closing summary of what was checked
(every view, editor and document).
`self-check --db URL` runs the same steps on that server, in a temporary schema dropped at
the end (selfcheck/server.py).
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pazos_desktop.clock import RunContext
from pazos_desktop.db.database import check, current_revision
from pazos_desktop.db.models.register import Commitment
from pazos_desktop.i18n import N_, _, catalog, entries
from pazos_desktop.paths import migrations_dir, resource_path
from pazos_desktop.safety import backup
from pazos_desktop.safety.opening import open_database
from pazos_desktop.safety.restore import restore_into
from pazos_desktop.sample import build_sample
from pazos_desktop.selfcheck.server import drop_scratch, scratch_target
from pazos_desktop.selfcheck.steps import SELF_CHECK_STEPS
from pazos_desktop.services.commitments.search import CommitmentFilter, count_commitments
from pazos_desktop.services.report.summaries import cluster_component_matrix, overall

log = logging.getLogger(__name__)


# What a step can check, as the closing summary lists them (label: what a failure says).
VIEW, EDITOR, DOCUMENT = "view", "editor", "document"
KINDS = {
    VIEW: (N_("Vistas comprobadas"), N_("Vista")),
    EDITOR: (N_("Editores comprobados"), N_("Editor")),
    DOCUMENT: (N_("Documentos comprobados"), N_("Documento")),
}


@dataclass(frozen=True)
class Step:
    """One check. `what` names what it checks: a Spanish label (translated by `_`) or a
    callable giving it in the user's language (the window's titles come from Qt's catalog)."""

    name: str
    run: Callable[[SelfCheckContext], str]
    kind: str = ""
    what: str | Callable[[], str] = ""

    def label(self) -> str:
        if callable(self.what):
            return self.what()
        return _(self.what) if self.what else ""


def checks(kind: str, what: str) -> Callable[[Callable], Callable]:
    """Marks a step function as checking one view, editor or document (`what`, marked N_)."""

    def mark(fn: Callable) -> Callable:
        fn.kind, fn.what = kind, what
        return fn

    return mark


@dataclass
class SelfCheckContext:
    """What steps share: a scratch folder, its migrated database, facts earlier steps found."""

    workdir: Path
    today: dt.date = field(default_factory=lambda: RunContext.start().today)
    facts: dict[str, object] = field(default_factory=dict)
    server: str | None = None  # a server URL with its temporary schema, instead of a file
    _db: object = None
    _cleanups: list[Callable[[], None]] = field(default_factory=list)

    @property
    def db_path(self) -> Path:
        return self.workdir / "self-check.sqlite"

    def database(self):
        if self._db is None:
            self._db = open_database(self.server or str(self.db_path))
        return self._db

    def on_close(self, cleanup: Callable[[], None]) -> None:
        """Run `cleanup` when the self-check ends, even after a failed step (newest first)."""
        self._cleanups.append(cleanup)

    def close(self) -> None:
        while self._cleanups:
            cleanup = self._cleanups.pop()
            try:
                cleanup()
            except Exception:  # one failed clean-up must not keep the others from running
                log.exception("self-check clean-up failed")
        if self._db is not None:
            self._db.dispose()
            self._db = None
        if self.server is not None:
            drop_scratch(self.server)
            self.server = None


@dataclass
class StepResult:
    name: str
    ok: bool
    summary: str
    seconds: float
    kind: str = ""
    label: str = ""


def resolve(entry: object) -> object:
    """The object an entry names: "module:name" is imported, anything else is itself."""
    if not isinstance(entry, str):
        return entry
    module, _sep, name = entry.partition(":")
    return getattr(importlib.import_module(module), name)


def expand(entry: object) -> Iterator[Step]:
    """The steps an entry stands for (a list stands for each of its entries)."""
    target = resolve(entry)
    if isinstance(target, Step):
        yield target
    elif isinstance(target, list | tuple):
        for item in target:
            yield from expand(item)
    else:
        name = getattr(target, "__name__", repr(target))
        yield Step(name, target, getattr(target, "kind", ""), getattr(target, "what", ""))


def run_self_check(
    out: Callable[[str], None], steps=None, server: str | None = None
) -> list[StepResult]:
    results = []
    with tempfile.TemporaryDirectory(prefix="pazos-self-check-") as tmp:
        ctx = SelfCheckContext(workdir=Path(tmp), server=_scratch(server))
        try:
            for entry in SELF_CHECK_STEPS if steps is None else steps:
                for step in _steps_of(entry):
                    results.append(_run_step(step, ctx))
                    out(_format(results[-1]))
        finally:
            ctx.close()
    return results


def _steps_of(entry: object) -> list[Step]:
    """An entry that cannot even be imported (a module missing from a bundle) is one failure."""
    try:
        return list(expand(entry))
    except Exception as exc:
        name = str(entry).rpartition(":")[2]
        return [Step(name, _raise(exc))]


def _raise(exc: Exception) -> Callable:
    def run(_ctx):
        raise exc

    return run


def _scratch(server: str | None) -> str | None:
    if server is None:
        return None

    return scratch_target(server)


def _run_step(step: Step, ctx: SelfCheckContext) -> StepResult:
    name = step.name.rpartition(":")[2]
    start = time.perf_counter()
    try:
        summary, ok = step.run(ctx), True
    except Exception as exc:  # a self-check reports every failure, it never stops at one
        log.exception("self-check step %s failed", name)
        summary, ok = _failure(step, exc), False
    label = _label(step)
    return StepResult(name, ok, str(summary), time.perf_counter() - start, step.kind, label)


def _label(step: Step) -> str:
    try:
        return step.label()
    except Exception:  # a label is a nicety: never a reason for a step to fail
        return step.name


def _failure(step: Step, exc: Exception) -> str:
    """What failed: "Vista Panel: ModuleNotFoundError: …" (the kind and label first)."""
    text = f"{type(exc).__name__}: {exc}"
    if step.kind in KINDS:
        return f"{_(KINDS[step.kind][1])} {_label(step)}: {text}"
    return text


def _format(r: StepResult) -> str:
    mark = _("correcto") if r.ok else _("FALLÓ")
    return f"[{mark}] {r.name}: {r.summary} ({r.seconds * 1000:.0f} ms)"


def checked_lines(results: list[StepResult]) -> list[str]:
    """The closing summary: every view, editor and document checked, kind by kind."""
    lines = []
    for kind, (heading, _one) in KINDS.items():
        of_kind = [r for r in results if r.kind == kind]
        if of_kind:
            passed = [r.label for r in of_kind if r.ok]
            counts = f"{len(passed)}/{len(of_kind)}"
            lines.append(f"{_(heading)} ({counts}): {', '.join(passed) or '—'}.")
    return lines


# --- the core's own steps ---------------------------------------------------------------------


def check_resources(ctx: SelfCheckContext) -> str:
    revisions = sorted(p.name for p in (migrations_dir() / "versions").glob("*.py"))
    if not (migrations_dir() / "env.py").is_file() or not revisions:
        raise RuntimeError(_("faltan las migraciones en {path}").format(path=migrations_dir()))
    catalog.cache_clear()
    english = entries("en")
    if not english:
        raise RuntimeError(
            _("faltan las traducciones en {path}").format(path=resource_path("i18n"))
        )
    return _("{n} migraciones, {m} textos en inglés").format(n=len(revisions), m=len(english))


def check_migrations(ctx: SelfCheckContext) -> str:
    db = ctx.database()
    report = check(db.engine)
    if not report.ok:
        raise RuntimeError(report.integrity)
    return _("base de datos temporal en la revisión {rev}").format(rev=current_revision(db.engine))


def check_sample_data(ctx: SelfCheckContext) -> str:
    with ctx.database().session() as session:
        counts = build_sample(session, ctx.today)
    ctx.facts["sample_counts"] = counts
    return ", ".join(f"{n} {what}" for what, n in counts.items())


def check_read_back(ctx: SelfCheckContext) -> str:
    from sqlalchemy import func, select

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
