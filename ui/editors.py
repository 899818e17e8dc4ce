"""Every editor and dialog of the window, in one list: add a new one with ONE line here.

Each entry is (key, title, "module:Class", arguments). The class is built as `Class(*values)`,
each argument naming a value of `ui.selfcheck.editor_samples.Samples` (real records read from the
database on first use; "ops" and "parent" are the window's own). The self-check
(`ui/selfcheck/window.py`) builds, shows and renders every entry on its sample database, and a
test fails when a QDialog class of `ui/` is missing here. Titles are marked with
QT_TRANSLATE_NOOP("Editors", ...).

Example, for a new editor of the sample value "program":
    EditorSpec("program", QT_TRANSLATE_NOOP("Editors", "Programa"), "ui.dialogs.records:ProgramEditor", ("ops", "parent", "partner_choices", "component_choices", "program")),
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class EditorSpec:
    key: str
    source_title: str  # Spanish; translated by title()
    target: str  # "module:Class"
    args: tuple[str, ...]  # names of the Samples values passed to the class, in order

    def title(self) -> str:
        return QCoreApplication.translate("Editors", self.source_title)

    def build(self, samples):
        module, name = self.target.split(":")
        cls = getattr(importlib.import_module(module), name)
        return cls(*(samples.get(arg) for arg in self.args))


_OPS = ("ops", "parent")

# fmt: off
EDITORS: list[EditorSpec] = [
    EditorSpec("partner", QT_TRANSLATE_NOOP("Editors", "Entidad"), "ui.dialogs.partner:PartnerEditor", (*_OPS, "partner")),
    EditorSpec("contact", QT_TRANSLATE_NOOP("Editors", "Contacto"), "ui.dialogs.partner:ContactEditor", (*_OPS, "contact")),
    EditorSpec("commitment", QT_TRANSLATE_NOOP("Editors", "Compromiso"), "ui.dialogs.commitment:CommitmentEditor", (*_OPS, "commitment_choices", "commitment")),
    EditorSpec("progress", QT_TRANSLATE_NOOP("Editors", "Avance"), "ui.dialogs.commitment:ProgressEditor", (*_OPS, "commitment")),
    EditorSpec("meeting", QT_TRANSLATE_NOOP("Editors", "Reunión y acta"), "ui.meetings.editor:MeetingEditor", (*_OPS, "meeting", "meeting_choices")),
    EditorSpec("cluster", QT_TRANSLATE_NOOP("Editors", "Clúster"), "ui.dialogs.records:ClusterEditor", (*_OPS, "cluster")),
    EditorSpec("neighbourhood", QT_TRANSLATE_NOOP("Editors", "Barrio"), "ui.dialogs.records:NeighbourhoodEditor", (*_OPS, "clusters", "neighbourhood")),
    EditorSpec("program", QT_TRANSLATE_NOOP("Editors", "Programa"), "ui.dialogs.records:ProgramEditor", (*_OPS, "partner_choices", "component_choices", "program")),
    EditorSpec("component", QT_TRANSLATE_NOOP("Editors", "Componente"), "ui.dialogs.records:ComponentEditor", (*_OPS, "component")),
    EditorSpec("indicator", QT_TRANSLATE_NOOP("Editors", "Ficha de indicador"), "ui.indicators.editor:IndicatorEditor", (*_OPS, "indicator_choices", "indicator")),
    EditorSpec("indicator_value", QT_TRANSLATE_NOOP("Editors", "Valor de un indicador"), "ui.indicators.editor:ValueEditor", (*_OPS, "indicator", "indicator_clusters", "indicator_value")),
    EditorSpec("population", QT_TRANSLATE_NOOP("Editors", "Población"), "ui.indicators.editor:PopulationEditor", (*_OPS, "indicator_clusters", "population")),
    EditorSpec("excel_partners", QT_TRANSLATE_NOOP("Editors", "Exportar hojas de compromisos"), "ui.excel.partner_dialog:ExcelPartnerDialog", ("partner_counts", "folder", "parent", "sheet_periods")),
    EditorSpec("excel_preview", QT_TRANSLATE_NOOP("Editors", "Vista previa de una importación"), "ui.excel.preview_dialog:ExcelPreviewDialog", ("import_preview", "preview_title", "parent")),
    EditorSpec("welcome", QT_TRANSLATE_NOOP("Editors", "Bienvenida"), "ui.dialogs.welcome:WelcomeDialog", ("parent", "db_description")),
    EditorSpec("recovery", QT_TRANSLATE_NOOP("Editors", "Problema al abrir la base"), "ui.safety.recovery_dialog:RecoveryDialog", ("startup_problem", "parent")),
    EditorSpec("error", QT_TRANSLATE_NOOP("Editors", "Error"), "ui.dialogs.error:ErrorDialog", ("parent", "error_message", "error_detail")),
    EditorSpec("agreed_commitment", QT_TRANSLATE_NOOP("Editors", "Compromiso acordado en una reunión"), "ui.meetings.commitments_tabs:AgreedCommitmentEditor", (*_OPS, "commitment_choices", "commitment", "meeting_id")),
    EditorSpec("progress_window", QT_TRANSLATE_NOOP("Editors", "Progreso de un trabajo largo"), "ui.jobs.progress:ProgressWindow", ("parent", "job_title", "job")),
    EditorSpec("shortcuts", QT_TRANSLATE_NOOP("Editors", "Atajos de teclado"), "ui.help:ShortcutsDialog", ("parent",)),
    EditorSpec("about", QT_TRANSLATE_NOOP("Editors", "Acerca de PAZOS Coordinación"), "ui.help:AboutDialog", ("parent", "db_description", "log_path")),
    EditorSpec("authorisation", QT_TRANSLATE_NOOP("Editors", "Autorización de datos"), "ui.personal_data.dialogs:AuthorisationEditor", (*_OPS, "pd_choices", "authorisation")),
    EditorSpec("rights_request", QT_TRANSLATE_NOOP("Editors", "Solicitud de un titular"), "ui.personal_data.dialogs:RequestEditor", (*_OPS, "pd_contacts", "rights_request")),
    EditorSpec("data_policy", QT_TRANSLATE_NOOP("Editors", "Versión de la política de datos"), "ui.personal_data.dialogs:PolicyEditor", (*_OPS, "data_policy")),
    EditorSpec("data_purpose", QT_TRANSLATE_NOOP("Editors", "Finalidad del tratamiento"), "ui.personal_data.dialogs:PurposeEditor", (*_OPS, "data_purpose")),
    EditorSpec("suppress", QT_TRANSLATE_NOOP("Editors", "Suprimir los datos de una persona"), "ui.personal_data.confirm:SuppressDialog", ("parent", "suppression_plan", "backup_count")),
    EditorSpec("signed_sheet", QT_TRANSLATE_NOOP("Editors", "Planilla firmada"), "ui.personal_data.confirm:SignedSheetDialog", (*_OPS, "meeting_labels")),
    EditorSpec("acta_preview", QT_TRANSLATE_NOOP("Editors", "Vista previa del acta"), "ui.meetings.preview:MinutesPreview", ("parent", "minutes_doc")),
    EditorSpec("person", QT_TRANSLATE_NOOP("Editors", "Su nombre y cargo"), "ui.dialogs.person:PersonDialog", ("parent", "person_name", "person_position")),
    EditorSpec("report_review", QT_TRANSLATE_NOOP("Editors", "Revisión del reporte de un aliado"), "ui.reporting.review:ReviewDialog", (*_OPS, "report_review")),
    EditorSpec("close_period", QT_TRANSLATE_NOOP("Editors", "Cerrar un periodo"), "ui.reporting.dialogs:CloseDialog", (*_OPS, "close_choices")),
    EditorSpec("cycle_settings", QT_TRANSLATE_NOOP("Editors", "Cómo reportan las entidades"), "ui.reporting.dialogs:CycleSettingsDialog", (*_OPS, "cycle_settings")),
    EditorSpec("custom_period", QT_TRANSLATE_NOOP("Editors", "Periodo de reporte propio"), "ui.reporting.dialogs:CustomPeriodEditor", _OPS),
    EditorSpec("evidence", QT_TRANSLATE_NOOP("Editors", "Evidencia de un avance"), "ui.reporting.dialogs:EvidenceDialog", (*_OPS, "evidence_updates")),
    EditorSpec("sign_in", QT_TRANSLATE_NOOP("Editors", "Entrar al servidor"), "ui.people.sign_in:SignInDialog", ("parent", "db_description")),
    EditorSpec("server_person", QT_TRANSLATE_NOOP("Editors", "Persona del servidor"), "ui.people.page:PersonDialog", ("parent",)),
    EditorSpec("signatures", QT_TRANSLATE_NOOP("Editors", "Firmas digitales del acta"), "ui.meetings.signatures:SignaturesDialog", (*_OPS, "signed_meeting_id")),
    EditorSpec("sign_acta", QT_TRANSLATE_NOOP("Editors", "Firmar el acta"), "ui.meetings.sign_dialog:SignDialog", (*_OPS, "sign_target")),
    EditorSpec("manual", QT_TRANSLATE_NOOP("Editors", "Manual de usuario"), "ui.manual.window:ManualWindow", ("parent",)),
    EditorSpec("document_settings", QT_TRANSLATE_NOOP("Editors", "Encabezado de los documentos"), "ui.dialogs.document_checks:DocumentSettingsDialog", ("parent", "document_settings")),
]
# fmt: on


def editor(key: str) -> EditorSpec:
    return next(e for e in EDITORS if e.key == key)
