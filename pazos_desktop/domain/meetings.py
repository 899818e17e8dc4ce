"""Vocabularies and pure rules of meetings: types, statuses, presence, acta numbers, file names."""

from __future__ import annotations

import enum
import re
import unicodedata

from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import N_, translate


class MeetingType(enum.StrEnum):
    TECHNICAL_COMMITTEE = "technical_committee"
    INTERINSTITUTIONAL = "interinstitutional"
    CLUSTER = "cluster"
    OTHER = "other"


MEETING_TYPE_LABELS = {
    MeetingType.TECHNICAL_COMMITTEE: N_("Comité técnico"),
    MeetingType.INTERINSTITUTIONAL: N_("Mesa interinstitucional"),
    MeetingType.CLUSTER: N_("Mesa de clúster"),
    MeetingType.OTHER: N_("Otra reunión"),
}


class MeetingStatus(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


MEETING_STATUS_LABELS = {
    MeetingStatus.DRAFT: N_("Borrador"),
    MeetingStatus.APPROVED: N_("Aprobada"),
}


class Presence(enum.StrEnum):
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


PRESENCE_LABELS = {
    Presence.PRESENT: N_("Presente"),
    Presence.EXCUSED: N_("Excusado(a)"),
    Presence.ABSENT: N_("Ausente"),
}


def meeting_type_label(value: str, lang: str | None = None) -> str:
    return translate(MEETING_TYPE_LABELS.get(value, value), lang)


def meeting_status_label(value: str, lang: str | None = None) -> str:
    return translate(MEETING_STATUS_LABELS.get(value, value), lang)


def presence_label(value: str, lang: str | None = None) -> str:
    return translate(PRESENCE_LABELS.get(value, value), lang)


def default_series(meeting_type: str) -> str:
    """Each kind of body numbers its actas apart: the type's key is its series by default."""
    return meeting_type


def series_label(series: str, lang: str | None = None) -> str:
    """A series as users read it: a type's label, or the name typed for it."""
    if series in set(MeetingType):
        return meeting_type_label(series, lang)
    return series


def acta_label(number: int, year: int, lang: str | None = None) -> str:
    """ "Acta No. 007 de 2026": the consecutive as Colombian offices write it."""
    return translate(N_("Acta No. {number} de {year}"), lang).format(
        number=f"{number:03d}", year=year
    )


def with_series(acta: str, series_name: str) -> str:
    """ "Acta No. 003 de 2026 — Comité técnico": each body numbers its own actas, so the number
    alone does not say which acta."""
    return f"{acta} — {series_name}" if series_name else acta


def acta_name(number: int, year: int, series: str, lang: str | None = None) -> str:
    """The acta's number with its series, as a reader outside the program needs it."""
    return with_series(acta_label(number, year, lang), series_label(series, lang) if series else "")


def acta_title(number: int, year: int, lang: str | None = None) -> str:
    """ "ACTA No. 007 DE 2026": the title line of the signed document."""
    return translate(N_("ACTA No. {number} DE {year}"), lang).format(
        number=f"{number:03d}", year=year
    )


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))} | {
    f"LPT{i}" for i in range(1, 10)
}


def safe_file_name(stem: str, suffix: str = ".pdf", max_len: int = 120) -> str:
    """A file name Windows accepts: ASCII letters, digits, `._-`; no reserved device name."""
    bare = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("_", bare).strip("._ ") or "documento"
    cleaned = cleaned[:max_len].rstrip("._ ")
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned + suffix


def _series_part(series: str) -> str:
    # Two bodies may both have an "Acta No. 007 de 2026": the file names tell them apart.
    return f"{series_label(series, 'es')}_" if series else ""


def minutes_file_name(number: int, year: int, series: str = "") -> str:
    return safe_file_name(f"Acta_{_series_part(series)}{number:03d}_{year}")


def attendance_file_name(number: int, year: int, series: str = "") -> str:
    return safe_file_name(f"Asistencia_Acta_{_series_part(series)}{number:03d}_{year}")


# Who signs an approved acta: the blocks of its signature page (writers/minutes_pdf.py), in
# their order; "other" is a signature added to the file in another program by someone the
# acta does not name.
SIGNER_ROLES = {
    "chair": N_("Preside"),
    "secretary": N_("Secretaría técnica"),
    "prepared": N_("Elaboró"),
    "reviewed": N_("Revisó"),
    "approver": N_("Aprobó"),
    "other": N_("Otro firmante"),
}


def signer_role_label(role: str, lang: str | None = None) -> str:
    return translate(SIGNER_ROLES.get(role, role), lang)


class SignatureState(enum.StrEnum):
    """What a verification of one signature concludes, most serious first."""

    INVALID = "invalid"  # the bytes it signed were altered, or the signature is broken
    CHANGED = "changed"  # intact, but the document was changed after it (not by a signature)
    REVOKED = "revoked"
    EXPIRED = "expired"  # the certificate expired (or was not yet valid) when checked
    WRONG_USE = "wrong_use"  # the certificate is not meant for signing documents
    UNTRUSTED = "untrusted"  # intact, but its issuer is not among the trusted roots
    VALID = "valid"


SIGNATURE_STATE_LABELS = {
    SignatureState.INVALID: N_("No válida: documento alterado o firma dañada"),
    SignatureState.CHANGED: N_("Documento modificado después de esta firma"),
    SignatureState.REVOKED: N_("Certificado revocado"),
    SignatureState.EXPIRED: N_("Certificado vencido o aún no vigente"),
    SignatureState.WRONG_USE: N_("Certificado no apto para firmar documentos"),
    SignatureState.UNTRUSTED: N_("Íntegra; su emisor no es de confianza"),
    SignatureState.VALID: N_("Válida"),
}


def signature_state_label(state: str, lang: str | None = None) -> str:
    return translate(SIGNATURE_STATE_LABELS[SignatureState(state)], lang)


def same_person(named: str, holder: str) -> bool:
    """Whether the name an acta gives is the certificate holder's: every word of it is in
    the certificate's name, whatever the case and accents ("Ana Gómez" and "ANA MARÍA GÓMEZ
    PÉREZ" are one person; "Ana Gómez" and "Luis Muñoz" are not)."""
    from_acta = set(fold(named).split())
    return bool(from_acta) and from_acta <= set(fold(holder).split())
