"""The kinds the indicators, personal data and history brought to the one field declaration:
what each reads, what it refuses (in the words those records always used) and how it shows."""

from __future__ import annotations

import datetime as dt

import pytest

from pazos_desktop.domain.fields import Field, FieldError, Kind
from pazos_desktop.domain.records import (
    ATTENDEE,
    AUTHORISATION,
    COMMITMENT,
    CONTACT,
    INDICATOR,
    INDICATOR_VALUE,
    MEETING,
    POPULATION,
    RECORDS,
    REQUEST,
)
from pazos_desktop.i18n import set_language
from pazos_desktop.services.common import Checker
from pazos_desktop.services.history.readable import field_spec


@pytest.mark.parametrize(
    "spec, typed, value, shown",
    [
        (INDICATOR_VALUE["value"], "1.500,5", 1500.5, "1.500,5"),
        (INDICATOR_VALUE["value"], "-3", -3.0, "-3"),
        (INDICATOR["scale"], "100.000", 100_000.0, "100.000"),
        (POPULATION["population"], "21.500", 21_500, "21.500"),
        (POPULATION["year"], "2011", 2011, "2011"),  # a year is never "2.011"
        (MEETING["start_time"], "9h30", dt.time(9, 30), "09:30"),
        (INDICATOR_VALUE["period_start"], " 2024-T2 ", "2024-T2", "2024-T2"),
        (INDICATOR["level"], "Impact", "impact", "Impacto"),
        (INDICATOR_VALUE["cut_off"], "05/03/1990", dt.date(1990, 3, 5), "05/03/1990"),
    ],
)
def test_a_typed_value_is_read_checked_and_shown_back(spec, typed, value, shown):
    assert spec.check(typed) == value
    assert spec.format(value) == shown
    assert spec.check(spec.format(value)) == value  # what is shown reads back the same


def test_a_moment_is_shown_on_the_readers_clock():
    moment = dt.datetime(2026, 11, 25, 15, 30)  # UTC, as the program stamps it
    local = moment.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")
    assert MEETING["approved_at"].format(moment) == local


def test_a_list_of_links_passes_as_ids():
    assert INDICATOR["component_ids"].check([2, 3]) == [2, 3]
    assert INDICATOR["component_ids"].is_link and not INDICATOR["code"].is_link


@pytest.mark.parametrize(
    "spec, typed, message",
    [
        (POPULATION["population"], "0", "Población: debe estar entre 1 y 100.000.000."),
        (POPULATION["population"], "1,5", "Población: debe ser un número entero."),
        (POPULATION["year"], "1899", "Año: debe estar entre 1.900 y 2.200."),
        (INDICATOR_VALUE["denominator"], "0", "Denominador: debe ser mayor que cero."),
        (INDICATOR_VALUE["numerator"], "-1", "Numerador: no puede ser negativo."),
        (INDICATOR_VALUE["value"], "1E+400", "Valor: debe ser un número."),
        (INDICATOR["level"], "Mucho", "Nivel: elija uno de la lista."),
        (REQUEST["type"], "Queja", "Tipo: elija uno de la lista."),
        (REQUEST["received_on"], "31/02/2026", "Recibida el: escriba la fecha como dd/mm/aaaa."),
        (COMMITMENT["status"], "Terminado", "Estado: «Terminado» no es una de las opciones"),
    ],
)
def test_each_record_refuses_in_its_own_words(spec, typed, message):
    with pytest.raises(FieldError) as err:
        spec.check(typed)
    assert err.value.message.startswith(message)


def test_personal_data_and_indicator_dates_are_not_refused_for_being_far_away():
    assert REQUEST["received_on"].check("01/01/1990") == dt.date(1990, 1, 1)
    with pytest.raises(FieldError, match="fuera de las fechas"):
        COMMITMENT["due_date"].check("01/01/1990")  # the register's dates keep their bounds


def test_a_value_is_shown_in_the_document_language():
    assert INDICATOR["direction"].format("lower", "en") == "Lower is better"
    assert INDICATOR["by_sex"].format(True, "en") == "Yes"
    assert INDICATOR["by_sex"].format(True, "es") == "Sí"


def test_refusals_read_in_english_too():
    set_language("en")
    with pytest.raises(FieldError) as err:
        POPULATION["population"].check("0")
    assert err.value.message == "Population: must be between 1 and 100.000.000."


def test_info_fields_are_shown_not_checked_with_their_record():
    assert "type" in MEETING and "type" not in MEETING.keys()
    assert "contact_id" not in ATTENDEE.keys()
    assert "computed" not in INDICATOR_VALUE.keys()
    c = Checker()
    values = c.record(MEETING, {"date": "25/11/2026", "type": "no es un tipo"})
    assert "type" not in values and c.errors == {}


def test_checker_given_leaves_links_to_their_service():
    c = Checker()
    values = c.given(AUTHORISATION, {"means": "email", "policy_id": None, "granted_on": None})
    assert set(values) == {"means", "granted_on"}
    assert set(c.errors) == {"granted_on"}  # the policy's message is the service's own


def test_a_hidden_field_is_not_shown_in_the_history():
    assert CONTACT["partner_id"].hidden
    assert field_spec("contact", "partner_id") is None
    hidden = [(r.entity, f.key) for r in RECORDS.values() for f in r.fields if f.hidden]
    assert ("meeting_attendee", "sort_order") in hidden
    assert all(field_spec(entity, key) is None for entity, key in hidden)


def test_the_history_names_a_linked_record_and_lists_links_as_written():
    assert field_spec("commitment", "partner_id").ref == "partner"
    clusters = field_spec("commitment", "clusters")  # the relationship's name in the history
    assert clusters is COMMITMENT["cluster_ids"] and clusters.kind == Kind.REFS
    assert field_spec("commitment", "nuevo_campo") == Field("nuevo_campo", "nuevo_campo")
