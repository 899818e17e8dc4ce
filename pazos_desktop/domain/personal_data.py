"""Vocabularies of personal data (Ley 1581 de 2012): the types and statuses of holders'
requests and the means of an authorisation."""

from __future__ import annotations

import enum

from pazos_desktop.i18n import N_


class RequestType(enum.StrEnum):
    QUERY = "query"  # consulta
    COMPLAINT = "complaint"  # reclamo
    UPDATE = "update"  # actualización o corrección
    SUPPRESSION = "suppression"  # supresión
    REVOCATION = "revocation"  # revocatoria de la autorización


TYPE_LABELS = {
    RequestType.QUERY: N_("Consulta"),
    RequestType.COMPLAINT: N_("Reclamo"),
    RequestType.UPDATE: N_("Actualización o corrección"),
    RequestType.SUPPRESSION: N_("Supresión"),
    RequestType.REVOCATION: N_("Revocatoria de la autorización"),
}


class RequestStatus(enum.StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"


STATUS_LABELS = {
    RequestStatus.RECEIVED: N_("Recibida"),
    RequestStatus.IN_PROGRESS: N_("En trámite"),
    RequestStatus.ANSWERED: N_("Respondida"),
    RequestStatus.WITHDRAWN: N_("Desistida"),
}


class Means(enum.StrEnum):
    WRITTEN_FORM = "written_form"
    ATTENDANCE_SHEET = "attendance_sheet"
    EMAIL = "email"
    VERBAL_RECORDED = "verbal_recorded"
    VIRTUAL_FORM = "virtual_form"


MEANS_LABELS = {
    Means.WRITTEN_FORM: N_("Formato escrito"),
    Means.ATTENDANCE_SHEET: N_("Planilla de asistencia"),
    Means.EMAIL: N_("Correo electrónico"),
    Means.VERBAL_RECORDED: N_("Verbal grabada"),
    Means.VIRTUAL_FORM: N_("Formulario virtual"),
}
