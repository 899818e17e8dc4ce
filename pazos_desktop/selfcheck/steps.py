"""The self-check's steps, in order, by name: a list with no imports, so `main.py` can add the
window's steps at every start without loading what the steps need (SQLAlchemy, the writers)."""

from __future__ import annotations

SELF_CHECK_STEPS: list[object] = [
    "pazos_desktop.selfcheck.runner:check_resources",
    "pazos_desktop.selfcheck.runner:check_migrations",
    "pazos_desktop.selfcheck.runner:check_sample_data",
    "pazos_desktop.selfcheck.runner:check_read_back",
    "pazos_desktop.selfcheck.runner:check_backup_restore",
    "pazos_desktop.selfcheck.runner:check_defusedxml",
    "pazos_desktop.selfcheck.documents:check_minutes_pdf",
    "pazos_desktop.selfcheck.documents:check_attendance_pdf",
    "pazos_desktop.selfcheck.documents:check_approved_acta",
    "pazos_desktop.selfcheck.signing:check_signed_acta",
    "pazos_desktop.selfcheck.documents:check_report_pdf",
    "pazos_desktop.selfcheck.documents:check_report_xlsx",
    "pazos_desktop.selfcheck.documents:check_partner_sheet_xlsx",
    "pazos_desktop.selfcheck.documents:check_partner_email_draft",
    "pazos_desktop.selfcheck.documents:check_workbook_xlsx",
    "pazos_desktop.selfcheck.documents:check_bulk_template_xlsx",
    "pazos_desktop.selfcheck.personal_data:check_personal_data_export",
    "pazos_desktop.selfcheck.documents:check_indicators_xlsx",
    "pazos_desktop.selfcheck.documents:check_manual_pdf",
]
