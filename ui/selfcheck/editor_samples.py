"""The values editors are built with (ui/editors.py): real records of the open database.

`Samples(ops, parent, folder).get(name)` reads a value the first time it is asked for, on the
operations worker (as the views do), and keeps it; an editor that needs a new kind of value
gets one more `load_<name>` method here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("Editors", text)


class Samples:
    def __init__(self, ops, parent, folder: Path):
        self.ops, self.folder = ops, Path(folder)
        self._values: dict[str, object] = {"ops": ops, "parent": parent}

    def get(self, name: str):
        if name not in self._values:
            load = getattr(self, f"load_{name}", None)
            if load is None:
                raise KeyError(f"no sample value named {name!r} (ui/editor_samples.py)")
            self._values[name] = load()
        return self._values[name]

    def _read(self, fn):
        return self.ops.call_now(fn)

    # --- records ---------------------------------------------------------------------------

    def load_partner(self):
        from pazos_desktop.services import partners

        return self._read(lambda s: partners.get_partner(s, partners.list_partners(s)[0].id))

    def load_contact(self):
        from pazos_desktop.services import partners

        return self._read(lambda s: partners.list_contacts(s)[0])

    def load_commitment(self):
        from pazos_desktop.services.commitments import editing as commitments
        from pazos_desktop.services.commitments import search

        def first(session):
            ids = search.commitment_ids(session, search.CommitmentFilter())
            return commitments.get_commitment(session, ids[0])

        return self._read(first)

    def load_commitment_choices(self):
        from ui.dialogs.commitment import load_choices

        return self._read(load_choices)

    def load_meeting(self):
        from pazos_desktop.services.meetings import editing as meetings
        from pazos_desktop.services.meetings import listing as meeting_list

        return self._read(lambda s: meetings.get_meeting(s, meeting_list.list_meetings(s)[0].id))

    def load_minutes_doc(self):
        """The acta of the sample meeting as its PDF is drawn (the preview's content)."""
        from pazos_desktop.i18n import get_language
        from pazos_desktop.services.meetings.minutes import minutes_document

        meeting_id, lang = self.get("meeting").id, get_language()
        return self._read(lambda s: minutes_document(s, meeting_id, lang))

    def load_person_name(self) -> str:
        return "Luz Dary Ortiz Muñoz"

    def load_person_position(self) -> str:
        return tr("Secretaria técnica de la mesa")

    def load_sign_target(self):
        """An approved acta's unsigned blocks (the sample approves its older actas)."""
        from pazos_desktop.documents.signatures.listing import sign_target
        from pazos_desktop.services.meetings import listing as meeting_list

        def first_approved(session):
            rows = meeting_list.list_meetings(
                session, meeting_list.MeetingFilter(status="approved")
            )
            return sign_target(session, rows[0].id)

        return self._read(first_approved)

    def load_signed_meeting_id(self) -> int:
        return self.get("sign_target").meeting_id

    def load_meeting_choices(self):
        from ui.meetings.actions import load_choices

        return self._read(load_choices)

    def load_cluster(self):
        return self.get("clusters")[0]

    def load_clusters(self):
        from pazos_desktop.services import territory

        return self._read(territory.list_clusters)

    def load_neighbourhood(self):
        from pazos_desktop.services import territory

        return self._read(lambda s: territory.list_neighbourhoods(s)[0])

    def load_program(self):
        from pazos_desktop.services import programs

        return self._read(lambda s: programs.list_programs(s)[0])

    def load_component(self):
        from pazos_desktop.services import components

        return self._read(lambda s: components.list_components(s)[0])

    def load_partner_choices(self):
        from pazos_desktop.services import partners

        rows = self._read(lambda s: partners.partner_choices(s, include_archived=False))
        return [(p.name, p.id, p.acronym) for p in rows]

    def load_component_choices(self):
        from pazos_desktop.services import components

        return [(c.name(), c.id) for c in self._read(components.list_components)]

    def load_partner_counts(self):
        from pazos_desktop.services import partners

        rows = self._read(partners.list_partners)
        return [(p.name, p.id, p.commitments) for p in rows if p.commitments]

    def load_sheet_periods(self):
        from ui.excel.partner_dialog import load_choices

        return self._read(load_choices)[1]

    # --- the reporting cycle ---------------------------------------------------------------

    def load_report_review(self):
        """A report received (the sample has some), else the first expected one."""
        from pazos_desktop.clock import today_in
        from pazos_desktop.services.reporting import periods, review, states

        def first(session):
            today = today_in(session)
            for period in periods.view_periods(session, today):
                lines = states.period_lines(session, period, today)
                chosen = [x for x in lines if x.stored == "received"] or lines
                if chosen:
                    return review.load_review(session, period, chosen[0].partner_id)
            raise LookupError("no report to review")

        return self._read(first)

    def load_close_choices(self):
        from ui.reporting.dialogs import load_close_choices

        return self._read(load_close_choices)

    def load_cycle_settings(self):
        from ui.reporting.dialogs import load_cycle_settings

        return self._read(load_cycle_settings)

    def load_evidence_updates(self):
        from ui.reporting.evidence import load_evidence

        commitment = self.get("commitment")
        return self._read(lambda s: load_evidence(s, commitment.id))[1]

    # --- personal data ---------------------------------------------------------------------

    def load_pd_choices(self):
        from ui.personal_data.dialogs import load_choices

        return self._read(load_choices)

    def load_authorisation(self):
        from pazos_desktop.services.personal_data import authorisations as auth

        def first(session):
            row = auth.list_contact_states(session)[0]
            found = auth.authorisations_of(session, row.id)
            return found[0] if found else auth.AuthorisationData(contact_id=row.id)

        return self._read(first)

    def load_pd_contacts(self):
        from ui.personal_data.requests_tab import load_contacts

        return self._read(load_contacts)

    def load_rights_request(self):
        from pazos_desktop.services.personal_data import requests

        def first(session):
            rows = requests.list_requests(session)
            return requests.get_request(session, rows[0].id) if rows else requests.RequestData()

        return self._read(first)

    def load_data_policy(self):
        from pazos_desktop.services.personal_data import policies

        return self._read(lambda s: (policies.list_policies(s) or [policies.PolicyData()])[0])

    def load_data_purpose(self):
        from pazos_desktop.services.personal_data import policies

        return self._read(lambda s: policies.list_purposes(s)[0])

    def load_suppression_plan(self):
        """Only planned (read): the self-check never suppresses anybody."""
        from pazos_desktop.services.partners import list_contacts
        from pazos_desktop.services.personal_data.suppression import plan_suppression

        return self._read(lambda s: plan_suppression(s, list_contacts(s)[0].id))

    def load_backup_count(self) -> int:
        return 3

    def load_meeting_labels(self):
        from pazos_desktop.domain.formats import format_date
        from pazos_desktop.services.meetings.listing import list_meetings

        rows = self._read(list_meetings)
        return [(f"{m.label} — {format_date(m.date)}", m.id) for m in rows]

    def load_indicator_choices(self):
        from ui.indicators.editor import load_indicator_choices

        return self._read(load_indicator_choices)

    def load_indicator(self):
        from pazos_desktop.services.indicators import sheets as indicators

        return self._read(lambda s: indicators.list_indicators(s)[0])

    def load_indicator_value(self):
        from pazos_desktop.services.indicators import values as indicator_values

        indicator = self.get("indicator")
        return self._read(lambda s: indicator_values.list_values(s, indicator.id)[0])

    def load_indicator_clusters(self):
        return [(c.name, c.id) for c in self.get("clusters")]

    def load_population(self):
        from pazos_desktop.services.indicators import sheets as indicators

        return self._read(lambda s: indicators.list_populations(s)[0])

    def load_document_settings(self) -> dict[str, str]:
        from pazos_desktop.services import settings

        return self._read(settings.all_settings)

    # --- files and messages ----------------------------------------------------------------

    def load_folder(self) -> str:
        return str(self.folder)

    def load_import_preview(self):
        """A partner's sheet as the program writes it, read back by the import's preview."""
        from pazos_desktop.excel.data import load_partner_sheets
        from pazos_desktop.excel.partner.returned import preview_progress
        from pazos_desktop.excel.partner.sheets import file_name, write_partner_sheet

        def preview(session):
            data = load_partner_sheets(session)[0]
            path = self.folder / file_name(data)
            write_partner_sheet(data, path)
            return preview_progress(session, [path])

        return self._read(preview)

    def load_preview_title(self) -> str:
        return tr("Importar hojas devueltas")

    def load_db_description(self) -> str:
        return self.ops.db.describe()

    def load_startup_problem(self):
        from pazos_desktop.safety.startup import Recovery, StartupProblem

        return StartupProblem("self_check", "self-check", [Recovery.QUIT], None)

    def load_meeting_id(self) -> int:
        return self.get("meeting").id

    def load_job_title(self) -> str:
        return tr("Exportando el libro completo")

    def load_job(self):
        """A job that never runs (its dialog is drawn, nothing is queued)."""
        from ui.jobs.operations import Job

        return Job(self.ops, self.get("job_title"))

    def load_log_path(self) -> str:
        from ui import errors

        return str(errors.log_file() or "")

    def load_error_message(self) -> str:
        return tr("Ejemplo de mensaje de error: no se guardó nada.")

    def load_error_detail(self) -> str:
        return "Traceback (most recent call last):\n  ...\nRuntimeError: self-check"
