"""Partners and contacts: rules with field-level errors that change nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pazos_desktop.db.models.register import Partner
from pazos_desktop.domain.codes import nit_check_digit, normalize_nit
from pazos_desktop.errors import ValidationError
from pazos_desktop.i18n import set_language
from pazos_desktop.services import partners
from tests import factories as f


def test_nit_check_digit_matches_dian_examples():
    # DIAN's published examples: 800.197.268-4 (DIAN itself) and 890.399.010-6.
    assert nit_check_digit("800197268") == 4
    assert nit_check_digit("890399010") == 6
    assert normalize_nit("800.197.268-4") == "800197268-4"
    assert normalize_nit("800197268-5") is None
    assert normalize_nit("abc") is None


def test_create_partner_and_read_it_back(session):
    created = f.partner(
        session,
        "Fundación SIDOC",
        acronym="SIDOC",
        nit="800.197.268-4",
        email="info@sidoc.org",
        type="foundation",
    )
    again = partners.get_partner(session, created.id)
    assert again.name == "Fundación SIDOC"
    assert again.nit == "800197268-4"
    assert again.version == 1


def test_bad_nit_and_email_are_field_errors_and_nothing_is_saved(session):
    with pytest.raises(ValidationError) as err:
        f.partner(session, "Entidad X", nit="800197268-5", email="no-es-correo")
    assert set(err.value.fields) == {"nit", "email"}
    assert "dígito de verificación" in err.value.fields["nit"]
    assert session.scalar(select(func.count()).select_from(Partner)) == 0


def test_required_name_and_valid_type(session):
    with pytest.raises(ValidationError) as err:
        partners.save_partner(session, partners.PartnerData(name="   ", type="martian"))
    assert set(err.value.fields) == {"name", "type"}


def test_names_are_unique_regardless_of_case_and_accents(session):
    f.partner(session, "Fundación SIDOC")
    with pytest.raises(ValidationError) as err:
        f.partner(session, "fundacion  sidoc")
    assert "ya existe" in err.value.fields["name"]


def test_agreement_end_not_before_start(session):
    import datetime as dt

    with pytest.raises(ValidationError) as err:
        f.partner(
            session, "X", agreement_start=dt.date(2026, 5, 1), agreement_end=dt.date(2026, 4, 1)
        )
    assert "agreement_end" in err.value.fields


def test_errors_in_english_when_asked(session):
    set_language("en")
    with pytest.raises(ValidationError) as err:
        f.partner(session, "X", email="bad")
    assert err.value.fields["email"] == 'E-mail: "bad" is not a valid address.'


def test_partner_with_commitments_is_archived_not_deleted(session):
    p = f.partner(session)
    c = f.cluster(session)
    f.commitment(session, p.id, [c.id])
    partners.set_archived(session, p.id, True)
    assert [r.id for r in partners.list_partners(session)] == []
    assert [r.archived for r in partners.list_partners(session, include_archived=True)] == [True]
    partners.set_archived(session, p.id, False)
    assert [r.name for r in partners.list_partners(session)] == ["Fundación SIDOC"]


def test_list_counts_contacts_commitments_and_overdue(session):
    import datetime as dt

    p = f.partner(session)
    f.contact(session, p.id)
    c = f.cluster(session)
    f.commitment(
        session, p.id, [c.id], due_date=dt.date(2020, 1, 1), start_date=dt.date(2019, 1, 1)
    )
    f.commitment(session, p.id, [c.id])
    row = partners.list_partners(session, on=dt.date(2026, 6, 1))[0]
    assert (row.contacts, row.commitments, row.overdue) == (1, 2, 1)


def test_contact_rules(session):
    p = f.partner(session)
    with pytest.raises(ValidationError) as err:
        partners.save_contact(session, partners.ContactData(partner_id=None, name="", email="x"))
    assert set(err.value.fields) == {"partner_id", "name", "email"}
    saved = f.contact(session, p.id, "Luis Muñoz", position="Director")
    assert partners.list_contacts(session, p.id)[0].name == "Luis Muñoz"
    assert saved.partner_name == "Fundación SIDOC"
